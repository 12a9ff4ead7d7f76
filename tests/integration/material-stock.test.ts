// Material stock (app/models/material-stock.server.ts, ADR 017/018): receiving,
// hand-outs 发料 and returns 退料 against assignments. Stock never goes below
// zero, also under 50 parallel hand-outs; the movements always add up to the
// stock column; a return never exceeds what was handed out for that assignment
// and material; the BOM snapshot taken at the first hand-out never changes;
// another workshop's material or assignment is never found. docs/domain.md
// flow step 4.
import { expect, test } from "vitest";
import { setBomLine } from "../../app/models/catalogue.server.ts";
import {
  assignmentBomSnapshot,
  assignmentMaterials,
  getMaterialStock,
  issueMaterial,
  receiveMaterial,
  returnMaterial,
  workerMaterialLedger,
  type IssueResult,
  type ReturnResult,
} from "../../app/models/material-stock.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { db } from "../../app/infra/db.server.ts";
import { actorOf, createOrderRow, createOrderWorld, rounds, settleAll } from "../support/catalogue-fixtures.ts";
import { assignedWork, createMaterialRow, e3, movementBalance, setBom, stockOf } from "../support/stock-fixtures.ts";

function tally(results: { ok: boolean; code?: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? "ok" : (r.code ?? "?");
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

test("receiving adds to stock with one movement and one audit event; a partner's supply names one of the workshop's orders", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const material = await createMaterialRow(world.workshop.id);
  const orderId = await createOrderRow(world, { quantity: 100 });

  const bought = await receiveMaterial(
    actor,
    material.id,
    { quantityE3: e3("25.5"), source: "bought", orderId: null, note: "三月进货" },
    newSubmissionKey(),
  );
  const supplied = await receiveMaterial(
    actor,
    material.id,
    { quantityE3: e3("0.125"), source: "partner", orderId, note: "" },
    newSubmissionKey(),
  );
  expect(bought.ok && supplied.ok).toBe(true);
  expect(await stockOf(material.id)).toBe(25_625n);
  const movements = await db().materialMovement.findMany({
    where: { materialId: material.id },
    orderBy: { quantityE3: "asc" },
  });
  expect(movements.map((m) => [m.kind, m.quantityE3, m.source, m.orderId])).toEqual([
    ["receive", 125n, "partner", orderId],
    ["receive", 25_500n, "bought", null],
  ]);
  expect(await db().auditEvent.count({ where: { entityId: material.id, action: "material.receive" } })).toBe(2);

  // Supplied "for an order" must be one of this workshop's orders; nothing is written otherwise.
  const other = await createOrderWorld();
  const foreignOrder = await createOrderRow(other, { quantity: 5 });
  for (const orderIdGiven of [foreignOrder, null, "no-such-order"]) {
    expect(
      await receiveMaterial(
        actor,
        material.id,
        { quantityE3: 1n, source: "partner", orderId: orderIdGiven, note: "" },
        newSubmissionKey(),
      ),
    ).toEqual({ ok: false, code: "orderNotFound" });
  }
  expect(await stockOf(material.id)).toBe(25_625n);
  expect(await movementBalance(material.id)).toBe(25_625n);
});

test("a receipt or hand-out sent twice with the same key (double tap, retry) happens once", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const material = await createMaterialRow(world.workshop.id);
  const { assignmentId } = await assignedWork(world, world.workers[0]!, 50);
  const receiveKey = newSubmissionKey();
  const input = { quantityE3: e3("10"), source: "bought" as const, orderId: null, note: "" };
  const [r1, r2] = await Promise.all([
    receiveMaterial(actor, material.id, input, receiveKey),
    receiveMaterial(actor, material.id, input, receiveKey),
  ]);
  expect(r1.ok && r2.ok).toBe(true);
  expect(await receiveMaterial(actor, material.id, input, receiveKey)).toMatchObject({ ok: true, replayed: true });
  expect(await stockOf(material.id)).toBe(10_000n);

  const issueKey = newSubmissionKey();
  const issues = await Promise.all(
    [1, 2, 3].map(() => issueMaterial(actor, assignmentId, material.id, e3("4"), issueKey)),
  );
  expect(issues.every((r) => r.ok)).toBe(true);
  expect(await stockOf(material.id)).toBe(6_000n);
  expect(await db().materialMovement.count({ where: { materialId: material.id, kind: "issue" } })).toBe(1);
});

test("50 parallel hand-outs never take stock below zero: the granted ones add up to what was taken, the rest say how much is on hand and write nothing", async () => {
  const world = await createOrderWorld({ workers: 3 });
  const actor = actorOf(world.coordinator);
  const assignments = [
    (await assignedWork(world, world.workers[0]!, 100)).assignmentId,
    (await assignedWork(world, world.workers[1]!, 100)).assignmentId,
    (await assignedWork(world, world.workers[2]!, 100)).assignmentId,
  ];
  await rounds(3, async (round) => {
    const material = await createMaterialRow(world.workshop.id);
    const received = e3(["10", "7.777", "3.001"][round]!);
    const receipt = await receiveMaterial(
      actor,
      material.id,
      { quantityE3: received, source: "bought", orderId: null, note: "" },
      newSubmissionKey(),
    );
    expect(receipt.ok).toBe(true);
    const auditBefore = await db().auditEvent.count({ where: { action: "material.issue" } });
    // 50 hand-outs of 0.113 .. 0.503 kg: together far more than the stock.
    const sizes = Array.from({ length: 50 }, (_, i) => 113n + BigInt(((i * 37 + round * 11) % 40) * 10));
    const { values, errors } = await settleAll(
      sizes.map((q, i) => issueMaterial(actor, assignments[i % 3]!, material.id, q, newSubmissionKey())),
    );

    expect(errors, `round ${round}: exceptions escaped`).toEqual([]);
    const granted = sizes.filter((_, i) => values[i]!.ok);
    const taken = granted.reduce((s, q) => s + q, 0n);
    const stock = await stockOf(material.id);
    expect(stock, `round ${round}`).toBeGreaterThanOrEqual(0n);
    expect(stock).toBe(received - taken);
    expect(granted.length).toBeGreaterThan(0);
    expect(granted.length).toBeLessThan(50);
    // Every refusal is "not enough", with what was on hand then (less than asked for), and nothing else.
    values.forEach((v: IssueResult | { ok: true }, i) => {
      if (v.ok) return;
      expect(v.code).toBe("notEnoughStock");
      if (v.code === "notEnoughStock") {
        expect(v.onHandE3).toBeLessThan(sizes[i]!);
        expect(v.onHandE3).toBeGreaterThanOrEqual(0n);
      }
    });
    // The smallest hand-out that was refused is more than what is left (the stock was used up as far as it could be).
    const refusedSizes = sizes.filter((_, i) => !values[i]!.ok);
    expect(refusedSizes.every((q) => q > stock)).toBe(true);
    const movements = await db().materialMovement.findMany({
      where: { materialId: material.id, kind: "issue" },
      select: { quantityE3: true },
    });
    expect(movements).toHaveLength(granted.length);
    expect(await movementBalance(material.id)).toBe(stock);
    expect(await db().auditEvent.count({ where: { action: "material.issue" } })).toBe(auditBefore + granted.length);
    const page = await getMaterialStock(world.workshop.id, material.id);
    expect(page).toMatchObject({ onHandE3: stock, receivedE3: received, issuedE3: taken, returnedE3: 0n });
  });
});

test("returns never exceed what was handed out for that assignment and material, also in parallel; stock and movements agree", async () => {
  const world = await createOrderWorld({ workers: 2 });
  const actor = actorOf(world.coordinator);
  const material = await createMaterialRow(world.workshop.id, { stockE3: 0n });
  const other = await createMaterialRow(world.workshop.id);
  await receiveMaterial(
    actor,
    material.id,
    { quantityE3: e3("20"), source: "bought", orderId: null, note: "" },
    newSubmissionKey(),
  );
  await receiveMaterial(
    actor,
    other.id,
    { quantityE3: e3("5"), source: "bought", orderId: null, note: "" },
    newSubmissionKey(),
  );
  const a = (await assignedWork(world, world.workers[0]!, 100)).assignmentId;
  const b = (await assignedWork(world, world.workers[1]!, 100)).assignmentId;
  expect((await issueMaterial(actor, a, material.id, e3("1"), newSubmissionKey())).ok).toBe(true);
  expect((await issueMaterial(actor, b, material.id, e3("8"), newSubmissionKey())).ok).toBe(true);
  expect((await issueMaterial(actor, a, other.id, e3("2"), newSubmissionKey())).ok).toBe(true);

  // 10 parallel returns of 0.3 against assignment a: 1.0 was handed out, so 3 fit.
  const { values, errors } = await settleAll(
    Array.from({ length: 10 }, () => returnMaterial(actor, a, material.id, e3("0.3"), newSubmissionKey())),
  );
  expect(errors).toEqual([]);
  expect(tally(values)).toEqual({ ok: 3, exceedsHeld: 7 });
  for (const v of values as ReturnResult[]) if (!v.ok && v.code === "exceedsHeld") expect(v.heldE3).toBeLessThan(300n);
  // What assignment b or the other material hold does not count for a's return.
  expect(await returnMaterial(actor, a, material.id, e3("0.2"), newSubmissionKey())).toEqual({
    ok: false,
    code: "exceedsHeld",
    heldE3: 100n,
  });
  expect((await returnMaterial(actor, a, material.id, e3("0.1"), newSubmissionKey())).ok).toBe(true);
  expect(await stockOf(material.id)).toBe(20_000n - 9_000n + 1_000n);
  expect(await movementBalance(material.id)).toBe(await stockOf(material.id));
  const held = await assignmentMaterials(world.workshop.id, a);
  expect(held.map((h) => [h.materialId, h.issuedE3, h.returnedE3, h.heldE3])).toEqual(
    expect.arrayContaining([
      [material.id, 1_000n, 1_000n, 0n],
      [other.id, 2_000n, 0n, 2_000n],
    ]),
  );
  // The worker's ledger: per assignment and material.
  const ledger = await workerMaterialLedger(world.workshop.id, world.workers[1]!.id);
  expect(ledger.map((l) => [l.assignmentId, l.materialId, l.heldE3])).toEqual([[b, material.id, 8_000n]]);
});

test("parallel hand-outs and returns against one assignment keep stock, movements and what she holds in agreement", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const material = await createMaterialRow(world.workshop.id);
  await receiveMaterial(
    actor,
    material.id,
    { quantityE3: e3("3"), source: "bought", orderId: null, note: "" },
    newSubmissionKey(),
  );
  const a = (await assignedWork(world, world.workers[0]!, 100)).assignmentId;
  expect((await issueMaterial(actor, a, material.id, e3("1"), newSubmissionKey())).ok).toBe(true);
  const { errors } = await settleAll<unknown>(
    Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0
        ? issueMaterial(actor, a, material.id, e3("0.25"), newSubmissionKey())
        : returnMaterial(actor, a, material.id, e3("0.2"), newSubmissionKey()),
    ),
  );
  expect(errors).toEqual([]);
  const stock = await stockOf(material.id);
  const [held] = await assignmentMaterials(world.workshop.id, a);
  expect(stock).toBeGreaterThanOrEqual(0n);
  expect(held!.heldE3).toBeGreaterThanOrEqual(0n);
  expect(stock + held!.heldE3).toBe(3_000n);
  expect(await movementBalance(material.id)).toBe(stock);
});

test("the first hand-out copies the product's BOM; later BOM edits change nothing in it; a material outside the BOM gets 0 per piece", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const base = await createMaterialRow(world.workshop.id, { name: "皂基", stockE3: e3("100") });
  const oil = await createMaterialRow(world.workshop.id, { name: "精油", unit: "ml", stockE3: e3("100") });
  const ribbon = await createMaterialRow(world.workshop.id, { name: "丝带", unit: "m", stockE3: e3("100") });
  await setBom(world.workshop.id, world.product.id, base.id, 105n);
  await setBom(world.workshop.id, world.product.id, oil.id, 2_000n);
  const a = (await assignedWork(world, world.workers[0]!, 40)).assignmentId;
  expect(await assignmentBomSnapshot(world.workshop.id, a)).toEqual([]);

  expect((await issueMaterial(actor, a, base.id, e3("5"), newSubmissionKey())).ok).toBe(true);
  const snapshot = (await assignmentBomSnapshot(world.workshop.id, a)).map((l) => [l.materialId, l.perPieceE3]);
  expect(snapshot).toEqual(
    expect.arrayContaining([
      [base.id, 105n],
      [oil.id, 2_000n],
    ]),
  );
  expect(snapshot).toHaveLength(2);

  // The coordinator edits the product's BOM afterwards (through the catalogue model).
  expect((await setBomLine(actor, world.product.id, base.id, 200n)).ok).toBe(true);
  expect((await setBomLine(actor, world.product.id, ribbon.id, 500n)).ok).toBe(true);
  expect((await issueMaterial(actor, a, base.id, e3("1"), newSubmissionKey())).ok).toBe(true);
  expect((await issueMaterial(actor, a, ribbon.id, e3("2"), newSubmissionKey())).ok).toBe(true);

  const after = (await assignmentBomSnapshot(world.workshop.id, a)).map((l) => [l.materialId, l.perPieceE3]);
  expect(after).toHaveLength(3);
  expect(after).toEqual(
    expect.arrayContaining([
      [base.id, 105n],
      [oil.id, 2_000n],
      [ribbon.id, 0n],
    ]),
  );
  // A new assignment takes the BOM as it is now.
  const b = (await assignedWork(world, world.workers[1]!, 10)).assignmentId;
  expect((await issueMaterial(actor, b, oil.id, e3("1"), newSubmissionKey())).ok).toBe(true);
  const fresh = (await assignmentBomSnapshot(world.workshop.id, b)).map((l) => [l.materialId, l.perPieceE3]);
  expect(fresh).toEqual(
    expect.arrayContaining([
      [base.id, 200n],
      [oil.id, 2_000n],
      [ribbon.id, 500n],
    ]),
  );
});

test("concurrent first hand-outs against one assignment take the snapshot once", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const materials = await Promise.all(
    [1, 2, 3, 4].map((i) => createMaterialRow(world.workshop.id, { name: `料 ${i}`, stockE3: e3("10") })),
  );
  for (const m of materials.slice(0, 2)) await setBom(world.workshop.id, world.product.id, m.id, 100n);
  const a = (await assignedWork(world, world.workers[0]!, 10)).assignmentId;
  const { values, errors } = await settleAll(
    materials.flatMap((m) => [1, 2].map(() => issueMaterial(actor, a, m.id, e3("1"), newSubmissionKey()))),
  );
  expect(errors).toEqual([]);
  expect(values.every((v) => v.ok)).toBe(true);
  const lines = await assignmentBomSnapshot(world.workshop.id, a);
  expect(lines.map((l) => [l.materialId, l.perPieceE3]).sort()).toEqual(
    [
      [materials[0]!.id, 100n],
      [materials[1]!.id, 100n],
      [materials[2]!.id, 0n],
      [materials[3]!.id, 0n],
    ].sort(),
  );
});

test("another workshop's material or assignment is not found, an archived material takes nothing in or out, a cancelled assignment gets nothing handed out; nothing is written", async () => {
  const world = await createOrderWorld();
  const other = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const mine = await createMaterialRow(world.workshop.id, { stockE3: e3("10") });
  const theirs = await createMaterialRow(other.workshop.id, { stockE3: e3("10") });
  const archived = await createMaterialRow(world.workshop.id, { stockE3: e3("10"), archived: true });
  const myAssignment = (await assignedWork(world, world.workers[0]!, 10)).assignmentId;
  const theirAssignment = (await assignedWork(other, other.workers[0]!, 10)).assignmentId;
  const before = await db().materialMovement.count();
  const receive = (materialId: string) =>
    receiveMaterial(
      actor,
      materialId,
      { quantityE3: 1n, source: "bought", orderId: null, note: "" },
      newSubmissionKey(),
    );

  expect(await receive(theirs.id)).toEqual({ ok: false, code: "notFound" });
  expect(await receive(archived.id)).toEqual({ ok: false, code: "archived" });
  expect(await issueMaterial(actor, theirAssignment, mine.id, 1n, newSubmissionKey())).toEqual({
    ok: false,
    code: "notFound",
  });
  expect(await issueMaterial(actor, myAssignment, theirs.id, 1n, newSubmissionKey())).toEqual({
    ok: false,
    code: "materialNotFound",
  });
  expect(await issueMaterial(actor, myAssignment, archived.id, 1n, newSubmissionKey())).toEqual({
    ok: false,
    code: "materialNotFound",
  });
  expect(await returnMaterial(actor, theirAssignment, mine.id, 1n, newSubmissionKey())).toEqual({
    ok: false,
    code: "notFound",
  });
  expect(await returnMaterial(actor, myAssignment, theirs.id, 1n, newSubmissionKey())).toEqual({
    ok: false,
    code: "materialNotFound",
  });
  expect(await getMaterialStock(world.workshop.id, theirs.id)).toBeNull();
  expect(await assignmentMaterials(world.workshop.id, theirAssignment)).toEqual([]);
  await db().assignment.update({ where: { id: myAssignment }, data: { status: "cancelled" } });
  expect(await issueMaterial(actor, myAssignment, mine.id, 1n, newSubmissionKey())).toEqual({
    ok: false,
    code: "notActive",
  });
  expect(await db().materialMovement.count()).toBe(before);
  expect([await stockOf(mine.id), await stockOf(theirs.id), await stockOf(archived.id)]).toEqual([
    10_000n,
    10_000n,
    10_000n,
  ]);
});
