// The pay pages (月结 and 我的工资, ADR 022), called the way Remix calls them, on
// a small month of real lots (received and checked through the real models):
// the preview's figures per worker and in total; a bonus through the page's form
// (a resent form adds one), a correction that names no month refused with the
// typed values kept; settling through the confirm form: a stale net total is
// refused with the new figures and nothing written, the right one writes the
// payslips, the same form again answers the first settle, a second settle is
// refused in words; a bonus for the settled month is refused; the worker sees
// her own payslip and the lots and logs behind a line, 404 for anything else;
// 我确认 once; a query and its answer kept for both.
import { expect, test } from "vitest";
import { addMonths, chinaMonth } from "../../app/domain/dates.ts";
import { parseMsg } from "../../app/forms/fields.ts";
import { isMessageKey, messages, translate } from "../../app/i18n/index.ts";
import { db } from "../../app/infra/db.server.ts";
import * as coordinatorLayout from "../../app/routes/coordinator.tsx";
import * as months from "../../app/routes/coordinator.pay._index.tsx";
import * as monthPage from "../../app/routes/coordinator.pay.$month.tsx";
import * as slipPage from "../../app/routes/coordinator.pay.$month_.$workerId.tsx";
import * as printPage from "../../app/routes/coordinator.pay.$month_.print.tsx";
import * as workerList from "../../app/routes/worker.pay._index.tsx";
import * as workerSlip from "../../app/routes/worker.pay.$month.tsx";
import * as workerLine from "../../app/routes/worker.pay.$month_.lines.$lineId.tsx";
import { createOrderRow, createOrderWorld, type OrderWorld } from "../support/catalogue-fixtures.ts";
import { callAction, callLoader, location, loginAs, noticeOf, type Outcome } from "../support/fixtures.ts";
import { checkedLot, createRate } from "../support/pay-fixtures.ts";

type Failure = { ok: false; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };
type MonthData = Awaited<ReturnType<typeof monthPage.loader>>;
type SlipData = Awaited<ReturnType<typeof workerSlip.loader>>;

// The month two months before now (China time): ended, so it can be settled.
const MONTH = addMonths(chinaMonth(new Date()), -2);
const NEXT = addMonths(MONTH, 1);
const at = (day: string, month = MONTH) => new Date(`${month}-${day}T02:00:00Z`);

/** Every error of a 400 is a dictionary key with a Chinese and an English text, placeholders filled. */
function expectWords(failure: Failure) {
  for (const message of [...Object.values(failure.fieldErrors), failure.formError].filter(Boolean) as string[]) {
    const { key, params } = parseMsg(message);
    expect(isMessageKey(key), key).toBe(true);
    if (isMessageKey(key)) {
      expect(messages[key]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      for (const locale of ["zh-CN", "en"] as const) expect(translate(locale, key, params)).not.toMatch(/\{\w+\}/);
    }
  }
}

/**
 * Worker 0: 100 passed and 41 with 1 rejected at ¥0.35 (140 × 0.35 = ¥49.00), plus 10 checked next month
 * (not this month's pay). Worker 1: 30 at ¥1.2345 (37.035 → ¥37.04, half-up).
 */
async function month(world?: OrderWorld) {
  const w = world ?? (await createOrderWorld());
  const orderId = await createOrderRow(w, { quantity: 10_000, dueOn: "2099-12-31" });
  const cheap = await createRate(w, 3_500n);
  const dear = await createRate(w, 12_345n);
  const [a, b] = [w.workers[0]!, w.workers[1]!];
  const first = await checkedLot(w, orderId, {
    workerId: a.id,
    quantity: 100,
    rateId: cheap,
    rateE4: 3_500n,
    loggedAt: at("03"),
    checkedAt: at("05"),
  });
  const second = await checkedLot(w, orderId, {
    workerId: a.id,
    quantity: 41,
    rejected: 1,
    rateId: cheap,
    rateE4: 3_500n,
    loggedAt: at("10"),
    checkedAt: at("12"),
    assignmentId: first.assignmentId,
  });
  await checkedLot(w, orderId, {
    workerId: a.id,
    quantity: 10,
    rateId: cheap,
    rateE4: 3_500n,
    loggedAt: at("28"),
    checkedAt: at("02", NEXT),
    assignmentId: first.assignmentId,
  });
  await checkedLot(w, orderId, {
    workerId: b.id,
    quantity: 30,
    rateId: dear,
    rateE4: 12_345n,
    loggedAt: at("07"),
    checkedAt: at("08"),
  });
  return { world: w, a, b, lots: [first, second], coordinator: await loginAs(w.coordinator) };
}

const monthPath = `/coordinator/pay/${MONTH}`;

async function openMonth(cookie: string, query = ""): Promise<MonthData> {
  const page = await callLoader(monthPage.loader, `${monthPath}${query}`, cookie, { params: { month: MONTH } });
  expect(page.status).toBe(200);
  return page.data as MonthData;
}

function post(cookie: string, fields: Record<string, string>): Promise<Outcome> {
  return callAction(monthPage.action, monthPath, fields, cookie, { params: { month: MONTH } });
}

function bonus(cookie: string, workerId: string, key: string, amount = "50") {
  return post(cookie, {
    intent: "adjust",
    submissionKey: key,
    workerId,
    kind: "bonus",
    amount,
    reason: "全勤奖",
    correctsMonth: "",
  });
}

test("the preview shows each worker's figures and the totals; a bonus through the form counts once; a correction naming no month is refused, keeping what she typed", async () => {
  const { a, b, coordinator } = await month();
  const list = await callLoader(months.loader, "/coordinator/pay", coordinator);
  expect((list.data as Awaited<ReturnType<typeof months.loader>>).open.map((m) => m.month)).toContain(MONTH);

  const page = await openMonth(coordinator);
  expect(page.state).toBe("open");
  const rows = page.preview!.rows;
  expect(rows.map((r) => [r.workerId, r.pieces, r.bonuses, r.tax, r.charges, r.net])).toEqual(
    expect.arrayContaining([
      [a.id, "¥49.00", "¥0.00", "¥0.00", "¥0.00", "¥49.00"],
      [b.id, "¥37.04", "¥0.00", "¥0.00", "¥0.00", "¥37.04"],
    ]),
  );
  expect(rows[0]!.name).not.toBe("");
  expect(page.preview!.totals).toMatchObject({ workers: 2, net: "¥86.04", gross: "¥86.04" });
  expect(page.preview!.expectedNetFen).toBe("8604");
  expect(page.preview!.unpricedPieces).toBe(0);

  const key = page.preview!.adjustKey;
  for (const answer of [await bonus(coordinator, a.id, key), await bonus(coordinator, a.id, key)]) {
    expect(answer.status).toBe(302);
    expect(location(answer)).toBe(monthPath);
    expect(await noticeOf(answer, coordinator)).toMatchObject({ key: "pay.bonusAdded", params: { amount: "¥50.00" } });
  }
  expect(await db().payAdjustment.count({ where: { workerId: a.id } })).toBe(1);

  const refused = await post(coordinator, {
    intent: "adjust",
    submissionKey: (await openMonth(coordinator)).preview!.adjustKey,
    workerId: b.id,
    kind: "correction",
    amount: "-3.5",
    reason: "上月多算",
    correctsMonth: "",
  });
  expect(refused.status).toBe(400);
  const failure = refused.data as Failure;
  expect(failure.fieldErrors).toEqual({ correctsMonth: "pay.correctsMonthRequired" });
  expect(failure.values).toMatchObject({ amount: "-3.5", reason: "上月多算", kind: "correction" });
  expectWords(failure);

  const after = await openMonth(coordinator);
  expect(after.preview!.totals.net).toBe("¥136.04");
  expect(after.preview!.adjustments).toEqual([
    expect.objectContaining({ kind: "bonus", amount: "¥50.00", reason: "全勤奖" }),
  ]);
});

test("settling goes through the confirm step: a stale net total is refused with the new figures; the right one writes the payslips once; a second settle and a later bonus are refused in words", async () => {
  const { a, b, coordinator } = await month();
  const shown = await openMonth(coordinator, "?settle=confirm");
  expect(shown.confirming).toBe(true);
  const stale = shown.preview!;
  await bonus(coordinator, a.id, stale.adjustKey);

  const changed = await post(coordinator, {
    intent: "settle",
    submissionKey: stale.settleKey,
    expectedNetFen: stale.expectedNetFen,
  });
  expect(changed.status).toBe(400);
  expect(parseMsg((changed.data as Failure).formError!)).toEqual({
    key: "pay.changed",
    params: { workers: "2", net: "¥136.04" },
  });
  expectWords(changed.data as Failure);
  expect(await db().payPeriod.count({ where: { workshopId: a.workshopId! } })).toBe(0);
  expect(await db().payslip.count({ where: { workshopId: a.workshopId! } })).toBe(0);

  const fresh = (await openMonth(coordinator, "?settle=confirm")).preview!;
  expect(fresh.expectedNetFen).toBe("13604");
  const form = { intent: "settle", submissionKey: fresh.settleKey, expectedNetFen: fresh.expectedNetFen };
  const settled = await post(coordinator, form);
  expect(settled.status).toBe(302);
  expect(await noticeOf(settled, coordinator)).toMatchObject({ key: "pay.settled", params: { n: 2, net: "¥136.04" } });
  const resent = await post(coordinator, form);
  expect(resent.status).toBe(302);
  expect(await noticeOf(resent, coordinator)).toMatchObject({ key: "pay.settledAgain" });
  expect(await db().payslip.count({ where: { workshopId: a.workshopId! } })).toBe(2);

  const again = await post(coordinator, { ...form, submissionKey: fresh.adjustKey });
  expect(again.status).toBe(400);
  expect((again.data as Failure).formError).toBe("pay.alreadySettled");
  expectWords(again.data as Failure);

  const late = await bonus(coordinator, b.id, fresh.adjustKey.replace(/^./, "x"));
  expect(late.status).toBe(400);
  expect((late.data as Failure).formError).toBe("pay.adjustSettled");
  expect(await db().payAdjustment.count({ where: { workerId: b.id } })).toBe(0);

  const page = await openMonth(coordinator);
  expect(page.state).toBe("settled");
  expect(page.slips!.rows.map((r) => [r.workerId, r.net, r.acknowledged])).toEqual(
    expect.arrayContaining([
      [a.id, "¥99.00", false],
      [b.id, "¥37.04", false],
    ]),
  );
  expect(page.slips!.totals).toMatchObject({ workers: 2, net: "¥136.04" });
  const period = await db().payPeriod.findFirstOrThrow({ where: { workshopId: a.workshopId!, month: MONTH } });
  expect(period.netFen).toBe(13_604n);

  const list = (await callLoader(months.loader, "/coordinator/pay", coordinator)).data as Awaited<
    ReturnType<typeof months.loader>
  >;
  expect(list.open.map((m) => m.month)).not.toContain(MONTH);
  expect(list.settled).toEqual([expect.objectContaining({ month: MONTH, workers: 2, net: "¥136.04" })]);

  const print = await callLoader(printPage.loader, `${monthPath}/print`, coordinator, { params: { month: MONTH } });
  const printed = print.data as Awaited<ReturnType<typeof printPage.loader>>;
  expect(printed.slips).toHaveLength(2);
  expect(printed.slips.find((s) => s.workerId === a.id)).toMatchObject({
    net: "¥99.00",
    pieceLines: [expect.objectContaining({ pieces: 140, amount: "¥49.00", rate: "¥0.35" })],
    bonuses: [expect.objectContaining({ amount: "¥50.00", reason: "全勤奖" })],
  });
  expect(printed.totals.net).toBe("¥136.04");
});

test("the worker sees her own payslip and the lots and logs behind a line, 404 for anyone else's; 我确认 once; a query and its answer are kept for both", async () => {
  const { world, a, b, lots, coordinator } = await month();
  const fresh = (await openMonth(coordinator)).preview!;
  expect(
    (
      await post(coordinator, {
        intent: "settle",
        submissionKey: fresh.settleKey,
        expectedNetFen: fresh.expectedNetFen,
      })
    ).status,
  ).toBe(302);
  const cookie = await loginAs(a);
  const params = { month: MONTH };

  const list = (await callLoader(workerList.loader, "/worker/pay", cookie)).data as Awaited<
    ReturnType<typeof workerList.loader>
  >;
  expect(list.slips).toEqual([expect.objectContaining({ month: MONTH, net: "¥49.00", acknowledged: false })]);
  const page = await callLoader(workerSlip.loader, `/worker/pay/${MONTH}`, cookie, { params });
  const { slip, queryKey } = page.data as SlipData;
  expect(slip).toMatchObject({ workerId: a.id, net: "¥49.00", pay: "¥49.00", tax: "¥0.00", bonuses: [], charges: [] });
  expect(slip.pieceLines).toEqual([expect.objectContaining({ pieces: 140, rate: "¥0.35", amount: "¥49.00" })]);
  const lineId = slip.pieceLines[0]!.id;

  // Another month (none for her), another worker's line: not found.
  const none = await callLoader(workerSlip.loader, `/worker/pay/${NEXT}`, cookie, { params: { month: NEXT } });
  expect(none.status).toBe(404);
  const theirs = await db().payslipLine.findFirstOrThrow({ where: { payslip: { workerId: b.id }, kind: "piece" } });
  const other = await callLoader(workerLine.loader, `/worker/pay/${MONTH}/lines/${theirs.id}`, cookie, {
    params: { month: MONTH, lineId: theirs.id },
  });
  expect(other.status).toBe(404);
  // Another workshop's coordinator does not find her payslip.
  const elsewhere = await createOrderWorld();
  const foreign = await callLoader(slipPage.loader, `${monthPath}/${a.id}`, await loginAs(elsewhere.coordinator), {
    params: { month: MONTH, workerId: a.id },
  });
  expect(foreign.status).toBe(404);

  // The trace: the two lots checked in the month (not next month's), each with its log.
  const trace = await callLoader(workerLine.loader, `/worker/pay/${MONTH}/lines/${lineId}`, cookie, {
    params: { month: MONTH, lineId },
  });
  const traced = trace.data as Awaited<ReturnType<typeof workerLine.loader>>;
  expect(traced.line).toMatchObject({ pieces: 140, amount: "¥49.00" });
  expect(traced.lots.map((l) => [l.id, l.checkedOn, l.passed, l.rejected, l.log?.loggedOn, l.log?.quantity])).toEqual([
    [lots[0]!.lotId, `${MONTH}-05`, 100, 0, `${MONTH}-03`, 100],
    [lots[1]!.lotId, `${MONTH}-12`, 40, 1, `${MONTH}-10`, 41],
  ]);

  // 我确认, twice: the second changes nothing.
  const ack = () =>
    callAction(workerSlip.action, `/worker/pay/${MONTH}`, { intent: "acknowledge", payslipId: slip.id }, cookie, {
      params,
    });
  const first = await ack();
  expect(await noticeOf(first, cookie)).toMatchObject({ key: "pay.worker.acknowledgedNow" });
  const stamped = (await db().payslip.findUniqueOrThrow({ where: { id: slip.id } })).acknowledgedAt;
  expect(stamped).not.toBeNull();
  expect(await noticeOf(await ack(), cookie)).toMatchObject({ key: "pay.worker.acknowledgedAlready" });
  expect((await db().payslip.findUniqueOrThrow({ where: { id: slip.id } })).acknowledgedAt).toEqual(stamped);
  expect(await db().auditEvent.count({ where: { action: "payslip.acknowledge", entityId: slip.id } })).toBe(1);

  // A query: empty is refused; the text is kept once however often the form is sent.
  const ask = (text: string) =>
    callAction(
      workerSlip.action,
      `/worker/pay/${MONTH}`,
      { intent: "query", submissionKey: queryKey, payslipId: slip.id, text },
      cookie,
      {
        params,
      },
    );
  const empty = await ask("   ");
  expect(empty.status).toBe(400);
  expect((empty.data as Failure).fieldErrors).toEqual({ text: "error.required" });
  const question = "为什么少了一件？第二批我交了 41 件。";
  for (const answer of [await ask(question), await ask(question)]) {
    expect(answer.status).toBe(302);
    expect(await noticeOf(answer, cookie)).toMatchObject({ key: "pay.worker.queryRaised" });
  }
  const queries = await db().payslipQuery.findMany({ where: { payslipId: slip.id } });
  expect(queries.map((q) => q.text)).toEqual([question]);
  const badge = await callLoader(coordinatorLayout.loader, "/coordinator", coordinator);
  expect(badge.data).toMatchObject({ payQueries: 1 });

  // The coordinator answers from the payslip's page; a second, different answer is refused.
  const slipPath = `${monthPath}/${a.id}`;
  const desk = await callLoader(slipPage.loader, slipPath, coordinator, { params: { month: MONTH, workerId: a.id } });
  expect((desk.data as Awaited<ReturnType<typeof slipPage.loader>>).slip.queries).toEqual([
    expect.objectContaining({ text: question, answer: null }),
  ]);
  const reply = (answer: string) =>
    callAction(slipPage.action, slipPath, { intent: "answer", queryId: queries[0]!.id, answer }, coordinator, {
      params: { month: MONTH, workerId: a.id },
    });
  const answered = await reply("第二批有 1 件报废（边上有裂纹），只算合格的 40 件。");
  expect(answered.status).toBe(302);
  expect(await noticeOf(answered, coordinator)).toMatchObject({ key: "pay.answered" });
  const twice = await reply("另一个回答");
  expect(twice.status).toBe(400);
  expect((twice.data as Failure).formError).toBe("pay.alreadyAnswered");
  expect((await callLoader(coordinatorLayout.loader, "/coordinator", coordinator)).data).toMatchObject({
    payQueries: 0,
  });

  const seen = (await callLoader(workerSlip.loader, `/worker/pay/${MONTH}`, cookie, { params })).data as SlipData;
  expect(seen.slip.queries).toEqual([
    expect.objectContaining({ text: question, answer: "第二批有 1 件报废（边上有裂纹），只算合格的 40 件。" }),
  ]);
  expect(seen.slip.acknowledgedAt).not.toBeNull();
  expect(world.workshop.id).toBe(a.workshopId);
});
