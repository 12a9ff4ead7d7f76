// Monthly settlement 月结 (app/models/settlement.server.ts, ADR 022) against a real
// database, on SQLite and PostgreSQL: generated months of 1,000+ workers with
// 4-decimal rates, rework that passed later, lots in the months around (never
// counted), bonuses, signed corrections and material deductions; every payslip
// equals an integer oracle written apart from the app (tests/support/pay-oracle.ts)
// to the fen. Settling twice gives the same payslips; a locked month refuses a
// second settle and what would feed it; an unfinished month cannot be settled.
import { expect, test } from "vitest";
import { db } from "../../app/infra/db.server.ts";
import { addAdjustment } from "../../app/models/payslip.server.ts";
import { previewMonth, settleMonth, type WorkerPay } from "../../app/models/settlement.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { generateMonth, type GeneratedMonth } from "../support/pay-month.ts";
import { payslipOracle } from "../support/pay-oracle.ts";

const AFTER = new Date("2026-11-15T04:00:00Z"); // the month 2026-10 has ended

function oracleFor(month: GeneratedMonth, withholdsTax: boolean) {
  const expected = new Map<string, ReturnType<typeof payslipOracle>>();
  const by = <T extends { workerId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.workerId, [...(map.get(r.workerId) ?? []), r]);
    return map;
  };
  const passed = by(month.passed);
  const bonuses = by(month.bonuses);
  const corrections = by(month.corrections);
  const charges = by(month.charges);
  const workers = new Set([...passed.keys(), ...bonuses.keys(), ...corrections.keys(), ...charges.keys()]);
  for (const workerId of workers) {
    expected.set(
      workerId,
      payslipOracle({
        passed: (passed.get(workerId) ?? []).map((p) => ({ key: p.key, rateE4: p.rateE4, pieces: p.pieces })),
        bonusesFen: (bonuses.get(workerId) ?? []).map((b) => b.amountFen),
        correctionsFen: (corrections.get(workerId) ?? []).map((c) => c.amountFen),
        chargesFen: (charges.get(workerId) ?? []).map((c) => c.amountFen),
        withholdsTax,
      }),
    );
  }
  return expected;
}

/** A stored or previewed payslip in the oracle's terms. */
function asOracle(p: {
  remunerationFen: bigint;
  taxFen: bigint;
  netFen: bigint;
  lines: { kind: string; productId: string | null; pieceRateId: string | null; amountFen: bigint }[];
}) {
  const linesFen = new Map<string, bigint>();
  for (const l of p.lines) if (l.kind === "piece") linesFen.set(`${l.productId}::${l.pieceRateId}`, l.amountFen);
  return { linesFen, remunerationFen: p.remunerationFen, taxFen: p.taxFen, netFen: p.netFen };
}

async function storedPayslips(workshopId: string, month: string) {
  const slips = await db().payslip.findMany({
    where: { workshopId, month },
    select: {
      workerId: true,
      payFen: true,
      remunerationFen: true,
      taxFen: true,
      chargesFen: true,
      netFen: true,
      lines: {
        orderBy: { sortOrder: "asc" },
        select: {
          kind: true,
          productId: true,
          processStepId: true,
          pieceRateId: true,
          rateE4: true,
          pieces: true,
          amountFen: true,
          label: true,
          reason: true,
          sourceId: true,
        },
      },
    },
    orderBy: { workerId: "asc" },
  });
  return slips;
}

test.each([
  { seed: 11, withholdsTax: true },
  { seed: 12, withholdsTax: false },
])(
  "a generated month of 1,200 workers (seed $seed, withholding $withholdsTax): every payslip equals the integer oracle to the fen; the period total is their exact sum",
  async ({ seed, withholdsTax }) => {
    const month = await generateMonth({
      workers: 1_200,
      products: 12,
      lotsPerWorker: 3,
      seed,
      withholdsTax,
      adjustEvery: 5,
    });
    const expected = oracleFor(month, withholdsTax);
    // Some payslips must take the larger brackets and some must be negative nets from charges: the month is varied.
    expect(expected.size).toBeGreaterThan(1_000);

    const previewed = new Map<string, WorkerPay>();
    const totals = await previewMonth(month.workshopId, month.month, (pays) => {
      for (const p of pays) previewed.set(p.workerId, p);
    });
    expect(previewed.size).toBe(expected.size);
    for (const [workerId, want] of expected) {
      const got = previewed.get(workerId);
      expect(got, workerId).toBeDefined();
      expect(asOracle(got!), workerId).toEqual(want);
    }
    let net = 0n;
    for (const want of expected.values()) net += want.netFen;
    expect(totals.netFen).toBe(net);
    expect(totals.workerCount).toBe(expected.size);
    // Nothing written by a preview.
    expect(await db().payslip.count({ where: { workshopId: month.workshopId } })).toBe(0);

    const actor = { userId: month.coordinatorId, workshopId: month.workshopId };
    const settled = await settleMonth(actor, month.month, AFTER, totals.netFen);
    expect(settled.ok).toBe(true);
    const stored = await storedPayslips(month.workshopId, month.month);
    expect(stored).toHaveLength(expected.size);
    let sum = 0n;
    for (const slip of stored) {
      expect(asOracle(slip), slip.workerId).toEqual(expected.get(slip.workerId));
      // A printed slip adds up: lines and adjustments make the remuneration, charges are taken after tax.
      const pieceAndAdjust = slip.lines.filter((l) => l.kind !== "charge").reduce((a, l) => a + l.amountFen, 0n);
      const charged = slip.lines.filter((l) => l.kind === "charge").reduce((a, l) => a + l.amountFen, 0n);
      expect(pieceAndAdjust).toBe(slip.remunerationFen);
      expect(charged).toBe(slip.chargesFen);
      expect(slip.remunerationFen - slip.taxFen - slip.chargesFen).toBe(slip.netFen);
      sum += slip.netFen;
    }
    const period = await db().payPeriod.findUniqueOrThrow({
      where: { workshopId_month: { workshopId: month.workshopId, month: month.month } },
    });
    expect(period.netFen).toBe(sum);
    expect(period.workerCount).toBe(expected.size);

    // Settling again is refused and changes nothing; the preview still gives the same payslips.
    const before = await storedPayslips(month.workshopId, month.month);
    expect(await settleMonth(actor, month.month, AFTER)).toMatchObject({ ok: false, code: "settled" });
    expect(await storedPayslips(month.workshopId, month.month)).toEqual(before);
    const again = new Map<string, WorkerPay>();
    await previewMonth(month.workshopId, month.month, (pays) => {
      for (const p of pays) again.set(p.workerId, p);
    });
    for (const slip of before) {
      const p = again.get(slip.workerId)!;
      expect(p.lines.map(({ sourceId: _s, ...l }) => l)).toEqual(slip.lines.map(({ sourceId: _s, ...l }) => l));
    }
  },
  240_000,
);

test("an unfinished month, a malformed month and a month with nothing in it are refused; nothing written", async () => {
  const month = await generateMonth({ workers: 5, products: 2, lotsPerWorker: 1, seed: 3, month: "2026-11" });
  const actor = { userId: month.coordinatorId, workshopId: month.workshopId };
  expect(await settleMonth(actor, "2026-11", AFTER)).toMatchObject({ ok: false, code: "notEnded" });
  expect(await settleMonth(actor, "2026-12", AFTER)).toMatchObject({ ok: false, code: "notEnded" });
  expect(await settleMonth(actor, "2026-13", AFTER)).toMatchObject({ ok: false, code: "badMonth" });
  expect(await settleMonth(actor, "2025-01", AFTER)).toMatchObject({ ok: false, code: "nothingToSettle" });
  expect(await db().payPeriod.count({ where: { workshopId: month.workshopId } })).toBe(0);
  expect(await db().payslip.count({ where: { workshopId: month.workshopId } })).toBe(0);
});

test("the net she was shown must still hold: a change since the preview refuses the settle (changed) and writes nothing", async () => {
  const month = await generateMonth({ workers: 30, products: 3, lotsPerWorker: 2, seed: 5 });
  const actor = { userId: month.coordinatorId, workshopId: month.workshopId };
  const totals = await previewMonth(month.workshopId, month.month);
  const answer = await settleMonth(actor, month.month, AFTER, totals.netFen + 1n);
  expect(answer).toMatchObject({ ok: false, code: "changed" });
  expect(await db().payPeriod.count({ where: { workshopId: month.workshopId } })).toBe(0);
  expect(await db().payslip.count({ where: { workshopId: month.workshopId } })).toBe(0);
});

test("passed pieces with no rate block the settle (unpriced) until priced; nothing written", async () => {
  const month = await generateMonth({ workers: 20, products: 2, lotsPerWorker: 2, seed: 9 });
  const actor = { userId: month.coordinatorId, workshopId: month.workshopId };
  const lot = await db().lot.findFirstOrThrow({
    where: { workshopId: month.workshopId, checkedOn: { startsWith: month.month }, passedQuantity: { gt: 0 } },
  });
  await db().lot.update({ where: { id: lot.id }, data: { pieceRateId: null, rateE4: null } });
  const totals = await previewMonth(month.workshopId, month.month);
  expect(totals.unpricedPieces).toBe(lot.passedQuantity);
  expect(await settleMonth(actor, month.month, AFTER)).toMatchObject({ ok: false, code: "unpriced" });
  expect(await db().payslip.count({ where: { workshopId: month.workshopId } })).toBe(0);
});

test("four coordinators settling at once: one settles, the others are told it is settled; one set of payslips", async () => {
  const month = await generateMonth({ workers: 200, products: 4, lotsPerWorker: 2, seed: 21 });
  const actor = { userId: month.coordinatorId, workshopId: month.workshopId };
  const answers = await Promise.all([1, 2, 3, 4].map(() => settleMonth(actor, month.month, AFTER)));
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ code: "settled" });
  const period = await db().payPeriod.findFirstOrThrow({ where: { workshopId: month.workshopId } });
  expect(await db().payslip.count({ where: { workshopId: month.workshopId } })).toBe(period.workerCount);
});

test("a bonus or correction for a settled month is refused; one for the next open month is kept; a correction names a settled month", async () => {
  const month = await generateMonth({ workers: 10, products: 2, lotsPerWorker: 2, seed: 31, month: "2026-09" });
  const actor = { userId: month.coordinatorId, workshopId: month.workshopId };
  expect((await settleMonth(actor, "2026-09", AFTER)).ok).toBe(true);
  const workerId = month.workerIds[0]!;
  const bonus = (m: string) =>
    addAdjustment(
      actor,
      { workerId, month: m, kind: "bonus", amountFen: 5_000n, reason: "全勤奖", correctsMonth: "" },
      newSubmissionKey(),
    );
  expect(await bonus("2026-09")).toMatchObject({ ok: false, code: "monthSettled" });
  expect(await bonus("2026-10")).toMatchObject({ ok: true });
  const correction = (corrects: string, amountFen = -1_234n) =>
    addAdjustment(
      actor,
      { workerId, month: "2026-10", kind: "correction", amountFen, reason: "九月多算了", correctsMonth: corrects },
      newSubmissionKey(),
    );
  expect(await correction("2026-08")).toMatchObject({ ok: false, code: "correctsUnsettled" });
  expect(await correction("2026-10")).toMatchObject({ ok: false, code: "correctsUnsettled" });
  expect(await correction("2026-09", 0n)).toMatchObject({ ok: false, code: "correctionZero" });
  const kept = await correction("2026-09");
  expect(kept).toMatchObject({ ok: true });
  const row = await db().payAdjustment.findFirstOrThrow({ where: { workerId, kind: "correction", month: "2026-10" } });
  expect(row.correctsMonth).toBe("2026-09");
  // A worker of another workshop is not found.
  const other = await generateMonth({ workers: 1, products: 1, lotsPerWorker: 1, seed: 32 });
  expect(
    await addAdjustment(
      actor,
      { workerId: other.workerIds[0]!, month: "2026-10", kind: "bonus", amountFen: 1n, reason: "x", correctsMonth: "" },
      newSubmissionKey(),
    ),
  ).toMatchObject({ ok: false, code: "notFound" });
  // And the October settlement reads the bonus and the correction.
  const slips = new Map<string, WorkerPay>();
  await previewMonth(month.workshopId, "2026-10", (pays) => pays.forEach((p) => slips.set(p.workerId, p)));
  const lines = slips.get(workerId)!.lines.filter((l) => l.kind !== "piece");
  expect(lines.map((l) => [l.kind, l.amountFen, l.reason])).toEqual([
    ["bonus", 5_000n, "全勤奖"],
    ["correction", -1_234n, "九月多算了"],
  ]);
});
