// The catalogue: products (with bill of materials and process steps) and
// materials. Every function takes the coordinator's workshop and finds only
// its rows; nothing in use is ever hard-deleted (archive instead).
import type { Tx } from "../infra/db.server.ts";
import { db } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { isUniqueViolation, nameTakenOnConflict } from "./errors.server.ts";

type Actor = { workshopId: string; userId: string };

export type ProductInput = {
  name: string;
  unit: string;
  qualityStandard: string;
  standardMinutesE2: number | null;
  lossAllowanceE2: number;
};

export type ProductRow = ProductInput & { id: string; archivedAt: Date | null };

const productSelect = {
  id: true,
  name: true,
  unit: true,
  qualityStandard: true,
  standardMinutesE2: true,
  lossAllowanceE2: true,
  archivedAt: true,
} as const;

export function listProducts(workshopId: string, opts: { includeArchived?: boolean } = {}): Promise<ProductRow[]> {
  return db().product.findMany({
    where: { workshopId, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    select: productSelect,
    // Active (null) first on both engines: PostgreSQL sorts nulls last by default, SQLite first.
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
  });
}

export type ProductDetail = ProductRow & {
  bom: { id: string; materialId: string; materialName: string; materialUnit: string; quantityPerPieceE3: bigint }[];
  steps: { id: string; name: string; archivedAt: Date | null }[];
};

export async function getProduct(workshopId: string, productId: string): Promise<ProductDetail | null> {
  const product = await db().product.findFirst({
    where: { id: productId, workshopId },
    select: {
      ...productSelect,
      bom: {
        select: {
          id: true,
          materialId: true,
          quantityPerPieceE3: true,
          material: { select: { name: true, unit: true } },
        },
        orderBy: { id: "asc" },
      },
      steps: {
        select: { id: true, name: true, archivedAt: true },
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
      },
    },
  });
  if (!product) return null;
  return {
    ...product,
    bom: product.bom.map((b) => ({
      id: b.id,
      materialId: b.materialId,
      materialName: b.material.name,
      materialUnit: b.material.unit,
      quantityPerPieceE3: b.quantityPerPieceE3,
    })),
  };
}

export type SaveResult = { ok: true; id: string } | { ok: false; code: "nameTaken" | "notFound" };

export async function createProduct(actor: Actor, input: ProductInput): Promise<SaveResult> {
  try {
    return await db().$transaction(async (tx) => {
      if (
        await tx.product.findFirst({ where: { workshopId: actor.workshopId, name: input.name }, select: { id: true } })
      ) {
        return { ok: false as const, code: "nameTaken" as const };
      }
      const product = await tx.product.create({
        data: { ...input, workshopId: actor.workshopId },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        workshopId: actor.workshopId,
        action: "product.create",
        entityType: "Product",
        entityId: product.id,
        after: input,
      });
      return { ok: true as const, id: product.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "nameTaken" };
    throw error;
  }
}

export async function updateProduct(actor: Actor, productId: string, input: ProductInput): Promise<SaveResult> {
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.product.findFirst({
        where: { id: productId, workshopId: actor.workshopId },
        select: productSelect,
      });
      if (!before) return { ok: false as const, code: "notFound" as const };
      const clash = await tx.product.findFirst({
        where: { workshopId: actor.workshopId, name: input.name, id: { not: productId } },
        select: { id: true },
      });
      if (clash) return { ok: false as const, code: "nameTaken" as const };
      await tx.product.update({ where: { id: productId }, data: input });
      const { id: _id, archivedAt: _a, ...beforeFields } = before;
      await recordAudit(tx, {
        actorId: actor.userId,
        workshopId: actor.workshopId,
        action: "product.update",
        entityType: "Product",
        entityId: productId,
        before: beforeFields,
        after: input,
      });
      return { ok: true as const, id: productId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "nameTaken" };
    throw error;
  }
}

/** Archives (or restores) a product: it stays in history, but takes no new orders or offers. */
export async function setProductArchived(
  actor: Actor,
  productId: string,
  archived: boolean,
  now: Date,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const product = await tx.product.findFirst({
      where: { id: productId, workshopId: actor.workshopId },
      select: { archivedAt: true },
    });
    if (!product) return false;
    const archivedAt = archived ? (product.archivedAt ?? now) : null;
    await tx.product.update({ where: { id: productId }, data: { archivedAt } });
    await recordAudit(tx, {
      actorId: actor.userId,
      workshopId: actor.workshopId,
      action: archived ? "product.archive" : "product.restore",
      entityType: "Product",
      entityId: productId,
      before: { archivedAt: product.archivedAt },
      after: { archivedAt },
    });
    return true;
  });
}

async function productInWorkshop(tx: Tx, workshopId: string, productId: string) {
  return tx.product.findFirst({ where: { id: productId, workshopId }, select: { id: true } });
}

/** Sets how much of a material one piece uses (creates or changes the BOM line). */
export async function setBomLine(
  actor: Actor,
  productId: string,
  materialId: string,
  quantityPerPieceE3: bigint,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const product = await productInWorkshop(tx, actor.workshopId, productId);
    const material = await tx.material.findFirst({
      where: { id: materialId, workshopId: actor.workshopId },
      select: { id: true },
    });
    if (!product || !material) return false;
    const before = await tx.bomLine.findUnique({ where: { productId_materialId: { productId, materialId } } });
    const line = await tx.bomLine.upsert({
      where: { productId_materialId: { productId, materialId } },
      create: { workshopId: actor.workshopId, productId, materialId, quantityPerPieceE3 },
      update: { quantityPerPieceE3 },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      workshopId: actor.workshopId,
      action: before ? "bom.update" : "bom.create",
      entityType: "BomLine",
      entityId: line.id,
      before: before ? { productId, materialId, quantityPerPieceE3: before.quantityPerPieceE3 } : undefined,
      after: { productId, materialId, quantityPerPieceE3 },
    });
    return true;
  });
}

export async function removeBomLine(actor: Actor, productId: string, bomLineId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const line = await tx.bomLine.findFirst({ where: { id: bomLineId, productId, workshopId: actor.workshopId } });
    if (!line) return false;
    await tx.bomLine.delete({ where: { id: line.id } });
    await recordAudit(tx, {
      actorId: actor.userId,
      workshopId: actor.workshopId,
      action: "bom.remove",
      entityType: "BomLine",
      entityId: line.id,
      before: { productId, materialId: line.materialId, quantityPerPieceE3: line.quantityPerPieceE3 },
    });
    return true;
  });
}

export async function addProcessStep(actor: Actor, productId: string, name: string): Promise<SaveResult> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      if (!(await productInWorkshop(tx, actor.workshopId, productId)))
        return { ok: false as const, code: "notFound" as const };
      if (await tx.processStep.findFirst({ where: { productId, name }, select: { id: true } }))
        return { ok: false as const, code: "nameTaken" as const };
      const count = await tx.processStep.count({ where: { productId } });
      const step = await tx.processStep.create({
        data: { workshopId: actor.workshopId, productId, name, sortOrder: count },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        workshopId: actor.workshopId,
        action: "step.create",
        entityType: "ProcessStep",
        entityId: step.id,
        after: { productId, name },
      });
      return { ok: true as const, id: step.id };
    }),
  );
}

export type MaterialInput = { name: string; unit: string; unitCostE4: bigint };
export type MaterialRow = MaterialInput & { id: string; archivedAt: Date | null };

const materialSelect = { id: true, name: true, unit: true, unitCostE4: true, archivedAt: true } as const;

export function listMaterials(workshopId: string, opts: { includeArchived?: boolean } = {}): Promise<MaterialRow[]> {
  return db().material.findMany({
    where: { workshopId, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    select: materialSelect,
    // Active (null) first on both engines: PostgreSQL sorts nulls last by default, SQLite first.
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
  });
}

export function getMaterial(workshopId: string, materialId: string): Promise<MaterialRow | null> {
  return db().material.findFirst({ where: { id: materialId, workshopId }, select: materialSelect });
}

export async function createMaterial(actor: Actor, input: MaterialInput): Promise<SaveResult> {
  try {
    return await db().$transaction(async (tx) => {
      if (
        await tx.material.findFirst({ where: { workshopId: actor.workshopId, name: input.name }, select: { id: true } })
      ) {
        return { ok: false as const, code: "nameTaken" as const };
      }
      const material = await tx.material.create({
        data: { ...input, workshopId: actor.workshopId },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        workshopId: actor.workshopId,
        action: "material.create",
        entityType: "Material",
        entityId: material.id,
        after: input,
      });
      return { ok: true as const, id: material.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "nameTaken" };
    throw error;
  }
}

export async function updateMaterial(actor: Actor, materialId: string, input: MaterialInput): Promise<SaveResult> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      const before = await tx.material.findFirst({
        where: { id: materialId, workshopId: actor.workshopId },
        select: materialSelect,
      });
      if (!before) return { ok: false as const, code: "notFound" as const };
      if (
        await tx.material.findFirst({
          where: { workshopId: actor.workshopId, name: input.name, id: { not: materialId } },
          select: { id: true },
        })
      ) {
        return { ok: false as const, code: "nameTaken" as const };
      }
      await tx.material.update({ where: { id: materialId }, data: input });
      await recordAudit(tx, {
        actorId: actor.userId,
        workshopId: actor.workshopId,
        action: "material.update",
        entityType: "Material",
        entityId: materialId,
        before: { name: before.name, unit: before.unit, unitCostE4: before.unitCostE4 },
        after: input,
      });
      return { ok: true as const, id: materialId };
    }),
  );
}

export async function setMaterialArchived(
  actor: Actor,
  materialId: string,
  archived: boolean,
  now: Date,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const material = await tx.material.findFirst({
      where: { id: materialId, workshopId: actor.workshopId },
      select: { archivedAt: true },
    });
    if (!material) return false;
    const archivedAt = archived ? (material.archivedAt ?? now) : null;
    await tx.material.update({ where: { id: materialId }, data: { archivedAt } });
    await recordAudit(tx, {
      actorId: actor.userId,
      workshopId: actor.workshopId,
      action: archived ? "material.archive" : "material.restore",
      entityType: "Material",
      entityId: materialId,
      before: { archivedAt: material.archivedAt },
      after: { archivedAt },
    });
    return true;
  });
}
