// Piece logs 报工 (ADR 017, ADR 020): a worker logs finished pieces of one of
// her assignments from her phone. A log is made once, forever: the phone (or
// the page, without JavaScript) gives each submission a key, and
// `PieceLog @@unique([workerId, clientKey])` makes a re-send, a double tap or
// a phone that comes back online days later find the log it already made.
// In the transaction that writes the log: the assignment's pieces are taken
// (never beyond its quantity), the day's rate version is copied onto the log
// and marked used (so it can no longer change), and the audit entry written.
// She may correct or cancel a log until it is received; after that only the
// coordinator can, with a reason (app/models/receiving.server.ts).
import { logMadeAt } from "../domain/piece-logs.ts";
import { chinaDate } from "../domain/dates.ts";
import type { Actor } from "../domain/access.ts";
import { inForcePerStep } from "../domain/rates.ts";
import { db, type Tx } from "../infra/db.server.ts";
import { releaseLoggedPieces, settleStepPieces, stepCounts, takeLoggedPieces } from "./assignment-pieces.server.ts";
import { recordAudit } from "./audit.server.ts";
import { isUniqueViolation } from "./errors.server.ts";
import { markRateUsed } from "./rates.server.ts";
import { Refusal } from "./refusal.server.ts";
import { fail, ok, type Fail, type Ok } from "./result.ts";

export const PIECE_LOG_STATUSES = ["submitted", "received", "cancelled"] as const;
export type PieceLogStatus = (typeof PIECE_LOG_STATUSES)[number];

/** How the product is priced on a day: one rate for the whole piece, a rate per process step, or none yet. */
export type LogPricing =
  | { kind: "whole"; rateId: string; rateE4: bigint }
  | { kind: "steps"; steps: { id: string; name: string; rateId: string; rateE4: bigint }[] }
  | { kind: "none" };

/** The pricing of a product on a date, read inside `tx` (the log's transaction) or outside it. */
export async function logPricingOn(
  tx: Tx | ReturnType<typeof db>,
  workshopId: string,
  productId: string,
  date: string,
): Promise<LogPricing> {
  const versions = await tx.pieceRate.findMany({
    where: { workshopId, productId, effectiveOn: { lte: date } },
    select: { id: true, processStepId: true, effectiveOn: true, rateE4: true, createdAt: true },
  });
  const inForce = inForcePerStep(
    versions.map((v) => ({ ...v, used: false })),
    date,
  );
  const whole = inForce.get(null);
  if (whole) return { kind: "whole", rateId: whole.id, rateE4: whole.rateE4 };
  const stepIds = [...inForce.keys()].filter((k): k is string => k !== null);
  if (stepIds.length === 0) return { kind: "none" };
  const steps = await tx.processStep.findMany({
    where: { id: { in: stepIds }, workshopId, productId, archivedAt: null },
    select: { id: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
  });
  if (steps.length === 0) return { kind: "none" };
  return {
    kind: "steps",
    steps: steps.map((s) => {
      const v = inForce.get(s.id)!;
      return { id: s.id, name: s.name, rateId: v.id, rateE4: v.rateE4 };
    }),
  };
}

export type LogInput = {
  quantity: number;
  processStepId: string | null;
  clientKey: string;
  photoPath?: string | null;
  /** When her phone says she made it (ms since 1970), for a log that waited on the phone (logMadeAt). */
  madeAt?: number | null;
};

export type LogResult =
  | Ok<{ id: string; replayed: boolean; quantity: number; unit: string }>
  | Fail<"notFound" | "notActive" | "stepRequired" | "stepUnknown" | "keyUsedElsewhere">
  | Fail<"tooMany", { remaining: number }>;

/**
 * Logs `quantity` finished pieces of the worker's own assignment, once per
 * `clientKey` whatever the network does. A re-send answers the first log
 * (`replayed: true`) even when the assignment has changed since.
 */
export async function createPieceLog(
  worker: Actor,
  assignmentId: string,
  input: LogInput,
  now: Date,
): Promise<LogResult> {
  const earlier = () => findByKey(worker, input.clientKey, assignmentId);
  const seen = await earlier();
  if (seen) return seen;
  try {
    return await db().$transaction((tx) => logIn(tx, worker, assignmentId, input, now));
  } catch (error) {
    // A copy of this very submission (a retry that overtook the first) has just made the log.
    if (isUniqueViolation(error)) {
      const raced = await earlier();
      if (raced) return raced;
    }
    if (error instanceof Refusal) return error.result as LogResult;
    throw error;
  }
}

async function findByKey(worker: Actor, clientKey: string, assignmentId: string): Promise<LogResult | null> {
  const row = await db().pieceLog.findUnique({
    where: { workerId_clientKey: { workerId: worker.userId, clientKey } },
    select: {
      id: true,
      assignmentId: true,
      quantity: true,
      workshopId: true,
      assignment: { select: { product: { select: { unit: true } } } },
    },
  });
  if (!row || row.workshopId !== worker.workshopId) return null;
  if (row.assignmentId !== assignmentId) return fail("keyUsedElsewhere");
  return ok({ id: row.id, replayed: true, quantity: row.quantity, unit: row.assignment.product.unit });
}

async function logIn(tx: Tx, worker: Actor, assignmentId: string, input: LogInput, now: Date): Promise<LogResult> {
  const assignment = await tx.assignment.findFirst({
    where: { id: assignmentId, workshopId: worker.workshopId, workerId: worker.userId },
    select: {
      id: true,
      orderId: true,
      productId: true,
      status: true,
      createdAt: true,
      product: { select: { unit: true } },
    },
  });
  if (!assignment) return fail("notFound");
  if (assignment.status !== "active") return fail("notActive");
  // Dated (and priced) on the day she made it: the phone's time for a log that waited there, within bounds.
  const loggedOn = chinaDate(logMadeAt(input.madeAt ?? null, now, assignment.createdAt));
  const pricing = await logPricingOn(tx, worker.workshopId, assignment.productId, loggedOn);
  let step: string | null = null;
  let rate: { id: string; rateE4: bigint } | null = null;
  if (pricing.kind === "steps") {
    if (!input.processStepId) return fail("stepRequired");
    const chosen = pricing.steps.find((s) => s.id === input.processStepId);
    if (!chosen) return fail("stepUnknown");
    step = chosen.id;
    rate = { id: chosen.rateId, rateE4: chosen.rateE4 };
  } else if (pricing.kind === "whole") {
    rate = { id: pricing.rateId, rateE4: pricing.rateE4 };
  }

  if (step === null) {
    const taken = await takeLoggedPieces(tx, assignmentId, input.quantity);
    if (!taken.taken) return fail("tooMany", { remaining: taken.remaining });
  }
  const log = await tx.pieceLog.create({
    data: {
      workshopId: worker.workshopId,
      assignmentId,
      orderId: assignment.orderId,
      workerId: worker.userId,
      productId: assignment.productId,
      processStepId: step,
      quantity: input.quantity,
      loggedOn,
      pieceRateId: rate?.id ?? null,
      rateE4: rate?.rateE4 ?? null,
      photoPath: input.photoPath ?? null,
      status: "submitted",
      clientKey: input.clientKey,
      createdAt: now,
    },
    select: { id: true },
  });
  if (step !== null) {
    const settled = await settleStepPieces(tx, assignmentId, step, { mustBeActive: true });
    if (!settled.settled) throw new Refusal(fail("tooMany", { remaining: Math.max(0, input.quantity - settled.over) }));
  }
  if (rate) await markRateUsed(tx, worker.workshopId, rate.id, now);
  await recordAudit(tx, worker, {
    action: "pieceLog.create",
    entityType: "PieceLog",
    entityId: log.id,
    after: {
      assignmentId,
      quantity: input.quantity,
      processStepId: step,
      loggedOn,
      pieceRateId: rate?.id ?? null,
      rateE4: rate?.rateE4 ?? null,
      photo: input.photoPath ? true : false,
    },
  });
  return ok({ id: log.id, replayed: false, quantity: input.quantity, unit: assignment.product.unit });
}

export type ChangeResult =
  | Ok<{ id: string }>
  | Fail<"notFound" | "notSubmitted" | "unchanged">
  /** `most`: the largest count this log can be corrected to now. */
  | Fail<"tooMany", { remaining: number; most: number }>;

/**
 * The worker corrects the count of one of her logs while it waits to be
 * received. Going up takes pieces (never beyond the assignment), going down
 * gives them back. A re-send of the same correction answers "unchanged".
 */
export async function correctPieceLog(
  worker: Actor,
  assignmentId: string,
  pieceLogId: string,
  quantity: number,
): Promise<ChangeResult> {
  try {
    return await db().$transaction(async (tx): Promise<ChangeResult> => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const log = await ownLog(tx, worker, assignmentId, pieceLogId);
        if (!log) return fail("notFound");
        if (log.status !== "submitted") return fail("notSubmitted");
        if (log.quantity === quantity) return fail("unchanged");
        // Matching on the status and count read: a concurrent receipt or change makes this miss.
        const { count } = await tx.pieceLog.updateMany({
          where: { id: log.id, status: "submitted", quantity: log.quantity },
          data: { quantity },
        });
        if (count !== 1) continue;
        const more = quantity - log.quantity;
        if (log.processStepId !== null) {
          const settled = await settleStepPieces(tx, assignmentId, log.processStepId, { mustBeActive: more > 0 });
          if (!settled.settled) {
            const remaining = Math.max(0, more - settled.over);
            throw new Refusal(fail("tooMany", { remaining, most: log.quantity + remaining }));
          }
        } else if (more > 0) {
          const taken = await takeLoggedPieces(tx, assignmentId, more);
          if (!taken.taken) {
            throw new Refusal(fail("tooMany", { remaining: taken.remaining, most: log.quantity + taken.remaining }));
          }
        } else {
          await releaseLoggedPieces(tx, assignmentId, -more);
        }
        await recordAudit(tx, worker, {
          action: "pieceLog.correct",
          entityType: "PieceLog",
          entityId: log.id,
          before: { quantity: log.quantity },
          after: { quantity },
        });
        return ok({ id: log.id });
      }
      throw new Error(`piece log ${pieceLogId}: could not correct after 5 attempts`);
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result as ChangeResult;
    throw error;
  }
}

export type CancelLogResult = Ok<{ id: string; alreadyCancelled: boolean }> | Fail<"notFound" | "notSubmitted">;

/** The worker cancels one of her logs while it waits to be received; its pieces go back to her task. */
export async function cancelPieceLog(
  worker: Actor,
  assignmentId: string,
  pieceLogId: string,
): Promise<CancelLogResult> {
  return db().$transaction(async (tx): Promise<CancelLogResult> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const log = await ownLog(tx, worker, assignmentId, pieceLogId);
      if (!log) return fail("notFound");
      // A second tap on "cancel" (or a resent form) finds it cancelled: that is what she asked for.
      if (log.status === "cancelled" && log.changeReason === "") return ok({ id: log.id, alreadyCancelled: true });
      if (log.status !== "submitted") return fail("notSubmitted");
      const { count } = await tx.pieceLog.updateMany({
        where: { id: log.id, status: "submitted", quantity: log.quantity },
        data: { status: "cancelled" },
      });
      if (count !== 1) continue;
      if (log.processStepId !== null)
        await settleStepPieces(tx, assignmentId, log.processStepId, { mustBeActive: false });
      else await releaseLoggedPieces(tx, assignmentId, log.quantity);
      await recordAudit(tx, worker, {
        action: "pieceLog.cancel",
        entityType: "PieceLog",
        entityId: log.id,
        before: { status: "submitted", quantity: log.quantity },
        after: { status: "cancelled", quantity: log.quantity, releasedPieces: log.quantity },
      });
      return ok({ id: log.id, alreadyCancelled: false });
    }
    throw new Error(`piece log ${pieceLogId}: could not cancel after 5 attempts`);
  });
}

function ownLog(tx: Tx, worker: Actor, assignmentId: string, pieceLogId: string) {
  return tx.pieceLog.findFirst({
    where: { id: pieceLogId, assignmentId, workshopId: worker.workshopId, workerId: worker.userId },
    select: { id: true, status: true, quantity: true, processStepId: true, changeReason: true },
  });
}

export type LogDeskEntry = {
  id: string;
  loggedOn: string;
  createdAt: Date;
  quantity: number;
  stepName: string | null;
  status: PieceLogStatus;
  hasPhoto: boolean;
  /** What the coordinator counted, when received (and why it differs, or why she changed it later). */
  receipt: { counted: number; differenceReason: string; changeReason: string } | null;
  /** A cancelled log: the coordinator's reason, or "" when the worker cancelled it herself. */
  changeReason: string;
};

export type LogDesk = {
  id: string;
  productName: string;
  unit: string;
  quantity: number;
  loggedQuantity: number;
  dueOn: string;
  status: string;
  source: string;
  /** Today's pricing: what a log made now is paid at. */
  pricing: LogPricing;
  /** Pieces she may still log: of the whole product, or per step. */
  remaining: number;
  stepRemaining: Map<string, number>;
  logs: LogDeskEntry[];
};

/** The worker's log page for one of her own assignments, or null (another's is not found). */
export async function getLogDesk(worker: Actor, assignmentId: string, now: Date): Promise<LogDesk | null> {
  const client = db();
  // Her logs are read beside the task (both scoped to her), then the day's pricing.
  const [a, logs] = await Promise.all([
    client.assignment.findFirst({
      where: { id: assignmentId, workshopId: worker.workshopId, workerId: worker.userId },
      select: {
        id: true,
        productId: true,
        quantity: true,
        loggedQuantity: true,
        dueOn: true,
        status: true,
        source: true,
        product: { select: { name: true, unit: true } },
      },
    }),
    client.pieceLog.findMany({
      where: { assignmentId, workerId: worker.userId, workshopId: worker.workshopId },
      select: {
        id: true,
        loggedOn: true,
        createdAt: true,
        quantity: true,
        status: true,
        photoPath: true,
        changeReason: true,
        processStepId: true,
        lot: { select: { quantity: true, differenceReason: true, status: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
    }),
  ]);
  if (!a) return null;
  const pricing = await logPricingOn(client, worker.workshopId, a.productId, chinaDate(now));
  const stepIds = [...new Set(logs.map((l) => l.processStepId).filter((id): id is string => id !== null))];
  const stepNames = new Map(
    stepIds.length === 0
      ? []
      : (await client.processStep.findMany({ where: { id: { in: stepIds } }, select: { id: true, name: true } })).map(
          (s) => [s.id, s.name],
        ),
  );
  const stepRemaining = new Map<string, number>();
  if (pricing.kind === "steps") {
    const counts = await stepCounts(client, assignmentId);
    const whole = counts.get(null) ?? 0;
    for (const s of pricing.steps) stepRemaining.set(s.id, Math.max(0, a.quantity - whole - (counts.get(s.id) ?? 0)));
  }
  return {
    id: a.id,
    productName: a.product.name,
    unit: a.product.unit,
    quantity: a.quantity,
    loggedQuantity: a.loggedQuantity,
    dueOn: a.dueOn,
    status: a.status,
    source: a.source,
    pricing,
    remaining: Math.max(0, a.quantity - a.loggedQuantity),
    stepRemaining,
    logs: logs.map((l) => ({
      id: l.id,
      loggedOn: l.loggedOn,
      createdAt: l.createdAt,
      quantity: l.quantity,
      stepName: l.processStepId ? (stepNames.get(l.processStepId) ?? null) : null,
      status: pieceLogStatus(l.status),
      hasPhoto: l.photoPath !== null,
      receipt:
        l.lot && l.lot.status !== "cancelled"
          ? { counted: l.lot.quantity, differenceReason: l.lot.differenceReason, changeReason: l.changeReason }
          : null,
      changeReason: l.status === "cancelled" ? l.changeReason : "",
    })),
  };
}

function pieceLogStatus(value: string): PieceLogStatus {
  if ((PIECE_LOG_STATUSES as readonly string[]).includes(value)) return value as PieceLogStatus;
  throw new Error(`unknown piece log status ${value}`);
}
