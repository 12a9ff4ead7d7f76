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
import { chinaMonth } from "../domain/dates.ts";
import { amountFromMinor, amountToMinor, rateFromMinor, rateToMinor } from "../domain/money.ts";
import { computePayslip, type Adjustment, type PassedPieces } from "../domain/payslip.ts";
import { db, Prisma, type Tx } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { noticePayslipsReady } from "./notice.server.ts";
import { fail, ok, type Result } from "./result.ts";

type Client = Tx | ReturnType<typeof db>;

/** Workers read and computed per round trip. */
export const WORKER_BATCH = 500;

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

/**
 * The days of a month as a list (01..31; a day a month lacks matches nothing). Asked as
 * `checkedOn IN (days)`, the (workshopId, checkedOn, workerId) index answers a batch of workers
 * with one short range per day on both engines; as a date range it read the whole month again
 * for every batch (docs/benchmarks.md).
 */
function daysOf(month: string): string[] {
  return Array.from({ length: 31 }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

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

/** Every worker with anything to pay or charge in the month, sorted by id. */
async function workersOfMonth(client: Client, workshopId: string, month: string): Promise<string[]> {
  const [lots, adjustments, deductions] = await Promise.all([
    // From the index alone (workshopId, checkedOn, workerId); a worker whose lots passed nothing
    // gets no payslip (computeMonth leaves out a payslip with no lines).
    client.lot.groupBy({ by: ["workerId"], where: { workshopId, checkedOn: { in: daysOf(month) } } }),
    client.payAdjustment.groupBy({ by: ["workerId"], where: { workshopId, month } }),
    client.materialDeduction.groupBy({
      by: ["workerId"],
      where: { workshopId, month, status: "charged", amountFen: { gt: 0n } },
    }),
  ]);
  const ids = new Set<string>();
  for (const row of [...lots, ...adjustments, ...deductions]) ids.add(row.workerId);
  return [...ids].sort();
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

/** The payslips of one batch of workers, in worker id order, and the batch's unpriced passed pieces. */
async function payBatch(
  client: Client,
  workshop: { id: string; withholdsTax: boolean },
  month: string,
  workerIds: string[],
  names: Names,
): Promise<{ pays: WorkerPay[]; unpricedPieces: number }> {
  const [passed, adjustments, deductions] = await Promise.all([
    client.lot.groupBy({
      by: ["workerId", "productId", "processStepId", "pieceRateId", "rateE4"],
      // The batch is a contiguous run of sorted worker ids: a range the (workerId, checkedOn) index
      // reads directly, where a list of 500 ids made the database scan the whole month per batch.
      where: {
        workshopId: workshop.id,
        workerId: { gte: workerIds[0]!, lte: workerIds[workerIds.length - 1]! },
        checkedOn: { in: daysOf(month) },
        passedQuantity: { gt: 0 },
      },
      _sum: { passedQuantity: true },
    }),
    client.payAdjustment.findMany({
      where: { workshopId: workshop.id, month, workerId: { in: workerIds } },
      select: { id: true, workerId: true, kind: true, amountFen: true, reason: true, correctsMonth: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    client.materialDeduction.findMany({
      where: { workshopId: workshop.id, month, status: "charged", amountFen: { gt: 0n }, workerId: { in: workerIds } },
      select: { id: true, workerId: true, amountFen: true, reason: true, materialId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  let unpricedPieces = 0;
  const piecesOf = new Map<string, PassedPieces[]>();
  for (const row of passed) {
    const pieces = row._sum.passedQuantity ?? 0;
    if (row.pieceRateId === null || row.rateE4 === null) {
      unpricedPieces += pieces;
      continue;
    }
    const list = piecesOf.get(row.workerId) ?? [];
    list.push({
      productId: row.productId,
      processStepId: row.processStepId,
      pieceRateId: row.pieceRateId,
      rate: rateFromMinor(row.rateE4),
      pieces,
    });
    piecesOf.set(row.workerId, list);
  }
  const pays: WorkerPay[] = [];
  for (const workerId of workerIds) {
    const own = adjustments.filter((a) => a.workerId === workerId);
    const charges = deductions.filter((d) => d.workerId === workerId);
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
  const [workers, names] = await Promise.all([
    workersOfMonth(client, workshop.id, month),
    namesOf(client, workshop.id),
  ]);
  const totals: MonthTotals = {
    workerCount: 0,
    grossFen: 0n,
    taxFen: 0n,
    chargesFen: 0n,
    netFen: 0n,
    unpricedPieces: 0,
  };
  for (let i = 0; i < workers.length; i += WORKER_BATCH) {
    const batch = await payBatch(client, workshop, month, workers.slice(i, i + WORKER_BATCH), names);
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
  return computeMonth(client, await workshopOf(client, workshopId), month, each);
}

export type SettleResult = Result<{ periodId: string; totals: MonthTotals }, MonthRefusal>;

/** How long one settlement may hold its transaction (a district-sized month takes seconds, not minutes). */
const SETTLE_TIMEOUT_MS = 10 * 60_000;

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
        // "Your payslip is ready" to each worker: one INSERT ... SELECT of the period's payslips (ADR 026).
        await noticePayslipsReady(tx, actor.workshopId, periodId, month);
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

/** Rows per INSERT statement: 14 values a line keeps a statement under SQLite's 32,766 parameters. */
const ROWS_PER_INSERT = 1_000;

/**
 * Writes a batch of payslips and their lines with multi-row INSERTs (parameterised, the same SQL on
 * both engines). Prisma's createMany was the settlement's cost: about 2,400 rows a second on SQLite,
 * against tens of thousands this way (docs/benchmarks.md). createdAt takes the column's default.
 */
async function insertPayslips(
  tx: Tx,
  workshopId: string,
  periodId: string,
  month: string,
  withheld: boolean,
  slips: (WorkerPay & { id: string })[],
): Promise<void> {
  for (let i = 0; i < slips.length; i += ROWS_PER_INSERT) {
    const part = slips.slice(i, i + ROWS_PER_INSERT);
    await tx.$executeRaw`INSERT INTO "Payslip" ("id", "workshopId", "payPeriodId", "workerId", "month", "payFen", "remunerationFen", "taxFen", "chargesFen", "netFen", "withheld") VALUES ${Prisma.join(
      part.map(
        (p) =>
          Prisma.sql`(${p.id}, ${workshopId}, ${periodId}, ${p.workerId}, ${month}, ${p.payFen}, ${p.remunerationFen}, ${p.taxFen}, ${p.chargesFen}, ${p.netFen}, ${withheld})`,
      ),
    )}`;
  }
  const lines = slips.flatMap((p) => p.lines.map((l, sortOrder) => ({ ...l, payslipId: p.id, sortOrder })));
  for (let i = 0; i < lines.length; i += ROWS_PER_INSERT) {
    const part = lines.slice(i, i + ROWS_PER_INSERT);
    await tx.$executeRaw`INSERT INTO "PayslipLine" ("id", "payslipId", "workshopId", "kind", "sortOrder", "productId", "processStepId", "pieceRateId", "rateE4", "pieces", "amountFen", "label", "reason", "sourceId") VALUES ${Prisma.join(
      part.map(
        (l) =>
          Prisma.sql`(${randomUUID()}, ${l.payslipId}, ${workshopId}, ${l.kind}, ${l.sortOrder}, ${l.productId}, ${l.processStepId}, ${l.pieceRateId}, ${l.rateE4}, ${l.pieces}, ${l.amountFen}, ${l.label}, ${l.reason}, ${l.sourceId})`,
      ),
    )}`;
  }
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
