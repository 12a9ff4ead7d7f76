import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t.ts";
import { getWorkshopSummary } from "../models/workshop.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const workshop = await getWorkshopSummary(scope.workshopId);
  if (!workshop) notFound();
  return { workshop };
}

export default function CoordinatorHome() {
  const t = useT();
  const { workshop } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{workshop.name}</h1>
      <p className="muted">
        {workshop.district} · {t("coordinator.home.title")}
      </p>
      <div className="stats">
        <Link to="/coordinator/workers" className="stat">
          <span className="stat-value">{workshop.workers}</span>
          <span className="stat-label">{t("coordinator.stat.workers")}</span>
        </Link>
        <div className="stat">
          <span className="stat-value">{workshop.partners}</span>
          <span className="stat-label">{t("coordinator.stat.partners")}</span>
        </div>
        <div className="stat">
          <span className="stat-value">{workshop.products}</span>
          <span className="stat-label">{t("coordinator.stat.products")}</span>
        </div>
      </div>
    </>
  );
}
