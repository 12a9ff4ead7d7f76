// Notices 通知 (ADR 026) against a real database, on SQLite and PostgreSQL: each event writes exactly
// one notice to each of the right people and none to anyone else (another coordinator's workshop,
// another partner firm, the person who acted); the list, the badge and opening a notice are the
// recipient's own (another's notice id leads to one's own list like a missing one, also through Remix's data
// requests); "receive all" tells each worker once, of all her logs it received; a rolled-back
// event leaves no notice and an event whose notice cannot be written does not happen; settling a month
// of 1,200 workers writes one notice each with one statement.
import { expect, test } from "vitest";
import { addMonths, chinaMonth } from "../../app/domain/dates.ts";
import { translate } from "../../app/i18n/index.ts";
import { db } from "../../app/infra/db.server.ts";
import { getEnv } from "../../app/infra/env.server.ts";
import { issueMaterial, receiveMaterial } from "../../app/models/material-stock.server.ts";
import { countUnread, noticePayslipsReady } from "../../app/models/notice.server.ts";
import {
  assignToWorker,
  claimOpenWork,
  decideOrder,
  openForClaiming,
  placeOrder,
} from "../../app/models/order.server.ts";
import { answerQuery, raiseQuery } from "../../app/models/payslip.server.ts";
import { receiveAllAsLogged, receiveLog } from "../../app/models/receiving.server.ts";
import { recordDelivery } from "../../app/models/delivery.server.ts";
import { settleMonth } from "../../app/models/settlement.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import * as noticeList from "../../app/routes/notices.tsx";
import * as noticeOpen from "../../app/routes/notices.$noticeId.tsx";
import * as workerLayout from "../../app/routes/worker.tsx";
import * as coordinatorLayout from "../../app/routes/coordinator.tsx";
import {
  actorOf,
  createOrderRow,
  createOrderWorld,
  workerScopeOf,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";
import {
  callAction,
  callLoader,
  createCoordinatorUser,
  createPartnerFirm,
  createPartnerUser,
  getRequest,
  location,
  loginAs,
  type TestUser,
} from "../support/fixtures.ts";
import { checkedLot, createRate } from "../support/pay-fixtures.ts";
import { generateMonth } from "../support/pay-month.ts";
import { createSubmittedLog } from "../support/piece-log-fixtures.ts";
import { passAll } from "../support/quality-fixtures.ts";
import { remixHandler } from "../support/remix-handler.ts";
import { assignedWork, createMaterialRow, e3, setBom } from "../support/stock-fixtures.ts";

const MONTH = addMonths(chinaMonth(new Date()), -2);
const at = (day: string) => new Date(`${MONTH}-${day}T02:00:00Z`);

/** A workshop with two coordinators, two workers, a partner firm with two accounts and another firm. */
async function worldWithPeople() {
  const world = await createOrderWorld({ workers: 2 });
  const coordinator2 = await createCoordinatorUser(world.workshop.id);
  const partnerUser2 = await createPartnerUser(world.partner);
  const otherFirm = await createPartnerFirm(world.workshop.id);
  const otherFirmUser = await createPartnerUser(otherFirm);
  // Another workshop, whose people must never receive this one's notices.
  const elsewhere = await createOrderWorld({ workers: 1 });
  return { world, coordinator2, partnerUser2, otherFirmUser, elsewhere };
}

type People = Awaited<ReturnType<typeof worldWithPeople>>;

function everyone(p: People): TestUser[] {
  const w = p.world;
  return [
    w.coordinator,
    p.coordinator2,
    ...w.workers,
    w.partnerUser,
    p.partnerUser2,
    p.otherFirmUser,
    p.elsewhere.coordinator,
    ...p.elsewhere.workers,
    p.elsewhere.partnerUser,
  ];
}

async function lastNoticeId(): Promise<number> {
  const last = await db().notice.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0;
}

/** The notices written since `after`, as "recipientId kind" lines, sorted. */
async function writtenSince(after: number) {
  const rows = await db().notice.findMany({
    where: { id: { gt: after } },
    select: { recipientId: true, kind: true, path: true, workshopId: true },
  });
  return rows;
}

/** Runs `event` and checks that exactly `to` (each once) got one notice of `kind`, in the event's workshop. */
async function expectNotices(
  p: People,
  kind: string,
  to: TestUser[],
  event: () => Promise<unknown>,
): Promise<{ path: string }> {
  const before = await lastNoticeId();
  const result = await event();
  expect(result, `${kind}: the event succeeded`).toMatchObject({ ok: true });
  const rows = await writtenSince(before);
  expect(rows.map((r) => r.recipientId).sort(), kind).toEqual(to.map((u) => u.id).sort());
  for (const r of rows) {
    expect(r.kind).toBe(kind);
    expect(r.workshopId).toBe(p.world.workshop.id);
  }
  const stranger = everyone(p).filter((u) => !to.some((t) => t.id === u.id));
  for (const u of stranger)
    expect(
      rows.some((r) => r.recipientId === u.id),
      `${kind} not to ${u.role}`,
    ).toBe(false);
  return { path: rows[0]!.path };
}

test("each event writes one notice to each of the right people, none to anyone else", async () => {
  const p = await worldWithPeople();
  const { world } = p;
  const coordinators = [world.coordinator, p.coordinator2];
  const firm = [world.partnerUser, p.partnerUser2];
  const [worker, otherWorker] = [world.workers[0]!, world.workers[1]!];
  const partnerActor = { userId: world.partnerUser.id, workshopId: world.workshop.id, partnerId: world.partner.id };
  const coordinator = actorOf(world.coordinator);

  // A partner orders: the workshop's coordinators, not the other workshop's.
  let orderId = "";
  const placed = await expectNotices(p, "order.placed", coordinators, async () => {
    const r = await placeOrder(
      partnerActor,
      { productId: world.product.id, quantity: 50, dueOn: "2099-12-31", notes: "" },
      new Date(),
      newSubmissionKey(),
    );
    if (r.ok) orderId = r.id;
    return r;
  });
  expect(placed.path).toBe(`/coordinator/orders/${orderId}`);

  // She accepts it: the firm's accounts, not the other firm's.
  const accepted = await expectNotices(p, "order.accepted", firm, () =>
    decideOrder(coordinator, orderId, "accept", "", new Date()),
  );
  expect(accepted.path).toBe(`/partner/orders/${orderId}`);

  // A task given to worker 0: her alone. A claim by worker 1 herself: nobody.
  let assignmentId = "";
  const task = await expectNotices(p, "task.assigned", [worker], async () => {
    const r = await assignToWorker(
      coordinator,
      orderId,
      { workerId: worker.id, quantity: 20, dueOn: "2099-12-31" },
      new Date(),
      newSubmissionKey(),
    );
    if (r.ok && r.id) assignmentId = r.id;
    return r;
  });
  expect(task.path).toBe(`/worker/tasks/${assignmentId}`);
  expect((await openForClaiming(coordinator, orderId, 5, newSubmissionKey())).ok).toBe(true);
  const beforeClaim = await lastNoticeId();
  expect((await claimOpenWork(workerScopeOf(otherWorker), orderId, 5, newSubmissionKey())).ok).toBe(true);
  expect(await writtenSince(beforeClaim)).toEqual([]);

  // Her pieces received, then checked: her alone, once each.
  const logId = await createSubmittedLog(assignmentId, { quantity: 20 });
  let lotId = "";
  await expectNotices(p, "lot.received", [worker], async () => {
    const r = await receiveLog(
      coordinator,
      assignmentId,
      { pieceLogId: logId, counted: 20, reason: "" },
      new Date(),
      newSubmissionKey(),
    );
    if (r.ok && "id" in r && r.id) lotId = r.id;
    return r;
  });
  await expectNotices(p, "lot.checked", [worker], () => passAll(world, lotId, 20).then(() => ({ ok: true })));

  // A delivery: the firm's accounts.
  const delivered = await expectNotices(p, "delivery.made", firm, () =>
    recordDelivery(coordinator, orderId, { quantity: 20, note: "" }, new Date(), newSubmissionKey()),
  );
  expect(delivered.path).toMatch(/^\/partner\/deliveries\//);

  // A declined order: the firm's accounts.
  const second = await createOrderRow(world, { quantity: 10, status: "pending", dueOn: "2099-12-31" });
  await expectNotices(p, "order.declined", firm, () => decideOrder(coordinator, second, "decline", "满了", new Date()));
});

test("payslips ready, a query raised and answered", async () => {
  const p = await worldWithPeople();
  const { world } = p;
  const [a, b] = [world.workers[0]!, world.workers[1]!];
  const orderId = await createOrderRow(world, { quantity: 10_000, dueOn: "2099-12-31" });
  const rate = await createRate(world, 3_500n);
  await checkedLot(world, orderId, {
    workerId: a.id,
    quantity: 10,
    rateId: rate,
    rateE4: 3_500n,
    loggedAt: at("05"),
    checkedAt: at("06"),
  });
  await checkedLot(world, orderId, {
    workerId: b.id,
    quantity: 4,
    rateId: rate,
    rateE4: 3_500n,
    loggedAt: at("05"),
    checkedAt: at("06"),
  });
  const coordinator = actorOf(world.coordinator);

  const ready = await expectNotices(p, "payslip.ready", [a, b], () => settleMonth(coordinator, MONTH, new Date()));
  expect(ready.path).toBe(`/worker/pay/${MONTH}`);

  const slip = await db().payslip.findFirstOrThrow({ where: { workerId: a.id, month: MONTH } });
  let queryId = "";
  const raised = await expectNotices(p, "query.raised", [world.coordinator, p.coordinator2], async () => {
    const r = await raiseQuery(workerScopeOf(a), slip.id, "少了一件？", newSubmissionKey());
    if (r.ok && "id" in r && r.id) queryId = r.id;
    return r;
  });
  expect(raised.path).toBe(`/coordinator/pay/${MONTH}/${a.id}`);
  const answered = await expectNotices(p, "query.answered", [a], () =>
    answerQuery(coordinator, queryId, "已核对，没有少。", new Date()),
  );
  expect(answered.path).toBe(`/worker/pay/${MONTH}`);
  // The same answer sent again changes nothing, and tells nobody again.
  const before = await lastNoticeId();
  expect(await answerQuery(coordinator, queryId, "已核对，没有少。", new Date())).toMatchObject({ ok: true });
  expect(await writtenSince(before)).toEqual([]);
});

test("an over-allowance flag is told to the workshop's coordinators once, when the last pieces come in", async () => {
  const p = await worldWithPeople();
  const { world } = p;
  await db().product.update({ where: { id: world.product.id }, data: { lossAllowanceE2: 300 } });
  const base = await createMaterialRow(world.workshop.id, { name: "皂基", unitCostE4: 280_000n });
  await setBom(world.workshop.id, world.product.id, base.id, 105n);
  const coordinator = actorOf(world.coordinator);
  await receiveMaterial(
    coordinator,
    base.id,
    { quantityE3: e3("500"), source: "bought", orderId: null, note: "" },
    newSubmissionKey(),
  );
  const { assignmentId } = await assignedWork(world as OrderWorld, world.workers[0]!, 80);
  expect((await issueMaterial(coordinator, assignmentId, base.id, e3("10"), newSubmissionKey())).ok).toBe(true);

  // 40 of 80 in: still in progress, nothing flagged, only her receipt notice.
  const first = await createSubmittedLog(assignmentId, { quantity: 40 });
  const before = await lastNoticeId();
  await receiveLog(
    coordinator,
    assignmentId,
    { pieceLogId: first, counted: 40, reason: "" },
    new Date(),
    newSubmissionKey(),
  );
  expect((await writtenSince(before)).map((r) => r.kind)).toEqual(["lot.received"]);

  // The last 40: 10 kg out for 80 × 0.105 kg is over 3 %: flagged, told to both coordinators.
  const last = await createSubmittedLog(assignmentId, { quantity: 40 });
  const before2 = await lastNoticeId();
  await receiveLog(
    coordinator,
    assignmentId,
    { pieceLogId: last, counted: 40, reason: "" },
    new Date(),
    newSubmissionKey(),
  );
  const rows = await writtenSince(before2);
  const flags = rows.filter((r) => r.kind === "material.overAllowance");
  expect(flags.map((r) => r.recipientId).sort()).toEqual([world.coordinator.id, p.coordinator2.id].sort());
  expect(flags[0]!.path).toBe("/coordinator/reconciliation");

  // More material handed out keeps it flagged: not told again.
  const before3 = await lastNoticeId();
  expect((await issueMaterial(coordinator, assignmentId, base.id, e3("1"), newSubmissionKey())).ok).toBe(true);
  expect(await writtenSince(before3)).toEqual([]);
});

test("a coordinator sees only her own notices: list, badge, opening by id, and Remix's data requests", async () => {
  const p = await worldWithPeople();
  const { world } = p;
  const partnerActor = { userId: world.partnerUser.id, workshopId: world.workshop.id, partnerId: world.partner.id };
  expect(
    (
      await placeOrder(
        partnerActor,
        { productId: world.product.id, quantity: 5, dueOn: "2099-12-31", notes: "" },
        new Date(),
        newSubmissionKey(),
      )
    ).ok,
  ).toBe(true);
  const mine = await db().notice.findFirstOrThrow({ where: { recipientId: world.coordinator.id } });
  const own = await loginAs(world.coordinator);
  const stranger = await loginAs(p.elsewhere.coordinator);

  // Badge and list: hers has one unread; the other workshop's coordinator has none.
  const layout = await callLoader(coordinatorLayout.loader, "/coordinator", own);
  expect(layout.data).toMatchObject({ unreadNotices: 1 });
  expect((await callLoader(coordinatorLayout.loader, "/coordinator", stranger)).data).toMatchObject({
    unreadNotices: 0,
  });
  const list = await callLoader(noticeList.loader, "/notices", own);
  expect((list.data as { notices: { id: number; unread: boolean }[] }).notices).toEqual([
    expect.objectContaining({ id: mine.id, unread: true, kind: "order.placed" }),
  ]);
  const theirs = await callLoader(noticeList.loader, "/notices", stranger);
  expect((theirs.data as { notices: unknown[] }).notices).toEqual([]);

  // Another workshop's coordinator opening it by id: led to her own list exactly as for an id that does not
  // exist (nothing of it shown, nothing told about whether it exists), and it stays unread.
  const opened = await callLoader(noticeOpen.loader, `/notices/${mine.id}`, stranger, {
    params: { noticeId: String(mine.id) },
  });
  expect(opened.status).toBe(302);
  expect(location(opened)).toBe("/notices");
  expect(await countUnread(world.coordinator.id)).toBe(1);
  // The same through Remix (document, ?_data and single-fetch .data requests): the same answer as for a
  // notice that does not exist, and never the notice's page.
  const handle = remixHandler({ "notices/:noticeId": noticeOpen, notices: noticeList });
  const answer = async (url: string) => {
    const res = await handle(getRequest(url, stranger));
    return { status: res.status, location: res.headers.get("Location"), body: await res.text() };
  };
  for (const suffix of ["", "?_data=routes/notices/:noticeId", ".data"]) {
    const theirsAnswer = await answer(`/notices/${mine.id}${suffix}`);
    const missing = await answer(`/notices/999999${suffix}`);
    expect(theirsAnswer, suffix).toEqual(missing);
    expect(JSON.stringify(theirsAnswer)).not.toContain(mine.path);
  }
  const data = await handle(getRequest("/notices.data", stranger));
  expect(await data.text()).not.toContain(world.partner.name);
  expect(await countUnread(world.coordinator.id)).toBe(1);
  // Nonsense ids: her own list.
  for (const id of ["abc", "-1", "99999999999"]) {
    expect(location(await callLoader(noticeOpen.loader, `/notices/${id}`, own, { params: { noticeId: id } }))).toBe(
      "/notices",
    );
  }
  // A worker cannot open the coordinators' list as hers either: her own list is empty.
  const workerCookie = await loginAs(world.workers[0]!);
  expect(
    ((await callLoader(noticeList.loader, "/notices", workerCookie)).data as { notices: unknown[] }).notices,
  ).toEqual([]);

  // Opening her own: a redirect to its page, marked read; the badge is gone; opening again still leads there.
  const go = await callLoader(noticeOpen.loader, `/notices/${mine.id}`, own, { params: { noticeId: String(mine.id) } });
  expect(go.status).toBe(302);
  expect(location(go)).toBe(mine.path);
  expect(await countUnread(world.coordinator.id)).toBe(0);
  // The other coordinator's copy of the same event is still unread: read marks are per person.
  expect(await countUnread(p.coordinator2.id)).toBe(1);
  expect(
    location(
      await callLoader(noticeOpen.loader, `/notices/${mine.id}`, own, { params: { noticeId: String(mine.id) } }),
    ),
  ).toBe(mine.path);

  // "Mark all read" (a POST) for the second coordinator; the list itself marked nothing.
  const second = await loginAs(p.coordinator2);
  await callLoader(noticeList.loader, "/notices", second);
  expect(await countUnread(p.coordinator2.id)).toBe(1);
  const marked = await callAction(noticeList.action, "/notices", { intent: "markAllRead" }, second);
  expect(marked.status).toBe(302);
  expect(await countUnread(p.coordinator2.id)).toBe(0);
  expect(await countUnread(world.partnerUser.id)).toBe(0);
});

test("the worker's badge counts her unread notices", async () => {
  const world = await createOrderWorld({ workers: 2 });
  const orderId = await createOrderRow(world, { quantity: 30, dueOn: "2099-12-31" });
  for (const n of [3, 4]) {
    await assignToWorker(
      actorOf(world.coordinator),
      orderId,
      { workerId: world.workers[0]!.id, quantity: n, dueOn: "2099-12-31" },
      new Date(),
      newSubmissionKey(),
    );
  }
  const cookie = await loginAs(world.workers[0]!);
  expect((await callLoader(workerLayout.loader, "/worker", cookie)).data).toMatchObject({ unreadNotices: 2 });
  const other = await loginAs(world.workers[1]!);
  expect((await callLoader(workerLayout.loader, "/worker", other)).data).toMatchObject({ unreadNotices: 0 });
});

/** A trigger that makes inserting into `table` fail when `condition` holds (each engine's own SQL). */
async function failInsertsInto(table: string, condition: string): Promise<() => Promise<void>> {
  const client = db();
  const name = `fail_${table.toLowerCase()}_${Math.random().toString(36).slice(2, 8)}`;
  if (getEnv().databaseEngine === "postgresql") {
    await client.$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN IF ${condition} THEN RAISE EXCEPTION 'test: refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await client.$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    );
    return async () => {
      await client.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
      await client.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }
  await client.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" WHEN ${condition} BEGIN SELECT RAISE(ABORT, 'test: refused'); END`,
  );
  return async () => {
    await client.$executeRawUnsafe(`DROP TRIGGER ${name}`);
  };
}

test("receive all tells each worker once, of all her logs it received; receiving one log tells of that lot", async () => {
  const world = await createOrderWorld({ workers: 3 });
  const [ana, bea, cai] = [world.workers[0]!, world.workers[1]!, world.workers[2]!];
  const coordinator = actorOf(world.coordinator);
  const product = world.product.name;
  const noticesOf = (worker: TestUser, after: number) =>
    db().notice.findMany({
      where: { recipientId: worker.id, id: { gt: after } },
      select: { kind: true, params: true, path: true, subjectId: true },
    });

  // Her three logs (40 + 50 + 30 = 120 pieces), received at once: one notice, of all three.
  const a = await assignedWork(world, ana, 200);
  const anaLogs = [];
  for (const quantity of [40, 50, 30]) anaLogs.push(await createSubmittedLog(a.assignmentId, { quantity }));
  // Another worker's one log, received with "receive all" too: the one lot's own notice.
  const b = await assignedWork(world, bea, 100);
  const beaLog = await createSubmittedLog(b.assignmentId, { quantity: 25 });
  const before = await lastNoticeId();
  const all = await receiveAllAsLogged(coordinator, a.assignmentId, anaLogs, new Date(), newSubmissionKey());
  expect(all).toMatchObject({ ok: true, logs: 3, pieces: 120 });
  expect(await receiveAllAsLogged(coordinator, b.assignmentId, [beaLog], new Date(), newSubmissionKey())).toMatchObject(
    { ok: true, logs: 1, pieces: 25 },
  );
  expect(await db().lot.count({ where: { assignmentId: a.assignmentId } })).toBe(3);
  const anas = await noticesOf(ana, before);
  expect(anas).toHaveLength(1);
  expect(anas[0]).toMatchObject({
    kind: "lots.received",
    path: "/worker#month-logs-heading",
    subjectId: a.assignmentId,
  });
  expect(JSON.parse(anas[0]!.params)).toEqual({ product, logs: 3, n: 120 });
  const beas = await noticesOf(bea, before);
  expect(beas).toHaveLength(1);
  const beaLot = await db().lot.findFirstOrThrow({ where: { pieceLogId: beaLog }, select: { id: true } });
  expect(beas[0]).toMatchObject({ kind: "lot.received", subjectId: beaLot.id });
  expect(JSON.parse(beas[0]!.params)).toEqual({ product, n: 25 });
  // Nobody else heard of it: the third worker, the coordinator.
  expect(await noticesOf(cai, before)).toEqual([]);
  expect(await db().notice.count({ where: { id: { gt: before } } })).toBe(2);

  // She reads it in her language: "已收货：…，3 次报工，共点收 120 件".
  const list = await callLoader(noticeList.loader, "/notices", await loginAs(ana));
  const [shown] = (list.data as { notices: { kind: string; params: Record<string, string | number> }[] }).notices;
  expect(shown).toMatchObject({ kind: "lots.received", params: { product, logs: 3, n: 120 } });
  expect(translate("zh-CN", "notices.kind.lots.received", shown!.params)).toBe(
    `已收货：${product}，3 次报工，共点收 120 件`,
  );
  expect(translate("en", "notices.kind.lots.received", shown!.params)).toBe(
    `Received: ${product}, 3 logs, 120 pieces counted`,
  );

  // One log received on its own: one notice, of that lot. Then "receive all" of the four listed, one of
  // them received meanwhile: one notice, of the three it received.
  const more = [];
  for (const quantity of [5, 6, 7, 8]) more.push(await createSubmittedLog(a.assignmentId, { quantity }));
  const beforeOne = await lastNoticeId();
  expect(
    (
      await receiveLog(
        coordinator,
        a.assignmentId,
        { pieceLogId: more[0]!, counted: 5, reason: "" },
        new Date(),
        newSubmissionKey(),
      )
    ).ok,
  ).toBe(true);
  const one = await noticesOf(ana, beforeOne);
  expect(one.map((n) => [n.kind, JSON.parse(n.params)])).toEqual([["lot.received", { product, n: 5 }]]);
  const beforeRest = await lastNoticeId();
  expect(await receiveAllAsLogged(coordinator, a.assignmentId, more, new Date(), newSubmissionKey())).toMatchObject({
    ok: true,
    logs: 3,
    pieces: 21,
  });
  const rest = await noticesOf(ana, beforeRest);
  expect(rest.map((n) => [n.kind, JSON.parse(n.params)])).toEqual([["lots.received", { product, logs: 3, n: 21 }]]);
});

test("receive all whose one notice cannot be written receives nothing", async () => {
  const world = await createOrderWorld({ workers: 1 });
  const worker = world.workers[0]!;
  const { assignmentId } = await assignedWork(world, worker, 30);
  const logs = [
    await createSubmittedLog(assignmentId, { quantity: 4 }),
    await createSubmittedLog(assignmentId, { quantity: 6 }),
  ];
  const before = await lastNoticeId();
  const drop = await failInsertsInto("Notice", `NEW."kind" = 'lots.received'`);
  try {
    await expect(
      receiveAllAsLogged(actorOf(world.coordinator), assignmentId, logs, new Date(), newSubmissionKey()),
    ).rejects.toThrow();
  } finally {
    await drop();
  }
  expect(await writtenSince(before)).toEqual([]);
  expect(await db().lot.count({ where: { assignmentId } })).toBe(0);
  expect(await db().pieceLog.count({ where: { id: { in: logs }, status: "submitted" } })).toBe(2);
});

test("a rolled-back event leaves no notice; an event whose notice cannot be written does not happen", async () => {
  const world = await createOrderWorld({ workers: 1 });
  const worker = world.workers[0]!;
  const coordinator = actorOf(world.coordinator);
  const { assignmentId } = await assignedWork(world, worker, 30);
  const fine = await createSubmittedLog(assignmentId, { quantity: 5 });
  const doomed = await createSubmittedLog(assignmentId, { quantity: 13 });
  const before = await lastNoticeId();

  // Receiving both logs in one transaction: the second lot fails after the first lot was written.
  const drop = await failInsertsInto("Lot", `NEW."quantity" = 13`);
  try {
    await expect(
      receiveAllAsLogged(coordinator, assignmentId, [fine, doomed], new Date(), newSubmissionKey()),
    ).rejects.toThrow();
  } finally {
    await drop();
  }
  expect(await writtenSince(before)).toEqual([]);
  expect(await db().lot.count({ where: { assignmentId } })).toBe(0);

  // The notice itself refused: the order stays pending, nothing of the decision is kept.
  const pending = await createOrderRow(world, { quantity: 10, status: "pending", dueOn: "2099-12-31" });
  const dropNotice = await failInsertsInto("Notice", `NEW."kind" = 'order.accepted'`);
  try {
    await expect(decideOrder(coordinator, pending, "accept", "", new Date())).rejects.toThrow();
  } finally {
    await dropNotice();
  }
  expect((await db().order.findUniqueOrThrow({ where: { id: pending } })).status).toBe("pending");
  expect(await db().auditEvent.count({ where: { entityId: pending } })).toBe(0);
});

test("settling 1,000+ workers writes one notice each, in one statement inside the settlement", async () => {
  const month = await generateMonth({ workers: 1_300, products: 3, lotsPerWorker: 3, seed: 7, month: "2026-10" });
  const actor = { userId: month.coordinatorId, workshopId: month.workshopId };
  const started = performance.now();
  const settled = await settleMonth(actor, month.month, new Date("2026-11-15T04:00:00Z"));
  const settleMs = performance.now() - started;
  expect(settled.ok).toBe(true);
  const slips = await db().payslip.findMany({
    where: { workshopId: month.workshopId },
    select: { id: true, workerId: true },
  });
  expect(slips.length).toBeGreaterThan(1_000);
  const notices = await db().notice.findMany({ where: { workshopId: month.workshopId } });
  expect(notices).toHaveLength(slips.length);
  expect(new Set(notices.map((n) => n.recipientId))).toEqual(new Set(slips.map((s) => s.workerId)));
  expect(new Set(notices.map((n) => n.subjectId))).toEqual(new Set(slips.map((s) => s.id)));
  expect(notices.every((n) => n.kind === "payslip.ready" && n.path === "/worker/pay/2026-10")).toBe(true);

  // The notices' part of that: one statement, whatever the number of workers (counted on a proxy of the transaction).
  const period = await db().payPeriod.findFirstOrThrow({ where: { workshopId: month.workshopId } });
  let statements = 0;
  let timed = 0;
  await db()
    .$transaction(async (tx) => {
      const counted = new Proxy(tx, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver) as unknown;
          if (typeof value !== "function") return value;
          return (...args: unknown[]) => {
            statements += 1;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      const t0 = performance.now();
      const written = await noticePayslipsReady(counted, month.workshopId, period.id, month.month);
      timed = performance.now() - t0;
      expect(written).toBe(slips.length);
      throw new Error("roll back the test's second set");
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error) || error.message !== "roll back the test's second set") throw error;
    });
  expect(statements).toBe(1);
  expect(await db().notice.count({ where: { workshopId: month.workshopId } })).toBe(slips.length);
  console.info(
    `settled ${slips.length} workers in ${Math.round(settleMs)} ms; their notices' INSERT ... SELECT took ${Math.round(timed * 10) / 10} ms`,
  );
});
