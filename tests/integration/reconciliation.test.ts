// Reconciliation 对账 and deductions 扣款 (app/models/reconciliation.server.ts,
// ADR 018) against a real database: the figures gathered from hand-outs,
// returns, received lots and the BOM snapshot agree with an integer oracle
// written here from docs/domain.md "Money rules" (material loss), for random
// workshops; a deduction is never above the proposal, lowering or waiving
// needs a reason, every decision is audited. A later BOM edit changes nothing.
import { expect, test } from "vitest";
import { setBomLine } from "../../app/models/catalogue.server.ts";
import { issueMaterial, receiveMaterial, returnMaterial } from "../../app/models/material-stock.server.ts";
import {
  assignmentReconciliation,
  chargedDeductions,
  decideDeduction,
  listReconciliation,
} from "../../app/models/reconciliation.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { db } from "../../app/infra/db.server.ts";
import { actorOf, createOrderWorld, type OrderWorld } from "../support/catalogue-fixtures.ts";
import { assignedWork, createMaterialRow, e3, receivedLot, setBom } from "../support/stock-fixtures.ts";

/** When the decisions are taken: a deduction goes to last, this or next month (decideDeduction). */
const MARCH = new Date("2026-03-15T04:00:00Z");
const NOVEMBER = new Date("2026-11-20T04:00:00Z");

/** a / b rounded half-up, a >= 0, b > 0. */
function halfUp(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (2n * b);
}

/**
 * The rule, in integers only: expected use (E3) = pieces × per piece; loss = issued − returned − expected;
 * allowed = expected × allowance (E2 percent, so E3 × E2 / 10 000 in E3); the excess over it, in
 * 1e-7 units, × unit cost (1e-4 yuan) is in 1e-11 yuan: fen = excess × cost / 1e9, half-up, never below 0.
 */
function oracle(x: {
  pieces: number;
  perPieceE3: bigint;
  issuedE3: bigint;
  returnedE3: bigint;
  allowanceE2: number;
  unitCostE4: bigint;
}) {
  const expectedE3 = BigInt(x.pieces) * x.perPieceE3;
  const lossE3 = x.issuedE3 - x.returnedE3 - expectedE3;
  const lossE7 = lossE3 * 10_000n;
  const allowedE7 = expectedE3 * BigInt(x.allowanceE2);
  const excessE7 = lossE7 > allowedE7 ? lossE7 - allowedE7 : 0n;
  return { expectedE3, lossE3, over: excessE7 > 0n, fen: halfUp(excessE7 * x.unitCostE4, 1_000_000_000n) };
}

/** A small deterministic random source (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return (max: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % max) as number;
  };
}

async function soapWorld(allowanceE2 = 300) {
  const world = await createOrderWorld({ workers: 2 });
  await db().product.update({ where: { id: world.product.id }, data: { lossAllowanceE2: allowanceE2 } });
  const base = await createMaterialRow(world.workshop.id, { name: "皂基", unitCostE4: 280_000n });
  await setBom(world.workshop.id, world.product.id, base.id, 105n);
  const actor = actorOf(world.coordinator);
  await receiveMaterial(
    actor,
    base.id,
    { quantityE3: e3("500"), source: "bought", orderId: null, note: "" },
    newSubmissionKey(),
  );
  return { world, actor, base };
}

async function handOut(world: OrderWorld, assignmentId: string, materialId: string, issued: string, returned?: string) {
  const actor = actorOf(world.coordinator);
  expect((await issueMaterial(actor, assignmentId, materialId, e3(issued), newSubmissionKey())).ok).toBe(true);
  if (returned)
    expect((await returnMaterial(actor, assignmentId, materialId, e3(returned), newSubmissionKey())).ok).toBe(true);
}

test("the worked example: 10 kg out, 0.3 back, 80 pieces received at 0.105 kg with 3 % allowed: loss 1.3 kg, 1.048 kg over, ¥29.34 proposed", async () => {
  const { world, base } = await soapWorld(300);
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 80);
  await handOut(world, assignmentId, base.id, "10", "0.3");

  // While pieces are still to come in, what she holds is in use: shown, not flagged.
  const [before] = await assignmentReconciliation(world.workshop.id, assignmentId);
  expect(before).toMatchObject({ inProgress: true, flagged: false });
  expect(before).toMatchObject({ piecesReceived: 0, issuedE3: 10_000n, returnedE3: 300n, perPieceE3: 105n });
  expect(before!.figures).toMatchObject({
    expectedUseE3: 0n,
    lossE3: 9_700n,
    lossPercentE2: null,
    overAllowance: true,
  });

  await receivedLot(assignmentId, 50);
  expect((await assignmentReconciliation(world.workshop.id, assignmentId))[0]).toMatchObject({
    piecesReceived: 50,
    inProgress: true,
    flagged: false,
  });
  await receivedLot(assignmentId, 30);
  const [row] = await assignmentReconciliation(world.workshop.id, assignmentId);
  expect(row).toMatchObject({ piecesReceived: 80, allowanceE2: 300, unitCostE4: 280_000n });
  expect(row).toMatchObject({ inProgress: false, flagged: true });
  expect(row!.figures).toMatchObject({
    expectedUseE3: 8_400n,
    lossE3: 1_300n,
    allowedLossE7: 2_520_000n,
    excessE7: 10_480_000n,
    overAllowance: true,
    lossPercentE2: 1548n,
  });
  expect(row!.figures.proposedDeduction.minor).toBe(2_934n);
  expect(
    oracle({
      pieces: 80,
      perPieceE3: 105n,
      issuedE3: 10_000n,
      returnedE3: 300n,
      allowanceE2: 300,
      unitCostE4: 280_000n,
    }).fen,
  ).toBe(2_934n);

  // A later BOM edit changes nothing in this assignment's figures.
  expect((await setBomLine(actorOf(world.coordinator), world.product.id, base.id, 125n)).ok).toBe(true);
  const [again] = await assignmentReconciliation(world.workshop.id, assignmentId);
  expect(again!.figures).toEqual(row!.figures);
});

test("for random hand-outs, returns, lots, BOMs, allowances and costs, every row agrees with the integer oracle", async () => {
  const next = random(20261201);
  const world = await createOrderWorld({ workers: 3 });
  const actor = actorOf(world.coordinator);
  const materials = [];
  for (let i = 0; i < 3; i++) {
    const m = await createMaterialRow(world.workshop.id, {
      name: `料 ${i}`,
      unitCostE4: BigInt(next(500_000)),
      stockE3: 10_000_000n,
    });
    if (i < 2) await setBom(world.workshop.id, world.product.id, m.id, BigInt(next(3_000)));
    materials.push(m);
  }
  const expected = new Map<string, ReturnType<typeof oracle>>();
  const inProgress = new Map<string, boolean>();
  for (let k = 0; k < 8; k++) {
    await db().product.update({ where: { id: world.product.id }, data: { lossAllowanceE2: next(1_500) } });
    const lots = Array.from({ length: 1 + next(3) }, () => 1 + next(60));
    const pieces = lots.reduce((a, b) => a + b, 0);
    // Even ones have every piece received (the work is over); odd ones wait for 7 more (in progress).
    const { assignmentId } = await assignedWork(world, world.workers[k % 3]!, pieces + (k % 2) * 7);
    inProgress.set(assignmentId, k % 2 === 1);
    const bom = await db().bomLine.findMany({ where: { productId: world.product.id } });
    const allowanceE2 = (await db().product.findUniqueOrThrow({ where: { id: world.product.id } })).lossAllowanceE2;
    for (const n of lots) await receivedLot(assignmentId, n);
    for (const m of materials) {
      if (next(4) === 0) continue;
      let issued = 0n;
      let returned = 0n;
      for (let h = 0; h < 1 + next(3); h++) {
        const q = 1n + BigInt(next(40_000));
        expect((await issueMaterial(actor, assignmentId, m.id, q, newSubmissionKey())).ok).toBe(true);
        issued += q;
      }
      if (next(2) === 0) {
        const q = 1n + BigInt(next(Number(issued)));
        expect((await returnMaterial(actor, assignmentId, m.id, q, newSubmissionKey())).ok).toBe(true);
        returned += q;
      }
      const perPieceE3 = bom.find((b) => b.materialId === m.id)?.quantityPerPieceE3 ?? 0n;
      const unitCostE4 = (await db().material.findUniqueOrThrow({ where: { id: m.id } })).unitCostE4;
      expected.set(
        `${assignmentId}:${m.id}`,
        oracle({ pieces, perPieceE3, issuedE3: issued, returnedE3: returned, allowanceE2, unitCostE4 }),
      );
    }
    // The BOM changes between assignments: each keeps the one it was handed out with.
    for (const b of bom) await setBom(world.workshop.id, world.product.id, b.materialId, BigInt(next(3_000)));
  }
  // Allowance: the rows read the product's allowance now, so compare with the allowance in force at the end.
  const finalAllowance = (await db().product.findUniqueOrThrow({ where: { id: world.product.id } })).lossAllowanceE2;
  const rows = await listReconciliation(world.workshop.id);
  expect(rows).toHaveLength(expected.size);
  for (const row of rows) {
    const want = expected.get(`${row.assignmentId}:${row.materialId}`)!;
    const recomputed = oracle({
      pieces: row.piecesReceived,
      perPieceE3: row.perPieceE3,
      issuedE3: row.issuedE3,
      returnedE3: row.returnedE3,
      allowanceE2: finalAllowance,
      unitCostE4: row.unitCostE4,
    });
    expect(row.figures.expectedUseE3).toBe(want.expectedE3);
    expect(row.figures.lossE3).toBe(want.lossE3);
    expect(row.allowanceE2).toBe(finalAllowance);
    expect(row.figures.overAllowance).toBe(recomputed.over);
    expect(row.figures.proposedDeduction.minor).toBe(recomputed.fen);
    expect(row.inProgress).toBe(inProgress.get(row.assignmentId));
    expect(row.flagged).toBe(recomputed.over && !row.inProgress);
  }
  const flagged = rows.filter((r) => r.flagged).length;
  expect(flagged).toBeGreaterThan(0);
  expect(flagged).toBeLessThan(rows.length);
  // Flagged rows come first.
  const flags = rows.map((r) => r.flagged);
  expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
});

test("a deduction is the proposal, or lower with a reason, or waived with a reason; never above the proposal; each decision audited", async () => {
  const { world, actor, base } = await soapWorld(300);
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 80);
  await handOut(world, assignmentId, base.id, "10", "0.3");
  const decide = (input: Parameters<typeof decideDeduction>[3], key = newSubmissionKey()) =>
    decideDeduction(actor, assignmentId, base.id, input, key, MARCH);
  // Until every piece is in, nothing is lost yet: no deduction.
  await receivedLot(assignmentId, 79);
  expect(await decide({ decision: "charge", reason: "", month: "2026-03" })).toEqual({ ok: false, code: "inProgress" });
  await receivedLot(assignmentId, 1);

  expect(await decide({ decision: "lower", amountFen: 2_935n, reason: "少扣", month: "2026-03" })).toEqual({
    ok: false,
    code: "aboveProposal",
    proposedFen: 2_934n,
  });
  expect(await decide({ decision: "lower", amountFen: 1_000n, reason: "  ", month: "2026-03" })).toEqual({
    ok: false,
    code: "reasonRequired",
  });
  expect(await decide({ decision: "waive", reason: "", month: "2026-03" })).toEqual({
    ok: false,
    code: "reasonRequired",
  });
  expect(await db().materialDeduction.count({ where: { assignmentId } })).toBe(0);

  const key = newSubmissionKey();
  expect(await decide({ decision: "charge", reason: "", month: "2026-03" }, key)).toMatchObject({
    ok: true,
    amountFen: 2_934n,
  });
  expect(await decide({ decision: "charge", reason: "", month: "2026-03" }, key)).toMatchObject({
    ok: true,
    replayed: true,
  });
  const charged = await chargedDeductions(world.workshop.id, world.workers[0]!.id, "2026-03");
  expect(charged.map((c) => c.amountFen)).toEqual([2_934n]);

  expect(
    await decide({ decision: "lower", amountFen: 1_500n, reason: "第一次做，减半", month: "2026-04" }),
  ).toMatchObject({
    ok: true,
    amountFen: 1_500n,
  });
  const row = await db().materialDeduction.findFirstOrThrow({ where: { assignmentId } });
  expect(row).toMatchObject({
    proposedFen: 2_934n,
    amountFen: 1_500n,
    status: "charged",
    reason: "第一次做，减半",
    month: "2026-04",
    workerId: world.workers[0]!.id,
  });
  expect(await chargedDeductions(world.workshop.id, world.workers[0]!.id, "2026-03")).toEqual([]);

  expect((await decide({ decision: "waive", reason: "料本身有瑕疵", month: "2026-04" })).ok).toBe(true);
  expect(await db().materialDeduction.findFirstOrThrow({ where: { assignmentId } })).toMatchObject({
    amountFen: 0n,
    status: "waived",
  });
  expect(await chargedDeductions(world.workshop.id, world.workers[0]!.id, "2026-04")).toEqual([]);
  const audit = await db().auditEvent.findMany({
    where: { entityType: "MaterialDeduction", entityId: row.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  expect(audit.map((a) => a.action)).toEqual(["deduction.charge", "deduction.lower", "deduction.waive"]);
  expect(JSON.parse(audit[2]!.before ?? "{}")).toMatchObject({ amountFen: "1500", status: "charged" });
  expect(JSON.parse(audit[2]!.after ?? "{}")).toMatchObject({
    amountFen: "0",
    status: "waived",
    reason: "料本身有瑕疵",
  });

  // The proposal is what the figures say now: material brought back later lowers it, and the cap follows.
  expect((await returnMaterial(actor, assignmentId, base.id, e3("0.2"), newSubmissionKey())).ok).toBe(true);
  const [now] = await assignmentReconciliation(world.workshop.id, assignmentId);
  expect(now!.figures.proposedDeduction.minor).toBe(2_374n);
  expect(now!.figures.proposedDeduction.minor).toBe(
    oracle({
      pieces: 80,
      perPieceE3: 105n,
      issuedE3: 10_000n,
      returnedE3: 500n,
      allowanceE2: 300,
      unitCostE4: 280_000n,
    }).fen,
  );
  expect(await decide({ decision: "lower", amountFen: 2_375n, reason: "x", month: "2026-04" })).toEqual({
    ok: false,
    code: "aboveProposal",
    proposedFen: 2_374n,
  });
});

test("within the allowance there is nothing to deduct; another workshop's assignment is not found", async () => {
  const { world, actor, base } = await soapWorld(500);
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 96);
  await handOut(world, assignmentId, base.id, "10.5", "0.2");
  await receivedLot(assignmentId, 96); // expected 10.08, loss 0.22 = 2.18 %: within 5 %
  const [row] = await assignmentReconciliation(world.workshop.id, assignmentId);
  expect(row!.figures).toMatchObject({ overAllowance: false, lossE3: 220n, lossPercentE2: 218n });
  expect(row!.figures.proposedDeduction.minor).toBe(0n);
  expect(
    await decideDeduction(
      actor,
      assignmentId,
      base.id,
      { decision: "charge", reason: "", month: "2026-03" },
      newSubmissionKey(),
      MARCH,
    ),
  ).toEqual({
    ok: false,
    code: "nothingToDeduct",
  });
  const other = await createOrderWorld();
  const theirs = actorOf(other.coordinator);
  expect(
    await decideDeduction(
      theirs,
      assignmentId,
      base.id,
      { decision: "waive", reason: "x", month: "2026-03" },
      newSubmissionKey(),
      MARCH,
    ),
  ).toEqual({
    ok: false,
    code: "notFound",
  });
  expect(await assignmentReconciliation(other.workshop.id, assignmentId)).toEqual([]);
  expect(await listReconciliation(other.workshop.id)).toEqual([]);
  expect(await db().materialDeduction.count({ where: { assignmentId } })).toBe(0);
});

test("a product paid per process step: pieces received are those of the step with the most, not the sum over steps; a cancelled receipt counts for nothing", async () => {
  const { world, base } = await soapWorld(300);
  const step = (name: string, sortOrder: number) =>
    db().processStep.create({
      data: { workshopId: world.workshop.id, productId: world.product.id, name, sortOrder },
      select: { id: true },
    });
  const cut = await step("切皂", 1);
  const wrap = await step("包装", 2);
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 80);
  await handOut(world, assignmentId, base.id, "10", "0.3");
  // 80 pieces cut (in two lots), 50 of them wrapped: 80 pieces have come back, each once or twice.
  await receivedLot(assignmentId, 50, cut.id);
  await receivedLot(assignmentId, 30, cut.id);
  await receivedLot(assignmentId, 50, wrap.id);
  // A receipt the coordinator cancelled counts for nothing.
  await receivedLot(assignmentId, 40, wrap.id);
  const last = await db().lot.findFirstOrThrow({ where: { assignmentId, quantity: 40 } });
  await db().lot.update({ where: { id: last.id }, data: { status: "cancelled" } });
  const [row] = await assignmentReconciliation(world.workshop.id, assignmentId);
  expect(row).toMatchObject({ piecesReceived: 80 });
  expect(row!.figures).toMatchObject({ expectedUseE3: 8_400n, lossE3: 1_300n });
  expect(row!.figures.proposedDeduction.minor).toBe(2_934n);
});

test("a deduction cannot be charged to a settled month, and one charged to a month since settled cannot change", async () => {
  const { world, actor, base } = await soapWorld(300);
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 80);
  await handOut(world, assignmentId, base.id, "10", "0.3");
  await receivedLot(assignmentId, 80);
  const settle = (month: string) =>
    db().payPeriod.create({
      data: {
        workshopId: world.workshop.id,
        month,
        workerCount: 0,
        grossFen: 0n,
        taxFen: 0n,
        chargesFen: 0n,
        netFen: 0n,
        settledById: world.coordinator.id,
      },
    });
  const decide = (input: Parameters<typeof decideDeduction>[3]) =>
    decideDeduction(actor, assignmentId, base.id, input, newSubmissionKey(), NOVEMBER);
  await settle("2026-10");
  expect(await decide({ decision: "charge", reason: "", month: "2026-10" })).toEqual({
    ok: false,
    code: "monthSettled",
    month: "2026-10",
  });
  expect(await db().materialDeduction.count({ where: { assignmentId } })).toBe(0);
  expect(await decide({ decision: "charge", reason: "", month: "2026-11" })).toMatchObject({ ok: true });
  await settle("2026-11");
  // Waiving it now, even into an open month, would change November's settled pay: refused, nothing changed.
  expect(await decide({ decision: "waive", reason: "算了", month: "2026-12" })).toEqual({
    ok: false,
    code: "monthSettled",
    month: "2026-11",
  });
  const row = await db().materialDeduction.findFirstOrThrow({ where: { assignmentId } });
  expect(row).toMatchObject({ status: "charged", month: "2026-11", amountFen: 2_934n });
});

test("a deduction goes to last, this or next month only (not a month long past or years ahead)", async () => {
  const { world, actor, base } = await soapWorld(300);
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 80);
  await handOut(world, assignmentId, base.id, "10", "0.3");
  await receivedLot(assignmentId, 80);
  const decide = (month: string) =>
    decideDeduction(
      actor,
      assignmentId,
      base.id,
      { decision: "charge", reason: "", month },
      newSubmissionKey(),
      NOVEMBER,
    );
  for (const month of ["2025-01", "2026-09", "2027-01", "2099-06"]) {
    expect(await decide(month), month).toEqual({ ok: false, code: "monthOutOfRange", from: "2026-10", to: "2026-12" });
  }
  expect(await db().materialDeduction.count({ where: { assignmentId } })).toBe(0);
  for (const month of ["2026-10", "2026-11", "2026-12"]) expect((await decide(month)).ok, month).toBe(true);
});

test("material brought back after a charge lowers the charge to the new proposal (never above it), audited", async () => {
  const { world, actor, base } = await soapWorld(300);
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 80);
  await handOut(world, assignmentId, base.id, "10", "0.3");
  await receivedLot(assignmentId, 80);
  expect(
    await decideDeduction(
      actor,
      assignmentId,
      base.id,
      { decision: "charge", reason: "", month: "2026-11" },
      newSubmissionKey(),
      NOVEMBER,
    ),
  ).toMatchObject({ ok: true, amountFen: 2_934n });
  // 1 kg comes back: loss 0.3 kg, 0.252 allowed (3 % of 8.4): 0.048 kg over x ¥28 = ¥1.344 -> ¥1.34.
  const back = (q: string) => returnMaterial(actor, assignmentId, base.id, e3(q), newSubmissionKey());
  expect((await back("1")).ok).toBe(true);
  const [row] = await assignmentReconciliation(world.workshop.id, assignmentId);
  expect(row!.figures.proposedDeduction.minor).toBe(134n);
  expect(await db().materialDeduction.findFirstOrThrow({ where: { assignmentId } })).toMatchObject({
    status: "charged",
    amountFen: 134n,
  });
  // The rest comes back too: nothing lost, nothing charged.
  expect((await back("0.3")).ok).toBe(true);
  expect(await db().materialDeduction.findFirstOrThrow({ where: { assignmentId } })).toMatchObject({
    status: "waived",
    amountFen: 0n,
  });
  expect(await db().auditEvent.count({ where: { action: "deduction.capped" } })).toBeGreaterThanOrEqual(2);
});
