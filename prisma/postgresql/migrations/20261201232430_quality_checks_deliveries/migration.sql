-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "deliveredQuantity" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Lot" ADD COLUMN     "checkNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "checkPhotoPath" TEXT,
ADD COLUMN     "checkedAt" TIMESTAMP(3),
ADD COLUMN     "checkedById" TEXT,
ADD COLUMN     "checkedOn" TEXT,
ADD COLUMN     "originLogId" TEXT,
ADD COLUMN     "passedQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rejectedQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rejectedReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "rejectedReasonId" TEXT,
ADD COLUMN     "reworkOfLotId" TEXT,
ADD COLUMN     "reworkQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reworkReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reworkReasonId" TEXT,
ALTER COLUMN "pieceLogId" DROP NOT NULL;

-- Every lot so far is a receipt: its pieces come from its own log (ADR 021).
UPDATE "Lot" SET "originLogId" = "pieceLogId";
ALTER TABLE "Lot" ALTER COLUMN "originLogId" SET NOT NULL;

-- CreateTable
CREATE TABLE "QualityReason" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceE4" BIGINT NOT NULL,
    "deliveredOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QualityReason_workshopId_label_key" ON "QualityReason"("workshopId", "label");

-- CreateIndex
CREATE INDEX "Delivery_workshopId_deliveredOn_idx" ON "Delivery"("workshopId", "deliveredOn");

-- CreateIndex
CREATE INDEX "Delivery_partnerId_idx" ON "Delivery"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_orderId_sequence_key" ON "Delivery"("orderId", "sequence");

-- CreateIndex
CREATE INDEX "Lot_workshopId_checkedOn_idx" ON "Lot"("workshopId", "checkedOn");

-- CreateIndex
CREATE INDEX "Lot_workerId_checkedOn_idx" ON "Lot"("workerId", "checkedOn");

-- CreateIndex
CREATE INDEX "Lot_originLogId_idx" ON "Lot"("originLogId");

-- CreateIndex
CREATE INDEX "Lot_reworkOfLotId_idx" ON "Lot"("reworkOfLotId");

-- AddForeignKey
ALTER TABLE "QualityReason" ADD CONSTRAINT "QualityReason_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

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
