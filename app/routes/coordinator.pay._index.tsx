// 月结 (ADR 022): the workshop's months: the settled ones with their totals
// (workers, gross, tax, charges, net) and the ended months not settled yet,
// each leading to its preview; another month can be opened by its month; and
// the queries workers raised about their payslips, waiting for an answer.
import { redirect, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageNotice } from "../components/notice.tsx";
import { OpenMonths, SettledMonths } from "../components/pay.tsx";
import { formatDateTime } from "../i18n/format.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { listOpenQueries } from "../models/payslip.server.ts";
import { listPayPeriods, MONTH_PATTERN } from "../models/settlement.server.ts";
import { listWorkers } from "../models/user.server.ts";
import styles from "../styles/pay.css?url";
import { requireScope } from "../utils/auth.server.ts";
import { monthLabel, payMonthsView } from "../utils/pay-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const asked = new URL(request.url).searchParams.get("month");
  if (asked !== null && MONTH_PATTERN.test(asked)) throw redirect(`/coordinator/pay/${asked}`);
  const locale = toLocale(user.locale);
  const [periods, queries, workers] = await Promise.all([
    listPayPeriods(scope.workshopId),
    listOpenQueries(scope.workshopId),
    listWorkers(scope.workshopId),
  ]);
  const names = new Map(workers.map((w) => [w.id, w.name]));
  return {
    ...payMonthsView(periods, new Date(), locale),
    queries: queries.map((q) => ({
      id: q.id,
      name: names.get(q.workerId) ?? "",
      month: q.payslip.month,
      monthLabel: monthLabel(q.payslip.month, locale),
      workerId: q.workerId,
      text: q.text,
      createdAt: q.createdAt.toISOString(),
    })),
  };
}

export default function PayMonths() {
  const t = useT();
  const locale = useLocale();
  const { current, open, settled, queries } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("pay.title")}</h1>
      <p className="muted">{t("pay.intro")}</p>
      <PageNotice />
      {queries.length > 0 ? (
        <section className="card" aria-labelledby="queries-heading">
          <h2 id="queries-heading">{t("pay.openQueriesTitle", { n: queries.length })}</h2>
          <ul className="list pay-queries">
            {queries.map((q) => (
              <li key={q.id}>
                <div>
                  <p>
                    <strong>{q.name}</strong> · {q.monthLabel} · {formatDateTime(q.createdAt, locale)}
                  </p>
                  <p className="prewrap muted">{q.text}</p>
                </div>
                <Link to={`/coordinator/pay/${q.month}/${q.workerId}`} className="button small">
                  {t("pay.answer")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <OpenMonths open={open} />
      <p className="muted">
        <Link to={`/coordinator/pay/${current.month}`}>{t("pay.currentMonth", { month: current.label })}</Link>
      </p>
      <SettledMonths settled={settled} />
    </>
  );
}
