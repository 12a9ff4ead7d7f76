// What the pay pages send to the browser (monthly settlement 月结, ADR 022):
// amounts only as text formatted here from exact fen (docs/conventions.md §2),
// never as numbers; months as YYYY-MM with a label in the page's language;
// dates as ISO text. Totals of a settled month are the exact sum of its payslips.
import { addMonths, chinaMonth } from "../domain/dates.ts";
import { amountFromMinor, formatAmount, formatRate, rateFromMinor } from "../domain/money.ts";
import { formatMonth } from "../i18n/format.ts";
import type { Locale } from "../i18n/locales.ts";
import type { getPayslip, listAdjustments, listMonthPayslips } from "../models/payslip.server.ts";
import { previewMonth, type listPayPeriods, type WorkerPay } from "../models/settlement.server.ts";
import { newSubmissionKey } from "../models/submission.server.ts";
import type { WorkerRow } from "../models/user.server.ts";

/** How many ended months before the current one the months list offers to settle. */
export const OPEN_MONTHS_SHOWN = 3;

export function money(fen: bigint, locale: Locale): string {
  return formatAmount(amountFromMinor(fen), locale);
}

/** "2026年10月" / "October 2026" (app/i18n/format.ts, where the notices list finds it too). */
export const monthLabel = formatMonth;

type Period = Awaited<ReturnType<typeof listPayPeriods>>[number];

/** The months list: settled months (newest first) and the ended months not settled yet. */
export function payMonthsView(periods: Period[], now: Date, locale: Locale) {
  const current = chinaMonth(now);
  const settled = new Set(periods.map((p) => p.month));
  const open = Array.from({ length: OPEN_MONTHS_SHOWN }, (_, i) => addMonths(current, -(i + 1))).filter(
    (m) => !settled.has(m),
  );
  return {
    current: { month: current, label: monthLabel(current, locale) },
    open: open.map((month) => ({ month, label: monthLabel(month, locale) })),
    settled: periods.map((p) => ({
      month: p.month,
      label: monthLabel(p.month, locale),
      workers: p.workerCount,
      gross: money(p.grossFen, locale),
      tax: money(p.taxFen, locale),
      charges: money(p.chargesFen, locale),
      net: money(p.netFen, locale),
      settledAt: p.settledAt.toISOString(),
    })),
  };
}

function sumOf(lines: WorkerPay["lines"], kind: WorkerPay["lines"][number]["kind"]): bigint {
  return lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.amountFen, 0n);
}

const byName = (a: { name: string; workerId: string }, b: { name: string; workerId: string }) =>
  a.name.localeCompare(b.name, "zh-CN") || a.workerId.localeCompare(b.workerId);

/** The preview of an open month: every payslip as settling would write it, the totals, and the month's adjustments. */
export async function previewView(
  workshopId: string,
  month: string,
  workers: WorkerRow[],
  adjustments: Awaited<ReturnType<typeof listAdjustments>>,
  locale: Locale,
) {
  const pays: WorkerPay[] = [];
  const totals = await previewMonth(workshopId, month, (batch) => {
    pays.push(...batch);
  });
  const names = new Map(workers.map((w) => [w.id, w.name]));
  return {
    rows: pays
      .map((p) => ({
        workerId: p.workerId,
        name: names.get(p.workerId) ?? "",
        pieces: money(sumOf(p.lines, "piece"), locale),
        bonuses: money(sumOf(p.lines, "bonus"), locale),
        corrections: money(sumOf(p.lines, "correction"), locale),
        tax: money(p.taxFen, locale),
        charges: money(p.chargesFen, locale),
        net: money(p.netFen, locale),
        negative: p.netFen < 0n,
      }))
      .sort(byName),
    totals: {
      workers: totals.workerCount,
      gross: money(totals.grossFen, locale),
      tax: money(totals.taxFen, locale),
      charges: money(totals.chargesFen, locale),
      net: money(totals.netFen, locale),
    },
    expectedNetFen: totals.netFen.toString(),
    unpricedPieces: totals.unpricedPieces,
    adjustments: adjustments.map((a) => ({
      id: a.id,
      name: names.get(a.workerId) ?? "",
      kind: a.kind === "bonus" ? ("bonus" as const) : ("correction" as const),
      amount: money(a.amountFen, locale),
      reason: a.reason,
      corrects: a.correctsMonth ? monthLabel(a.correctsMonth, locale) : "",
    })),
    workers: workers.filter((w) => w.active).map((w) => ({ id: w.id, name: w.name })),
    adjustKey: newSubmissionKey(),
    settleKey: newSubmissionKey(),
  };
}

type Slip = NonNullable<Awaited<ReturnType<typeof getPayslip>>>;

/** One payslip, every line, as she or the coordinator reads it. */
export function payslipView(slip: Slip, locale: Locale) {
  const lines = slip.lines;
  return {
    id: slip.id,
    workerId: slip.workerId,
    month: slip.month,
    monthLabel: monthLabel(slip.month, locale),
    pieceLines: lines
      .filter((l) => l.kind === "piece")
      .map((l) => ({
        id: l.id,
        label: l.label,
        pieces: l.pieces,
        rate: l.rateE4 === null ? "" : formatRate(rateFromMinor(l.rateE4), locale),
        amount: money(l.amountFen, locale),
      })),
    bonuses: lines
      .filter((l) => l.kind === "bonus")
      .map((l) => ({ id: l.id, reason: l.reason, amount: money(l.amountFen, locale) })),
    corrections: lines
      .filter((l) => l.kind === "correction")
      .map((l) => ({
        id: l.id,
        reason: l.reason,
        corrects: l.label ? monthLabel(l.label, locale) : "",
        amount: money(l.amountFen, locale),
      })),
    charges: lines
      .filter((l) => l.kind === "charge")
      .map((l) => ({ id: l.id, material: l.label, reason: l.reason, amount: money(l.amountFen, locale) })),
    pay: money(slip.payFen, locale),
    remuneration: money(slip.remunerationFen, locale),
    tax: money(slip.taxFen, locale),
    /** Nothing withheld this month: the tax line shows ¥0.00, not "−¥0.00". */
    taxNone: slip.taxFen === 0n,
    withheld: slip.withheld,
    chargesTotal: money(slip.chargesFen, locale),
    net: money(slip.netFen, locale),
    negative: slip.netFen < 0n,
    acknowledgedAt: slip.acknowledgedAt?.toISOString() ?? null,
    queries: slip.queries.map((q) => ({
      id: q.id,
      text: q.text,
      createdAt: q.createdAt.toISOString(),
      answer: q.answeredAt ? q.answer : null,
      answeredAt: q.answeredAt?.toISOString() ?? null,
    })),
  };
}
export type PayslipView = ReturnType<typeof payslipView>;

type MonthSlips = Awaited<ReturnType<typeof listMonthPayslips>>;

/** A settled month's payslips, with totals that are the exact sum of the payslips shown. */
export function monthPayslipsView(slips: MonthSlips, locale: Locale) {
  const sum = { gross: 0n, tax: 0n, charges: 0n, net: 0n };
  for (const s of slips) {
    sum.gross += s.remunerationFen;
    sum.tax += s.taxFen;
    sum.charges += s.chargesFen;
    sum.net += s.netFen;
  }
  return {
    rows: slips.map((s) => ({
      workerId: s.workerId,
      name: s.workerName,
      gross: money(s.remunerationFen, locale),
      tax: money(s.taxFen, locale),
      charges: money(s.chargesFen, locale),
      net: money(s.netFen, locale),
      negative: s.netFen < 0n,
      acknowledged: s.acknowledgedAt !== null,
      queries: s.queries.length,
      openQueries: s.queries.filter((q) => q.answeredAt === null).length,
    })),
    totals: {
      workers: slips.length,
      gross: money(sum.gross, locale),
      tax: money(sum.tax, locale),
      charges: money(sum.charges, locale),
      net: money(sum.net, locale),
    },
  };
}

/** Every payslip of a settled month in full, with the worker's name, for the A4 print page. */
export function printView(slips: MonthSlips, locale: Locale) {
  return slips.map((s) => ({ ...payslipView(s, locale), name: s.workerName, phone: s.workerPhone }));
}
