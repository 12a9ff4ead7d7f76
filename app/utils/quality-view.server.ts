// What the quality pages send to the browser (ADR 021): counts as numbers,
// rates only as text formatted here from exact minor units (docs/conventions.md
// §2), dates as ISO text, and a once-only key for every form (ADR 010).
import { formatRate, rateFromMinor } from "../domain/money.ts";
import type { Locale } from "../i18n/locales.ts";
import type { LotForCheck, QualityLotRow, QualityReasonRow } from "../models/quality.server.ts";
import { LOT_STATUSES, type LotStatus } from "../models/receiving.server.ts";
import { newSubmissionKey } from "../models/submission.server.ts";

function lotStatus(value: string): LotStatus {
  return (LOT_STATUSES as readonly string[]).includes(value) ? (value as LotStatus) : "awaiting";
}

export function qualityListView(rows: QualityLotRow[], withKeys: boolean) {
  return rows.map((r) => ({
    id: r.id,
    workerName: r.workerName,
    productName: r.productName,
    unit: r.productUnit,
    partnerName: r.partnerName,
    quantity: r.quantity,
    receivedOn: r.receivedOn,
    isRework: r.isRework,
    takeBackKey: withKeys ? newSubmissionKey() : null,
  }));
}

export function lotCheckView(lot: LotForCheck, reasons: QualityReasonRow[], locale: Locale) {
  const check = lot.check;
  return {
    lot: {
      id: lot.id,
      orderId: lot.orderId,
      assignmentId: lot.assignmentId,
      workerName: lot.workerName,
      productName: lot.productName,
      unit: lot.productUnit,
      partnerName: lot.partnerName,
      quantity: lot.quantity,
      loggedOn: lot.loggedOn,
      receivedOn: lot.receivedOn,
      differenceReason: lot.differenceReason,
      stepName: lot.stepName,
      rate: lot.rateE4 === null ? null : formatRate(rateFromMinor(lot.rateE4), locale),
      status: lotStatus(lot.status),
      isRework: lot.isRework,
      reworkOfLotId: lot.reworkOfLotId,
      reworkLots: lot.reworkLots.map((r) => ({ ...r, status: lotStatus(r.status) })),
    },
    check: check
      ? {
          passed: check.passed,
          rework: check.rework,
          rejected: check.rejected,
          reworkReason: check.reworkOther ? null : check.reworkReason,
          rejectedReason: check.rejectedOther ? null : check.rejectedReason,
          note: check.note,
          hasPhoto: check.hasPhoto,
          checkedOn: check.checkedOn,
          checkedByName: check.checkedByName,
        }
      : null,
    reasons: reasons.filter((r) => !r.archived).map((r) => ({ id: r.id, label: r.label })),
    checkKey: lot.status === "awaiting" ? newSubmissionKey() : null,
  };
}

export type LotCheckView = ReturnType<typeof lotCheckView>;
