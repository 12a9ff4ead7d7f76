// The district view 区级汇总 (ADR 024): the admin's figures per town/street 镇街, community 村居,
// workshop and month, from settled months only. SQL adds up the rows of each workshop (and month):
// payslips (GROUP BY workshopId, month), earners (COUNT DISTINCT per workshop), checked lots and
// loss decisions of settled months (joined to PayPeriod); this module adds those few hundred
// per-workshop figures into places exactly. The median is found in SQL (ROW_NUMBER over the
// earning payslips; only the middle one or two come back). Never JavaScript over payslip rows: at
// district scale a year is 500,000 payslips. The definitions are app/domain/district.ts's. The
// admin sees no worker at all: nothing here selects a name, a phone or a payslip line.
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

/**
 * The workshops in scope and the row each belongs to: its town (district level), its community
 * (town level), itself (community level); "" for a workshop not placed yet. At workshop level
 * the rows are its months (row key null).
 */
async function workshopsInScope(level: Level): Promise<Map<string, string | null>> {
  const rows = await db().workshop.findMany({
    where:
      level.kind === "district"
        ? {}
        : level.kind === "town"
          ? { community: { townId: level.townId } }
          : level.kind === "community"
            ? { communityId: level.communityId }
            : { id: level.workshopId },
    select: { id: true, communityId: true, community: { select: { townId: true } } },
  });
  return new Map(
    rows.map((w) => [
      w.id,
      level.kind === "district"
        ? (w.community?.townId ?? "")
        : level.kind === "town"
          ? (w.communityId ?? "")
          : level.kind === "community"
            ? w.id
            : null,
    ]),
  );
}

/** `AND x."workshopId" IN (…)` below district level (at most the district's workshops). */
function scopeSql(level: Level, workshops: Map<string, string | null>): Prisma.Sql {
  if (level.kind === "district") return Prisma.empty;
  if (workshops.size === 0) return Prisma.sql`AND 1 = 0`;
  return Prisma.sql`AND x."workshopId" IN (${Prisma.join([...workshops.keys()])})`;
}

type Range = { first: string; last: string };

/**
 * Payslips per workshop and month over the trend's months (which hold the period's). A payslip
 * exists only inside its settled period (Payslip.payPeriodId, written with the PayPeriod row in
 * one transaction, ADR 022), so no join to PayPeriod is needed here. Earning payslips: net > 0.
 */
function payslipsByWorkshopMonth(scope: Prisma.Sql, trend: Range) {
  return readRows(Prisma.sql`
    SELECT x."workshopId" AS "workshopId", x."month" AS "month",
      COUNT(*) AS "payslips",
      SUM(x."netFen") AS "netFen",
      SUM(x."remunerationFen") AS "grossFen",
      SUM(x."chargesFen") AS "chargesFen",
      SUM(CASE WHEN x."netFen" > 0 THEN 1 ELSE 0 END) AS "earningPayslips",
      SUM(CASE WHEN x."netFen" > 0 THEN x."netFen" ELSE 0 END) AS "earningNetFen"
    FROM "Payslip" x
    WHERE x."month" >= ${trend.first} AND x."month" <= ${trend.last} ${scope}
    GROUP BY x."workshopId", x."month"`);
}

/** Workers with an earning payslip in the period, counted once, per workshop (a worker has one workshop). */
function earnersByWorkshop(scope: Prisma.Sql, period: Range) {
  return readRows(Prisma.sql`
    SELECT x."workshopId" AS "workshopId", COUNT(DISTINCT x."workerId") AS "earners"
    FROM "Payslip" x
    WHERE x."netFen" > 0 AND x."month" >= ${period.first} AND x."month" <= ${period.last} ${scope}
    GROUP BY x."workshopId"`);
}

/**
 * Checked lots of settled months in the period, per workshop (and per month when `byMonth`):
 * pieces passed, first checks, and the orders and partner firms with passed pieces (an order and
 * a firm belong to one workshop, so counts per workshop add up).
 */
function lotsByWorkshop(scope: Prisma.Sql, period: Range, byMonth: boolean) {
  const month = Prisma.sql`substr(x."checkedOn", 1, 7)`;
  return readRows(Prisma.sql`
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
    GROUP BY x."workshopId"${byMonth ? Prisma.sql`, ${month}` : Prisma.empty}`);
}

/** Material loss beyond the allowance, valued at cost, as decided for settled months, per workshop and month. */
function lossByWorkshopMonth(scope: Prisma.Sql, period: Range) {
  return readRows(Prisma.sql`
    SELECT x."workshopId" AS "workshopId", x."month" AS "month", SUM(x."proposedFen") AS "lossFen"
    FROM "MaterialDeduction" x
    JOIN "PayPeriod" pp ON pp."workshopId" = x."workshopId" AND pp."month" = x."month"
    WHERE x."month" >= ${period.first} AND x."month" <= ${period.last} ${scope}
    GROUP BY x."workshopId", x."month"`);
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
  return readRows(Prisma.sql`
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
    SELECT 'total', '', SUM(s."net"), COUNT(*) FROM s WHERE ${middle("rt", "nt")}`);
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

/**
 * The sums of a level: per row, in all and per month of the trend. SQL adds up the rows of each
 * workshop (and month); what is added here are those few hundred per-workshop figures, exactly
 * (counts and BigInt fen), into towns, communities and the whole: a worker, an order and a partner
 * firm belong to one workshop, so their distinct counts add up too. A workshop's rows are months.
 */
async function sumsOf(level: Level, period: Range, trend: Range): Promise<Sums> {
  const workshops = await workshopsInScope(level);
  const scope = scopeSql(level, workshops);
  const byMonth = level.kind === "workshop";
  const [payslips, earners, lots, losses, mids] = await Promise.all([
    payslipsByWorkshopMonth(scope, trend),
    earnersByWorkshop(scope, period),
    lotsByWorkshop(scope, period, byMonth),
    lossByWorkshopMonth(scope, period),
    middles(level, scope, period),
  ]);
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
  for (const r of payslips) {
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
  for (const r of earners) {
    if (byMonth) out.total.earners += int(r.earners);
    else add(textOf(r.workshopId), null, { earners: int(r.earners) });
  }
  for (const r of lots) {
    addInto(group(out.rows, rowOf(textOf(r.workshopId), textOf(r.month))), lotSums(r));
    if (!byMonth) addInto(out.total, lotSums(r));
  }
  if (byMonth) {
    // A workshop's orders and firms over the period are counted once, not once a month.
    const [whole] = await lotsByWorkshop(scope, period, false);
    if (whole) addInto(out.total, lotSums(whole));
  }
  for (const r of losses) add(textOf(r.workshopId), textOf(r.month), { lossFen: fen(r.lossFen) });
  for (const r of mids) {
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
  const [children, sums] = await Promise.all([childrenOf(level, period.months), sumsOf(level, period, trend)]);
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
