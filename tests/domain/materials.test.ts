// Material reconciliation and the proposed loss deduction (pure).
// docs/domain.md flow step 4 and "Money rules" (material loss), app/domain/materials.ts.
import fc from "fast-check";
import { expect, test } from "vitest";
import { reconcile, type ReconciliationInput } from "../../app/domain/materials.ts";
import { amountToString } from "../../app/domain/money.ts";

const base: ReconciliationInput = {
  piecesReceived: 0,
  perPieceE3: 0n,
  issuedE3: 0n,
  returnedE3: 0n,
  allowanceE2: 0,
  unitCostE4: 0n,
};

// Soap: 0.105 kg base per piece, 3 % allowance, base at ¥42.50/kg.
const soap = { perPieceE3: 105n, allowanceE2: 300, unitCostE4: 425_000n };

test.each([
  // issued 10.000 kg, 90 pieces received, returned 0.300 kg: expected 9.450, loss 0.250,
  // allowed 0.2835, within the allowance.
  {
    name: "within allowance",
    input: { ...soap, piecesReceived: 90, issuedE3: 10_000n, returnedE3: 300n },
    expectedUse: 9450n,
    loss: 250n,
    over: false,
    deduction: "0.00",
    percent: 265n,
  },
  // returned nothing: loss 0.550, allowed 0.2835, excess 0.2665 kg x 42.50 = 11.32625 -> 11.33
  {
    name: "over allowance",
    input: { ...soap, piecesReceived: 90, issuedE3: 10_000n, returnedE3: 0n },
    expectedUse: 9450n,
    loss: 550n,
    over: true,
    deduction: "11.33",
    percent: 582n,
  },
  // exactly at the allowance: 100 pieces x 0.105 = 10.5, 3 % = 0.315 lost
  {
    name: "exactly at allowance",
    input: { ...soap, piecesReceived: 100, issuedE3: 10_815n, returnedE3: 0n },
    expectedUse: 10_500n,
    loss: 315n,
    over: false,
    deduction: "0.00",
    percent: 300n,
  },
  // one gram beyond it: 0.001 kg x 42.50 = 0.0425 -> 0.04
  {
    name: "one unit beyond",
    input: { ...soap, piecesReceived: 100, issuedE3: 10_816n, returnedE3: 0n },
    expectedUse: 10_500n,
    loss: 316n,
    over: true,
    deduction: "0.04",
    percent: 301n,
  },
  // more came back than expected: negative loss, nothing to deduct
  {
    name: "negative loss",
    input: { ...soap, piecesReceived: 10, issuedE3: 2_000n, returnedE3: 1_000n },
    expectedUse: 1_050n,
    loss: -50n,
    over: false,
    deduction: "0.00",
    percent: -476n,
  },
  // nothing received yet: everything not returned is loss; no percent
  {
    name: "nothing received",
    input: { ...soap, piecesReceived: 0, issuedE3: 1_000n, returnedE3: 0n },
    expectedUse: 0n,
    loss: 1_000n,
    over: true,
    deduction: "42.50",
    percent: null,
  },
  // half a fen rounds up: excess 0.001 x ¥5.0000 = 0.005
  {
    name: "half a fen rounds up",
    input: { ...base, issuedE3: 1n, unitCostE4: 50_000n },
    expectedUse: 0n,
    loss: 1n,
    over: true,
    deduction: "0.01",
    percent: null,
  },
  // just under half a fen rounds down: 0.001 x ¥4.9999 = 0.0049999
  {
    name: "under half a fen rounds down",
    input: { ...base, issuedE3: 1n, unitCostE4: 49_999n },
    expectedUse: 0n,
    loss: 1n,
    over: true,
    deduction: "0.00",
    percent: null,
  },
])("$name", ({ input, expectedUse, loss, over, deduction, percent }) => {
  const r = reconcile({ ...base, ...input });
  expect(r.expectedUseE3).toBe(expectedUse);
  expect(r.lossE3).toBe(loss);
  expect(r.overAllowance).toBe(over);
  expect(amountToString(r.proposedDeduction)).toBe(deduction);
  expect(r.lossPercentE2).toBe(percent);
});

test("bad inputs are programming errors, never silently accepted", () => {
  expect(() => reconcile({ ...base, piecesReceived: -1 })).toThrow(RangeError);
  expect(() => reconcile({ ...base, piecesReceived: 1.5 })).toThrow(RangeError);
  expect(() => reconcile({ ...base, issuedE3: -1n })).toThrow(RangeError);
  expect(() => reconcile({ ...base, allowanceE2: -1 })).toThrow(RangeError);
  expect(() => reconcile({ ...base, unitCostE4: -1n })).toThrow(RangeError);
  // @ts-expect-error a number where a bigint belongs
  expect(() => reconcile({ ...base, issuedE3: 5 })).toThrow(TypeError);
});

// Oracle, written separately: everything in units of 1e-11 yuan-unit products,
// from the raw inputs, with one integer half-up division to the fen at the end.
function oracleDeductionFen(i: ReconciliationInput): bigint {
  const expected = BigInt(i.piecesReceived) * i.perPieceE3; // 1e-3
  const loss = i.issuedE3 - i.returnedE3 - expected; // 1e-3
  // loss x 100 % - expected x allowance %, both in 1e-3 x 1e-2 % = 1e-7 units
  const excess = loss * 10_000n - expected * BigInt(i.allowanceE2);
  if (excess <= 0n) return 0n;
  const yuanE11 = excess * i.unitCostE4; // 1e-7 x 1e-4 = 1e-11 yuan
  return (yuanE11 + 500_000_000n) / 1_000_000_000n; // half-up to 1e-2 yuan
}

const inputArb = fc.record({
  piecesReceived: fc.integer({ min: 0, max: 100_000 }),
  perPieceE3: fc.bigInt({ min: 0n, max: 50_000n }),
  issuedE3: fc.bigInt({ min: 0n, max: 9_999_999_999n }),
  returnedE3: fc.bigInt({ min: 0n, max: 9_999_999_999n }),
  allowanceE2: fc.integer({ min: 0, max: 10_000 }),
  unitCostE4: fc.bigInt({ min: 0n, max: 99_999_999n }),
});

test("the proposed deduction equals the integer oracle, to the fen (property)", () => {
  fc.assert(
    fc.property(inputArb, (input) => {
      const r = reconcile(input);
      expect(r.proposedDeduction.minor).toBe(oracleDeductionFen(input));
      expect(r.proposedDeduction.minor >= 0n).toBe(true);
      expect(r.overAllowance).toBe(r.excessE7 > 0n);
      // the ledger identity holds exactly
      expect(r.lossE3 + r.expectedUseE3 + input.returnedE3).toBe(input.issuedE3);
    }),
    { numRuns: 5_000 },
  );
});

test("the deduction never grows when more material comes back (property)", () => {
  fc.assert(
    fc.property(inputArb, fc.bigInt({ min: 0n, max: 1_000_000n }), (input, more) => {
      const a = reconcile(input);
      const b = reconcile({ ...input, returnedE3: input.returnedE3 + more });
      expect(b.proposedDeduction.minor <= a.proposedDeduction.minor).toBe(true);
    }),
    { numRuns: 2_000 },
  );
});
