// Partner orders and how their pieces are given out. Pure rules; the database
// enforces the same limits with conditional updates (app/models/order.server.ts)
// so that concurrent requests cannot over-allocate.

export const ORDER_STATUSES = ["pending", "accepted", "declined", "cancelled", "completed"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

export type OrderCounts = { quantity: number; allocatedQuantity: number; openQuantity: number };

/** Pieces not yet given out (neither assigned nor open for claiming). */
export function unallocated(order: OrderCounts): number {
  return order.quantity - order.allocatedQuantity;
}

/** Pieces assigned to workers (directly or by claiming). */
export function assignedQuantity(order: OrderCounts): number {
  return order.allocatedQuantity - order.openQuantity;
}

export type OrderAction = "accept" | "decline" | "cancel";

/** Who may move an order from which status: coordinators decide pending orders; partners cancel them. */
export function canTransition(status: string, action: OrderAction): boolean {
  return status === "pending" && (action === "accept" || action === "decline" || action === "cancel");
}

/** Whether an order has progress to show: pieces are (or were) being made for it. */
export function hasProgress(status: string): boolean {
  return status === "accepted" || status === "completed";
}

export const ORDER_MAX_QUANTITY = 1_000_000;

/**
 * How an order's pieces stand, as four figures that add up to the quantity:
 * assigned by the coordinator (派工), claimed by workers from the open pool
 * (自领), still open for claiming (待领取), and not given out yet (未安排).
 */
export type GivingOut = { assigned: number; claimed: number; open: number; notGivenOut: number };

export function givingOut(order: OrderCounts & { claimedQuantity: number }): GivingOut {
  return {
    assigned: order.allocatedQuantity - order.openQuantity - order.claimedQuantity,
    claimed: order.claimedQuantity,
    open: order.openQuantity,
    notGivenOut: unallocated(order),
  };
}

/**
 * One true sentence about giving the work out: some pieces are not given out
 * yet; or all are given out but some still wait in the open pool; or every
 * piece is with a worker.
 */
export type GivingOutState = "partly" | "waitingInPool" | "allWithWorkers";

export function givingOutState(figures: GivingOut): GivingOutState {
  if (figures.notGivenOut > 0) return "partly";
  if (figures.open > 0) return "waitingInPool";
  return "allWithWorkers";
}
