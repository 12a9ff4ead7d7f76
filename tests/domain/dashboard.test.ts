// The dashboard's figures (app/domain/dashboard.ts): the last days, daily output with every
// day present, and net pay in bands; table-driven, and a property against a plain oracle.
import fc from "fast-check";
import { expect, test } from "vitest";
import { dailyOutput, lastDays, payBands, PAY_BAND_EDGES_FEN } from "../../app/domain/dashboard.ts";
import { amountFromMinor, amountToMinor, amountToString } from "../../app/domain/money.ts";

test("lastDays ends with today, oldest first, across a month and a year", () => {
  expect(lastDays("2026-03-02", 3)).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
  expect(lastDays("2027-01-01", 2)).toEqual(["2026-12-31", "2027-01-01"]);
  expect(lastDays("2026-03-10", 30)).toHaveLength(30);
  expect(lastDays("2026-03-10", 30)[0]).toBe("2026-02-09");
  expect(() => lastDays("2026-03-10", 0)).toThrow(RangeError);
});

test("dailyOutput fills every day, adds rows of the same day, ignores days outside", () => {
  const days = ["2026-03-01", "2026-03-02", "2026-03-03"];
  expect(
    dailyOutput(
      days,
      [
        { day: "2026-03-01", pieces: 5 },
        { day: "2026-03-01", pieces: 2 },
        { day: "2026-02-28", pieces: 99 },
      ],
      [{ day: "2026-03-03", pieces: 4 }],
    ),
  ).toEqual([
    { day: "2026-03-01", logged: 7, passed: 0 },
    { day: "2026-03-02", logged: 0, passed: 0 },
    { day: "2026-03-03", logged: 0, passed: 4 },
  ]);
  expect(() => dailyOutput(days, [{ day: "2026-03-01", pieces: -1 }], [])).toThrow(RangeError);
});

const yuan = (n: bigint) => amountFromMinor(n * 100n);
const view = (bands: ReturnType<typeof payBands>) =>
  bands.map((b) => ({
    from: b.from === null ? null : amountToString(b.from),
    to: b.to === null ? null : amountToString(b.to),
    workers: b.workers,
    total: amountToString(b.total),
  }));

test("payBands: edges are inclusive below, exclusive above; the band under 0 only when someone is in it", () => {
  const bands = payBands([yuan(0n), amountFromMinor(49_999n), yuan(500n), yuan(1999n), yuan(5000n), yuan(12_000n)]);
  expect(view(bands)).toEqual([
    { from: "0.00", to: "500.00", workers: 2, total: "499.99" },
    { from: "500.00", to: "1000.00", workers: 1, total: "500.00" },
    { from: "1000.00", to: "2000.00", workers: 1, total: "1999.00" },
    { from: "2000.00", to: "3000.00", workers: 0, total: "0.00" },
    { from: "3000.00", to: "5000.00", workers: 0, total: "0.00" },
    { from: "5000.00", to: null, workers: 2, total: "17000.00" },
  ]);
  expect(view(payBands([amountFromMinor(-1n)]))[0]).toEqual({ from: null, to: "0.00", workers: 1, total: "-0.01" });
  expect(() => payBands([], [5n, 5n])).toThrow(RangeError);
});

test("property: every net is in exactly one band, and the band totals add up to the nets exactly", () => {
  fc.assert(
    fc.property(fc.array(fc.bigInt({ min: -100_000n, max: 2_000_000n }), { maxLength: 60 }), (fens) => {
      const bands = payBands(fens.map(amountFromMinor));
      expect(bands.reduce((n, b) => n + b.workers, 0)).toBe(fens.length);
      expect(bands.reduce((s, b) => s + amountToMinor(b.total), 0n)).toBe(fens.reduce((s, f) => s + f, 0n));
      for (const b of bands) {
        const inside = fens.filter(
          (f) => (b.from === null || f >= amountToMinor(b.from)) && (b.to === null || f < amountToMinor(b.to)),
        );
        expect(b.workers).toBe(inside.length);
      }
      expect(bands.length).toBe(PAY_BAND_EDGES_FEN.length + (fens.some((f) => f < 0n) ? 1 : 0));
    }),
  );
});
