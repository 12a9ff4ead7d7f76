// Labour-remuneration withholding (docs/domain.md, "Money rules"), at and around every
// threshold in one-fen steps, and against an integer oracle written separately.
import fc from "fast-check";
import { expect, test } from "vitest";
import { amountFromMinor, amountToString, parseAmount, type Amount } from "../../app/domain/money.ts";
import { labourRemunerationWithholding } from "../../app/domain/withholding.ts";
import { withholdingOracleFen as oracleFen } from "../support/pay-oracle.ts";

function amount(text: string): Amount {
  const parsed = parseAmount(text, { allowNegative: true });
  if (!parsed.ok) throw new Error(`test setup: ${text}`);
  return parsed.value;
}
const tax = (income: string) => amountToString(labourRemunerationWithholding(amount(income)));

// Worked by hand from the rule, not from the code.
test.each([
  ["0.00", "0.00"],
  ["-50.00", "0.00"],
  // 800 income: taxable 0
  ["799.99", "0.00"],
  ["800.00", "0.00"],
  ["800.01", "0.00"], // 0.01 x 20 % = 0.002 -> 0.00
  ["800.03", "0.01"], // 0.03 x 20 % = 0.006 -> 0.01
  ["800.02", "0.00"], // 0.004 -> 0.00
  ["1000.00", "40.00"],
  // 4,000 income: 3,200 x 20 % = 640 either way
  ["3999.99", "640.00"], // 3199.99 x 20 % = 639.998 -> 640.00
  ["4000.00", "640.00"],
  ["4000.01", "640.00"], // 3200.008 x 20 % = 640.0016
  ["4000.04", "640.01"], // 4000.04 x 16 % = 640.0064 -> 640.01
  // 20,000 taxable = 25,000 income
  ["24999.99", "4000.00"], // 19999.992 x 20 % = 3999.9984 -> 4000.00
  ["25000.00", "4000.00"],
  ["25000.01", "4000.00"], // 20000.008 x 30 % - 2000 = 4000.0024
  ["25000.03", "4000.01"], // 20000.024 x 30 % - 2000 = 4000.0072
  // 50,000 taxable = 62,500 income
  ["62499.99", "13000.00"], // 49999.992 x 30 % - 2000 = 12999.9976 -> 13000.00
  ["62499.90", "12999.98"], // 49999.92 x 30 % - 2000 = 12999.976 -> 12999.98
  ["62500.00", "13000.00"],
  ["62500.01", "13000.00"], // 50000.008 x 40 % - 7000 = 13000.0032
  ["62500.02", "13000.01"], // 50000.016 x 40 % - 7000 = 13000.0064
  ["100000.00", "25000.00"], // 80000 x 40 % - 7000
])("income %s withholds %s", (income, expected) => {
  expect(tax(income)).toBe(expected);
});

test("every income agrees with the integer oracle (property)", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.bigInt({ min: -1_000_000n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 99_999_999_999_99n }),
        fc
          .constantFrom(80_000n, 400_000n, 2_500_000n, 6_250_000n)
          .chain((t) => fc.bigInt({ min: t - 300n, max: t + 300n })),
      ),
      (fen) => {
        expect(labourRemunerationWithholding(amountFromMinor(fen)).minor).toBe(oracleFen(fen));
      },
    ),
    { numRuns: 20_000 },
  );
});

test("one-fen steps across each threshold never lower the tax (property of the brackets)", () => {
  for (const threshold of [80_000n, 400_000n, 2_500_000n, 6_250_000n]) {
    let previous = -1n;
    for (let fen = threshold - 500n; fen <= threshold + 500n; fen++) {
      const t = labourRemunerationWithholding(amountFromMinor(fen)).minor;
      expect(t >= previous).toBe(true);
      previous = t;
    }
  }
});
