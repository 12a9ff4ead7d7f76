-- CreateTable
CREATE TABLE "IncomeStatement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "fromMonth" TEXT NOT NULL,
    "toMonth" TEXT NOT NULL,
    "totalFen" BIGINT NOT NULL,
    "months" TEXT NOT NULL,
    "unsettledMonths" TEXT NOT NULL,
    "workerName" TEXT NOT NULL,
    "workerPhoneMasked" TEXT NOT NULL,
    "workshopName" TEXT NOT NULL,
    "workshopLocation" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "IncomeStatement_code_key" ON "IncomeStatement"("code");

-- CreateIndex
CREATE INDEX "IncomeStatement_workshopId_workerId_issuedAt_idx" ON "IncomeStatement"("workshopId", "workerId", "issuedAt");

