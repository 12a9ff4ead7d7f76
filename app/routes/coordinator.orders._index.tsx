import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrderCard, OrderStatusTag, ProgressBar, ProgressFacts } from "../components/orders.tsx";
import { unitText } from "../i18n/units.ts";
import { hasProgress, isOrderStatus, type OrderStatus } from "../domain/orders.ts";
import { formatDate } from "../i18n/format.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { listWorkshopOrders } from "../models/order.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { orderView, type OrderView } from "../utils/order-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

/** The order the groups are shown in: what needs a decision first, then work in hand. */
const GROUPS: readonly OrderStatus[] = ["pending", "accepted", "completed", "declined", "cancelled"];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const locale = toLocale(user.locale);
  const wanted = new URL(request.url).searchParams.get("status");
  const filter = wanted && isOrderStatus(wanted) ? wanted : null;
  const orders = (await listWorkshopOrders(scope.workshopId)).map((o) => orderView(o, locale));
  const counts = Object.fromEntries(GROUPS.map((s) => [s, orders.filter((o) => o.status === s).length])) as Record<
    OrderStatus,
    number
  >;
  const groups = GROUPS.filter((s) => filter === null || s === filter)
    .map((status) => ({ status, orders: orders.filter((o) => o.status === status) }))
    .filter((g) => g.orders.length > 0);
  return { filter, counts, total: orders.length, groups };
}

export default function CoordinatorOrders() {
  const t = useT();
  const { filter, counts, total, groups } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("orders.title")}</h1>
      <nav className="filters" aria-label={t("orders.filter")}>
        <Link
          to="/coordinator/orders"
          className={filter === null ? "chip active" : "chip"}
          aria-current={filter === null ? "page" : undefined}
        >
          {t("orders.all")} {total}
        </Link>
        {GROUPS.map((s) => (
          <Link
            key={s}
            to={`?status=${s}`}
            className={filter === s ? "chip active" : "chip"}
            aria-current={filter === s ? "page" : undefined}
          >
            {t(`order.status.${s}`)} {counts[s]}
          </Link>
        ))}
      </nav>
      {groups.length === 0 ? (
        <p className="empty">{total === 0 ? t("orders.none") : t("orders.noneWithStatus")}</p>
      ) : null}
      {groups.map((g) => (
        <section key={g.status} aria-labelledby={`group-${g.status}`}>
          <h2 id={`group-${g.status}`}>
            {t(`order.status.${g.status}`)} ({g.orders.length})
          </h2>
          <OrderTable orders={g.orders} />
        </section>
      ))}
    </>
  );
}

/** Cards on phones and tablets (status and progress first), a table from 1024px. */
function OrderTable({ orders }: { orders: OrderView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <ul className="order-cards">
        {orders.map((o) => (
          <OrderCard
            key={o.id}
            to={o.id}
            order={o}
            givingOutOnly
            facts={[
              [t("orders.partner"), o.partnerName],
              [t("orders.quantity"), t("orders.quantityOf", { n: o.quantity, unit: unitText(t, o.unit, o.quantity) })],
              [t("orders.dueOn"), formatDate(o.dueOn, locale)],
            ]}
          />
        ))}
      </ul>
      <OrderRows orders={orders} />
    </>
  );
}

function OrderRows({ orders }: { orders: OrderView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-scroll order-table">
      <table className="table">
        <thead>
          <tr>
            <th>{t("orders.partner")}</th>
            <th>{t("orders.product")}</th>
            <th className="num">{t("orders.quantity")}</th>
            <th>{t("orders.dueOn")}</th>
            <th>{t("orders.status")}</th>
            <th>{t("orders.progress")}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td>{o.partnerName}</td>
              <td>
                <Link to={o.id}>{o.productName}</Link>
              </td>
              <td className="num">
                {t("orders.quantityOf", { n: o.quantity, unit: unitText(t, o.unit, o.quantity) })}
              </td>
              <td>{formatDate(o.dueOn, locale)}</td>
              <td>
                <OrderStatusTag status={o.status} />
              </td>
              <td className="progress-cell">
                {hasProgress(o.status) ? (
                  <>
                    <ProgressBar progress={o.progress} />
                    <ProgressFacts progress={o.progress} compact givingOutOnly />
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
