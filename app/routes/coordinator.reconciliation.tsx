// Material reconciliation 对账 across the workshop (ADR 018): per worker,
// assignment and material, what was handed out and returned against the
// expected use of the pieces received; losses beyond the product's allowance
// first and flagged. Each card leads to its assignment page, where the
// coordinator decides the deduction 扣款. ?over=1 shows only flagged losses.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageNotice } from "../components/notice.tsx";
import { ReconciliationCards } from "../components/stock.tsx";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { listReconciliation } from "../models/reconciliation.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { reconciliationView } from "../utils/stock-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const onlyOver = new URL(request.url).searchParams.get("over") === "1";
  const rows = reconciliationView(await listReconciliation(scope.workshopId), toLocale(user.locale));
  return {
    onlyOver,
    total: rows.length,
    rows: onlyOver ? rows.filter((r) => r.over) : rows,
  };
}

export default function ReconciliationPage() {
  const t = useT();
  const { rows, onlyOver, total } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("reconciliation.title")}</h1>
      <PageNotice />
      <p className="muted">{t("reconciliation.intro")}</p>
      {total > 0 ? (
        <nav className="filters" aria-label={t("reconciliation.filter")}>
          <Link to="/coordinator/reconciliation" className={onlyOver ? "chip" : "chip active"}>
            {t("reconciliation.all")}
          </Link>
          <Link to="/coordinator/reconciliation?over=1" className={onlyOver ? "chip active" : "chip"}>
            {t("reconciliation.onlyOver")}
          </Link>
        </nav>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">{total === 0 ? t("reconciliation.none") : t("reconciliation.noneOver")}</p>
      ) : (
        <ReconciliationCards rows={rows} showAssignment />
      )}
    </>
  );
}
