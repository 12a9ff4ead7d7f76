-- AlterTable
ALTER TABLE "Material" ADD COLUMN     "stockE3" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "loggedQuantity" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MaterialMovement" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "materialId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "quantityE3" BIGINT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "orderId" TEXT,
    "assignmentId" TEXT,
    "workerId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaterialMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssignmentBomLine" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "materialId" TEXT NOT NULL,
    "quantityPerPieceE3" BIGINT NOT NULL,

    CONSTRAINT "AssignmentBomLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PieceLog" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "processStepId" TEXT,
    "quantity" INTEGER NOT NULL,
    "loggedOn" TEXT NOT NULL,
    "pieceRateId" TEXT,
    "rateE4" BIGINT,
    "photoPath" TEXT,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "changeReason" TEXT NOT NULL DEFAULT '',
    "clientKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PieceLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lot" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "processStepId" TEXT,
    "pieceLogId" TEXT NOT NULL,
    "loggedQuantity" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "differenceReason" TEXT NOT NULL DEFAULT '',
    "pieceRateId" TEXT,
    "rateE4" BIGINT,
    "status" TEXT NOT NULL DEFAULT 'awaiting',
    "receivedById" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedOn" TEXT NOT NULL,

    CONSTRAINT "Lot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaterialDeduction" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "materialId" TEXT NOT NULL,
    "proposedFen" BIGINT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "month" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MaterialDeduction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MaterialMovement_materialId_createdAt_idx" ON "MaterialMovement"("materialId", "createdAt");

-- CreateIndex
CREATE INDEX "MaterialMovement_assignmentId_idx" ON "MaterialMovement"("assignmentId");

-- CreateIndex
CREATE INDEX "MaterialMovement_workerId_createdAt_idx" ON "MaterialMovement"("workerId", "createdAt");

-- CreateIndex
CREATE INDEX "MaterialMovement_workshopId_createdAt_idx" ON "MaterialMovement"("workshopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AssignmentBomLine_assignmentId_materialId_key" ON "AssignmentBomLine"("assignmentId", "materialId");

-- CreateIndex
CREATE INDEX "PieceLog_assignmentId_status_idx" ON "PieceLog"("assignmentId", "status");

-- CreateIndex
CREATE INDEX "PieceLog_workshopId_status_createdAt_idx" ON "PieceLog"("workshopId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "PieceLog_workerId_loggedOn_idx" ON "PieceLog"("workerId", "loggedOn");

-- CreateIndex
CREATE UNIQUE INDEX "PieceLog_workerId_clientKey_key" ON "PieceLog"("workerId", "clientKey");

-- CreateIndex
CREATE UNIQUE INDEX "Lot_pieceLogId_key" ON "Lot"("pieceLogId");

-- CreateIndex
CREATE INDEX "Lot_workshopId_status_idx" ON "Lot"("workshopId", "status");

-- CreateIndex
CREATE INDEX "Lot_workerId_receivedOn_idx" ON "Lot"("workerId", "receivedOn");

-- CreateIndex
CREATE INDEX "Lot_orderId_idx" ON "Lot"("orderId");

-- CreateIndex
CREATE INDEX "MaterialDeduction_workerId_month_idx" ON "MaterialDeduction"("workerId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialDeduction_assignmentId_materialId_key" ON "MaterialDeduction"("assignmentId", "materialId");

-- AddForeignKey
ALTER TABLE "MaterialMovement" ADD CONSTRAINT "MaterialMovement_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaterialMovement" ADD CONSTRAINT "MaterialMovement_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentBomLine" ADD CONSTRAINT "AssignmentBomLine_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentBomLine" ADD CONSTRAINT "AssignmentBomLine_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PieceLog" ADD CONSTRAINT "PieceLog_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_pieceLogId_fkey" FOREIGN KEY ("pieceLogId") REFERENCES "PieceLog"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

