// What the order pages count (app/models/order.server.ts): claimed pieces are a
// figure of their own (not folded into "assigned"), on every read path, and the
// coordinator's desk lists the orders waiting for her: pending ones to decide
// and accepted ones with pieces not given out yet.
import { expect, test } from "vitest";
import {
  claimOpenWork,
  countPendingOrders,
  decideOrder,
  getOrderDesk,
  getPartnerOrder,
  getWorkshopOrder,
  listPartnerOrders,
  listWorkshopOrders,
  openForClaiming,
  placeOrder,
  assignToWorker,
  cancelOrder,
} from "../../app/models/order.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import {
  NOW,
  actorOf,
  createOrderWorld,
  partnerScopeOf,
  workerScopeOf,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";

const DUE = "2026-04-30";

async function place(world: OrderWorld, quantity: number, dueOn = DUE) {
  const result = await placeOrder(
    partnerScopeOf(world.partnerUser),
    { productId: world.product.id, quantity, dueOn, notes: "" },
    NOW,
    newSubmissionKey(),
  );
  if (!result.ok) throw new Error(`test setup: placeOrder failed: ${result.code}`);
  return result.id;
}

async function accept(world: OrderWorld, orderId: string) {
  expect(await decideOrder(actorOf(world.coordinator), orderId, "accept", "", NOW)).toEqual({ ok: true });
}

test("30 assigned, 50 opened and 25 of them claimed: assigned 30, claimed 25, open 25, 20 not given out, on every read path", async () => {
  const world = await createOrderWorld({ workers: 2 });
  const orderId = await place(world, 100);
  await accept(world, orderId);
  const actor = actorOf(world.coordinator);
  const [first, second] = world.workers;
  if (!first || !second) throw new Error("test setup: two workers");
  expect(
    await assignToWorker(actor, orderId, { workerId: first.id, quantity: 30, dueOn: DUE }, NOW, newSubmissionKey()),
  ).toMatchObject({ ok: true });
  expect(await openForClaiming(actor, orderId, 50, newSubmissionKey())).toEqual({ ok: true });
  expect(await claimOpenWork(workerScopeOf(second), orderId, 25, newSubmissionKey())).toMatchObject({ ok: true });

  const expected = { quantity: 100, allocated: 80, assigned: 30, claimed: 25, open: 25 };
  expect((await getWorkshopOrder(world.workshop.id, orderId))?.progress).toMatchObject(expected);
  expect((await getPartnerOrder(partnerScopeOf(world.partnerUser), orderId))?.progress).toMatchObject(expected);
  expect((await listWorkshopOrders(world.workshop.id)).find((o) => o.id === orderId)?.progress).toMatchObject(expected);
  expect(
    (await listPartnerOrders(partnerScopeOf(world.partnerUser))).find((o) => o.id === orderId)?.progress,
  ).toMatchObject(expected);
});

test("claimed pieces of one order are not counted on another order", async () => {
  const world = await createOrderWorld({ workers: 1 });
  const a = await place(world, 40);
  const b = await place(world, 40);
  await accept(world, a);
  await accept(world, b);
  expect(await openForClaiming(actorOf(world.coordinator), a, 40, newSubmissionKey())).toEqual({ ok: true });
  expect(await claimOpenWork(workerScopeOf(world.workers[0]!), a, 40, newSubmissionKey())).toMatchObject({ ok: true });
  const orders = await listWorkshopOrders(world.workshop.id);
  expect(orders.find((o) => o.id === a)?.progress).toMatchObject({ claimed: 40, assigned: 0, open: 0 });
  expect(orders.find((o) => o.id === b)?.progress).toMatchObject({ claimed: 0, assigned: 0, open: 0 });
});

test("the coordinator's desk: pending orders to decide, and accepted orders with pieces not given out (soonest due first); only her workshop's", async () => {
  const world = await createOrderWorld({ workers: 1 });
  const other = await createOrderWorld({ workers: 1 });
  const later = await place(world, 10, "2026-05-20");
  const sooner = await place(world, 20, "2026-04-01");
  const cancelled = await place(world, 30);
  expect(await cancelOrder(partnerScopeOf(world.partnerUser), cancelled)).toEqual({ ok: true });
  const toGiveOut = await place(world, 50);
  await accept(world, toGiveOut);
  expect(await openForClaiming(actorOf(world.coordinator), toGiveOut, 20, newSubmissionKey())).toEqual({ ok: true });
  const allGivenOut = await place(world, 5);
  await accept(world, allGivenOut);
  expect(await openForClaiming(actorOf(world.coordinator), allGivenOut, 5, newSubmissionKey())).toEqual({ ok: true });
  await place(other, 99);

  const desk = await getOrderDesk(world.workshop.id);
  expect(desk.pending.map((o) => o.id)).toEqual([sooner, later]);
  expect(desk.toGiveOut.map((o) => [o.id, o.progress.quantity - o.progress.allocated])).toEqual([[toGiveOut, 30]]);
  expect(await countPendingOrders(world.workshop.id)).toBe(2);
  expect(await countPendingOrders(other.workshop.id)).toBe(1);
});
