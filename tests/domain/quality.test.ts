// The rules of a quality check and a delivery (app/domain/quality.ts, ADR 021):
// the counts add up to the lot, reasons for rework and rejected pieces ("other"
// needs a note), the pass rate to 0.1 % half-up, what an order may still
// deliver; table-driven, and properties against oracles written here in plain
// integer arithmetic (BigInt), apart from the code under test.
import fc from "fast-check";
import { expect, test } from "vitest";
import { lineAmount, amountToMinor, rateFromMinor } from "../../app/domain/money.ts";
import {
  checkDelivery,
  checkQuality,
  deliverable,
  keptReasons,
  passRatePermille,
  permilleText,
} from "../../app/domain/quality.ts";

const none = { rework: "none", rejected: "none", note: "" } as const;

test.each([
  [10, [10, 0, 0], none, { ok: true }],
  [0, [0, 0, 0], none, { ok: true }],
  [10, [7, 2, 1], { rework: "listed", rejected: "listed", note: "" }, { ok: true }],
  [10, [7, 2, 1], { rework: "other", rejected: "listed", note: "磨平" }, { ok: true }],
  [10, [10, 0, 0], { rework: "other", rejected: "other", note: "" }, { ok: true }],
  [10, [9, 0, 0], none, { ok: false, code: "countsDoNotAddUp" }],
  [10, [9, 1, 1], { rework: "listed", rejected: "listed", note: "" }, { ok: false, code: "countsDoNotAddUp" }],
  [10, [8, 2, 0], none, { ok: false, code: "reworkReasonRequired" }],
  [10, [8, 0, 2], none, { ok: false, code: "rejectedReasonRequired" }],
  [10, [8, 0, 2], { rework: "none", rejected: "other", note: "   " }, { ok: false, code: "noteRequired" }],
  [10, [8, 2, 0], { rework: "other", rejected: "none", note: "" }, { ok: false, code: "noteRequired" }],
] as const)("a lot of %i checked %j with %j → %j", (quantity, [passed, rework, rejected], reasons, expected) => {
  expect(checkQuality(quantity, { passed, rework, rejected }, reasons)).toEqual(expected);
});

test.each([-1, 1.5, Number.NaN])("a count of %d is a programming error", (n) => {
  expect(() => checkQuality(n, { passed: 0, rework: 0, rejected: 0 }, none)).toThrow(RangeError);
  expect(() => checkQuality(3, { passed: n, rework: 0, rejected: 0 }, none)).toThrow(RangeError);
});

test("counts are accepted exactly when they add up to the lot (listed reasons); reasons kept only for pieces that went that way", () => {
  fc.assert(
    fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.nat(3000), (passed, rework, rejected, quantity) => {
      const result = checkQuality(
        quantity,
        { passed, rework, rejected },
        { rework: "listed", rejected: "listed", note: "" },
      );
      expect(result.ok).toBe(passed + rework + rejected === quantity);
      const kept = keptReasons({ passed, rework, rejected }, "a", "b");
      expect(kept).toEqual({ rework: rework > 0 ? "a" : null, rejected: rejected > 0 ? "b" : null });
    }),
  );
});

test.each([
  [0, 0, null, null],
  [7, 10, 700, "70.0"],
  [1, 3, 333, "33.3"],
  [2, 3, 667, "66.7"],
  [1, 8, 125, "12.5"],
  [1, 16, 63, "6.3"], // 6.25 % → half-up 6.3
  [1, 2000, 1, "0.1"], // 0.05 % → 0.1
  [1, 2001, 0, "0.0"],
  [10, 10, 1000, "100.0"],
])("passed %i of %i → %s ‰ (%s %%)", (passed, inspected, permille, text) => {
  expect(passRatePermille(passed, inspected)).toBe(permille);
  if (permille !== null) expect(permilleText(permille)).toBe(text);
});

/** Oracle: tenths of a percent, half-up, in BigInt. */
function permilleOracle(passed: number, inspected: number): bigint {
  const scaled = BigInt(passed) * 1000n;
  const whole = scaled / BigInt(inspected);
  const rest = scaled % BigInt(inspected);
  return rest * 2n >= BigInt(inspected) ? whole + 1n : whole;
}

test("the pass rate is passed/inspected to 0.1 %, half-up, like the integer oracle", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat(10_000_000), (inspected, raw) => {
      const passed = raw % (inspected + 1);
      expect(BigInt(passRatePermille(passed, inspected)!)).toBe(permilleOracle(passed, inspected));
    }),
  );
  expect(() => passRatePermille(3, 2)).toThrow(RangeError);
});

test.each([
  [{ quantity: 100, passed: 30, delivered: 0 }, 30, { ok: true, completes: false }],
  [{ quantity: 100, passed: 30, delivered: 10 }, 20, { ok: true, completes: false }],
  [{ quantity: 100, passed: 30, delivered: 10 }, 21, { ok: false, code: "exceedsPassed", available: 20 }],
  [{ quantity: 30, passed: 30, delivered: 10 }, 20, { ok: true, completes: true }],
  [{ quantity: 30, passed: 0, delivered: 0 }, 1, { ok: false, code: "exceedsPassed", available: 0 }],
] as const)("order %j, delivering %i → %j", (order, quantity, expected) => {
  expect(checkDelivery(order, quantity)).toEqual(expected);
});

test("deliveries never take an order past its passed pieces nor its quantity, and complete it exactly at the quantity", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 500 }),
      fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 20 }),
      fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 20 }),
      (quantity, passing, asks) => {
        let passed = 0;
        let delivered = 0;
        let completed = false;
        for (let i = 0; i < Math.max(passing.length, asks.length); i++) {
          passed = Math.min(quantity, passed + (passing[i] ?? 0));
          const ask = asks[i];
          if (ask === undefined) continue;
          const available = Math.max(0, Math.min(passed, quantity) - delivered);
          expect(deliverable({ quantity, passed, delivered })).toBe(available);
          const result = checkDelivery({ quantity, passed, delivered }, ask);
          expect(result.ok).toBe(ask <= available);
          if (result.ok) {
            delivered += ask;
            expect(result.completes).toBe(delivered === quantity);
            completed ||= result.completes;
          }
          expect(delivered).toBeLessThanOrEqual(passed);
        }
        expect(completed).toBe(delivered === quantity);
      },
    ),
  );
});

/** Oracle: delivered x price (E4) in fen, half-up, BigInt. */
function owedOracleFen(delivered: number, priceE4: bigint): bigint {
  const e4 = BigInt(delivered) * priceE4;
  return (e4 + 50n) / 100n;
}

test("what a partner owes is delivered x agreed price, rounded half-up to the fen once", () => {
  expect(amountToMinor(lineAmount(3, rateFromMinor(68_050n)))).toBe(2_042n);
  expect(amountToMinor(lineAmount(1, rateFromMinor(50n)))).toBe(1n); // 0.005 → 0.01
  fc.assert(
    fc.property(fc.nat(1_000_000), fc.bigInt({ min: 1n, max: 99_999_999n }), (delivered, priceE4) => {
      expect(amountToMinor(lineAmount(delivered, rateFromMinor(priceE4)))).toBe(owedOracleFen(delivered, priceE4));
    }),
  );
});
