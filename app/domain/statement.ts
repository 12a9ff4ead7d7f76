// The income statement 收入证明 (ADR 027), pure: the period a worker may ask
// for, the figures it states (her net pay per settled month and their exact
// sum), its verification code, and how her name and number are masked.
// Randomness and "now" come in as arguments.
import { addMonths } from "./dates.ts";

/**
 * The code's alphabet: digits and capitals without 0/O and 1/I, which are read
 * and typed wrongly. 32 symbols, so one random byte's low 5 bits pick one with
 * no bias, and each symbol carries 5 bits.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/** 20 symbols: 100 bits of randomness. */
export const CODE_LENGTH = 20;
export const CODE_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length);
/** Printed (and in the QR address) in groups of four: ABCD-EFGH-JKLM-NPQR-STUV. */
export const CODE_GROUP = 4;

/** A code from CODE_LENGTH random bytes (from a crypto RNG: the caller's job). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new Error(`codeFromBytes needs ${CODE_LENGTH} random bytes`);
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[bytes[i]! & 31];
  return code;
}

/** The code as printed: groups of four joined by hyphens. */
export function formatCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += CODE_GROUP) groups.push(code.slice(i, i + CODE_GROUP));
  return groups.join("-");
}

const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/**
 * What someone typed or scanned, as a stored code, or null when it cannot be
 * one: case, spaces and hyphens do not matter; anything else does.
 */
export function parseCode(text: unknown): string | null {
  if (typeof text !== "string" || text.length > 64) return null;
  const code = text.replace(/[\s-]/g, "").toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

/** 张三英 → 张*英, 张三 → 张*, 张 → *; every character but the first and last is masked. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 13812345678 → 138****5678 (the first three and the last four digits). */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The longest period a statement covers: two years. */
export const MAX_PERIOD_MONTHS = 24;
/** The period offered first: the last 12 months that have ended. */
export const DEFAULT_PERIOD_MONTHS = 12;

export type Period = { from: string; to: string };
export type PeriodRefusal = "badMonth" | "fromAfterTo" | "tooLong" | "notEnded";

/** The default period: the 12 months before the current China month. */
export function defaultPeriod(currentMonth: string): Period {
  const to = addMonths(currentMonth, -1);
  return { from: addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1)), to };
}

/** Every month from `from` to `to`, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let m = period.from; m <= period.to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** Whether a period may be stated: real months, in order, at most 24, ended before the current month. */
export function checkPeriod(period: Period, currentMonth: string): PeriodRefusal | null {
  if (!MONTH_PATTERN.test(period.from) || !MONTH_PATTERN.test(period.to)) return "badMonth";
  if (period.from > period.to) return "fromAfterTo";
  if (period.to >= currentMonth) return "notEnded";
  if (addMonths(period.from, MAX_PERIOD_MONTHS - 1) < period.to) return "tooLong";
  return null;
}

export type StatementMonth = { month: string; netFen: bigint; hasPayslip: boolean };
export type StatementFigures = {
  /** The settled months of the period, oldest first; a settled month without her payslip is 0. */
  months: StatementMonth[];
  /** Months of the period the workshop has not settled: left out of the figures. */
  unsettled: string[];
  /** The exact sum of `months`. */
  totalFen: bigint;
};

/**
 * What a statement states for a period: her net pay in every month the
 * workshop has settled (0 where she had no payslip), the months not settled
 * left out, and the exact total.
 */
export function statementFigures(
  period: Period,
  settledMonths: ReadonlySet<string>,
  netByMonth: ReadonlyMap<string, bigint>,
): StatementFigures {
  const months: StatementMonth[] = [];
  const unsettled: string[] = [];
  let totalFen = 0n;
  for (const month of monthsOf(period)) {
    if (!settledMonths.has(month)) {
      unsettled.push(month);
      continue;
    }
    const net = netByMonth.get(month);
    months.push({ month, netFen: net ?? 0n, hasPayslip: net !== undefined });
    totalFen += net ?? 0n;
  }
  return { months, unsettled, totalFen };
}

/** The months snapshot as stored (JSON text, fen as strings). */
export function monthsToJson(months: readonly StatementMonth[]): string {
  return JSON.stringify(months.map((m) => ({ month: m.month, netFen: m.netFen.toString(), hasPayslip: m.hasPayslip })));
}

/** The stored snapshot back; throws on anything that is not one (a stored row is never hand-edited). */
export function monthsFromJson(text: string): StatementMonth[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error("statement months: not a list");
  return parsed.map((item: unknown) => {
    const row = item as { month?: unknown; netFen?: unknown; hasPayslip?: unknown };
    if (typeof row.month !== "string" || !MONTH_PATTERN.test(row.month)) throw new Error("statement months: month");
    if (typeof row.netFen !== "string" || !/^-?\d+$/.test(row.netFen)) throw new Error("statement months: netFen");
    return { month: row.month, netFen: BigInt(row.netFen), hasPayslip: row.hasPayslip === true };
  });
}
