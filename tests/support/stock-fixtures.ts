// Helpers for the material stock, assignment lifecycle and reconciliation tests
// (ADR 018). Set-up rows are written straight through the client (materials,
// BOM lines, lots) or through the order model (assignments, which keep the
// order's counters); the behaviour under test is always called through app/models.
import { expect } from "vitest";
import { parseQuantity } from "../../app/domain/money.ts";
import { db } from "../../app/infra/db.server.ts";
import { assignToWorker, claimOpenWork, openForClaiming } from "../../app/models/order.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { NOW, actorOf, createOrderRow, workerScopeOf, type OrderWorld } from "./catalogue-fixtures.ts";
import type { TestUser } from "./fixtures.ts";

export const FAR_DUE = "2099-12-31";

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

/** "10.000" → 10000n (E3), failing the test setup loudly on a bad text. */
export function e3(text: string): bigint {
  const parsed = parseQuantity(text);
  if (!parsed.ok) throw new Error(`test setup: quantity ${text} did not parse: ${parsed.error.code}`);
  return parsed.value.minor;
}

export async function createMaterialRow(
  workshopId: string,
  options: { name?: string; unit?: string; unitCostE4?: bigint; stockE3?: bigint; archived?: boolean } = {},
) {
  return db().material.create({
    data: {
      workshopId,
      name: options.name ?? `皂基 ${next()}`,
      unit: options.unit ?? "kg",
      unitCostE4: options.unitCostE4 ?? 280_000n,
      stockE3: options.stockE3 ?? 0n,
      archivedAt: options.archived ? NOW : null,
    },
    select: { id: true, name: true, workshopId: true },
  });
}

export async function setBom(workshopId: string, productId: string, materialId: string, perPieceE3: bigint) {
  await db().bomLine.upsert({
    where: { productId_materialId: { productId, materialId } },
    create: { workshopId, productId, materialId, quantityPerPieceE3: perPieceE3 },
    update: { quantityPerPieceE3: perPieceE3 },
  });
}

/** An accepted order (due far ahead) with `n` pieces assigned to `worker` through the order model. */
export async function assignedWork(world: OrderWorld, worker: TestUser, n: number, orderQuantity = n) {
  const orderId = await createOrderRow(world, { quantity: orderQuantity, dueOn: FAR_DUE });
  const result = await assignToWorker(
    actorOf(world.coordinator),
    orderId,
    { workerId: worker.id, quantity: n, dueOn: FAR_DUE },
    NOW,
    newSubmissionKey(),
  );
  if (!result.ok || !result.id) throw new Error(`test setup: assign failed: ${result.ok ? "no id" : result.code}`);
  return { orderId, assignmentId: result.id };
}

/** An accepted order with `open` pieces opened for claiming and `n` of them claimed by `worker`. */
export async function claimedWork(world: OrderWorld, worker: TestUser, n: number, open = n, orderQuantity = open) {
  const orderId = await createOrderRow(world, { quantity: orderQuantity, dueOn: FAR_DUE });
  const opened = await openForClaiming(actorOf(world.coordinator), orderId, open, newSubmissionKey());
  if (!opened.ok) throw new Error(`test setup: open failed: ${opened.code}`);
  const claimed = await claimOpenWork(workerScopeOf(worker), orderId, n, newSubmissionKey());
  if (!claimed.ok || !claimed.id) throw new Error(`test setup: claim failed`);
  return { orderId, assignmentId: claimed.id };
}

/** A received lot of `quantity` pieces against an assignment (with the piece log it comes from), written directly. */
export async function receivedLot(assignmentId: string, quantity: number, processStepId: string | null = null) {
  const a = await db().assignment.findUniqueOrThrow({ where: { id: assignmentId } });
  const log = await db().pieceLog.create({
    data: {
      workshopId: a.workshopId,
      assignmentId,
      orderId: a.orderId,
      workerId: a.workerId,
      productId: a.productId,
      processStepId,
      quantity,
      loggedOn: "2026-03-10",
      status: "received",
      clientKey: `lot-${next()}-${Math.random().toString(36).slice(2)}`,
    },
  });
  await db().lot.create({
    data: {
      workshopId: a.workshopId,
      orderId: a.orderId,
      assignmentId,
      workerId: a.workerId,
      productId: a.productId,
      processStepId,
      pieceLogId: log.id,
      originLogId: log.id,
      loggedQuantity: quantity,
      quantity,
      receivedById: a.createdById,
      receivedOn: "2026-03-10",
    },
  });
}

/** Stock column of a material. */
export async function stockOf(materialId: string): Promise<bigint> {
  const m = await db().material.findUniqueOrThrow({ where: { id: materialId }, select: { stockE3: true } });
  return m.stockE3;
}

/** received − issued + returned from the movements: must equal the stock column. */
export async function movementBalance(materialId: string): Promise<bigint> {
  const rows = await db().materialMovement.findMany({
    where: { materialId },
    select: { kind: true, quantityE3: true },
  });
  let sum = 0n;
  for (const r of rows) {
    expect(r.quantityE3, "every movement is > 0").toBeGreaterThan(0n);
    sum += r.kind === "issue" ? -r.quantityE3 : r.quantityE3;
  }
  return sum;
}

/**
 * The order's counters against its assignments (cancelled ones hold no pieces):
 * 0 <= open <= allocated <= quantity and allocated = pieces of active assignments + open;
 * every assignment keeps logged <= quantity.
 */
export async function expectCountersConsistent(orderId: string) {
  const order = await db().order.findUniqueOrThrow({
    where: { id: orderId },
    select: { quantity: true, allocatedQuantity: true, openQuantity: true },
  });
  const assignments = await db().assignment.findMany({
    where: { orderId },
    select: { id: true, quantity: true, loggedQuantity: true, status: true, source: true, workerId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const active = assignments.filter((a) => a.status !== "cancelled");
  const held = active.reduce((sum, a) => sum + a.quantity, 0);
  expect(order.openQuantity).toBeGreaterThanOrEqual(0);
  expect(order.openQuantity).toBeLessThanOrEqual(order.allocatedQuantity);
  expect(order.allocatedQuantity).toBeLessThanOrEqual(order.quantity);
  expect(held + order.openQuantity).toBe(order.allocatedQuantity);
  for (const a of assignments) expect(a.loggedQuantity).toBeLessThanOrEqual(a.quantity);
  return { ...order, assignments, held };
}
