// Money is stored as BigInt minor units (fen) and must round-trip exactly on
// both engines, and both databases must sum it exactly in SQL (docs/domain.md,
// "Money rules"; ADR 001). Workshop.hourlyMinimumWageFen is the money column
// the foundation has.
import fc from "fast-check";
import { expect, test } from "vitest";
import {
  MAX_AMOUNT_TEXT,
  amountFromMinor,
  amountToMinor,
  amountToString,
  parseAmount,
  type Amount,
} from "../../app/domain/money.ts";
import { db } from "../../app/infra/db.server.ts";

function parsed(text: string, opts?: { allowNegative?: boolean }): Amount {
  const result = parseAmount(text, opts);
  if (!result.ok) throw new Error(`test setup: ${text} did not parse: ${result.error.code}`);
  return result.value;
}

const MAX_FEN = amountToMinor(parsed(MAX_AMOUNT_TEXT));

let sequence = 0;
/** Stores one amount in its own workshop row (tagged by district) and reads it back. */
async function storeAndReload(fen: bigint, tag: string): Promise<bigint | null> {
  sequence += 1;
  const { id } = await db().workshop.create({
    data: { name: `money ${tag} ${sequence}`, district: tag, hourlyMinimumWageFen: fen },
    select: { id: true },
  });
  const row = await db().workshop.findUniqueOrThrow({ where: { id }, select: { hourlyMinimumWageFen: true } });
  return row.hourlyMinimumWageFen;
}

/** SUM over the tagged rows, three ways: Prisma aggregate, and raw SQL cast to text on each engine. */
async function sums(tag: string): Promise<{ aggregate: bigint | null; raw: bigint }> {
  const aggregate = await db().workshop.aggregate({ where: { district: tag }, _sum: { hourlyMinimumWageFen: true } });
  // The tag is a constant of this file; inlined because SQLite and PostgreSQL spell placeholders differently.
  expect(tag).toMatch(/^[\w^-]+$/);
  const rows = await db().$queryRawUnsafe<{ total: string | null }[]>(
    `SELECT CAST(SUM("hourlyMinimumWageFen") AS TEXT) AS total FROM "Workshop" WHERE "district" = '${tag}'`,
  );
  return { aggregate: aggregate._sum.hourlyMinimumWageFen, raw: BigInt(rows[0]?.total ?? "NaN") };
}

test("the largest amount, one fen, zero and the most negative amount round-trip exactly", async () => {
  expect(MAX_FEN).toBe(99_999_999_999_999n);
  const limits: [string, bigint][] = [
    [MAX_AMOUNT_TEXT, MAX_FEN],
    ["0.01", 1n],
    ["0", 0n],
    ["-999999999999.99", -MAX_FEN],
  ];
  for (const [text, fen] of limits) {
    const amount = parsed(text, { allowNegative: true });
    expect(amountToMinor(amount)).toBe(fen);
    const stored = await storeAndReload(amountToMinor(amount), "limits");
    expect(typeof stored).toBe("bigint");
    expect(stored).toBe(fen);
    expect(amountToString(amountFromMinor(stored ?? 0n))).toBe(amountToString(amount));
  }
  // null stays null (the column is optional: "not set").
  const { id } = await db().workshop.create({ data: { name: "no minimum wage" }, select: { id: true } });
  expect((await db().workshop.findUniqueOrThrow({ where: { id } })).hourlyMinimumWageFen).toBeNull();
});

test("random amounts round-trip exactly and the database sums them exactly (fast-check, 200 runs)", async () => {
  const written: bigint[] = [];
  await fc.assert(
    fc.asyncProperty(fc.bigInt({ min: -MAX_FEN, max: MAX_FEN }), async (fen) => {
      const amount = amountFromMinor(fen);
      const stored = await storeAndReload(amountToMinor(amount), "random");
      written.push(fen);
      expect(stored).toBe(fen);
      expect(amountToString(amountFromMinor(stored ?? 0n))).toBe(amountToString(amount));
    }),
    { numRuns: 200 },
  );
  const expected = written.reduce((total, fen) => total + fen, 0n);
  const { aggregate, raw } = await sums("random");
  expect(aggregate).toBe(expected);
  expect(raw).toBe(expected);
});

test("a SQL sum beyond 2^53 fen is still exact (no binary float anywhere on the way)", async () => {
  // 91 x the largest amount + 2 fen = 9,099,999,999,999,911 fen: odd and between 2^53 and 2^54, so
  // not representable as a double; any float in the path (driver, SUM, adapter) would change it.
  const values = [...Array.from({ length: 91 }, () => MAX_FEN), 2n];
  await db().workshop.createMany({
    data: values.map((fen, i) => ({ name: `big sum ${i}`, district: "beyond-2^53", hourlyMinimumWageFen: fen })),
  });
  const expected = values.reduce((total, fen) => total + fen, 0n);
  expect(expected).toBeGreaterThan(2n ** 53n);
  expect(BigInt(Number(expected))).not.toBe(expected);
  const { aggregate, raw } = await sums("beyond-2^53");
  expect(raw).toBe(expected);
  expect(aggregate).toBe(expected);
});
