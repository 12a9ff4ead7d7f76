// The district view's figures of an area (app/domain/district.ts, areaFigures): average and median
// rounded once, and never an error on counts that do not fit (review of issue 10: a month settled
// between two of the report's reads made the middle count disagree with the earning payslips,
// and the page answered 500 with a RangeError).
import { expect, test } from "vitest";
import {
  areaFigures,
  emptySums,
  monthsOf,
  parsePeriod,
  shiftPeriod,
  type AreaSums,
} from "../../app/domain/district.ts";
import { amountToString } from "../../app/domain/money.ts";

const sums = (s: Partial<AreaSums>): AreaSums => ({ ...emptySums(), ...s });
const text = (a: ReturnType<typeof areaFigures>["median"]) => (a === null ? null : amountToString(a));

test("the median is the middle earning payslip, or the mean of the two middle ones, rounded half-up", () => {
  // 3 earning payslips, the middle one ¥20.00.
  expect(
    text(areaFigures(sums({ earningPayslips: 3, earningNetFen: 6000n, middleSumFen: 2000n, middleCount: 1 })).median),
  ).toBe("20.00");
  // 4 earning payslips, the middle two ¥20.00 and ¥20.01: ¥20.005 → ¥20.01.
  expect(
    text(areaFigures(sums({ earningPayslips: 4, earningNetFen: 8001n, middleSumFen: 4001n, middleCount: 2 })).median),
  ).toBe("20.01");
  // Nobody earned, or a trend's month (no median asked for).
  expect(areaFigures(sums({})).median).toBeNull();
  expect(areaFigures(sums({ earningPayslips: 5, earningNetFen: 500n })).median).toBeNull();
});

test("a middle count that does not fit the earning payslips (read before and after a settle) gives figures, not a RangeError", () => {
  // Read before a month was settled: 3 earning payslips; its middles read after: 4, so two middles.
  const odd = sums({ earningPayslips: 3, earningNetFen: 6000n, middleSumFen: 4001n, middleCount: 2, payslips: 3 });
  expect(() => areaFigures(odd)).not.toThrow();
  const f = areaFigures(odd);
  expect(text(f.median)).toBe("20.01");
  expect(f.average && amountToString(f.average)).toBe("20.00");
  // And the other way round: 4 earning payslips, one middle.
  expect(
    text(areaFigures(sums({ earningPayslips: 4, earningNetFen: 8000n, middleSumFen: 2000n, middleCount: 1 })).median),
  ).toBe("20.00");
  // A count no middle query gives (0 earners but a middle, or 3 middles): no median, no error.
  expect(areaFigures(sums({ earningPayslips: 0, middleSumFen: 6000n, middleCount: 3 })).median).toBeNull();
  expect(areaFigures(sums({ earningPayslips: 0, middleSumFen: 2000n, middleCount: 1 })).average).toBeNull();
});

test("a pass rate whose passed pieces exceed the checked ones shows no rate instead of failing the page", () => {
  expect(areaFigures(sums({ firstPassed: 7, firstChecked: 8 })).passRatePermille).toBe(875);
  expect(areaFigures(sums({ firstPassed: 0, firstChecked: 0 })).passRatePermille).toBeNull();
  expect(() => areaFigures(sums({ firstPassed: 9, firstChecked: 8 }))).not.toThrow();
  expect(areaFigures(sums({ firstPassed: 9, firstChecked: 8 })).passRatePermille).toBeNull();
  expect(areaFigures(sums({ firstPassed: -1, firstChecked: 8 })).passRatePermille).toBeNull();
});

test("periods outside 2000-2099 are not found; shifting past the edge gives none; a period's months are counted, never looped over", () => {
  for (const key of ["9999-12", "9999-Q4", "9999", "0000-01", "1999-12", "1999", "2100-01", "2100-Q1", "10000-01"]) {
    expect(parsePeriod(key), key).toBeNull();
  }
  expect(parsePeriod("2000-01")).toMatchObject({ kind: "month", first: "2000-01", last: "2000-01" });
  expect(parsePeriod("2099-Q4")).toMatchObject({ kind: "quarter", first: "2099-10", last: "2099-12" });
  expect(shiftPeriod(parsePeriod("2000-01")!, -1)).toBeNull();
  expect(shiftPeriod(parsePeriod("2000")!, -1)).toBeNull();
  expect(shiftPeriod(parsePeriod("2099-Q4")!, 1)).toBeNull();
  expect(shiftPeriod(parsePeriod("2026-Q1")!, -1)?.key).toBe("2025-Q4");
  expect(monthsOf(parsePeriod("2026")!)).toHaveLength(12);
  // Even a range that text comparison would never end (five-digit years sort before four): at most 24.
  expect(monthsOf({ first: "9999-12", last: "99999-01" }).length).toBeLessThanOrEqual(24);
});
