-- CreateTable
CREATE TABLE "PayPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'settled',
    "workerCount" INTEGER NOT NULL,
    "grossFen" BIGINT NOT NULL,
    "taxFen" BIGINT NOT NULL,
    "chargesFen" BIGINT NOT NULL,
    "netFen" BIGINT NOT NULL,
    "settledById" TEXT NOT NULL,
    "settledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Payslip" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "payPeriodId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "payFen" BIGINT NOT NULL,
    "remunerationFen" BIGINT NOT NULL,
    "taxFen" BIGINT NOT NULL,
    "chargesFen" BIGINT NOT NULL,
    "netFen" BIGINT NOT NULL,
    "withheld" BOOLEAN NOT NULL,
    "acknowledgedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Payslip_payPeriodId_fkey" FOREIGN KEY ("payPeriodId") REFERENCES "PayPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PayslipLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "payslipId" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "productId" TEXT,
    "processStepId" TEXT,
    "pieceRateId" TEXT,
    "rateE4" BIGINT,
    "pieces" INTEGER NOT NULL DEFAULT 0,
    "amountFen" BIGINT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "sourceId" TEXT,
    CONSTRAINT "PayslipLine_payslipId_fkey" FOREIGN KEY ("payslipId") REFERENCES "Payslip" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PayAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "correctsMonth" TEXT NOT NULL DEFAULT '',
    "correctsPayslipId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PayslipQuery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "payslipId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT NOT NULL DEFAULT '',
    "answeredById" TEXT,
    "answeredAt" DATETIME,
    CONSTRAINT "PayslipQuery_payslipId_fkey" FOREIGN KEY ("payslipId") REFERENCES "Payslip" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PayPeriod_workshopId_month_key" ON "PayPeriod"("workshopId", "month");

-- CreateIndex
CREATE INDEX "Payslip_workerId_month_idx" ON "Payslip"("workerId", "month");

-- CreateIndex
CREATE INDEX "Payslip_workshopId_month_idx" ON "Payslip"("workshopId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "Payslip_payPeriodId_workerId_key" ON "Payslip"("payPeriodId", "workerId");

-- CreateIndex
CREATE INDEX "PayslipLine_payslipId_sortOrder_idx" ON "PayslipLine"("payslipId", "sortOrder");

-- CreateIndex
CREATE INDEX "PayAdjustment_workshopId_month_idx" ON "PayAdjustment"("workshopId", "month");

-- CreateIndex
CREATE INDEX "PayAdjustment_workerId_month_idx" ON "PayAdjustment"("workerId", "month");

-- CreateIndex
CREATE INDEX "PayslipQuery_payslipId_idx" ON "PayslipQuery"("payslipId");

-- CreateIndex
CREATE INDEX "PayslipQuery_workshopId_answeredAt_idx" ON "PayslipQuery"("workshopId", "answeredAt");

-- CreateIndex
CREATE INDEX "Lot_workshopId_checkedOn_workerId_idx" ON "Lot"("workshopId", "checkedOn", "workerId");

