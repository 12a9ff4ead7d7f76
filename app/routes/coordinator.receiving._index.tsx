// 收货: the workshop's submitted piece logs waiting to be received, per order
// and, inside it, per worker's assignment, the newest first (ADR 019). Each
// row leads to that assignment's receiving page.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageNotice } from "../components/notice.tsx";
import { unitText } from "../i18n/units.ts";
import { formatDate, formatDateTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { listWaitingToReceive } from "../models/receiving.server.ts";
import styles from "../styles/receiving.css?url";
import { requireScope } from "../utils/auth.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const orders = await listWaitingToReceive(scope.workshopId);
  return {
    orders: orders.map((o) => ({
      orderId: o.orderId,
      productName: o.productName,
      unit: o.productUnit,
      partnerName: o.partnerName,
      dueOn: o.dueOn,
      logs: o.logs,
      pieces: o.pieces,
      assignments: o.assignments.map((a) => ({
        assignmentId: a.assignmentId,
        workerName: a.workerName,
        logs: a.logs,
        pieces: a.pieces,
        newestAt: a.newestAt.toISOString(),
      })),
    })),
  };
}

export default function ReceivingList() {
  const t = useT();
  const locale = useLocale();
  const { orders } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("receiving.title")}</h1>
      <p className="muted">{t("receiving.intro")}</p>
      <PageNotice />
      {orders.length === 0 ? <p className="empty card">{t("receiving.none")}</p> : null}
      {orders.map((o) => {
        const pieces = (n: number) => t("orders.quantityOf", { n, unit: unitText(t, o.unit, n) });
        const headingId = `order-${o.orderId}`;
        return (
          <section key={o.orderId} className="card receiving-order" aria-labelledby={headingId}>
            <h2 id={headingId}>{t("receiving.orderHeading", { product: o.productName, partner: o.partnerName })}</h2>
            <p className="muted">
              {t("receiving.orderLine", {
                date: formatDate(o.dueOn, locale),
                logs: o.logs,
                pieces: pieces(o.pieces),
              })}
            </p>
            <ul className="receiving-list">
              {o.assignments.map((a) => (
                <li key={a.assignmentId}>
                  <div>
                    <p className="receiving-worker">{a.workerName}</p>
                    <p>{t("receiving.workerLine", { logs: a.logs, pieces: pieces(a.pieces) })}</p>
                    <p className="muted small">{t("receiving.newest", { time: formatDateTime(a.newestAt, locale) })}</p>
                  </div>
                  <Link
                    to={`/coordinator/receiving/${a.assignmentId}`}
                    className="button primary"
                    aria-label={t("receiving.openFor", { name: a.workerName })}
                  >
                    {t("receiving.open")}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
