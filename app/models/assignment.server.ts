// The life of an assignment 派工 after it was made (docs/decisions/018-stock-and-assignment-lifecycle.md):
// the coordinator reduces it, cancels it or reassigns its unlogged pieces to
// another worker; a worker gives back a claim she has not logged against.
//
// Pieces freed here go back to the order through conditional updates, the
// same pattern as allocation (ADR 010) and as piece logs (ADR 017,
// app/models/assignment-pieces.server.ts):
//
//   UPDATE Assignment SET quantity = quantity - n
//    WHERE id = ? AND status = 'active' AND quantity = <read> AND loggedQuantity <= <read> - n
//
// so an assignment never goes below what was logged, also while a piece log is
// being written at the same moment: each change first locks the assignment's
// row and reads it as it is now (lockCurrent); a log's update, which matches on
// the quantity it read, waits for the lock, misses and reads again. Pieces the coordinator assigned go back to "not given out"
// (Order.allocatedQuantity - n); pieces a worker claimed go back to the claim
// pool (Order.openQuantity + n), where the coordinator opened them. Every
// change is audited in its transaction, and each form takes effect once per
// submission key (a double tap or a resent form does it once).
import type { Actor } from "../domain/access.ts";
import { chinaDate } from "../domain/dates.ts";
import { db, type Tx } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { noticeOverAllowance } from "./reconciliation.server.ts";
import { createAssignment } from "./order.server.ts";
import { refuseInTransaction } from "./refusal.server.ts";
import { fail, ok, type Fail, type Result } from "./result.ts";
import { onceOk } from "./submission.server.ts";

/** Where freed pieces go: assigned pieces to "not given out", claimed pieces back to the claim pool. */
export type FreedTo = "order" | "pool";

export type AssignmentDetail = {
  id: string;
  orderId: string;
  orderQuantity: number;
  orderDueOn: string;
  orderStatus: string;
  productId: string;
  productName: string;
  productUnit: string;
  workerId: string;
  workerName: string;
  quantity: number;
  loggedQuantity: number;
  dueOn: string;
  source: "assigned" | "claimed";
  status: string;
  createdAt: Date;
};

const detailSelect = {
  id: true,
  orderId: true,
  productId: true,
  workerId: true,
  quantity: true,
  loggedQuantity: true,
  dueOn: true,
  source: true,
  status: true,
  createdAt: true,
  order: { select: { quantity: true, dueOn: true, status: true } },
  product: { select: { name: true, unit: true } },
  worker: { select: { name: true } },
} as const;

type SelectedDetail = {
  id: string;
  orderId: string;
  productId: string;
  workerId: string;
  quantity: number;
  loggedQuantity: number;
  dueOn: string;
  source: string;
  status: string;
  createdAt: Date;
  order: { quantity: number; dueOn: string; status: string };
  product: { name: string; unit: string };
  worker: { name: string };
};

function toDetail(a: SelectedDetail): AssignmentDetail {
  return {
    id: a.id,
    orderId: a.orderId,
    orderQuantity: a.order.quantity,
    orderDueOn: a.order.dueOn,
    orderStatus: a.order.status,
    productId: a.productId,
    productName: a.product.name,
    productUnit: a.product.unit,
    workerId: a.workerId,
    workerName: a.worker.name,
    quantity: a.quantity,
    loggedQuantity: a.loggedQuantity,
    dueOn: a.dueOn,
    source: a.source === "claimed" ? "claimed" : "assigned",
    status: a.status,
    createdAt: a.createdAt,
  };
}

/** One assignment of the coordinator's workshop, or null (another workshop's is not found). */
export async function getWorkshopAssignment(
  workshopId: string,
  assignmentId: string,
): Promise<AssignmentDetail | null> {
  const row = await db().assignment.findFirst({ where: { id: assignmentId, workshopId }, select: detailSelect });
  return row ? toDetail(row) : null;
}

/** One of the worker's own assignments (any status), or null: another worker's is not found. */
export async function getOwnAssignment(worker: Actor, assignmentId: string): Promise<AssignmentDetail | null> {
  const row = await db().assignment.findFirst({
    where: { id: assignmentId, workshopId: worker.workshopId, workerId: worker.userId },
    select: detailSelect,
  });
  return row ? toDetail(row) : null;
}

/** What a coordinator may still do with an assignment: pieces not logged yet can be freed. */
export function unloggedOf(a: { quantity: number; loggedQuantity: number }): number {
  return Math.max(0, a.quantity - a.loggedQuantity);
}

// ---------------------------------------------------------------------------
// The conditional updates

type Current = {
  id: string;
  orderId: string;
  workerId: string;
  quantity: number;
  loggedQuantity: number;
  source: string;
  status: string;
};

const currentSelect = {
  id: true,
  orderId: true,
  workerId: true,
  quantity: true,
  loggedQuantity: true,
  source: true,
  status: true,
} as const;

/**
 * Finds the assignment in the actor's workshop (and of `workerId`, when given),
 * locks its row until the transaction ends (an update of updatedAt: a row lock
 * on PostgreSQL, the writer lock on SQLite) and reads it as it is now: a piece
 * log or another change that committed first is seen, and none can commit
 * until we do (a log's update waits, then misses on the quantity we changed
 * and reads again). Refusals after this point use refuseInTransaction, so
 * the lock's write is rolled back with everything else.
 */
async function lockCurrent(
  tx: Tx,
  workshopId: string,
  assignmentId: string,
  workerId?: string,
): Promise<Current | null> {
  const found = await tx.assignment.findFirst({
    where: { id: assignmentId, workshopId, ...(workerId ? { workerId } : {}) },
    select: { id: true },
  });
  if (!found) return null;
  await tx.assignment.update({ where: { id: found.id }, data: { updatedAt: new Date() } });
  return tx.assignment.findUniqueOrThrow({ where: { id: found.id }, select: currentSelect });
}

/**
 * Lowers the locked, active assignment from the quantity read to `to` pieces
 * (or cancels it), never below its logged pieces: the update's conditions say
 * so again, and a miss under our lock is a bug, not a race.
 */
async function lowerTo(tx: Tx, current: Current, to: number, cancel: boolean): Promise<void> {
  const { count } = await tx.assignment.updateMany({
    where: {
      id: current.id,
      status: "active",
      quantity: current.quantity,
      loggedQuantity: cancel ? 0 : { lte: to },
    },
    // A cancelled assignment keeps its quantity for the record; the order counts only active ones' pieces.
    data: cancel ? { status: "cancelled" } : { quantity: to },
  });
  if (count !== 1) throw new Error(`assignment ${current.id} changed under its lock`);
}

/** Gives n freed pieces back to the order: assigned ones to "not given out", claimed ones to the claim pool. */
async function returnToOrder(tx: Tx, orderId: string, source: string, n: number): Promise<FreedTo> {
  if (source === "claimed") {
    const { count } = await tx.order.updateMany({
      where: { id: orderId, allocatedQuantity: { gte: n } },
      data: { openQuantity: { increment: n } },
    });
    if (count !== 1) throw new Error(`order ${orderId}: cannot take ${n} claimed pieces back into the pool`);
    return "pool";
  }
  const { count } = await tx.order.updateMany({
    where: { id: orderId, allocatedQuantity: { gte: n } },
    data: { allocatedQuantity: { decrement: n } },
  });
  if (count !== 1) throw new Error(`order ${orderId} has fewer than ${n} pieces given out`);
  return "order";
}

// ---------------------------------------------------------------------------
// Coordinator: reduce, cancel, reassign

export type LifecycleCode = "notFound" | "notActive" | "belowLogged" | "notLess";
export type ReduceResult =
  | Result<{ id?: string; freed?: number; to?: FreedTo }, "notFound" | "notActive" | "notLess">
  | Fail<"belowLogged", { logged: number }>;

/**
 * The coordinator lowers an assignment to `to` pieces (never below the pieces
 * logged against it); the freed pieces go back to the order or its claim pool.
 * belowLogged carries the logged count; notLess: `to` is not below the
 * assignment's pieces.
 */
export function reduceAssignment(
  actor: Actor,
  assignmentId: string,
  to: number,
  submissionKey: string,
): Promise<ReduceResult | { ok: true; id?: string; replayed: true }> {
  // Down to nothing is a cancellation (cancelAssignment), with its confirmation step.
  if (!Number.isSafeInteger(to) || to < 1) throw new RangeError(`reduce to a whole number >= 1, got ${to}`);
  return onceOk(actor.userId, submissionKey, "assignment.reduce", assignmentId, async (tx): Promise<ReduceResult> => {
    const current = await lockCurrent(tx, actor.workshopId, assignmentId);
    if (!current) return fail("notFound");
    if (current.status !== "active") refuseInTransaction(fail("notActive"));
    if (to >= current.quantity) refuseInTransaction(fail("notLess"));
    if (to < current.loggedQuantity) refuseInTransaction(fail("belowLogged", { logged: current.loggedQuantity }));
    await lowerTo(tx, current, to, false);
    const freed = current.quantity - to;
    const place = await returnToOrder(tx, current.orderId, current.source, freed);
    await recordAudit(tx, actor, {
      action: "assignment.reduce",
      entityType: "Assignment",
      entityId: current.id,
      before: { quantity: current.quantity, loggedQuantity: current.loggedQuantity },
      after: { quantity: to, freed, to: place, orderId: current.orderId },
    });
    // Fewer pieces to come in can end "in progress": its over-allowance flags are told now (ADR 026).
    await noticeOverAllowance(tx, actor, current.id);
    return ok({ id: current.id, freed, to: place });
  });
}

export type CancelResult = Result<
  { id?: string; freed?: number; to?: FreedTo; cancelled?: boolean; keptLogged?: number },
  "notFound" | "notActive" | "allLogged"
>;

/**
 * The coordinator cancels an assignment. With nothing logged it is cancelled
 * and all its pieces go back; with pieces logged it is reduced to the logged
 * count instead (those pieces are made and will be paid), and the rest go
 * back. allLogged: every piece is logged, nothing can be freed.
 */
export function cancelAssignment(
  actor: Actor,
  assignmentId: string,
  submissionKey: string,
): Promise<CancelResult | { ok: true; id?: string; replayed: true }> {
  return onceOk(actor.userId, submissionKey, "assignment.cancel", assignmentId, async (tx): Promise<CancelResult> => {
    const current = await lockCurrent(tx, actor.workshopId, assignmentId);
    if (!current) return fail("notFound");
    if (current.status !== "active") refuseInTransaction(fail("notActive"));
    const logged = current.loggedQuantity;
    if (logged >= current.quantity) refuseInTransaction(fail("allLogged"));
    const cancel = logged === 0;
    await lowerTo(tx, current, logged, cancel);
    const freed = current.quantity - logged;
    const place = await returnToOrder(tx, current.orderId, current.source, freed);
    await recordAudit(tx, actor, {
      action: cancel ? "assignment.cancel" : "assignment.reduce",
      entityType: "Assignment",
      entityId: current.id,
      before: { status: "active", quantity: current.quantity, loggedQuantity: logged },
      after: cancel
        ? { status: "cancelled", freed, to: place, orderId: current.orderId }
        : { quantity: logged, freed, to: place, orderId: current.orderId, asked: "cancel" },
    });
    await noticeOverAllowance(tx, actor, current.id);
    return ok({ id: current.id, freed, to: place, cancelled: cancel, keptLogged: logged });
  });
}

export type ReassignResult =
  | Result<
      { id?: string; moved?: number },
      "notFound" | "notActive" | "workerNotFound" | "sameWorker" | "orderNotAccepted" | "dueInPast"
    >
  | Fail<"exceedsUnlogged", { unlogged: number }>
  | Fail<"dueAfterOrder", { orderDueOn: string }>;

/**
 * The coordinator moves n unlogged pieces of an assignment to another active
 * worker of the workshop, in one transaction: the old assignment is lowered
 * (never below its logged pieces; cancelled when all of it moves) and a new
 * one (派工, source "assigned") is made for the other worker with its own due
 * date (today or later, not after the order's). The order's counters do not
 * change: pieces assigned stay assigned; pieces that were claimed are now assigned.
 */
export function reassignAssignment(
  actor: Actor,
  assignmentId: string,
  input: { workerId: string; quantity: number; dueOn: string },
  now: Date,
  submissionKey: string,
): Promise<ReassignResult | { ok: true; id?: string; replayed: true }> {
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1) {
    throw new RangeError(`piece count must be a whole number >= 1, got ${input.quantity}`);
  }
  if (input.dueOn < chinaDate(now)) return Promise.resolve(fail("dueInPast"));
  return onceOk(
    actor.userId,
    submissionKey,
    "assignment.reassign",
    assignmentId,
    async (tx): Promise<ReassignResult> => {
      const current = await lockCurrent(tx, actor.workshopId, assignmentId);
      if (!current) return fail("notFound");
      if (current.status !== "active") refuseInTransaction(fail("notActive"));
      const order = await tx.order.findUniqueOrThrow({
        where: { id: current.orderId },
        select: { id: true, productId: true, status: true, dueOn: true },
      });
      if (order.status !== "accepted") refuseInTransaction(fail("orderNotAccepted"));
      if (input.dueOn > order.dueOn) refuseInTransaction(fail("dueAfterOrder", { orderDueOn: order.dueOn }));
      const worker = await tx.user.findFirst({
        where: { id: input.workerId, workshopId: actor.workshopId, role: "worker", active: true },
        select: { id: true },
      });
      if (!worker) refuseInTransaction(fail("workerNotFound"));
      if (current.workerId === worker.id) refuseInTransaction(fail("sameWorker"));
      const unlogged = unloggedOf(current);
      if (input.quantity > unlogged) refuseInTransaction(fail("exceedsUnlogged", { unlogged }));
      const to = current.quantity - input.quantity;
      const whole = to === 0;
      await lowerTo(tx, current, to, whole);
      const id = await createAssignment(tx, actor, order, {
        workerId: worker.id,
        quantity: input.quantity,
        dueOn: input.dueOn,
        source: "assigned",
      });
      await recordAudit(tx, actor, {
        action: "assignment.reassign",
        entityType: "Assignment",
        entityId: current.id,
        before: { status: "active", quantity: current.quantity, loggedQuantity: current.loggedQuantity },
        after: {
          status: whole ? "cancelled" : "active",
          quantity: whole ? current.quantity : to,
          moved: input.quantity,
          toAssignmentId: id,
          toWorkerId: worker.id,
        },
      });
      return ok({ id, moved: input.quantity });
    },
  );
}

// ---------------------------------------------------------------------------
// Worker: give back a claim

export type GiveBackResult = Result<
  { id?: string; freed?: number },
  "notFound" | "notActive" | "notClaimed" | "logged"
>;

/**
 * A worker gives back a claim (自领) she has not logged against: it is
 * cancelled and its pieces go back to the claim pool for someone else.
 * logged: she has logged pieces against it (the coordinator can reduce it).
 */
export function giveBackClaim(
  worker: Actor,
  assignmentId: string,
  submissionKey: string,
): Promise<GiveBackResult | { ok: true; id?: string; replayed: true }> {
  return onceOk(
    worker.userId,
    submissionKey,
    "assignment.giveBack",
    assignmentId,
    async (tx): Promise<GiveBackResult> => {
      const current = await lockCurrent(tx, worker.workshopId, assignmentId, worker.userId);
      if (!current) return fail("notFound");
      if (current.source !== "claimed") refuseInTransaction(fail("notClaimed"));
      if (current.status !== "active") refuseInTransaction(fail("notActive"));
      if (current.loggedQuantity > 0) refuseInTransaction(fail("logged"));
      await lowerTo(tx, current, 0, true);
      await returnToOrder(tx, current.orderId, "claimed", current.quantity);
      await recordAudit(tx, worker, {
        action: "assignment.giveBack",
        entityType: "Assignment",
        entityId: current.id,
        before: { status: "active", quantity: current.quantity },
        after: { status: "cancelled", freed: current.quantity, to: "pool", orderId: current.orderId },
      });
      return ok({ id: current.id, freed: current.quantity });
    },
  );
}
