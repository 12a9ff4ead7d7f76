// Dates and times on the pages are shown in China time, in the reader's
// language; the formatters are built once per language and reused.
import { expect, test } from "vitest";
import { formatDate, formatDateTime } from "../../app/i18n/format.ts";

test.each([
  // 16:30 UTC on 1 January is already 2 January in China.
  ["2026-01-01T16:30:00Z", "zh-CN", "2026/01/02", "2026/01/02 00:30"],
  ["2026-01-01T16:30:00Z", "en", "2 Jan 2026", "2 Jan 2026, 00:30"],
  // A calendar date (a due date) stays that date.
  ["2026-12-31", "zh-CN", "2026/12/31", "2026/12/31 08:00"],
  ["2026-12-31", "en", "31 Dec 2026", "31 Dec 2026, 08:00"],
] as const)("%s in %s is %s / %s", (value, locale, date, dateTime) => {
  expect(formatDate(value, locale)).toBe(date);
  expect(formatDateTime(value, locale)).toBe(dateTime);
  expect(formatDate(new Date(value), locale)).toBe(date);
});

test("switching languages back and forth never mixes the formats up", () => {
  const seen = Array.from({ length: 4 }, (_, i) => formatDate("2026-03-10", i % 2 === 0 ? "zh-CN" : "en"));
  expect(seen).toEqual(["2026/03/10", "10 Mar 2026", "2026/03/10", "10 Mar 2026"]);
  expect(formatDateTime("2026-03-10T02:05:00Z", "zh-CN")).toBe("2026/03/10 10:05");
  expect(formatDate("2026-03-10T02:05:00Z", "zh-CN")).toBe("2026/03/10");
});
