// The coordinator's dashboard 工作台 (figures only; the page draws them). Pure.
// Daily output over the last days and the pay distribution of a settled month in bands of net pay. Counts are whole numbers;
// amounts stay Amounts (fen as bigint) and bands are decided on integers. Pass rates
// are app/domain/quality.ts's passRatePermille.
import { addDays } from "./dates.ts";
import { amountFromMinor, amountToMinor, sumAmounts, type Amount } from "./money.ts";

/** The `count` China dates ending with `today`, oldest first. */
export function lastDays(today: string, count: number): string[] {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count must be >= 1: ${count}`);
  return Array.from({ length: count }, (_, i) => addDays(today, i - count + 1));
}

export type DayOutput = { day: string; logged: number; passed: number };

/** Pieces logged and passed per day, every day of `days` present (0 when nothing happened). */
export function dailyOutput(
  days: readonly string[],
  logged: readonly { day: string; pieces: number }[],
  passed: readonly { day: string; pieces: number }[],
): DayOutput[] {
  const add = (map: Map<string, number>, rows: readonly { day: string; pieces: number }[]) => {
    for (const r of rows) {
      if (!Number.isSafeInteger(r.pieces) || r.pieces < 0) throw new RangeError(`pieces must be whole: ${r.pieces}`);
      map.set(r.day, (map.get(r.day) ?? 0) + r.pieces);
    }
    return map;
  };
  const l = add(new Map(), logged);
  const p = add(new Map(), passed);
  return days.map((day) => ({ day, logged: l.get(day) ?? 0, passed: p.get(day) ?? 0 }));
}

/** Band edges of net pay in fen: under 0 (only when there is one), 0-500, 500-1,000, ..., 5,000 and over. */
export const PAY_BAND_EDGES_FEN: readonly bigint[] = [0n, 50_000n, 100_000n, 200_000n, 300_000n, 500_000n];

export type PayBand = {
  /** Lower edge (inclusive), null for "under the first edge". */
  from: Amount | null;
  /** Upper edge (exclusive), null for "and over". */
  to: Amount | null;
  workers: number;
  total: Amount;
};

/** Net amounts counted into bands [edge_i, edge_i+1); the band under the first edge only if it has someone. */
export function payBands(nets: readonly Amount[], edgesFen: readonly bigint[] = PAY_BAND_EDGES_FEN): PayBand[] {
  if (edgesFen.length === 0 || edgesFen.some((e, i) => i > 0 && e <= edgesFen[i - 1]!)) {
    throw new RangeError("band edges must rise");
  }
  const bounds: [bigint | null, bigint | null][] = [
    [null, edgesFen[0]!],
    ...edgesFen.map((e, i): [bigint, bigint | null] => [e, edgesFen[i + 1] ?? null]),
  ];
  const bands = bounds.map(([from, to]) => {
    const inBand = nets.filter((n) => {
      const fen = amountToMinor(n);
      return (from === null || fen >= from) && (to === null || fen < to);
    });
    return {
      from: from === null ? null : amountFromMinor(from),
      to: to === null ? null : amountFromMinor(to),
      workers: inBand.length,
      total: sumAmounts(inBand),
    };
  });
  return bands[0]!.workers === 0 ? bands.slice(1) : bands;
}
