// One assignment's label (ADR 019), for reprinting a lost one: the same label
// as on the order's sheet, alone on the page.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LabelSheet, PrintButton } from "../components/labels.tsx";
import { useT } from "../i18n/use-t.ts";
import { getAssignmentLabel } from "../models/labels.server.ts";
import styles from "../styles/labels.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { labelView, siteOriginOf } from "../utils/label-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const label = await getAssignmentLabel(scope.workshopId, params.assignmentId ?? "");
  if (!label) notFound();
  return { orderId: label.orderId, label: await labelView(label, siteOriginOf(request)) };
}

export default function AssignmentLabel() {
  const t = useT();
  const { orderId, label } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <p className="link-row">
          <Link to={`/coordinator/receiving/${label.assignmentId}`}>← {t("receiving.title")}</Link>
          <Link to={`/coordinator/orders/${orderId}/labels`}>{t("labels.allOfOrder")}</Link>
        </p>
        <h1>
          {t("labels.single")} · {label.workerName}
        </h1>
        <p>
          <PrintButton />
        </p>
      </div>
      <LabelSheet labels={[label]} />
    </>
  );
}
