// Month arithmetic on YYYY-MM (app/domain/dates.ts): across year ends, both ways.
import { expect, test } from "vitest";
import { addMonths } from "../../app/domain/dates.ts";

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
