// Month arithmetic on YYYY-MM (app/domain/dates.ts): across year ends, both ways.
import { expect, test } from "vitest";
import { addMonths, daysOfMonth, monthBounds } from "../../app/domain/dates.ts";

test.each([
  ["2026-12", 1, "2027-01"],
  ["2026-01", -1, "2025-12"],
  ["2026-11", 0, "2026-11"],
  ["2026-03", 13, "2027-04"],
  ["2026-03", -15, "2024-12"],
  ["0001-01", -1, "0000-12"],
] as const)("%s + %i months = %s", (month, n, expected) => {
  expect(addMonths(month, n)).toBe(expected);
});

test.each([
  ["2026-12", { from: "2026-12-01", until: "2027-01-01" }],
  ["2026-02", { from: "2026-02-01", until: "2026-03-01" }],
] as const)("the bounds of %s", (month, bounds) => {
  expect(monthBounds(month)).toEqual(bounds);
});

test("the days of a month run 01..31 (a day the month lacks matches no date)", () => {
  const days = daysOfMonth("2026-02");
  expect(days).toHaveLength(31);
  expect(days[0]).toBe("2026-02-01");
  expect(days[27]).toBe("2026-02-28");
  expect(days[30]).toBe("2026-02-31");
});
