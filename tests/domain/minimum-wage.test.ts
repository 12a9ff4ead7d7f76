// The minimum-wage view (app/domain/minimum-wage.ts) and the hourly figures it rests on
// (hourlyPayOfEarnings, earnsBelowHourly in app/domain/money.ts): table-driven, and
// properties against an oracle written here in plain integer arithmetic (BigInt).
import fc from "fast-check";
import { expect, test } from "vitest";
import { hoursText, minutesText, workerMinimumWage, type CheckedPieces } from "../../app/domain/minimum-wage.ts";
import {
  amountFromMinor,
  amountFromString,
  amountToMinor,
  amountToString,
  earnsBelowHourly,
  hourlyPayOfEarnings,
  rateFromMinor,
  rateFromString,
} from "../../app/domain/money.ts";

test.each([
  // earnings, minutes x100, hourly
  ["150.00", 45000n, "20.00"], // 150 yuan in 450 minutes
  ["0.00", 100n, "0.00"],
  ["1.00", 300n, "20.00"], // 1 yuan in 3 minutes
  ["0.01", 7n, "8.57"], // 0.01 x 60 / 0.07 = 8.5714...
  ["19.99", 6000n, "19.99"], // one hour
  ["0.05", 1200n, "0.25"], // 0.05 yuan in 12 minutes = 0.25 an hour
  ["0.01", 2400n, "0.03"], // 0.01 x 60 / 24 = 0.025: half-up to 0.03
] as const)("hourlyPayOfEarnings(%s yuan, %s min/100)", (earnings, minutesE2, expected) => {
  expect(amountToString(hourlyPayOfEarnings(amountFromString(earnings), minutesE2))).toBe(expected);
});

test("hourlyPayOfEarnings: minutes <= 0 and negative earnings are RangeError, a number minutes TypeError", () => {
  expect(() => hourlyPayOfEarnings(amountFromString("1.00"), 0n)).toThrow(RangeError);
  expect(() => hourlyPayOfEarnings(amountFromString("1.00"), -5n)).toThrow(RangeError);
  expect(() => hourlyPayOfEarnings(amountFromString("-1.00"), 100n)).toThrow(RangeError);
  expect(() => hourlyPayOfEarnings(amountFromString("1.00"), 100 as unknown as bigint)).toThrow(TypeError);
});

test("earnsBelowHourly decides exactly, not on the rounded figure", () => {
  const minimum = amountFromString("20.00");
  // 199.95 yuan over 600 minutes is 19.995 an hour: shown as 20.00, yet under a 20.00 minimum.
  expect(amountToString(hourlyPayOfEarnings(amountFromString("199.95"), 60000n))).toBe("20.00");
  expect(earnsBelowHourly(amountFromString("199.95"), 60000n, minimum)).toBe(true);
  expect(earnsBelowHourly(amountFromString("200.00"), 60000n, minimum)).toBe(false);
  expect(earnsBelowHourly(amountFromString("200.01"), 60000n, minimum)).toBe(false);
});

const earningsArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 99_999_999_999_999n }),
  fc.bigInt({ min: 0n, max: 100_000n }),
  fc.constantFrom(0n, 1n, 5n, 99n),
);
const minutesArb = fc.oneof(
  fc.bigInt({ min: 1n, max: 1_000_000_000_000n }),
  fc.bigInt({ min: 1n, max: 10_000n }),
  fc.constantFrom(1n, 3n, 7n, 100n, 6000n),
);

test("property: hourlyPayOfEarnings = half-up(6000 x earningsFen / minutesE2), earnsBelowHourly = the exact comparison", () => {
  fc.assert(
    fc.property(earningsArb, minutesArb, fc.bigInt({ min: 0n, max: 1_000_000n }), (fen, m, minFen) => {
      // earnings (fen/100 yuan) x 60 / (m/100 minutes) = 6000 fen / m an hour, in fen; half-up = (12000 fen + m) / 2m
      const expected = (12000n * fen + m) / (2n * m);
      if (expected > 99_999_999_999_999n)
        expect(() => hourlyPayOfEarnings(amountFromMinor(fen), m)).toThrow(RangeError);
      else expect(amountToMinor(hourlyPayOfEarnings(amountFromMinor(fen), m))).toBe(expected);
      expect(earnsBelowHourly(amountFromMinor(fen), m, amountFromMinor(minFen))).toBe(6000n * fen < minFen * m);
    }),
    { numRuns: 2000 },
  );
});

const piece = (p: Partial<CheckedPieces> & { productId: string }): CheckedPieces => ({
  processStepId: null,
  pieceRateId: "r1",
  rate: rateFromString("1.0000"),
  passed: 0,
  rework: 0,
  standardMinutesE2: 600,
  ...p,
});

test.each([
  {
    name: "one product, under the minimum",
    groups: [piece({ productId: "soap", rate: rateFromString("1.5000"), passed: 100, rework: 20 })],
    minimum: "20.00",
    // earnings 150.00; minutes 120 x 6 = 720; 150 x 60 / 720 = 12.50
    want: { earnings: "150.00", minutesE2: 72000n, hourly: "12.50", status: "below", untimed: 0, unpriced: 0 },
  },
  {
    name: "one product, at the minimum exactly",
    groups: [piece({ productId: "soap", rate: rateFromString("2.0000"), passed: 100 })],
    minimum: "20.00",
    want: { earnings: "200.00", minutesE2: 60000n, hourly: "20.00", status: "atOrAbove", untimed: 0, unpriced: 0 },
  },
  {
    name: "a product without a time test is left out of the hourly pay",
    groups: [
      piece({ productId: "soap", rate: rateFromString("2.5000"), passed: 10, standardMinutesE2: 500 }),
      piece({ productId: "flowers", rate: rateFromString("3.0000"), passed: 4, rework: 1, standardMinutesE2: null }),
    ],
    minimum: "20.00",
    // timed: 25.00 over 50 minutes = 30.00 an hour; untimed 5 pieces; earnings 25 + 12 = 37
    want: { earnings: "37.00", minutesE2: 5000n, hourly: "30.00", status: "atOrAbove", untimed: 5, unpriced: 0 },
  },
  {
    name: "only untimed pieces: no time test",
    groups: [piece({ productId: "flowers", passed: 4, standardMinutesE2: null })],
    minimum: "20.00",
    want: { earnings: "4.00", minutesE2: 0n, hourly: null, status: "noTimeTest", untimed: 4, unpriced: 0 },
  },
  {
    name: "a process step has no time test of its own",
    groups: [piece({ productId: "soap", processStepId: "wrap", passed: 50 })],
    minimum: "20.00",
    want: { earnings: "50.00", minutesE2: 0n, hourly: null, status: "noTimeTest", untimed: 50, unpriced: 0 },
  },
  {
    name: "no minimum set",
    groups: [piece({ productId: "soap", passed: 10 })],
    minimum: null,
    want: { earnings: "10.00", minutesE2: 6000n, hourly: "10.00", status: "noMinimum", untimed: 0, unpriced: 0 },
  },
  {
    name: "unpriced pieces count in the time, not in the earnings",
    groups: [
      piece({ productId: "soap", passed: 10 }),
      piece({ productId: "soap", pieceRateId: null, rate: null, passed: 10 }),
    ],
    minimum: "20.00",
    want: { earnings: "10.00", minutesE2: 12000n, hourly: "5.00", status: "below", untimed: 0, unpriced: 10 },
  },
  {
    name: "lines round once per rate version, as on the payslip",
    groups: [
      // 3 x 0.3333 = 0.9999 -> 1.00 (one line of 3, not three of 0.33)
      piece({ productId: "soap", rate: rateFromString("0.3333"), passed: 1 }),
      piece({ productId: "soap", rate: rateFromString("0.3333"), passed: 2 }),
      piece({ productId: "soap", pieceRateId: "r2", rate: rateFromString("0.0050"), passed: 1 }), // 0.005 -> 0.01
    ],
    minimum: "0.10",
    want: { earnings: "1.01", minutesE2: 2400n, hourly: "2.53", status: "atOrAbove", untimed: 0, unpriced: 0 },
  },
])("$name", ({ groups, minimum, want }) => {
  const got = workerMinimumWage(groups, minimum === null ? null : amountFromString(minimum));
  expect({
    earnings: amountToString(got.earnings),
    minutesE2: got.timedMinutesE2,
    hourly: got.hourly === null ? null : amountToString(got.hourly),
    status: got.status,
    untimed: got.untimedPieces,
    unpriced: got.unpriced,
  }).toEqual(want);
});

test("a rate version with two rates is a data error", () => {
  expect(() =>
    workerMinimumWage(
      [
        piece({ productId: "soap", rate: rateFromString("1.0000"), passed: 1 }),
        piece({ productId: "soap", rate: rateFromString("2.0000"), passed: 1 }),
      ],
      null,
    ),
  ).toThrow(RangeError);
});

test.each([
  [45000n, "450", "7.5"],
  [1250n, "12.5", "0.2"],
  [1n, "0.01", "0.0"],
  [3000n, "30", "0.5"],
  [2999n, "29.99", "0.5"],
  [2700n, "27", "0.5"], // 0.45 h -> 0.5 half-up
  [2699n, "26.99", "0.4"],
])("minutes x100 %s is %s minutes, %s hours", (m, minutes, hours) => {
  expect(minutesText(m)).toBe(minutes);
  expect(hoursText(m)).toBe(hours);
});

const groupArb = fc.record({
  product: fc.integer({ min: 0, max: 3 }),
  rateId: fc.integer({ min: 0, max: 2 }),
  rateE4: fc.bigInt({ min: 1n, max: 99_999_999n }),
  passed: fc.integer({ min: 0, max: 5_000 }),
  rework: fc.integer({ min: 0, max: 500 }),
});
// Product 3 has no time test; the others 0.01 .. 99.99 minutes.
const productMinutesArb = fc.tuple(
  fc.integer({ min: 1, max: 9_999 }),
  fc.integer({ min: 1, max: 9_999 }),
  fc.integer({ min: 1, max: 9_999 }),
);

test("property: the worker's month equals an integer oracle, whatever the order of the groups", () => {
  fc.assert(
    fc.property(
      fc.array(groupArb, { maxLength: 12 }),
      productMinutesArb,
      fc.bigInt({ min: 1n, max: 10_000n }),
      (raw, minutes, minimumFen) => {
        // One rate per (product, rate id), as the database has it.
        const rateOf = new Map<string, bigint>();
        const groups = raw.map((g) => {
          const key = `${g.product}:${g.rateId}`;
          const rateE4 = rateOf.get(key) ?? g.rateE4;
          rateOf.set(key, rateE4);
          return { ...g, rateE4 };
        });
        const minutesOf = (p: number) => (p === 3 ? null : minutes[p]!);
        // Oracle: per (product, rate) line = half-up(pieces x rateE4 / 100) fen.
        const lines = new Map<string, { product: number; pieces: bigint; rateE4: bigint }>();
        for (const g of groups) {
          const key = `${g.product}:${g.rateId}`;
          const line = lines.get(key) ?? { product: g.product, pieces: 0n, rateE4: g.rateE4 };
          line.pieces += BigInt(g.passed);
          lines.set(key, line);
        }
        let earnings = 0n;
        let timedEarnings = 0n;
        for (const l of lines.values()) {
          const fen = (l.pieces * l.rateE4 + 50n) / 100n;
          earnings += fen;
          if (minutesOf(l.product) !== null) timedEarnings += fen;
        }
        let timedMinutes = 0n;
        let untimed = 0;
        for (const g of groups) {
          const m = minutesOf(g.product);
          if (m === null) untimed += g.passed + g.rework;
          else timedMinutes += BigInt(g.passed + g.rework) * BigInt(m);
        }
        const hourly = timedMinutes > 0n ? (12000n * timedEarnings + timedMinutes) / (2n * timedMinutes) : null;
        const status =
          timedMinutes === 0n
            ? "noTimeTest"
            : 6000n * timedEarnings < minimumFen * timedMinutes
              ? "below"
              : "atOrAbove";

        const input: CheckedPieces[] = groups.map((g) => ({
          productId: `p${g.product}`,
          processStepId: null,
          pieceRateId: `r${g.product}:${g.rateId}`,
          rate: rateFromMinor(g.rateE4),
          passed: g.passed,
          rework: g.rework,
          standardMinutesE2: minutesOf(g.product),
        }));
        for (const order of [input, [...input].reverse()]) {
          const got = workerMinimumWage(order, amountFromMinor(minimumFen));
          expect(amountToMinor(got.earnings)).toBe(earnings);
          expect(amountToMinor(got.timedEarnings)).toBe(timedEarnings);
          expect(got.timedMinutesE2).toBe(timedMinutes);
          expect(got.untimedPieces).toBe(untimed);
          expect(got.hourly === null ? null : amountToMinor(got.hourly)).toBe(hourly);
          expect(got.status).toBe(status);
        }
      },
    ),
    { numRuns: 1000 },
  );
});
