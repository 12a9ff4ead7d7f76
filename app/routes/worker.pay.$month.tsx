// Her payslip of one month on her phone (ADR 022): the net in big figures,
// every line (a piece line opens what is behind it), bonuses, corrections with
// the month they correct, tax withheld, material deductions with reasons; 我确认
// (intent "acknowledge": a second tap changes nothing), and a query (intent
// "query", once-only key) with her earlier queries and the answers. Only her
// own payslip: another's month is not found. Plain forms (ADR 015).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ActionResult } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { PayslipLines } from "../components/payslip.tsx";
import { AcknowledgeCard, QueryCard } from "../components/worker-pay.tsx";
import { acknowledgeSchema, querySchema } from "../forms/pay.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { acknowledgePayslip, getPayslip, raiseQuery } from "../models/payslip.server.ts";
import { MONTH_PATTERN } from "../models/settlement.server.ts";
import { isSubmissionKey, newSubmissionKey } from "../models/submission.server.ts";
import styles from "../styles/pay.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { payslipView } from "../utils/pay-view.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

async function ownSlip(scope: { workshopId: string; userId: string }, month: string | undefined) {
  if (!MONTH_PATTERN.test(month ?? "")) notFound();
  const slip = await getPayslip({ workshopId: scope.workshopId, workerId: scope.userId }, month!, scope.userId);
  if (!slip) notFound();
  return slip;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const slip = await ownSlip(scope, params.month);
  return { slip: payslipView(slip, toLocale(user.locale)), queryKey: newSubmissionKey() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["worker"]);
  const slip = await ownSlip(scope, params.month);
  const here = `/worker/pay/${slip.month}`;
  const formData = await readFormData(request);
  const { values } = formValues(formData);
  const intent = formData.get("intent");
  if (intent === "acknowledge") {
    const form = validate(acknowledgeSchema, formData);
    if (!form.ok) return badRequest(form);
    if (form.data.payslipId !== slip.id) return formError("error.invalid", values);
    const outcome = await acknowledgePayslip(scope, slip.id, new Date());
    if (!outcome.ok) notFound();
    return redirectWithNotice(here, {
      key: outcome.already ? "pay.worker.acknowledgedAlready" : "pay.worker.acknowledgedNow",
    });
  }
  if (intent !== "query") return formError("error.unknownIntent", values);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", values);
  const form = validate(querySchema, formData);
  if (!form.ok) return badRequest(form);
  if (form.data.payslipId !== slip.id) return formError("error.invalid", values);
  const outcome = await raiseQuery(scope, slip.id, form.data.text, key);
  if (!outcome.ok) return refuse(outcome, { badText: { text: "error.required" } }, formData);
  return redirectWithNotice(here, { key: "pay.worker.queryRaised" });
}

export default function WorkerPayslip() {
  const t = useT();
  const { slip, queryKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const here = `/worker/pay/${slip.month}`;
  const failedQuery = actionData?.values?.intent === "query" ? actionData : undefined;
  return (
    <>
      <p>
        <Link to="/worker/pay">← {t("pay.worker.backList")}</Link>
      </p>
      <section className="card payslip" aria-labelledby="slip-heading">
        <h1 id="slip-heading">{t("pay.worker.slipTitle", { month: slip.monthLabel })}</h1>
        <p className="pay-net-big">
          <span>{t("pay.worker.netLabel")}</span>
          <strong className={slip.negative ? "negative" : undefined}>{slip.net}</strong>
        </p>
        <PageNotice />
        {actionData?.values?.intent === "acknowledge" ? <p className="alert error">{t("error.invalid")}</p> : null}
        <p className="hint">{t("pay.worker.lineHint")}</p>
        <PayslipLines slip={slip} lineHref={(id) => `${here}/lines/${id}`} />
      </section>
      <AcknowledgeCard slip={slip} here={here} />
      <QueryCard
        slip={slip}
        here={here}
        submissionKey={queryKey}
        error={failedQuery?.fieldErrors?.text}
        formError={failedQuery?.formError}
        typed={failedQuery?.values?.text}
      />
    </>
  );
}
