import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { listWorkshopAudit } from "../models/audit.server.ts";
import { requireScope } from "../utils/auth.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  return { events: await listWorkshopAudit(scope.workshopId) };
}

export default function AuditPage() {
  const t = useT();
  const locale = useLocale();
  const { events } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      {events.length === 0 ? (
        <p className="empty">{t("audit.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table audit">
            <thead>
              <tr>
                <th>{t("audit.when")}</th>
                <th>{t("audit.who")}</th>
                <th>{t("audit.what")}</th>
                <th>{t("audit.before")}</th>
                <th>{t("audit.after")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.createdAt, locale)}</td>
                  <td>{e.actorName ?? t("audit.system")}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    <code className="json">{e.before ?? "—"}</code>
                  </td>
                  <td>
                    <code className="json">{e.after ?? "—"}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
