// 收入证明: she chooses a period of settled months (GET ?from=&to=, the last 12
// ended months by default), sees what the statement would say, and issues it
// (POST, once-only key), then lands on the printable statement. Her issued
// statements are listed below. Plain HTML (ADR 015); ADR 027.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ActionResult } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { IssuedList, PeriodForm, StatementPreview } from "../components/statement.tsx";
import { addMonths, chinaMonth } from "../domain/dates.ts";
import { defaultPeriod, MAX_PERIOD_MONTHS } from "../domain/statement.ts";
import { statementPeriodSchema } from "../forms/statement.ts";
import { msg } from "../forms/fields.ts";
import { translate } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { issueStatement, listStatements, previewStatement } from "../models/statement.server.ts";
import { isSubmissionKey, newSubmissionKey } from "../models/submission.server.ts";
import styles from "../styles/statement.css?url";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { monthLabel } from "../utils/pay-view.server.ts";
import { figuresView, statementListView } from "../utils/statement-view.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const PERIOD_ANSWERS = {
  badMonth: { from: "statement.badMonth" },
  fromAfterTo: { from: "statement.fromAfterTo" },
  tooLong: { from: msg("statement.tooLong", { n: MAX_PERIOD_MONTHS }) },
  notEnded: { to: "statement.notEnded" },
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const locale = toLocale(user.locale);
  const now = new Date();
  const current = chinaMonth(now);
  const fallback = defaultPeriod(current);
  const query = new URL(request.url).searchParams;
  const period = { from: query.get("from") ?? fallback.from, to: query.get("to") ?? fallback.to };
  const last = addMonths(current, -1);
  const quick = [6, 12].map((n) => ({ n, href: `/worker/statements?from=${addMonths(last, -(n - 1))}&to=${last}` }));
  const [preview, issued] = await Promise.all([previewStatement(scope, period, now), listStatements(scope)]);
  return {
    period,
    quick,
    error: preview.ok ? undefined : Object.values(PERIOD_ANSWERS[preview.code])[0],
    preview: preview.ok
      ? {
          title: translate(locale, "statement.previewTitle", {
            from: monthLabel(period.from, locale),
            to: monthLabel(period.to, locale),
          }),
          figures: figuresView(preview.figures, locale),
        }
      : null,
    issued: statementListView(issued, locale),
    submissionKey: newSubmissionKey(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["worker"]);
  const formData = await readFormData(request);
  const form = validate(statementPeriodSchema, formData);
  if (!form.ok) return badRequest(form);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", form.data);
  const outcome = await issueStatement(scope, form.data, new Date(), key);
  if (!outcome.ok) {
    return refuse(outcome, { ...PERIOD_ANSWERS, nothingSettled: "statement.nothingSettled" }, formData);
  }
  return redirectWithNotice(`/worker/statements/${outcome.id}`, { key: "statement.issued" });
}

export default function WorkerStatements() {
  const t = useT();
  const { period, quick, error, preview, issued, submissionKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const failedText = failed ? (failed.formError ?? Object.values(failed.fieldErrors ?? {})[0]) : undefined;
  return (
    <>
      <p>
        <Link to="/worker/pay">← {t("statement.backToPay")}</Link>
      </p>
      <h1>{t("statement.title")}</h1>
      <p className="muted">{t("statement.intro")}</p>
      <PageNotice />
      <PeriodForm from={period.from} to={period.to} error={error} quick={quick} />
      {preview ? (
        <StatementPreview
          title={preview.title}
          figures={preview.figures}
          from={period.from}
          to={period.to}
          submissionKey={submissionKey}
          formError={failedText}
        />
      ) : null}
      <IssuedList rows={issued} />
    </>
  );
}
