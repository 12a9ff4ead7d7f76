// Partner firms of a workshop, their accounts, and what the workshop offers
// each firm (a product at an agreed price per piece).
import type { Actor, PartnerActor } from "../domain/access.ts";
import { db } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { isUniqueViolation, nameTakenOnConflict } from "./errors.server.ts";
import { fail, ok, type Result } from "./result.ts";
import { createAccount } from "./user.server.ts";

export type PartnerRow = {
  id: string;
  name: string;
  contactName: string;
  contactPhone: string;
  archivedAt: Date | null;
  accounts: number;
  offers: number;
};

export async function listPartners(workshopId: string): Promise<PartnerRow[]> {
  const partners = await db().partner.findMany({
    where: { workshopId },
    select: {
      id: true,
      name: true,
      contactName: true,
      contactPhone: true,
      archivedAt: true,
      _count: { select: { users: true, offers: { where: { archivedAt: null } } } },
    },
    orderBy: [{ archivedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return partners.map(({ _count, ...p }) => ({ ...p, accounts: _count.users, offers: _count.offers }));
}

export function createPartner(
  actor: Actor,
  input: { name: string; contactName: string; contactPhone: string },
): Promise<Result<{ id: string }, "nameTaken">> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      if (
        await tx.partner.findFirst({ where: { workshopId: actor.workshopId, name: input.name }, select: { id: true } })
      )
        return fail("nameTaken");
      const partner = await tx.partner.create({
        data: { ...input, workshopId: actor.workshopId },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "partner.create",
        entityType: "Partner",
        entityId: partner.id,
        after: input,
      });
      return ok({ id: partner.id });
    }),
  );
}

export type PartnerDetail = {
  id: string;
  name: string;
  contactName: string;
  contactPhone: string;
  archivedAt: Date | null;
  accounts: { id: string; name: string; phone: string; active: boolean }[];
  offers: {
    id: string;
    productId: string;
    productName: string;
    productUnit: string;
    priceE4: bigint;
    archivedAt: Date | null;
  }[];
};

export async function getPartner(workshopId: string, partnerId: string): Promise<PartnerDetail | null> {
  const p = await db().partner.findFirst({
    where: { id: partnerId, workshopId },
    select: {
      id: true,
      name: true,
      contactName: true,
      contactPhone: true,
      archivedAt: true,
      users: { select: { id: true, name: true, phone: true, active: true }, orderBy: { createdAt: "asc" } },
      offers: {
        select: {
          id: true,
          productId: true,
          priceE4: true,
          archivedAt: true,
          product: { select: { name: true, unit: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!p) return null;
  return {
    id: p.id,
    name: p.name,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    archivedAt: p.archivedAt,
    accounts: p.users,
    offers: p.offers.map((o) => ({
      id: o.id,
      productId: o.productId,
      productName: o.product.name,
      productUnit: o.product.unit,
      priceE4: o.priceE4,
      archivedAt: o.archivedAt,
    })),
  };
}

/** A coordinator creates a login for a partner firm of her workshop (notFound: no such firm there). */
export function createPartnerAccount(
  actor: Actor,
  partnerId: string,
  input: { name: string; phone: string; password: string },
): Promise<Result<{ id: string }, "notFound" | "phoneTaken">> {
  return createAccount(actor, { ...input, role: "partner", partnerId });
}

/** Offers a product to a partner at an agreed price per piece (or changes the price of future orders). */
export async function setOffer(
  actor: Actor,
  partnerId: string,
  productId: string,
  priceE4: bigint,
): Promise<Result<object, "notFound">> {
  try {
    return await setOfferOnce(actor, partnerId, productId, priceE4);
  } catch (error) {
    // Two saves of a new offer at once: the loser's insert hits the unique key; the row exists now, so save again as an update.
    if (isUniqueViolation(error)) return setOfferOnce(actor, partnerId, productId, priceE4);
    throw error;
  }
}

function setOfferOnce(
  actor: Actor,
  partnerId: string,
  productId: string,
  priceE4: bigint,
): Promise<Result<object, "notFound">> {
  return db().$transaction(async (tx) => {
    const partner = await tx.partner.findFirst({
      where: { id: partnerId, workshopId: actor.workshopId, archivedAt: null },
      select: { id: true },
    });
    const product = await tx.product.findFirst({
      where: { id: productId, workshopId: actor.workshopId, archivedAt: null },
      select: { id: true },
    });
    if (!partner || !product) return fail("notFound");
    const before = await tx.partnerOffer.findUnique({ where: { partnerId_productId: { partnerId, productId } } });
    const offer = await tx.partnerOffer.upsert({
      where: { partnerId_productId: { partnerId, productId } },
      create: { workshopId: actor.workshopId, partnerId, productId, priceE4 },
      update: { priceE4, archivedAt: null },
    });
    await recordAudit(tx, actor, {
      action: before ? "offer.update" : "offer.create",
      entityType: "PartnerOffer",
      entityId: offer.id,
      before: before ? { priceE4: before.priceE4, archivedAt: before.archivedAt } : undefined,
      after: { partnerId, productId, priceE4 },
    });
    return ok();
  });
}

/** Withdraws an offer: the firm can no longer order that product (notFound: no such active offer). */
export function withdrawOffer(
  actor: Actor,
  partnerId: string,
  offerId: string,
  now: Date,
): Promise<Result<object, "notFound">> {
  return db().$transaction(async (tx) => {
    const offer = await tx.partnerOffer.findFirst({
      where: { id: offerId, partnerId, workshopId: actor.workshopId, archivedAt: null },
    });
    if (!offer) return fail("notFound");
    await tx.partnerOffer.update({ where: { id: offer.id }, data: { archivedAt: now } });
    await recordAudit(tx, actor, {
      action: "offer.withdraw",
      entityType: "PartnerOffer",
      entityId: offer.id,
      before: { archivedAt: null },
      after: { archivedAt: now },
    });
    return ok();
  });
}

/** What a partner may order: the workshop's active offers to that firm. */
export async function listOffersForPartner(scope: Pick<PartnerActor, "workshopId" | "partnerId">) {
  const offers = await db().partnerOffer.findMany({
    where: {
      workshopId: scope.workshopId,
      partnerId: scope.partnerId,
      archivedAt: null,
      product: { archivedAt: null },
    },
    select: { productId: true, priceE4: true, product: { select: { name: true, unit: true } } },
    orderBy: { createdAt: "asc" },
  });
  return offers.map((o) => ({
    productId: o.productId,
    productName: o.product.name,
    productUnit: o.product.unit,
    priceE4: o.priceE4,
  }));
}
