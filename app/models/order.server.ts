// Partner orders, their acceptance, and how their pieces are given out to
// workers: assigned by the coordinator, or opened for claiming and claimed by
// workers from their phones.
//
// Over-allocation is impossible, also under concurrent requests: every change
// to Order.allocatedQuantity / openQuantity is one conditional UPDATE
// ("... WHERE allocatedQuantity <= quantity - n"), which both SQLite (one
// writer at a time) and PostgreSQL (row lock, condition re-checked after the
// lock) apply atomically. The assignment row is written in the same
// transaction, so a refused request writes nothing.
import type { Actor, PartnerActor } from "../domain/access.ts";
import { chinaDate } from "../domain/dates.ts";
import { canTransition, givingOut, type OrderStatus } from "../domain/orders.ts";
import type { Rate } from "../domain/money.ts";
import { db, intOf, Prisma, readRows, textOf, type Tx } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { notify } from "./notice.server.ts";
import { qualityByOrder, type OrderQuality } from "./quality.server.ts";
import { pricingOn } from "./rates.server.ts";
import { fail, ok, type Result } from "./result.ts";
import { once, onceOk } from "./submission.server.ts";

/** Piece counts reach the models validated (>= 1); anything else is a programming error. */
function assertPieces(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`piece count must be a whole number >= 1, got ${n}`);
}

export type OrderProgress = {
  quantity: number;
  allocated: number;
  /** Assigned by the coordinator (派工); claimed pieces are counted apart. */
  assigned: number;
  /** Claimed by workers from the open pool (自领). */
  claimed: number;
  /** Still open for claiming (待领取). */
  open: number;
  /** Pieces handed in (received from workers), passed by the quality check, and delivered to the partner (ADR 021). */
  handedIn: number;
  passed: number;
  delivered: number;
  /** Pieces rejected, rework not checked again yet, and the first checks' figures for the first-pass rate. */
  rejected: number;
  reworkPending: number;
  firstInspected: number;
  firstPassed: number;
};

function progressOf(
  order: { quantity: number; allocatedQuantity: number; openQuantity: number; deliveredQuantity: number },
  claimedQuantity: number,
  quality: OrderQuality | undefined,
): OrderProgress {
  const figures = givingOut({ ...order, claimedQuantity });
  return {
    quantity: order.quantity,
    allocated: order.allocatedQuantity,
    assigned: figures.assigned,
    claimed: figures.claimed,
    open: figures.open,
    handedIn: quality?.handedIn ?? 0,
    passed: quality?.passed ?? 0,
    delivered: order.deliveredQuantity,
    rejected: quality?.rejected ?? 0,
    reworkPending: quality?.reworkPending ?? 0,
    firstInspected: quality?.firstInspected ?? 0,
    firstPassed: quality?.firstPassed ?? 0,
  };
}

const orderSelect = {
  id: true,
  partnerId: true,
  productId: true,
  quantity: true,
  dueOn: true,
  notes: true,
  unitPriceE4: true,
  status: true,
  decisionReason: true,
  allocatedQuantity: true,
  openQuantity: true,
  deliveredQuantity: true,
  createdAt: true,
  product: { select: { name: true, unit: true } },
  partner: { select: { name: true } },
} as const;

export type OrderRow = {
  id: string;
  partnerId: string;
  partnerName: string;
  productId: string;
  productName: string;
  productUnit: string;
  quantity: number;
  dueOn: string;
  notes: string;
  unitPriceE4: bigint;
  status: OrderStatus;
  decisionReason: string;
  createdAt: Date;
  progress: OrderProgress;
};

type SelectedOrder = {
  id: string;
  partnerId: string;
  productId: string;
  quantity: number;
  dueOn: string;
  notes: string;
  unitPriceE4: bigint;
  status: string;
  decisionReason: string;
  allocatedQuantity: number;
  openQuantity: number;
  deliveredQuantity: number;
  createdAt: Date;
  product: { name: string; unit: string };
  partner: { name: string };
};

/** Pieces workers claimed from each order's open pool (assignments that were not cancelled). */
async function claimedByOrder(orderIds: string[]): Promise<Map<string, number>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db().assignment.groupBy({
    by: ["orderId"],
    where: { orderId: { in: orderIds }, source: "claimed", status: { not: "cancelled" } },
    _sum: { quantity: true },
  });
  return new Map(rows.map((r) => [r.orderId, r._sum.quantity ?? 0]));
}

async function toRows(orders: SelectedOrder[]): Promise<OrderRow[]> {
  const given = orders.filter((o) => o.allocatedQuantity > 0).map((o) => o.id);
  const [claimed, quality] = await Promise.all([claimedByOrder(given), qualityByOrder(given)]);
  return orders.map((o) => toRow(o, claimed.get(o.id) ?? 0, quality.get(o.id)));
}

function toRow(o: SelectedOrder, claimedQuantity: number, quality: OrderQuality | undefined): OrderRow {
  return {
    id: o.id,
    partnerId: o.partnerId,
    partnerName: o.partner.name,
    productId: o.productId,
    productName: o.product.name,
    productUnit: o.product.unit,
    quantity: o.quantity,
    dueOn: o.dueOn,
    notes: o.notes,
    unitPriceE4: o.unitPriceE4,
    status: o.status as OrderStatus,
    decisionReason: o.decisionReason,
    createdAt: o.createdAt,
    progress: progressOf(o, claimedQuantity, quality),
  };
}

// ---------------------------------------------------------------------------
// Partner side

export type PlaceOrderResult = Result<{ id: string }, "notOffered" | "dueInPast">;

/** A partner orders a product the workshop offers it; the agreed price is copied onto the order. */
export async function placeOrder(
  actor: PartnerActor,
  input: { productId: string; quantity: number; dueOn: string; notes: string },
  now: Date,
  submissionKey: string,
): Promise<PlaceOrderResult & { replayed?: boolean }> {
  assertPieces(input.quantity);
  if (input.dueOn < chinaDate(now)) return fail("dueInPast");
  // Once only: a resent order form (double tap, retry, JavaScript off) places one order.
  const outcome = await onceOk(
    actor.userId,
    submissionKey,
    "order.place",
    "",
    async (tx): Promise<PlaceOrderResult> => {
      const offer = await tx.partnerOffer.findFirst({
        where: {
          workshopId: actor.workshopId,
          partnerId: actor.partnerId,
          productId: input.productId,
          archivedAt: null,
          product: { archivedAt: null },
          partner: { archivedAt: null },
        },
        select: { priceE4: true },
      });
      if (!offer) return fail("notOffered");
      const order = await tx.order.create({
        data: {
          workshopId: actor.workshopId,
          partnerId: actor.partnerId,
          productId: input.productId,
          quantity: input.quantity,
          dueOn: input.dueOn,
          notes: input.notes,
          unitPriceE4: offer.priceE4,
          createdById: actor.userId,
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "order.create",
        entityType: "Order",
        entityId: order.id,
        after: { ...input, unitPriceE4: offer.priceE4, partnerId: actor.partnerId },
      });
      const names = await tx.order.findUniqueOrThrow({
        where: { id: order.id },
        select: { product: { select: { name: true } }, partner: { select: { name: true } } },
      });
      await notify(
        tx,
        actor.workshopId,
        { coordinators: true },
        { kind: "order.placed", orderId: order.id },
        { partner: names.partner.name, product: names.product.name, n: input.quantity },
      );
      return ok({ id: order.id });
    },
  );
  return "replayed" in outcome ? { ok: true, id: outcome.id ?? "", replayed: true } : outcome;
}

export async function listPartnerOrders(scope: Pick<PartnerActor, "workshopId" | "partnerId">): Promise<OrderRow[]> {
  const orders = await db().order.findMany({
    where: { workshopId: scope.workshopId, partnerId: scope.partnerId },
    select: orderSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return toRows(orders);
}

/** One of the partner's own orders, or null (another firm's order is not found). */
export async function getPartnerOrder(
  scope: Pick<PartnerActor, "workshopId" | "partnerId">,
  orderId: string,
): Promise<OrderRow | null> {
  const order = await db().order.findFirst({
    where: { id: orderId, workshopId: scope.workshopId, partnerId: scope.partnerId },
    select: orderSelect,
  });
  return order ? ((await toRows([order]))[0] ?? null) : null;
}

/** A partner cancels its own order while it is still pending. */
export function cancelOrder(actor: PartnerActor, orderId: string): Promise<Result<object, "notFound" | "notPending">> {
  return db().$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: orderId, workshopId: actor.workshopId, partnerId: actor.partnerId },
      select: { status: true },
    });
    if (!order) return fail("notFound");
    if (!canTransition(order.status, "cancel")) return fail("notPending");
    const { count } = await tx.order.updateMany({
      where: { id: orderId, status: "pending" },
      data: { status: "cancelled" },
    });
    if (count === 0) return fail("notPending");
    await recordAudit(tx, actor, {
      action: "order.cancel",
      entityType: "Order",
      entityId: orderId,
      before: { status: "pending" },
      after: { status: "cancelled" },
    });
    return ok();
  });
}

// ---------------------------------------------------------------------------
// Coordinator side

export async function listWorkshopOrders(workshopId: string): Promise<OrderRow[]> {
  const orders = await db().order.findMany({
    where: { workshopId },
    select: orderSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return toRows(orders);
}

/**
 * What waits for the coordinator: orders to accept or decline, and accepted
 * orders with pieces not given out yet; soonest due first.
 */
export async function getOrderDesk(workshopId: string): Promise<{ pending: OrderRow[]; toGiveOut: OrderRow[] }> {
  const orders = await db().order.findMany({
    where: { workshopId, status: { in: ["pending", "accepted"] } },
    select: orderSelect,
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const rows = await toRows(orders);
  return {
    pending: rows.filter((o) => o.status === "pending"),
    toGiveOut: rows.filter((o) => o.status === "accepted" && o.progress.allocated < o.progress.quantity),
  };
}

/** How many orders wait for the coordinator to accept or decline them (the badge on 订单). */
export function countPendingOrders(workshopId: string): Promise<number> {
  return db().order.count({ where: { workshopId, status: "pending" } });
}

export type AssignmentRow = {
  id: string;
  workerId: string;
  workerName: string;
  quantity: number;
  dueOn: string;
  source: string;
  status: string;
  createdAt: Date;
};

export async function getWorkshopOrder(
  workshopId: string,
  orderId: string,
): Promise<(OrderRow & { assignments: AssignmentRow[] }) | null> {
  const order = await db().order.findFirst({
    where: { id: orderId, workshopId },
    select: {
      ...orderSelect,
      assignments: {
        select: {
          id: true,
          workerId: true,
          quantity: true,
          dueOn: true,
          source: true,
          status: true,
          createdAt: true,
          worker: { select: { name: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!order) return null;
  const claimed = order.assignments
    .filter((a) => a.source === "claimed" && a.status !== "cancelled")
    .reduce((sum, a) => sum + a.quantity, 0);
  const quality = await qualityByOrder([order.id]);
  return {
    ...toRow(order, claimed, quality.get(order.id)),
    assignments: order.assignments.map(({ worker, ...a }) => ({ ...a, workerName: worker.name })),
  };
}

/** A coordinator accepts or declines a pending order (a reason is kept either way). */
export function decideOrder(
  actor: Actor,
  orderId: string,
  decision: "accept" | "decline",
  reason: string,
  now: Date,
): Promise<Result<object, "notFound" | "notPending">> {
  return db().$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: orderId, workshopId: actor.workshopId },
      select: { status: true, partnerId: true, quantity: true, product: { select: { name: true } } },
    });
    if (!order) return fail("notFound");
    if (!canTransition(order.status, decision)) return fail("notPending");
    const status = decision === "accept" ? "accepted" : "declined";
    const { count } = await tx.order.updateMany({
      where: { id: orderId, status: "pending" },
      data: { status, decisionReason: reason, decidedById: actor.userId, decidedAt: now },
    });
    if (count === 0) return fail("notPending");
    await recordAudit(tx, actor, {
      action: `order.${decision}`,
      entityType: "Order",
      entityId: orderId,
      before: { status: "pending" },
      after: { status, decisionReason: reason },
    });
    await notify(
      tx,
      actor.workshopId,
      { partner: order.partnerId },
      { kind: decision === "accept" ? "order.accepted" : "order.declined", orderId },
      { product: order.product.name, n: order.quantity },
    );
    return ok();
  });
}

export type AllocationResult = Result<
  { id?: string },
  "notFound" | "notAccepted" | "workerNotFound" | "exceedsOrder" | "exceedsOpen" | "dueInPast" | "dueAfterOrder"
>;

/** Takes n pieces of an accepted order's unallocated remainder; false when they are not there (nothing changes). */
async function takeFromRemainder(
  tx: Tx,
  orderId: string,
  quantity: number,
  n: number,
  alsoOpen: boolean,
): Promise<boolean> {
  const { count } = await tx.order.updateMany({
    where: { id: orderId, status: "accepted", allocatedQuantity: { lte: quantity - n } },
    data: alsoOpen
      ? { allocatedQuantity: { increment: n }, openQuantity: { increment: n } }
      : { allocatedQuantity: { increment: n } },
  });
  return count === 1;
}

async function countsOf(tx: Tx, orderId: string): Promise<{ openQuantity: number; allocatedQuantity: number }> {
  return tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { openQuantity: true, allocatedQuantity: true },
  });
}

async function acceptedOrder(tx: Tx, workshopId: string, orderId: string) {
  return tx.order.findFirst({
    where: { id: orderId, workshopId },
    select: { id: true, status: true, quantity: true, productId: true, dueOn: true, openQuantity: true },
  });
}

/**
 * Writes the assignment row of pieces already taken from the order (assigned by
 * the coordinator, or claimed by the worker herself, or moved from another
 * assignment: app/models/assignment.server.ts) and its audit entry.
 */
export async function createAssignment(
  tx: Tx,
  actor: Actor,
  order: { id: string; productId: string },
  pieces: { workerId: string; quantity: number; dueOn: string; source: "assigned" | "claimed" },
): Promise<string> {
  const assignment = await tx.assignment.create({
    data: {
      ...pieces,
      workshopId: actor.workshopId,
      orderId: order.id,
      productId: order.productId,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  await recordAudit(tx, actor, {
    action: pieces.source === "claimed" ? "assignment.claim" : "assignment.create",
    entityType: "Assignment",
    entityId: assignment.id,
    after: { orderId: order.id, ...pieces },
  });
  // A task given to her by someone else is news to her; one she claimed is not (ADR 026).
  if (pieces.source === "assigned") {
    const product = await tx.product.findUniqueOrThrow({ where: { id: order.productId }, select: { name: true } });
    await notify(
      tx,
      actor.workshopId,
      { worker: pieces.workerId },
      { kind: "task.assigned", assignmentId: assignment.id },
      { product: product.name, n: pieces.quantity },
    );
  }
  return assignment.id;
}

/** The coordinator assigns n pieces of an accepted order to a worker of her workshop. */
export async function assignToWorker(
  actor: Actor,
  orderId: string,
  input: { workerId: string; quantity: number; dueOn: string },
  now: Date,
  submissionKey: string,
): Promise<AllocationResult & { replayed?: boolean }> {
  assertPieces(input.quantity);
  if (input.dueOn < chinaDate(now)) return fail("dueInPast");
  // Once only: a resent form assigns once (there is no undo for an assignment yet).
  return onceOk(actor.userId, submissionKey, "assignment.create", orderId, async (tx): Promise<AllocationResult> => {
    const order = await acceptedOrder(tx, actor.workshopId, orderId);
    if (!order) return fail("notFound");
    if (order.status !== "accepted") return fail("notAccepted");
    // An assignment is never due after its order (ADR 018); a claim takes the order's due date.
    if (input.dueOn > order.dueOn) return fail("dueAfterOrder");
    const worker = await tx.user.findFirst({
      where: { id: input.workerId, workshopId: actor.workshopId, role: "worker", active: true },
      select: { id: true },
    });
    if (!worker) return fail("workerNotFound");
    if (!(await takeFromRemainder(tx, order.id, order.quantity, input.quantity, false))) return fail("exceedsOrder");
    const id = await createAssignment(tx, actor, order, {
      workerId: worker.id,
      quantity: input.quantity,
      dueOn: input.dueOn,
      source: "assigned",
    });
    return ok({ id });
  });
}

/** The coordinator opens n more pieces of an accepted order for workers to claim. */
export function openForClaiming(actor: Actor, orderId: string, quantity: number, submissionKey: string) {
  return changeClaimPool(actor, orderId, { opened: quantity }, submissionKey);
}

/** The coordinator takes back n unclaimed pieces from the open pool. */
export function closeForClaiming(actor: Actor, orderId: string, quantity: number, submissionKey: string) {
  return changeClaimPool(actor, orderId, { closed: quantity }, submissionKey);
}

/**
 * Opens pieces of the unallocated remainder for claiming, or takes unclaimed
 * ones back, once per submission key, and audits the change with the counts
 * read after it (the row is ours until commit; a concurrent request may have
 * changed them before).
 */
async function changeClaimPool(
  actor: Actor,
  orderId: string,
  change: { opened: number } | { closed: number },
  submissionKey: string,
): Promise<AllocationResult & { replayed?: boolean }> {
  const opening = "opened" in change;
  const quantity = opening ? change.opened : change.closed;
  assertPieces(quantity);
  const action = opening ? "order.openForClaiming" : "order.closeForClaiming";
  return onceOk(actor.userId, submissionKey, action, orderId, async (tx): Promise<AllocationResult> => {
    const order = await acceptedOrder(tx, actor.workshopId, orderId);
    if (!order) return fail("notFound");
    if (opening) {
      if (order.status !== "accepted") return fail("notAccepted");
      if (!(await takeFromRemainder(tx, order.id, order.quantity, quantity, true))) return fail("exceedsOrder");
    } else {
      const { count } = await tx.order.updateMany({
        where: { id: order.id, openQuantity: { gte: quantity } },
        data: { openQuantity: { decrement: quantity }, allocatedQuantity: { decrement: quantity } },
      });
      if (count === 0) return fail("exceedsOpen");
    }
    const after = await countsOf(tx, order.id);
    const delta = opening ? quantity : -quantity;
    await recordAudit(tx, actor, {
      action,
      entityType: "Order",
      entityId: order.id,
      before: { openQuantity: after.openQuantity - delta, allocatedQuantity: after.allocatedQuantity - delta },
      after: { ...after, ...change },
    });
    return ok();
  });
}

// ---------------------------------------------------------------------------
// Worker side

export type OpenWorkRow = {
  orderId: string;
  productName: string;
  productUnit: string;
  open: number;
  dueOn: string;
  rate: Rate | null;
};

/** Today's whole-product rate of each product (the rule is app/domain/rates.ts productPricing). */
async function ratesToday(workshopId: string, productIds: string[], today: string): Promise<Map<string, Rate>> {
  const pricing = await pricingOn(workshopId, productIds, today);
  const rates = new Map<string, Rate>();
  for (const [productId, { whole }] of pricing) if (whole) rates.set(productId, whole.rate);
  return rates;
}

/**
 * Open work in the worker's own workshop that she can claim from her phone.
 * The worker's pages are the busiest, so their lists are hot reads (readRows,
 * docs/decisions/015-worker-page-weight-and-speed.md).
 */
export async function listOpenWork(scope: Actor, now: Date): Promise<OpenWorkRow[]> {
  const orders = await readRows(Prisma.sql`
    SELECT o."id", o."productId", o."openQuantity", o."dueOn", p."name" AS "productName", p."unit" AS "productUnit"
    FROM "Order" o JOIN "Product" p ON p."id" = o."productId"
    WHERE o."workshopId" = ${scope.workshopId} AND o."status" = 'accepted' AND o."openQuantity" > 0
    ORDER BY o."dueOn" ASC, o."id" ASC`);
  const productIds = [...new Set(orders.map((o) => textOf(o.productId)))];
  const rates = await ratesToday(scope.workshopId, productIds, chinaDate(now));
  return orders.map((o) => ({
    orderId: textOf(o.id),
    productName: textOf(o.productName),
    productUnit: textOf(o.productUnit),
    open: intOf(o.openQuantity),
    dueOn: textOf(o.dueOn),
    rate: rates.get(textOf(o.productId)) ?? null,
  }));
}

/**
 * A worker claims n open pieces. Two workers claiming the last pieces at once
 * cannot both get them; the same form sent twice (double tap, retry) claims once.
 */
export type ClaimResult = Result<{ id?: string }, "notFound" | "exceedsOpen">;

export async function claimOpenWork(
  worker: Actor,
  orderId: string,
  quantity: number,
  submissionKey: string,
): Promise<ClaimResult & { replayed?: boolean }> {
  assertPieces(quantity);
  const outcome = await once<ClaimResult>(worker.userId, submissionKey, "assignment.claim", async (tx) => {
    const result = await claimIn(tx, worker, orderId, quantity);
    return { result, resultId: result.ok ? (result.id ?? null) : null };
  });
  return outcome.replayed ? { ok: true, id: outcome.resultId ?? undefined, replayed: true } : outcome.result;
}

async function claimIn(tx: Tx, worker: Actor, orderId: string, quantity: number): Promise<ClaimResult> {
  const order = await tx.order.findFirst({
    where: { id: orderId, workshopId: worker.workshopId, status: "accepted" },
    select: { id: true, productId: true, dueOn: true },
  });
  if (!order) return fail("notFound");
  const { count } = await tx.order.updateMany({
    where: { id: order.id, status: "accepted", openQuantity: { gte: quantity } },
    data: { openQuantity: { decrement: quantity } },
  });
  if (count === 0) return fail("exceedsOpen");
  const id = await createAssignment(tx, worker, order, {
    workerId: worker.userId,
    quantity,
    dueOn: order.dueOn,
    source: "claimed",
  });
  return ok({ id });
}

export type WorkerAssignmentRow = {
  id: string;
  productName: string;
  productUnit: string;
  quantity: number;
  dueOn: string;
  source: string;
  status: string;
  rate: Rate | null;
  /** Pieces logged against it (Assignment.loggedQuantity: logs not cancelled, counted pieces once received; ADR 019). */
  logged: number;
  /** Pieces of hers passed by the quality check (rework that passed later included). */
  passed: number;
};

/** The worker's own assignments (never anyone else's), open ones first, soonest due first; a hot read. */
export async function listWorkerAssignments(scope: Actor, now: Date): Promise<WorkerAssignmentRow[]> {
  const rows = await readRows(Prisma.sql`
    SELECT a."id", a."productId", a."quantity", a."dueOn", a."source", a."status", a."loggedQuantity",
      p."name" AS "productName", p."unit" AS "productUnit",
      (SELECT COALESCE(SUM(t."passedQuantity"), 0) FROM "Lot" t
        WHERE t."assignmentId" = a."id" AND t."status" = 'checked') AS "passed"
    FROM "Assignment" a JOIN "Product" p ON p."id" = a."productId"
    WHERE a."workshopId" = ${scope.workshopId} AND a."workerId" = ${scope.userId} AND a."status" IN ('active', 'done')
    ORDER BY a."status" ASC, a."dueOn" ASC, a."createdAt" ASC`);
  const productIds = [...new Set(rows.map((r) => textOf(r.productId)))];
  const rates = await ratesToday(scope.workshopId, productIds, chinaDate(now));
  return rows.map((r) => ({
    id: textOf(r.id),
    productName: textOf(r.productName),
    productUnit: textOf(r.productUnit),
    quantity: intOf(r.quantity),
    dueOn: textOf(r.dueOn),
    source: textOf(r.source),
    status: textOf(r.status),
    rate: rates.get(textOf(r.productId)) ?? null,
    logged: intOf(r.loggedQuantity),
    passed: intOf(r.passed),
  }));
}

/** One of the worker's own assignments, or null (another worker's is not found). */
export async function getWorkerAssignment(
  scope: Actor,
  assignmentId: string,
  now: Date,
): Promise<WorkerAssignmentRow | null> {
  const all = await listWorkerAssignments(scope, now);
  return all.find((a) => a.id === assignmentId) ?? null;
}
