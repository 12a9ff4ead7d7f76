// Calendar dates. Workshops are in China: "today" and every due/effective
// date is a China calendar date, stored as "YYYY-MM-DD" text (comparable as
// strings, free of time-zone shifts in both databases).

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000; // Asia/Shanghai has no daylight saving

/** The China calendar date of an instant, as YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is false). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The date `days` after (or before, when negative) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The China month of an instant, as YYYY-MM. */
export function chinaMonth(now: Date): string {
  return chinaDate(now).slice(0, 7);
}

/** The YYYY-MM month `n` months after (or before, when negative) a YYYY-MM month. */
export function addMonths(month: string, n: number): string {
  const [year, mon] = month.split("-").map((part) => Number.parseInt(part, 10)) as [number, number];
  const index = year * 12 + (mon - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The first day of a YYYY-MM month and the first day of the next, as YYYY-MM-DD (from inclusive, until exclusive). */
export function monthBounds(month: string): { from: string; until: string } {
  return { from: `${month}-01`, until: `${addMonths(month, 1)}-01` };
}

/**
 * The days 01..31 of a YYYY-MM month as YYYY-MM-DD (a day the month lacks matches no date). Asked as
 * `checkedOn IN (days)`, an index on (workshopId, checkedOn, workerId) reads a range of workers as one
 * short range per day on both engines, where a date range reads the whole month (ADR 022).
 */
export function daysOfMonth(month: string): string[] {
  return Array.from({ length: 31 }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}
