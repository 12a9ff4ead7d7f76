// The district view 区级汇总 (ADR 024). Pure: the periods a district reports on, and the
// figures of an area derived exactly from the sums the database adds up (integer minor units).
//
// Definitions (the same on the page, in the XLSX and in docs/decisions/024-district-view.md):
// - Only settled months count: payslips of a PayPeriod (ADR 022), and the checks and
//   material-loss decisions of a month that has a PayPeriod for that workshop.
// - An earning payslip: net pay > 0. A worker "earned" in the period (带动就业人数) when she has
//   at least one earning payslip in it; counted once however many months she earned.
// - Monthly pay per earning worker is over (worker, month) pairs: the average is the exact sum of
//   the earning payslips' net over their count, the median the middle earning payslip's net (an
//   even count: the mean of the two middle values), each rounded once half-up to the fen.
// - Net and gross totals are over every payslip of the period (gross = remuneration: pay lines,
//   bonuses and corrections, before tax and charges), so they equal the settled periods' totals.
// - Pass rate: first checks only (as the coordinator's dashboard): passed / checked pieces of lots
//   that are not rework lots. Pieces passed: every passed piece (rework passing later too).
import { chinaMonth, addMonths } from "./dates.ts";
import { amountFromMinor, meanAmount, type Amount } from "./money.ts";
import { passRatePermille } from "./quality.ts";

export type PeriodKind = "month" | "quarter" | "year";

export type Period = {
  kind: PeriodKind;
  /** "2026-11", "2026-Q4" or "2026" */
  key: string;
  /** First and last month, YYYY-MM */
  first: string;
  last: string;
};

export const TREND_MONTHS = 12;

/**
 * The years a period may be in: nothing was settled before 2000, and the far future holds
 * nothing either (a period there is "not found", never a loop over its months).
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

function inRange(year: string | undefined): boolean {
  const n = Number.parseInt(year ?? "", 10);
  return n >= FIRST_YEAR && n <= LAST_YEAR;
}

/** A period from its key, or null for anything else (malformed, or a year outside FIRST_YEAR..LAST_YEAR). */
export function parsePeriod(key: string): Period | null {
  const m = MONTH.exec(key);
  if (m) return inRange(m[1]) ? { kind: "month", key, first: key, last: key } : null;
  const q = QUARTER.exec(key);
  if (q) {
    if (!inRange(q[1])) return null;
    const first = `${q[1]}-${String((Number.parseInt(q[2]!, 10) - 1) * 3 + 1).padStart(2, "0")}`;
    return { kind: "quarter", key, first, last: addMonths(first, 2) };
  }
  const y = YEAR.exec(key);
  if (y && inRange(y[1])) return { kind: "year", key, first: `${key}-01`, last: `${key}-12` };
  return null;
}

/** The period of a kind that holds `month`; null outside FIRST_YEAR..LAST_YEAR. */
export function periodOf(kind: PeriodKind, month: string): Period | null {
  const year = month.slice(0, 4);
  if (kind === "month") return parsePeriod(month);
  if (kind === "year") return parsePeriod(year);
  const quarter = Math.floor((Number.parseInt(month.slice(5, 7), 10) - 1) / 3) + 1;
  return parsePeriod(`${year}-Q${quarter}`);
}

/** The default period: the last month that has ended (the latest a workshop can have settled). */
export function defaultPeriod(now: Date): Period {
  return periodOf("month", addMonths(chinaMonth(now), -1))!;
}

/** The period before or after (for the page's links); null past FIRST_YEAR..LAST_YEAR. */
export function shiftPeriod(period: Period, steps: number): Period | null {
  const span = period.kind === "month" ? 1 : period.kind === "quarter" ? 3 : 12;
  return periodOf(period.kind, addMonths(period.first, steps * span));
}

/** The most months a range may list (a period is at most a year; the trend is 12 months). */
const MAX_MONTHS = 24;

/** The months of a period, oldest first (counted, never more than MAX_MONTHS). */
export function monthsOf(period: Pick<Period, "first" | "last">): string[] {
  const months: string[] = [];
  for (let m = period.first; months.length < MAX_MONTHS && m <= period.last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The trend's months: the 12 months ending with the period's last month. */
export function trendMonths(period: Period): { first: string; last: string } {
  return { first: addMonths(period.last, 1 - TREND_MONTHS), last: period.last };
}

/** What the database adds up for one area (or month): counts and exact sums in minor units. */
export type AreaSums = {
  /** Payslips of settled months */
  payslips: number;
  /** Settled workshop-months (PayPeriod rows) */
  periods: number;
  netFen: bigint;
  grossFen: bigint;
  chargesFen: bigint;
  /** Distinct workers with an earning payslip (net > 0) */
  earners: number;
  /** Earning payslips: (worker, month) pairs with net > 0, and their net */
  earningPayslips: number;
  earningNetFen: bigint;
  /** The middle earning payslip's net, or the sum of the two middle ones (count 0, 1 or 2) */
  middleSumFen: bigint;
  middleCount: number;
  piecesPassed: number;
  firstPassed: number;
  firstChecked: number;
  orders: number;
  partners: number;
  /** Value of material lost beyond the allowance, as decided (MaterialDeduction.proposedFen) */
  lossFen: bigint;
};

export function emptySums(): AreaSums {
  return {
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
}

export type AreaFigures = AreaSums & {
  net: Amount;
  gross: Amount;
  charges: Amount;
  loss: Amount;
  /** null when nobody earned */
  average: Amount | null;
  median: Amount | null;
  /** Tenths of a percent; null when nothing was checked */
  passRatePermille: number | null;
};

/**
 * The figures of an area from its sums: average and median rounded once, half-up, to the fen.
 * The median is the mean of the middle one or two earning payslips (middleCount 1 or 2) as their
 * query found them; any other count (0: no median asked for, a trend's month, or nobody earned)
 * gives no median; likewise a pass rate whose passed pieces exceed the checked ones. Never an
 * error: the report's queries read one snapshot, so their counts agree, but should they ever not
 * (a month settled between two reads once threw here, a 500), one figure is no reason to lose the page.
 */
export function areaFigures(sums: AreaSums): AreaFigures {
  const hasMedian = sums.middleCount === 1 || sums.middleCount === 2;
  return {
    ...sums,
    net: amountFromMinor(sums.netFen),
    gross: amountFromMinor(sums.grossFen),
    charges: amountFromMinor(sums.chargesFen),
    loss: amountFromMinor(sums.lossFen),
    average: sums.earningPayslips === 0 ? null : meanAmount(amountFromMinor(sums.earningNetFen), sums.earningPayslips),
    median: hasMedian ? meanAmount(amountFromMinor(sums.middleSumFen), sums.middleCount) : null,
    // Sums of one query's row, so passed <= checked; anything else shows no rate rather than failing.
    passRatePermille:
      sums.firstPassed >= 0 && sums.firstPassed <= sums.firstChecked
        ? passRatePermille(sums.firstPassed, sums.firstChecked)
        : null,
  };
}

/** The median of net amounts in fen (the oracle's rule, for tests and for small lists): half-up to the fen. */
export function medianOfFen(values: readonly bigint[]): Amount | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? amountFromMinor(sorted[mid]!)
    : meanAmount(amountFromMinor(sorted[mid - 1]! + sorted[mid]!), 2);
}
