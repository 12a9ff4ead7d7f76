// Partner orders and how their pieces are given out (app/models/order.server.ts):
// placing only what is offered at the agreed price, cancelling and deciding only
// while pending, firm/workshop/worker isolation, and the allocation arithmetic
// (assigned + open never exceed the order). docs/domain.md step 3 and "Rules that
// protect people's pay and data".
import { expect, test } from "vitest";
import {
  assignToWorker,
  cancelOrder,
  claimOpenWork,
  closeForClaiming,
  decideOrder,
  getPartnerOrder,
  getWorkerAssignment,
  getWorkshopOrder,
  listOpenWork,
  listPartnerOrders,
  listWorkerAssignments,
  listWorkshopOrders,
  openForClaiming,
  placeOrder,
} from "../../app/models/order.server.ts";
import { setOffer } from "../../app/models/partner.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { db } from "../../app/infra/db.server.ts";
import {
  NOW,
  TODAY,
  actorOf,
  assignmentsOf,
  auditJsonOf,
  auditOf,
  createOffer,
  createOrderWorld,
  createTestProduct,
  expectOrderConsistent,
  orderState,
  partnerScopeOf,
  workerScopeOf,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";
import { createPartnerFirm, createPartnerUser, createWorkerUser } from "../support/fixtures.ts";

const DUE = "2026-04-30";

async function place(world: OrderWorld, quantity = 500, productId = world.product.id) {
  const result = await placeOrder(
    partnerScopeOf(world.partnerUser),
    { productId, quantity, dueOn: DUE, notes: "请用牛皮纸盒" },
    NOW,
    newSubmissionKey(),
  );
  if (!result.ok) throw new Error(`test setup: placeOrder failed: ${result.code}`);
  return result.id;
}

async function acceptedOrder(world: OrderWorld, quantity = 500) {
  const id = await place(world, quantity);
  expect(await decideOrder(actorOf(world.coordinator), id, "accept", "产能足够", NOW)).toEqual({ ok: true });
  return id;
}

function assign(world: OrderWorld, orderId: string, workerIndex: number, quantity: number, dueOn = DUE) {
  const worker = world.workers[workerIndex];
  if (!worker) throw new Error("test setup: no such worker");
  return assignToWorker(
    actorOf(world.coordinator),
    orderId,
    { workerId: worker.id, quantity, dueOn },
    NOW,
    newSubmissionKey(),
  );
}

async function tableCounts() {
  const [orders, assignments, audit] = await Promise.all([
    db().order.count(),
    db().assignment.count(),
    db().auditEvent.count(),
  ]);
  return { orders, assignments, audit };
}

// ---------------------------------------------------------------------------
// Placing orders

test("a partner orders an offered product: pending, with the agreed price copied exactly and an order.create audit", async () => {
  const world = await createOrderWorld({ priceE4: 68_000n });
  const id = await place(world, 500);
  const order = await db().order.findUniqueOrThrow({ where: { id } });
  expect(order).toMatchObject({
    workshopId: world.workshop.id,
    partnerId: world.partner.id,
    productId: world.product.id,
    quantity: 500,
    dueOn: DUE,
    unitPriceE4: 68_000n,
    status: "pending",
    allocatedQuantity: 0,
    openQuantity: 0,
    createdById: world.partnerUser.id,
  });
  const [event] = await auditOf(id);
  expect(event).toMatchObject({ action: "order.create", actorId: world.partnerUser.id, workshopId: world.workshop.id });
  expect(auditJsonOf(event?.after)).toMatchObject({ unitPriceE4: "68000", quantity: 500, partnerId: world.partner.id });
});

test("the order keeps its price when the offer's price changes later; new orders get the new price", async () => {
  const world = await createOrderWorld({ priceE4: 68_000n });
  const first = await place(world);
  expect(await setOffer(actorOf(world.coordinator), world.partner.id, world.product.id, 72_500n)).toEqual({ ok: true });
  const second = await place(world);

  expect((await getPartnerOrder(partnerScopeOf(world.partnerUser), first))?.unitPriceE4).toBe(68_000n);
  expect((await getPartnerOrder(partnerScopeOf(world.partnerUser), second))?.unitPriceE4).toBe(72_500n);
  expect((await db().order.findUniqueOrThrow({ where: { id: first } })).unitPriceE4).toBe(68_000n);
});

test("only offered, non-archived products of a non-archived partner can be ordered (notOffered otherwise, nothing written)", async () => {
  const world = await createOrderWorld();
  const scope = partnerScopeOf(world.partnerUser);
  const notOffered = await createTestProduct(world.workshop.id);
  const withdrawn = await createTestProduct(world.workshop.id);
  await createOffer(world.partner, withdrawn.id, 10_000n, { archived: true });
  const archivedProduct = await createTestProduct(world.workshop.id, { archived: true });
  await createOffer(world.partner, archivedProduct.id, 10_000n);
  // Offered to another firm only.
  const otherFirm = await createPartnerFirm(world.workshop.id);
  const theirs = await createTestProduct(world.workshop.id);
  await createOffer(otherFirm, theirs.id, 10_000n);
  const before = await tableCounts();

  for (const productId of [notOffered.id, withdrawn.id, archivedProduct.id, theirs.id, "no-such-product"]) {
    expect(
      await placeOrder(scope, { productId, quantity: 10, dueOn: DUE, notes: "" }, NOW, newSubmissionKey()),
      productId,
    ).toEqual({ ok: false, code: "notOffered" });
  }
  // A partner firm that has been archived cannot order even what it was offered.
  await db().partner.update({ where: { id: world.partner.id }, data: { archivedAt: NOW } });
  expect(
    await placeOrder(
      scope,
      { productId: world.product.id, quantity: 10, dueOn: DUE, notes: "" },
      NOW,
      newSubmissionKey(),
    ),
  ).toEqual({ ok: false, code: "notOffered" });
  expect(await tableCounts()).toEqual(before);
});

test("a due date before today (China time) is refused; today is fine", async () => {
  const world = await createOrderWorld();
  const scope = partnerScopeOf(world.partnerUser);
  const before = await tableCounts();
  expect(
    await placeOrder(
      scope,
      { productId: world.product.id, quantity: 10, dueOn: "2026-03-09", notes: "" },
      NOW,
      newSubmissionKey(),
    ),
  ).toEqual({ ok: false, code: "dueInPast" });
  // 00:30 on 2026-03-10 in China is still 2026-03-09 in UTC: yesterday is yesterday in China.
  const justAfterChinaMidnight = new Date("2026-03-09T16:30:00Z");
  expect(
    await placeOrder(
      scope,
      { productId: world.product.id, quantity: 10, dueOn: "2026-03-09", notes: "" },
      justAfterChinaMidnight,
      newSubmissionKey(),
    ),
  ).toEqual({
    ok: false,
    code: "dueInPast",
  });
  expect(await tableCounts()).toEqual(before);
  expect(
    await placeOrder(
      scope,
      { productId: world.product.id, quantity: 10, dueOn: TODAY, notes: "" },
      NOW,
      newSubmissionKey(),
    ),
  ).toMatchObject({ ok: true });
});

// ---------------------------------------------------------------------------
// Partner isolation and cancelling

test("a partner of firm B never sees or cancels firm A's orders", async () => {
  const world = await createOrderWorld();
  const orderA = await place(world);
  const firmB = await createPartnerFirm(world.workshop.id);
  const userB = await createPartnerUser(firmB);
  await createOffer(firmB, world.product.id, 50_000n);
  const orderB = await placeOrder(
    partnerScopeOf(userB),
    { productId: world.product.id, quantity: 20, dueOn: DUE, notes: "" },
    NOW,
    newSubmissionKey(),
  );
  if (!orderB.ok) throw new Error("setup");

  expect(await getPartnerOrder(partnerScopeOf(userB), orderA)).toBeNull();
  expect(await cancelOrder(partnerScopeOf(userB), orderA)).toEqual({ ok: false, code: "notFound" });
  expect((await orderState(orderA)).status).toBe("pending");

  const listB = await listPartnerOrders(partnerScopeOf(userB));
  expect(listB.map((o) => o.id)).toEqual([orderB.id]);
  const listA = await listPartnerOrders(partnerScopeOf(world.partnerUser));
  expect(listA.map((o) => o.id)).toEqual([orderA]);
  expect(listA.every((o) => o.partnerId === world.partner.id)).toBe(true);
  // A second account of firm A sees firm A's order.
  const colleagueA = await createPartnerUser(world.partner);
  expect((await getPartnerOrder(partnerScopeOf(colleagueA), orderA))?.id).toBe(orderA);

  // The same firm name in another workshop is another firm.
  const otherWorld = await createOrderWorld();
  expect(await getPartnerOrder(partnerScopeOf(otherWorld.partnerUser), orderA)).toBeNull();
  expect(await listPartnerOrders(partnerScopeOf(otherWorld.partnerUser))).toEqual([]);
});

test("a partner cancels only while the order is pending, audited once", async () => {
  const world = await createOrderWorld();
  const scope = partnerScopeOf(world.partnerUser);
  const pending = await place(world);
  expect(await cancelOrder(scope, pending)).toEqual({ ok: true });
  expect((await orderState(pending)).status).toBe("cancelled");
  expect(await cancelOrder(scope, pending)).toEqual({ ok: false, code: "notPending" });
  const cancelEvents = (await auditOf(pending)).filter((e) => e.action === "order.cancel");
  expect(cancelEvents).toHaveLength(1);
  expect(auditJsonOf(cancelEvents[0]?.before)).toEqual({ status: "pending" });
  expect(auditJsonOf(cancelEvents[0]?.after)).toEqual({ status: "cancelled" });

  const accepted = await acceptedOrder(world);
  expect(await cancelOrder(scope, accepted)).toEqual({ ok: false, code: "notPending" });
  expect((await orderState(accepted)).status).toBe("accepted");
  expect(await cancelOrder(scope, "no-such-order")).toEqual({ ok: false, code: "notFound" });
});

// ---------------------------------------------------------------------------
// Coordinator decisions

test("a coordinator accepts or declines only pending orders, with the reason and an audit row", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const toAccept = await place(world);
  const toDecline = await place(world);

  expect(await decideOrder(actor, toAccept, "accept", "产能足够", NOW)).toEqual({ ok: true });
  expect(await decideOrder(actor, toDecline, "decline", "交期太紧", NOW)).toEqual({ ok: true });
  const accepted = await db().order.findUniqueOrThrow({ where: { id: toAccept } });
  expect(accepted).toMatchObject({ status: "accepted", decisionReason: "产能足够", decidedById: world.coordinator.id });
  expect(accepted.decidedAt?.getTime()).toBe(NOW.getTime());
  expect(await orderState(toDecline)).toMatchObject({ status: "declined" });

  const acceptEvents = await auditOf(toAccept);
  expect(acceptEvents.map((e) => e.action)).toEqual(["order.create", "order.accept"]);
  expect(acceptEvents[1]).toMatchObject({ actorId: world.coordinator.id, workshopId: world.workshop.id });
  expect(auditJsonOf(acceptEvents[1]?.before)).toEqual({ status: "pending" });
  expect(auditJsonOf(acceptEvents[1]?.after)).toEqual({ status: "accepted", decisionReason: "产能足够" });
  expect((await auditOf(toDecline)).map((e) => e.action)).toEqual(["order.create", "order.decline"]);

  // No second decision, in either direction; nothing more audited.
  const audit = await db().auditEvent.count();
  expect(await decideOrder(actor, toAccept, "decline", "改主意", NOW)).toEqual({ ok: false, code: "notPending" });
  expect(await decideOrder(actor, toAccept, "accept", "再次", NOW)).toEqual({ ok: false, code: "notPending" });
  expect(await decideOrder(actor, toDecline, "accept", "改主意", NOW)).toEqual({ ok: false, code: "notPending" });
  const cancelled = await place(world);
  expect(await cancelOrder(partnerScopeOf(world.partnerUser), cancelled)).toEqual({ ok: true });
  const auditAfterCancel = await db().auditEvent.count();
  expect(await decideOrder(actor, cancelled, "accept", "", NOW)).toEqual({ ok: false, code: "notPending" });
  expect(await db().auditEvent.count()).toBe(auditAfterCancel);
  expect(auditAfterCancel).toBe(audit + 2); // the new order and its cancellation only
  expect((await orderState(toAccept)).status).toBe("accepted");
});

test("a coordinator of workshop B gets notFound for everything about workshop A's order", async () => {
  const world = await createOrderWorld();
  const pending = await place(world);
  const accepted = await acceptedOrder(world, 100);
  const other = await createOrderWorld();
  const outsider = actorOf(other.coordinator);
  const before = await tableCounts();

  expect(await decideOrder(outsider, pending, "accept", "", NOW)).toEqual({ ok: false, code: "notFound" });
  expect(await decideOrder(outsider, pending, "decline", "", NOW)).toEqual({ ok: false, code: "notFound" });
  expect(
    await assignToWorker(
      outsider,
      accepted,
      { workerId: other.workers[0]!.id, quantity: 1, dueOn: DUE },
      NOW,
      newSubmissionKey(),
    ),
  ).toEqual({ ok: false, code: "notFound" });
  expect(
    await assignToWorker(
      outsider,
      accepted,
      { workerId: world.workers[0]!.id, quantity: 1, dueOn: DUE },
      NOW,
      newSubmissionKey(),
    ),
  ).toEqual({ ok: false, code: "notFound" });
  expect(await openForClaiming(outsider, accepted, 1, newSubmissionKey())).toEqual({ ok: false, code: "notFound" });
  expect(await closeForClaiming(outsider, accepted, 1, newSubmissionKey())).toEqual({ ok: false, code: "notFound" });
  expect(await getWorkshopOrder(other.workshop.id, accepted)).toBeNull();
  expect((await listWorkshopOrders(other.workshop.id)).map((o) => o.id)).toEqual([]);

  expect(await tableCounts()).toEqual(before);
  expect((await orderState(pending)).status).toBe("pending");
  expect(await orderState(accepted)).toMatchObject({ allocatedQuantity: 0, openQuantity: 0 });
});

// ---------------------------------------------------------------------------
// Giving pieces out

test("assignToWorker refuses workers of another workshop, inactive workers and non-workers (workerNotFound), and orders not accepted", async () => {
  const world = await createOrderWorld();
  const orderId = await acceptedOrder(world, 100);
  const actor = actorOf(world.coordinator);
  const other = await createOrderWorld();
  const inactive = await createWorkerUser(world.workshop.id, { active: false });
  const before = await tableCounts();

  for (const workerId of [
    other.workers[0]!.id,
    inactive.id,
    world.coordinator.id,
    world.partnerUser.id,
    "no-such-user",
  ]) {
    expect(
      await assignToWorker(actor, orderId, { workerId, quantity: 10, dueOn: DUE }, NOW, newSubmissionKey()),
      workerId,
    ).toEqual({ ok: false, code: "workerNotFound" });
  }
  expect(
    await assignToWorker(
      actor,
      orderId,
      { workerId: world.workers[0]!.id, quantity: 10, dueOn: "2026-03-09" },
      NOW,
      newSubmissionKey(),
    ),
  ).toEqual({ ok: false, code: "dueInPast" });
  const pending = await place(world);
  expect(await assign(world, pending, 0, 10)).toEqual({ ok: false, code: "notAccepted" });
  expect(await openForClaiming(actor, pending, 10, newSubmissionKey())).toEqual({ ok: false, code: "notAccepted" });
  expect(await assign(world, "no-such-order", 0, 10)).toEqual({ ok: false, code: "notFound" });

  const after = await tableCounts();
  expect(after.assignments).toBe(before.assignments);
  expect(after.audit).toBe(before.audit + 1); // only the pending order's order.create
  expect(await orderState(orderId)).toMatchObject({ allocatedQuantity: 0, openQuantity: 0 });
  expect(await orderState(pending)).toMatchObject({ allocatedQuantity: 0, openQuantity: 0 });
});

test("allocation arithmetic: 500 ordered, 200 + 200 assigned, 100 opened leaves nothing; one more piece is refused and nothing is written", async () => {
  const world = await createOrderWorld();
  const orderId = await acceptedOrder(world, 500);
  const actor = actorOf(world.coordinator);

  const a1 = await assign(world, orderId, 0, 200);
  const a2 = await assign(world, orderId, 1, 200);
  expect(a1).toMatchObject({ ok: true });
  expect(a2).toMatchObject({ ok: true });
  expect(await openForClaiming(actor, orderId, 100, newSubmissionKey())).toEqual({ ok: true });

  const full = await getWorkshopOrder(world.workshop.id, orderId);
  expect(full?.progress).toMatchObject({ quantity: 500, allocated: 500, assigned: 400, open: 100 });
  expect(full?.assignments.map((a) => [a.workerId, a.quantity, a.source])).toEqual([
    [world.workers[0]!.id, 200, "assigned"],
    [world.workers[1]!.id, 200, "assigned"],
  ]);
  const before = await tableCounts();

  expect(await assign(world, orderId, 0, 1)).toEqual({ ok: false, code: "exceedsOrder" });
  expect(await openForClaiming(actor, orderId, 1, newSubmissionKey())).toEqual({ ok: false, code: "exceedsOrder" });
  expect(await tableCounts()).toEqual(before);
  expect(await orderState(orderId)).toMatchObject({ quantity: 500, allocatedQuantity: 500, openQuantity: 100 });
  expect(await expectOrderConsistent(orderId)).toMatchObject({ assignedSum: 400 });

  const auditActions = (
    await db().auditEvent.findMany({ where: { workshopId: world.workshop.id }, select: { action: true } })
  ).map((e) => e.action);
  expect(auditActions.filter((a) => a === "assignment.create")).toHaveLength(2);
  expect(auditActions.filter((a) => a === "order.openForClaiming")).toHaveLength(1);
});

test("closeForClaiming gives unclaimed pieces back to the remainder, never more than are open", async () => {
  const world = await createOrderWorld();
  const orderId = await acceptedOrder(world, 500);
  const actor = actorOf(world.coordinator);
  await assign(world, orderId, 0, 400);
  expect(await openForClaiming(actor, orderId, 100, newSubmissionKey())).toEqual({ ok: true });

  expect(await closeForClaiming(actor, orderId, 30, newSubmissionKey())).toEqual({ ok: true });
  expect(await orderState(orderId)).toMatchObject({ allocatedQuantity: 470, openQuantity: 70 });
  const before = await tableCounts();
  expect(await closeForClaiming(actor, orderId, 71, newSubmissionKey())).toEqual({ ok: false, code: "exceedsOpen" });
  expect(await tableCounts()).toEqual(before);
  expect(await orderState(orderId)).toMatchObject({ allocatedQuantity: 470, openQuantity: 70 });
  // The pieces given back can be assigned again, up to the order and no further.
  expect(await assign(world, orderId, 1, 30)).toMatchObject({ ok: true });
  expect(await assign(world, orderId, 1, 1)).toEqual({ ok: false, code: "exceedsOrder" });
  await expectOrderConsistent(orderId);
  const events = (await auditOf(orderId)).filter((e) => e.action === "order.closeForClaiming");
  expect(events).toHaveLength(1);
  expect(auditJsonOf(events[0]?.before)).toEqual({ openQuantity: 100, allocatedQuantity: 500 });
  expect(auditJsonOf(events[0]?.after)).toEqual({ openQuantity: 70, allocatedQuantity: 470, closed: 30 });
});

test("a worker claims 60 of 100 open pieces: 40 stay open and she gets a 'claimed' assignment", async () => {
  const world = await createOrderWorld();
  const orderId = await acceptedOrder(world, 100);
  expect(await openForClaiming(actorOf(world.coordinator), orderId, 100, newSubmissionKey())).toEqual({ ok: true });
  const worker = world.workers[0]!;

  const claim = await claimOpenWork(workerScopeOf(worker), orderId, 60, newSubmissionKey());
  expect(claim).toMatchObject({ ok: true });
  expect(claim.replayed).toBeUndefined();
  expect(await orderState(orderId)).toMatchObject({ allocatedQuantity: 100, openQuantity: 40 });
  const assignments = await assignmentsOf(orderId);
  expect(assignments).toHaveLength(1);
  expect(assignments[0]).toMatchObject({
    id: claim.ok ? claim.id : "-",
    workerId: worker.id,
    quantity: 60,
    source: "claimed",
    status: "active",
    dueOn: DUE,
  });
  expect((await auditOf(assignments[0]!.id)).map((e) => [e.action, e.actorId])).toEqual([
    ["assignment.claim", worker.id],
  ]);

  // More than is open: refused, nothing written.
  const before = await tableCounts();
  expect(await claimOpenWork(workerScopeOf(world.workers[1]!), orderId, 41, newSubmissionKey())).toEqual({
    ok: false,
    code: "exceedsOpen",
  });
  expect(await tableCounts()).toEqual(before);
  await expectOrderConsistent(orderId);
});

test("a worker sees only her own assignments; another worker's assignment is not found", async () => {
  const world = await createOrderWorld({ workers: 3 });
  const orderId = await acceptedOrder(world, 100);
  const alice = world.workers[0]!;
  const bea = world.workers[1]!;
  const cui = world.workers[2]!;
  const aliceAssigned = await assign(world, orderId, 0, 30);
  expect(await openForClaiming(actorOf(world.coordinator), orderId, 50, newSubmissionKey())).toEqual({ ok: true });
  const beaClaimed = await claimOpenWork(workerScopeOf(bea), orderId, 20, newSubmissionKey());
  if (!aliceAssigned.ok || !beaClaimed.ok || !aliceAssigned.id || !beaClaimed.id) throw new Error("setup");

  const aliceList = await listWorkerAssignments(workerScopeOf(alice), NOW);
  expect(aliceList.map((a) => [a.id, a.quantity, a.source])).toEqual([[aliceAssigned.id, 30, "assigned"]]);
  const beaList = await listWorkerAssignments(workerScopeOf(bea), NOW);
  expect(beaList.map((a) => [a.id, a.quantity, a.source])).toEqual([[beaClaimed.id, 20, "claimed"]]);
  expect(await listWorkerAssignments(workerScopeOf(cui), NOW)).toEqual([]);

  expect((await getWorkerAssignment(workerScopeOf(alice), aliceAssigned.id, NOW))?.id).toBe(aliceAssigned.id);
  expect(await getWorkerAssignment(workerScopeOf(alice), beaClaimed.id, NOW)).toBeNull();
  expect(await getWorkerAssignment(workerScopeOf(bea), aliceAssigned.id, NOW)).toBeNull();
  expect(await getWorkerAssignment(workerScopeOf(cui), aliceAssigned.id, NOW)).toBeNull();

  // A worker of another workshop with a forged scope (her own id, this workshop) still sees nothing of theirs.
  const other = await createOrderWorld();
  expect(await listWorkerAssignments({ workshopId: world.workshop.id, userId: other.workers[0]!.id }, NOW)).toEqual([]);
});

test("listOpenWork lists only the worker's own workshop's accepted orders with open pieces, with today's rate", async () => {
  const world = await createOrderWorld();
  const other = await createOrderWorld();
  const mine = await acceptedOrder(world, 100);
  const notOpen = await acceptedOrder(world, 100);
  expect(await openForClaiming(actorOf(world.coordinator), mine, 25, newSubmissionKey())).toEqual({ ok: true });
  const theirs = await acceptedOrder(other, 100);
  expect(await openForClaiming(actorOf(other.coordinator), theirs, 50, newSubmissionKey())).toEqual({ ok: true });
  await db().pieceRate.create({
    data: {
      workshopId: world.workshop.id,
      productId: world.product.id,
      rateE4: 3500n,
      effectiveOn: "2026-03-01",
      reason: "",
      setById: world.coordinator.id,
    },
  });

  const list = await listOpenWork(workerScopeOf(world.workers[0]!), NOW);
  expect(list.map((w) => [w.orderId, w.open])).toEqual([[mine, 25]]);
  expect(list[0]?.rate?.minor).toBe(3500n);
  expect(list.some((w) => w.orderId === notOpen || w.orderId === theirs)).toBe(false);
  const otherList = await listOpenWork(workerScopeOf(other.workers[0]!), NOW);
  expect(otherList.map((w) => [w.orderId, w.open, w.rate])).toEqual([[theirs, 50, null]]);

  // A worker cannot claim from another workshop's open work.
  expect(await claimOpenWork(workerScopeOf(world.workers[0]!), theirs, 1, newSubmissionKey())).toEqual({
    ok: false,
    code: "notFound",
  });
  expect(await orderState(theirs)).toMatchObject({ openQuantity: 50 });
});

test("concurrent openings are each audited with the counts they produced, not the counts read before", async () => {
  const world = await createOrderWorld();
  const orderId = await acceptedOrder(world, 500);
  const actor = actorOf(world.coordinator);
  const results = await Promise.all(
    Array.from({ length: 5 }, () => openForClaiming(actor, orderId, 10, newSubmissionKey())),
  );
  expect(results.every((r) => r.ok)).toBe(true);
  expect(await orderState(orderId)).toMatchObject({ allocatedQuantity: 50, openQuantity: 50 });
  const events = (await auditOf(orderId)).filter((e) => e.action === "order.openForClaiming");
  const afters = events
    .map((e) => (auditJsonOf(e.after) as { openQuantity: number }).openQuantity)
    .sort((a, b) => a - b);
  const befores = events
    .map((e) => (auditJsonOf(e.before) as { openQuantity: number }).openQuantity)
    .sort((a, b) => a - b);
  expect(afters).toEqual([10, 20, 30, 40, 50]);
  expect(befores).toEqual([0, 10, 20, 30, 40]);
});
