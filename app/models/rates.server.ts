// Piece-rate versions. setRate applies the rules of app/domain/rates.ts inside
// one transaction: no in-place edit of a used version, at most one version per
// (product, step, date), and a rate under the minimum wage only with an
// explicit confirmation and reason, which goes into the audit trail.
import type { Actor } from "../domain/access.ts";
import { chinaDate } from "../domain/dates.ts";
import { amountFromMinor, rateFromMinor, rateToMinor, type Rate } from "../domain/money.ts";
import { fairRateCheck, planRateChange, productPricing, type FairRateCheck } from "../domain/rates.ts";
import { bigintOf, db, Prisma, readRows, textOf, textOrNull, type Tx } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { fail, ok, type Fail, type Result } from "./result.ts";

export type RateVersionRow = {
  id: string;
  processStepId: string | null;
  rateE4: bigint;
  effectiveOn: string;
  reason: string;
  setByName: string;
  belowMinimum: boolean;
  belowMinimumReason: string;
  used: boolean;
  createdAt: Date;
};

async function versionsOf(tx: Tx, workshopId: string, productId: string, processStepId: string | null) {
  return tx.pieceRate.findMany({
    where: { workshopId, productId, processStepId },
    select: {
      id: true,
      effectiveOn: true,
      usedAt: true,
      rateE4: true,
      reason: true,
      belowMinimum: true,
      belowMinimumReason: true,
    },
    orderBy: [{ effectiveOn: "desc" }, { createdAt: "desc" }],
  });
}

/** Every version of a product's rates (all steps), newest effective date first, with who set it. */
export async function listRateVersions(workshopId: string, productId: string): Promise<RateVersionRow[]> {
  const rows = await db().pieceRate.findMany({
    where: { workshopId, productId },
    orderBy: [{ processStepId: "asc" }, { effectiveOn: "desc" }, { createdAt: "desc" }],
  });
  const setters = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.setById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(setters.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    id: r.id,
    processStepId: r.processStepId,
    rateE4: r.rateE4,
    effectiveOn: r.effectiveOn,
    reason: r.reason,
    setByName: names.get(r.setById) ?? "",
    belowMinimum: r.belowMinimum,
    belowMinimumReason: r.belowMinimumReason,
    used: r.usedAt !== null,
    createdAt: r.createdAt,
  }));
}

export type ProductPricing = {
  /** The whole product's version in force on the date, or null. */
  whole: { id: string; rate: Rate; effectiveOn: string } | null;
  /** No whole-product version in force, but some process step has one. */
  stepPriced: boolean;
};

/**
 * How each of these products is priced on a date (app/domain/rates.ts
 * productPricing), in one query however many products there are. Products of
 * another workshop come back unpriced. Not inside a transaction (a hot read).
 */
export async function pricingOn(
  workshopId: string,
  productIds: readonly string[],
  date: string,
): Promise<Map<string, ProductPricing>> {
  // A hot read (readRows): the worker's pages price every task with it (docs/decisions/015).
  const ids = [...new Set(productIds)];
  const found =
    ids.length === 0
      ? []
      : await readRows(Prisma.sql`
          SELECT "id", "productId", "processStepId", "effectiveOn", "rateE4" FROM "PieceRate"
          WHERE "workshopId" = ${workshopId} AND "productId" IN (${Prisma.join(ids)}) AND "effectiveOn" <= ${date}`);
  const rows = found.map((r) => ({
    id: textOf(r.id),
    productId: textOf(r.productId),
    processStepId: textOrNull(r.processStepId),
    effectiveOn: textOf(r.effectiveOn),
    rateE4: bigintOf(r.rateE4),
  }));
  const byProduct = new Map<string, typeof rows>();
  for (const r of rows) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), r]);
  const pricing = new Map<string, ProductPricing>();
  for (const id of productIds) {
    const { whole, stepPriced } = productPricing(
      (byProduct.get(id) ?? []).map((r) => ({ ...r, used: false })),
      date,
    );
    pricing.set(id, {
      whole: whole && { id: whole.id, rate: rateFromMinor(whole.rateE4), effectiveOn: whole.effectiveOn },
      stepPriced,
    });
  }
  return pricing;
}

/** The version in force on a date for a product (whole-product rate when processStepId is null). */
export async function rateInForceOn(
  workshopId: string,
  productId: string,
  processStepId: string | null,
  date: string,
): Promise<{ id: string; rate: Rate; effectiveOn: string } | null> {
  const row = await db().pieceRate.findFirst({
    where: { workshopId, productId, processStepId, effectiveOn: { lte: date } },
    orderBy: [{ effectiveOn: "desc" }, { createdAt: "desc" }],
    select: { id: true, rateE4: true, effectiveOn: true },
  });
  return row ? { id: row.id, rate: rateFromMinor(row.rateE4), effectiveOn: row.effectiveOn } : null;
}

/** The fair-rate check for a rate on a product of this workshop. */
export async function checkFairRate(workshopId: string, productId: string, rate: Rate): Promise<FairRateCheck | null> {
  const product = await db().product.findFirst({
    where: { id: productId, workshopId },
    select: { standardMinutesE2: true, workshop: { select: { hourlyMinimumWageFen: true } } },
  });
  if (!product) return null;
  const minimum = product.workshop.hourlyMinimumWageFen;
  return fairRateCheck({
    rate,
    standardMinutesE2: product.standardMinutesE2,
    minimumHourly: minimum === null ? null : amountFromMinor(minimum),
  });
}

export type SetRateInput = {
  productId: string;
  processStepId: string | null;
  rate: Rate;
  effectiveOn: string;
  reason: string;
  /** Required (with belowMinimumReason) when the implied hourly pay is under the minimum wage. */
  confirmBelowMinimum: boolean;
  belowMinimumReason: string;
};

export type SetRateResult =
  | Result<{ id: string; replaced: boolean; check: FairRateCheck }, "notFound" | "rateUsed">
  | Fail<"needsConfirmation", { check: FairRateCheck }>;

export async function setRate(actor: Actor, input: SetRateInput, now: Date): Promise<SetRateResult> {
  return db().$transaction(async (tx) => {
    // Take the product's row lock first, so that two rate changes for the same
    // product are applied one after the other (PostgreSQL runs them concurrently):
    // otherwise both could see "no version on this date" and create two.
    await tx.product.updateMany({
      where: { id: input.productId, workshopId: actor.workshopId },
      data: { updatedAt: now },
    });
    const product = await tx.product.findFirst({
      where: { id: input.productId, workshopId: actor.workshopId, archivedAt: null },
      select: { id: true, standardMinutesE2: true, workshop: { select: { hourlyMinimumWageFen: true } } },
    });
    if (!product) return fail("notFound");
    if (input.processStepId) {
      const step = await tx.processStep.findFirst({
        where: { id: input.processStepId, productId: product.id, archivedAt: null },
        select: { id: true },
      });
      if (!step) return fail("notFound");
    }
    const minimum = product.workshop.hourlyMinimumWageFen;
    const check = fairRateCheck({
      rate: input.rate,
      // A process step has no time test of its own yet: its rate cannot be judged
      // against the whole piece's minutes, so the check says "unknown" for it.
      standardMinutesE2: input.processStepId ? null : product.standardMinutesE2,
      minimumHourly: minimum === null ? null : amountFromMinor(minimum),
    });
    const below = check.status === "belowMinimum";
    if (below && !(input.confirmBelowMinimum && input.belowMinimumReason.trim().length > 0)) {
      return fail("needsConfirmation", { check });
    }
    const versions = await versionsOf(tx, actor.workshopId, product.id, input.processStepId);
    const plan = planRateChange(
      versions.map((v) => ({ id: v.id, effectiveOn: v.effectiveOn, used: v.usedAt !== null })),
      input.effectiveOn,
      chinaDate(now),
    );
    if (plan.kind === "refuse") return fail("rateUsed");
    const data = {
      rateE4: rateToMinor(input.rate),
      reason: input.reason,
      setById: actor.userId,
      belowMinimum: below,
      belowMinimumReason: below ? input.belowMinimumReason.trim() : "",
    };
    const auditAfter = {
      productId: product.id,
      processStepId: input.processStepId,
      effectiveOn: input.effectiveOn,
      ...data,
      fairCheck:
        check.status === "unknown"
          ? { status: check.status, reason: check.reason }
          : {
              status: check.status,
              impliedHourlyFen: check.impliedHourly.minor,
              minimumFen: check.minimum.minor,
              fairTargetFen: check.fairTarget.minor,
            },
    };
    if (plan.kind === "replace") {
      const before = versions.find((v) => v.id === plan.id);
      // Guard against a piece log having used it since we read it: update only while unused.
      const { count } = await tx.pieceRate.updateMany({ where: { id: plan.id, usedAt: null }, data });
      if (count === 0) return fail("rateUsed");
      await recordAudit(tx, actor, {
        action: below ? "rate.update.belowMinimum" : "rate.update",
        entityType: "PieceRate",
        entityId: plan.id,
        before: before && {
          rateE4: before.rateE4,
          reason: before.reason,
          belowMinimum: before.belowMinimum,
          belowMinimumReason: before.belowMinimumReason,
        },
        after: auditAfter,
      });
      return ok({ id: plan.id, replaced: true, check });
    }
    const created = await tx.pieceRate.create({
      data: {
        ...data,
        workshopId: actor.workshopId,
        productId: product.id,
        processStepId: input.processStepId,
        effectiveOn: input.effectiveOn,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: below ? "rate.create.belowMinimum" : "rate.create",
      entityType: "PieceRate",
      entityId: created.id,
      after: auditAfter,
    });
    return ok({ id: created.id, replaced: false, check });
  });
}

/**
 * Marks a version as used (called in the transaction that records the first
 * piece log priced with it). From then on it is frozen.
 */
export async function markRateUsed(tx: Tx, workshopId: string, rateId: string, now: Date): Promise<void> {
  const rate = await tx.pieceRate.findFirst({
    where: { id: rateId, workshopId },
    select: { productId: true, usedAt: true },
  });
  if (!rate || rate.usedAt) return;
  // The same product-row lock as setRate: a rate change for this product cannot
  // interleave between its "is it used?" read and its write.
  await tx.product.updateMany({ where: { id: rate.productId, workshopId }, data: { updatedAt: now } });
  await tx.pieceRate.updateMany({ where: { id: rateId, workshopId, usedAt: null }, data: { usedAt: now } });
}
