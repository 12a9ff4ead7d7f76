// Material stock 库存 (docs/domain.md flow step 4; docs/decisions/017 and 018):
// receiving into the workshop's stock, handing out 发料 to a worker against an
// assignment, and taking returns 退料. Quantities are integer units of 0.001 of
// the material's unit (E3), exactly as stored.
//
// Material.stockE3 is changed only here, by conditional updates:
//
//   hand-out: UPDATE Material SET stockE3 = stockE3 - q WHERE id = ? AND stockE3 >= q
//
// one row or none, on SQLite (one writer) and PostgreSQL (row lock, condition
// re-checked after it), so stock never goes below zero however many hand-outs
// run at once. Every change writes one MaterialMovement and one audit event in
// the same transaction; a refusal rolls the whole transaction back. Hand-outs
// and returns against one assignment are serialised by locking its row first
// (an update of updatedAt), so that the BOM snapshot is taken once and a
// return is checked against what was handed out, not against a stale sum.
import type { Actor } from "../domain/access.ts";
import { bigintOf, db, Prisma, readRows, textOf, type Tx } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { capDeductionsToProposal, noticeOverAllowance } from "./reconciliation.server.ts";
import { refuseInTransaction } from "./refusal.server.ts";
import { fail, ok, type Fail, type Result } from "./result.ts";
import { onceOk } from "./submission.server.ts";

export type ReceiveSource = "bought" | "partner";

function assertQuantity(q: bigint): void {
  if (typeof q !== "bigint" || q < 1n) throw new RangeError(`material quantity must be > 0 (E3), got ${String(q)}`);
}

type Replayed = { ok: true; id?: string; replayed: true };

// ---------------------------------------------------------------------------
// Writes

export type ReceiveResult = Result<{ id?: string }, "notFound" | "archived" | "orderNotFound">;

/**
 * Receives material into stock: bought by the workshop, or supplied by a
 * partner firm for one of the workshop's orders (orderId required then).
 */
export function receiveMaterial(
  actor: Actor,
  materialId: string,
  input: { quantityE3: bigint; source: ReceiveSource; orderId: string | null; note: string },
  submissionKey: string,
): Promise<ReceiveResult | Replayed> {
  assertQuantity(input.quantityE3);
  return onceOk(actor.userId, submissionKey, "material.receive", materialId, async (tx): Promise<ReceiveResult> => {
    const material = await tx.material.findFirst({
      where: { id: materialId, workshopId: actor.workshopId },
      select: { id: true, archivedAt: true, stockE3: true },
    });
    if (!material) return fail("notFound");
    if (material.archivedAt) return fail("archived");
    let orderId: string | null = null;
    if (input.source === "partner") {
      const order = input.orderId
        ? await tx.order.findFirst({ where: { id: input.orderId, workshopId: actor.workshopId }, select: { id: true } })
        : null;
      if (!order) return fail("orderNotFound");
      orderId = order.id;
    }
    const { count } = await tx.material.updateMany({
      where: { id: material.id, workshopId: actor.workshopId, archivedAt: null },
      data: { stockE3: { increment: input.quantityE3 } },
    });
    if (count !== 1) return fail("archived");
    const movement = await tx.materialMovement.create({
      data: {
        workshopId: actor.workshopId,
        materialId: material.id,
        kind: "receive",
        quantityE3: input.quantityE3,
        source: input.source,
        orderId,
        note: input.note,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "material.receive",
      entityType: "Material",
      entityId: material.id,
      after: { movementId: movement.id, quantityE3: input.quantityE3, source: input.source, orderId, note: input.note },
    });
    return ok({ id: movement.id });
  });
}

type AssignmentForMaterial = { id: string; status: string; productId: string; workerId: string; orderId: string };

async function assignmentOf(tx: Tx, workshopId: string, assignmentId: string): Promise<AssignmentForMaterial | null> {
  return tx.assignment.findFirst({
    where: { id: assignmentId, workshopId },
    select: { id: true, status: true, productId: true, workerId: true, orderId: true },
  });
}

/**
 * Locks the assignment's row until the transaction ends (PostgreSQL: a row
 * lock; SQLite: the writer lock), so hand-outs and returns against one
 * assignment run one after the other. `activeOnly`: false when it is no
 * longer active (nothing locked).
 */
async function lockAssignment(tx: Tx, assignmentId: string, activeOnly: boolean): Promise<boolean> {
  const { count } = await tx.assignment.updateMany({
    where: { id: assignmentId, ...(activeOnly ? { status: "active" } : {}) },
    data: { updatedAt: new Date() },
  });
  return count === 1;
}

/**
 * The assignment's copy of its product's bill of materials, taken at the first
 * hand-out (ADR 017): later BOM edits never change its figures. A material
 * handed out that is not in it gets a line of 0 per piece.
 */
async function ensureBomSnapshot(tx: Tx, workshopId: string, assignment: AssignmentForMaterial, materialId: string) {
  let lines = await tx.assignmentBomLine.findMany({
    where: { assignmentId: assignment.id },
    select: { materialId: true },
  });
  if (lines.length === 0) {
    const bom = await tx.bomLine.findMany({
      where: { productId: assignment.productId, workshopId },
      select: { materialId: true, quantityPerPieceE3: true },
    });
    if (bom.length > 0) {
      await tx.assignmentBomLine.createMany({
        data: bom.map((b) => ({
          workshopId,
          assignmentId: assignment.id,
          materialId: b.materialId,
          quantityPerPieceE3: b.quantityPerPieceE3,
        })),
      });
    }
    lines = bom;
  }
  if (!lines.some((l) => l.materialId === materialId)) {
    await tx.assignmentBomLine.create({
      data: { workshopId, assignmentId: assignment.id, materialId, quantityPerPieceE3: 0n },
    });
  }
}

/** notEnoughStock carries what is on hand now. */
export type IssueResult =
  Result<{ id?: string }, "notFound" | "materialNotFound" | "notActive"> | Fail<"notEnoughStock", { onHandE3: bigint }>;

/**
 * Hands `quantityE3` of a material out to the worker of an active assignment.
 * notEnoughStock carries what is on hand now; nothing is written then.
 */
export function issueMaterial(
  actor: Actor,
  assignmentId: string,
  materialId: string,
  quantityE3: bigint,
  submissionKey: string,
): Promise<IssueResult | Replayed> {
  assertQuantity(quantityE3);
  return onceOk(actor.userId, submissionKey, "material.issue", assignmentId, async (tx): Promise<IssueResult> => {
    const assignment = await assignmentOf(tx, actor.workshopId, assignmentId);
    if (!assignment) return fail("notFound");
    if (assignment.status !== "active") return fail("notActive");
    const material = await tx.material.findFirst({
      where: { id: materialId, workshopId: actor.workshopId, archivedAt: null },
      select: { id: true },
    });
    if (!material) return fail("materialNotFound");
    if (!(await lockAssignment(tx, assignment.id, true))) return fail("notActive");
    const { count } = await tx.material.updateMany({
      where: { id: material.id, stockE3: { gte: quantityE3 } },
      data: { stockE3: { decrement: quantityE3 } },
    });
    if (count !== 1) {
      const now = await tx.material.findUniqueOrThrow({ where: { id: material.id }, select: { stockE3: true } });
      // Rolls back the lock's write too: a refused hand-out writes nothing.
      refuseInTransaction(fail("notEnoughStock", { onHandE3: now.stockE3 }));
    }
    await ensureBomSnapshot(tx, actor.workshopId, assignment, material.id);
    const movement = await tx.materialMovement.create({
      data: {
        workshopId: actor.workshopId,
        materialId: material.id,
        kind: "issue",
        quantityE3,
        assignmentId: assignment.id,
        workerId: assignment.workerId,
        orderId: assignment.orderId,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "material.issue",
      entityType: "Material",
      entityId: material.id,
      after: { movementId: movement.id, quantityE3, assignmentId: assignment.id, workerId: assignment.workerId },
    });
    // Material handed out after the last pieces came in is over the allowance at once (ADR 026).
    await noticeOverAllowance(tx, actor, assignment.id);
    return ok({ id: movement.id });
  });
}

async function heldOn(tx: Tx, assignmentId: string, materialId: string): Promise<bigint> {
  const sums = await tx.materialMovement.groupBy({
    by: ["kind"],
    where: { assignmentId, materialId, kind: { in: ["issue", "return"] } },
    _sum: { quantityE3: true },
  });
  let held = 0n;
  for (const s of sums) {
    const q = BigInt(s._sum.quantityE3 ?? 0n);
    held += s.kind === "issue" ? q : -q;
  }
  return held;
}

/** exceedsHeld carries what the worker holds of it for the assignment. */
export type ReturnResult =
  Result<{ id?: string }, "notFound" | "materialNotFound"> | Fail<"exceedsHeld", { heldE3: bigint }>;

/**
 * Takes material back from the worker of an assignment (any status: material
 * comes back after a cancellation too), never more than was handed out for
 * that assignment and material less what came back already.
 */
export function returnMaterial(
  actor: Actor,
  assignmentId: string,
  materialId: string,
  quantityE3: bigint,
  submissionKey: string,
): Promise<ReturnResult | Replayed> {
  assertQuantity(quantityE3);
  return onceOk(actor.userId, submissionKey, "material.return", assignmentId, async (tx): Promise<ReturnResult> => {
    const assignment = await assignmentOf(tx, actor.workshopId, assignmentId);
    if (!assignment) return fail("notFound");
    const material = await tx.material.findFirst({
      where: { id: materialId, workshopId: actor.workshopId },
      select: { id: true },
    });
    if (!material) return fail("materialNotFound");
    await lockAssignment(tx, assignment.id, false);
    const held = await heldOn(tx, assignment.id, material.id);
    if (quantityE3 > held) refuseInTransaction(fail("exceedsHeld", { heldE3: held }));
    await tx.material.update({ where: { id: material.id }, data: { stockE3: { increment: quantityE3 } } });
    const movement = await tx.materialMovement.create({
      data: {
        workshopId: actor.workshopId,
        materialId: material.id,
        kind: "return",
        quantityE3,
        assignmentId: assignment.id,
        workerId: assignment.workerId,
        orderId: assignment.orderId,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "material.return",
      entityType: "Material",
      entityId: material.id,
      after: { movementId: movement.id, quantityE3, assignmentId: assignment.id, workerId: assignment.workerId },
    });
    // Material back lowers the loss: a charge above the new proposal comes down with it.
    await capDeductionsToProposal(tx, actor, assignment.id);
    return ok({ id: movement.id });
  });
}

// ---------------------------------------------------------------------------
// Reads

export type MovementRow = {
  id: string;
  kind: "receive" | "issue" | "return";
  quantityE3: bigint;
  source: string;
  note: string;
  createdAt: Date;
  orderId: string | null;
  assignmentId: string | null;
  workerName: string | null;
  productName: string | null;
  byName: string | null;
};

export type MaterialStock = {
  id: string;
  name: string;
  unit: string;
  unitCostE4: bigint;
  archived: boolean;
  /** The stock column: what is on hand. */
  onHandE3: bigint;
  receivedE3: bigint;
  issuedE3: bigint;
  returnedE3: bigint;
  movements: MovementRow[];
};

function kindOf(kind: string): MovementRow["kind"] {
  return kind === "issue" || kind === "return" ? kind : "receive";
}

/** The stock page of one material of the workshop (null: not found, also another workshop's): totals and the latest movements. */
export async function getMaterialStock(
  workshopId: string,
  materialId: string,
  take = 200,
): Promise<MaterialStock | null> {
  const material = await db().material.findFirst({
    where: { id: materialId, workshopId },
    select: { id: true, name: true, unit: true, unitCostE4: true, archivedAt: true, stockE3: true },
  });
  if (!material) return null;
  const [sums, movements] = await Promise.all([
    db().materialMovement.groupBy({ by: ["kind"], where: { materialId, workshopId }, _sum: { quantityE3: true } }),
    db().materialMovement.findMany({
      where: { materialId, workshopId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        kind: true,
        quantityE3: true,
        source: true,
        note: true,
        createdAt: true,
        orderId: true,
        assignmentId: true,
        workerId: true,
        createdById: true,
        assignment: { select: { product: { select: { name: true } }, worker: { select: { name: true } } } },
      },
    }),
  ]);
  const total = (kind: string) => BigInt(sums.find((s) => s.kind === kind)?._sum.quantityE3 ?? 0n);
  const people = await namesOf(movements.map((m) => m.createdById));
  return {
    id: material.id,
    name: material.name,
    unit: material.unit,
    unitCostE4: material.unitCostE4,
    archived: material.archivedAt !== null,
    onHandE3: material.stockE3,
    receivedE3: total("receive"),
    issuedE3: total("issue"),
    returnedE3: total("return"),
    movements: movements.map((m) => ({
      id: m.id,
      kind: kindOf(m.kind),
      quantityE3: m.quantityE3,
      source: m.source,
      note: m.note,
      createdAt: m.createdAt,
      orderId: m.orderId,
      assignmentId: m.assignmentId,
      workerName: m.assignment?.worker.name ?? null,
      productName: m.assignment?.product.name ?? null,
      byName: people.get(m.createdById) ?? null,
    })),
  };
}

async function namesOf(userIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** On hand per material of the workshop (the materials list). */
export async function stockByMaterial(workshopId: string): Promise<Map<string, bigint>> {
  const rows = await db().material.findMany({ where: { workshopId }, select: { id: true, stockE3: true } });
  return new Map(rows.map((r) => [r.id, r.stockE3]));
}

export type HeldRow = {
  assignmentId: string;
  materialId: string;
  materialName: string;
  unit: string;
  issuedE3: bigint;
  returnedE3: bigint;
  /** issued - returned: what the worker still holds of it for this assignment. */
  heldE3: bigint;
};

/**
 * Issued and returned per (assignment, material) for the movements matched by
 * `where`: one hot read (readRows, ADR 015), as the worker's home page reads
 * what she holds on every visit (workerMaterialHeld).
 */
async function heldBy(where: { workshopId: string; assignmentId?: string; workerId?: string }): Promise<HeldRow[]> {
  const rows = await readRows(Prisma.sql`
    SELECT m."assignmentId", m."materialId", mat."name" AS "materialName", mat."unit",
      SUM(CASE WHEN m."kind" = 'issue' THEN m."quantityE3" ELSE 0 END) AS "issuedE3",
      SUM(CASE WHEN m."kind" = 'return' THEN m."quantityE3" ELSE 0 END) AS "returnedE3"
    FROM "MaterialMovement" m
      JOIN "Material" mat ON mat."id" = m."materialId" AND mat."workshopId" = m."workshopId"
    WHERE m."workshopId" = ${where.workshopId} AND m."kind" IN ('issue', 'return') AND m."assignmentId" IS NOT NULL
      ${where.assignmentId === undefined ? Prisma.empty : Prisma.sql`AND m."assignmentId" = ${where.assignmentId}`}
      ${where.workerId === undefined ? Prisma.empty : Prisma.sql`AND m."workerId" = ${where.workerId}`}
    GROUP BY m."assignmentId", m."materialId", mat."name", mat."unit"`);
  return rows
    .map((r) => {
      const issuedE3 = bigintOf(r.issuedE3);
      const returnedE3 = bigintOf(r.returnedE3);
      return {
        assignmentId: textOf(r.assignmentId),
        materialId: textOf(r.materialId),
        materialName: textOf(r.materialName),
        unit: textOf(r.unit),
        issuedE3,
        returnedE3,
        heldE3: issuedE3 - returnedE3,
      };
    })
    .sort(
      (a, b) => a.materialName.localeCompare(b.materialName, "zh-CN") || a.assignmentId.localeCompare(b.assignmentId),
    );
}

/** What the worker of an assignment was handed and gave back, per material. */
export function assignmentMaterials(workshopId: string, assignmentId: string): Promise<HeldRow[]> {
  return heldBy({ workshopId, assignmentId });
}

export type SnapshotLine = { materialId: string; materialName: string; unit: string; perPieceE3: bigint };

/** The assignment's BOM snapshot (empty until its first hand-out). */
export async function assignmentBomSnapshot(workshopId: string, assignmentId: string): Promise<SnapshotLine[]> {
  const lines = await db().assignmentBomLine.findMany({
    where: { workshopId, assignmentId },
    select: { materialId: true, quantityPerPieceE3: true, material: { select: { name: true, unit: true } } },
  });
  return lines
    .map((l) => ({
      materialId: l.materialId,
      materialName: l.material.name,
      unit: l.material.unit,
      perPieceE3: l.quantityPerPieceE3,
    }))
    .sort((a, b) => a.materialName.localeCompare(b.materialName, "zh-CN"));
}

export type LedgerRow = HeldRow & {
  productName: string;
  productUnit: string;
  assignmentQuantity: number;
  assignmentStatus: string;
  dueOn: string;
};

/** A worker's material ledger 物料台账: per assignment and material, handed out, returned and still held. */
export async function workerMaterialLedger(workshopId: string, workerId: string): Promise<LedgerRow[]> {
  const held = await heldBy({ workshopId, workerId });
  if (held.length === 0) return [];
  const assignments = await db().assignment.findMany({
    where: { workshopId, workerId, id: { in: [...new Set(held.map((h) => h.assignmentId))] } },
    select: { id: true, quantity: true, status: true, dueOn: true, product: { select: { name: true, unit: true } } },
  });
  const byId = new Map(assignments.map((a) => [a.id, a]));
  return held
    .flatMap((h) => {
      const a = byId.get(h.assignmentId);
      return a
        ? [
            {
              ...h,
              productName: a.product.name,
              productUnit: a.product.unit,
              assignmentQuantity: a.quantity,
              assignmentStatus: a.status,
              dueOn: a.dueOn,
            },
          ]
        : [];
    })
    .sort((a, b) => b.dueOn.localeCompare(a.dueOn) || a.assignmentId.localeCompare(b.assignmentId));
}

export type MaterialHeld = { materialId: string; materialName: string; unit: string; heldE3: bigint };

/**
 * What the worker holds now of each material she was handed (issued − returned
 * over all her assignments; 0 when everything came back): the ledger's rows
 * summed per material, for her home page.
 */
export async function workerMaterialHeld(workshopId: string, workerId: string): Promise<MaterialHeld[]> {
  const perMaterial = new Map<string, MaterialHeld>();
  for (const row of await heldBy({ workshopId, workerId })) {
    const sum = perMaterial.get(row.materialId) ?? {
      materialId: row.materialId,
      materialName: row.materialName,
      unit: row.unit,
      heldE3: 0n,
    };
    sum.heldE3 += row.heldE3;
    perMaterial.set(row.materialId, sum);
  }
  return [...perMaterial.values()];
}

export type MaterialChoice = { id: string; name: string; unit: string; onHandE3: bigint; inBom: boolean };

/** Active materials to hand out for a product: its BOM's first, then the rest, with what is on hand. */
export async function materialsToHandOut(workshopId: string, productId: string): Promise<MaterialChoice[]> {
  const [materials, bom] = await Promise.all([
    db().material.findMany({
      where: { workshopId, archivedAt: null },
      select: { id: true, name: true, unit: true, stockE3: true },
      orderBy: [{ name: "asc" }],
    }),
    db().bomLine.findMany({ where: { workshopId, productId }, select: { materialId: true } }),
  ]);
  const inBom = new Set(bom.map((b) => b.materialId));
  return materials
    .map((m) => ({ id: m.id, name: m.name, unit: m.unit, onHandE3: m.stockE3, inBom: inBom.has(m.id) }))
    .sort((a, b) => Number(b.inBom) - Number(a.inBom));
}

/** The workshop's accepted orders, for "supplied by the partner for order …" on the receive form. */
export async function ordersForSupply(workshopId: string) {
  const orders = await db().order.findMany({
    where: { workshopId, status: { in: ["accepted", "completed"] } },
    select: {
      id: true,
      dueOn: true,
      quantity: true,
      partner: { select: { name: true } },
      product: { select: { name: true, unit: true } },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
  });
  return orders.map((o) => ({
    id: o.id,
    partnerName: o.partner.name,
    productName: o.product.name,
    productUnit: o.product.unit,
    quantity: o.quantity,
    dueOn: o.dueOn,
  }));
}
