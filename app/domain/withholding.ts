// Labour-remuneration withholding 劳务报酬 预扣预缴 (docs/domain.md, "Money rules"),
// for workshops that withhold, per payslip:
//   income <= 4,000: taxable = income - 800 (not below 0)
//   income  > 4,000: taxable = income x 80 %
//   tax = taxable x 20 %            up to 20,000 taxable
//       = taxable x 30 % - 2,000    up to 50,000 taxable
//       = taxable x 40 % - 7,000    above
//   rounded half-up to the fen, once.
// Taxable is never rounded on its own: for income > 4,000 the tax is income x 16 %,
// x 24 % - 2,000 or x 32 % - 7,000, rounded once. Subtracting a whole number of
// yuan after rounding equals rounding after subtracting it, so each case rounds once.
// The 20,000 and 50,000 taxable thresholds are 25,000 and 62,500 of income.
import { amountFromMinor, compareAmounts, percentOfAmount, subtractAmounts, zeroAmount, type Amount } from "./money.ts";

const yuan = (n: bigint): Amount => amountFromMinor(n * 100n);

const DEDUCTION_LIMIT = yuan(4_000n);
const FLAT_DEDUCTION = yuan(800n);
/** Income at which taxable income reaches 20,000 (x 80 %). */
const FIRST_BRACKET_TOP = yuan(25_000n);
/** Income at which taxable income reaches 50,000. */
const SECOND_BRACKET_TOP = yuan(62_500n);

/** The tax to withhold from one payslip's remuneration (0 for income <= 800, or negative). */
export function labourRemunerationWithholding(income: Amount): Amount {
  if (compareAmounts(income, DEDUCTION_LIMIT) <= 0) {
    const taxable = subtractAmounts(income, FLAT_DEDUCTION);
    return taxable.minor > 0n ? percentOfAmount(taxable, "20") : zeroAmount();
  }
  if (compareAmounts(income, FIRST_BRACKET_TOP) <= 0) return percentOfAmount(income, "16");
  if (compareAmounts(income, SECOND_BRACKET_TOP) <= 0) {
    return subtractAmounts(percentOfAmount(income, "24"), yuan(2_000n));
  }
  return subtractAmounts(percentOfAmount(income, "32"), yuan(7_000n));
}
