import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t.ts";
import { getPartnerHome } from "../models/workshop.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["partner"]);
  const home = await getPartnerHome(scope);
  if (!home) notFound();
  return home;
}

export default function PartnerHome() {
  const t = useT();
  const { firmName, workshopName } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{firmName}</h1>
      <p className="muted">
        {t("partner.workshop")}: {workshopName}
      </p>
      <section className="card">
        <h2>{t("partner.home.title")}</h2>
        <p className="empty">{t("partner.noOrders")}</p>
      </section>
    </>
  );
}
