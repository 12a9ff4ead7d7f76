// Pieces shared by the order pages (partner, coordinator, worker): the status
// tag, the progress bar and figures, and the order card of the phone lists.
import { Link } from "@remix-run/react";
import { givingOutState, hasProgress, isOrderStatus } from "../domain/orders.ts";
import { formatDate, formatDateTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { unitText } from "../i18n/units.ts";

export function OrderStatusTag({ status }: { status: string }) {
  const t = useT();
  return <span className={`tag status-${status}`}>{isOrderStatus(status) ? t(`order.status.${status}`) : status}</span>;
}

export type ProgressCounts = {
  quantity: number;
  allocated: number;
  assigned: number;
  claimed: number;
  open: number;
  handedIn: number;
  passed: number;
  delivered: number;
};

/** Pieces neither assigned, claimed nor open for claiming (未安排). */
function notGivenOut(progress: ProgressCounts): number {
  return progress.quantity - progress.allocated;
}

/** Whole percent of a part, for bar widths only (piece counts, never money). */
function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.floor((part * 100) / whole));
}

/** A bar of the order's quantity: assigned, claimed, open for claiming; the empty rest is not given out. */
export function ProgressBar({ progress }: { progress: ProgressCounts }) {
  const t = useT();
  const assigned = percent(progress.assigned, progress.quantity);
  const claimed = Math.min(100 - assigned, percent(progress.claimed, progress.quantity));
  const open = Math.min(100 - assigned - claimed, percent(progress.open, progress.quantity));
  return (
    <div
      className="progress-bar"
      role="img"
      aria-label={t("orders.progressLabel", {
        quantity: progress.quantity,
        assigned: progress.assigned,
        claimed: progress.claimed,
        open: progress.open,
        notGivenOut: notGivenOut(progress),
      })}
    >
      <span className="progress-assigned" style={{ width: `${assigned}%` }} />
      <span className="progress-claimed" style={{ width: `${claimed}%` }} />
      <span className="progress-open" style={{ width: `${open}%` }} />
    </div>
  );
}

/**
 * The order's progress as numbers: assigned, claimed, open for claiming and not
 * given out (they add up to the quantity), then handed in, passed, delivered.
 */
export function ProgressFacts({
  progress,
  compact = false,
  givingOutOnly = false,
}: {
  progress: ProgressCounts;
  compact?: boolean;
  /** Only the four figures of giving the work out (the coordinator's list). */
  givingOutOnly?: boolean;
}) {
  const t = useT();
  const items: [string, string, number][] = [
    ["assigned", t("orders.assigned"), progress.assigned],
    ["claimed", t("orders.claimed"), progress.claimed],
    ["open", t("orders.open"), progress.open],
    ["not-given-out", t("orders.remaining"), notGivenOut(progress)],
    ["handed-in", t("orders.handedIn"), progress.handedIn],
    ["passed", t("orders.passed"), progress.passed],
    ["delivered", t("orders.delivered"), progress.delivered],
  ];
  return (
    <dl className={compact ? "progress-facts compact" : "progress-facts"}>
      {(givingOutOnly ? items.slice(0, 4) : items).map(([key, label, value]) => (
        <div key={key} className={`fact-${key}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One true sentence about giving the order out (for accepted orders). */
export function GivingOutLine({ progress, unit }: { progress: ProgressCounts; unit: string }) {
  const t = useT();
  const state = givingOutState({
    assigned: progress.assigned,
    claimed: progress.claimed,
    open: progress.open,
    notGivenOut: notGivenOut(progress),
  });
  const units = (n: number) => unitText(t, unit, n);
  const left = notGivenOut(progress);
  return (
    <p className="remaining">
      {state === "partly"
        ? t("orders.remainingLine", { n: left, unit: units(left) })
        : state === "waitingInPool"
          ? t("orders.waitingInPool", { n: progress.open, unit: units(progress.open) })
          : t("orders.allWithWorkers", { n: progress.quantity, unit: units(progress.quantity) })}
    </p>
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
  // [label, value, wide]: on a phone the short facts sit two to a row, label above value; long texts take a row.
  const facts: [string, string, boolean][] = [];
  if (showPartner) facts.push([t("orders.partner"), order.partnerName ?? "", true]);
  facts.push(
    [
      t("orders.quantity"),
      t("orders.quantityOf", { n: order.quantity, unit: unitText(t, order.unit, order.quantity) }),
      false,
    ],
    [t("orders.dueOn"), formatDate(order.dueOn, locale), false],
    [t("orders.unitPrice"), order.price, false],
    [t("orders.value"), order.value, false],
    [t("orders.orderedAt"), formatDateTime(order.createdAt, locale), true],
  );
  if (order.notes) facts.push([t("orders.notes"), order.notes, true]);
  if (order.decisionReason) {
    const label = order.status === "declined" ? t("orders.declineReason") : t("orders.workshopNote");
    facts.push([label, order.decisionReason, true]);
  }
  return (
    <dl className="facts order-facts">
      {facts.map(([label, value, wide]) => (
        <div key={label} className={wide ? "wide" : undefined}>
          <dt>{label}</dt>
          <dd className={wide ? "prewrap" : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What an order is, in four facts, for a confirmation step (cancel, decline). */
export function OrderSummary({
  order,
}: {
  order: { productName: string; partnerName?: string; quantity: number; unit: string; dueOn: string; value: string };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="facts order-facts">
      {order.partnerName ? (
        <div className="wide">
          <dt>{t("orders.partner")}</dt>
          <dd>{order.partnerName}</dd>
        </div>
      ) : null}
      <div className="wide">
        <dt>{t("orders.product")}</dt>
        <dd>{order.productName}</dd>
      </div>
      <div>
        <dt>{t("orders.quantity")}</dt>
        <dd>{t("orders.quantityOf", { n: order.quantity, unit: unitText(t, order.unit, order.quantity) })}</dd>
      </div>
      <div>
        <dt>{t("orders.value")}</dt>
        <dd>{order.value}</dd>
      </div>
      <div>
        <dt>{t("orders.dueOn")}</dt>
        <dd>{formatDate(order.dueOn, locale)}</dd>
      </div>
    </dl>
  );
}

/**
 * One order in a list on a phone or tablet (a table from 1024px): the product
 * and its status first, then the progress (accepted orders), then the facts.
 */
export function OrderCard({
  to,
  order,
  facts,
  givingOutOnly = false,
}: {
  to: string;
  order: { productName: string; status: string; progress: ProgressCounts };
  /** [label, value] pairs, two to a row. */
  facts: [string, string][];
  givingOutOnly?: boolean;
}) {
  return (
    <li className="order-card">
      <p className="order-card-head">
        <Link to={to}>{order.productName}</Link> <OrderStatusTag status={order.status} />
      </p>
      {hasProgress(order.status) ? (
        <div className="order-card-progress">
          <ProgressBar progress={order.progress} />
          <ProgressFacts progress={order.progress} compact givingOutOnly={givingOutOnly} />
        </div>
      ) : null}
      <dl className="order-card-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
