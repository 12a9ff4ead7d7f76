// The district report reads one snapshot (review of issue 10): a month settled while the report
// is being read is in all of its figures or in none. Before, the report made about five separate
// reads; a settle landing between them made the earning payslips (one read) and their middle ones
// (another) disagree, and the page answered 500 with a RangeError. Here a settle is landed after
// each of the report's reads in turn (the test seam in app/infra/db.server.ts): the report must
// equal the one read before it. On PostgreSQL the settle commits (REPEATABLE READ: not seen); on
// SQLite it cannot commit while the snapshot is read (the shared lock holds it off), so it is
// refused at once and the report is as before too. Then the settle is made for real and seen.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterEach, expect, test } from "vitest";
import { sqliteFilePath } from "../../app/infra/database-url.ts";
import { areaFigures, monthsOf, trendMonths, parsePeriod } from "../../app/domain/district.ts";
import { db, Prisma, snapshotSeam } from "../../app/infra/db.server.ts";
import { getEnv, projectRoot } from "../../app/infra/env.server.ts";
import { districtReport, type Level } from "../../app/models/district.server.ts";
import { generateDistrict } from "../support/district-data.ts";

const MONTHS = ["2026-04", "2026-05", "2026-06"];

const world = (async () => {
  const district = await generateDistrict({
    towns: 2,
    communities: 3,
    workshops: 5,
    unplaced: 1,
    workers: 60,
    months: MONTHS,
    unsettledEvery: 3,
    seed: 27,
    rows: 50,
  });
  // A workshop-month left unsettled that has checked lots: the month a coordinator settles now.
  const open = await db().$queryRaw<{ workshopId: string; month: string }[]>`
    SELECT l."workshopId" AS "workshopId", substr(l."checkedOn", 1, 7) AS "month" FROM "Lot" l
    WHERE l."status" = 'checked' AND NOT EXISTS (
      SELECT 1 FROM "PayPeriod" pp WHERE pp."workshopId" = l."workshopId" AND pp."month" = substr(l."checkedOn", 1, 7))
    GROUP BY l."workshopId", substr(l."checkedOn", 1, 7) ORDER BY 1, 2`;
  const target = open.find((o) => district.workshopIds.includes(o.workshopId) && MONTHS.includes(o.month));
  if (!target) throw new Error("the generated district has no unsettled month with checked lots");
  const workers = await db().user.findMany({
    where: { workshopId: target.workshopId, role: "worker" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const coordinator = await db().user.findFirstOrThrow({
    where: { workshopId: target.workshopId, role: "coordinator" },
    select: { id: true },
  });
  return { district, ...target, workerId: workers[0]!.id, coordinatorId: coordinator.id };
})();

/** The settle's rows: the month's pay period and one earning payslip (¥123.45), as settleMonth writes them. */
async function settleStatements() {
  const w = await world;
  const periodId = randomUUID();
  const slipId = randomUUID();
  return {
    periodId,
    slipId,
    statements: [
      Prisma.sql`INSERT INTO "PayPeriod" ("id", "workshopId", "month", "status", "workerCount", "grossFen", "taxFen", "chargesFen", "netFen", "settledById")
        VALUES (${periodId}, ${w.workshopId}, ${w.month}, 'settled', 1, ${12345n}, ${0n}, ${0n}, ${12345n}, ${w.coordinatorId})`,
      Prisma.sql`INSERT INTO "Payslip" ("id", "workshopId", "payPeriodId", "workerId", "month", "payFen", "remunerationFen", "taxFen", "chargesFen", "netFen", "withheld")
        VALUES (${slipId}, ${w.workshopId}, ${periodId}, ${w.workerId}, ${w.month}, ${12345n}, ${12345n}, ${0n}, ${0n}, ${12345n}, FALSE)`,
    ],
  };
}

async function settleWithPrisma(): Promise<{ periodId: string; slipId: string }> {
  const s = await settleStatements();
  await db().$transaction(s.statements.map((q) => db().$executeRaw(q)));
  return s;
}

async function unsettle(s: { periodId: string; slipId: string }) {
  await db().$executeRaw`DELETE FROM "Payslip" WHERE "id" = ${s.slipId}`;
  await db().$executeRaw`DELETE FROM "PayPeriod" WHERE "id" = ${s.periodId}`;
}

afterEach(() => {
  snapshotSeam.between = null;
});

const levels = async (): Promise<[string, Level][]> => {
  const w = await world;
  const place = await db().workshop.findUniqueOrThrow({
    where: { id: w.workshopId },
    select: { communityId: true, community: { select: { townId: true } } },
  });
  const out: [string, Level][] = [["district", { kind: "district" }]];
  if (place.community) out.push(["town", { kind: "town", townId: place.community.townId }]);
  if (place.communityId) out.push(["community", { kind: "community", communityId: place.communityId }]);
  out.push(["workshop", { kind: "workshop", workshopId: w.workshopId }]);
  return out;
};

test("a month settled between any two of the report's reads is in none of its figures; settled before, it is in all", async () => {
  const quarter = parsePeriod("2026-Q2")!;
  const period = { first: quarter.first, last: quarter.last, months: monthsOf(quarter) };
  const trendRange = trendMonths(quarter);
  const trend = { ...trendRange, months: monthsOf(trendRange) };
  const pg = getEnv().databaseEngine === "postgresql";
  const sqliteFile = pg ? "" : sqliteFilePath(getEnv().databaseUrl, projectRoot());

  for (const [name, level] of await levels()) {
    const before = await districtReport(level, period, trend);
    expect(before, name).not.toBeNull();
    // How many reads the report makes: the seam runs between each two.
    let gaps = 0;
    snapshotSeam.between = () => {
      gaps += 1;
    };
    await districtReport(level, period, trend);
    expect(gaps, name).toBeGreaterThanOrEqual(5);

    for (let gap = 0; gap < gaps; gap++) {
      let landed: { periodId: string; slipId: string } | null = null;
      let refused = "";
      if (pg) {
        snapshotSeam.between = async (i) => {
          if (i === gap) landed = await settleWithPrisma();
        };
      } else {
        const { statements, periodId, slipId } = await settleStatements();
        snapshotSeam.between = (i) => {
          if (i !== gap) return;
          // Another connection (as another process would), not waiting for locks.
          const other = new Database(sqliteFile, { timeout: 0 });
          try {
            other.exec("BEGIN");
            for (const q of statements) other.prepare(q.sql).run(...q.values);
            other.exec("COMMIT");
            landed = { periodId, slipId };
          } catch (error) {
            refused = error instanceof Error ? error.message : String(error);
            if (other.inTransaction) other.exec("ROLLBACK");
          } finally {
            other.close();
          }
        };
      }
      const during = await districtReport(level, period, trend);
      snapshotSeam.between = null;
      // Whatever the engine did with the settle, the report is the one read before it, whole.
      expect(during, `${name}, a settle after read ${gap + 1}`).toEqual(before);
      for (const r of during!.rows) expect(() => areaFigures(r.sums)).not.toThrow();
      expect(() => areaFigures(during!.total)).not.toThrow();
      if (pg) {
        // It committed in between (another connection), and the snapshot did not see it.
        expect(landed, `${name}, gap ${gap}`).not.toBeNull();
        await unsettle(landed!);
      } else {
        expect(refused, `${name}, gap ${gap}`).toMatch(/database is locked|SQLITE_BUSY/);
        expect(landed).toBeNull();
      }
    }
  }

  // Settled for real: every figure has it, and they agree (one more payslip, period, earner pair).
  const district: Level = { kind: "district" };
  const before = (await districtReport(district, period, trend))!;
  const settled = await settleWithPrisma();
  const after = (await districtReport(district, period, trend))!;
  expect(after.total.payslips).toBe(before.total.payslips + 1);
  expect(after.total.periods).toBe(before.total.periods + 1);
  expect(after.total.earningPayslips).toBe(before.total.earningPayslips + 1);
  expect(after.total.netFen).toBe(before.total.netFen + 12345n);
  // Its checked lots count now that the month is settled.
  expect(after.total.piecesPassed).toBeGreaterThan(before.total.piecesPassed);
  expect(after.total.middleCount).toBe(after.total.earningPayslips % 2 === 0 ? 2 : 1);
  expect(areaFigures(after.total).median).not.toBeNull();
  await unsettle(settled);
  expect(await districtReport(district, period, trend)).toEqual(before);
});
