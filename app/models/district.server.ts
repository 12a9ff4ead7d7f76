// The district view 区级汇总 (ADR 024): the admin's figures per town/street 镇街, community 村居,
// workshop and month, from settled months only. SQL adds up the rows of each workshop (and month):
// payslips (GROUP BY workshopId, month), earners (COUNT DISTINCT per workshop), checked lots and
// loss decisions of settled months (joined to PayPeriod); this module adds those few hundred
// per-workshop figures into places exactly. The median is found in SQL (ROW_NUMBER over the
// earning payslips; only the middle one or two come back). Never JavaScript over payslip rows: at
// district scale a year is 500,000 payslips. The definitions are app/domain/district.ts's. The
// admin sees no worker at all: nothing here selects a name, a phone or a payslip line.
import { emptySums, type AreaSums } from "../domain/district.ts";
import { bigintOrNull, intOf, Prisma, readSnapshot, textOf, textOrNull } from "../infra/db.server.ts";
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

/**
 * The workshops in scope and the row each belongs to: its town (district level), its community
 * (town level), itself (community level); "" for a workshop not placed yet. At workshop level
 * the rows are its months (row key null).
 */
function workshopsInScope(level: Level) {
  const where =
    level.kind === "district"
      ? Prisma.empty
      : level.kind === "town"
        ? Prisma.sql`WHERE c."townId" = ${level.townId}`
        : level.kind === "community"
          ? Prisma.sql`WHERE w."communityId" = ${level.communityId}`
          : Prisma.sql`WHERE w."id" = ${level.workshopId}`;
  return Prisma.sql`
    SELECT w."id" AS "id", w."communityId" AS "communityId", c."townId" AS "townId"
    FROM "Workshop" w LEFT JOIN "Community" c ON c."id" = w."communityId" ${where}`;
}

function rowKeys(level: Level, rows: Record<string, unknown>[]): Map<string, string | null> {
  return new Map(
    rows.map((w) => [
      textOf(w.id),
      level.kind === "district"
        ? (textOrNull(w.townId) ?? "")
        : level.kind === "town"
          ? (textOrNull(w.communityId) ?? "")
          : level.kind === "community"
            ? textOf(w.id)
            : null,
    ]),
  );
}

/**
 * `AND x."workshopId" …`: the level's workshops, chosen in SQL, so that every query of the
 * report picks them from its one snapshot (a workshop placed meanwhile is in all or in none).
 */
function scopeSql(level: Level): Prisma.Sql {
  switch (level.kind) {
    case "district":
      return Prisma.empty;
    case "town":
      return Prisma.sql`AND x."workshopId" IN (SELECT sw."id" FROM "Workshop" sw JOIN "Community" sc ON sc."id" = sw."communityId" WHERE sc."townId" = ${level.townId})`;
    case "community":
      return Prisma.sql`AND x."workshopId" IN (SELECT sw."id" FROM "Workshop" sw WHERE sw."communityId" = ${level.communityId})`;
    case "workshop":
      return Prisma.sql`AND x."workshopId" = ${level.workshopId}`;
  }
}

type Range = { first: string; last: string };

/**
 * Payslips per workshop and month over the trend's months (which hold the period's). A payslip
 * exists only inside its settled period (Payslip.payPeriodId, written with the PayPeriod row in
 * one transaction, ADR 022), so no join to PayPeriod is needed here. Earning payslips: net > 0.
 */
function payslipsByWorkshopMonth(scope: Prisma.Sql, trend: Range) {
  return Prisma.sql`
    SELECT x."workshopId" AS "workshopId", x."month" AS "month",
      COUNT(*) AS "payslips",
      SUM(x."netFen") AS "netFen",
      SUM(x."remunerationFen") AS "grossFen",
      SUM(x."chargesFen") AS "chargesFen",
      SUM(CASE WHEN x."netFen" > 0 THEN 1 ELSE 0 END) AS "earningPayslips",
      SUM(CASE WHEN x."netFen" > 0 THEN x."netFen" ELSE 0 END) AS "earningNetFen"
    FROM "Payslip" x
    WHERE x."month" >= ${trend.first} AND x."month" <= ${trend.last} ${scope}
    GROUP BY x."workshopId", x."month"`;
}

/** Workers with an earning payslip in the period, counted once, per workshop (a worker has one workshop). */
function earnersByWorkshop(scope: Prisma.Sql, period: Range) {
  return Prisma.sql`
    SELECT x."workshopId" AS "workshopId", COUNT(DISTINCT x."workerId") AS "earners"
    FROM "Payslip" x
    WHERE x."netFen" > 0 AND x."month" >= ${period.first} AND x."month" <= ${period.last} ${scope}
    GROUP BY x."workshopId"`;
}

/**
 * Checked lots of settled months in the period, per workshop (and per month when `byMonth`):
 * pieces passed, first checks, and the orders and partner firms with passed pieces (an order and
 * a firm belong to one workshop, so counts per workshop add up).
 */
function lotsByWorkshop(scope: Prisma.Sql, period: Range, byMonth: boolean) {
  const month = Prisma.sql`substr(x."checkedOn", 1, 7)`;
  return Prisma.sql`
    SELECT x."workshopId" AS "workshopId", ${byMonth ? month : Prisma.sql`''`} AS "month",
      SUM(x."passedQuantity") AS "piecesPassed",
      SUM(CASE WHEN x."reworkOfLotId" IS NULL THEN x."passedQuantity" ELSE 0 END) AS "firstPassed",
      SUM(CASE WHEN x."reworkOfLotId" IS NULL THEN x."passedQuantity" + x."reworkQuantity" + x."rejectedQuantity" ELSE 0 END) AS "firstChecked",
      COUNT(DISTINCT CASE WHEN x."passedQuantity" > 0 THEN x."orderId" END) AS "orders",
      COUNT(DISTINCT CASE WHEN x."passedQuantity" > 0 THEN o."partnerId" END) AS "partners"
    FROM "Lot" x
    JOIN "PayPeriod" pp ON pp."workshopId" = x."workshopId" AND pp."month" = ${month}
    JOIN "Order" o ON o."id" = x."orderId"
    WHERE x."status" = 'checked' AND x."checkedOn" >= ${`${period.first}-01`} AND x."checkedOn" <= ${`${period.last}-31`}
      ${scope}
    GROUP BY x."workshopId"${byMonth ? Prisma.sql`, ${month}` : Prisma.empty}`;
}

/** Material loss beyond the allowance, valued at cost, as decided for settled months, per workshop and month. */
function lossByWorkshopMonth(scope: Prisma.Sql, period: Range) {
  return Prisma.sql`
    SELECT x."workshopId" AS "workshopId", x."month" AS "month", SUM(x."proposedFen") AS "lossFen"
    FROM "MaterialDeduction" x
    JOIN "PayPeriod" pp ON pp."workshopId" = x."workshopId" AND pp."month" = x."month"
    WHERE x."month" >= ${period.first} AND x."month" <= ${period.last} ${scope}
    GROUP BY x."workshopId", x."month"`;
}

/**
 * The middle earning payslip(s) of each row and of the whole period, in one pass: the period's
 * earning payslips numbered by net pay within each row and within the whole (ROW_NUMBER over two
 * partitions); the middle one, or two for an even count, come back summed with their count.
 */
function middles(level: Level, scope: Prisma.Sql, period: Range) {
  const rowKey =
    level.kind === "district"
      ? Prisma.sql`COALESCE(c."townId", '')`
      : level.kind === "town"
        ? Prisma.sql`COALESCE(w."communityId", '')`
        : level.kind === "community"
          ? Prisma.sql`x."workshopId"`
          : Prisma.sql`x."month"`;
  // Only the district and town levels need the workshop's place for their rows.
  const places =
    level.kind === "district"
      ? Prisma.sql`JOIN "Workshop" w ON w."id" = x."workshopId" LEFT JOIN "Community" c ON c."id" = w."communityId"`
      : level.kind === "town"
        ? Prisma.sql`JOIN "Workshop" w ON w."id" = x."workshopId"`
        : Prisma.empty;
  const middle = (rn: string, n: string) =>
    Prisma.raw(`(s."${rn}" = (s."${n}" + 1) / 2 OR s."${rn}" = (s."${n}" + 2) / 2)`);
  return Prisma.sql`
    WITH s AS MATERIALIZED (
      SELECT ${rowKey} AS "key", x."netFen" AS "net",
        ROW_NUMBER() OVER (PARTITION BY ${rowKey} ORDER BY x."netFen") AS "rk",
        COUNT(*) OVER (PARTITION BY ${rowKey}) AS "nk",
        ROW_NUMBER() OVER (ORDER BY x."netFen") AS "rt",
        COUNT(*) OVER () AS "nt"
      FROM "Payslip" x ${places}
      WHERE x."netFen" > 0 AND x."month" >= ${period.first} AND x."month" <= ${period.last} ${scope}
    )
    SELECT 'row' AS "by", s."key" AS "key", SUM(s."net") AS "middleSumFen", COUNT(*) AS "middleCount"
      FROM s WHERE ${middle("rk", "nk")} GROUP BY s."key"
    UNION ALL
    SELECT 'total', '', SUM(s."net"), COUNT(*) FROM s WHERE ${middle("rt", "nt")}`;
}

const int = (v: unknown) => (v === null || v === undefined ? 0 : intOf(v));
const fen = (v: unknown) => bigintOrNull(v) ?? 0n;

/** Adds one group's sums into another (counts and amounts exactly; the median is set apart). */
function addInto(into: AreaSums, from: Partial<AreaSums>): void {
  for (const [k, v] of Object.entries(from) as [keyof AreaSums, number | bigint][]) {
    if (k === "middleSumFen" || k === "middleCount") continue;
    (into[k] as number | bigint) = typeof v === "bigint" ? (into[k] as bigint) + v : (into[k] as number) + v;
  }
}

function lotSums(r: Record<string, unknown>): Partial<AreaSums> {
  return {
    piecesPassed: int(r.piecesPassed),
    firstPassed: int(r.firstPassed),
    firstChecked: int(r.firstChecked),
    orders: int(r.orders),
    partners: int(r.partners),
  };
}

type Sums = { rows: Map<string, AreaSums>; total: AreaSums; months: Map<string, AreaSums> };

type Rows = Record<string, unknown>[];

/** The rows the sums are made of, all read from the report's one snapshot. */
type SumsRows = {
  workshops: Rows;
  payslips: Rows;
  earners: Rows;
  lots: Rows;
  /** A workshop's lots over the whole period (workshop level only; else empty) */
  wholeLots: Rows;
  losses: Rows;
  middles: Rows;
};

/** The queries of the sums of a level (null: not asked at this level). */
function sumsQueries(level: Level, period: Range, trend: Range): Record<keyof SumsRows, Prisma.Sql | null> {
  const scope = scopeSql(level);
  const byMonth = level.kind === "workshop";
  // The slowest first (readSnapshot runs two at a time on PostgreSQL): the middles and the lots.
  return {
    middles: middles(level, scope, period),
    lots: lotsByWorkshop(scope, period, byMonth),
    payslips: payslipsByWorkshopMonth(scope, trend),
    earners: earnersByWorkshop(scope, period),
    // A workshop's orders and firms over the period are counted once, not once a month.
    wholeLots: byMonth ? lotsByWorkshop(scope, period, false) : null,
    losses: lossByWorkshopMonth(scope, period),
    workshops: workshopsInScope(level),
  };
}

/**
 * The sums of a level: per row, in all and per month of the trend. SQL adds up the rows of each
 * workshop (and month); what is added here are those few hundred per-workshop figures, exactly
 * (counts and BigInt fen), into towns, communities and the whole: a worker, an order and a partner
 * firm belong to one workshop, so their distinct counts add up too. A workshop's rows are months.
 */
function sumsOf(level: Level, period: Range, read: SumsRows): Sums {
  const workshops = rowKeys(level, read.workshops);
  const byMonth = level.kind === "workshop";
  const out: Sums = { rows: new Map(), total: emptySums(), months: new Map() };
  const inPeriod = (month: string) => month >= period.first && month <= period.last;
  const group = (map: Map<string, AreaSums>, key: string) => {
    let sums = map.get(key);
    if (!sums) map.set(key, (sums = emptySums()));
    return sums;
  };
  /** The row of a workshop's figures (of a month, for a workshop's own rows). */
  const rowOf = (workshopId: string, month: string) => (byMonth ? month : (workshops.get(workshopId) ?? ""));
  const add = (workshopId: string, month: string | null, sums: Partial<AreaSums>) => {
    addInto(group(out.rows, rowOf(workshopId, month ?? "")), sums);
    addInto(out.total, sums);
  };
  for (const r of read.payslips) {
    const month = textOf(r.month);
    const sums = {
      payslips: int(r.payslips),
      periods: 1,
      netFen: fen(r.netFen),
      grossFen: fen(r.grossFen),
      chargesFen: fen(r.chargesFen),
      earningPayslips: int(r.earningPayslips),
      earningNetFen: fen(r.earningNetFen),
    };
    // In a month, each worker has one payslip: her earning payslip is her being an earner that month.
    addInto(group(out.months, month), { ...sums, earners: sums.earningPayslips });
    if (!inPeriod(month)) continue;
    addInto(
      group(out.rows, rowOf(textOf(r.workshopId), month)),
      byMonth ? { ...sums, earners: sums.earningPayslips } : sums,
    );
    addInto(out.total, sums);
  }
  // Earners over the period: per workshop (a worker has one), into her row and the whole.
  for (const r of read.earners) {
    if (byMonth) out.total.earners += int(r.earners);
    else add(textOf(r.workshopId), null, { earners: int(r.earners) });
  }
  for (const r of read.lots) {
    addInto(group(out.rows, rowOf(textOf(r.workshopId), textOf(r.month))), lotSums(r));
    if (!byMonth) addInto(out.total, lotSums(r));
  }
  const [whole] = read.wholeLots;
  if (byMonth && whole) addInto(out.total, lotSums(whole));
  for (const r of read.losses) add(textOf(r.workshopId), textOf(r.month), { lossFen: fen(r.lossFen) });
  for (const r of read.middles) {
    const target = r.by === "row" ? group(out.rows, textOf(r.key)) : out.total;
    target.middleSumFen = fen(r.middleSumFen);
    target.middleCount = int(r.middleCount);
  }
  return out;
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

/** Where a level is: its town, community and workshop, each with its name (no row: the id is unknown). */
function placeQuery(level: Level): Prisma.Sql | null {
  const columns = Prisma.sql`t."id" AS "townId", t."name" AS "townName", c."id" AS "communityId", c."name" AS "communityName"`;
  switch (level.kind) {
    case "district":
      return null;
    case "town":
      return Prisma.sql`SELECT t."id" AS "townId", t."name" AS "townName", NULL AS "communityId", NULL AS "communityName",
        NULL AS "workshopId", NULL AS "workshopName" FROM "Town" t WHERE t."id" = ${level.townId}`;
    case "community":
      return Prisma.sql`SELECT ${columns}, NULL AS "workshopId", NULL AS "workshopName"
        FROM "Community" c JOIN "Town" t ON t."id" = c."townId" WHERE c."id" = ${level.communityId}`;
    case "workshop":
      return Prisma.sql`SELECT ${columns}, w."id" AS "workshopId", w."name" AS "workshopName"
        FROM "Workshop" w LEFT JOIN "Community" c ON c."id" = w."communityId" LEFT JOIN "Town" t ON t."id" = c."townId"
        WHERE w."id" = ${level.workshopId}`;
  }
}

function placeOf(level: Level, rows: Rows) {
  if (level.kind === "district") return { town: null, community: null, workshop: null };
  const [r] = rows;
  if (!r) return null;
  const place = (id: unknown, name: unknown): Place | null =>
    id === null || id === undefined ? null : { id: textOf(id), name: textOf(name) };
  return {
    town: place(r.townId, r.townName),
    community: place(r.communityId, r.communityName),
    workshop: place(r.workshopId, r.workshopName),
  };
}

/** The level's child areas, every one listed (also those with nothing settled), by name; a workshop's are its months. */
function childrenQuery(level: Level): Prisma.Sql | null {
  switch (level.kind) {
    case "district":
      return Prisma.sql`SELECT "id", "name" FROM "Town" ORDER BY "name" ASC`;
    case "town":
      return Prisma.sql`SELECT "id", "name" FROM "Community" WHERE "townId" = ${level.townId} ORDER BY "name" ASC`;
    case "community":
      return Prisma.sql`SELECT "id", "name" FROM "Workshop" WHERE "communityId" = ${level.communityId} ORDER BY "name" ASC`;
    case "workshop":
      return null;
  }
}

/**
 * The district report of a level over [first, last] (months, YYYY-MM), with the trend over
 * [trendFirst, period last]; null when the level's town, community or workshop does not exist.
 * Every figure comes from one snapshot of the database (readSnapshot): a month settled while the
 * report is read is in all of its figures or in none, so they always agree with each other.
 */
export async function districtReport(
  level: Level,
  period: { first: string; last: string; months: string[] },
  trend: { first: string; last: string; months: string[] },
): Promise<DistrictReport | null> {
  const queries = { ...sumsQueries(level, period, trend), place: placeQuery(level), children: childrenQuery(level) };
  const asked = (Object.entries(queries) as [keyof typeof queries, Prisma.Sql | null][]).filter(
    (e): e is [keyof typeof queries, Prisma.Sql] => e[1] !== null,
  );
  const results = await readSnapshot(asked.map(([, query]) => query));
  const read = Object.fromEntries(Object.keys(queries).map((key) => [key, [] as Rows])) as Record<
    keyof typeof queries,
    Rows
  >;
  asked.forEach(([key], i) => (read[key] = results[i]!));
  const place = placeOf(level, read.place);
  if (!place) return null;
  const sums = sumsOf(level, period, read);
  const children: Place[] =
    level.kind === "workshop"
      ? period.months.map((m) => ({ id: m, name: m }))
      : read.children.map((c) => ({ id: textOf(c.id), name: textOf(c.name) }));
  const listed = children.map((c) => ({ key: c.id, name: c.name, sums: sums.rows.get(c.id) ?? emptySums() }));
  const unplaced = sums.rows.get("");
  return {
    ...place,
    rows: unplaced && level.kind !== "workshop" ? [...listed, { key: "", name: "", sums: unplaced }] : listed,
    total: sums.total,
    trend: trend.months.map((month) => ({ month, sums: sums.months.get(month) ?? emptySums() })),
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
