// The pages of ADR 018 through their loaders and actions: the assignment page
// (reduce, cancel, reassign, hand out, take back, deduct), a material's stock
// page, the reconciliation list, the worker's ledger and her give-back page.
// Bad input answers 400 with a message in the user's language and changes
// nothing; another workshop's assignment or material is a 404 and changes
// nothing; a success redirects with its notice.
import { expect, test } from "vitest";
import { chinaMonth } from "../../app/domain/dates.ts";
import { translate, type MessageKey } from "../../app/i18n/index.ts";
import { parseMsg } from "../../app/forms/fields.ts";
import { db } from "../../app/infra/db.server.ts";
import * as assignmentPage from "../../app/routes/coordinator.assignments.$assignmentId.tsx";
import * as stockPage from "../../app/routes/coordinator.materials.$materialId.tsx";
import * as reconciliationPage from "../../app/routes/coordinator.reconciliation.tsx";
import * as workerPage from "../../app/routes/coordinator.workers.$workerId.tsx";
import * as giveBackPage from "../../app/routes/worker.tasks.$assignmentId_.give-back.tsx";
import { createOrderWorld, type OrderWorld } from "../support/catalogue-fixtures.ts";
import { callAction, callLoader, location, loginAs, noticeOf, type Outcome } from "../support/fixtures.ts";
import {
  assignedWork,
  claimedWork,
  createMaterialRow,
  e3,
  receivedLot,
  setBom,
  stockOf,
} from "../support/stock-fixtures.ts";

/** Deductions go to last, this or next month: the tests charge this month (China time). */
const THIS_MONTH = chinaMonth(new Date());

type Failure = { ok: false; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };

/** A message key with its parameters (as an action answers it) in a language. */
function said(message: string | undefined, locale: "zh-CN" | "en"): string {
  const { key, params } = parseMsg(message ?? "");
  return translate(locale, key as MessageKey, params);
}

function failure(outcome: Outcome): Failure {
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(400);
  return outcome.data as Failure;
}

async function setLocale(userId: string, locale: "zh-CN" | "en") {
  await db().user.update({ where: { id: userId }, data: { locale } });
}

async function soapWorld() {
  const world = await createOrderWorld({ workers: 2 });
  await db().product.update({ where: { id: world.product.id }, data: { lossAllowanceE2: 300 } });
  const base = await createMaterialRow(world.workshop.id, { name: "皂基", stockE3: e3("12") });
  await setBom(world.workshop.id, world.product.id, base.id, 105n);
  const cookie = await loginAs(world.coordinator);
  return { world, base, cookie };
}

async function pageKeys(world: OrderWorld, cookie: string, assignmentId: string) {
  const page = await callLoader(assignmentPage.loader, `/coordinator/assignments/${assignmentId}`, cookie, {
    params: { assignmentId },
  });
  expect(page.status).toBe(200);
  return (page.data as { keys: Record<string, string> & { deduct: Record<string, string> } }).keys;
}

function post(cookie: string, assignmentId: string, fields: Record<string, string>) {
  return callAction(assignmentPage.action, `/coordinator/assignments/${assignmentId}`, fields, cookie, {
    params: { assignmentId },
  });
}

async function snapshotOf(assignmentId: string, materialId: string) {
  const [a, stock, movements, audit] = await Promise.all([
    db().assignment.findUniqueOrThrow({ where: { id: assignmentId } }),
    stockOf(materialId),
    db().materialMovement.count(),
    db().auditEvent.count(),
  ]);
  // updatedAt too: a refusal after the assignment's row was locked rolls the lock's write back.
  return { quantity: a.quantity, status: a.status, updatedAt: a.updatedAt, stock, movements, audit };
}

test("handing out and taking back through the assignment page: bad quantities, too much, or more than she holds answer 400 in her language and change nothing", async () => {
  const { world, base, cookie } = await soapWorld();
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 100);
  const keys = await pageKeys(world, cookie, assignmentId);
  const before = await snapshotOf(assignmentId, base.id);

  const tooPrecise = failure(
    await post(cookie, assignmentId, {
      intent: "issue",
      submissionKey: keys.issue!,
      materialId: base.id,
      quantity: "1.2345",
    }),
  );
  expect(said(tooPrecise.fieldErrors.quantity, "zh-CN")).toBe(
    translate("zh-CN", "error.tooManyDecimals", { maxDecimals: 3 }),
  );
  expect(tooPrecise.values).toMatchObject({ intent: "issue", quantity: "1.2345" });
  const none = failure(
    await post(cookie, assignmentId, { intent: "issue", submissionKey: keys.issue!, quantity: "0" }),
  );
  expect(Object.keys(none.fieldErrors).sort()).toEqual(["materialId", "quantity"]);
  const tooMuch = failure(
    await post(cookie, assignmentId, {
      intent: "issue",
      submissionKey: keys.issue!,
      materialId: base.id,
      quantity: "12.5",
    }),
  );
  expect(said(tooMuch.fieldErrors.quantity, "zh-CN")).toBe("库存不够：只有 12 千克");
  const expired = failure(await post(cookie, assignmentId, { intent: "issue", materialId: base.id, quantity: "1" }));
  expect(expired.formError).toBe("form.expired");
  expect(await snapshotOf(assignmentId, base.id)).toEqual(before);

  // In English for a coordinator who reads English.
  await setLocale(world.coordinator.id, "en");
  const inEnglish = failure(
    await post(cookie, assignmentId, {
      intent: "issue",
      submissionKey: keys.issue!,
      materialId: base.id,
      quantity: "12.001",
    }),
  );
  expect(said(inEnglish.fieldErrors.quantity, "en")).toBe("Not enough in stock: only 12 kg on hand");
  await setLocale(world.coordinator.id, "zh-CN");

  const handed = await post(cookie, assignmentId, {
    intent: "issue",
    submissionKey: keys.issue!,
    materialId: base.id,
    quantity: "10.000",
  });
  expect(handed.status).toBe(302);
  expect(location(handed)).toBe(`/coordinator/assignments/${assignmentId}`);
  expect(await noticeOf(handed, cookie)).toMatchObject({
    key: "materialMove.handedOut",
    params: { q: "10", unit: "kg", name: "皂基" },
    at: "materials",
  });
  expect(await stockOf(base.id)).toBe(2_000n);

  const fresh = await pageKeys(world, cookie, assignmentId);
  const overReturn = failure(
    await post(cookie, assignmentId, {
      intent: "return",
      submissionKey: fresh.return!,
      materialId: base.id,
      quantity: "10.001",
    }),
  );
  expect(said(overReturn.fieldErrors.quantity, "zh-CN")).toBe("退料不能多于她手上的 10 千克");
  const back = await post(cookie, assignmentId, {
    intent: "return",
    submissionKey: fresh.return!,
    materialId: base.id,
    quantity: "0.3",
  });
  expect(back.status).toBe(302);
  expect(await stockOf(base.id)).toBe(2_300n);

  // The page shows what she holds and the BOM snapshot, formatted on the server.
  const page = await callLoader(assignmentPage.loader, `/coordinator/assignments/${assignmentId}`, cookie, {
    params: { assignmentId },
  });
  const data = page.data as {
    held: { materialName: string; issued: string; returned: string; held: string }[];
    snapshot: { name: string; perPiece: string }[];
  };
  expect(data.held).toEqual([
    { key: base.id, materialName: "皂基", unit: "kg", issued: "10", returned: "0.3", held: "9.7" },
  ]);
  expect(data.snapshot).toEqual([{ materialId: base.id, name: "皂基", perPiece: "0.105 千克/件" }]);
});

test("the assignment page names what she still holds (issued − returned, with its unit) for the cancel and reduce notes, and each material to choose carries its unit", async () => {
  const { world, base, cookie } = await soapWorld();
  const oil = await createMaterialRow(world.workshop.id, { name: "精油", unit: "ml", stockE3: e3("500") });
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 20);
  type Page = {
    holding: { materialId: string; name: string; q: string; unit: string }[];
    issueOptions: { value: string; unit: string }[];
    returnOptions: { value: string; unit: string }[];
    held: { key: string; held: string }[];
  };
  const view = async () =>
    (
      await callLoader(assignmentPage.loader, `/coordinator/assignments/${assignmentId}`, cookie, {
        params: { assignmentId },
      })
    ).data as Page;
  expect((await view()).holding).toEqual([]);
  const move = async (intent: "issue" | "return", materialId: string, quantity: string) => {
    const keys = await pageKeys(world, cookie, assignmentId);
    const outcome = await post(cookie, assignmentId, { intent, submissionKey: keys[intent]!, materialId, quantity });
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  };
  await move("issue", base.id, "1.05");
  await move("issue", oil.id, "10");
  const holding = await view();
  // In the held table's order: by name as Chinese sorts it (精油 jīng before 皂基 zào).
  expect(holding.holding).toEqual([
    { materialId: oil.id, name: "精油", q: "10", unit: "ml" },
    { materialId: base.id, name: "皂基", q: "1.05", unit: "kg" },
  ]);
  expect(holding.issueOptions.map((o) => [o.value, o.unit])).toEqual(
    expect.arrayContaining([
      [base.id, "kg"],
      [oil.id, "ml"],
    ]),
  );
  expect(holding.returnOptions.map((o) => [o.value, o.unit])).toEqual([
    [oil.id, "ml"],
    [base.id, "kg"],
  ]);

  // All the soap base back: she holds only the oil; the held table still lists both.
  await move("return", base.id, "1.05");
  const after = await view();
  expect(after.holding).toEqual([{ materialId: oil.id, name: "精油", q: "10", unit: "ml" }]);
  expect(after.held.map((h) => h.held)).toEqual(["10", "0"]);
});

test("another workshop's assignment and material are not found: pages 404, forms 404, nothing changes", async () => {
  const { world, base } = await soapWorld();
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 10);
  const other = await createOrderWorld();
  const stranger = await loginAs(other.coordinator);
  const before = await snapshotOf(assignmentId, base.id);
  const params = { assignmentId };
  const path = `/coordinator/assignments/${assignmentId}`;

  expect((await callLoader(assignmentPage.loader, path, stranger, { params })).status).toBe(404);
  for (const fields of <Record<string, string>[]>[
    { intent: "reduce", quantity: "5" },
    { intent: "cancel" },
    { intent: "issue", materialId: base.id, quantity: "1" },
    { intent: "return", materialId: base.id, quantity: "1" },
  ]) {
    const outcome = await callAction(
      assignmentPage.action,
      path,
      { ...fields, submissionKey: "k".repeat(22) },
      stranger,
      {
        params,
      },
    );
    expect(outcome.status, fields.intent).toBe(404);
  }
  const materialParams = { materialId: base.id };
  const materialPath = `/coordinator/materials/${base.id}`;
  expect((await callLoader(stockPage.loader, materialPath, stranger, { params: materialParams })).status).toBe(404);
  const receive = await callAction(
    stockPage.action,
    materialPath,
    { intent: "receive", submissionKey: "k".repeat(22), quantity: "5", source: "bought" },
    stranger,
    { params: materialParams },
  );
  expect(receive.status).toBe(404);
  expect(
    (
      await callLoader(workerPage.loader, `/coordinator/workers/${world.workers[0]!.id}`, stranger, {
        params: { workerId: world.workers[0]!.id },
      })
    ).status,
  ).toBe(404);
  expect(await snapshotOf(assignmentId, base.id)).toEqual(before);
});

test("reduce, reassign and cancel through the page: refusals in words, successes with their notices", async () => {
  const { world, cookie } = await soapWorld();
  const { orderId, assignmentId } = await assignedWork(world, world.workers[0]!, 40, 60);
  await db().assignment.update({ where: { id: assignmentId }, data: { loggedQuantity: 10 } });
  let keys = await pageKeys(world, cookie, assignmentId);

  const below = failure(
    await post(cookie, assignmentId, { intent: "reduce", submissionKey: keys.reduce!, quantity: "9" }),
  );
  expect(said(below.fieldErrors.quantity, "zh-CN")).toBe("已经报工 10 件，不能少于这个数");
  const reduced = await post(cookie, assignmentId, { intent: "reduce", submissionKey: keys.reduce!, quantity: "30" });
  expect(reduced.status).toBe(302);
  const notice = await noticeOf(reduced, cookie);
  expect(notice).toMatchObject({
    key: "assignment.reduced",
    params: { n: 10, unit: "piece", place: "退回订单（未安排）" },
  });

  keys = await pageKeys(world, cookie, assignmentId);
  const late = failure(
    await post(cookie, assignmentId, {
      intent: "reassign",
      submissionKey: keys.reassign!,
      workerId: world.workers[1]!.id,
      quantity: "5",
      dueOn: "2100-01-01",
    }),
  );
  expect(said(late.fieldErrors.dueOn, "zh-CN")).toMatch(/^不能晚于订单交货日期 2099/);
  const tooMany = failure(
    await post(cookie, assignmentId, {
      intent: "reassign",
      submissionKey: keys.reassign!,
      workerId: world.workers[1]!.id,
      quantity: "21",
      dueOn: "2099-01-01",
    }),
  );
  expect(said(tooMany.fieldErrors.quantity, "zh-CN")).toBe("最多只能改派未报工的 20 件");
  const moved = await post(cookie, assignmentId, {
    intent: "reassign",
    submissionKey: keys.reassign!,
    workerId: world.workers[1]!.id,
    quantity: "5",
    dueOn: "2099-01-01",
  });
  expect(moved.status).toBe(302);
  expect(await noticeOf(moved, cookie)).toMatchObject({
    key: "assignment.reassigned",
    params: { n: 5, worker: world.workers[1]!.name },
  });

  // The cancel confirmation step is a page state (?cancel=confirm); the cancel keeps the 10 logged pieces.
  keys = await pageKeys(world, cookie, assignmentId);
  const cancelled = await post(cookie, assignmentId, { intent: "cancel", submissionKey: keys.cancel! });
  expect(cancelled.status).toBe(302);
  expect(await noticeOf(cancelled, cookie)).toMatchObject({
    key: "assignment.cancelledPartly",
    params: { n: 15, logged: 10 },
  });
  const again = failure(
    await post(cookie, assignmentId, {
      intent: "cancel",
      submissionKey: (await pageKeys(world, cookie, assignmentId)).cancel!,
    }),
  );
  expect(said(again.formError, "zh-CN")).toBe("全部都已报工，没有可以退回的");
  const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
  expect(order.allocatedQuantity).toBe(15); // 10 logged with her, 5 with the other worker
});

test("receiving through the stock page: a partner's supply needs an order; the page shows in, out, back and on hand", async () => {
  const { world, base, cookie } = await soapWorld();
  const params = { materialId: base.id };
  const path = `/coordinator/materials/${base.id}`;
  const page = await callLoader(stockPage.loader, path, cookie, { params });
  const key = (page.data as { key: string }).key;

  const noOrder = failure(
    await callAction(
      stockPage.action,
      path,
      { intent: "receive", submissionKey: key, quantity: "5", source: "partner" },
      cookie,
      {
        params,
      },
    ),
  );
  expect(said(noOrder.fieldErrors.orderId, "zh-CN")).toBe("请选择是哪个订单的料");
  const negative = failure(
    await callAction(
      stockPage.action,
      path,
      { intent: "receive", submissionKey: key, quantity: "-5", source: "bought" },
      cookie,
      {
        params,
      },
    ),
  );
  expect(said(negative.fieldErrors.quantity, "zh-CN")).toBe(translate("zh-CN", "error.negative"));
  expect(await stockOf(base.id)).toBe(12_000n);

  const received = await callAction(
    stockPage.action,
    path,
    { intent: "receive", submissionKey: key, quantity: "25.5", source: "bought", note: "三月进货" },
    cookie,
    { params },
  );
  expect(received.status).toBe(302);
  expect(await noticeOf(received, cookie)).toMatchObject({
    key: "stock.receivedNotice",
    params: { q: "25.5", unit: "kg" },
  });
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 100);
  const keys = await pageKeys(world, cookie, assignmentId);
  await post(cookie, assignmentId, {
    intent: "issue",
    submissionKey: keys.issue!,
    materialId: base.id,
    quantity: "10",
  });
  const after = await callLoader(stockPage.loader, path, cookie, { params });
  const stock = (after.data as { stock: Record<string, unknown> & { movements: { kind: string; quantity: string }[] } })
    .stock;
  // The 12 kg written directly at set-up has no movement: in and out are the movements, on hand the column.
  expect(stock).toMatchObject({ received: "25.5", issued: "10", returned: "0", onHand: "27.5" });
  expect(stock.movements.map((m) => [m.kind, m.quantity])).toEqual([
    ["issue", "10"],
    ["receive", "25.5"],
  ]);
});

test("reconciliation page and deductions through the assignment page; the worker's ledger", async () => {
  const { world, base, cookie } = await soapWorld();
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 80);
  let keys = await pageKeys(world, cookie, assignmentId);
  await post(cookie, assignmentId, {
    intent: "issue",
    submissionKey: keys.issue!,
    materialId: base.id,
    quantity: "10",
  });
  keys = await pageKeys(world, cookie, assignmentId);
  await post(cookie, assignmentId, {
    intent: "return",
    submissionKey: keys.return!,
    materialId: base.id,
    quantity: "0.3",
  });
  await receivedLot(assignmentId, 80);

  const list = await callLoader(reconciliationPage.loader, "/coordinator/reconciliation?over=1", cookie);
  const rows = (list.data as { rows: Record<string, unknown>[] }).rows;
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    workerName: world.workers[0]!.name,
    issued: "10",
    returned: "0.3",
    expected: "8.4",
    loss: "1.3",
    lossPercent: "15.48",
    allowance: "3",
    over: true,
    proposed: "¥29.34",
    deduction: null,
  });

  keys = await pageKeys(world, cookie, assignmentId);
  const deduct = (fields: Record<string, string>) =>
    post(cookie, assignmentId, {
      intent: "deduct",
      submissionKey: keys.deduct[base.id]!,
      materialId: base.id,
      month: THIS_MONTH,
      ...fields,
    });
  const noReason = failure(await deduct({ decision: "lower", amount: "10" }));
  expect(said(noReason.fieldErrors.reason, "zh-CN")).toBe("少扣或免扣请写明原因");
  const above = failure(await deduct({ decision: "lower", amount: "29.35", reason: "x" }));
  expect(said(above.fieldErrors.amount, "zh-CN")).toBe("不能超过建议扣款 ¥29.34");
  const badMonth = failure(await deduct({ decision: "charge", month: "2026-13" }));
  expect(said(badMonth.fieldErrors.month, "zh-CN")).toBe("请选择月份");
  expect(await db().materialDeduction.count()).toBe(0);
  const lowered = await deduct({ decision: "lower", amount: "20", reason: "第一次做" });
  expect(lowered.status).toBe(302);
  expect(await noticeOf(lowered, cookie)).toMatchObject({
    key: "deduction.saved",
    params: { month: THIS_MONTH, amount: "¥20.00" },
    at: "reconciliation",
  });
  const decided = await callLoader(reconciliationPage.loader, "/coordinator/reconciliation", cookie);
  expect((decided.data as { rows: { deduction: unknown }[] }).rows[0]!.deduction).toEqual({
    status: "charged",
    amount: "¥20.00",
    month: THIS_MONTH,
    reason: "第一次做",
    outdated: false,
  });

  const ledger = await callLoader(workerPage.loader, `/coordinator/workers/${world.workers[0]!.id}`, cookie, {
    params: { workerId: world.workers[0]!.id },
  });
  expect((ledger.data as { ledger: Record<string, unknown>[] }).ledger).toEqual([
    expect.objectContaining({ assignmentId, materialName: "皂基", issued: "10", returned: "0.3", held: "9.7" }),
  ]);
});

test("a worker gives back her claim from its page; assigned work or another's claim is not hers to give back", async () => {
  const world = await createOrderWorld({ workers: 2 });
  const me = world.workers[0]!;
  const cookie = await loginAs(me);
  const { orderId, assignmentId } = await claimedWork(world, me, 20, 20, 20);
  const params = { assignmentId };
  const path = `/worker/tasks/${assignmentId}/give-back`;

  const page = await callLoader(giveBackPage.loader, path, cookie, { params });
  expect(page.data).toMatchObject({ blocked: null, task: { quantity: 20 } });
  const key = (page.data as { key: string }).key;
  const other = await loginAs(world.workers[1]!);
  expect((await callLoader(giveBackPage.loader, path, other, { params })).status).toBe(404);
  expect((await callAction(giveBackPage.action, path, { submissionKey: key }, other, { params })).status).toBe(404);

  const done = await callAction(giveBackPage.action, path, { submissionKey: key }, cookie, { params });
  expect(done.status).toBe(302);
  expect(location(done)).toBe("/worker");
  expect(await noticeOf(done, cookie)).toMatchObject({ key: "giveBack.done", params: { n: 20, unit: "piece" } });
  expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ openQuantity: 20 });

  const assigned = await assignedWork(world, me, 5);
  const assignedPath = `/worker/tasks/${assigned.assignmentId}/give-back`;
  const blocked = await callLoader(giveBackPage.loader, assignedPath, cookie, {
    params: { assignmentId: assigned.assignmentId },
  });
  expect(blocked.data).toMatchObject({ blocked: "giveBack.notClaimed" });
  const refused = failure(
    await callAction(
      giveBackPage.action,
      assignedPath,
      { submissionKey: (blocked.data as { key: string }).key },
      cookie,
      {
        params: { assignmentId: assigned.assignmentId },
      },
    ),
  );
  expect(said(refused.formError, "zh-CN")).toBe("这是协调员派给你的活，要减少请联系协调员。");
  expect(await db().assignment.findUniqueOrThrow({ where: { id: assigned.assignmentId } })).toMatchObject({
    status: "active",
  });
});
