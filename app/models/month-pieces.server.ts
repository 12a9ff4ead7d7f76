// The checked pieces of a month, per worker, product, step and rate version: the one grouping that
// the monthly settlement (settlement.server.ts, passed pieces only) and the minimum-wage view
// (minimum-wage.server.ts, passed and rework) read (docs/domain.md "Which rate, which month").
// Pieces count in the month of the check that passed them or sent them back (Lot.checkedOn, China
// date; set by the check alone, together with status "checked"), at the rate recorded on the lot.
//
// One raw GROUP BY, the same SQL on both engines: Prisma's groupBy costs a query-plan compilation
// per call with the JavaScript engine and names the days as 31 parameters.
import { daysOfMonth } from "../domain/dates.ts";
import { Prisma, type Tx } from "../infra/db.server.ts";
import type { db } from "../infra/db.server.ts";

type Client = Tx | ReturnType<typeof db>;

export type MonthPieceGroup = {
  workerId: string;
  productId: string;
  processStepId: string | null;
  /** Null (with rateE4) for pieces logged without a rate version. */
  pieceRateId: string | null;
  rateE4: bigint | null;
  passed: number;
  rework: number;
};

/** Workers after `after` (exclusive) up to `upTo` (inclusive), in the database's order of ids; null: no bound. */
export type WorkerRange = { after: string | null; upTo: string | null };

/** SQL of the workerId bounds of a range (a leading AND per bound), for any table with a "workerId". */
export function workerRangeSql(range: WorkerRange): Prisma.Sql {
  return Prisma.sql`${range.after === null ? Prisma.empty : Prisma.sql` AND "workerId" > ${range.after}`}${
    range.upTo === null ? Prisma.empty : Prisma.sql` AND "workerId" <= ${range.upTo}`
  }`;
}

/**
 * The GROUP BY of a month's checked pieces. A whole month is read
 * as a date range; a range of workers as the month's days (`checkedOn IN (…)`), which the
 * (workshopId, checkedOn, workerId) index answers with one short range per day (ADR 022).
 */
export function monthPiecesSql(workshopId: string, month: string, range: WorkerRange | null): Prisma.Sql {
  const days = daysOfMonth(month);
  const when =
    range === null
      ? Prisma.sql`"checkedOn" >= ${days[0]} AND "checkedOn" <= ${days[days.length - 1]}`
      : Prisma.sql`"checkedOn" IN (${Prisma.join(days)})${workerRangeSql(range)}`;
  return Prisma.sql`SELECT "workerId", "productId", "processStepId", "pieceRateId", "rateE4",
      CAST(SUM("passedQuantity") AS INTEGER) AS "passed", CAST(SUM("reworkQuantity") AS INTEGER) AS "rework"
    FROM "Lot"
    WHERE "workshopId" = ${workshopId} AND ${when} AND ("passedQuantity" > 0 OR "reworkQuantity" > 0)
    GROUP BY "workerId", "productId", "processStepId", "pieceRateId", "rateE4"`;
}

type RawGroup = {
  workerId: string;
  productId: string;
  processStepId: string | null;
  pieceRateId: string | null;
  rateE4: bigint | number | string | null;
  passed: number | bigint;
  rework: number | bigint;
};

/** An integer column as the drivers hand it back (a bigint, or a safe integer number), checked. */
export function bigintOf(value: bigint | number | string): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && !Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
  return BigInt(value);
}

function countOf(value: number | bigint): number {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  const n = bigintOf(value);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < 0n) throw new RangeError(`piece count out of range: ${n}`);
  return Number(n);
}

/** Rows of monthPiecesSql in their typed form. */
export function asMonthPieceGroups(rows: unknown[]): MonthPieceGroup[] {
  return (rows as RawGroup[]).map((r) => ({
    workerId: r.workerId,
    productId: r.productId,
    processStepId: r.processStepId,
    pieceRateId: r.pieceRateId,
    rateE4: r.rateE4 === null ? null : bigintOf(r.rateE4),
    passed: countOf(r.passed),
    rework: countOf(r.rework),
  }));
}

/** The checked pieces of a month of a workshop (or of a range of its workers), grouped. */
export async function monthPieces(
  client: Client,
  workshopId: string,
  month: string,
  range: WorkerRange | null = null,
): Promise<MonthPieceGroup[]> {
  return asMonthPieceGroups(await client.$queryRaw<unknown[]>(monthPiecesSql(workshopId, month, range)));
}
