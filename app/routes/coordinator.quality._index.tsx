// 质检: the workshop's lots waiting for the quality check (oldest first, rework
// pieces taken back among them), and the rework pieces still with the workers,
// each with "handed back" (intent takeBack, a once-only key, ADR 010), which
// puts them back in the queue (ADR 021).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ActionResult } from "../components/forms.tsx";
import { FormAlert } from "../components/form-alert.tsx";
import { PageNotice } from "../components/notice.tsx";
import { takeBackSchema } from "../forms/quality.ts";
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { unitText } from "../i18n/units.ts";
import { getLotForCheck, getQualityDesk, takeBackRework } from "../models/quality.server.ts";
import { isSubmissionKey } from "../models/submission.server.ts";
import styles from "../styles/quality.css?url";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { qualityListView } from "../utils/quality-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const desk = await getQualityDesk(scope.workshopId);
  return { awaiting: qualityListView(desk.awaiting, false), atWorkers: qualityListView(desk.atWorkers, true) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const formData = await readFormData(request);
  const { values } = formValues(formData);
  if (formData.get("intent") !== "takeBack") return formError("error.unknownIntent", values);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", values);
  const form = validate(takeBackSchema, formData);
  if (!form.ok) return badRequest(form);
  const outcome = await takeBackRework(scope, form.data.lotId, new Date(), key);
  if (!outcome.ok) return refuse(outcome, { notAtWorker: "quality.notAtWorker" }, formData);
  const lot = await getLotForCheck(scope.workshopId, form.data.lotId);
  return redirectWithNotice("/coordinator/quality", {
    key: "quality.takenBack",
    params: { n: lot?.quantity ?? 0, unit: lot?.productUnit ?? "piece" },
  });
}

export default function QualityList() {
  const t = useT();
  const locale = useLocale();
  const { awaiting, atWorkers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const pieces = (n: number, unit: string) => t("orders.quantityOf", { n, unit: unitText(t, unit, n) });
  return (
    <>
      <h1>{t("quality.title")}</h1>
      <p className="muted">{t("quality.intro")}</p>
      <p>
        <Link to="/coordinator/quality/reasons">{t("quality.reasonsLink")}</Link>
      </p>
      <PageNotice />
      <FormAlert message={actionData?.formError} />
      <section className="card" aria-labelledby="awaiting-heading">
        <h2 id="awaiting-heading">{t("quality.awaitingTitle", { n: awaiting.length })}</h2>
        {awaiting.length === 0 ? (
          <p className="empty">{t("quality.awaitingNone")}</p>
        ) : (
          <ul className="quality-list">
            {awaiting.map((lot) => (
              <li key={lot.id}>
                <div>
                  <p className="quality-who">
                    {lot.workerName} · {pieces(lot.quantity, lot.unit)}{" "}
                    {lot.isRework ? <span className="tag lot-rework">{t("quality.reworkTag")}</span> : null}
                  </p>
                  <p className="muted small">
                    {t("quality.lotLine", { product: lot.productName, partner: lot.partnerName })} ·{" "}
                    {t("quality.receivedOn", { date: formatDate(lot.receivedOn, locale) })}
                  </p>
                </div>
                <Link
                  to={`/coordinator/quality/${lot.id}`}
                  className="button small"
                  aria-label={t("quality.openFor", { name: lot.workerName, quantity: pieces(lot.quantity, lot.unit) })}
                >
                  {t("quality.open")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="rework-heading">
        <h2 id="rework-heading">{t("quality.atWorkersTitle", { n: atWorkers.length })}</h2>
        {atWorkers.length === 0 ? (
          <p className="empty">{t("quality.atWorkersNone")}</p>
        ) : (
          <ul className="quality-list">
            {atWorkers.map((lot) => (
              <li key={lot.id}>
                <div>
                  <p className="quality-who">
                    {lot.workerName} · {pieces(lot.quantity, lot.unit)}
                  </p>
                  <p className="muted small">
                    {t("quality.lotLine", { product: lot.productName, partner: lot.partnerName })} ·{" "}
                    {t("quality.sentBackOn", { date: formatDate(lot.receivedOn, locale) })}
                  </p>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="takeBack" />
                  <input type="hidden" name="submissionKey" value={lot.takeBackKey ?? ""} />
                  <input type="hidden" name="lotId" value={lot.id} />
                  <button type="submit" className="button small">
                    {t("quality.takeBack")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
