// Money core cost: a payslip's worth of pay lines (count x rate, rounded half-up
// to the fen, summed) through app/domain/money.ts (decimal.js), against the
// same arithmetic done directly on BigInt minor units (the floor of what any
// exact implementation can cost).
import { amountToMinor, lineAmount, rateFromMinor, sumAmounts } from "../../app/domain/money.ts";

const LINES = 10_000;
const ROUNDS = 20;
const lines = Array.from({ length: LINES }, (_, i) => ({
  count: (i * 7919) % 5000,
  rateE4: BigInt(1 + ((i * 104729) % 99_999)),
}));

function viaMoney(): bigint {
  return amountToMinor(sumAmounts(lines.map((l) => lineAmount(l.count, rateFromMinor(l.rateE4)))));
}

function viaBigInt(): bigint {
  let total = 0n;
  for (const l of lines) total += (BigInt(l.count) * l.rateE4 + 50n) / 100n;
  return total;
}

function time(fn: () => bigint): { ms: number; result: bigint } {
  let result = 0n;
  fn(); // warm up
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) result = fn();
  return { ms: (performance.now() - t0) / ROUNDS, result };
}

const money = time(viaMoney);
const base = time(viaBigInt);
if (money.result !== base.result) throw new Error(`results differ: ${money.result} vs ${base.result}`);
console.log(`money: ${LINES} pay lines, mean of ${ROUNDS} runs`);
console.log(`  BigInt baseline      ${base.ms.toFixed(2)} ms`);
console.log(
  `  app/domain/money.ts  ${money.ms.toFixed(2)} ms  (${(money.ms / base.ms).toFixed(1)}x baseline; ${((money.ms * 1000) / LINES).toFixed(2)} µs per line)`,
);
