// Receiving 收货 (docs/domain.md, flow step 5; ADR 017 and 019): the rules for
// a counted quantity against what the worker logged, and what a receipt or a
// later correction does to the pieces logged against her assignment. Pure: the
// models apply these inside their transactions.

/** Why a counted quantity is refused. */
export type ReceiptRefusal = "countAboveLogged" | "reasonRequired";

/**
 * A receipt (or a correction of one) counts `counted` of the `logged` pieces:
 * 0..logged, and a count that differs from what she logged needs a reason
 * (it is shown to her). `reason` is the trimmed text the coordinator gave.
 */
export function checkCount(
  logged: number,
  counted: number,
  reason: string,
): { ok: true } | { ok: false; code: ReceiptRefusal } {
  assertCount(logged);
  assertCount(counted);
  if (counted > logged) return { ok: false, code: "countAboveLogged" };
  if (counted !== logged && reason.trim().length === 0) return { ok: false, code: "reasonRequired" };
  return { ok: true };
}

/**
 * What a receipt does to `Assignment.loggedQuantity`: the pieces she logged but
 * that were not counted go back, so she can log them again when she brings
 * them (ADR 019). 0 when everything was there.
 */
export function piecesReleasedOnReceipt(logged: number, counted: number): number {
  assertCount(logged);
  assertCount(counted);
  if (counted > logged) throw new RangeError(`counted ${counted} is more than logged ${logged}`);
  return logged - counted;
}

/**
 * A correction of a received count from `before` to `after`: how many pieces
 * the assignment takes back (`take`, the count went up: those pieces must
 * still be free, i.e. not logged again since) or gives back (`release`, the
 * count went down). Exactly one of them is non-zero unless nothing changes.
 */
export function correctionPieces(before: number, after: number): { take: number; release: number } {
  assertCount(before);
  assertCount(after);
  return after > before ? { take: after - before, release: 0 } : { take: 0, release: before - after };
}

/** The path a label's QR code points to: one short address per assignment, resolved by role (/l/<id>). */
export function labelPath(assignmentId: string): string {
  return `/l/${encodeURIComponent(assignmentId)}`;
}

/** The absolute address printed in a label's QR code, on this site (`origin` from the request, e.g. https://host). */
export function labelUrl(origin: string, assignmentId: string): string {
  const base = new URL(origin);
  return `${base.origin}${labelPath(assignmentId)}`;
}

/**
 * Where a label's address leads whoever opens it: the worker who owns the
 * assignment to her log page, a coordinator of its workshop to its receiving
 * page. Anyone else gets nothing here (the route answers 403/404 without
 * saying whether the assignment exists).
 */
export function labelDestination(
  viewer: { role: string; userId: string; workshopId?: string },
  assignment: { id: string; workshopId: string; workerId: string },
): string | null {
  if (viewer.workshopId !== assignment.workshopId) return null;
  const id = encodeURIComponent(assignment.id);
  if (viewer.role === "worker" && viewer.userId === assignment.workerId) return `/worker/tasks/${id}`;
  if (viewer.role === "coordinator") return `/coordinator/receiving/${id}`;
  return null;
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`piece count must be a whole number >= 0, got ${n}`);
}
