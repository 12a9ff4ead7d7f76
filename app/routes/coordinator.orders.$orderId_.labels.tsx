// The label sheet of one order (ADR 019): a label per assignment (not
// cancelled), eight to an A4 page when printed, each with a QR code of
// /l/<assignmentId> on this site. The `_` after $orderId keeps this page out of
// the order page's layout (that page has no outlet); the URL is still
// /coordinator/orders/<orderId>/labels.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LabelSheet, PrintButton } from "../components/labels.tsx";
import { useT } from "../i18n/use-t.ts";
import { getOrderLabels } from "../models/labels.server.ts";
import styles from "../styles/labels.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { labelViews, siteOriginOf } from "../utils/label-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const found = await getOrderLabels(scope.workshopId, params.orderId ?? "");
  if (!found) notFound();
  return {
    order: { id: found.order.id, productName: found.order.productName, partnerName: found.order.partnerName },
    labels: await labelViews(found.labels, siteOriginOf(request)),
  };
}

export default function OrderLabels() {
  const t = useT();
  const { order, labels } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/coordinator/orders/${order.id}`}>← {t("labels.back")}</Link>
        </p>
        <h1>
          {t("labels.title")} · {order.productName}
        </h1>
        <p className="muted">{order.partnerName}</p>
        <p className="muted">{t("labels.intro")}</p>
        {labels.length > 0 ? (
          <p>
            <PrintButton />
          </p>
        ) : (
          <p className="empty card">{t("labels.none")}</p>
        )}
      </div>
      <LabelSheet labels={labels} />
    </>
  );
}
