// Quality check 质检 and deliveries 交付 (docs/domain.md flow step 6; ADR 021).
// Pure rules: the counts of a check, the reasons it needs, the pass rate shown
// to partners, and how many passed pieces an order may still deliver. The
// models apply them inside their transactions (app/models/quality.server.ts,
// app/models/delivery.server.ts) and the database keeps the same limits with
// conditional updates.

/** The reasons every workshop starts with (it adds its own and archives these as it likes). */
export const DEFAULT_QUALITY_REASONS = ["尺寸不符", "有裂纹", "颜色不均", "包装破损", "表面有瑕疵"] as const;

/** What the inspector chose as the reason of rework or rejected pieces: one of the workshop's, "other" (see the note), or none. */
export type ReasonChoice = "listed" | "other" | "none";

export type CheckCounts = { passed: number; rework: number; rejected: number };

export type CheckRefusal = "countsDoNotAddUp" | "reworkReasonRequired" | "rejectedReasonRequired" | "noteRequired";

/**
 * A quality check of a lot of `quantity` pieces: passed + rework + rejected
 * must be exactly the quantity; rework and rejected pieces each need a reason
 * (from the list, or "other" with a note saying what). A reason given for 0
 * pieces is simply not kept (see `keptReasons`).
 */
export function checkQuality(
  quantity: number,
  counts: CheckCounts,
  reasons: { rework: ReasonChoice; rejected: ReasonChoice; note: string },
): { ok: true } | { ok: false; code: CheckRefusal } {
  for (const n of [quantity, counts.passed, counts.rework, counts.rejected]) assertCount(n);
  if (counts.passed + counts.rework + counts.rejected !== quantity) return { ok: false, code: "countsDoNotAddUp" };
  if (counts.rework > 0 && reasons.rework === "none") return { ok: false, code: "reworkReasonRequired" };
  if (counts.rejected > 0 && reasons.rejected === "none") return { ok: false, code: "rejectedReasonRequired" };
  const usesOther =
    (counts.rework > 0 && reasons.rework === "other") || (counts.rejected > 0 && reasons.rejected === "other");
  if (usesOther && reasons.note.trim().length === 0) return { ok: false, code: "noteRequired" };
  return { ok: true };
}

/** Which reasons a check keeps: a reason only for pieces that went that way. */
export function keptReasons<R>(counts: CheckCounts, rework: R | null, rejected: R | null) {
  return { rework: counts.rework > 0 ? rework : null, rejected: counts.rejected > 0 ? rejected : null };
}

/**
 * A pass rate in tenths of a percent (875 = 87.5 %), rounded half-up, or null
 * when nothing was inspected. Integer arithmetic only.
 */
export function passRatePermille(passed: number, inspected: number): number | null {
  assertCount(passed);
  assertCount(inspected);
  if (passed > inspected) throw new RangeError(`passed ${passed} is more than inspected ${inspected}`);
  if (inspected === 0) return null;
  return Math.floor((passed * 2000 + inspected) / (2 * inspected));
}

/** "87.5" from 875: a rate for display, always one decimal. */
export function permilleText(permille: number): string {
  assertCount(permille);
  return `${Math.floor(permille / 10)}.${permille % 10}`;
}

/**
 * Passed pieces of an order not delivered yet, never beyond what was ordered:
 * min(passed, ordered) − delivered, and never below 0.
 */
export function deliverable(order: { quantity: number; passed: number; delivered: number }): number {
  assertCount(order.quantity);
  assertCount(order.passed);
  assertCount(order.delivered);
  return Math.max(0, Math.min(order.passed, order.quantity) - order.delivered);
}

export type DeliveryRefusal = "exceedsPassed";

/** A delivery of `quantity` (>= 1) pieces of an order: at most what is deliverable; the last piece completes the order. */
export function checkDelivery(
  order: { quantity: number; passed: number; delivered: number },
  quantity: number,
): { ok: true; completes: boolean } | { ok: false; code: DeliveryRefusal; available: number } {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError(`delivery must be >= 1, got ${quantity}`);
  const available = deliverable(order);
  if (quantity > available) return { ok: false, code: "exceedsPassed", available };
  return { ok: true, completes: order.delivered + quantity === order.quantity };
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`piece count must be a whole number >= 0, got ${n}`);
}
