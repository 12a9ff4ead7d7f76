// What the order pages send to the browser about an order: plain numbers for
// piece counts, and money only as text formatted here on the server from the
// exact minor units (docs/conventions.md §2: money crosses the wire as strings).
import { chinaDate } from "../domain/dates.ts";
import { deliveryNumber } from "../domain/exports.ts";
import { formatAmount, formatRate, lineAmount, rateFromMinor, type Rate } from "../domain/money.ts";
import { unallocated } from "../domain/orders.ts";
import { deliverable, passRatePermille, permilleText } from "../domain/quality.ts";
import type { Locale } from "../i18n/locales.ts";
import type { DeliveryNote, DeliveryRow } from "../models/delivery.server.ts";
import type { OrderRow } from "../models/order.server.ts";
import type { ReasonCount } from "../models/quality.server.ts";

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

/**
 * The order's quality for its pages (ADR 021): passed, at rework and rejected
 * pieces, the first-pass rate 一次合格率 (first checks only, to 0.1 %, half-up)
 * and pieces per reason (the label as checked; "other" reasons together).
 */
export function orderQualityView(progress: OrderRow["progress"], reasons: ReasonCount[]) {
  const permille = passRatePermille(progress.firstPassed, progress.firstInspected);
  return {
    checked: progress.firstInspected > 0,
    passed: progress.passed,
    reworkPending: progress.reworkPending,
    rejected: progress.rejected,
    firstInspected: progress.firstInspected,
    firstPassed: progress.firstPassed,
    passRate: permille === null ? null : permilleText(permille),
    reasons: reasons.map((r) => ({ reason: r.other ? null : r.reason, rework: r.rework, rejected: r.rejected })),
  };
}

export type OrderQualityView = ReturnType<typeof orderQualityView>;

/**
 * The order's deliveries and what the partner owes for them (ADR 021): every
 * delivered piece at the agreed price, rounded half-up to the fen once over the
 * order's delivered total; each note's own amount is shown beside it.
 */
export function deliveriesView(order: OrderRow, deliveries: DeliveryRow[], locale: Locale) {
  const price = rateFromMinor(order.unitPriceE4);
  const delivered = order.progress.delivered;
  return {
    delivered,
    deliverable: deliverable({ quantity: order.quantity, passed: order.progress.passed, delivered }),
    price: formatRate(price, locale),
    owed: formatAmount(lineAmount(delivered, price), locale),
    list: deliveries.map((d) => ({
      id: d.id,
      sequence: d.sequence,
      quantity: d.quantity,
      deliveredOn: d.deliveredOn,
      note: d.note,
      amount: formatAmount(lineAmount(d.quantity, rateFromMinor(d.unitPriceE4)), locale),
    })),
  };
}

export type DeliveriesView = ReturnType<typeof deliveriesView>;

/** A delivery note for its page: money as text, its number made of the order's short id and the sequence. */
export function deliveryNoteView(note: DeliveryNote, locale: Locale) {
  const price = rateFromMinor(note.unitPriceE4);
  return {
    number: deliveryNumber(note.orderId, note.sequence),
    sequence: note.sequence,
    workshopName: note.workshopName,
    partnerName: note.partnerName,
    productName: note.productName,
    unit: note.productUnit,
    quantity: note.quantity,
    price: formatRate(price, locale),
    amount: formatAmount(lineAmount(note.quantity, price), locale),
    deliveredOn: note.deliveredOn,
    orderId: note.orderId,
    orderQuantity: note.orderQuantity,
    orderedOn: chinaDate(note.orderCreatedAt),
    note: note.note,
    createdByName: note.createdByName,
  };
}
