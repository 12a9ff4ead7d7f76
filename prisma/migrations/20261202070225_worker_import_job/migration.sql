-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WorkerImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "coordinatorId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'staged',
    "total" INTEGER NOT NULL DEFAULT 0,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" DATETIME,
    "problem" TEXT,
    "sheet" TEXT,
    "created" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "finishedAt" DATETIME,
    "sheetShownAt" DATETIME
);
INSERT INTO "new_WorkerImport" ("coordinatorId", "createdAt", "expiresAt", "fileName", "id", "rows", "workshopId") SELECT "coordinatorId", "createdAt", "expiresAt", "fileName", "id", "rows", "workshopId" FROM "WorkerImport";
DROP TABLE "WorkerImport";
ALTER TABLE "new_WorkerImport" RENAME TO "WorkerImport";
CREATE INDEX "WorkerImport_workshopId_coordinatorId_idx" ON "WorkerImport"("workshopId", "coordinatorId");
CREATE INDEX "WorkerImport_expiresAt_idx" ON "WorkerImport"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

