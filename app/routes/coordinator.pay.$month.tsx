// One month of pay (月结, ADR 022). An open month shows the preview (each
// worker's pay lines, bonuses, corrections, tax, charges and net; the totals;
// a warning that blocks settling while passed pieces have no rate), the
// month's bonuses and corrections with a form to add one (intent "adjust",
// once-only key), and a settle step behind a confirmation (?settle=confirm):
// the form carries the net total she saw (expectedNetFen), so a change since is
// refused with the new figures, and a once-only key (intent "settle"). A
// settled month shows its payslips, totals, the print page and the exports.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import type { ActionResult } from "../components/forms.tsx";
import { FormAlert } from "../components/form-alert.tsx";
import { PageNotice } from "../components/notice.tsx";
import {
  AdjustmentForm,
  AdjustmentsList,
  MonthOutputs,
  PayslipsTable,
  PreviewTable,
  SettleConfirm,
} from "../components/pay.tsx";
import { msg } from "../forms/fields.ts";
import { adjustmentSchema, settleSchema } from "../forms/pay.ts";
import { chinaMonth } from "../domain/dates.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { settleMonthOnce } from "../models/pay-desk.server.ts";
import { addAdjustment, listAdjustments, listMonthPayslips } from "../models/payslip.server.ts";
import { listPayPeriods, MONTH_PATTERN } from "../models/settlement.server.ts";
import { isSubmissionKey } from "../models/submission.server.ts";
import { getWorker, listWorkers } from "../models/user.server.ts";
import styles from "../styles/pay.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { money, monthLabel, monthPayslipsView, previewView } from "../utils/pay-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

function monthOf(params: { month?: string }): string {
  const month = params.month ?? "";
  if (!MONTH_PATTERN.test(month)) notFound();
  return month;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const month = monthOf(params);
  const locale = toLocale(user.locale);
  const label = monthLabel(month, locale);
  const periods = await listPayPeriods(scope.workshopId);
  const period = periods.find((p) => p.month === month);
  if (period) {
    const slips = monthPayslipsView(await listMonthPayslips(scope.workshopId, month), locale);
    return { month, label, state: "settled" as const, slips, preview: null, confirming: false };
  }
  const ended = month < chinaMonth(new Date());
  const [workers, adjustments] = await Promise.all([
    listWorkers(scope.workshopId),
    listAdjustments(scope.workshopId, month),
  ]);
  const preview = await previewView(scope.workshopId, month, workers, adjustments, locale);
  const confirming = ended && new URL(request.url).searchParams.get("settle") === "confirm";
  return { month, label, state: ended ? ("open" as const) : ("notEnded" as const), slips: null, preview, confirming };
}

// A refused form (the figures changed, the month was settled meanwhile) must show the page as it is now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" || defaultShouldRevalidate;

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const month = monthOf(params);
  const here = `/coordinator/pay/${month}`;
  const formData = await readFormData(request);
  const { values } = formValues(formData);
  const intent = formData.get("intent");
  if (intent !== "adjust" && intent !== "settle") return formError("error.unknownIntent", values);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", values);

  if (intent === "adjust") {
    // A month not yet begun (9999-12 typed into the address) is never settled: its bonus would be lost (review walk 9).
    if (month > chinaMonth(new Date())) return formError("pay.adjustFuture", values);
    const form = validate(adjustmentSchema, formData);
    if (!form.ok) return badRequest(form);
    const input = form.data;
    const outcome = await addAdjustment(
      scope,
      {
        workerId: input.workerId,
        month,
        kind: input.kind,
        amountFen: input.amount,
        reason: input.reason,
        correctsMonth: input.kind === "correction" ? input.correctsMonth : "",
      },
      key,
    );
    if (!outcome.ok) {
      return refuse(
        outcome,
        {
          notFound: { workerId: "pay.workerNotFound" },
          badMonth: "pay.badMonth",
          monthSettled: "pay.adjustSettled",
          reasonRequired: { reason: "error.required" },
          bonusNotPositive: { amount: "pay.bonusNotPositive" },
          correctionZero: { amount: "error.zero" },
          correctsUnsettled: { correctsMonth: "pay.correctsUnsettled" },
        },
        formData,
      );
    }
    const worker = await getWorker(scope.workshopId, input.workerId);
    // Formatted as on the page (¥1,275.00, -¥5.00), not the bare "1275.00" / "¥-5.00" (review walk 9).
    return redirectWithNotice(here, {
      key: input.kind === "bonus" ? "pay.bonusAdded" : "pay.correctionAdded",
      params: { name: worker?.name ?? "", amount: money(input.amount, toLocale(user.locale)) },
    });
  }

  const form = validate(settleSchema, formData);
  if (!form.ok) return badRequest(form);
  const outcome = await settleMonthOnce(scope, month, new Date(), form.data.expectedNetFen, key);
  if (!outcome.ok) {
    if (outcome.code === "changed") {
      const locale = toLocale(user.locale);
      return data(
        {
          ok: false as const,
          fieldErrors: {},
          formError: msg("pay.changed", {
            workers: outcome.totals.workerCount,
            net: money(outcome.totals.netFen, locale),
          }),
          values,
        },
        { status: 400 },
      );
    }
    return refuse(
      outcome,
      {
        badMonth: "pay.badMonth",
        notEnded: "pay.notEnded",
        settled: "pay.alreadySettled",
        unpriced: "pay.unpricedBlocks",
        nothingToSettle: "pay.nothingToSettle",
      },
      formData,
    );
  }
  if (outcome.replayed) return redirectWithNotice(here, { key: "pay.settledAgain" });
  return redirectWithNotice(here, {
    key: "pay.settled",
    params: { n: outcome.totals.workerCount, net: money(outcome.totals.netFen, toLocale(user.locale)) },
  });
}

export default function PayMonth() {
  const t = useT();
  const { month, label, state, slips, preview, confirming } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const { key } = useLocation();
  const here = `/coordinator/pay/${month}`;
  const intent = actionData?.values?.intent;
  return (
    <>
      <p>
        <Link to="/coordinator/pay">← {t("pay.back")}</Link>
      </p>
      <h1>
        {t("pay.monthTitle", { month: label })}{" "}
        <span className={`tag ${state === "settled" ? "ok" : "muted"}`}>{t(`pay.state.${state}`)}</span>
      </h1>
      <PageNotice />
      {slips ? (
        <>
          {intent === "settle" ? <FormAlert message={actionData?.formError} /> : null}
          <p className="muted">{t("pay.settledIntro")}</p>
          <PayslipsTable month={month} slips={slips} />
          <MonthOutputs month={month} />
        </>
      ) : preview ? (
        <>
          <p className="muted">{state === "open" ? t("pay.previewIntro") : t("pay.notEndedIntro")}</p>
          {intent === "settle" && !confirming ? <FormAlert message={actionData?.formError} /> : null}
          {preview.unpricedPieces > 0 ? (
            <p className="alert warn" role="alert">
              {t("pay.unpricedWarning", { n: preview.unpricedPieces })}
            </p>
          ) : null}
          {confirming && preview.unpricedPieces === 0 && preview.totals.workers > 0 ? (
            <SettleConfirm
              here={here}
              monthLabel={label}
              preview={preview}
              error={intent === "settle" ? actionData?.formError : undefined}
            />
          ) : null}
          <PreviewTable preview={preview} />
          {state === "open" && !confirming ? (
            preview.unpricedPieces > 0 || preview.totals.workers === 0 ? (
              <p className="muted">{t("pay.cannotSettle")}</p>
            ) : (
              <p>
                <Link to={`${here}?settle=confirm#settle-confirm`} className="button primary">
                  {t("pay.settle", { month: label })}
                </Link>
              </p>
            )
          ) : null}
          <section className="card" aria-labelledby="adjustments-heading">
            <h2 id="adjustments-heading">{t("pay.adjustmentsTitle")}</h2>
            <AdjustmentsList adjustments={preview.adjustments} />
            <AdjustmentForm
              key={key}
              workers={preview.workers}
              submissionKey={preview.adjustKey}
              result={intent === "adjust" ? actionData : undefined}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
