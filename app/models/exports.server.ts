// What the exports read (ADR 023) besides the payslips themselves
// (payslip.server.ts listMonthPayslips): the settled month's period with its
// totals, and one order's statement figures with its deliveries, scoped to the
// coordinator's workshop or to the partner's own orders.
import { db } from "../infra/db.server.ts";

export type SettledMonth = {
  workshopName: string;
  /** null while the month is open. */
  period: {
    month: string;
    workerCount: number;
    grossFen: bigint;
    taxFen: bigint;
    chargesFen: bigint;
    netFen: bigint;
  } | null;
};

/** The workshop's name and the month's pay period, if the month is settled. */
export async function getSettledMonth(workshopId: string, month: string): Promise<SettledMonth | null> {
  const [workshop, period] = await Promise.all([
    db().workshop.findUnique({ where: { id: workshopId }, select: { name: true } }),
    db().payPeriod.findUnique({
      where: { workshopId_month: { workshopId, month } },
      select: { month: true, workerCount: true, grossFen: true, taxFen: true, chargesFen: true, netFen: true },
    }),
  ]);
  return workshop ? { workshopName: workshop.name, period } : null;
}

export type OrderStatementData = {
  orderId: string;
  workshopName: string;
  partnerName: string;
  productName: string;
  orderQuantity: number;
  unitPriceE4: bigint;
  deliveredQuantity: number;
  deliveries: { sequence: number; deliveredOn: string; quantity: number; unitPriceE4: bigint; note: string }[];
};

/**
 * One order of the workshop (a coordinator's) or of the partner's own firm, with
 * its deliveries in sequence; null for anyone else's order.
 */
export async function getOrderStatement(
  scope: { workshopId: string; partnerId?: string },
  orderId: string,
): Promise<OrderStatementData | null> {
  const order = await db().order.findFirst({
    where: {
      id: orderId,
      workshopId: scope.workshopId,
      ...(scope.partnerId !== undefined ? { partnerId: scope.partnerId } : {}),
    },
    select: {
      id: true,
      quantity: true,
      unitPriceE4: true,
      deliveredQuantity: true,
      workshop: { select: { name: true } },
      partner: { select: { name: true } },
      product: { select: { name: true } },
      deliveries: {
        orderBy: { sequence: "asc" },
        select: { sequence: true, deliveredOn: true, quantity: true, unitPriceE4: true, note: true },
      },
    },
  });
  if (!order) return null;
  return {
    orderId: order.id,
    workshopName: order.workshop.name,
    partnerName: order.partner.name,
    productName: order.product.name,
    orderQuantity: order.quantity,
    unitPriceE4: order.unitPriceE4,
    deliveredQuantity: order.deliveredQuantity,
    deliveries: order.deliveries,
  };
}
