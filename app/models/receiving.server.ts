// Receiving 收货 (docs/domain.md flow step 5; ADR 017, ADR 019): the
// coordinator counts the pieces of a worker's piece log and receives them as a
// lot (one lot per log), which waits for the quality check ("awaiting").
//
// Exactly once, also when two coordinators (or a double tap) receive the same
// log at the same moment: the log moves `submitted` → `received` by one
// conditional UPDATE (one row or none; PostgreSQL re-checks the condition after
// the row lock, SQLite has one writer), and only the request that moved it
// writes the lot (whose `pieceLogId` is unique besides). Pieces logged but not
// counted go back to the assignment (`releaseLoggedPieces`), so she can log
// them again when she brings them. After receipt only the coordinator corrects
// the count or cancels the receipt, each with a reason, while the lot is still
// "awaiting"; a cancelled lot is "cancelled", so the quality check reads
// "awaiting" lots only. Every change is audited with before and after.
import type { Actor } from "../domain/access.ts";
import { chinaDate } from "../domain/dates.ts";
import { checkCount, correctionPieces, piecesReleasedOnReceipt } from "../domain/receiving.ts";
import { db, type Tx } from "../infra/db.server.ts";
import { releaseLoggedPieces, settleStepPieces, takeLoggedPieces } from "./assignment-pieces.server.ts";
import { recordAudit } from "./audit.server.ts";
import { notify } from "./notice.server.ts";
import { capDeductionsToProposal, noticeOverAllowance } from "./reconciliation.server.ts";
import { fail, ok, type Fail, type Ok } from "./result.ts";
import { onceOk } from "./submission.server.ts";

/**
 * Lot statuses: waiting for the quality check, checked by it, a receipt
 * cancelled by the coordinator, or rework pieces back at the worker's (a
 * rework lot, ADR 021, until the coordinator takes them back: "awaiting").
 */
export const LOT_STATUSES = ["awaiting", "checked", "cancelled", "rework"] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

// ---------------------------------------------------------------------------
// Reading

export type WaitingAssignment = {
  assignmentId: string;
  workerId: string;
  workerName: string;
  /** Submitted logs waiting to be received, and their pieces. */
  logs: number;
  pieces: number;
  newestAt: Date;
};

export type WaitingOrder = {
  orderId: string;
  productName: string;
  productUnit: string;
  partnerName: string;
  dueOn: string;
  logs: number;
  pieces: number;
  newestAt: Date;
  assignments: WaitingAssignment[];
};

/**
 * The workshop's submitted logs waiting to be received, per order and, inside
 * it, per worker's assignment; orders and assignments with the newest log first.
 */
export async function listWaitingToReceive(workshopId: string): Promise<WaitingOrder[]> {
  const client = db();
  const groups = await client.pieceLog.groupBy({
    by: ["assignmentId"],
    where: { workshopId, status: "submitted" },
    _count: { _all: true },
    _sum: { quantity: true },
    _max: { createdAt: true },
  });
  if (groups.length === 0) return [];
  const assignments = await client.assignment.findMany({
    where: { workshopId, id: { in: groups.map((g) => g.assignmentId) } },
    select: {
      id: true,
      workerId: true,
      worker: { select: { name: true } },
      order: {
        select: {
          id: true,
          dueOn: true,
          product: { select: { name: true, unit: true } },
          partner: { select: { name: true } },
        },
      },
    },
  });
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const orders = new Map<string, WaitingOrder>();
  for (const g of groups) {
    const a = byId.get(g.assignmentId);
    if (!a) continue;
    const newestAt = g._max.createdAt ?? new Date(0);
    const row: WaitingAssignment = {
      assignmentId: a.id,
      workerId: a.workerId,
      workerName: a.worker.name,
      logs: g._count._all,
      pieces: g._sum.quantity ?? 0,
      newestAt,
    };
    const order = orders.get(a.order.id) ?? {
      orderId: a.order.id,
      productName: a.order.product.name,
      productUnit: a.order.product.unit,
      partnerName: a.order.partner.name,
      dueOn: a.order.dueOn,
      logs: 0,
      pieces: 0,
      newestAt,
      assignments: [],
    };
    order.logs += row.logs;
    order.pieces += row.pieces;
    if (newestAt > order.newestAt) order.newestAt = newestAt;
    order.assignments.push(row);
    orders.set(order.orderId, order);
  }
  const newestFirst = (a: { newestAt: Date }, b: { newestAt: Date }) => b.newestAt.getTime() - a.newestAt.getTime();
  const list = [...orders.values()].sort(newestFirst);
  for (const order of list) order.assignments.sort(newestFirst);
  return list;
}

/** How many submitted logs wait to be received (the badge on 收货). */
export function countLogsToReceive(workshopId: string): Promise<number> {
  return db().pieceLog.count({ where: { workshopId, status: "submitted" } });
}

export type SubmittedLog = {
  id: string;
  quantity: number;
  loggedOn: string;
  createdAt: Date;
  processStepName: string | null;
  rateE4: bigint | null;
  hasPhoto: boolean;
};

export type ReceivedLot = {
  id: string;
  pieceLogId: string;
  loggedOn: string;
  loggedQuantity: number;
  quantity: number;
  differenceReason: string;
  /** Why the coordinator corrected or cancelled it after receipt (the log's changeReason). */
  changeReason: string;
  status: LotStatus;
  receivedAt: Date;
  receivedOn: string;
  receivedByName: string | null;
};

export type ReceivingDesk = {
  assignment: {
    id: string;
    orderId: string;
    workerId: string;
    workerName: string;
    workerPhone: string;
    productName: string;
    productUnit: string;
    partnerName: string;
    quantity: number;
    loggedQuantity: number;
    dueOn: string;
    status: string;
  };
  /** Waiting to be received, oldest first (the order she handed them in). */
  submitted: SubmittedLog[];
  /** Received, newest first, cancelled receipts included. */
  lots: ReceivedLot[];
};

/** One assignment of the workshop with its logs waiting and its receipts, or null (another workshop's is not found). */
export async function getReceivingDesk(workshopId: string, assignmentId: string): Promise<ReceivingDesk | null> {
  const client = db();
  const a = await client.assignment.findFirst({
    where: { id: assignmentId, workshopId },
    select: {
      id: true,
      orderId: true,
      workerId: true,
      quantity: true,
      loggedQuantity: true,
      dueOn: true,
      status: true,
      worker: { select: { name: true, phone: true } },
      product: { select: { name: true, unit: true } },
      order: { select: { partner: { select: { name: true } } } },
    },
  });
  if (!a) return null;
  const [logs, lots] = await Promise.all([
    client.pieceLog.findMany({
      where: { workshopId, assignmentId, status: "submitted" },
      select: {
        id: true,
        quantity: true,
        loggedOn: true,
        createdAt: true,
        processStepId: true,
        rateE4: true,
        photoPath: true,
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    // Receipts only: a rework lot (ADR 021) is the quality check's, not a receipt to correct or cancel.
    client.lot.findMany({
      where: { workshopId, assignmentId, reworkOfLotId: null },
      select: {
        id: true,
        originLogId: true,
        loggedQuantity: true,
        quantity: true,
        differenceReason: true,
        status: true,
        receivedAt: true,
        receivedOn: true,
        receivedById: true,
        pieceLog: { select: { loggedOn: true, changeReason: true } },
      },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    }),
  ]);
  const stepIds = [...new Set(logs.map((l) => l.processStepId).filter((id): id is string => id !== null))];
  const userIds = [...new Set(lots.map((l) => l.receivedById))];
  const [steps, users] = await Promise.all([
    stepIds.length
      ? client.processStep.findMany({ where: { id: { in: stepIds } }, select: { id: true, name: true } })
      : [],
    userIds.length
      ? client.user.findMany({ where: { id: { in: userIds }, workshopId }, select: { id: true, name: true } })
      : [],
  ]);
  const stepName = new Map(steps.map((s) => [s.id, s.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return {
    assignment: {
      id: a.id,
      orderId: a.orderId,
      workerId: a.workerId,
      workerName: a.worker.name,
      workerPhone: a.worker.phone,
      productName: a.product.name,
      productUnit: a.product.unit,
      partnerName: a.order.partner.name,
      quantity: a.quantity,
      loggedQuantity: a.loggedQuantity,
      dueOn: a.dueOn,
      status: a.status,
    },
    submitted: logs.map((l) => ({
      id: l.id,
      quantity: l.quantity,
      loggedOn: l.loggedOn,
      createdAt: l.createdAt,
      processStepName: l.processStepId ? (stepName.get(l.processStepId) ?? null) : null,
      rateE4: l.rateE4,
      hasPhoto: l.photoPath !== null,
    })),
    lots: lots.map((l) => ({
      id: l.id,
      pieceLogId: l.originLogId,
      loggedOn: l.pieceLog?.loggedOn ?? "",
      loggedQuantity: l.loggedQuantity,
      quantity: l.quantity,
      differenceReason: l.differenceReason,
      changeReason: l.pieceLog?.changeReason ?? "",
      status: lotStatus(l.status),
      receivedAt: l.receivedAt,
      receivedOn: l.receivedOn,
      receivedByName: userName.get(l.receivedById) ?? null,
    })),
  };
}

/** What the worker sees of the receipt of one of her logs (her side of ADR 019). */
export type WorkerReceipt = {
  pieceLogId: string;
  assignmentId: string;
  /** As she logged it, and as the coordinator counted it. */
  loggedQuantity: number;
  receivedQuantity: number;
  /** Why the count differs from her log ("" when it does not). */
  differenceReason: string;
  /** Why the coordinator corrected or cancelled the receipt afterwards ("" when she did not). */
  changeReason: string;
  /** awaiting (the quality check is next), checked, or cancelled (the receipt was cancelled: the log too). */
  status: LotStatus;
  receivedOn: string;
  receivedAt: Date;
};

/**
 * The receipts of the worker's own logs (never anyone else's), newest first;
 * for one assignment of hers when `assignmentId` is given. Used by the
 * worker's pages (the logs helper's), which show each log's status with these.
 */
export async function listReceiptsForWorker(
  scope: Actor,
  options: { assignmentId?: string; pieceLogIds?: string[]; take?: number } = {},
): Promise<WorkerReceipt[]> {
  const rows = await db().lot.findMany({
    where: {
      workshopId: scope.workshopId,
      workerId: scope.userId,
      reworkOfLotId: null,
      ...(options.assignmentId ? { assignmentId: options.assignmentId } : {}),
      ...(options.pieceLogIds ? { pieceLogId: { in: options.pieceLogIds } } : {}),
    },
    select: {
      originLogId: true,
      assignmentId: true,
      loggedQuantity: true,
      quantity: true,
      differenceReason: true,
      status: true,
      receivedOn: true,
      receivedAt: true,
      pieceLog: { select: { changeReason: true } },
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: options.take ?? 200,
  });
  return rows.map((r) => ({
    pieceLogId: r.originLogId,
    assignmentId: r.assignmentId,
    loggedQuantity: r.loggedQuantity,
    receivedQuantity: r.quantity,
    differenceReason: r.differenceReason,
    changeReason: r.pieceLog?.changeReason ?? "",
    status: lotStatus(r.status),
    receivedOn: r.receivedOn,
    receivedAt: r.receivedAt,
  }));
}

function lotStatus(value: string): LotStatus {
  if ((LOT_STATUSES as readonly string[]).includes(value)) return value as LotStatus;
  throw new Error(`unknown lot status ${value}`);
}

// ---------------------------------------------------------------------------
// Writing

/** The answer to a resent form (same submission key): the first answer's id, nothing done again (ADR 010). */
export type Replayed = Ok<{ id?: string; replayed: true }>;

/** A refusal raised inside a transaction after something was written: throwing rolls it all back. */
class Refusal<C extends string> extends Error {
  constructor(readonly code: C) {
    super(`refused: ${code}`);
  }
}

async function refusalsAsResults<T, C extends string>(work: () => Promise<T>): Promise<T | Fail<C>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return fail(error.code as C);
    throw error;
  }
}

export type ReceiveInput = { pieceLogId: string; counted: number; reason: string };

export type ReceiveResult =
  | Ok<{ id: string }>
  | Fail<"notFound" | "notSubmitted" | "reasonRequired">
  | Fail<"countAboveLogged", { logged: number }>;

/**
 * Receives one submitted log of the assignment with the counted quantity
 * (0..logged; a difference needs a reason): creates its lot with the log's
 * rate, sets the log `received`, and gives the pieces not counted back to the
 * assignment. Once per submission key; exactly one lot per log whatever runs
 * at the same time. `id` is the lot's.
 */
export async function receiveLog(
  actor: Actor,
  assignmentId: string,
  input: ReceiveInput,
  now: Date,
  submissionKey: string,
): Promise<ReceiveResult | Replayed> {
  return onceOk(actor.userId, submissionKey, "lot.receive", input.pieceLogId, (tx) =>
    receiveIn(tx, actor, assignmentId, input, now),
  );
}

async function receiveIn(
  tx: Tx,
  actor: Actor,
  assignmentId: string,
  input: ReceiveInput,
  now: Date,
): Promise<ReceiveResult> {
  const log = await tx.pieceLog.findFirst({
    where: { id: input.pieceLogId, workshopId: actor.workshopId, assignmentId },
    select: logForLot,
  });
  if (!log) return fail("notFound");
  if (log.status !== "submitted") return fail("notSubmitted");
  const reason = input.reason.trim();
  const check = checkCount(log.quantity, input.counted, reason);
  if (!check.ok)
    return check.code === "countAboveLogged" ? fail(check.code, { logged: log.quantity }) : fail(check.code);
  const lotId = await receiveOne(tx, actor, log, input.counted, reason, now);
  return lotId ? ok({ id: lotId }) : fail("notSubmitted");
}

const logForLot = {
  id: true,
  workshopId: true,
  orderId: true,
  assignmentId: true,
  workerId: true,
  productId: true,
  processStepId: true,
  quantity: true,
  status: true,
  pieceRateId: true,
  rateE4: true,
} as const;

type LogForLot = {
  id: string;
  workshopId: string;
  orderId: string;
  assignmentId: string;
  workerId: string;
  productId: string;
  processStepId: string | null;
  quantity: number;
  status: string;
  pieceRateId: string | null;
  rateE4: bigint | null;
};

/**
 * The conditional step every receipt goes through: moves the log from
 * `submitted` to `received` (or finds it moved by someone else: null, nothing
 * written), writes its lot, releases the pieces not counted, and audits it.
 * Tells her in a notice unless `tell` is false ("receive all" tells her once,
 * for all her logs it received).
 */
async function receiveOne(
  tx: Tx,
  actor: Actor,
  log: LogForLot,
  counted: number,
  reason: string,
  now: Date,
  tell = true,
): Promise<string | null> {
  const { count } = await tx.pieceLog.updateMany({
    where: { id: log.id, workshopId: actor.workshopId, status: "submitted" },
    data: { status: "received" },
  });
  if (count !== 1) return null;
  const differenceReason = counted === log.quantity ? "" : reason;
  const lot = await tx.lot.create({
    data: {
      workshopId: log.workshopId,
      orderId: log.orderId,
      assignmentId: log.assignmentId,
      workerId: log.workerId,
      productId: log.productId,
      processStepId: log.processStepId,
      pieceLogId: log.id,
      originLogId: log.id,
      loggedQuantity: log.quantity,
      quantity: counted,
      differenceReason,
      pieceRateId: log.pieceRateId,
      rateE4: log.rateE4,
      status: "awaiting",
      receivedById: actor.userId,
      receivedAt: now,
      receivedOn: chinaDate(now),
    },
    select: { id: true },
  });
  const released = piecesReleasedOnReceipt(log.quantity, counted);
  // A process step's pieces are counted per step (ADR 020): the assignment's count is settled from its logs.
  if (log.processStepId !== null)
    await settleStepPieces(tx, log.assignmentId, log.processStepId, { mustBeActive: false });
  else if (released > 0) await releaseLoggedPieces(tx, log.assignmentId, released);
  await recordAudit(tx, actor, {
    action: "lot.receive",
    entityType: "Lot",
    entityId: lot.id,
    before: { pieceLogId: log.id, logStatus: "submitted", loggedQuantity: log.quantity },
    after: {
      pieceLogId: log.id,
      logStatus: "received",
      loggedQuantity: log.quantity,
      quantity: counted,
      differenceReason,
      releasedPieces: released,
      pieceRateId: log.pieceRateId,
      rateE4: log.rateE4,
      status: "awaiting",
    },
  });
  // More pieces received means more expected use and less loss: a charge above the new proposal comes down.
  await capDeductionsToProposal(tx, actor, log.assignmentId);
  if (tell)
    await noticeReceived(tx, actor, log.workerId, [
      { lotId: lot.id, assignmentId: log.assignmentId, productId: log.productId, counted },
    ]);
  // The last pieces in can end the assignment's "in progress": its over-allowance flags are told now.
  await noticeOverAllowance(tx, actor, log.assignmentId);
  return lot.id;
}

type Received = { lotId: string; assignmentId: string; productId: string; counted: number };

/**
 * Tells a worker of her lots received by one action, in one notice: one lot, the lot's own notice
 * (its product and count); several ("receive all"), one notice of them all: how many logs, how many
 * pieces in all (ADR 026).
 */
async function noticeReceived(tx: Tx, actor: Actor, workerId: string, lots: Received[]): Promise<void> {
  const [first] = lots;
  if (!first) return;
  const productIds = [...new Set(lots.map((l) => l.productId))];
  const products = await tx.product.findMany({ where: { id: { in: productIds } }, select: { id: true, name: true } });
  // A "receive all" is one assignment's logs, so one product; should it ever be more, each is named.
  const product = productIds.map((id) => products.find((p) => p.id === id)?.name ?? "").join("、");
  const n = lots.reduce((sum, l) => sum + l.counted, 0);
  if (lots.length === 1) {
    await notify(
      tx,
      actor.workshopId,
      { worker: workerId },
      { kind: "lot.received", lotId: first.lotId },
      { product, n },
    );
    return;
  }
  await notify(
    tx,
    actor.workshopId,
    { worker: workerId },
    { kind: "lots.received", assignmentId: first.assignmentId },
    { product, logs: lots.length, n },
  );
}

export type ReceiveAllResult = Ok<{ id: string; logs: number; pieces: number }> | Fail<"notFound" | "nothingToReceive">;

/**
 * "Receive all as logged": receives each of the listed logs of the assignment
 * that is still submitted, with the counted quantity = the logged one. The
 * list is what the coordinator saw on her page, so a log sent after she looked
 * is not received unseen; a log received or cancelled meanwhile is skipped.
 * nothingToReceive: none of them was still waiting.
 */
export async function receiveAllAsLogged(
  actor: Actor,
  assignmentId: string,
  pieceLogIds: readonly string[],
  now: Date,
  submissionKey: string,
): Promise<ReceiveAllResult | Replayed> {
  return onceOk(actor.userId, submissionKey, "lot.receiveAll", assignmentId, async (tx) => {
    const assignment = await tx.assignment.findFirst({
      where: { id: assignmentId, workshopId: actor.workshopId },
      select: { id: true },
    });
    if (!assignment) return fail("notFound");
    const logs = await tx.pieceLog.findMany({
      where: { id: { in: [...pieceLogIds] }, workshopId: actor.workshopId, assignmentId, status: "submitted" },
      select: logForLot,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    let received = 0;
    let pieces = 0;
    // Each worker is told once of all her logs this action received (one assignment: one worker).
    const byWorker = new Map<string, Received[]>();
    for (const log of logs) {
      const lotId = await receiveOne(tx, actor, log, log.quantity, "", now, false);
      if (lotId) {
        received += 1;
        pieces += log.quantity;
        const hers = byWorker.get(log.workerId) ?? [];
        hers.push({ lotId, assignmentId, productId: log.productId, counted: log.quantity });
        byWorker.set(log.workerId, hers);
      }
    }
    for (const [workerId, lots] of byWorker) await noticeReceived(tx, actor, workerId, lots);
    return received === 0 ? fail("nothingToReceive") : ok({ id: assignmentId, logs: received, pieces });
  });
}

export type CorrectInput = { lotId: string; counted: number; reason: string };

export type CorrectResult =
  | Ok<{ id: string }>
  | Fail<"notFound" | "notAwaiting" | "unchanged" | "reasonRequired" | "piecesLoggedAgain">
  | Fail<"countAboveLogged", { logged: number }>;

/**
 * The coordinator corrects a received count (0..logged, with a reason) while
 * its lot still waits for the quality check. A lower count gives the
 * difference back to the assignment; a higher one takes pieces back, which is
 * refused (piecesLoggedAgain) when she has logged them again since.
 */
export async function correctReceipt(
  actor: Actor,
  assignmentId: string,
  input: CorrectInput,
  submissionKey: string,
): Promise<CorrectResult | Replayed> {
  const reason = input.reason.trim();
  return refusalsAsResults<CorrectResult | Replayed, "piecesLoggedAgain">(() =>
    onceOk(actor.userId, submissionKey, "lot.correct", input.lotId, async (tx): Promise<CorrectResult> => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const lot = await tx.lot.findFirst({
          where: { id: input.lotId, workshopId: actor.workshopId, assignmentId, reworkOfLotId: null },
          select: {
            id: true,
            pieceLogId: true,
            processStepId: true,
            loggedQuantity: true,
            quantity: true,
            differenceReason: true,
            status: true,
          },
        });
        if (!lot?.pieceLogId) return fail("notFound");
        const pieceLogId = lot.pieceLogId;
        if (lot.status !== "awaiting") return fail("notAwaiting");
        if (reason.length === 0) return fail("reasonRequired");
        const check = checkCount(lot.loggedQuantity, input.counted, reason);
        if (!check.ok)
          return check.code === "countAboveLogged"
            ? fail(check.code, { logged: lot.loggedQuantity })
            : fail(check.code);
        if (input.counted === lot.quantity) return fail("unchanged");
        const differenceReason = input.counted === lot.loggedQuantity ? "" : reason;
        // Matching on the count read: a concurrent correction or cancellation makes this miss, and it reads again.
        const { count } = await tx.lot.updateMany({
          where: { id: lot.id, status: "awaiting", quantity: lot.quantity },
          data: { quantity: input.counted, differenceReason },
        });
        if (count !== 1) continue;
        const { take, release } = correctionPieces(lot.quantity, input.counted);
        if (lot.processStepId !== null) {
          const settled = await settleStepPieces(tx, assignmentId, lot.processStepId, { mustBeActive: false });
          if (!settled.settled) throw new Refusal("piecesLoggedAgain");
        } else if (take > 0) {
          const taken = await takeLoggedPieces(tx, assignmentId, take);
          // Rolls the lot's change back too.
          if (!taken.taken) throw new Refusal("piecesLoggedAgain");
        } else if (release > 0) await releaseLoggedPieces(tx, assignmentId, release);
        await tx.pieceLog.updateMany({
          where: { id: pieceLogId, status: "received" },
          data: { changeReason: reason },
        });
        await recordAudit(tx, actor, {
          action: "lot.correct",
          entityType: "Lot",
          entityId: lot.id,
          before: { pieceLogId: lot.pieceLogId, quantity: lot.quantity, differenceReason: lot.differenceReason },
          after: {
            pieceLogId: lot.pieceLogId,
            quantity: input.counted,
            differenceReason,
            reason,
            takenPieces: take,
            releasedPieces: release,
          },
        });
        await capDeductionsToProposal(tx, actor, assignmentId);
        await noticeOverAllowance(tx, actor, assignmentId);
        return ok({ id: lot.id });
      }
      throw new Error(`lot ${input.lotId}: could not correct after 5 attempts`);
    }),
  );
}

export type CancelInput = { lotId: string; reason: string };
export type CancelResult = Ok<{ id: string }> | Fail<"notFound" | "notAwaiting" | "reasonRequired">;

/**
 * The coordinator cancels a receipt (with a reason) while its lot still waits
 * for the quality check: the lot becomes `cancelled` (kept, never deleted, and
 * never seen by the quality check), the log `cancelled` with the reason, and
 * the counted pieces go back to the assignment.
 */
export async function cancelReceipt(
  actor: Actor,
  assignmentId: string,
  input: CancelInput,
  submissionKey: string,
): Promise<CancelResult | Replayed> {
  const reason = input.reason.trim();
  return onceOk(actor.userId, submissionKey, "lot.cancel", input.lotId, async (tx): Promise<CancelResult> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const lot = await tx.lot.findFirst({
        where: { id: input.lotId, workshopId: actor.workshopId, assignmentId, reworkOfLotId: null },
        select: { id: true, pieceLogId: true, processStepId: true, loggedQuantity: true, quantity: true, status: true },
      });
      if (!lot?.pieceLogId) return fail("notFound");
      if (lot.status !== "awaiting") return fail("notAwaiting");
      if (reason.length === 0) return fail("reasonRequired");
      const { count } = await tx.lot.updateMany({
        where: { id: lot.id, status: "awaiting", quantity: lot.quantity },
        data: { status: "cancelled" },
      });
      if (count !== 1) continue;
      const log = await tx.pieceLog.updateMany({
        where: { id: lot.pieceLogId, status: "received" },
        data: { status: "cancelled", changeReason: reason },
      });
      if (log.count !== 1) throw new Error(`lot ${lot.id}: its piece log ${lot.pieceLogId} is not received`);
      if (lot.processStepId !== null)
        await settleStepPieces(tx, assignmentId, lot.processStepId, { mustBeActive: false });
      else if (lot.quantity > 0) await releaseLoggedPieces(tx, assignmentId, lot.quantity);
      await recordAudit(tx, actor, {
        action: "lot.cancel",
        entityType: "Lot",
        entityId: lot.id,
        before: { pieceLogId: lot.pieceLogId, status: "awaiting", logStatus: "received", quantity: lot.quantity },
        after: {
          pieceLogId: lot.pieceLogId,
          status: "cancelled",
          logStatus: "cancelled",
          quantity: lot.quantity,
          reason,
          releasedPieces: lot.quantity,
        },
      });
      return ok({ id: lot.id });
    }
    throw new Error(`lot ${input.lotId}: could not cancel after 5 attempts`);
  });
}

/** One lot of the workshop, with its product's unit (for the notice after a receipt), or null. */
export async function getLot(workshopId: string, lotId: string) {
  const lot = await db().lot.findFirst({
    where: { id: lotId, workshopId },
    select: {
      id: true,
      assignmentId: true,
      loggedQuantity: true,
      quantity: true,
      status: true,
      assignment: { select: { product: { select: { unit: true } } } },
    },
  });
  if (!lot) return null;
  const { assignment, ...rest } = lot;
  return { ...rest, productUnit: assignment.product.unit };
}

/**
 * Pieces received per assignment: the counted pieces of its lots that are not
 * cancelled (awaiting the check or checked). What material reconciliation's
 * "expected use = pieces received x BOM" multiplies (ADR 019); assignments
 * with nothing received are absent. For a product paid per process step each
 * piece comes back once per step (one lot per step log): the pieces received
 * are those of the step with the most, as the task counts its logged pieces
 * (ADR 020), not the sum over steps.
 */
export async function receivedPiecesByAssignment(
  workshopId: string,
  assignmentIds: readonly string[],
  client: Tx | ReturnType<typeof db> = db(),
): Promise<Map<string, number>> {
  if (assignmentIds.length === 0) return new Map();
  const groups = await client.lot.groupBy({
    by: ["assignmentId", "processStepId"],
    // Receipts only: a rework lot's pieces were counted once already, in the lot they came from (ADR 021).
    where: {
      workshopId,
      assignmentId: { in: [...assignmentIds] },
      status: { in: ["awaiting", "checked"] },
      reworkOfLotId: null,
    },
    _sum: { quantity: true },
  });
  const received = new Map<string, number>();
  for (const g of groups) {
    const pieces = g._sum.quantity ?? 0;
    received.set(g.assignmentId, Math.max(received.get(g.assignmentId) ?? 0, pieces));
  }
  return received;
}
