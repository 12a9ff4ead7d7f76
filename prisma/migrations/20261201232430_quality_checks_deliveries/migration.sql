-- CreateTable
CREATE TABLE "QualityReason" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QualityReason_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceE4" BIGINT NOT NULL,
    "deliveredOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Delivery_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "dueOn" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "unitPriceE4" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decisionReason" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "allocatedQuantity" INTEGER NOT NULL DEFAULT 0,
    "openQuantity" INTEGER NOT NULL DEFAULT 0,
    "deliveredQuantity" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("allocatedQuantity", "createdAt", "createdById", "decidedAt", "decidedById", "decisionReason", "dueOn", "id", "notes", "openQuantity", "partnerId", "productId", "quantity", "status", "unitPriceE4", "updatedAt", "workshopId") SELECT "allocatedQuantity", "createdAt", "createdById", "decidedAt", "decidedById", "decisionReason", "dueOn", "id", "notes", "openQuantity", "partnerId", "productId", "quantity", "status", "unitPriceE4", "updatedAt", "workshopId" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE INDEX "Order_workshopId_status_idx" ON "Order"("workshopId", "status");
CREATE INDEX "Order_partnerId_idx" ON "Order"("partnerId");
CREATE TABLE "new_Lot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "processStepId" TEXT,
    "pieceLogId" TEXT,
    "originLogId" TEXT NOT NULL,
    "reworkOfLotId" TEXT,
    "loggedQuantity" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "differenceReason" TEXT NOT NULL DEFAULT '',
    "pieceRateId" TEXT,
    "rateE4" BIGINT,
    "status" TEXT NOT NULL DEFAULT 'awaiting',
    "receivedById" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedOn" TEXT NOT NULL,
    "passedQuantity" INTEGER NOT NULL DEFAULT 0,
    "reworkQuantity" INTEGER NOT NULL DEFAULT 0,
    "rejectedQuantity" INTEGER NOT NULL DEFAULT 0,
    "reworkReasonId" TEXT,
    "reworkReason" TEXT NOT NULL DEFAULT '',
    "rejectedReasonId" TEXT,
    "rejectedReason" TEXT NOT NULL DEFAULT '',
    "checkNote" TEXT NOT NULL DEFAULT '',
    "checkPhotoPath" TEXT,
    "checkedById" TEXT,
    "checkedAt" DATETIME,
    "checkedOn" TEXT,
    CONSTRAINT "Lot_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Lot_pieceLogId_fkey" FOREIGN KEY ("pieceLogId") REFERENCES "PieceLog" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Every lot so far is a receipt: its pieces come from its own log (ADR 021).
INSERT INTO "new_Lot" ("assignmentId", "differenceReason", "id", "loggedQuantity", "orderId", "originLogId", "pieceLogId", "pieceRateId", "processStepId", "productId", "quantity", "rateE4", "receivedAt", "receivedById", "receivedOn", "status", "workerId", "workshopId") SELECT "assignmentId", "differenceReason", "id", "loggedQuantity", "orderId", "pieceLogId", "pieceLogId", "pieceRateId", "processStepId", "productId", "quantity", "rateE4", "receivedAt", "receivedById", "receivedOn", "status", "workerId", "workshopId" FROM "Lot";
DROP TABLE "Lot";
ALTER TABLE "new_Lot" RENAME TO "Lot";
CREATE UNIQUE INDEX "Lot_pieceLogId_key" ON "Lot"("pieceLogId");
CREATE INDEX "Lot_workshopId_status_idx" ON "Lot"("workshopId", "status");
CREATE INDEX "Lot_workerId_receivedOn_idx" ON "Lot"("workerId", "receivedOn");
CREATE INDEX "Lot_orderId_idx" ON "Lot"("orderId");
CREATE INDEX "Lot_workshopId_checkedOn_idx" ON "Lot"("workshopId", "checkedOn");
CREATE INDEX "Lot_workerId_checkedOn_idx" ON "Lot"("workerId", "checkedOn");
CREATE INDEX "Lot_originLogId_idx" ON "Lot"("originLogId");
CREATE INDEX "Lot_reworkOfLotId_idx" ON "Lot"("reworkOfLotId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "QualityReason_workshopId_label_key" ON "QualityReason"("workshopId", "label");

-- CreateIndex
CREATE INDEX "Delivery_workshopId_deliveredOn_idx" ON "Delivery"("workshopId", "deliveredOn");

-- CreateIndex
CREATE INDEX "Delivery_partnerId_idx" ON "Delivery"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_orderId_sequence_key" ON "Delivery"("orderId", "sequence");

-- Default quality reasons for the workshops that exist (new ones get them when created, ADR 021).
INSERT INTO "QualityReason" ("id", "workshopId", "label", "sortOrder")
SELECT w."id" || '-qr' || r."n", w."id", r."label", r."n"
FROM "Workshop" w CROSS JOIN (
  SELECT 1 AS "n", '尺寸不符' AS "label" UNION ALL
  SELECT 2, '有裂纹' UNION ALL
  SELECT 3, '颜色不均' UNION ALL
  SELECT 4, '包装破损' UNION ALL
  SELECT 5, '表面有瑕疵'
) r;
