// One payslip of a settled month of the workshop (ADR 022), every line, with
// the worker's acknowledgement and her queries; each open query has a form
// for the answer (intent "answer"; an answer is kept once, never overwritten).
// Another workshop's payslip, or a month with none for her, is not found.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ActionResult } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { AnswerForm } from "../components/pay.tsx";
import { PayslipLines } from "../components/payslip.tsx";
import { answerSchema } from "../forms/pay.ts";
import { formatDateTime } from "../i18n/format.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { answerQuery, getPayslip } from "../models/payslip.server.ts";
import { MONTH_PATTERN } from "../models/settlement.server.ts";
import { getWorker } from "../models/user.server.ts";
import styles from "../styles/pay.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { payslipView } from "../utils/pay-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

async function slipOf(workshopId: string, params: { month?: string; workerId?: string }) {
  const month = params.month ?? "";
  if (!MONTH_PATTERN.test(month)) notFound();
  const slip = await getPayslip({ workshopId }, month, params.workerId ?? "");
  if (!slip) notFound();
  return slip;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const slip = await slipOf(scope.workshopId, params);
  const worker = await getWorker(scope.workshopId, slip.workerId);
  return { name: worker?.name ?? "", slip: payslipView(slip, toLocale(user.locale)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const slip = await slipOf(scope.workshopId, params);
  const formData = await readFormData(request);
  const { values } = formValues(formData);
  if (formData.get("intent") !== "answer") return formError("error.unknownIntent", values);
  const form = validate(answerSchema, formData);
  if (!form.ok) return badRequest(form);
  // Only a query of this payslip is answered from its page.
  if (!slip.queries.some((q) => q.id === form.data.queryId)) notFound();
  const outcome = await answerQuery(scope, form.data.queryId, form.data.answer, new Date());
  if (!outcome.ok) {
    return refuse(outcome, { badText: { answer: "error.required" }, alreadyAnswered: "pay.alreadyAnswered" }, formData);
  }
  return redirectWithNotice(`/coordinator/pay/${slip.month}/${slip.workerId}`, { key: "pay.answered" });
}

export default function CoordinatorPayslip() {
  const t = useT();
  const locale = useLocale();
  const { name, slip } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <p>
        <Link to={`/coordinator/pay/${slip.month}`}>← {t("pay.backToMonth", { month: slip.monthLabel })}</Link>
      </p>
      <h1>{t("pay.slipTitle", { name, month: slip.monthLabel })}</h1>
      <PageNotice />
      <section className="card payslip">
        <p className="pay-net-big">
          <span>{t("pay.net")}</span> <strong className={slip.negative ? "negative" : undefined}>{slip.net}</strong>
        </p>
        <p className="muted">
          {slip.acknowledgedAt
            ? t("pay.acknowledgedAt", { at: formatDateTime(slip.acknowledgedAt, locale) })
            : t("pay.notAcknowledged")}
        </p>
        <PayslipLines slip={slip} />
      </section>
      <section className="card" aria-labelledby="queries-heading">
        <h2 id="queries-heading">{t("pay.queriesTitle")}</h2>
        {slip.queries.length === 0 ? <p className="muted">{t("pay.noQueries")}</p> : null}
        <ol className="query-list">
          {slip.queries.map((q) => (
            <li key={q.id} className="query-item">
              <p className="query-meta">{t("pay.askedAt", { at: formatDateTime(q.createdAt, locale) })}</p>
              <p className="prewrap">{q.text}</p>
              {q.answer !== null && q.answeredAt ? (
                <div className="query-answer">
                  <p className="query-meta">{t("pay.answeredAt", { at: formatDateTime(q.answeredAt, locale) })}</p>
                  <p className="prewrap">{q.answer}</p>
                </div>
              ) : (
                <AnswerForm queryId={q.id} result={actionData} />
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
