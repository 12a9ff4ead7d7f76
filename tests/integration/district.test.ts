// The district view (ADR 024) against a real database (SQLite and PostgreSQL): a generated
// district (tests/support/district-data.ts) checked against an oracle written here apart from
// the app (plain loops over the rows read back, BigInt sums, a sorted list for the median), at
// every level and period kind; unsettled months left out; the XLSX's totals; who may open what.
import { expect, test } from "vitest";
import { amountFromMinor, amountFromSpreadsheetNumber, amountToMinor, formatAmount } from "../../app/domain/money.ts";
import { monthsOf, parsePeriod, trendMonths, type AreaSums } from "../../app/domain/district.ts";
import { db } from "../../app/infra/db.server.ts";
import { districtReport, type Level } from "../../app/models/district.server.ts";
import * as districtRoute from "../../app/routes/admin.district.tsx";
import * as districtXlsxRoute from "../../app/routes/admin.district[.xlsx].ts";
import * as workshopRoute from "../../app/routes/admin.workshops.$workshopId.tsx";
import * as placesRoute from "../../app/routes/admin.places.tsx";
import { generateDistrict } from "../support/district-data.ts";
import {
  callAction,
  callLoader,
  createAdminUser,
  createCoordinatorUser,
  createPartnerFirm,
  createPartnerUser,
  createWorkerUser,
  getRequest,
  loginAs,
} from "../support/fixtures.ts";
import { remixHandler } from "../support/remix-handler.ts";
import { readWorkbook } from "../support/xlsx.ts";

const MONTHS = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"];

const world = (async () => {
  const district = await generateDistrict({
    towns: 3,
    communities: 7,
    workshops: 14,
    unplaced: 2,
    workers: 420,
    months: MONTHS,
    unsettledEvery: 5,
    seed: 11,
    rows: 97,
  });
  const admin = await createAdminUser();
  const workshopId = district.workshopIds[3]!;
  const coordinator = await createCoordinatorUser(workshopId);
  const worker = await createWorkerUser(workshopId);
  const partner = await createPartnerUser(await createPartnerFirm(workshopId));
  return {
    district,
    cookies: {
      admin: await loginAs(admin),
      coordinator: await loginAs(coordinator),
      worker: await loginAs(worker),
      partner: await loginAs(partner),
    },
  };
})();

// ---------------------------------------------------------------------------
// The oracle: every row read back, added up in plain loops.

async function rowsOf() {
  const client = db();
  const [workshops, periods, payslips, lots, losses, orders] = await Promise.all([
    client.workshop.findMany({ select: { id: true, communityId: true, community: { select: { townId: true } } } }),
    client.payPeriod.findMany({ select: { id: true, workshopId: true, month: true } }),
    client.payslip.findMany({
      select: {
        id: true,
        workshopId: true,
        payPeriodId: true,
        workerId: true,
        month: true,
        netFen: true,
        remunerationFen: true,
        chargesFen: true,
      },
    }),
    client.lot.findMany({
      where: { status: "checked" },
      select: {
        workshopId: true,
        orderId: true,
        checkedOn: true,
        reworkOfLotId: true,
        passedQuantity: true,
        reworkQuantity: true,
        rejectedQuantity: true,
      },
    }),
    client.materialDeduction.findMany({ select: { workshopId: true, month: true, proposedFen: true } }),
    client.order.findMany({ select: { id: true, partnerId: true } }),
  ]);
  return { workshops, periods, payslips, lots, losses, orders };
}
type Rows = Awaited<ReturnType<typeof rowsOf>>;

function oracleMedian(nets: bigint[]): { sum: bigint; count: number } {
  if (nets.length === 0) return { sum: 0n, count: 0 };
  const s = [...nets].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? { sum: s[h]!, count: 1 } : { sum: s[h - 1]! + s[h]!, count: 2 };
}

/** Sums per key over the rows whose workshop is in scope and month in [first, last]. */
function oracle(
  rows: Rows,
  inScope: (workshopId: string) => boolean,
  keyOf: (workshopId: string, month: string) => string,
  first: string,
  last: string,
): Map<string, AreaSums> {
  const settled = new Set(rows.periods.map((p) => `${p.workshopId}|${p.month}`));
  const partnerOf = new Map(rows.orders.map((o) => [o.id, o.partnerId]));
  const out = new Map<
    string,
    AreaSums & {
      nets: bigint[];
      workers: Set<string>;
      periodIds: Set<string>;
      orderIds: Set<string>;
      partnerIds: Set<string>;
    }
  >();
  const at = (key: string) => {
    let v = out.get(key);
    if (!v) {
      v = {
        payslips: 0,
        periods: 0,
        netFen: 0n,
        grossFen: 0n,
        chargesFen: 0n,
        earners: 0,
        earningPayslips: 0,
        earningNetFen: 0n,
        middleSumFen: 0n,
        middleCount: 0,
        piecesPassed: 0,
        firstPassed: 0,
        firstChecked: 0,
        orders: 0,
        partners: 0,
        lossFen: 0n,
        nets: [],
        workers: new Set(),
        periodIds: new Set(),
        orderIds: new Set(),
        partnerIds: new Set(),
      };
      out.set(key, v);
    }
    return v;
  };
  const inRange = (month: string) => month >= first && month <= last;
  for (const p of rows.payslips) {
    if (!inScope(p.workshopId) || !inRange(p.month)) continue;
    const v = at(keyOf(p.workshopId, p.month));
    v.payslips += 1;
    v.periodIds.add(p.payPeriodId);
    v.netFen += p.netFen;
    v.grossFen += p.remunerationFen;
    v.chargesFen += p.chargesFen;
    if (p.netFen > 0n) {
      v.workers.add(p.workerId);
      v.earningPayslips += 1;
      v.earningNetFen += p.netFen;
      v.nets.push(p.netFen);
    }
  }
  for (const l of rows.lots) {
    const month = l.checkedOn!.slice(0, 7);
    if (!inScope(l.workshopId) || !inRange(month) || !settled.has(`${l.workshopId}|${month}`)) continue;
    const v = at(keyOf(l.workshopId, month));
    v.piecesPassed += l.passedQuantity;
    if (l.reworkOfLotId === null) {
      v.firstPassed += l.passedQuantity;
      v.firstChecked += l.passedQuantity + l.reworkQuantity + l.rejectedQuantity;
    }
    if (l.passedQuantity > 0) {
      v.orderIds.add(l.orderId);
      v.partnerIds.add(partnerOf.get(l.orderId)!);
    }
  }
  for (const d of rows.losses) {
    if (!inScope(d.workshopId) || !inRange(d.month) || !settled.has(`${d.workshopId}|${d.month}`)) continue;
    at(keyOf(d.workshopId, d.month)).lossFen += d.proposedFen;
  }
  const result = new Map<string, AreaSums>();
  for (const [key, v] of out) {
    const { nets, workers, periodIds, orderIds, partnerIds, ...sums } = v;
    const m = oracleMedian(nets);
    result.set(key, {
      ...sums,
      earners: workers.size,
      periods: periodIds.size,
      orders: orderIds.size,
      partners: partnerIds.size,
      middleSumFen: m.sum,
      middleCount: m.count,
    });
  }
  return result;
}

const EMPTY: AreaSums = {
  payslips: 0,
  periods: 0,
  netFen: 0n,
  grossFen: 0n,
  chargesFen: 0n,
  earners: 0,
  earningPayslips: 0,
  earningNetFen: 0n,
  middleSumFen: 0n,
  middleCount: 0,
  piecesPassed: 0,
  firstPassed: 0,
  firstChecked: 0,
  orders: 0,
  partners: 0,
  lossFen: 0n,
};
// The trend's months carry the payslip figures but no median (ADR 024).
const PAYSLIP_FIELDS = [
  "payslips",
  "periods",
  "netFen",
  "grossFen",
  "chargesFen",
  "earners",
  "earningPayslips",
  "earningNetFen",
] as const;

async function expectLevel(rows: Rows, level: Level, periodKey: string) {
  const period = parsePeriod(periodKey)!;
  const trend = trendMonths(period);
  const report = await districtReport(
    level,
    { first: period.first, last: period.last, months: monthsOf(period) },
    { ...trend, months: monthsOf(trend) },
  );
  expect(report).not.toBeNull();
  const place = new Map(
    rows.workshops.map((w) => [w.id, { community: w.communityId ?? "", town: w.community?.townId ?? "" }]),
  );
  const inScope = (id: string) =>
    level.kind === "district" ||
    (level.kind === "town" && place.get(id)!.town === level.townId) ||
    (level.kind === "community" && place.get(id)!.community === level.communityId) ||
    (level.kind === "workshop" && id === level.workshopId);
  const rowKey = (id: string, month: string) =>
    level.kind === "district"
      ? place.get(id)!.town
      : level.kind === "town"
        ? place.get(id)!.community
        : level.kind === "community"
          ? id
          : month;
  const expectedRows = oracle(rows, inScope, rowKey, period.first, period.last);
  const expectedTotal = oracle(rows, inScope, () => "", period.first, period.last).get("") ?? EMPTY;
  const expectedTrend = oracle(rows, inScope, (_id, month) => month, trend.first, trend.last);

  for (const r of report!.rows)
    expect(r.sums, `${level.kind} ${periodKey} row ${r.name || "unplaced"}`).toEqual(expectedRows.get(r.key) ?? EMPTY);
  // Every key with figures is a listed row: nothing falls out of the table.
  for (const key of expectedRows.keys()) expect(report!.rows.map((r) => r.key)).toContain(key);
  expect(report!.total).toEqual(expectedTotal);
  for (const m of report!.trend) {
    const e = expectedTrend.get(m.month) ?? EMPTY;
    for (const f of PAYSLIP_FIELDS) expect(m.sums[f], `${m.month} ${f}`).toEqual(e[f]);
  }
  // The total row is the exact sum of the rows; distinct counts too where the rows are places (a worker,
  // an order and a firm belong to one workshop), not where they are a workshop's months.
  const distinct = level.kind === "workshop" ? [] : (["earners", "orders", "partners"] as const);
  for (const f of [...distinct, "payslips", "periods", "earningPayslips", "piecesPassed", "firstChecked"] as const) {
    expect(report!.rows.reduce((s, r) => s + r.sums[f], 0)).toBe(report!.total[f]);
  }
  for (const f of ["netFen", "grossFen", "chargesFen", "earningNetFen", "lossFen"] as const) {
    expect(report!.rows.reduce((s, r) => s + r.sums[f], 0n)).toBe(report!.total[f]);
  }
  return report!;
}

test("district totals equal the settled payslips, lots and loss decisions exactly, at every level and period", async () => {
  const { district } = await world;
  const rows = await rowsOf();
  // The generated data has what the checks need: earning, zero and negative nets; unplaced workshops; unsettled months.
  expect(rows.payslips.some((p) => p.netFen <= 0n)).toBe(true);
  expect(rows.payslips.filter((p) => p.netFen > 0n).length).toBeGreaterThan(1000);
  const total = await expectLevel(rows, { kind: "district" }, "2026");
  expect(total.total.netFen).toBe(rows.payslips.reduce((s, p) => s + p.netFen, 0n));
  expect(total.rows.some((r) => r.key === "")).toBe(true);
  expect(total.total.middleCount).toBeGreaterThan(0);
  await expectLevel(rows, { kind: "district" }, "2026-Q2");
  await expectLevel(rows, { kind: "district" }, "2026-07");
  await expectLevel(rows, { kind: "town", townId: district.townIds[1]! }, "2026-Q3");
  await expectLevel(rows, { kind: "community", communityId: district.communityIds[4]! }, "2026");
  await expectLevel(rows, { kind: "workshop", workshopId: district.workshopIds[5]! }, "2026-Q2");
  // A period with nothing settled: every figure 0, medians absent.
  const empty = await expectLevel(rows, { kind: "district" }, "2025-01");
  expect(empty.total).toEqual(EMPTY);
});

test("the district figures equal the settled periods' own totals (PayPeriod rows)", async () => {
  const periods = await db().payPeriod.findMany({ select: { netFen: true, grossFen: true, workerCount: true } });
  const report = await districtReport(
    { kind: "district" },
    { first: MONTHS[0]!, last: MONTHS.at(-1)!, months: MONTHS },
    { first: MONTHS[0]!, last: MONTHS.at(-1)!, months: MONTHS },
  );
  expect(report!.total.netFen).toBe(periods.reduce((s, p) => s + p.netFen, 0n));
  expect(report!.total.grossFen).toBe(periods.reduce((s, p) => s + p.grossFen, 0n));
  expect(report!.total.payslips).toBe(periods.reduce((s, p) => s + p.workerCount, 0));
  expect(report!.total.periods).toBe(periods.length);
});

test("an unsettled month is left out: its checked lots and loss decisions count nowhere", async () => {
  const { district } = await world;
  // generateDistrict leaves workshop w unsettled in month i when (w + i) % 5 == 0: workshop 0 in April.
  const workshopId = district.workshopIds[0]!;
  const period = await db().payPeriod.findUnique({ where: { workshopId_month: { workshopId, month: "2026-04" } } });
  expect(period).toBeNull();
  const lots = await db().lot.aggregate({
    where: { workshopId, checkedOn: { gte: "2026-04-01", lte: "2026-04-31" } },
    _sum: { passedQuantity: true },
  });
  expect(lots._sum.passedQuantity ?? 0).toBeGreaterThan(0);
  const report = await districtReport(
    { kind: "workshop", workshopId },
    { first: "2026-04", last: "2026-04", months: ["2026-04"] },
    { first: "2026-04", last: "2026-04", months: ["2026-04"] },
  );
  expect(report!.total).toEqual(EMPTY);
  expect(report!.rows).toEqual([{ key: "2026-04", name: "2026-04", sums: EMPTY }]);
});

// ---------------------------------------------------------------------------
// The page, its XLSX, and who may open them

type PageData = {
  view: {
    rows: { key: string; name: string; href: string | null; net: string; earners: number; median: string | null }[];
    total: {
      net: string;
      gross: string;
      earners: number;
      median: string | null;
      average: string | null;
      pieces: number;
    };
  };
};

test("the XLSX reads back with the page's rows and totals; its total row is the exact sum of its rows", async () => {
  const { cookies, district } = await world;
  for (const query of ["period=2026", `period=2026-Q3&town=${district.townIds[0]!}`]) {
    const page = await callLoader(districtRoute.loader, `/admin/district?${query}`, cookies.admin);
    expect(page.status).toBe(200);
    const view = (page.data as PageData).view;
    const response = await districtXlsxRoute.loader({
      request: getRequest(`/admin/district.xlsx?${query}`, cookies.admin),
      params: {},
      context: { clientAddress: "10.0.0.1" },
    });
    expect((response as Response).headers.get("Content-Type")).toContain("spreadsheetml");
    const book = await readWorkbook(new Uint8Array(await (response as Response).arrayBuffer()));
    const sheet = book.worksheets[0]!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const headIndex = values.findIndex((r) => r.length > 5);
    const body = values.slice(headIndex + 1);
    const totalRow = body.at(-1)!;
    const dataRows = body.slice(0, -1);
    expect(dataRows.map((r) => r[0])).toEqual(view.rows.map((r) => r.name));
    const fen = (v: unknown) =>
      v === undefined || v === null ? 0n : amountToMinor(amountFromSpreadsheetNumber(v as number));
    // Column 2 net, 3 gross, 10 loss, 11 charges: the total row is the exact sum of the rows.
    for (const col of [2, 3, 10, 11]) {
      expect(
        dataRows.reduce((s, r) => s + fen(r[col]), 0n),
        `column ${col}`,
      ).toBe(fen(totalRow[col]));
    }
    for (const col of [1, 6, 8, 9, 12]) {
      expect(dataRows.reduce((s, r) => s + ((r[col] as number | undefined) ?? 0), 0)).toBe(totalRow[col]);
    }
    // And the same figures as the page (formatted from the same exact amounts).
    const shown = (v: unknown) => formatAmount(amountFromMinor(fen(v)), "zh-CN");
    expect(shown(totalRow[2])).toBe(view.total.net);
    expect(shown(totalRow[3])).toBe(view.total.gross);
    expect(totalRow[1]).toBe(view.total.earners);
    expect(totalRow[6]).toBe(view.total.pieces);
    if (view.total.median) expect(shown(totalRow[5])).toBe(view.total.median);
    if (view.total.average) expect(shown(totalRow[4])).toBe(view.total.average);
    dataRows.forEach((r, i) => expect(shown(r[2])).toBe(view.rows[i]!.net));
  }
});

test("the page drills down from the district to a town, a community and a workshop's months", async () => {
  const { cookies } = await world;
  let url = "/admin/district?period=2026-Q2";
  for (const expected of ["town", "community", "workshop", null]) {
    const page = await callLoader(districtRoute.loader, url, cookies.admin);
    expect(page.status).toBe(200);
    const rows = (page.data as PageData).view.rows;
    const next = rows.find((r) => r.href !== null && r.earners > 0);
    if (expected === null) {
      expect(rows.map((r) => r.key)).toEqual(["2026-04", "2026-05", "2026-06"]);
      break;
    }
    expect(next?.href, url).toContain(`${expected}=`);
    url = next!.href!;
  }
  // A malformed period or an unknown place is a 404.
  expect((await callLoader(districtRoute.loader, "/admin/district?period=2026-13", cookies.admin)).status).toBe(404);
  expect((await callLoader(districtRoute.loader, "/admin/district?town=nope", cookies.admin)).status).toBe(404);
});

test("the page shows no worker: nothing in its data is a worker's name, phone or id", async () => {
  const { cookies, district } = await world;
  const workers = await db().user.findMany({
    where: { role: "worker", workshopId: { in: district.workshopIds } },
    select: { id: true, name: true, phone: true },
  });
  for (const query of ["period=2026", `period=2026&workshop=${district.workshopIds[5]!}`]) {
    const page = await callLoader(districtRoute.loader, `/admin/district?${query}`, cookies.admin);
    const text = JSON.stringify(page.data);
    for (const w of workers.slice(0, 60)) {
      expect(text).not.toContain(w.id);
      expect(text).not.toContain(w.phone);
      expect(text).not.toContain(`"${w.name}"`);
    }
  }
});

test("a coordinator, a worker and a partner cannot open the district view or its XLSX (403), also as ?_data and .data", async () => {
  const { cookies } = await world;
  const handler = remixHandler({
    "admin/district": districtRoute as unknown as Record<string, unknown>,
  });
  for (const role of ["coordinator", "worker", "partner"] as const) {
    const page = await callLoader(districtRoute.loader, "/admin/district?period=2026", cookies[role]);
    expect(page.status, role).toBe(403);
    const file = await callLoader(districtXlsxRoute.loader, "/admin/district.xlsx?period=2026", cookies[role]);
    expect(file.status, role).toBe(403);
    for (const path of [
      "/admin/district?period=2026&_data=routes%2Fadmin%2Fdistrict",
      "/admin/district.data?period=2026",
    ]) {
      const response = await handler(getRequest(path, cookies[role]));
      const body = await response.text();
      expect(response.status, `${role} ${path}`).toBe(403);
      expect(body).not.toContain("earners");
      expect(body).not.toContain("镇街");
    }
  }
  // The admin is served through the same handler.
  const served = await handler(getRequest("/admin/district.data?period=2026", cookies.admin));
  expect(served.status).toBe(200);
  expect(await served.text()).toContain("earners");
});

test("an admin cannot open a worker's payslip or its lines, nor a coordinator's or worker's page (403)", async () => {
  const { cookies, district } = await world;
  const slip = await db().payslip.findFirstOrThrow({
    where: { workshopId: district.workshopIds[3]! },
    select: { workerId: true, month: true },
  });
  const routes = [
    [
      "coordinator.pay.$month_.$workerId.tsx",
      `/coordinator/pay/${slip.month}/${slip.workerId}`,
      { month: slip.month, workerId: slip.workerId },
    ],
    ["coordinator.pay.$month.tsx", `/coordinator/pay/${slip.month}`, { month: slip.month }],
    ["worker.pay.$month.tsx", `/worker/pay/${slip.month}`, { month: slip.month }],
    ["worker.pay.$month_.lines.$lineId.tsx", `/worker/pay/${slip.month}/lines/x`, { month: slip.month, lineId: "x" }],
    [
      "coordinator.pay.$month_.export.payslips[.xlsx].ts",
      `/coordinator/pay/${slip.month}/export/payslips.xlsx`,
      { month: slip.month },
    ],
    ["coordinator.workers._index.tsx", "/coordinator/workers", {}],
  ] as const;
  for (const [file, url, params] of routes) {
    const module = (await import(`../../app/routes/${file}`)) as { loader: Parameters<typeof callLoader>[0] };
    const outcome = await callLoader(module.loader, url, cookies.admin, { params: { ...params } });
    expect(outcome.status, file).toBe(403);
  }
});

test("the admin adds towns and communities and sets a workshop's community; bad input answers in her language", async () => {
  const { cookies, district } = await world;
  // A post with no or another intent is refused, never taken as a new town.
  for (const intent of [undefined, "deleteTown"]) {
    const odd = await callAction(
      placesRoute.action,
      "/admin/places",
      { ...(intent ? { intent } : {}), name: "不该有的镇街" },
      cookies.admin,
    );
    expect(odd.status).toBe(400);
  }
  expect(await db().town.count({ where: { name: "不该有的镇街" } })).toBe(0);
  const town = await callAction(
    placesRoute.action,
    "/admin/places",
    { intent: "createTown", name: "  新镇街  " },
    cookies.admin,
  );
  expect(town.status).toBe(302);
  const townRow = await db().town.findUniqueOrThrow({ where: { name: "新镇街" } });
  const again = await callAction(
    placesRoute.action,
    "/admin/places",
    { intent: "createTown", name: "新镇街" },
    cookies.admin,
  );
  expect(again.status).toBe(400);
  expect(again.data).toMatchObject({ fieldErrors: { name: "places.townTaken" } });
  const empty = await callAction(
    placesRoute.action,
    "/admin/places",
    { intent: "createCommunity", townId: "", name: "" },
    cookies.admin,
  );
  expect(empty.status).toBe(400);
  expect(empty.data).toMatchObject({ fieldErrors: { townId: "district.chooseTown", name: "error.required" } });
  const community = await callAction(
    placesRoute.action,
    "/admin/places",
    { intent: "createCommunity", townId: townRow.id, name: "新村" },
    cookies.admin,
  );
  expect(community.status).toBe(302);
  const communityRow = await db().community.findFirstOrThrow({ where: { townId: townRow.id, name: "新村" } });
  const workshopId = district.workshopIds[0]!;
  const path = `/admin/workshops/${workshopId}`;
  const bad = await callAction(workshopRoute.action, path, { intent: "setPlace", communityId: "gone" }, cookies.admin, {
    params: { workshopId },
  });
  expect(bad.status).toBe(400);
  expect(bad.data).toMatchObject({ fieldErrors: { communityId: "district.noSuchCommunity" } });
  const set = await callAction(
    workshopRoute.action,
    path,
    { intent: "setPlace", communityId: communityRow.id },
    cookies.admin,
    { params: { workshopId } },
  );
  expect(set.status).toBe(302);
  expect((await db().workshop.findUniqueOrThrow({ where: { id: workshopId } })).communityId).toBe(communityRow.id);
  const audit = await db().auditEvent.findFirst({ where: { action: "workshop.place", entityId: workshopId } });
  expect(audit?.after).toContain(communityRow.id);
  // A coordinator cannot set places.
  const refused = await callAction(placesRoute.action, "/admin/places", { name: "她的镇街" }, cookies.coordinator);
  expect(refused.status).toBe(403);
  expect(await db().town.findUnique({ where: { name: "她的镇街" } })).toBeNull();
});
