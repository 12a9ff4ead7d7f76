// Monthly settlement 月结 (docs/domain.md flow step 7 and "Money rules"; ADR 022).
//
// A month of a workshop is open until it is settled. Its pay is gathered from:
//   - passed pieces: the lots whose quality check passed pieces in that month
//     (Lot.checkedOn), grouped by worker, product, step and the rate version
//     recorded on the lot (copied from her piece log);
//   - bonuses and corrections (PayAdjustment) entered for that month;
//   - material-loss deductions charged for that month (MaterialDeduction).
// The payslip arithmetic is app/domain/payslip.ts computePayslip (pure).
//
// The preview computes every payslip and writes nothing. Settling computes them
// again inside one transaction that first writes the PayPeriod row (unique per
// workshop and month: a second settle fails) and then every payslip and line;
// a crash leaves either the old state (no period, no payslips) or the new one.
// Workers are read in batches (WORKER_BATCH), so memory stays flat as a
// workshop grows.
//
// Only a month that has ended can be settled: quality checks are dated today,
// so no check can land in a settled month. What else fed a month (its
// adjustments and deductions) is refused once the month is settled
// (`monthSettled`), under the same workshop row lock that settling takes, so
// an adjustment racing a settle either makes it into the payslips or is refused.
import { randomUUID } from "node:crypto";
import type { Actor } from "../domain/access.ts";
import { chinaMonth, daysOfMonth } from "../domain/dates.ts";
import { amountFromMinor, amountToMinor, rateFromMinor, rateToMinor } from "../domain/money.ts";
import { computePayslip, type Adjustment, type PassedPieces } from "../domain/payslip.ts";
import { db, Prisma, type Tx } from "../infra/db.server.ts";
import { getEnv } from "../infra/env.server.ts";
import { recordAudit } from "./audit.server.ts";
import {
  asMonthPieceGroups,
  monthPieces,
  monthPiecesSql,
  type MonthPieceGroup,
  type WorkerRange,
} from "./month-pieces.server.ts";
import { fail, ok, type Result } from "./result.ts";

type Client = Tx | ReturnType<typeof db>;

/** SQLite: workers read and computed per GROUP BY (a range of their ids). */
const WORKER_BATCH = 2_000;
/** PostgreSQL: passed-piece groups read per FETCH of the month's cursor (about 2,000 workers). */
const GROUPS_PER_FETCH = 10_000;

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export type SettledLine = {
  kind: "piece" | "bonus" | "correction" | "charge";
  productId: string | null;
  processStepId: string | null;
  pieceRateId: string | null;
  rateE4: bigint | null;
  pieces: number;
  amountFen: bigint;
  label: string;
  reason: string;
  sourceId: string | null;
};

export type WorkerPay = {
  workerId: string;
  payFen: bigint;
  remunerationFen: bigint;
  taxFen: bigint;
  chargesFen: bigint;
  netFen: bigint;
  lines: SettledLine[];
};

export type MonthTotals = {
  workerCount: number;
  grossFen: bigint;
  taxFen: bigint;
  chargesFen: bigint;
  netFen: bigint;
  /** Passed pieces with no rate version recorded: the month cannot be settled until they are priced. */
  unpricedPieces: number;
};

/** Whether `month` of the workshop is settled. */
export async function monthSettled(client: Client, workshopId: string, month: string): Promise<boolean> {
  const period = await client.payPeriod.findUnique({
    where: { workshopId_month: { workshopId, month } },
    select: { id: true },
  });
  return period !== null;
}

/**
 * Serialises pay writes of a workshop: settling, and writing what feeds a month
 * (adjustments, deductions), each take this row lock first, in their transaction.
 */
export async function lockWorkshopPay(tx: Tx, workshopId: string): Promise<void> {
  await tx.workshop.update({ where: { id: workshopId }, data: { updatedAt: new Date() } });
}

/** A run of workers (by id) and their passed-piece groups. */
type PieceBatch = { range: WorkerRange; groups: MonthPieceGroup[] };

/**
 * The month's passed-piece groups in runs of workers, in the database's order of worker ids. Every
 * worker id falls in exactly one run's range (the first is open below, the last open above), so a
 * worker with only a bonus or a charge is met too.
 *
 * PostgreSQL: one GROUP BY over the whole month, ordered by worker, read through a cursor
 * GROUPS_PER_FETCH groups at a time (a worker's groups are never split between runs). The database
 * reads the month once, like the lower bound, and memory holds one run. Needs a transaction.
 *
 * SQLite: the month's workers from the (workshopId, checkedOn, workerId) index alone, then one
 * GROUP BY per WORKER_BATCH workers over a range of ids (SQLite has no cursor across statements).
 */
async function* pieceBatches(client: Client, workshopId: string, month: string): AsyncGenerator<PieceBatch> {
  if (getEnv().databaseEngine === "postgresql") {
    // Planned for the whole result (a cursor is planned for its first tenth by default: an index
    // scan in worker order with a read of the table per lot), and grouped before it is sorted.
    await client.$executeRawUnsafe(`SET LOCAL cursor_tuple_fraction = 1`);
    await client.$executeRaw`DECLARE month_pieces NO SCROLL CURSOR FOR
      WITH g AS MATERIALIZED (${monthPiecesSql(workshopId, month, null)}) SELECT * FROM g ORDER BY "workerId"`;
    let after: string | null = null;
    let carry: MonthPieceGroup[] = [];
    for (;;) {
      const rows = asMonthPieceGroups(
        await client.$queryRawUnsafe<unknown[]>(`FETCH ${GROUPS_PER_FETCH} FROM month_pieces`),
      );
      const all = carry.length === 0 ? rows : [...carry, ...rows];
      if (rows.length < GROUPS_PER_FETCH) {
        await client.$executeRawUnsafe(`CLOSE month_pieces`);
        yield { range: { after, upTo: null }, groups: all };
        return;
      }
      // The last worker's groups may go on in the next fetch: kept back for it.
      const last = all[all.length - 1]!.workerId;
      let cut = all.length;
      while (cut > 0 && all[cut - 1]!.workerId === last) cut -= 1;
      carry = all.slice(cut);
      if (cut === 0) continue;
      const groups = all.slice(0, cut);
      const upTo = groups[groups.length - 1]!.workerId;
      yield { range: { after, upTo }, groups };
      after = upTo;
    }
  }
  const workers = (
    await client.$queryRaw<{ workerId: string }[]>`SELECT DISTINCT "workerId" FROM "Lot"
      WHERE "workshopId" = ${workshopId} AND "checkedOn" IN (${Prisma.join(daysOfMonth(month))})
      ORDER BY "workerId"`
  ).map((r) => r.workerId);
  if (workers.length === 0) {
    yield { range: { after: null, upTo: null }, groups: [] };
    return;
  }
  for (let i = 0; i < workers.length; i += WORKER_BATCH) {
    const end = i + WORKER_BATCH;
    const range = { after: i === 0 ? null : workers[i - 1]!, upTo: end >= workers.length ? null : workers[end - 1]! };
    yield { range, groups: await monthPieces(client, workshopId, month, range) };
  }
}

type Names = { products: Map<string, string>; steps: Map<string, string>; materials: Map<string, string> };

async function namesOf(client: Client, workshopId: string): Promise<Names> {
  const [products, steps, materials] = await Promise.all([
    client.product.findMany({ where: { workshopId }, select: { id: true, name: true } }),
    client.processStep.findMany({ where: { workshopId }, select: { id: true, name: true } }),
    client.material.findMany({ where: { workshopId }, select: { id: true, name: true } }),
  ]);
  return {
    products: new Map(products.map((p) => [p.id, p.name])),
    steps: new Map(steps.map((s) => [s.id, s.name])),
    materials: new Map(materials.map((m) => [m.id, m.name])),
  };
}

/** Rows by worker, each worker's in the order given. */
function byWorker<T extends { workerId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.workerId);
    if (list) list.push(row);
    else map.set(row.workerId, [row]);
  }
  return map;
}

/** The payslips of one run of workers, in worker id order, and the run's unpriced passed pieces. */
async function payBatch(
  client: Client,
  workshop: { id: string; withholdsTax: boolean },
  month: string,
  batch: PieceBatch,
  names: Names,
): Promise<{ pays: WorkerPay[]; unpricedPieces: number }> {
  const inRange = {
    ...(batch.range.after === null ? {} : { gt: batch.range.after }),
    ...(batch.range.upTo === null ? {} : { lte: batch.range.upTo }),
  };
  const [adjustments, deductions] = await Promise.all([
    client.payAdjustment.findMany({
      where: { workshopId: workshop.id, month, workerId: inRange },
      select: { id: true, workerId: true, kind: true, amountFen: true, reason: true, correctsMonth: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    client.materialDeduction.findMany({
      where: { workshopId: workshop.id, month, status: "charged", amountFen: { gt: 0n }, workerId: inRange },
      select: { id: true, workerId: true, amountFen: true, reason: true, materialId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  let unpricedPieces = 0;
  const piecesOf = new Map<string, PassedPieces[]>();
  for (const row of batch.groups) {
    if (row.passed === 0) continue;
    if (row.pieceRateId === null || row.rateE4 === null) {
      unpricedPieces += row.passed;
      continue;
    }
    const list = piecesOf.get(row.workerId) ?? [];
    list.push({
      productId: row.productId,
      processStepId: row.processStepId,
      pieceRateId: row.pieceRateId,
      rate: rateFromMinor(row.rateE4),
      pieces: row.passed,
    });
    piecesOf.set(row.workerId, list);
  }
  const adjustmentsOf = byWorker(adjustments);
  const deductionsOf = byWorker(deductions);
  const workerIds = [...new Set([...piecesOf.keys(), ...adjustmentsOf.keys(), ...deductionsOf.keys()])].sort();
  const pays: WorkerPay[] = [];
  for (const workerId of workerIds) {
    const own = adjustmentsOf.get(workerId) ?? [];
    const charges = deductionsOf.get(workerId) ?? [];
    const bonusRows = own.filter((a) => a.kind === "bonus");
    const correctionRows = own.filter((a) => a.kind === "correction");
    const asAdjustment = (a: { amountFen: bigint; reason: string }): Adjustment => ({
      amount: amountFromMinor(a.amountFen),
      reason: a.reason,
    });
    const slip = computePayslip({
      passed: piecesOf.get(workerId) ?? [],
      bonuses: bonusRows.map(asAdjustment),
      corrections: correctionRows.map(asAdjustment),
      charges: charges.map(asAdjustment),
      withholdsTax: workshop.withholdsTax,
    });
    const lines: SettledLine[] = [
      ...slip.lines.map((l) => ({
        kind: "piece" as const,
        productId: l.productId,
        processStepId: l.processStepId,
        pieceRateId: l.pieceRateId,
        rateE4: rateToMinor(l.rate),
        pieces: l.pieces,
        amountFen: amountToMinor(l.amount),
        label: [names.products.get(l.productId) ?? "", l.processStepId ? (names.steps.get(l.processStepId) ?? "") : ""]
          .filter(Boolean)
          .join(" · "),
        reason: "",
        sourceId: null,
      })),
      ...[...bonusRows, ...correctionRows].map((a) => ({
        kind: a.kind === "bonus" ? ("bonus" as const) : ("correction" as const),
        productId: null,
        processStepId: null,
        pieceRateId: null,
        rateE4: null,
        pieces: 0,
        amountFen: a.amountFen,
        label: a.correctsMonth,
        reason: a.reason,
        sourceId: a.id,
      })),
      ...charges.map((d) => ({
        kind: "charge" as const,
        productId: null,
        processStepId: null,
        pieceRateId: null,
        rateE4: null,
        pieces: 0,
        amountFen: d.amountFen,
        label: names.materials.get(d.materialId) ?? "",
        reason: d.reason,
        sourceId: d.id,
      })),
    ];
    pays.push({
      workerId,
      payFen: amountToMinor(slip.pay),
      remunerationFen: amountToMinor(slip.remuneration),
      taxFen: amountToMinor(slip.tax),
      chargesFen: amountToMinor(slip.charges),
      netFen: amountToMinor(slip.net),
      lines,
    });
  }
  return { pays, unpricedPieces };
}

/**
 * Computes every payslip of the month, batch by batch, handing each to `each`
 * (so a caller may stream them), and answers the month's totals.
 */
async function computeMonth(
  client: Client,
  workshop: { id: string; withholdsTax: boolean },
  month: string,
  each: (pays: WorkerPay[]) => Promise<void> | void,
): Promise<MonthTotals> {
  const names = await namesOf(client, workshop.id);
  const totals: MonthTotals = {
    workerCount: 0,
    grossFen: 0n,
    taxFen: 0n,
    chargesFen: 0n,
    netFen: 0n,
    unpricedPieces: 0,
  };
  for await (const run of pieceBatches(client, workshop.id, month)) {
    const batch = await payBatch(client, workshop, month, run, names);
    totals.unpricedPieces += batch.unpricedPieces;
    const pays = batch.pays.filter((p) => p.lines.length > 0);
    for (const p of pays) {
      totals.workerCount += 1;
      totals.grossFen += p.remunerationFen;
      totals.taxFen += p.taxFen;
      totals.chargesFen += p.chargesFen;
      totals.netFen += p.netFen;
    }
    await each(pays);
  }
  return totals;
}

export type MonthRefusal = "badMonth" | "notEnded" | "settled" | "unpriced" | "nothingToSettle";

function checkMonth(month: string, now: Date): MonthRefusal | null {
  if (!MONTH_PATTERN.test(month)) return "badMonth";
  if (month >= chinaMonth(now)) return "notEnded";
  return null;
}

/** How long one settlement (or a preview on PostgreSQL) may hold its transaction (a district-sized month takes seconds, not minutes). */
const SETTLE_TIMEOUT_MS = 10 * 60_000;

async function workshopOf(client: Client, workshopId: string) {
  return client.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { id: true, withholdsTax: true } });
}

/**
 * The month's payslips as settling would write them, without writing anything.
 * `each` receives them batch by batch; the totals come back.
 */
export async function previewMonth(
  workshopId: string,
  month: string,
  each: (pays: WorkerPay[]) => Promise<void> | void = () => {},
): Promise<MonthTotals> {
  const client = db();
  const workshop = await workshopOf(client, workshopId);
  // PostgreSQL reads the month through a cursor, which lives in a transaction (read only here).
  if (getEnv().databaseEngine === "postgresql") {
    return client.$transaction((tx) => computeMonth(tx, workshop, month, each), {
      timeout: SETTLE_TIMEOUT_MS,
      maxWait: 10_000,
    });
  }
  return computeMonth(client, workshop, month, each);
}

export type SettleResult = Result<{ periodId: string; totals: MonthTotals }, MonthRefusal>;

/**
 * Settles `month` of the actor's workshop: every payslip, the period and its
 * audit entry in one transaction. `expectedNetFen`, when given, is the net
 * total the coordinator saw in the preview: if anything changed since, nothing
 * is written and she is shown the new preview (code "changed").
 */
export async function settleMonth(
  actor: Actor,
  month: string,
  now: Date,
  expectedNetFen?: bigint,
): Promise<SettleResult | { ok: false; code: "changed"; totals: MonthTotals }> {
  const refusal = checkMonth(month, now);
  if (refusal) return fail(refusal);
  try {
    return await db().$transaction(
      async (tx) => {
        await lockWorkshopPay(tx, actor.workshopId);
        if (await monthSettled(tx, actor.workshopId, month)) throw new Stop(fail("settled"));
        const workshop = await workshopOf(tx, actor.workshopId);
        const periodId = randomUUID();
        await tx.payPeriod.create({
          data: {
            id: periodId,
            workshopId: actor.workshopId,
            month,
            workerCount: 0,
            grossFen: 0n,
            taxFen: 0n,
            chargesFen: 0n,
            netFen: 0n,
            settledById: actor.userId,
            settledAt: now,
          },
        });
        const totals = await computeMonth(tx, workshop, month, async (pays) => {
          const slips = pays.map((p) => ({ ...p, id: randomUUID() }));
          await insertPayslips(tx, actor.workshopId, periodId, month, workshop.withholdsTax, slips);
        });
        if (totals.unpricedPieces > 0) throw new Stop(fail("unpriced"));
        if (totals.workerCount === 0) throw new Stop(fail("nothingToSettle"));
        if (expectedNetFen !== undefined && expectedNetFen !== totals.netFen) {
          throw new Stop({ ok: false as const, code: "changed" as const, totals });
        }
        await tx.payPeriod.update({
          where: { id: periodId },
          data: {
            workerCount: totals.workerCount,
            grossFen: totals.grossFen,
            taxFen: totals.taxFen,
            chargesFen: totals.chargesFen,
            netFen: totals.netFen,
          },
        });
        await recordAudit(tx, actor, {
          action: "payPeriod.settle",
          entityType: "PayPeriod",
          entityId: periodId,
          after: { month, ...totals },
        });
        return ok({ periodId, totals });
      },
      { timeout: SETTLE_TIMEOUT_MS, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof Stop)
      return error.result as SettleResult | { ok: false; code: "changed"; totals: MonthTotals };
    throw error;
  }
}

/** JSON of rows, bigints as strings (read back with CAST ... AS BIGINT: exact on both engines). */
function rowsJson(rows: unknown[][]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

/** The rows of a JSON array of arrays as a table `j` with one column `value` (each row's array). */
function jsonRows(json: string): Prisma.Sql {
  return getEnv().databaseEngine === "postgresql"
    ? Prisma.sql`jsonb_array_elements(CAST(${json} AS jsonb)) AS j(value)`
    : Prisma.sql`json_each(${json}) AS j`;
}

/**
 * Writes a run of payslips and their lines: one INSERT … SELECT per table, its rows handed over as
 * one JSON parameter. Multi-row VALUES cost the JavaScript engine and PostgreSQL's parser time per
 * parameter (14 a line), and Prisma's createMany wrote about 2,400 rows a second on SQLite
 * (docs/benchmarks.md). createdAt takes the column's default.
 */
async function insertPayslips(
  tx: Tx,
  workshopId: string,
  periodId: string,
  month: string,
  withheld: boolean,
  slips: (WorkerPay & { id: string })[],
): Promise<void> {
  if (slips.length === 0) return;
  const slipRows = slips.map((p) => [p.id, p.workerId, p.payFen, p.remunerationFen, p.taxFen, p.chargesFen, p.netFen]);
  await tx.$executeRaw`INSERT INTO "Payslip" ("id", "workshopId", "payPeriodId", "workerId", "month", "payFen", "remunerationFen", "taxFen", "chargesFen", "netFen", "withheld")
    SELECT j.value ->> 0, ${workshopId}, ${periodId}, j.value ->> 1, ${month}, CAST(j.value ->> 2 AS BIGINT),
      CAST(j.value ->> 3 AS BIGINT), CAST(j.value ->> 4 AS BIGINT), CAST(j.value ->> 5 AS BIGINT), CAST(j.value ->> 6 AS BIGINT), CAST(${withheld} AS BOOLEAN)
    FROM ${jsonRows(rowsJson(slipRows))}`;
  // A line's id is its payslip's and its place on it (unique, and nothing to send or generate).
  const lineRows = slips.flatMap((p) =>
    p.lines.map((l, sortOrder) => [
      p.id,
      sortOrder,
      l.kind,
      l.productId,
      l.processStepId,
      l.pieceRateId,
      l.rateE4,
      l.pieces,
      l.amountFen,
      l.label,
      l.reason,
      l.sourceId,
    ]),
  );
  if (lineRows.length === 0) return;
  await tx.$executeRaw`INSERT INTO "PayslipLine" ("id", "payslipId", "workshopId", "kind", "sortOrder", "productId", "processStepId", "pieceRateId", "rateE4", "pieces", "amountFen", "label", "reason", "sourceId")
    SELECT (j.value ->> 0) || '.' || (j.value ->> 1), j.value ->> 0, ${workshopId}, j.value ->> 2, CAST(j.value ->> 1 AS INTEGER),
      j.value ->> 3, j.value ->> 4, j.value ->> 5, CAST(j.value ->> 6 AS BIGINT), CAST(j.value ->> 7 AS INTEGER),
      CAST(j.value ->> 8 AS BIGINT), j.value ->> 9, j.value ->> 10, j.value ->> 11
    FROM ${jsonRows(rowsJson(lineRows))}`;
}

/** A refusal thrown inside the settlement transaction, so that everything it wrote rolls back. */
class Stop extends Error {
  constructor(readonly result: { ok: false; code: MonthRefusal | "changed"; totals?: MonthTotals }) {
    super(result.code);
  }
}

/** The settled months of a workshop, newest first. */
export function listPayPeriods(workshopId: string) {
  return db().payPeriod.findMany({
    where: { workshopId },
    orderBy: { month: "desc" },
    select: {
      id: true,
      month: true,
      workerCount: true,
      grossFen: true,
      taxFen: true,
      chargesFen: true,
      netFen: true,
      settledAt: true,
    },
  });
}
