// The pieces logged against an assignment (ADR 017): `Assignment.loggedQuantity`
// counts the pieces of its piece logs that are not cancelled. It is changed only
// here, by conditional updates inside the caller's transaction, so that a log
// never takes an assignment beyond its pieces and a reduction never goes below
// what was logged, also under concurrent requests on SQLite and PostgreSQL
// (the same pattern as allocation, ADR 010).
import type { Db, Tx } from "../infra/db.server.ts";

function assertPieces(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`piece count must be a whole number >= 1, got ${n}`);
}

/**
 * Takes `n` pieces of an active assignment for a piece log. Answers the pieces
 * still free after it, or `{ taken: false, remaining }` (nothing written) when
 * fewer than `n` remain or the assignment is not active.
 */
export async function takeLoggedPieces(
  tx: Tx,
  assignmentId: string,
  n: number,
): Promise<{ taken: true; remaining: number } | { taken: false; remaining: number }> {
  assertPieces(n);
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await tx.assignment.findUnique({
      where: { id: assignmentId },
      select: { quantity: true, loggedQuantity: true, status: true },
    });
    if (!current || current.status !== "active") return { taken: false, remaining: 0 };
    const free = current.quantity - current.loggedQuantity;
    if (free < n) return { taken: false, remaining: Math.max(0, free) };
    // Matching on the quantity read: a concurrent reduction (which changes it) makes this
    // update miss, and the loop reads again; a concurrent log is re-checked by the condition.
    const { count } = await tx.assignment.updateMany({
      where: {
        id: assignmentId,
        status: "active",
        quantity: current.quantity,
        loggedQuantity: { lte: current.quantity - n },
      },
      data: { loggedQuantity: { increment: n } },
    });
    if (count === 1) return { taken: true, remaining: free - n };
  }
  throw new Error(`assignment ${assignmentId}: could not take ${n} pieces after 5 attempts`);
}

/** Gives back `n` logged pieces (a log cancelled or corrected down). Throws if fewer are logged: a bug, never input. */
export async function releaseLoggedPieces(tx: Tx, assignmentId: string, n: number): Promise<void> {
  assertPieces(n);
  const { count } = await tx.assignment.updateMany({
    where: { id: assignmentId, loggedQuantity: { gte: n } },
    data: { loggedQuantity: { decrement: n } },
  });
  if (count !== 1) throw new Error(`assignment ${assignmentId} has fewer than ${n} logged pieces to release`);
}

/**
 * Pieces of a product paid per process step (ADR 020): every step of every
 * piece is logged once, so each step has its own count, and the assignment's
 * `loggedQuantity` is what the busiest step has taken: the whole-product
 * pieces plus the largest step count (pieces logged before the product was
 * priced per step count for every step). A log, correction or receipt of a
 * step calls this AFTER writing its change; it locks the assignment's row
 * first (so concurrent step changes run one after the other on both engines),
 * counts what is logged, and sets `loggedQuantity`. It answers false, having
 * written nothing of its own, when `step` now has more pieces than the
 * assignment (`over`: by how many; the caller refuses, which rolls its change
 * back) or when the assignment is not active and `mustBeActive` is set
 * (`over` is then infinite).
 */
export async function settleStepPieces(
  tx: Tx,
  assignmentId: string,
  step: string,
  options: { mustBeActive: boolean },
): Promise<{ settled: true } | { settled: false; over: number }> {
  // The lock: an update of the row (held until commit) before anything is read.
  const touched = await tx.assignment.updateMany({
    where: { id: assignmentId, ...(options.mustBeActive ? { status: "active" } : {}) },
    data: { updatedAt: new Date() },
  });
  if (touched.count !== 1) return { settled: false, over: Number.POSITIVE_INFINITY };
  const assignment = await tx.assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: { quantity: true },
  });
  const counts = await stepCounts(tx, assignmentId);
  const whole = counts.get(null) ?? 0;
  const steps = [...counts].filter(([key]) => key !== null).map(([, n]) => n);
  const mine = whole + (counts.get(step) ?? 0);
  if (mine > assignment.quantity) return { settled: false, over: mine - assignment.quantity };
  await tx.assignment.update({
    where: { id: assignmentId },
    data: { loggedQuantity: whole + Math.max(0, ...steps) },
  });
  return { settled: true };
}

/**
 * Pieces an assignment's logs stand for, per process step (null: the whole
 * product): a submitted log its quantity, a received one its lot's count, a
 * cancelled one nothing.
 */
export async function stepCounts(tx: Tx | Db, assignmentId: string): Promise<Map<string | null, number>> {
  // One after the other: a transaction runs its queries on one connection.
  const submitted = await tx.pieceLog.groupBy({
    by: ["processStepId"],
    where: { assignmentId, status: "submitted" },
    _sum: { quantity: true },
  });
  const received = await tx.lot.groupBy({
    by: ["processStepId"],
    // Receipts only: a rework lot's pieces are already in the lot they came from (ADR 021).
    where: { assignmentId, status: { in: ["awaiting", "checked"] }, reworkOfLotId: null },
    _sum: { quantity: true },
  });
  const counts = new Map<string | null, number>();
  for (const g of [...submitted, ...received])
    counts.set(g.processStepId, (counts.get(g.processStepId) ?? 0) + (g._sum.quantity ?? 0));
  return counts;
}
