// The export downloads (ADR 023) through their route loaders, against a real
// database (SQLite and PostgreSQL): a generated month (tests/support/pay-month.ts)
// is settled, then the payslips CSV and XLSX and the payment list are downloaded,
// read back (our own CSV reader, exceljs for the workbook) and every total is
// checked against the payslips in the database to the fen. A worker whose net is
// below 0 is listed with 0 and a note; a typed name with a comma, quotes and a
// formula survives the CSV. Statements: each delivery, the rows' total, and what
// is owed (delivered × price rounded once) with the rounding line. Access: only
// the workshop's coordinator (another workshop's sees her own, open, month: 409;
// another workshop's order: 404), workers and partners 403, the partner only its
// own orders' statements; an open month is refused with 409 and its reason.
import { expect, test } from "vitest";
import {
  amountFromMinor,
  amountFromSpreadsheetNumber,
  amountToMinor,
  amountToString,
  lineAmount,
  rateFromMinor,
} from "../../app/domain/money.ts";
import { db } from "../../app/infra/db.server.ts";
import { recordDelivery } from "../../app/models/delivery.server.ts";
import { settleMonth } from "../../app/models/settlement.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import * as coordinatorStatementCsv from "../../app/routes/coordinator.orders.$orderId_.statement[.csv].ts";
import * as coordinatorStatementXlsx from "../../app/routes/coordinator.orders.$orderId_.statement[.xlsx].ts";
import * as paymentsCsv from "../../app/routes/coordinator.pay.$month_.export.payments[.csv].ts";
import * as payslipsCsv from "../../app/routes/coordinator.pay.$month_.export.payslips[.csv].ts";
import * as payslipsXlsx from "../../app/routes/coordinator.pay.$month_.export.payslips[.xlsx].ts";
import * as partnerStatementCsv from "../../app/routes/partner.orders.$orderId_.statement[.csv].ts";
import * as partnerStatementXlsx from "../../app/routes/partner.orders.$orderId_.statement[.xlsx].ts";
import { readCsv } from "../support/csv.ts";
import {
  callLoader,
  createCoordinatorUser,
  createPartnerFirm,
  createPartnerUser,
  createTestWorkshop,
  createWorkerUser,
  getRequest,
  loginAs,
  type RouteFunction,
} from "../support/fixtures.ts";
import { generateMonth } from "../support/pay-month.ts";
import { readWorkbook } from "../support/xlsx.ts";

const MONTH = "2026-10";
const AFTER = new Date("2026-11-15T04:00:00Z");
const HOSTILE_NAME = '=王,"芳"\n二';

type Loader = { loader: RouteFunction };

/** The route's answer as bytes (callLoader reads bodies as text, which would lose nothing but the check of the BOM bytes). */
async function download(route: Loader, path: string, params: Record<string, string>, cookie: string) {
  const response = (await route.loader({
    request: getRequest(path, cookie),
    params,
    context: { clientAddress: "10.0.0.1" },
  })) as Response;
  expect(response).toBeInstanceOf(Response);
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The bytes as text with the BOM kept (a default TextDecoder drops it), read as CSV. */
const csvOf = (bytes: Uint8Array) => readCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes));
const fen = (text: string) => BigInt(text.replace(".", "")); // exact "-12.34" -> -1234n (the CSV writes canonical amounts)
const cellFen = (value: unknown) => {
  expect(typeof value).toBe("number");
  return amountToMinor(amountFromSpreadsheetNumber(value as number)); // exact, or throws if not whole fen
};

async function settledWorld() {
  const month = await generateMonth({
    workers: 14,
    products: 3,
    lotsPerWorker: 3,
    seed: 23,
    month: MONTH,
    adjustEvery: 3,
  });
  const workshopId = month.workshopId;
  // One worker with a name that needs quoting and disarming, and one whose charges exceed her pay (net < 0).
  await db().user.update({ where: { id: month.workerIds[0]! }, data: { name: HOSTILE_NAME } });
  const debtor = month.workerIds[1]!;
  const assignment = await db().assignment.findFirstOrThrow({ where: { workerId: debtor }, select: { id: true } });
  const material = await db().material.findFirstOrThrow({ where: { workshopId }, select: { id: true } });
  await db().materialDeduction.create({
    data: {
      workshopId,
      workerId: debtor,
      assignmentId: assignment.id,
      materialId: material.id,
      proposedFen: 100_000_000n,
      amountFen: 100_000_000n,
      status: "charged",
      reason: "损耗, 大额",
      month: MONTH,
      decidedById: month.coordinatorId,
    },
  });
  const settled = await settleMonth({ userId: month.coordinatorId, workshopId }, MONTH, AFTER);
  expect(settled.ok, settled.ok ? "" : settled.code).toBe(true);
  const coordinator = await createCoordinatorUser(workshopId);
  const slips = await db().payslip.findMany({
    where: { workshopId, month: MONTH },
    select: { workerId: true, payFen: true, remunerationFen: true, taxFen: true, chargesFen: true, netFen: true },
  });
  const lines = await db().payslipLine.findMany({
    where: { workshopId, payslip: { month: MONTH } },
    select: { kind: true, amountFen: true, pieces: true },
  });
  return { month, workshopId, debtor, coordinator, cookie: await loginAs(coordinator), slips, lines };
}
type World = Awaited<ReturnType<typeof settledWorld>>;
let shared: Promise<World> | undefined;
const world = () => (shared ??= settledWorld());

const sum = <T>(rows: T[], pick: (row: T) => bigint) => rows.reduce((t, r) => t + pick(r), 0n);

test("payslips.csv: a row per payslip and a total row equal to the sums of the payslips in the database, to the fen", async () => {
  const w = await world();
  const path = `/coordinator/pay/${MONTH}/export/payslips.csv`;
  const answer = await download(payslipsCsv, path, { month: MONTH }, w.cookie);
  expect(answer.status).toBe(200);
  expect(answer.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
  const disposition = answer.headers.get("Content-Disposition") ?? "";
  expect(disposition).toMatch(/^attachment; filename="payslips-2026-10\.csv"; filename\*=UTF-8''/);
  const workshopName = (await db().workshop.findUniqueOrThrow({ where: { id: w.workshopId } })).name;
  expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`${workshopName}_${MONTH}_工资条.csv`);
  expect([...answer.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  const records = csvOf(answer.bytes);
  const [header, ...rest] = records;
  expect(header).toEqual([
    "姓名",
    "手机号",
    "计件工资（元）",
    "应发劳务报酬（元）",
    "代扣个税（元）",
    "扣款（元）",
    "实发（元）",
    "本人已确认",
  ]);
  const rows = rest.slice(0, -1);
  const total = rest.at(-1)!;
  expect(rows).toHaveLength(w.slips.length);
  expect(total[0]).toBe(`合计（${w.slips.length} 人）`);
  const fields = ["payFen", "remunerationFen", "taxFen", "chargesFen", "netFen"] as const;
  fields.forEach((field, k) => {
    expect(fen(total[2 + k]!)).toBe(sum(rows, (r) => fen(r[2 + k]!)));
    expect(fen(total[2 + k]!)).toBe(sum(w.slips, (s) => s[field]));
  });
  // The typed name came through whole, disarmed; the worker in debt shows her negative net.
  expect(rows.map((r) => r[0])).toContain(`'${HOSTILE_NAME}`);
  const debtorPhone = (await db().user.findUniqueOrThrow({ where: { id: w.debtor } })).phone;
  expect(fen(rows.find((r) => r[1] === debtorPhone)![6]!)).toBeLessThan(0n);
});

test("payslips.xlsx: a summary sheet and a lines sheet whose totals read back as the database's sums", async () => {
  const w = await world();
  const answer = await download(
    payslipsXlsx,
    `/coordinator/pay/${MONTH}/export/payslips.xlsx`,
    { month: MONTH },
    w.cookie,
  );
  expect(answer.status).toBe(200);
  expect(answer.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(answer.headers.get("Content-Disposition")).toMatch(/filename="payslips-2026-10\.xlsx"/);
  const workbook = await readWorkbook(answer.bytes);
  const summary = workbook.getWorksheet("工资汇总")!;
  const rows = Array.from({ length: w.slips.length }, (_, i) => summary.getRow(2 + i));
  const total = summary.getRow(2 + w.slips.length);
  expect(total.getCell(1).value).toBe(`合计（${w.slips.length} 人）`);
  const fields = ["payFen", "remunerationFen", "taxFen", "chargesFen", "netFen"] as const;
  fields.forEach((field, k) => {
    expect(cellFen(total.getCell(3 + k).value)).toBe(sum(rows, (r) => cellFen(r.getCell(3 + k).value)));
    expect(cellFen(total.getCell(3 + k).value)).toBe(sum(w.slips, (s) => s[field]));
    expect(total.getCell(3 + k).numFmt).toBe("0.00");
  });

  const lines = workbook.getWorksheet("工资明细")!;
  const kinds = { 计件: "piece", 奖励: "bonus", 更正: "correction", 扣款: "charge" } as Record<string, string>;
  const lineRows: { kind: string; amount: bigint; total: boolean }[] = [];
  lines.eachRow((row, n) => {
    if (n === 1) return;
    lineRows.push({
      kind: kinds[String(row.getCell(3).value)]!,
      amount: cellFen(row.getCell(7).value),
      total: row.getCell(1).value === "合计",
    });
  });
  expect(lineRows.filter((r) => !r.total)).toHaveLength(w.lines.length);
  for (const kind of ["piece", "bonus", "correction", "charge"]) {
    const totalRow = lineRows.find((r) => r.total && r.kind === kind)!;
    expect(totalRow.amount).toBe(
      sum(
        lineRows.filter((r) => !r.total && r.kind === kind),
        (r) => r.amount,
      ),
    );
    expect(totalRow.amount).toBe(
      sum(
        w.lines.filter((l) => l.kind === kind),
        (l) => l.amountFen,
      ),
    );
  }
  // The lines' kinds add up to the summary: pieces = piece pay, pieces + bonuses + corrections = remuneration.
  const ofKind = (kind: string) => lineRows.find((r) => r.total && r.kind === kind)!.amount;
  expect(ofKind("piece")).toBe(sum(w.slips, (s) => s.payFen));
  expect(ofKind("piece") + ofKind("bonus") + ofKind("correction")).toBe(sum(w.slips, (s) => s.remunerationFen));
  expect(ofKind("charge")).toBe(sum(w.slips, (s) => s.chargesFen));
});

test("payments.csv: each worker's net to pay, 0 with a note when her net is not above 0; the total is the sum paid", async () => {
  const w = await world();
  const answer = await download(
    paymentsCsv,
    `/coordinator/pay/${MONTH}/export/payments.csv`,
    { month: MONTH },
    w.cookie,
  );
  expect(answer.status).toBe(200);
  expect(decodeURIComponent(answer.headers.get("Content-Disposition")!.split("UTF-8''")[1]!)).toMatch(
    /_2026-10_发放名单\.csv$/,
  );
  const [header, ...rest] = csvOf(answer.bytes);
  expect(header).toEqual(["姓名", "手机号", "应付金额（元）", "备注"]);
  const rows = rest.slice(0, -1);
  expect(rows).toHaveLength(w.slips.length);
  const paid = sum(w.slips, (s) => (s.netFen > 0n ? s.netFen : 0n));
  expect(fen(rest.at(-1)![2]!)).toBe(paid);
  expect(sum(rows, (r) => fen(r[2]!))).toBe(paid);
  const debtorSlip = w.slips.find((s) => s.workerId === w.debtor)!;
  const debtorPhone = (await db().user.findUniqueOrThrow({ where: { id: w.debtor } })).phone;
  expect(rows.find((r) => r[1] === debtorPhone)).toEqual([
    expect.any(String),
    debtorPhone,
    "0.00",
    `实发 ${amountToString(amountFromMinor(debtorSlip.netFen))} 元，不大于 0，本月不付款`,
  ]);
  for (const r of rows) if (fen(r[2]!) > 0n) expect(r[3]).toBe("");
});

test("only the workshop's coordinator: workers and partners 403, nobody to the login page; an open month 409 with its reason; a bad month 404", async () => {
  const w = await world();
  const exports = [
    [payslipsCsv, "payslips.csv"],
    [payslipsXlsx, "payslips.xlsx"],
    [paymentsCsv, "payments.csv"],
  ] as const;
  const partnerFirm = await createPartnerFirm(w.workshopId);
  const worker = await loginAs(await createWorkerUser(w.workshopId));
  const partner = await loginAs(await createPartnerUser(partnerFirm));
  const other = await loginAs(await createCoordinatorUser((await createTestWorkshop()).id));
  for (const [route, file] of exports) {
    const path = `/coordinator/pay/${MONTH}/export/${file}`;
    for (const cookie of [worker, partner]) {
      const refused = await callLoader(route.loader, path, cookie, { params: { month: MONTH } });
      expect(refused.status, file).toBe(403);
      expect(refused.data).toEqual({ reason: "forbidden" });
    }
    const nobody = await callLoader(route.loader, path, null, { params: { month: MONTH } });
    expect(nobody.status).toBe(302);
    expect(nobody.headers.get("Location")).toMatch(/^\/login/);
    // Another workshop's coordinator asks for her own workshop's month, which is open: nothing of this one.
    const elsewhere = await callLoader(route.loader, path, other, { params: { month: MONTH } });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.data).toEqual({ reason: "monthNotSettled", message: "2026-10 还没有月结，结算后才能导出。" });
    const open = await callLoader(route.loader, `/coordinator/pay/2026-11/export/${file}`, w.cookie, {
      params: { month: "2026-11" },
    });
    expect(open.status).toBe(409);
    expect(open.headers.get("Cache-Control")).toBe("no-store");
    for (const bad of ["2026-13", "2026-1", "x"]) {
      const notFound = await callLoader(route.loader, path, w.cookie, { params: { month: bad } });
      expect(notFound.status, bad).toBe(404);
    }
  }
});

async function orderWithDeliveries(w: World) {
  const order = await db().order.findFirstOrThrow({
    where: { workshopId: w.workshopId },
    select: { id: true, partnerId: true },
    orderBy: { id: "asc" },
  });
  // A price with 4 decimals (¥0.0015): three notes of 3 pieces round to ¥0.00 each, the 9 pieces owe ¥0.01.
  await db().order.update({ where: { id: order.id }, data: { unitPriceE4: 15n } });
  const actor = { userId: w.coordinator.id, workshopId: w.workshopId };
  for (const note of ["第一批, 加急", "", '第三批 "尾货"']) {
    const done = await recordDelivery(actor, order.id, { quantity: 3, note }, AFTER, newSubmissionKey());
    expect(done.ok).toBe(true);
  }
  const partner = await db().partner.findUniqueOrThrow({ where: { id: order.partnerId } });
  const partnerUser = await createPartnerUser({ id: partner.id, name: partner.name, workshopId: w.workshopId });
  return { orderId: order.id, partnerCookie: await loginAs(partnerUser) };
}
let statementWorld: ReturnType<typeof orderWithDeliveries> | undefined;

test("statement.csv for the coordinator and the partner: the deliveries, their exact total, what is owed rounded once, and the rounding line", async () => {
  const w = await world();
  const { orderId, partnerCookie } = await (statementWorld ??= orderWithDeliveries(w));
  const deliveries = await db().delivery.findMany({ where: { orderId }, orderBy: { sequence: "asc" } });
  const owed = lineAmount(
    deliveries.reduce((t, d) => t + BigInt(d.quantity), 0n),
    rateFromMinor(15n),
  );
  for (const [route, role, cookie] of [
    [coordinatorStatementCsv, "coordinator", w.cookie],
    [partnerStatementCsv, "partner", partnerCookie],
  ] as const) {
    const answer = await download(route, `/${role}/orders/${orderId}/statement.csv`, { orderId }, cookie);
    expect(answer.status, role).toBe(200);
    expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
    const short = orderId.slice(-6).toUpperCase();
    expect(answer.headers.get("Content-Disposition")).toContain(`filename="statement-${short}.csv"`);
    expect(decodeURIComponent(answer.headers.get("Content-Disposition")!.split("UTF-8''")[1]!)).toMatch(
      new RegExp(`_订单${short}_对账单\\.csv$`),
    );
    const records = csvOf(answer.bytes);
    const headerAt = records.findIndex((r) => r[0] === "送货单号");
    expect(records[0]).toEqual(["对账单 · 订单", short]);
    const rows = records.slice(headerAt + 1, headerAt + 1 + deliveries.length);
    expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual([
      [`${short}-01`, "3", "0.0015", "0.00", "第一批, 加急"],
      [`${short}-02`, "3", "0.0015", "0.00", ""],
      [`${short}-03`, "3", "0.0015", "0.00", '第三批 "尾货"'],
    ]);
    const [total, owedRow, rounding] = records.slice(headerAt + 1 + deliveries.length);
    expect(total!.slice(0, 5)).toEqual(["合计", "", "9", "", "0.00"]);
    expect(fen(total![4]!)).toBe(sum(rows, (r) => fen(r[4]!)));
    expect(owedRow!.slice(0, 5)).toEqual(["应付金额", "", "9", "0.0015", amountToString(owed)]);
    expect(rounding![0]).toContain("相差 0.01 元");
  }
});

test("statement.xlsx reads back with the owed amount as a number; another firm's or workshop's order is 404; workers 403", async () => {
  const w = await world();
  const { orderId, partnerCookie } = await (statementWorld ??= orderWithDeliveries(w));
  for (const [route, role, cookie] of [
    [coordinatorStatementXlsx, "coordinator", w.cookie],
    [partnerStatementXlsx, "partner", partnerCookie],
  ] as const) {
    const answer = await download(route, `/${role}/orders/${orderId}/statement.xlsx`, { orderId }, cookie);
    expect(answer.status).toBe(200);
    const sheet = (await readWorkbook(answer.bytes)).getWorksheet("对账单")!;
    const amounts: Record<string, unknown> = {};
    sheet.eachRow((row) => {
      amounts[String(row.getCell(1).value)] = row.getCell(5).value;
    });
    expect(amounts["应付金额"]).toBe(0.01);
    expect(amounts["合计"]).toBe(0);
  }
  const otherFirm = await loginAs(await createPartnerUser(await createPartnerFirm(w.workshopId)));
  const otherCoordinator = await loginAs(await createCoordinatorUser((await createTestWorkshop()).id));
  const worker = await loginAs(await createWorkerUser(w.workshopId));
  for (const [route, cookie, status] of [
    [partnerStatementCsv, otherFirm, 404],
    [partnerStatementXlsx, otherFirm, 404],
    [coordinatorStatementCsv, otherCoordinator, 404],
    [coordinatorStatementXlsx, otherCoordinator, 404],
    [coordinatorStatementCsv, partnerCookie, 403],
    [partnerStatementCsv, w.cookie, 403],
    [coordinatorStatementCsv, worker, 403],
    [partnerStatementCsv, worker, 403],
  ] as const) {
    const refused = await callLoader(route.loader, `/x/orders/${orderId}/statement`, cookie, { params: { orderId } });
    expect(refused.status).toBe(status);
    expect(refused.data).toEqual({ reason: status === 404 ? "notFound" : "forbidden" });
  }
});
