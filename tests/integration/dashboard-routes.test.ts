// The minimum-wage view and the dashboard against a real database (SQLite and PostgreSQL):
// a generated month of lots (tests/support/pay-month.ts) checked against an integer oracle
// computed here from the lot rows, before and after the month is settled (then the earnings
// are the payslips' pay to the fen, and the pay bands the payslips' net); and real lots
// received and checked through the models for the daily output and first-check pass rates.
import { expect, test } from "vitest";
import { chinaDate, addDays } from "../../app/domain/dates.ts";
import { amountFromMinor, formatAmount } from "../../app/domain/money.ts";
import { db } from "../../app/infra/db.server.ts";
import { checkLot, takeBackRework } from "../../app/models/quality.server.ts";
import { settleMonth } from "../../app/models/settlement.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { loader as dashboardLoader } from "../../app/routes/coordinator.dashboard.tsx";
import { loader as minimumWageLoader } from "../../app/routes/coordinator.minimum-wage.tsx";
import { createOrderRow, createOrderWorld, createOffer, createTestProduct } from "../support/catalogue-fixtures.ts";
import { callLoader, createCoordinatorUser, createTestWorkshop, loginAs } from "../support/fixtures.ts";
import { generateMonth } from "../support/pay-month.ts";
import { createAssignmentRow, createSubmittedLog } from "../support/piece-log-fixtures.ts";
import { addReasons, receivedLot } from "../support/quality-fixtures.ts";

const AFTER = new Date("2026-11-15T04:00:00Z");
const MINIMUM_FEN = 2330n;

type WorkerView = {
  workerId: string;
  earnings: string;
  hourly: string | null;
  status: string;
  untimed: number;
  passed: number;
  rework: number;
};
type MinimumWageData = {
  month: string;
  settled: boolean;
  minimum: string | null;
  below: number;
  workers: WorkerView[];
};
type PayData = {
  month: string;
  payslips: number;
  total: string;
  bands: { label: string; workers: number; total: string }[];
} | null;
type DashboardData = {
  days: { day: string; logged: number; passed: number }[];
  passRates: { productId: string; passed: number; checked: number; percent: string }[];
  pay: PayData;
};

const fmt = (fen: bigint) => formatAmount(amountFromMinor(fen), "zh-CN");

/** The oracle: from the lot rows, in BigInt, apart from app/domain. */
async function oracle(workshopId: string, month: string, minutesOf: Map<string, number | null>) {
  const lots = await db().lot.findMany({
    where: { workshopId, status: "checked", checkedOn: { startsWith: month } },
    select: {
      workerId: true,
      productId: true,
      pieceRateId: true,
      rateE4: true,
      passedQuantity: true,
      reworkQuantity: true,
    },
  });
  const perWorker = new Map<
    string,
    {
      lines: Map<string, { pieces: bigint; rateE4: bigint; product: string }>;
      minutes: bigint;
      untimed: number;
      passed: number;
      rework: number;
    }
  >();
  for (const l of lots) {
    if (l.passedQuantity === 0 && l.reworkQuantity === 0) continue;
    const w = perWorker.get(l.workerId) ?? { lines: new Map(), minutes: 0n, untimed: 0, passed: 0, rework: 0 };
    perWorker.set(l.workerId, w);
    const key = `${l.productId}:${l.pieceRateId}`;
    const line = w.lines.get(key) ?? { pieces: 0n, rateE4: l.rateE4!, product: l.productId };
    line.pieces += BigInt(l.passedQuantity);
    w.lines.set(key, line);
    w.passed += l.passedQuantity;
    w.rework += l.reworkQuantity;
    const m = minutesOf.get(l.productId) ?? null;
    if (m === null) w.untimed += l.passedQuantity + l.reworkQuantity;
    else w.minutes += BigInt(l.passedQuantity + l.reworkQuantity) * BigInt(m);
  }
  const result = new Map<
    string,
    { earnings: bigint; hourly: bigint | null; below: boolean | null; untimed: number; passed: number; rework: number }
  >();
  for (const [workerId, w] of perWorker) {
    let earnings = 0n;
    let timed = 0n;
    for (const line of w.lines.values()) {
      const fen = (line.pieces * line.rateE4 + 50n) / 100n;
      earnings += fen;
      if (minutesOf.get(line.product) !== null) timed += fen;
    }
    const hourly = w.minutes > 0n ? (12000n * timed + w.minutes) / (2n * w.minutes) : null;
    const below = w.minutes > 0n ? 6000n * timed < MINIMUM_FEN * w.minutes : null;
    result.set(workerId, { earnings, hourly, below, untimed: w.untimed, passed: w.passed, rework: w.rework });
  }
  return result;
}

test("minimum-wage view: every worker's earnings, hourly pay and flag equal the oracle; once settled, the earnings are the payslips' pay and the dashboard shows their net in bands", async () => {
  const month = "2026-10";
  const generated = await generateMonth({
    workers: 40,
    products: 5,
    lotsPerWorker: 6,
    seed: 7,
    month,
    withholdsTax: true,
  });
  const { workshopId } = generated;
  // One product without a time test, one of 2.5 minutes, the rest 6 minutes (generated).
  const products = await db().product.findMany({
    where: { workshopId },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  await db().product.update({ where: { id: products[0]!.id }, data: { standardMinutesE2: null } });
  await db().product.update({ where: { id: products[1]!.id }, data: { standardMinutesE2: 250 } });
  const minutesOf = new Map(
    (await db().product.findMany({ where: { workshopId }, select: { id: true, standardMinutesE2: true } })).map((p) => [
      p.id,
      p.standardMinutesE2,
    ]),
  );
  const coordinator = await createCoordinatorUser(workshopId);
  const cookie = await loginAs(coordinator);
  const url = `/coordinator/minimum-wage?month=${month}`;

  // No minimum set: said so, nothing flagged.
  const outcome = await callLoader(minimumWageLoader, url, cookie);
  let data = outcome.data as MinimumWageData;
  expect(outcome.status).toBe(200);
  expect(data.minimum).toBeNull();
  expect(data.workers.every((w) => w.status === "noMinimum" || w.status === "noTimeTest")).toBe(true);

  await db().workshop.update({ where: { id: workshopId }, data: { hourlyMinimumWageFen: MINIMUM_FEN } });
  const expected = await oracle(workshopId, month, minutesOf);
  const check = (d: MinimumWageData) => {
    expect(d.minimum).toBe(fmt(MINIMUM_FEN));
    expect(d.workers.map((w) => w.workerId).sort()).toEqual([...expected.keys()].sort());
    for (const w of d.workers) {
      const e = expected.get(w.workerId)!;
      expect({
        earnings: w.earnings,
        hourly: w.hourly,
        passed: w.passed,
        rework: w.rework,
        untimed: w.untimed,
      }).toEqual({
        earnings: fmt(e.earnings),
        hourly: e.hourly === null ? null : fmt(e.hourly),
        passed: e.passed,
        rework: e.rework,
        untimed: e.untimed,
      });
      expect(w.status).toBe(e.below === null ? "noTimeTest" : e.below ? "below" : "atOrAbove");
    }
    expect(d.below).toBe([...expected.values()].filter((e) => e.below === true).length);
  };
  data = (await callLoader(minimumWageLoader, url, cookie)).data as MinimumWageData;
  expect(data.settled).toBe(false);
  check(data);
  // The oracle saw both kinds: someone under the minimum and someone not.
  expect(data.below).toBeGreaterThan(0);
  expect(data.workers.some((w) => w.status === "atOrAbove")).toBe(true);
  expect(data.workers.some((w) => w.untimed > 0)).toBe(true);

  // The dashboard before any month is settled: says so.
  const before = (await callLoader(dashboardLoader, "/coordinator/dashboard", cookie)).data as DashboardData;
  expect(before.pay).toBeNull();

  const settled = await settleMonth({ workshopId, userId: generated.coordinatorId }, month, AFTER);
  expect(settled.ok).toBe(true);
  data = (await callLoader(minimumWageLoader, url, cookie)).data as MinimumWageData;
  expect(data.settled).toBe(true);
  check(data);
  const slips = await db().payslip.findMany({
    where: { workshopId, month },
    select: { workerId: true, payFen: true, netFen: true },
  });
  for (const s of slips) {
    const row = data.workers.find((w) => w.workerId === s.workerId);
    // A payslip of adjustments only has no pieces; every worker with pieces has her pay lines as earnings.
    if (row) expect(row.earnings).toBe(fmt(s.payFen));
    else expect(s.payFen).toBe(0n);
  }

  // The dashboard's pay distribution: the payslips' net in bands, counted here.
  const pay = ((await callLoader(dashboardLoader, "/coordinator/dashboard", cookie)).data as DashboardData).pay!;
  expect(pay.month).toBe(month);
  expect(pay.payslips).toBe(slips.length);
  expect(pay.total).toBe(fmt(slips.reduce((s, p) => s + p.netFen, 0n)));
  const edges = [0n, 50_000n, 100_000n, 200_000n, 300_000n, 500_000n];
  const counts = edges.map((from, i) =>
    slips.filter((s) => s.netFen >= from && (i === edges.length - 1 || s.netFen < edges[i + 1]!)),
  );
  const under = slips.filter((s) => s.netFen < 0n);
  const expectedBands = [...(under.length ? [under] : []), ...counts].map((list) => ({
    workers: list.length,
    total: fmt(list.reduce((s, p) => s + p.netFen, 0n)),
  }));
  expect(pay.bands.map((b) => ({ workers: b.workers, total: b.total }))).toEqual(expectedBands);
  expect(pay.bands[0]!.label).toBe(under.length ? "低于 ¥0" : "¥0 – ¥500");

  // Another workshop's coordinator sees none of it.
  const other = await createTestWorkshop();
  const otherCookie = await loginAs(await createCoordinatorUser(other.id));
  const theirs = (await callLoader(minimumWageLoader, url, otherCookie)).data as MinimumWageData;
  expect(theirs.workers).toEqual([]);
  expect(
    ((await callLoader(dashboardLoader, "/coordinator/dashboard", otherCookie)).data as DashboardData).pay,
  ).toBeNull();
});

test("dashboard: pieces logged and passed per day over the last 30 days, and the pass rate of first checks by product", async () => {
  const world = await createOrderWorld({ workers: 2 });
  const reasons = await addReasons(world.workshop.id);
  const reason = [...reasons.values()][0]!;
  const actor = { workshopId: world.workshop.id, userId: world.coordinator.id };
  const orderId = await createOrderRow(world, { quantity: 1000 });
  const now = new Date();
  const today = chinaDate(now);
  const check = async (lotId: string, passed: number, rework: number, rejected: number) => {
    const result = await checkLot(
      actor,
      {
        lotId,
        passed,
        rework,
        rejected,
        reworkReasonId: rework ? reason : "",
        rejectedReasonId: rejected ? reason : "",
        note: "",
      },
      null,
      now,
      newSubmissionKey(),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result;
  };
  // Worker 0: 10 logged, checked 7 / 2 rework / 1 rejected; the rework comes back and both pass (not a first check).
  const a = await receivedLot(world, orderId, { quantity: 10, workerIndex: 0 });
  const first = await check(a.lotId, 7, 2, 1);
  const reworkLotId = "reworkLotId" in first ? (first.reworkLotId as string) : "";
  expect((await takeBackRework(actor, reworkLotId, now, newSubmissionKey())).ok).toBe(true);
  await check(reworkLotId, 2, 0, 0);
  // Worker 1: 5 logged, all passed.
  const b = await receivedLot(world, orderId, { quantity: 5, workerIndex: 1 });
  await check(b.lotId, 5, 0, 0);
  // A second product: 4 passed of 6 on the first check.
  const soap = await createTestProduct(world.workshop.id, { name: "玫瑰永生花" });
  await createOffer(world.partner, soap.id, 90_000n);
  const order2 = await db().order.create({
    data: {
      workshopId: world.workshop.id,
      partnerId: world.partner.id,
      productId: soap.id,
      quantity: 100,
      dueOn: "2099-12-31",
      unitPriceE4: 90_000n,
      status: "accepted",
      createdById: world.coordinator.id,
    },
    select: { id: true },
  });
  const assignment2 = await createAssignmentRow({
    workshopId: world.workshop.id,
    orderId: order2.id,
    productId: soap.id,
    workerId: world.workers[1]!.id,
    createdById: world.coordinator.id,
    quantity: 50,
  });
  const c = await receivedLot({ ...world, product: soap }, order2.id, { quantity: 6, assignmentId: assignment2 });
  await check(c.lotId, 4, 0, 2);
  // Logs not received yet: 3 today, 8 on the first of the 30 days, 9 the day before it (outside).
  const assignment = await createAssignmentRow({
    workshopId: world.workshop.id,
    orderId,
    productId: world.product.id,
    workerId: world.workers[0]!.id,
    createdById: world.coordinator.id,
    quantity: 100,
  });
  await createSubmittedLog(assignment, { quantity: 3 });
  await createSubmittedLog(assignment, { quantity: 8, loggedOn: addDays(today, -29) });
  await createSubmittedLog(assignment, { quantity: 9, loggedOn: addDays(today, -30) });

  const cookie = await loginAs(world.coordinator);
  const outcome = await callLoader(dashboardLoader, "/coordinator/dashboard", cookie);
  expect(outcome.status).toBe(200);
  const data = outcome.data as DashboardData;
  expect(data.days).toHaveLength(30);
  expect(data.days[0]).toMatchObject({ day: addDays(today, -29), logged: 8, passed: 0 });
  expect(data.days[29]).toMatchObject({ day: today, logged: 10 + 5 + 6 + 3, passed: 7 + 2 + 5 + 4 });
  expect(data.days.slice(1, 29).every((d) => d.logged === 0 && d.passed === 0)).toBe(true);
  const rates = new Map(data.passRates.map((r) => [r.productId, r]));
  // First checks only: 7 + 5 of 10 + 5 = 80.0 %; the rework's second check is left out.
  expect(rates.get(world.product.id)).toMatchObject({ passed: 12, checked: 15, percent: "80.0" });
  expect(rates.get(soap.id)).toMatchObject({ passed: 4, checked: 6, percent: "66.7" });
  expect(data.pay).toBeNull();
});
