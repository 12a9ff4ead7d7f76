-- CreateTable
CREATE TABLE "WorkerImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "coordinatorId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ImportedWorker" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "initialPassword" BOOLEAN NOT NULL DEFAULT true,
    "importedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "WorkerImport_workshopId_coordinatorId_idx" ON "WorkerImport"("workshopId", "coordinatorId");

-- CreateIndex
CREATE INDEX "WorkerImport_expiresAt_idx" ON "WorkerImport"("expiresAt");

-- CreateIndex
CREATE INDEX "ImportedWorker_workshopId_idx" ON "ImportedWorker"("workshopId");

