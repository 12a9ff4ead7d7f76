// A payslip 工资条 (docs/domain.md, flow step 7 and "Money rules"). Pure.
//   line          = passed pieces of one product (or step) at one rate x rate, rounded half-up to the fen, once
//   remuneration  = exact sum of the rounded lines + bonuses + corrections of earlier pay (signed)
//   tax           = labour-remuneration withholding of the remuneration, where the workshop withholds
//   net           = remuneration - tax - charges (material-loss deductions are charged after tax)
// Lines are grouped by (product, step, rate version) here, so the same inputs
// always give the same payslip, whatever order the passed pieces arrive in.
import { lineAmount, sumAmounts, subtractAmounts, zeroAmount, type Amount, type Rate } from "./money.ts";
import { labourRemunerationWithholding } from "./withholding.ts";

export type PassedPieces = {
  productId: string;
  processStepId: string | null;
  /** The rate version recorded on the piece logs behind these pieces. */
  pieceRateId: string;
  rate: Rate;
  pieces: number;
};

export type PayslipLine = {
  productId: string;
  processStepId: string | null;
  pieceRateId: string;
  rate: Rate;
  pieces: number;
  amount: Amount;
};

export type Adjustment = { amount: Amount; reason: string };

export type PayslipInput = {
  passed: readonly PassedPieces[];
  /** Bonuses (positive) for the month. */
  bonuses: readonly Adjustment[];
  /** Corrections of earlier, settled months' pay (signed): part of the remuneration. */
  corrections: readonly Adjustment[];
  /** Charges against the worker (material-loss deductions), positive amounts, taken after tax. */
  charges: readonly Adjustment[];
  withholdsTax: boolean;
};

export type Payslip = {
  lines: PayslipLine[];
  pay: Amount;
  remuneration: Amount;
  tax: Amount;
  charges: Amount;
  net: Amount;
};

function lineKey(p: { productId: string; processStepId: string | null; pieceRateId: string }): string {
  return JSON.stringify([p.productId, p.processStepId ?? "", p.pieceRateId]);
}

export function computePayslip(input: PayslipInput): Payslip {
  const groups = new Map<string, PassedPieces & { total: bigint }>();
  for (const p of input.passed) {
    if (!Number.isSafeInteger(p.pieces) || p.pieces < 0)
      throw new RangeError(`pieces must be whole and >= 0: ${p.pieces}`);
    const key = lineKey(p);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { ...p, total: BigInt(p.pieces) });
    } else if (group.rate.minor !== p.rate.minor) {
      throw new RangeError(`rate version ${p.pieceRateId} has two rates`);
    } else {
      group.total += BigInt(p.pieces);
    }
  }
  const lines = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({
      productId: g.productId,
      processStepId: g.processStepId,
      pieceRateId: g.pieceRateId,
      rate: g.rate,
      pieces: Number(g.total),
      amount: lineAmount(g.total, g.rate),
    }))
    .filter((line) => line.pieces > 0);
  for (const charge of input.charges) {
    if (charge.amount.minor < 0n) throw new RangeError("a charge is a positive amount");
  }
  const pay = sumAmounts(lines.map((l) => l.amount));
  const remuneration = sumAmounts([
    pay,
    ...input.bonuses.map((b) => b.amount),
    ...input.corrections.map((c) => c.amount),
  ]);
  const tax = input.withholdsTax ? labourRemunerationWithholding(remuneration) : zeroAmount();
  const charges = sumAmounts(input.charges.map((c) => c.amount));
  const net = subtractAmounts(subtractAmounts(remuneration, tax), charges);
  return { lines, pay, remuneration, tax, charges, net };
}
