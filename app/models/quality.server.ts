// The quality check 质检 (docs/domain.md flow step 6; ADR 021): a coordinator
// of the lot's workshop records passed, rework and rejected counts that add up
// to the lot's quantity, with reasons from the workshop's list (or "other" and
// a note), an optional photo, who checked it and the China date.
//
// Exactly once, like receiving (ADR 019): the lot moves `awaiting` → `checked`
// by one conditional UPDATE on its status and the count read; only the request
// that moved it writes the rework lot and the audit entry, in the same
// transaction; the form's once-only key (ADR 010) answers a resent form with
// the first check. Rework pieces become a new lot with the same rate (status
// `rework`, at the worker's) until the coordinator takes them back (`awaiting`)
// and checks them again. Passed pieces are paid in the month of `checkedOn` at
// the rate recorded on the lot (`monthPieces`, app/models/month-pieces.server.ts).
import type { Actor, Scope } from "../domain/access.ts";
import { chinaDate } from "../domain/dates.ts";
import { checkQuality, DEFAULT_QUALITY_REASONS, keptReasons, type ReasonChoice } from "../domain/quality.ts";
import { db, type Tx } from "../infra/db.server.ts";
import { readPhoto } from "../infra/photo-store.server.ts";
import { recordAudit } from "./audit.server.ts";
import { isUniqueViolation } from "./errors.server.ts";
import { fail, ok, type Fail, type Ok } from "./result.ts";
import { onceOk } from "./submission.server.ts";

// ---------------------------------------------------------------------------
// The workshop's reasons

export type QualityReasonRow = { id: string; label: string; archived: boolean };

/** Adds the default reasons to a new workshop, in the caller's transaction. */
export async function addDefaultReasons(tx: Tx, workshopId: string): Promise<void> {
  await tx.qualityReason.createMany({
    data: DEFAULT_QUALITY_REASONS.map((label, i) => ({ workshopId, label, sortOrder: i + 1 })),
  });
}

/** The workshop's reasons in their order, archived ones last (or left out). */
export async function listReasons(workshopId: string, options: { archived?: boolean } = {}) {
  const rows = await db().qualityReason.findMany({
    where: { workshopId, ...(options.archived ? {} : { archivedAt: null }) },
    select: { id: true, label: true, archivedAt: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const list: QualityReasonRow[] = rows.map((r) => ({ id: r.id, label: r.label, archived: r.archivedAt !== null }));
  return [...list.filter((r) => !r.archived), ...list.filter((r) => r.archived)];
}

export type AddReasonResult = Ok<{ id: string }> | Fail<"reasonTaken">;

/** The coordinator adds a reason to her workshop's list (a label it already has, archived or not, is refused). */
export async function addReason(actor: Actor, label: string, submissionKey: string) {
  try {
    return await onceOk(
      actor.userId,
      submissionKey,
      "qualityReason.create",
      "",
      async (tx): Promise<AddReasonResult> => {
        const taken = await tx.qualityReason.findFirst({ where: { workshopId: actor.workshopId, label } });
        if (taken) return fail("reasonTaken");
        const last = await tx.qualityReason.aggregate({
          where: { workshopId: actor.workshopId },
          _max: { sortOrder: true },
        });
        const row = await tx.qualityReason.create({
          data: { workshopId: actor.workshopId, label, sortOrder: (last._max.sortOrder ?? 0) + 1 },
          select: { id: true },
        });
        await recordAudit(tx, actor, {
          action: "qualityReason.create",
          entityType: "QualityReason",
          entityId: row.id,
          after: { label },
        });
        return ok({ id: row.id });
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return fail("reasonTaken");
    throw error;
  }
}

/** Archives a reason (no longer offered; past checks keep its label) or brings it back. */
export async function setReasonArchived(
  actor: Actor,
  reasonId: string,
  archived: boolean,
  now: Date,
): Promise<Ok<{ id: string }> | Fail<"notFound">> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.qualityReason.updateMany({
      where: { id: reasonId, workshopId: actor.workshopId, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? now : null },
    });
    if (count !== 1) {
      const exists = await tx.qualityReason.findFirst({ where: { id: reasonId, workshopId: actor.workshopId } });
      return exists ? ok({ id: reasonId }) : fail("notFound");
    }
    await recordAudit(tx, actor, {
      action: archived ? "qualityReason.archive" : "qualityReason.restore",
      entityType: "QualityReason",
      entityId: reasonId,
      before: { archived: !archived },
      after: { archived },
    });
    return ok({ id: reasonId });
  });
}

// ---------------------------------------------------------------------------
// What waits for the check

export type QualityLotRow = {
  id: string;
  assignmentId: string;
  orderId: string;
  workerName: string;
  productName: string;
  productUnit: string;
  partnerName: string;
  quantity: number;
  receivedOn: string;
  /** A rework lot (ADR 021): pieces that went back to her once. */
  isRework: boolean;
  status: string;
};

const lotListSelect = {
  id: true,
  assignmentId: true,
  orderId: true,
  quantity: true,
  receivedOn: true,
  reworkOfLotId: true,
  status: true,
  assignment: {
    select: {
      worker: { select: { name: true } },
      product: { select: { name: true, unit: true } },
      order: { select: { partner: { select: { name: true } } } },
    },
  },
} as const;

type ListedLot = {
  id: string;
  assignmentId: string;
  orderId: string;
  quantity: number;
  receivedOn: string;
  reworkOfLotId: string | null;
  status: string;
  assignment: {
    worker: { name: string };
    product: { name: string; unit: string };
    order: { partner: { name: string } };
  };
};

function toLotRow(l: ListedLot): QualityLotRow {
  return {
    id: l.id,
    assignmentId: l.assignmentId,
    orderId: l.orderId,
    workerName: l.assignment.worker.name,
    productName: l.assignment.product.name,
    productUnit: l.assignment.product.unit,
    partnerName: l.assignment.order.partner.name,
    quantity: l.quantity,
    receivedOn: l.receivedOn,
    isRework: l.reworkOfLotId !== null,
    status: l.status,
  };
}

/** The workshop's lots waiting for the check (oldest first) and its rework lots still at the workers'. */
export async function getQualityDesk(
  workshopId: string,
): Promise<{ awaiting: QualityLotRow[]; atWorkers: QualityLotRow[] }> {
  const [awaiting, atWorkers] = await Promise.all([
    db().lot.findMany({
      where: { workshopId, status: "awaiting" },
      select: lotListSelect,
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: 200,
    }),
    db().lot.findMany({
      where: { workshopId, status: "rework" },
      select: lotListSelect,
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: 200,
    }),
  ]);
  return { awaiting: awaiting.map(toLotRow), atWorkers: atWorkers.map(toLotRow) };
}

/** How many lots wait for the check (the badge on 质检). */
export function countLotsToCheck(workshopId: string): Promise<number> {
  return db().lot.count({ where: { workshopId, status: "awaiting" } });
}

export type CheckResult = {
  passed: number;
  rework: number;
  rejected: number;
  reworkReason: string;
  rejectedReason: string;
  /** Whether the reason was "other" (the note says what). */
  reworkOther: boolean;
  rejectedOther: boolean;
  note: string;
  hasPhoto: boolean;
  checkedOn: string;
  checkedAt: Date;
  checkedByName: string | null;
};

export type LotForCheck = QualityLotRow & {
  loggedOn: string;
  differenceReason: string;
  rateE4: bigint | null;
  stepName: string | null;
  originLogId: string;
  reworkOfLotId: string | null;
  check: CheckResult | null;
  /** Rework lots made by this lot's check. */
  reworkLots: { id: string; quantity: number; status: string }[];
};

/** One lot of the workshop with what its check page shows, or null (another workshop's is not found). */
export async function getLotForCheck(workshopId: string, lotId: string): Promise<LotForCheck | null> {
  const client = db();
  const lot = await client.lot.findFirst({
    where: { id: lotId, workshopId },
    select: {
      ...lotListSelect,
      originLogId: true,
      differenceReason: true,
      rateE4: true,
      processStepId: true,
      ...checkSelect,
    },
  });
  if (!lot) return null;
  const [origin, step, checker, reworkLots] = await Promise.all([
    client.pieceLog.findFirst({ where: { id: lot.originLogId, workshopId }, select: { loggedOn: true } }),
    lot.processStepId
      ? client.processStep.findFirst({ where: { id: lot.processStepId }, select: { name: true } })
      : null,
    lot.checkedById
      ? client.user.findFirst({ where: { id: lot.checkedById, workshopId }, select: { name: true } })
      : null,
    client.lot.findMany({
      where: { workshopId, reworkOfLotId: lot.id },
      select: { id: true, quantity: true, status: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    ...toLotRow(lot),
    loggedOn: origin?.loggedOn ?? "",
    differenceReason: lot.differenceReason,
    rateE4: lot.rateE4,
    stepName: step?.name ?? null,
    originLogId: lot.originLogId,
    reworkOfLotId: lot.reworkOfLotId,
    check: checkResultOf(lot, checker?.name ?? null),
    reworkLots,
  };
}

const checkSelect = {
  passedQuantity: true,
  reworkQuantity: true,
  rejectedQuantity: true,
  reworkReasonId: true,
  reworkReason: true,
  rejectedReasonId: true,
  rejectedReason: true,
  checkNote: true,
  checkPhotoPath: true,
  checkedById: true,
  checkedAt: true,
  checkedOn: true,
} as const;

type CheckColumns = {
  passedQuantity: number;
  reworkQuantity: number;
  rejectedQuantity: number;
  reworkReasonId: string | null;
  reworkReason: string;
  rejectedReasonId: string | null;
  rejectedReason: string;
  checkNote: string;
  checkPhotoPath: string | null;
  checkedAt: Date | null;
  checkedOn: string | null;
};

function checkResultOf(lot: CheckColumns, checkedByName: string | null): CheckResult | null {
  if (lot.checkedOn === null || lot.checkedAt === null) return null;
  return {
    passed: lot.passedQuantity,
    rework: lot.reworkQuantity,
    rejected: lot.rejectedQuantity,
    reworkReason: lot.reworkReason,
    rejectedReason: lot.rejectedReason,
    reworkOther: lot.reworkQuantity > 0 && lot.reworkReasonId === null,
    rejectedOther: lot.rejectedQuantity > 0 && lot.rejectedReasonId === null,
    note: lot.checkNote,
    hasPhoto: lot.checkPhotoPath !== null,
    checkedOn: lot.checkedOn,
    checkedAt: lot.checkedAt,
    checkedByName,
  };
}

// ---------------------------------------------------------------------------
// Checking

/** A reason as posted: a reason id of the workshop's list, "other", or "" (none). */
export type CheckInput = {
  lotId: string;
  passed: number;
  rework: number;
  rejected: number;
  reworkReasonId: string;
  rejectedReasonId: string;
  note: string;
};

export type CheckLotResult =
  | Ok<{ id: string; reworkLotId: string | null }>
  | Fail<
      | "notFound"
      | "notAwaiting"
      | "countsDoNotAddUp"
      | "reworkReasonRequired"
      | "rejectedReasonRequired"
      | "noteRequired"
      | "reasonNotFound"
    >;

function choiceOf(value: string): ReasonChoice {
  return value === "" ? "none" : value === "other" ? "other" : "listed";
}

/**
 * Checks an awaiting lot of the workshop: records the counts, reasons, note,
 * photo (a path already stored, or null), inspector and China date, sets it
 * `checked`, and makes the rework lot. Once per submission key; exactly one
 * check per lot whatever runs at the same time. `id` is the lot's.
 */
export async function checkLot(
  actor: Actor,
  input: CheckInput,
  photoPath: string | null,
  now: Date,
  submissionKey: string,
): Promise<CheckLotResult | { ok: true; id?: string; replayed: true }> {
  const note = input.note.trim();
  return onceOk(actor.userId, submissionKey, "lot.check", input.lotId, async (tx): Promise<CheckLotResult> => {
    const lot = await tx.lot.findFirst({
      where: { id: input.lotId, workshopId: actor.workshopId },
      select: {
        id: true,
        workshopId: true,
        orderId: true,
        assignmentId: true,
        workerId: true,
        productId: true,
        processStepId: true,
        originLogId: true,
        quantity: true,
        pieceRateId: true,
        rateE4: true,
        status: true,
      },
    });
    if (!lot) return fail("notFound");
    if (lot.status !== "awaiting") return fail("notAwaiting");
    const counts = { passed: input.passed, rework: input.rework, rejected: input.rejected };
    const rule = checkQuality(lot.quantity, counts, {
      rework: choiceOf(input.reworkReasonId),
      rejected: choiceOf(input.rejectedReasonId),
      note,
    });
    if (!rule.ok) return fail(rule.code);
    const kept = keptReasons(counts, input.reworkReasonId, input.rejectedReasonId);
    const reworkReason = await reasonOf(tx, actor.workshopId, kept.rework);
    const rejectedReason = await reasonOf(tx, actor.workshopId, kept.rejected);
    if (reworkReason === undefined || rejectedReason === undefined) return fail("reasonNotFound");
    const checkedOn = chinaDate(now);
    // The conditional step: only the request that moves the lot from "awaiting" checks it
    // (matching the count read, so a concurrent correction of the receipt makes it miss).
    const { count } = await tx.lot.updateMany({
      where: { id: lot.id, workshopId: actor.workshopId, status: "awaiting", quantity: lot.quantity },
      data: {
        status: "checked",
        passedQuantity: counts.passed,
        reworkQuantity: counts.rework,
        rejectedQuantity: counts.rejected,
        reworkReasonId: reworkReason?.id ?? null,
        reworkReason: reworkReason?.label ?? "",
        rejectedReasonId: rejectedReason?.id ?? null,
        rejectedReason: rejectedReason?.label ?? "",
        checkNote: note,
        checkPhotoPath: photoPath,
        checkedById: actor.userId,
        checkedAt: now,
        checkedOn,
      },
    });
    if (count !== 1) return fail("notAwaiting");
    let reworkLotId: string | null = null;
    if (counts.rework > 0) {
      const rework = await tx.lot.create({
        data: {
          workshopId: lot.workshopId,
          orderId: lot.orderId,
          assignmentId: lot.assignmentId,
          workerId: lot.workerId,
          productId: lot.productId,
          processStepId: lot.processStepId,
          pieceLogId: null,
          originLogId: lot.originLogId,
          reworkOfLotId: lot.id,
          loggedQuantity: counts.rework,
          quantity: counts.rework,
          // The same rate version and rate: she is paid what the piece was priced at when she logged it.
          pieceRateId: lot.pieceRateId,
          rateE4: lot.rateE4,
          status: "rework",
          receivedById: actor.userId,
          receivedAt: now,
          receivedOn: checkedOn,
        },
        select: { id: true },
      });
      reworkLotId = rework.id;
    }
    await recordAudit(tx, actor, {
      action: "lot.check",
      entityType: "Lot",
      entityId: lot.id,
      before: { status: "awaiting", quantity: lot.quantity },
      after: {
        status: "checked",
        quantity: lot.quantity,
        passed: counts.passed,
        rework: counts.rework,
        rejected: counts.rejected,
        reworkReason: reworkReason?.label ?? (kept.rework === "other" ? "other" : ""),
        rejectedReason: rejectedReason?.label ?? (kept.rejected === "other" ? "other" : ""),
        note,
        photo: photoPath !== null,
        checkedOn,
        reworkLotId,
        rateE4: lot.rateE4,
      },
    });
    return ok({ id: lot.id, reworkLotId });
  });
}

/** null: no reason (none or "other"); undefined: an id that is not one of the workshop's reasons in use. */
async function reasonOf(
  tx: Tx,
  workshopId: string,
  choice: string | null,
): Promise<{ id: string; label: string } | null | undefined> {
  if (choice === null || choice === "" || choice === "other") return null;
  const reason = await tx.qualityReason.findFirst({
    where: { id: choice, workshopId, archivedAt: null },
    select: { id: true, label: true },
  });
  return reason ?? undefined;
}

export type TakeBackResult = Ok<{ id: string }> | Fail<"notFound" | "notAtWorker">;

/**
 * The coordinator takes rework pieces back from the worker: the rework lot
 * moves `rework` → `awaiting` (one conditional UPDATE), received by her today,
 * and waits for its check like any lot.
 */
export async function takeBackRework(
  actor: Actor,
  lotId: string,
  now: Date,
  submissionKey: string,
): Promise<TakeBackResult | { ok: true; id?: string; replayed: true }> {
  return onceOk(actor.userId, submissionKey, "lot.reworkBack", lotId, async (tx): Promise<TakeBackResult> => {
    const lot = await tx.lot.findFirst({
      where: { id: lotId, workshopId: actor.workshopId, reworkOfLotId: { not: null } },
      select: { id: true, status: true, quantity: true, receivedOn: true },
    });
    if (!lot) return fail("notFound");
    const receivedOn = chinaDate(now);
    const { count } = await tx.lot.updateMany({
      where: { id: lot.id, workshopId: actor.workshopId, status: "rework" },
      data: { status: "awaiting", receivedById: actor.userId, receivedAt: now, receivedOn },
    });
    if (count !== 1) return fail("notAtWorker");
    await recordAudit(tx, actor, {
      action: "lot.reworkBack",
      entityType: "Lot",
      entityId: lot.id,
      before: { status: "rework", quantity: lot.quantity },
      after: { status: "awaiting", quantity: lot.quantity, receivedOn },
    });
    return ok({ id: lot.id });
  });
}

// ---------------------------------------------------------------------------
// Photos, pay, orders

/** A check's photo, for the worker whose lot it is and the coordinators of her workshop; null for anyone else. */
export async function findLotCheckPhoto(scope: Scope, lotId: string) {
  if (scope.role !== "worker" && scope.role !== "coordinator") return null;
  if (lotId === "" || lotId.length > 64) return null;
  const lot = await db().lot.findFirst({
    where: {
      id: lotId,
      workshopId: scope.workshopId,
      ...(scope.role === "worker" ? { workerId: scope.userId } : {}),
    },
    select: { checkPhotoPath: true },
  });
  if (!lot?.checkPhotoPath) return null;
  return readPhoto(lot.checkPhotoPath);
}

export type OrderQuality = {
  /** Pieces received from workers (receipts not cancelled). */
  handedIn: number;
  /** Pieces passed, by any check (rework that passed later included). */
  passed: number;
  /** Pieces rejected, by any check. */
  rejected: number;
  /** Rework pieces not checked again yet (at the worker's, or back and waiting). */
  reworkPending: number;
  /** First checks (receipts): pieces inspected and passed, for the first-pass rate 一次合格率. */
  firstInspected: number;
  firstPassed: number;
};

const NO_QUALITY: OrderQuality = {
  handedIn: 0,
  passed: 0,
  rejected: 0,
  reworkPending: 0,
  firstInspected: 0,
  firstPassed: 0,
};

/** The quality figures of each order (orders without lots are absent: read them as 0). */
export async function qualityByOrder(orderIds: readonly string[]): Promise<Map<string, OrderQuality>> {
  if (orderIds.length === 0) return new Map();
  const groups = await db().lot.groupBy({
    by: ["orderId", "status", "reworkOfLotId"],
    where: { orderId: { in: [...orderIds] }, status: { not: "cancelled" } },
    _sum: { quantity: true, passedQuantity: true, rejectedQuantity: true },
  });
  const result = new Map<string, OrderQuality>();
  for (const g of groups) {
    const q = result.get(g.orderId) ?? { ...NO_QUALITY };
    const isReceipt = g.reworkOfLotId === null;
    const quantity = g._sum.quantity ?? 0;
    if (isReceipt) q.handedIn += quantity;
    if (g.status === "checked") {
      q.passed += g._sum.passedQuantity ?? 0;
      q.rejected += g._sum.rejectedQuantity ?? 0;
      if (isReceipt) {
        q.firstInspected += quantity;
        q.firstPassed += g._sum.passedQuantity ?? 0;
      }
    } else if (!isReceipt) q.reworkPending += quantity;
    result.set(g.orderId, q);
  }
  return result;
}

export type ReasonCount = { reason: string; other: boolean; rework: number; rejected: number };

/**
 * Why pieces of an order went to rework or were rejected: pieces per reason
 * (the label as it was when checked; "other" reasons together), most first.
 */
export async function reasonsForOrder(workshopId: string, orderId: string): Promise<ReasonCount[]> {
  const where = { workshopId, orderId, status: "checked" };
  const [rework, rejected] = await Promise.all([
    db().lot.groupBy({
      by: ["reworkReason"],
      where: { ...where, reworkQuantity: { gt: 0 } },
      _sum: { reworkQuantity: true },
    }),
    db().lot.groupBy({
      by: ["rejectedReason"],
      where: { ...where, rejectedQuantity: { gt: 0 } },
      _sum: { rejectedQuantity: true },
    }),
  ]);
  const byReason = new Map<string, ReasonCount>();
  const entry = (label: string) => {
    const found = byReason.get(label) ?? { reason: label, other: label === "", rework: 0, rejected: 0 };
    byReason.set(label, found);
    return found;
  };
  for (const g of rework) entry(g.reworkReason).rework += g._sum.reworkQuantity ?? 0;
  for (const g of rejected) entry(g.rejectedReason).rejected += g._sum.rejectedQuantity ?? 0;
  return [...byReason.values()].sort(
    (a, b) => b.rework + b.rejected - (a.rework + a.rejected) || a.reason.localeCompare(b.reason),
  );
}
