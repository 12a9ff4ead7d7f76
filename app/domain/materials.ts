// Material reconciliation 对账 (docs/domain.md, flow step 4 and "Money rules",
// material loss). Pure: quantities are integer minor units (0.001 of the
// material's unit, "E3"), the loss allowance is percent x 100 ("E2", 3.5 % = 350)
// and unit costs are 0.0001 yuan per unit ("E4"), exactly as the database
// stores them. Everything up to the proposed deduction is exact integer
// arithmetic; the deduction is rounded once, half-up, to the fen.
//
//   expected use  = pieces received x quantity per piece (the BOM snapshot taken at hand-out)
//   loss          = issued - returned - expected use           (may be negative: nothing lost)
//   allowed loss  = expected use x allowance %
//   excess        = loss - allowed loss, when positive
//   deduction     = excess x unit cost, rounded half-up to the fen, never below 0
import { amountOfProduct, type Amount } from "./money.ts";

/** Scale of the exact allowed loss and excess: E3 quantity x E2 percent / 100 = E7. */
export const EXACT_LOSS_SCALE = 7;

export type ReconciliationInput = {
  /** Pieces received against the assignment (whole, >= 0). */
  piecesReceived: number;
  /** Quantity of this material per piece, from the snapshot taken at hand-out (E3, >= 0). */
  perPieceE3: bigint;
  /** Total handed out (E3, >= 0). */
  issuedE3: bigint;
  /** Total returned (E3, >= 0). */
  returnedE3: bigint;
  /** The product's loss allowance in percent x 100 (E2, >= 0). */
  allowanceE2: number;
  /** The material's unit cost in 0.0001 yuan (E4, >= 0). */
  unitCostE4: bigint;
};

export type Reconciliation = {
  expectedUseE3: bigint;
  /** issued - returned - expected use; negative when less was used than expected. */
  lossE3: bigint;
  /** expected use x allowance %, exact (E7). */
  allowedLossE7: bigint;
  /** loss beyond the allowance, exact (E7), 0 when within it. */
  excessE7: bigint;
  /** True when the loss is beyond the allowance: the coordinator's list flags it. */
  overAllowance: boolean;
  /** Loss as a percent of expected use x 100, rounded half-up (E2); null when nothing was expected. */
  lossPercentE2: bigint | null;
  /** excess x unit cost, rounded half-up to the fen; zero within the allowance. */
  proposedDeduction: Amount;
};

function nonNegative(name: string, value: bigint): bigint {
  if (typeof value !== "bigint") throw new TypeError(`${name} must be a bigint`);
  if (value < 0n) throw new RangeError(`${name} must not be negative: ${value}`);
  return value;
}

function wholeCount(name: string, value: number): bigint {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number >= 0: ${value}`);
  return BigInt(value);
}

/** a / b for b > 0, rounded half away from zero to an integer. */
function divideHalfUp(a: bigint, b: bigint): bigint {
  const magnitude = ((a < 0n ? -a : a) * 2n + b) / (2n * b);
  return a < 0n ? -magnitude : magnitude;
}

export function reconcile(input: ReconciliationInput): Reconciliation {
  const pieces = wholeCount("piecesReceived", input.piecesReceived);
  const allowance = wholeCount("allowanceE2", input.allowanceE2);
  const perPiece = nonNegative("perPieceE3", input.perPieceE3);
  const issued = nonNegative("issuedE3", input.issuedE3);
  const returned = nonNegative("returnedE3", input.returnedE3);
  const unitCost = nonNegative("unitCostE4", input.unitCostE4);

  const expectedUseE3 = pieces * perPiece;
  const lossE3 = issued - returned - expectedUseE3;
  // (E3 = 1e-3 unit) x (E2 = 1e-2 percent) / 100 (percent) = 1e-7 of the material's unit.
  const allowedLossE7 = expectedUseE3 * allowance;
  const lossE7 = lossE3 * 10_000n;
  const excessE7 = lossE7 > allowedLossE7 ? lossE7 - allowedLossE7 : 0n;
  const lossPercentE2 = expectedUseE3 === 0n ? null : divideHalfUp(lossE3 * 10_000n, expectedUseE3);
  return {
    expectedUseE3,
    lossE3,
    allowedLossE7,
    excessE7,
    overAllowance: excessE7 > 0n,
    lossPercentE2,
    proposedDeduction: amountOfProduct(excessE7, EXACT_LOSS_SCALE, unitCost, 4),
  };
}
