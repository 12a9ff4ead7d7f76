// The catalogue: products (with bill of materials and process steps) and
// materials. Every function takes the coordinator's workshop and finds only
// its rows; nothing in use is ever hard-deleted (archive instead, see
// archive.server.ts).
import type { Actor } from "../domain/access.ts";
import type { Tx } from "../infra/db.server.ts";
import { db } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { nameTakenOnConflict } from "./errors.server.ts";
import { fail, ok, type Result } from "./result.ts";

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

export type SaveResult = Result<{ id: string }, "nameTaken" | "notFound">;

export function createProduct(actor: Actor, input: ProductInput): Promise<Result<{ id: string }, "nameTaken">> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      if (
        await tx.product.findFirst({ where: { workshopId: actor.workshopId, name: input.name }, select: { id: true } })
      )
        return fail("nameTaken");
      const product = await tx.product.create({
        data: { ...input, workshopId: actor.workshopId },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "product.create",
        entityType: "Product",
        entityId: product.id,
        after: input,
      });
      return ok({ id: product.id });
    }),
  );
}

export function updateProduct(actor: Actor, productId: string, input: ProductInput): Promise<SaveResult> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      const before = await tx.product.findFirst({
        where: { id: productId, workshopId: actor.workshopId },
        select: productSelect,
      });
      if (!before) return fail("notFound");
      const clash = await tx.product.findFirst({
        where: { workshopId: actor.workshopId, name: input.name, id: { not: productId } },
        select: { id: true },
      });
      if (clash) return fail("nameTaken");
      await tx.product.update({ where: { id: productId }, data: input });
      const { id: _id, archivedAt: _a, ...beforeFields } = before;
      await recordAudit(tx, actor, {
        action: "product.update",
        entityType: "Product",
        entityId: productId,
        before: beforeFields,
        after: input,
      });
      return ok({ id: productId });
    }),
  );
}

async function productInWorkshop(tx: Tx, workshopId: string, productId: string) {
  return tx.product.findFirst({ where: { id: productId, workshopId }, select: { id: true } });
}

/**
 * Sets how much of a material one piece uses (creates or changes the BOM line).
 * notFound: no such product, or no such active material, in the workshop.
 */
export function setBomLine(
  actor: Actor,
  productId: string,
  materialId: string,
  quantityPerPieceE3: bigint,
): Promise<Result<{ id: string }, "notFound">> {
  return db().$transaction(async (tx) => {
    const product = await productInWorkshop(tx, actor.workshopId, productId);
    const material = await tx.material.findFirst({
      where: { id: materialId, workshopId: actor.workshopId, archivedAt: null },
      select: { id: true },
    });
    if (!product || !material) return fail("notFound");
    const before = await tx.bomLine.findUnique({ where: { productId_materialId: { productId, materialId } } });
    const line = await tx.bomLine.upsert({
      where: { productId_materialId: { productId, materialId } },
      create: { workshopId: actor.workshopId, productId, materialId, quantityPerPieceE3 },
      update: { quantityPerPieceE3 },
    });
    await recordAudit(tx, actor, {
      action: before ? "bom.update" : "bom.create",
      entityType: "BomLine",
      entityId: line.id,
      before: before ? { productId, materialId, quantityPerPieceE3: before.quantityPerPieceE3 } : undefined,
      after: { productId, materialId, quantityPerPieceE3 },
    });
    return ok({ id: line.id });
  });
}

export function removeBomLine(actor: Actor, productId: string, bomLineId: string): Promise<Result<object, "notFound">> {
  return db().$transaction(async (tx) => {
    const line = await tx.bomLine.findFirst({ where: { id: bomLineId, productId, workshopId: actor.workshopId } });
    if (!line) return fail("notFound");
    await tx.bomLine.delete({ where: { id: line.id } });
    await recordAudit(tx, actor, {
      action: "bom.remove",
      entityType: "BomLine",
      entityId: line.id,
      before: { productId, materialId: line.materialId, quantityPerPieceE3: line.quantityPerPieceE3 },
    });
    return ok();
  });
}

export function addProcessStep(actor: Actor, productId: string, name: string): Promise<SaveResult> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      if (!(await productInWorkshop(tx, actor.workshopId, productId))) return fail("notFound");
      if (await tx.processStep.findFirst({ where: { productId, name }, select: { id: true } }))
        return fail("nameTaken");
      const count = await tx.processStep.count({ where: { productId } });
      const step = await tx.processStep.create({
        data: { workshopId: actor.workshopId, productId, name, sortOrder: count },
      });
      await recordAudit(tx, actor, {
        action: "step.create",
        entityType: "ProcessStep",
        entityId: step.id,
        after: { productId, name },
      });
      return ok({ id: step.id });
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

export function createMaterial(actor: Actor, input: MaterialInput): Promise<Result<{ id: string }, "nameTaken">> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      if (
        await tx.material.findFirst({ where: { workshopId: actor.workshopId, name: input.name }, select: { id: true } })
      )
        return fail("nameTaken");
      const material = await tx.material.create({
        data: { ...input, workshopId: actor.workshopId },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "material.create",
        entityType: "Material",
        entityId: material.id,
        after: input,
      });
      return ok({ id: material.id });
    }),
  );
}

export function updateMaterial(actor: Actor, materialId: string, input: MaterialInput): Promise<SaveResult> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      const before = await tx.material.findFirst({
        where: { id: materialId, workshopId: actor.workshopId },
        select: materialSelect,
      });
      if (!before) return fail("notFound");
      if (
        await tx.material.findFirst({
          where: { workshopId: actor.workshopId, name: input.name, id: { not: materialId } },
          select: { id: true },
        })
      ) {
        return fail("nameTaken");
      }
      await tx.material.update({ where: { id: materialId }, data: input });
      await recordAudit(tx, actor, {
        action: "material.update",
        entityType: "Material",
        entityId: materialId,
        before: { name: before.name, unit: before.unit, unitCostE4: before.unitCostE4 },
        after: input,
      });
      return ok({ id: materialId });
    }),
  );
}
