// The pieces logged against an assignment (ADR 017): `Assignment.loggedQuantity`
// counts the pieces of its piece logs that are not cancelled. It is changed only
// here, by conditional updates inside the caller's transaction, so that a log
// never takes an assignment beyond its pieces and a reduction never goes below
// what was logged, also under concurrent requests on SQLite and PostgreSQL
// (the same pattern as allocation, ADR 010).
import type { Tx } from "../infra/db.server.ts";

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
