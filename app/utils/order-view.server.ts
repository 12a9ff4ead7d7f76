// What the order pages send to the browser about an order: plain numbers for
// piece counts, and money only as text formatted here on the server from the
// exact minor units (docs/conventions.md §2: money crosses the wire as strings).
import { chinaDate } from "../domain/dates.ts";
import { formatAmount, formatRate, lineAmount, rateFromMinor, type Rate } from "../domain/money.ts";
import { unallocated } from "../domain/orders.ts";
import type { Locale } from "../i18n/locales.ts";
import type { OrderRow } from "../models/order.server.ts";

export type OrderView = {
  id: string;
  partnerName: string;
  productName: string;
  unit: string;
  quantity: number;
  dueOn: string;
  notes: string;
  status: string;
  decisionReason: string;
  createdAt: string;
  /** Agreed price per piece, formatted ("¥6.80"). */
  price: string;
  /** quantity x price, rounded half-up to the fen, formatted. */
  value: string;
  remaining: number;
  progress: OrderRow["progress"];
};

export function orderView(order: OrderRow, locale: Locale): OrderView {
  const rate = rateFromMinor(order.unitPriceE4);
  return {
    id: order.id,
    partnerName: order.partnerName,
    productName: order.productName,
    unit: order.productUnit,
    quantity: order.quantity,
    dueOn: order.dueOn,
    notes: order.notes,
    status: order.status,
    decisionReason: order.decisionReason,
    createdAt: order.createdAt.toISOString(),
    price: formatRate(rate, locale),
    value: formatAmount(lineAmount(order.quantity, rate), locale),
    remaining: unallocated({
      quantity: order.progress.quantity,
      allocatedQuantity: order.progress.allocated,
      openQuantity: order.progress.open,
    }),
    progress: order.progress,
  };
}

/** A rate formatted for the page, or null when there is none. */
export function rateText(rate: Rate | null, locale: Locale): string | null {
  return rate ? formatRate(rate, locale) : null;
}

/** What n pieces are worth at a rate, formatted, or null when there is no rate. */
export function estimateText(quantity: number, rate: Rate | null, locale: Locale): string | null {
  return rate ? formatAmount(lineAmount(quantity, rate), locale) : null;
}

export type DueState = "overdue" | "today" | "later";

/** Whether a due date (YYYY-MM-DD, China time) has passed, is today, or is later. */
export function dueState(dueOn: string, now: Date): DueState {
  const today = chinaDate(now);
  return dueOn < today ? "overdue" : dueOn === today ? "today" : "later";
}
