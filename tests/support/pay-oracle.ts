// Integer oracles for pay, written from docs/domain.md "Money rules" separately from
// app/domain (no decimal.js, no shared helpers): BigInt fen and 0.0001-yuan units only.

/** a / b half-up for a >= 0, b > 0. */
function half(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (2n * denominator);
}

// Oracle: integer fen, written from the rule directly (taxable kept exact in 1/100 fen).
export function withholdingOracleFen(incomeFen: bigint): bigint {
  if (incomeFen <= 400_000n) {
    const taxable = incomeFen - 80_000n;
    return taxable > 0n ? half(taxable * 20n, 100n) : 0n;
  }
  const taxableE4 = incomeFen * 80n; // fen x 100 (x 80 %)
  if (taxableE4 <= 2_000_000n * 100n) return half(taxableE4 * 20n, 10_000n);
  if (taxableE4 <= 5_000_000n * 100n) return half(taxableE4 * 30n - 200_000n * 10_000n, 10_000n);
  return half(taxableE4 * 40n - 700_000n * 10_000n, 10_000n);
}

export type OraclePassed = { key: string; rateE4: bigint; pieces: number };

/** A payslip in fen: lines per key, remuneration, tax, net. */
export function payslipOracle(input: {
  passed: OraclePassed[];
  bonusesFen: bigint[];
  correctionsFen: bigint[];
  chargesFen: bigint[];
  withholdsTax: boolean;
}): { linesFen: Map<string, bigint>; remunerationFen: bigint; taxFen: bigint; netFen: bigint } {
  const pieces = new Map<string, { rateE4: bigint; count: bigint }>();
  for (const p of input.passed) {
    const entry = pieces.get(p.key) ?? { rateE4: p.rateE4, count: 0n };
    entry.count += BigInt(p.pieces);
    pieces.set(p.key, entry);
  }
  const linesFen = new Map<string, bigint>();
  for (const [key, { rateE4, count }] of pieces) if (count > 0n) linesFen.set(key, half(count * rateE4, 100n));
  let remunerationFen = 0n;
  for (const v of linesFen.values()) remunerationFen += v;
  for (const v of [...input.bonusesFen, ...input.correctionsFen]) remunerationFen += v;
  const taxFen = input.withholdsTax ? withholdingOracleFen(remunerationFen) : 0n;
  let chargesFen = 0n;
  for (const v of input.chargesFen) chargesFen += v;
  return { linesFen, remunerationFen, taxFen, netFen: remunerationFen - taxFen - chargesFen };
}
