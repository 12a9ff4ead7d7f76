// Deliveries 交付 (ADR 021): a coordinator delivers passed pieces of an
// accepted order to its partner, with a delivery note 送货单 (order, sequence,
// quantity, China date, the agreed price). Never more than the order's passed
// pieces not delivered yet, also under parallel submissions: the order's
// `deliveredQuantity` moves by one conditional UPDATE matching the value read
// (a concurrent delivery makes it miss, and it reads again; passed pieces only
// ever grow, so a stale passed count is on the safe side). The delivery that
// reaches the ordered quantity completes the order in the same transaction.
import type { Actor, PartnerActor } from "../domain/access.ts";
import { chinaDate } from "../domain/dates.ts";
import { checkDelivery } from "../domain/quality.ts";
import { db, type Tx } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { notify } from "./notice.server.ts";
import { fail, ok, type Fail, type Ok } from "./result.ts";
import { onceOk } from "./submission.server.ts";

export type DeliverInput = { quantity: number; note: string };

export type DeliverResult =
  | Ok<{ id: string; completed: boolean }>
  | Fail<"notFound" | "notAccepted">
  | Fail<"exceedsPassed", { available: number }>;

/** Passed pieces of an order (every check, rework that passed later included). */
async function passedOf(tx: Tx, orderId: string): Promise<number> {
  const sum = await tx.lot.aggregate({ where: { orderId, status: "checked" }, _sum: { passedQuantity: true } });
  return sum._sum.passedQuantity ?? 0;
}

/** Records a delivery of `quantity` passed pieces of the workshop's accepted order; once per submission key. */
export async function recordDelivery(
  actor: Actor,
  orderId: string,
  input: DeliverInput,
  now: Date,
  submissionKey: string,
): Promise<DeliverResult | { ok: true; id?: string; replayed: true }> {
  const note = input.note.trim();
  return onceOk(actor.userId, submissionKey, "delivery.create", orderId, async (tx): Promise<DeliverResult> => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const order = await tx.order.findFirst({
        where: { id: orderId, workshopId: actor.workshopId },
        select: {
          id: true,
          partnerId: true,
          status: true,
          quantity: true,
          deliveredQuantity: true,
          unitPriceE4: true,
          product: { select: { name: true } },
        },
      });
      if (!order) return fail("notFound");
      if (order.status !== "accepted") return fail("notAccepted");
      const passed = await passedOf(tx, order.id);
      const rule = checkDelivery(
        { quantity: order.quantity, passed, delivered: order.deliveredQuantity },
        input.quantity,
      );
      if (!rule.ok) return fail("exceedsPassed", { available: rule.available });
      const delivered = order.deliveredQuantity + input.quantity;
      // The conditional step: matches the delivered count read, so two deliveries never both take the same pieces.
      const { count } = await tx.order.updateMany({
        where: { id: order.id, status: "accepted", deliveredQuantity: order.deliveredQuantity },
        data: { deliveredQuantity: delivered, ...(rule.completes ? { status: "completed" } : {}) },
      });
      if (count !== 1) continue;
      const sequence = (await tx.delivery.count({ where: { orderId: order.id } })) + 1;
      const deliveredOn = chinaDate(now);
      const delivery = await tx.delivery.create({
        data: {
          workshopId: actor.workshopId,
          orderId: order.id,
          partnerId: order.partnerId,
          sequence,
          quantity: input.quantity,
          unitPriceE4: order.unitPriceE4,
          deliveredOn,
          note,
          createdById: actor.userId,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "delivery.create",
        entityType: "Delivery",
        entityId: delivery.id,
        after: {
          orderId: order.id,
          sequence,
          quantity: input.quantity,
          deliveredOn,
          note,
          unitPriceE4: order.unitPriceE4,
        },
      });
      await recordAudit(tx, actor, {
        action: rule.completes ? "order.complete" : "order.deliver",
        entityType: "Order",
        entityId: order.id,
        before: { deliveredQuantity: order.deliveredQuantity, status: "accepted" },
        after: { deliveredQuantity: delivered, status: rule.completes ? "completed" : "accepted", passed },
      });
      await notify(
        tx,
        actor.workshopId,
        { partner: order.partnerId },
        { kind: "delivery.made", deliveryId: delivery.id },
        { product: order.product.name, n: input.quantity, sequence },
      );
      return ok({ id: delivery.id, completed: rule.completes });
    }
    throw new Error(`order ${orderId}: could not record a delivery after 10 attempts`);
  });
}

export type DeliveryRow = {
  id: string;
  orderId: string;
  sequence: number;
  quantity: number;
  unitPriceE4: bigint;
  deliveredOn: string;
  note: string;
  createdAt: Date;
};

const deliverySelect = {
  id: true,
  orderId: true,
  sequence: true,
  quantity: true,
  unitPriceE4: true,
  deliveredOn: true,
  note: true,
  createdAt: true,
} as const;

/** The deliveries of one of the workshop's orders, first first. */
export function listOrderDeliveries(workshopId: string, orderId: string): Promise<DeliveryRow[]> {
  return db().delivery.findMany({
    where: { workshopId, orderId },
    select: deliverySelect,
    orderBy: { sequence: "asc" },
  });
}

/** The deliveries of one of the partner's own orders (another firm's: none). */
export function listPartnerDeliveries(
  scope: Pick<PartnerActor, "workshopId" | "partnerId">,
  orderId: string,
): Promise<DeliveryRow[]> {
  return db().delivery.findMany({
    where: { workshopId: scope.workshopId, partnerId: scope.partnerId, orderId },
    select: deliverySelect,
    orderBy: { sequence: "asc" },
  });
}

export type DeliveryNote = DeliveryRow & {
  workshopName: string;
  partnerName: string;
  productName: string;
  productUnit: string;
  orderQuantity: number;
  orderCreatedAt: Date;
  createdByName: string | null;
};

/** One delivery note of the workshop (a coordinator's) or of the partner's own orders; null for anyone else. */
export async function getDeliveryNote(
  scope: { workshopId: string; partnerId?: string },
  deliveryId: string,
): Promise<DeliveryNote | null> {
  const row = await db().delivery.findFirst({
    where: {
      id: deliveryId,
      workshopId: scope.workshopId,
      ...(scope.partnerId !== undefined ? { partnerId: scope.partnerId } : {}),
    },
    select: {
      ...deliverySelect,
      createdById: true,
      order: {
        select: {
          quantity: true,
          createdAt: true,
          workshop: { select: { name: true } },
          partner: { select: { name: true } },
          product: { select: { name: true, unit: true } },
        },
      },
    },
  });
  if (!row) return null;
  const creator = await db().user.findFirst({
    where: { id: row.createdById, workshopId: scope.workshopId },
    select: { name: true },
  });
  const { order, createdById: _createdBy, ...delivery } = row;
  return {
    ...delivery,
    workshopName: order.workshop.name,
    partnerName: order.partner.name,
    productName: order.product.name,
    productUnit: order.product.unit,
    orderQuantity: order.quantity,
    orderCreatedAt: order.createdAt,
    createdByName: creator?.name ?? null,
  };
}
