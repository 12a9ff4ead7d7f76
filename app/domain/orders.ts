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

export const ORDER_MAX_QUANTITY = 1_000_000;
