// Payslips (docs/domain.md, flow step 7 and "Money rules"): lines rounded once per
// product/step and rate version, remuneration, withholding, charges after tax, net;
// against the integer oracle in tests/support/pay-oracle.ts.
import fc from "fast-check";
import { expect, test } from "vitest";
import { amountFromMinor, amountToString, rateFromMinor } from "../../app/domain/money.ts";
import { computePayslip, type PassedPieces } from "../../app/domain/payslip.ts";
import { payslipOracle } from "../support/pay-oracle.ts";

const soapRate = { productId: "soap", processStepId: null, pieceRateId: "r1", rate: rateFromMinor(3_500n) }; // ¥0.35
const flowerRate = { productId: "flower", processStepId: "wrap", pieceRateId: "r2", rate: rateFromMinor(15n) }; // ¥0.0015

test("a worked payslip: one line per product and rate, rounded once, charges after tax", () => {
  const slip = computePayslip({
    passed: [
      { ...soapRate, pieces: 1_000 },
      { ...flowerRate, pieces: 3 },
      { ...soapRate, pieces: 1 }, // same line as the first
      { ...flowerRate, pieces: 3 },
      { ...flowerRate, pieces: 3 },
    ],
    bonuses: [{ amount: amountFromMinor(5_000n), reason: "全勤" }],
    corrections: [{ amount: amountFromMinor(-150n), reason: "上月多计 5 件" }],
    charges: [{ amount: amountFromMinor(1_133n), reason: "皂基损耗" }],
    withholdsTax: false,
  });
  // 1001 x 0.35 = 350.35; 9 x 0.0015 = 0.0135 -> 0.01 (rounded once per line: per log, 3 x 0.0015 = 0.0045 would round to 0.00 three times)
  expect(slip.lines.map((l) => [l.productId, l.pieces, amountToString(l.amount)])).toEqual([
    ["flower", 9, "0.01"],
    ["soap", 1001, "350.35"],
  ]);
  expect(amountToString(slip.pay)).toBe("350.36");
  expect(amountToString(slip.remuneration)).toBe("398.86"); // + 50.00 - 1.50
  expect(amountToString(slip.tax)).toBe("0.00");
  expect(amountToString(slip.net)).toBe("387.53"); // - 11.33
});

test("withholding is on the remuneration; material charges do not lower it", () => {
  const slip = computePayslip({
    passed: [{ ...soapRate, pieces: 10_000 }], // 3,500.00
    bonuses: [],
    corrections: [],
    charges: [{ amount: amountFromMinor(100_000n), reason: "损耗" }], // 1,000.00
    withholdsTax: true,
  });
  expect(amountToString(slip.tax)).toBe("540.00"); // (3500 - 800) x 20 %
  expect(amountToString(slip.net)).toBe("1960.00"); // 3500 - 540 - 1000
});

const passedArb = fc.array(
  fc.record({
    product: fc.constantFrom("soap", "flower", "box"),
    step: fc.constantFrom(null, "wrap"),
    version: fc.integer({ min: 1, max: 4 }),
    pieces: fc.integer({ min: 0, max: 50_000 }),
  }),
  { maxLength: 40 },
);
const fenArb = (min: bigint, max: bigint) => fc.array(fc.bigInt({ min, max }), { maxLength: 4 });

test("every payslip equals the integer oracle, whatever the order (property)", () => {
  fc.assert(
    fc.property(
      passedArb,
      fc.integer({ min: 1, max: 99_999_999 }),
      fenArb(0n, 500_000n),
      fenArb(-500_000n, 500_000n),
      fenArb(0n, 200_000n),
      fc.boolean(),
      (records, rateSeed, bonuses, corrections, charges, withholdsTax) => {
        // each (product, version) has one fixed 4-decimal rate derived from the seed
        const rateE4 = (product: string, version: number) =>
          BigInt(((rateSeed * (version + 7) + product.length * 977) % 99_999_999) + 1);
        const passed: PassedPieces[] = records.map((r) => ({
          productId: r.product,
          processStepId: r.step,
          pieceRateId: `${r.product}-${r.version}`,
          rate: rateFromMinor(rateE4(r.product, r.version)),
          pieces: r.pieces,
        }));
        const slip = computePayslip({
          passed: [...passed].reverse(),
          bonuses: bonuses.map((b) => ({ amount: amountFromMinor(b), reason: "b" })),
          corrections: corrections.map((c) => ({ amount: amountFromMinor(c), reason: "c" })),
          charges: charges.map((c) => ({ amount: amountFromMinor(c), reason: "d" })),
          withholdsTax,
        });
        const oracle = payslipOracle({
          passed: passed.map((p) => ({
            key: `${p.productId}|${p.processStepId ?? ""}|${p.pieceRateId}`,
            rateE4: p.rate.minor,
            pieces: p.pieces,
          })),
          bonusesFen: bonuses,
          correctionsFen: corrections,
          chargesFen: charges,
          withholdsTax,
        });
        expect(slip.lines.length).toBe(oracle.linesFen.size);
        for (const line of slip.lines) {
          expect(line.amount.minor).toBe(
            oracle.linesFen.get(`${line.productId}|${line.processStepId ?? ""}|${line.pieceRateId}`),
          );
        }
        expect(slip.remuneration.minor).toBe(oracle.remunerationFen);
        expect(slip.tax.minor).toBe(oracle.taxFen);
        expect(slip.net.minor).toBe(oracle.netFen);
        // a printed slip adds up: lines + adjustments = remuneration exactly
        const sum = slip.lines.reduce((s, l) => s + l.amount.minor, 0n);
        expect(sum + bonuses.reduce((s, b) => s + b, 0n) + corrections.reduce((s, c) => s + c, 0n)).toBe(
          slip.remuneration.minor,
        );
      },
    ),
    { numRuns: 3_000 },
  );
});
