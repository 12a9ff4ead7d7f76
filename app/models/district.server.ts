// The district view 区级汇总 (ADR 024): the admin's figures per town/street 镇街, community 村居,
// workshop and month, from settled months only. Every figure is added up in SQL (GROUP BY over
// the payslips of settled periods, the checked lots and the loss decisions of settled months),
// never in JavaScript over rows: at district scale a year is 600,000 payslips. The median is
// found in SQL too (ROW_NUMBER over the earning payslips of each group; the middle one or two
// come back). The definitions are app/domain/district.ts's. The admin sees no worker at all:
// nothing here selects a name, a phone or a payslip line.
import { emptySums, type AreaSums } from "../domain/district.ts";
import { bigintOrNull, intOf, Prisma, readRows, textOf } from "../infra/db.server.ts";
import { db } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { nameTakenOnConflict } from "./errors.server.ts";
import { fail, ok, type Result } from "./result.ts";

/** Where the admin stands: the whole district, a town/street, a community, or one workshop. */
export type Level =
  | { kind: "district" }
  | { kind: "town"; townId: string }
  | { kind: "community"; communityId: string }
  | { kind: "workshop"; workshopId: string };

/** Group by the level's rows (its child areas; a workshop's months), all in one, or by month (the trend). */
type By = "rows" | "total" | "month";

const PLACES = Prisma.sql`JOIN "Workshop" w ON w."id" = x."workshopId" LEFT JOIN "Community" c ON c."id" = w."communityId"`;

function scopeSql(level: Level): Prisma.Sql {
  switch (level.kind) {
    case "district":
      return Prisma.sql`1 = 1`;
    case "town":
      return Prisma.sql`c."townId" = ${level.townId}`;
    case "community":
      return Prisma.sql`w."communityId" = ${level.communityId}`;
    case "workshop":
      return Prisma.sql`w."id" = ${level.workshopId}`;
  }
}

/** The group key; null for "all in one" (no GROUP BY / PARTITION BY at all: PostgreSQL refuses a constant). */
function keySql(level: Level, by: By, month: Prisma.Sql): Prisma.Sql | null {
  if (by === "total") return null;
  if (by === "month") return month;
  switch (level.kind) {
    case "district":
      return Prisma.sql`COALESCE(c."townId", '')`;
    case "town":
      return Prisma.sql`COALESCE(w."communityId", '')`;
    case "community":
      return Prisma.sql`w."id"`;
    case "workshop":
      return month;
  }
}

const selectKey = (key: Prisma.Sql | null) => key ?? Prisma.sql`''`;
const groupBy = (key: Prisma.Sql | null) => (key ? Prisma.sql`GROUP BY ${key}` : Prisma.empty);

/** Payslips of settled periods in [first, last]: counts and exact sums per group. */
function payslipSums(level: Level, by: By, first: string, last: string) {
  const key = keySql(level, by, Prisma.sql`x."month"`);
  return readRows(Prisma.sql`
    SELECT ${selectKey(key)} AS "key",
      COUNT(*) AS "payslips",
      COUNT(DISTINCT x."payPeriodId") AS "periods",
      SUM(x."netFen") AS "netFen",
      SUM(x."remunerationFen") AS "grossFen",
      SUM(x."chargesFen") AS "chargesFen",
      COUNT(DISTINCT CASE WHEN x."netFen" > 0 THEN x."workerId" END) AS "earners",
      SUM(CASE WHEN x."netFen" > 0 THEN 1 ELSE 0 END) AS "earningPayslips",
      SUM(CASE WHEN x."netFen" > 0 THEN x."netFen" ELSE 0 END) AS "earningNetFen"
    FROM "Payslip" x
    JOIN "PayPeriod" pp ON pp."id" = x."payPeriodId" AND pp."status" = 'settled'
    ${PLACES}
    WHERE x."month" >= ${first} AND x."month" <= ${last} AND ${scopeSql(level)}
    ${groupBy(key)}`);
}

/** The middle earning payslip(s) of each group: their net summed and how many (1 or 2). */
function medianSums(level: Level, by: By, first: string, last: string) {
  const key = keySql(level, by, Prisma.sql`x."month"`);
  const partition = key ? Prisma.sql`PARTITION BY ${key}` : Prisma.empty;
  return readRows(Prisma.sql`
    SELECT s."key" AS "key", SUM(s."net") AS "middleSumFen", COUNT(*) AS "middleCount"
    FROM (
      SELECT ${selectKey(key)} AS "key", x."netFen" AS "net",
        ROW_NUMBER() OVER (${partition} ORDER BY x."netFen", x."id") AS "rn",
        COUNT(*) OVER (${partition}) AS "n"
      FROM "Payslip" x
      JOIN "PayPeriod" pp ON pp."id" = x."payPeriodId" AND pp."status" = 'settled'
      ${PLACES}
      WHERE x."netFen" > 0 AND x."month" >= ${first} AND x."month" <= ${last} AND ${scopeSql(level)}
    ) s
    WHERE s."rn" = (s."n" + 1) / 2 OR s."rn" = (s."n" + 2) / 2
    GROUP BY s."key"`);
}

/** Checked lots of settled months: pieces passed, first checks, orders and partner firms with passed pieces. */
function lotSums(level: Level, by: By, first: string, last: string) {
  const month = Prisma.sql`substr(x."checkedOn", 1, 7)`;
  const key = keySql(level, by, month);
  return readRows(Prisma.sql`
    SELECT ${selectKey(key)} AS "key",
      SUM(x."passedQuantity") AS "piecesPassed",
      SUM(CASE WHEN x."reworkOfLotId" IS NULL THEN x."passedQuantity" ELSE 0 END) AS "firstPassed",
      SUM(CASE WHEN x."reworkOfLotId" IS NULL THEN x."passedQuantity" + x."reworkQuantity" + x."rejectedQuantity" ELSE 0 END) AS "firstChecked",
      COUNT(DISTINCT CASE WHEN x."passedQuantity" > 0 THEN x."orderId" END) AS "orders",
      COUNT(DISTINCT CASE WHEN x."passedQuantity" > 0 THEN o."partnerId" END) AS "partners"
    FROM "Lot" x
    JOIN "PayPeriod" pp ON pp."workshopId" = x."workshopId" AND pp."month" = ${month} AND pp."status" = 'settled'
    JOIN "Order" o ON o."id" = x."orderId"
    ${PLACES}
    WHERE x."status" = 'checked' AND x."checkedOn" >= ${`${first}-01`} AND x."checkedOn" <= ${`${last}-31`}
      AND ${scopeSql(level)}
    ${groupBy(key)}`);
}

/** Material loss beyond the allowance, valued at cost, as decided for settled months. */
function lossSums(level: Level, by: By, first: string, last: string) {
  const key = keySql(level, by, Prisma.sql`x."month"`);
  return readRows(Prisma.sql`
    SELECT ${selectKey(key)} AS "key", SUM(x."proposedFen") AS "lossFen"
    FROM "MaterialDeduction" x
    JOIN "PayPeriod" pp ON pp."workshopId" = x."workshopId" AND pp."month" = x."month" AND pp."status" = 'settled'
    ${PLACES}
    WHERE x."month" >= ${first} AND x."month" <= ${last} AND ${scopeSql(level)}
    ${groupBy(key)}`);
}

const int = (v: unknown) => (v === null || v === undefined ? 0 : intOf(v));
const fen = (v: unknown) => bigintOrNull(v) ?? 0n;

type Rows = Record<string, unknown>[];

/** The sums of each group key, merged from the four queries. */
function merge(payslips: Rows, middles: Rows, lots: Rows, losses: Rows): Map<string, AreaSums> {
  const out = new Map<string, AreaSums>();
  const at = (key: unknown) => {
    const k = textOf(key);
    let sums = out.get(k);
    if (!sums) out.set(k, (sums = emptySums()));
    return sums;
  };
  for (const r of payslips) {
    if (int(r.payslips) === 0) continue; // "all in one" over nothing still answers one row
    Object.assign(at(r.key), {
      payslips: int(r.payslips),
      periods: int(r.periods),
      netFen: fen(r.netFen),
      grossFen: fen(r.grossFen),
      chargesFen: fen(r.chargesFen),
      earners: int(r.earners),
      earningPayslips: int(r.earningPayslips),
      earningNetFen: fen(r.earningNetFen),
    });
  }
  for (const r of middles)
    Object.assign(at(r.key), { middleSumFen: fen(r.middleSumFen), middleCount: int(r.middleCount) });
  for (const r of lots) {
    if (r.piecesPassed === null || r.piecesPassed === undefined) continue;
    Object.assign(at(r.key), {
      piecesPassed: int(r.piecesPassed),
      firstPassed: int(r.firstPassed),
      firstChecked: int(r.firstChecked),
      orders: int(r.orders),
      partners: int(r.partners),
    });
  }
  for (const r of losses) {
    if (r.lossFen === null || r.lossFen === undefined) continue;
    at(r.key).lossFen = fen(r.lossFen);
  }
  return out;
}

async function sumsBy(level: Level, by: By, first: string, last: string): Promise<Map<string, AreaSums>> {
  const [payslips, middles, lots, losses] = await Promise.all([
    payslipSums(level, by, first, last),
    medianSums(level, by, first, last),
    by === "month" ? Promise.resolve([]) : lotSums(level, by, first, last),
    by === "month" ? Promise.resolve([]) : lossSums(level, by, first, last),
  ]);
  return merge(payslips, middles, lots, losses);
}

export type Place = { id: string; name: string };

export type DistrictReport = {
  /** The place the admin stands in, with its parents (for the breadcrumb); null ids at district level. */
  town: Place | null;
  community: Place | null;
  workshop: Place | null;
  /** The level's rows: its towns, communities, workshops, or (a workshop) its months; "" = workshops not placed yet. */
  rows: { key: string; name: string; sums: AreaSums }[];
  total: AreaSums;
  /** Month by month over the trend's months (payslip figures only), every month present. */
  trend: { month: string; sums: AreaSums }[];
};

/** Where a level is, or null when its id is unknown. */
async function placeOf(level: Level) {
  const client = db();
  switch (level.kind) {
    case "district":
      return { town: null, community: null, workshop: null };
    case "town": {
      const town = await client.town.findUnique({ where: { id: level.townId }, select: { id: true, name: true } });
      return town && { town, community: null, workshop: null };
    }
    case "community": {
      const c = await client.community.findUnique({
        where: { id: level.communityId },
        select: { id: true, name: true, town: { select: { id: true, name: true } } },
      });
      return c && { town: c.town, community: { id: c.id, name: c.name }, workshop: null };
    }
    case "workshop": {
      const w = await client.workshop.findUnique({
        where: { id: level.workshopId },
        select: {
          id: true,
          name: true,
          community: { select: { id: true, name: true, town: { select: { id: true, name: true } } } },
        },
      });
      if (!w) return null;
      const community = w.community ? { id: w.community.id, name: w.community.name } : null;
      return { town: w.community?.town ?? null, community, workshop: { id: w.id, name: w.name } };
    }
  }
}

/** The level's child areas, every one listed (also those with nothing settled), by name. */
async function childrenOf(level: Level, months: string[]): Promise<Place[]> {
  const client = db();
  switch (level.kind) {
    case "district":
      return client.town.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
    case "town":
      return client.community.findMany({
        where: { townId: level.townId },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      });
    case "community":
      return client.workshop.findMany({
        where: { communityId: level.communityId },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      });
    case "workshop":
      return months.map((m) => ({ id: m, name: m }));
  }
}

/**
 * The district report of a level over [first, last] (months, YYYY-MM), with the trend over
 * [trendFirst, period last]; null when the level's town, community or workshop does not exist.
 */
export async function districtReport(
  level: Level,
  period: { first: string; last: string; months: string[] },
  trend: { first: string; last: string; months: string[] },
): Promise<DistrictReport | null> {
  const place = await placeOf(level);
  if (!place) return null;
  const [children, rows, totals, byMonth] = await Promise.all([
    childrenOf(level, period.months),
    sumsBy(level, "rows", period.first, period.last),
    sumsBy(level, "total", period.first, period.last),
    sumsBy(level, "month", trend.first, trend.last),
  ]);
  const listed = children.map((c) => ({ key: c.id, name: c.name, sums: rows.get(c.id) ?? emptySums() }));
  const unplaced = rows.get("");
  return {
    ...place,
    rows: unplaced && level.kind !== "workshop" ? [...listed, { key: "", name: "", sums: unplaced }] : listed,
    total: totals.get("") ?? emptySums(),
    trend: trend.months.map((month) => ({ month, sums: byMonth.get(month) ?? emptySums() })),
  };
}

// ---------------------------------------------------------------------------
// Places: towns/streets and communities, and where a workshop is (admin only)

export async function listTownsWithCommunities() {
  return db().town.findMany({
    select: {
      id: true,
      name: true,
      communities: { select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
    orderBy: { name: "asc" },
  });
}

/** An admin adds a town/street (audited; no workshop). */
export function createTown(adminId: string, input: { name: string }): Promise<Result<{ id: string }, "nameTaken">> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      if (await tx.town.findUnique({ where: { name: input.name }, select: { id: true } })) return fail("nameTaken");
      const town = await tx.town.create({ data: { name: input.name }, select: { id: true } });
      await recordAudit(
        tx,
        { userId: adminId, workshopId: null },
        { action: "town.create", entityType: "Town", entityId: town.id, after: input },
      );
      return ok({ id: town.id });
    }),
  );
}

/** An admin adds a community to a town (audited); its name is unique within the town. */
export function createCommunity(
  adminId: string,
  input: { townId: string; name: string },
): Promise<Result<{ id: string }, "nameTaken" | "noTown">> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      if (!(await tx.town.findUnique({ where: { id: input.townId }, select: { id: true } }))) return fail("noTown");
      const taken = await tx.community.findUnique({
        where: { townId_name: { townId: input.townId, name: input.name } },
        select: { id: true },
      });
      if (taken) return fail("nameTaken");
      const community = await tx.community.create({ data: input, select: { id: true } });
      await recordAudit(
        tx,
        { userId: adminId, workshopId: null },
        { action: "community.create", entityType: "Community", entityId: community.id, after: input },
      );
      return ok({ id: community.id });
    }),
  );
}

/** An admin sets the community a workshop belongs to (audited under the workshop). */
export function setWorkshopCommunity(
  adminId: string,
  workshopId: string,
  communityId: string,
): Promise<Result<object, "noCommunity" | "notFound">> {
  return db().$transaction(async (tx) => {
    const before = await tx.workshop.findUnique({ where: { id: workshopId }, select: { communityId: true } });
    if (!before) return fail("notFound");
    if (!(await tx.community.findUnique({ where: { id: communityId }, select: { id: true } }))) {
      return fail("noCommunity");
    }
    await tx.workshop.update({ where: { id: workshopId }, data: { communityId } });
    await recordAudit(
      tx,
      { userId: adminId, workshopId },
      { action: "workshop.place", entityType: "Workshop", entityId: workshopId, before, after: { communityId } },
    );
    return ok();
  });
}

/** Where a workshop is (its community and town), or null when not set. */
export async function workshopPlace(workshopId: string) {
  const w = await db().workshop.findUnique({
    where: { id: workshopId },
    select: { community: { select: { id: true, name: true, town: { select: { id: true, name: true } } } } },
  });
  return w?.community ?? null;
}
