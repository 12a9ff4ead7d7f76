-- CreateTable
CREATE TABLE "WorkerImport" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "coordinatorId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkerImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedWorker" (
    "userId" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "initialPassword" BOOLEAN NOT NULL DEFAULT true,
    "importedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedWorker_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "WorkerImport_workshopId_coordinatorId_idx" ON "WorkerImport"("workshopId", "coordinatorId");

-- CreateIndex
CREATE INDEX "WorkerImport_expiresAt_idx" ON "WorkerImport"("expiresAt");

-- CreateIndex
CREATE INDEX "ImportedWorker_workshopId_idx" ON "ImportedWorker"("workshopId");

