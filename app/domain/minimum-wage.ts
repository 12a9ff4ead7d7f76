// The minimum-wage view 最低工资核对 (docs/domain.md "Money rules", "Fair-rate check"). Pure.
// Per worker and month:
//   earnings      = passed pieces x the rate recorded on their lots, one rounded line per
//                   (product, step, rate version), as on the payslip (docs/domain.md "Payslip line")
//   minutes       = (passed + rework pieces) x the product's standard minutes per piece
//   hourly pay    = earnings x 60 / minutes, rounded half-up to the fen; compared exactly with the
//                   workshop's hourly minimum wage
// Only pieces with a time test count in the hourly figure: a product without standard minutes,
// or a process step's pieces (a step has no time test of its own, as in the fair-rate check of
// app/domain/rates.ts), is left out of both its earnings and its minutes and said so.
import {
  earnsBelowHourly,
  hourlyPayOfEarnings,
  lineAmount,
  rateToMinor,
  sumAmounts,
  type Amount,
  type Rate,
} from "./money.ts";

/** One worker's checked pieces of one product (or step) at one rate version in the month. */
export type CheckedPieces = {
  productId: string;
  processStepId: string | null;
  /** The rate version recorded on the lots; null when the pieces were never priced. */
  pieceRateId: string | null;
  rate: Rate | null;
  passed: number;
  rework: number;
  /** The product's standard minutes per piece x100; null = no time test. */
  standardMinutesE2: number | null;
};

export type ProductMinutes = {
  productId: string;
  processStepId: string | null;
  passed: number;
  rework: number;
  /** Passed pieces with no rate recorded: not in the earnings yet. */
  unpriced: number;
  earnings: Amount;
  /** (passed + rework) x standard minutes, x100; null = no time test (or a step's pieces). */
  minutesE2: bigint | null;
  standardMinutesE2: number | null;
};

export type HourlyStatus =
  /** Under the workshop's hourly minimum. */
  | "below"
  | "atOrAbove"
  /** The workshop has not set its hourly minimum. */
  | "noMinimum"
  /** None of her pieces has a time test. */
  | "noTimeTest";

export type WorkerMinimumWage = {
  products: ProductMinutes[];
  passed: number;
  rework: number;
  unpriced: number;
  /** Every passed, priced piece (= the payslip's pay lines). */
  earnings: Amount;
  /** Earnings and minutes of the pieces with a time test: what the hourly figure is made of. */
  timedEarnings: Amount;
  timedMinutesE2: bigint;
  /** Pieces (passed + rework) without a time test, left out of the hourly figure. */
  untimedPieces: number;
  hourly: Amount | null;
  status: HourlyStatus;
};

function checkedCount(n: number, what: string): bigint {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be whole and >= 0: ${n}`);
  return BigInt(n);
}

const keyOf = (p: { productId: string; processStepId: string | null }) =>
  JSON.stringify([p.productId, p.processStepId ?? ""]);

/** One worker's month: the groups may come in any order; the same groups always give the same figures. */
export function workerMinimumWage(groups: readonly CheckedPieces[], minimumHourly: Amount | null): WorkerMinimumWage {
  type Acc = {
    product: CheckedPieces;
    passed: bigint;
    rework: bigint;
    unpriced: bigint;
    lines: Map<string, { rate: Rate; pieces: bigint }>;
  };
  const byProduct = new Map<string, Acc>();
  for (const g of groups) {
    const passed = checkedCount(g.passed, "passed pieces");
    const rework = checkedCount(g.rework, "rework pieces");
    const key = keyOf(g);
    const acc = byProduct.get(key) ?? { product: g, passed: 0n, rework: 0n, unpriced: 0n, lines: new Map() };
    byProduct.set(key, acc);
    acc.passed += passed;
    acc.rework += rework;
    if (g.rate === null || g.pieceRateId === null) {
      acc.unpriced += passed;
      continue;
    }
    const line = acc.lines.get(g.pieceRateId);
    if (line && rateToMinor(line.rate) !== rateToMinor(g.rate))
      throw new RangeError(`rate version ${g.pieceRateId} has two rates`);
    acc.lines.set(g.pieceRateId, { rate: g.rate, pieces: (line?.pieces ?? 0n) + passed });
  }
  const products: ProductMinutes[] = [...byProduct.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, acc]) => {
      const minutes = acc.product.standardMinutesE2;
      const timed = acc.product.processStepId === null && minutes !== null && minutes > 0;
      return {
        productId: acc.product.productId,
        processStepId: acc.product.processStepId,
        passed: Number(acc.passed),
        rework: Number(acc.rework),
        unpriced: Number(acc.unpriced),
        earnings: sumAmounts([...acc.lines.values()].map((l) => lineAmount(l.pieces, l.rate))),
        minutesE2: timed ? (acc.passed + acc.rework) * BigInt(minutes) : null,
        standardMinutesE2: minutes,
      };
    });
  const timed = products.filter((p) => p.minutesE2 !== null);
  const timedMinutesE2 = timed.reduce((sum, p) => sum + (p.minutesE2 ?? 0n), 0n);
  const timedEarnings = sumAmounts(timed.map((p) => p.earnings));
  const hourly = timedMinutesE2 > 0n ? hourlyPayOfEarnings(timedEarnings, timedMinutesE2) : null;
  const status: HourlyStatus =
    timedMinutesE2 === 0n
      ? "noTimeTest"
      : minimumHourly === null
        ? "noMinimum"
        : earnsBelowHourly(timedEarnings, timedMinutesE2, minimumHourly)
          ? "below"
          : "atOrAbove";
  const sum = (pick: (p: ProductMinutes) => number) => products.reduce((n, p) => n + pick(p), 0);
  return {
    products,
    passed: sum((p) => p.passed),
    rework: sum((p) => p.rework),
    unpriced: sum((p) => p.unpriced),
    earnings: sumAmounts(products.map((p) => p.earnings)),
    timedEarnings,
    timedMinutesE2,
    untimedPieces: products.filter((p) => p.minutesE2 === null).reduce((n, p) => n + p.passed + p.rework, 0),
    hourly,
    status,
  };
}

/** Minutes x100 as text with up to 2 decimals ("450", "12.5"), for hours and minutes on the page. */
export function minutesText(minutesE2: bigint): string {
  const whole = minutesE2 / 100n;
  const frac = (minutesE2 % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** Hours from minutes x100, to one decimal, half-up ("7.5"): for reading, never for pay. */
export function hoursText(minutesE2: bigint): string {
  // tenths of an hour = minutesE2 / 600, half-up
  const tenths = (minutesE2 * 2n + 600n) / 1200n;
  return `${tenths / 10n}.${tenths % 10n}`;
}
