// Deliveries 交付 (app/models/delivery.server.ts and its page, ADR 021) against
// a real database: never more than the order's passed pieces not delivered yet,
// also under parallel submissions on both engines; a resent form delivers once;
// the delivery that reaches the ordered quantity completes the order; what the
// partner owes is delivered × agreed price, rounded half-up once; notes print;
// another workshop's coordinator gets 404, a partner sees only its own orders.
import { expect, test } from "vitest";
import { db } from "../../app/infra/db.server.ts";
import { getDeliveryNote, listPartnerDeliveries, recordDelivery } from "../../app/models/delivery.server.ts";
import { getPartnerOrder, getWorkshopOrder } from "../../app/models/order.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import * as coordinatorNote from "../../app/routes/coordinator.deliveries.$deliveryId.tsx";
import * as deliveriesPage from "../../app/routes/coordinator.orders.$orderId_.deliveries.tsx";
import * as partnerNote from "../../app/routes/partner.deliveries.$deliveryId.tsx";
import * as partnerOrder from "../../app/routes/partner.orders.$orderId.tsx";
import {
  actorOf,
  auditOf,
  createOrderRow,
  createOrderWorld,
  partnerScopeOf,
  rounds,
  settleAll,
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
import { passAll, receivedLot } from "../support/quality-fixtures.ts";

const NOW = new Date("2026-03-10T02:00:00Z");

/** An accepted order of `quantity` with `passed` pieces passed (one lot), at the agreed price. */
async function orderWithPassed(quantity: number, passed: number, unitPriceE4 = 68_050n) {
  const world = await createOrderWorld();
  const orderId = await createOrderRow(world, { quantity, dueOn: "2099-12-31", unitPriceE4 });
  if (passed > 0) {
    const { lotId } = await receivedLot(world, orderId, { quantity: passed, at: NOW });
    await passAll(world, lotId, passed, NOW);
  }
  return { world, orderId };
}

async function delivered(orderId: string) {
  const [order, sum] = await Promise.all([
    db().order.findUniqueOrThrow({ where: { id: orderId }, select: { deliveredQuantity: true, status: true } }),
    db().delivery.aggregate({ where: { orderId }, _sum: { quantity: true }, _count: { _all: true } }),
  ]);
  expect(order.deliveredQuantity).toBe(sum._sum.quantity ?? 0);
  return { ...order, deliveries: sum._count._all };
}

test("a delivery takes passed pieces not delivered yet; more is refused with what is left; the last piece completes the order; audited", async () => {
  const { world, orderId } = await orderWithPassed(10, 6);
  const actor = actorOf(world.coordinator);
  const first = await recordDelivery(actor, orderId, { quantity: 4, note: " 第一批 " }, NOW, newSubmissionKey());
  expect(first).toMatchObject({ ok: true, completed: false });
  expect(await recordDelivery(actor, orderId, { quantity: 3, note: "" }, NOW, newSubmissionKey())).toEqual({
    ok: false,
    code: "exceedsPassed",
    available: 2,
  });
  expect(await delivered(orderId)).toMatchObject({ deliveredQuantity: 4, status: "accepted", deliveries: 1 });
  // Four more pass; delivering the last six completes the order.
  const { lotId } = await receivedLot(world, orderId, { quantity: 4, at: NOW });
  await passAll(world, lotId, 4, NOW);
  const last = await recordDelivery(actor, orderId, { quantity: 6, note: "" }, NOW, newSubmissionKey());
  expect(last).toMatchObject({ ok: true, completed: true });
  expect(await delivered(orderId)).toMatchObject({ deliveredQuantity: 10, status: "completed", deliveries: 2 });
  expect(await recordDelivery(actor, orderId, { quantity: 1, note: "" }, NOW, newSubmissionKey())).toEqual({
    ok: false,
    code: "notAccepted",
  });
  const rows = await db().delivery.findMany({ where: { orderId }, orderBy: { sequence: "asc" } });
  expect(rows.map((r) => [r.sequence, r.quantity, r.deliveredOn, r.note, r.unitPriceE4])).toEqual([
    [1, 4, "2026-03-10", "第一批", 68_050n],
    [2, 6, "2026-03-10", "", 68_050n],
  ]);
  expect((await auditOf(orderId)).map((a) => a.action)).toEqual(["order.deliver", "order.complete"]);
  expect((await auditOf(rows[0]!.id)).map((a) => a.action)).toEqual(["delivery.create"]);
  const order = await getWorkshopOrder(world.workshop.id, orderId);
  expect(order!.progress).toMatchObject({ passed: 10, delivered: 10 });
});

test("parallel deliveries never take more than the passed pieces; double submits of one form deliver once", async () => {
  const { world, orderId } = await orderWithPassed(200, 50);
  const actor = actorOf(world.coordinator);
  const other = await createOrderWorld();
  void other;
  await rounds(4, async (round) => {
    const sameKey = newSubmissionKey();
    const asks = [
      recordDelivery(actor, orderId, { quantity: 3, note: "" }, NOW, sameKey),
      recordDelivery(actor, orderId, { quantity: 3, note: "" }, NOW, sameKey),
      ...[7, 5, 9, 4, 6].map((q) => recordDelivery(actor, orderId, { quantity: q, note: "" }, NOW, newSubmissionKey())),
    ];
    const { values, errors } = await settleAll(asks);
    expect(errors, `round ${round}`).toEqual([]);
    const state = await delivered(orderId);
    expect(state.deliveredQuantity).toBeLessThanOrEqual(50);
    for (const v of values) if (!v.ok) expect(v.code).toBe("exceedsPassed");
    // The two copies of one form: one delivery between them at most.
    const copies = await db().formSubmission.count({ where: { key: { endsWith: `:delivery.create:${sameKey}` } } });
    expect(copies).toBeLessThanOrEqual(1);
  });
  const final = await delivered(orderId);
  // 4 rounds asked for up to 37 each: the 50 passed pieces ran out, exactly.
  expect(final.deliveredQuantity).toBeGreaterThan(40);
  expect(final.deliveredQuantity).toBeLessThanOrEqual(50);
  const sequences = (await db().delivery.findMany({ where: { orderId }, select: { sequence: true } })).map(
    (d) => d.sequence,
  );
  expect(sequences.sort((a, b) => a - b)).toEqual(sequences.map((_, i) => i + 1));
});

test("the deliveries page: a resent form records once; too many answers 400 with what is left; another workshop's coordinator gets 404", async () => {
  const { world, orderId } = await orderWithPassed(20, 8);
  const cookie = await loginAs(world.coordinator);
  const path = `/coordinator/orders/${orderId}/deliveries`;
  const page = await callLoader(deliveriesPage.loader, path, cookie, { params: { orderId } });
  expect(page.status).toBe(200);
  const data = page.data as Awaited<ReturnType<typeof deliveriesPage.loader>>;
  expect(data.deliveries).toMatchObject({ deliverable: 8, delivered: 0, owed: "¥0.00" });
  const fields = { intent: "deliver", submissionKey: data.deliverKey, available: "8", quantity: "3", note: "" };
  const a = await callAction(deliveriesPage.action, path, fields, cookie, { params: { orderId } });
  const b = await callAction(deliveriesPage.action, path, fields, cookie, { params: { orderId } });
  expect([a.status, b.status]).toEqual([302, 302]);
  expect(location(a)).toBe(path);
  expect(await noticeOf(a, cookie)).toMatchObject({ key: "delivery.recorded", params: { n: 3 } });
  expect(await noticeOf(b, cookie)).toMatchObject({ key: "delivery.recordedAgain" });
  expect((await delivered(orderId)).deliveredQuantity).toBe(3);
  // The hidden "available" is not trusted: the model knows 5 are left.
  const tooMany = await callAction(
    deliveriesPage.action,
    path,
    { ...fields, submissionKey: newSubmissionKey(), available: "50", quantity: "6" },
    cookie,
    { params: { orderId } },
  );
  expect(tooMany.status).toBe(400);
  expect((tooMany.data as { fieldErrors: Record<string, string> }).fieldErrors.quantity).toMatch(
    /^delivery\.exceedsPassed\?/,
  );
  const stranger = await createOrderWorld();
  const strangerCookie = await loginAs(stranger.coordinator);
  expect((await callLoader(deliveriesPage.loader, path, strangerCookie, { params: { orderId } })).status).toBe(404);
  const posted = await callAction(
    deliveriesPage.action,
    path,
    { ...fields, submissionKey: newSubmissionKey() },
    strangerCookie,
    {
      params: { orderId },
    },
  );
  expect(posted.status).toBe(404);
  expect((await delivered(orderId)).deliveredQuantity).toBe(3);
  const [delivery] = await db().delivery.findMany({ where: { orderId } });
  const note = await callLoader(coordinatorNote.loader, `/coordinator/deliveries/${delivery!.id}`, cookie, {
    params: { deliveryId: delivery!.id },
  });
  expect(note.status).toBe(200);
  // 3 x ¥6.8050 = ¥20.415 → ¥20.42, half-up once.
  expect((note.data as Awaited<ReturnType<typeof coordinatorNote.loader>>).note).toMatchObject({
    quantity: 3,
    amount: "¥20.42",
  });
  expect(
    (await callLoader(coordinatorNote.loader, "/x", strangerCookie, { params: { deliveryId: delivery!.id } })).status,
  ).toBe(404);
});

test("the partner sees its order's quality, deliveries and what it owes (rounded once), never another firm's", async () => {
  const { world, orderId } = await orderWithPassed(20, 9, 10_005n);
  const actor = actorOf(world.coordinator);
  // 3 deliveries of 3 at ¥1.0005: each note ¥3.0015 → ¥3.00; the order owes 9 × 1.0005 = ¥9.0045 → ¥9.00.
  for (let i = 0; i < 3; i++) await recordDelivery(actor, orderId, { quantity: 3, note: "" }, NOW, newSubmissionKey());
  const cookie = await loginAs(world.partnerUser);
  const page = await callLoader(partnerOrder.loader, `/partner/orders/${orderId}`, cookie, { params: { orderId } });
  expect(page.status).toBe(200);
  const data = page.data as Awaited<ReturnType<typeof partnerOrder.loader>>;
  expect(data.quality).toMatchObject({ checked: true, passed: 9, passRate: "100.0", rejected: 0 });
  expect(data.deliveries).toMatchObject({ delivered: 9, owed: "¥9.00" });
  expect(data.deliveries.list.map((d) => d.amount)).toEqual(["¥3.00", "¥3.00", "¥3.00"]);
  expect(data.order.progress).toMatchObject({ passed: 9, delivered: 9 });

  // Another firm of the same workshop: not its order, not its deliveries, not its notes.
  const otherFirm = await createPartnerFirm(world.workshop.id);
  const otherUser = await createPartnerUser(otherFirm);
  const otherCookie = await loginAs(otherUser);
  expect(
    (await callLoader(partnerOrder.loader, `/partner/orders/${orderId}`, otherCookie, { params: { orderId } })).status,
  ).toBe(404);
  expect(await listPartnerDeliveries(partnerScopeOf(otherUser), orderId)).toEqual([]);
  expect(await getPartnerOrder(partnerScopeOf(otherUser), orderId)).toBeNull();
  const [delivery] = await listPartnerDeliveries(partnerScopeOf(world.partnerUser), orderId);
  expect(await getDeliveryNote(partnerScopeOf(otherUser), delivery!.id)).toBeNull();
  const note = (id: string, who: string) =>
    callLoader(partnerNote.loader, `/partner/deliveries/${id}`, who, { params: { deliveryId: id } });
  expect((await note(delivery!.id, cookie)).status).toBe(200);
  expect((await note(delivery!.id, otherCookie)).status).toBe(404);
});
