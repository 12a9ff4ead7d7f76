// The order pages' loaders and actions (app/routes/partner.orders.*,
// coordinator.orders.*, worker.claim, worker._index) against a real database:
// a claim sent twice makes one assignment; a refused form answers 400 with how
// many are left and writes nothing; a partner never reaches another firm's
// order; money leaves the server only as formatted text.
import { expect, test } from "vitest";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { parseMsg } from "../../app/forms/fields.ts";
import { openForClaiming } from "../../app/models/order.server.ts";
import * as coordinatorOrder from "../../app/routes/coordinator.orders.$orderId.tsx";
import * as partnerOrder from "../../app/routes/partner.orders.$orderId.tsx";
import * as newOrder from "../../app/routes/partner.orders.new.tsx";
import * as claim from "../../app/routes/worker.claim.tsx";
import * as workerHome from "../../app/routes/worker._index.tsx";
import { loader as rootLoader } from "../../app/root.tsx";
import { db } from "../../app/infra/db.server.ts";
import {
  actorOf,
  assignmentsOf,
  createOrderRow,
  createOrderWorld,
  orderState,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";
import {
  callAction,
  callLoader,
  createPartnerFirm,
  createPartnerUser,
  location,
  loginAs,
  noticeOf,
} from "../support/fixtures.ts";

const FAR_DUE = "2099-12-31";

type Failure = { ok: false; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };

async function openOrder(world: OrderWorld, open: number, quantity = 500) {
  const orderId = await createOrderRow(world, { quantity, dueOn: FAR_DUE });
  expect(await openForClaiming(actorOf(world.coordinator), orderId, open, newSubmissionKey())).toEqual({ ok: true });
  return orderId;
}

async function claimKey(cookie: string, orderId: string): Promise<string> {
  const page = await callLoader(claim.loader, "/worker/claim", cookie);
  const item = (page.data as { work: { orderId: string; submissionKey: string }[] }).work.find(
    (w) => w.orderId === orderId,
  );
  if (!item) throw new Error("test setup: the order is not open for claiming");
  return item.submissionKey;
}

test("a claim sent twice (double tap, retry) makes one assignment, and both answers lead to the same success page", async () => {
  const world = await createOrderWorld();
  const orderId = await openOrder(world, 100);
  const cookie = await loginAs(world.workers[0]!);
  const fields = { orderId, quantity: "60", submissionKey: await claimKey(cookie, orderId) };

  const first = await callAction(claim.action, "/worker/claim", fields, cookie);
  const second = await callAction(claim.action, "/worker/claim", fields, cookie);

  expect(first.status).toBe(302);
  expect(location(first)).toBe("/worker");
  expect(second.status).toBe(302);
  expect(location(second)).toBe("/worker");
  // Both answers say the same: what the one claim took.
  const said = { key: "claim.claimed", params: { n: 60, unit: "piece", product: world.product.name } };
  expect(await noticeOf(first, cookie)).toMatchObject(said);
  expect(await noticeOf(second, cookie)).toMatchObject(said);
  const assignments = await assignmentsOf(orderId);
  expect(assignments).toHaveLength(1);
  expect(assignments[0]).toMatchObject({ workerId: world.workers[0]!.id, quantity: 60, source: "claimed" });
  expect((await orderState(orderId)).openQuantity).toBe(40);

  const home = await callLoader(workerHome.loader, location(first)!, cookie);
  expect((home.data as { tasks: { quantity: number }[] }).tasks.map((t) => t.quantity)).toEqual([60]);
});

test("a claim without a valid key, or for more than is open, answers 400 with how many are left and writes nothing; the corrected form then works", async () => {
  const world = await createOrderWorld();
  const orderId = await openOrder(world, 40);
  const cookie = await loginAs(world.workers[0]!);
  const key = await claimKey(cookie, orderId);

  for (const submissionKey of [undefined, "", "short", "has spaces in it and is long"]) {
    const fields: Record<string, string> = { orderId, quantity: "10" };
    if (submissionKey !== undefined) fields.submissionKey = submissionKey;
    const refused = await callAction(claim.action, "/worker/claim", fields, cookie);
    expect(refused.status).toBe(400);
    expect((refused.data as Failure).formError).toBe("claim.expired");
  }

  const tooMany = await callAction(
    claim.action,
    "/worker/claim",
    { orderId, quantity: "41", submissionKey: key },
    cookie,
  );
  expect(tooMany.status).toBe(400);
  const message = parseMsg((tooMany.data as Failure).fieldErrors.quantity ?? "");
  expect(message).toEqual({ key: "claim.onlyLeft", params: { n: "40", unit: "件" } });
  expect((tooMany.data as Failure).values).toMatchObject({ orderId, quantity: "41" });
  expect(await assignmentsOf(orderId)).toHaveLength(0);
  expect((await orderState(orderId)).openQuantity).toBe(40);

  const corrected = await callAction(
    claim.action,
    "/worker/claim",
    { orderId, quantity: "40", submissionKey: key },
    cookie,
  );
  expect(corrected.status).toBe(302);
  expect(await assignmentsOf(orderId)).toHaveLength(1);
});

test("the claim notice goes to the worker who claimed, in her own answer; another worker's home shows none of it", async () => {
  const world = await createOrderWorld();
  const orderId = await openOrder(world, 100);
  const [ann, bea] = world.workers;
  const annCookie = await loginAs(ann!);
  const claimed = await callAction(
    claim.action,
    "/worker/claim",
    { orderId, quantity: "5", submissionKey: await claimKey(annCookie, orderId) },
    annCookie,
  );

  expect(await noticeOf(claimed, annCookie)).toMatchObject({ key: "claim.claimed", params: { n: 5 } });
  const beaCookie = await loginAs(bea!);
  const beaRoot = await callLoader(rootLoader, "/worker", beaCookie);
  expect((beaRoot.data as { notice: unknown }).notice).toBeNull();
  const beaHome = await callLoader(workerHome.loader, location(claimed)!, beaCookie);
  expect((beaHome.data as { tasks: unknown[] }).tasks).toHaveLength(0);
});

test("a partner gets 404 for another firm's order and cannot cancel it", async () => {
  const world = await createOrderWorld();
  const orderId = await createOrderRow(world, { quantity: 10, status: "pending", dueOn: FAR_DUE });
  const other = await createPartnerUser(await createPartnerFirm(world.workshop.id));
  const cookie = await loginAs(other);

  const page = await callLoader(partnerOrder.loader, `/partner/orders/${orderId}`, cookie, { params: { orderId } });
  expect(page.status).toBe(404);
  const cancel = await callAction(
    partnerOrder.action,
    `/partner/orders/${orderId}`,
    { intent: "cancel", confirm: "yes" },
    cookie,
    { params: { orderId } },
  );
  expect(cancel.status).toBe(404);
  expect((await orderState(orderId)).status).toBe("pending");
});

test("the order page sends the agreed price and the order value as formatted text, never as numbers", async () => {
  const world = await createOrderWorld({ priceE4: 12_345n });
  const cookie = await loginAs(world.partnerUser);
  const form = await callLoader(newOrder.loader, "/partner/orders/new", cookie);
  const submissionKey = (form.data as { submissionKey: string }).submissionKey;
  const placed = await callAction(
    newOrder.action,
    "/partner/orders/new",
    { productId: world.product.id, quantity: "3", dueOn: FAR_DUE, notes: "", submissionKey },
    cookie,
  );
  expect(placed.status).toBe(302);
  const orderId = location(placed)!.split("?")[0]!.split("/").pop()!;

  const page = await callLoader(partnerOrder.loader, `/partner/orders/${orderId}`, cookie, { params: { orderId } });
  // 3 x ¥1.2345 = ¥3.7035, rounded half-up to the fen.
  expect((page.data as { order: unknown }).order).toMatchObject({
    price: "¥1.2345",
    value: "¥3.70",
    quantity: 3,
    status: "pending",
  });
  expect(() => JSON.stringify(page.data)).not.toThrow();
});

test("giving out more than is left answers 400 with the remainder, and nothing is written", async () => {
  const world = await createOrderWorld();
  const orderId = await createOrderRow(world, { quantity: 500, dueOn: FAR_DUE });
  const cookie = await loginAs(world.coordinator);
  const post = (fields: Record<string, string>) =>
    callAction(
      coordinatorOrder.action,
      `/coordinator/orders/${orderId}`,
      { submissionKey: newSubmissionKey(), ...fields },
      cookie,
      { params: { orderId } },
    );

  const assigned = await post({ intent: "assign", workerId: world.workers[0]!.id, quantity: "400", dueOn: FAR_DUE });
  expect(assigned.status).toBe(302);
  expect(location(assigned)).toBe(`/coordinator/orders/${orderId}`);
  expect(await noticeOf(assigned, cookie)).toMatchObject({
    key: "assignments.created",
    params: { n: 400, unit: "piece" },
  });
  const tooMany = await post({ intent: "assign", workerId: world.workers[1]!.id, quantity: "150", dueOn: FAR_DUE });
  expect(tooMany.status).toBe(400);
  expect(parseMsg((tooMany.data as Failure).fieldErrors.quantity ?? "")).toEqual({
    key: "orders.exceedsOrder",
    params: { n: "100", unit: "件" },
  });

  const takeBack = await post({ intent: "close", quantity: "1" });
  expect(takeBack.status).toBe(400);
  expect(parseMsg((takeBack.data as Failure).fieldErrors.quantity ?? "")).toEqual({
    key: "orders.exceedsOpen",
    params: { n: "0", unit: "件" },
  });

  const unknown = await post({ intent: "delete" });
  expect(unknown.status).toBe(400);
  expect((unknown.data as Failure).formError).toBe("error.unknownIntent");

  expect(await assignmentsOf(orderId)).toHaveLength(1);
  expect(await orderState(orderId)).toMatchObject({ allocatedQuantity: 400, openQuantity: 0 });
  expect(await db().assignment.count({ where: { orderId, workerId: world.workers[1]!.id } })).toBe(0);
});

test("the same order form sent twice places one order, and both answers lead to it", async () => {
  const world = await createOrderWorld();
  const cookie = await loginAs(world.partnerUser);
  const form = await callLoader(newOrder.loader, "/partner/orders/new", cookie);
  const submissionKey = (form.data as { submissionKey: string }).submissionKey;
  const fields = { productId: world.product.id, quantity: "500", dueOn: FAR_DUE, notes: "", submissionKey };
  const [first, second] = await Promise.all([
    callAction(newOrder.action, "/partner/orders/new", fields, cookie),
    callAction(newOrder.action, "/partner/orders/new", fields, cookie),
  ]);
  const third = await callAction(newOrder.action, "/partner/orders/new", fields, cookie);
  expect([first.status, second.status, third.status]).toEqual([302, 302, 302]);
  expect(new Set([location(first), location(second), location(third)]).size).toBe(1);
  for (const answer of [first, second, third]) {
    expect(await noticeOf(answer, cookie)).toMatchObject({ key: "orders.placed" });
  }
  expect(await db().order.count({ where: { partnerId: world.partnerUser.partnerId ?? undefined } })).toBe(1);

  const missingKey = await callAction(newOrder.action, "/partner/orders/new", { ...fields, submissionKey: "" }, cookie);
  expect(missingKey.status).toBe(400);
  expect((missingKey.data as Failure).formError).toBe("form.expired");
  expect(await db().order.count({ where: { partnerId: world.partnerUser.partnerId ?? undefined } })).toBe(1);
});

test("the same assign or open form sent twice gives the pieces out once", async () => {
  const world = await createOrderWorld();
  const orderId = await createOrderRow(world, { quantity: 500, dueOn: FAR_DUE });
  const cookie = await loginAs(world.coordinator);
  const page = await callLoader(coordinatorOrder.loader, `/coordinator/orders/${orderId}`, cookie, {
    params: { orderId },
  });
  const keys = (page.data as { keys: { assign: string; open: string } }).keys;
  const post = (fields: Record<string, string>) =>
    callAction(coordinatorOrder.action, `/coordinator/orders/${orderId}`, fields, cookie, { params: { orderId } });

  const assign = {
    intent: "assign",
    workerId: world.workers[0]!.id,
    quantity: "200",
    dueOn: FAR_DUE,
    submissionKey: keys.assign,
  };
  const results = await Promise.all([post(assign), post(assign)]);
  expect(results.map((r) => r.status)).toEqual([302, 302]);
  const open = { intent: "open", quantity: "50", submissionKey: keys.open };
  expect((await post(open)).status).toBe(302);
  expect((await post(open)).status).toBe(302);

  expect(await assignmentsOf(orderId)).toHaveLength(1);
  expect(await orderState(orderId)).toMatchObject({ allocatedQuantity: 250, openQuantity: 50 });
});
