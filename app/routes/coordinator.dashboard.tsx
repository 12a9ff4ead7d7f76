// The coordinator's dashboard 工作台: daily output over the last 30 days, the pass rate of
// first checks by product, and the pay distribution of the last settled month. Charts come
// from uPlot, loaded by this page alone (app/components/bar-chart.tsx); each has its figures
// in a table, readable without JavaScript.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import uplotStyles from "uplot/dist/uPlot.min.css?url";
import styles from "../styles/dashboard.css?url";
import { DailyOutput, PassRates, PayBands } from "../components/dashboard.tsx";
import { addDays, chinaDate } from "../domain/dates.ts";
import { translator } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { dailyPieces, firstChecksByProduct, lastSettledNets } from "../models/dashboard.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { DASHBOARD_DAYS, outputView, passRateView, payView } from "../utils/dashboard-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: uplotStyles },
  { rel: "stylesheet", href: styles },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const locale = toLocale(user.locale);
  const today = chinaDate(new Date());
  const from = addDays(today, 1 - DASHBOARD_DAYS);
  const [pieces, checks, settled] = await Promise.all([
    dailyPieces(scope.workshopId, from, today),
    firstChecksByProduct(scope.workshopId, from, today),
    lastSettledNets(scope.workshopId),
  ]);
  return {
    n: DASHBOARD_DAYS,
    days: outputView(today, pieces),
    passRates: passRateView(checks),
    pay: payView(settled, translator(locale), locale),
  };
}

export default function DashboardPage() {
  const t = useT();
  const { n, days, passRates, pay } = useLoaderData<typeof loader>();
  const payTitle = pay ? t("dashboard.payTitle", { month: pay.month }) : t("dashboard.payTitleNone");
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p>
        <Link to="/coordinator/minimum-wage">{t("dashboard.minimumWageLink")}</Link>
      </p>
      <section className="card" aria-labelledby="output-heading">
        <h2 id="output-heading">{t("dashboard.outputTitle", { n })}</h2>
        <p className="muted">{t("dashboard.outputIntro")}</p>
        <DailyOutput days={days} n={n} />
      </section>
      <section className="card" aria-labelledby="pass-heading">
        <h2 id="pass-heading">{t("dashboard.passRateTitle", { n })}</h2>
        <p className="muted">{t("dashboard.passRateIntro")}</p>
        <PassRates rows={passRates} n={n} />
      </section>
      <section className="card" aria-labelledby="pay-heading">
        <h2 id="pay-heading">{payTitle}</h2>
        {pay === null ? (
          <p className="empty">{t("dashboard.noSettled")}</p>
        ) : (
          <>
            <p className="muted">{t("dashboard.payIntro", { n: pay.payslips, total: pay.total })}</p>
            <PayBands bands={pay.bands} title={payTitle} />
          </>
        )}
      </section>
    </>
  );
}
