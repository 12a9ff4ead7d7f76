-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "workshopId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notice_recipientId_readAt_idx" ON "Notice"("recipientId", "readAt");

-- CreateIndex
CREATE INDEX "Notice_recipientId_id_idx" ON "Notice"("recipientId", "id");

-- CreateIndex
CREATE INDEX "Notice_subjectId_idx" ON "Notice"("subjectId");

