import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrderCard, OrderStatusTag, ProgressBar, ProgressFacts } from "../components/orders.tsx";
import { unitText } from "../i18n/units.ts";
import { hasProgress } from "../domain/orders.ts";
import { formatDate } from "../i18n/format.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { listPartnerOrders } from "../models/order.server.ts";
import { getPartnerHome } from "../models/workshop.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { orderView } from "../utils/order-view.server.ts";

export const access = { roles: ["partner"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["partner"]);
  const home = await getPartnerHome(scope);
  if (!home) notFound();
  const locale = toLocale(user.locale);
  const orders = await listPartnerOrders(scope);
  return { ...home, orders: orders.map((o) => orderView(o, locale)) };
}

export default function PartnerHome() {
  const t = useT();
  const locale = useLocale();
  const { firmName, workshopName, orders } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{firmName}</h1>
      <p className="muted">
        {t("partner.workshop")}: {workshopName}
      </p>
      <section className="card">
        <div className="card-head">
          <h2>{t("partner.home.title")}</h2>
          <Link to="/partner/orders/new" className="button primary">
            {t("orders.new.link")}
          </Link>
        </div>
        {orders.length === 0 ? (
          <p className="empty">{t("partner.noOrders")}</p>
        ) : (
          <>
            <p className="muted">{t("partner.orderCount", { n: orders.length })}</p>
            {/* Phones and tablets get cards with the status and progress first; wide screens the table. */}
            <ul className="order-cards">
              {orders.map((o) => (
                <OrderCard
                  key={o.id}
                  to={`/partner/orders/${o.id}`}
                  order={o}
                  facts={[
                    [
                      t("orders.quantity"),
                      t("orders.quantityOf", { n: o.quantity, unit: unitText(t, o.unit, o.quantity) }),
                    ],
                    [t("orders.dueOn"), formatDate(o.dueOn, locale)],
                    [t("orders.unitPrice"), o.price],
                    [t("orders.value"), o.value],
                  ]}
                />
              ))}
            </ul>
            <div className="table-scroll order-table">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t("orders.product")}</th>
                    <th className="num">{t("orders.quantity")}</th>
                    <th>{t("orders.dueOn")}</th>
                    <th className="num">{t("orders.value")}</th>
                    <th>{t("orders.status")}</th>
                    <th>{t("orders.progress")}</th>
                  </tr>
                </thead>
                <tbody>
                  {orders.map((o) => (
                    <tr key={o.id}>
                      <td>
                        <Link to={`/partner/orders/${o.id}`}>{o.productName}</Link>
                      </td>
                      <td className="num">
                        {t("orders.quantityOf", { n: o.quantity, unit: unitText(t, o.unit, o.quantity) })}
                      </td>
                      <td>{formatDate(o.dueOn, locale)}</td>
                      <td className="num">
                        {o.value}
                        <span className="sub">{t("claim.rate", { rate: o.price, unit: unitText(t, o.unit) })}</span>
                      </td>
                      <td>
                        <OrderStatusTag status={o.status} />
                      </td>
                      <td className="progress-cell">
                        {hasProgress(o.status) ? (
                          <>
                            <ProgressBar progress={o.progress} />
                            <ProgressFacts progress={o.progress} compact />
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
          </>
        )}
      </section>
    </>
  );
}
