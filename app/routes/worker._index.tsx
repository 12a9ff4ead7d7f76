import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t.ts";
import { getWorkshopSummary } from "../models/workshop.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const workshop = await getWorkshopSummary(scope.workshopId);
  if (!workshop) notFound();
  return { name: user.name, workshopName: workshop.name };
}

export default function WorkerHome() {
  const t = useT();
  const { name, workshopName } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("worker.greeting", { name })}</h1>
        <p className="muted">{workshopName}</p>
      </section>
      <section className="card">
        <h2>{t("worker.earnings")}</h2>
        <p className="muted">{t("worker.earningsPending")}</p>
      </section>
      <section className="card">
        <h2>{t("worker.tasks")}</h2>
        <p className="empty">{t("worker.noTasks")}</p>
      </section>
    </>
  );
}
