import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrderStatusTag } from "../components/orders.tsx";
import { unitText } from "../i18n/units.ts";
import { formatDate } from "../i18n/format.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { getOrderDesk } from "../models/order.server.ts";
import { countLogsToReceive } from "../models/receiving.server.ts";
import { getWorkshopSummary } from "../models/workshop.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { orderView, type OrderView } from "../utils/order-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const [workshop, desk, logsToReceive] = await Promise.all([
    getWorkshopSummary(scope.workshopId),
    getOrderDesk(scope.workshopId),
    countLogsToReceive(scope.workshopId),
  ]);
  if (!workshop) notFound();
  const locale = toLocale(user.locale);
  // What waits for her first: orders to accept or decline, then accepted orders with pieces not given out.
  return {
    workshop,
    pending: desk.pending.map((o) => orderView(o, locale)),
    toGiveOut: desk.toGiveOut.map((o) => orderView(o, locale)),
    logsToReceive,
  };
}

export default function CoordinatorHome() {
  const t = useT();
  const { workshop, pending, toGiveOut, logsToReceive } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{workshop.name}</h1>
      <p className="muted">
        {workshop.district} · {t("coordinator.home.title")}
      </p>
      <p>
        <Link to="/coordinator/dashboard">{t("dashboard.homeLink")}</Link>
      </p>
      <section className="card" aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t("coordinator.home.pendingTitle", { n: pending.length })}</h2>
        {pending.length === 0 ? (
          <p className="empty">{t("coordinator.home.pendingNone")}</p>
        ) : (
          <OrderList orders={pending} />
        )}
      </section>
      <section className="card" aria-labelledby="receiving-heading">
        <h2 id="receiving-heading">{t("coordinator.home.receivingTitle", { n: logsToReceive })}</h2>
        {logsToReceive === 0 ? <p className="empty">{t("coordinator.home.receivingNone")}</p> : null}
        <p>
          <Link to="/coordinator/receiving">{t("coordinator.home.receivingLink")}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="give-out-heading">
        <h2 id="give-out-heading">{t("coordinator.home.toGiveOutTitle", { n: toGiveOut.length })}</h2>
        {toGiveOut.length === 0 ? (
          <p className="empty">{t("coordinator.home.toGiveOutNone")}</p>
        ) : (
          <OrderList orders={toGiveOut} showNotGivenOut />
        )}
        <p>
          <Link to="/coordinator/orders">{t("coordinator.home.allOrders")}</Link>
        </p>
      </section>
      <div className="stats">
        <Link to="/coordinator/workers" className="stat">
          <span className="stat-value">{workshop.workers}</span>
          <span className="stat-label">{t("coordinator.stat.workers")}</span>
        </Link>
        <Link to="/coordinator/partners" className="stat">
          <span className="stat-value">{workshop.partners}</span>
          <span className="stat-label">{t("coordinator.stat.partners")}</span>
        </Link>
        <Link to="/coordinator/products" className="stat">
          <span className="stat-value">{workshop.products}</span>
          <span className="stat-label">{t("coordinator.stat.products")}</span>
        </Link>
      </div>
    </>
  );
}

function OrderList({ orders, showNotGivenOut = false }: { orders: OrderView[]; showNotGivenOut?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="order-list">
      {orders.map((o) => (
        <li key={o.id}>
          <p className="order-list-head">
            <Link to={`/coordinator/orders/${o.id}`}>{o.productName}</Link> <OrderStatusTag status={o.status} />
          </p>
          <p className="muted">
            {t("coordinator.home.orderLine", {
              partner: o.partnerName,
              quantity: t("orders.quantityOf", { n: o.quantity, unit: unitText(t, o.unit, o.quantity) }),
              date: formatDate(o.dueOn, locale),
            })}
          </p>
          {showNotGivenOut ? (
            <p className="order-list-figure">
              {t("coordinator.home.notGivenOut", { n: o.remaining, unit: unitText(t, o.unit, o.remaining) })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
