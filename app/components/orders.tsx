// Pieces shared by the order pages (partner, coordinator, worker): the status
// tag and the progress bar and figures.
import { isOrderStatus } from "../domain/orders.ts";
import { formatDate, formatDateTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { unitText } from "./units.ts";

export function OrderStatusTag({ status }: { status: string }) {
  const t = useT();
  return <span className={`tag status-${status}`}>{isOrderStatus(status) ? t(`order.status.${status}`) : status}</span>;
}

export type ProgressCounts = {
  quantity: number;
  assigned: number;
  open: number;
  handedIn: number;
  passed: number;
  delivered: number;
};

/** Whole percent of a part, for bar widths only (piece counts, never money). */
function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.floor((part * 100) / whole));
}

/** A bar of what has been given out (assigned, then open for claiming) out of the order's quantity. */
export function ProgressBar({ progress }: { progress: ProgressCounts }) {
  const t = useT();
  const assigned = percent(progress.assigned, progress.quantity);
  const open = Math.min(100 - assigned, percent(progress.open, progress.quantity));
  return (
    <div
      className="progress-bar"
      role="img"
      aria-label={t("orders.progressLabel", { assigned: progress.assigned, quantity: progress.quantity })}
    >
      <span className="progress-assigned" style={{ width: `${assigned}%` }} />
      <span className="progress-open" style={{ width: `${open}%` }} />
    </div>
  );
}

/** The order's progress as numbers: assigned, open, handed in, passed, delivered. */
export function ProgressFacts({ progress, compact = false }: { progress: ProgressCounts; compact?: boolean }) {
  const t = useT();
  const items: [string, number][] = [
    [t("orders.assigned"), progress.assigned],
    [t("orders.open"), progress.open],
    [t("orders.handedIn"), progress.handedIn],
    [t("orders.passed"), progress.passed],
    [t("orders.delivered"), progress.delivered],
  ];
  return (
    <dl className={compact ? "progress-facts compact" : "progress-facts"}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type OrderFactsProps = {
  order: {
    partnerName?: string;
    quantity: number;
    unit: string;
    dueOn: string;
    price: string;
    value: string;
    createdAt: string;
    notes: string;
    status: string;
    decisionReason: string;
  };
  /** The coordinator sees which firm ordered; the partner knows. */
  showPartner?: boolean;
};

/** What was ordered, by when, at what agreed price, and what was said about it. */
export function OrderFacts({ order, showPartner = false }: OrderFactsProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="facts">
      {showPartner ? (
        <>
          <dt>{t("orders.partner")}</dt>
          <dd>{order.partnerName}</dd>
        </>
      ) : null}
      <dt>{t("orders.quantity")}</dt>
      <dd>{t("orders.quantityOf", { n: order.quantity, unit: unitText(t, order.unit, order.quantity) })}</dd>
      <dt>{t("orders.dueOn")}</dt>
      <dd>{formatDate(order.dueOn, locale)}</dd>
      <dt>{t("orders.unitPrice")}</dt>
      <dd>{order.price}</dd>
      <dt>{t("orders.value")}</dt>
      <dd>{order.value}</dd>
      <dt>{t("orders.orderedAt")}</dt>
      <dd>{formatDateTime(order.createdAt, locale)}</dd>
      {order.notes ? (
        <>
          <dt>{t("orders.notes")}</dt>
          <dd className="prewrap">{order.notes}</dd>
        </>
      ) : null}
      {order.decisionReason ? (
        <>
          <dt>{order.status === "declined" ? t("orders.declineReason") : t("orders.workshopNote")}</dt>
          <dd className="prewrap">{order.decisionReason}</dd>
        </>
      ) : null}
    </dl>
  );
}
