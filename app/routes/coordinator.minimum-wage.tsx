// The minimum-wage view 最低工资核对 (app/domain/minimum-wage.ts): per worker of her workshop
// and month, the earnings of passed pieces, the standard time of passed and rework pieces, the
// hourly pay they make and whether it is under the workshop's hourly minimum wage. Any month,
// settled or not (the page says which). ?month=YYYY-MM; the previous month by default.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { MinimumWageTable } from "../components/minimum-wage.tsx";
import { addMonths, chinaMonth } from "../domain/dates.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { minimumWageMonth } from "../models/minimum-wage.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { minimumWageView } from "../utils/dashboard-view.server.ts";
import styles from "../styles/dashboard.css?url";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const asked = new URL(request.url).searchParams.get("month");
  const badMonth = asked !== null && asked !== "" && !MONTH.test(asked);
  const month = asked !== null && MONTH.test(asked) ? asked : addMonths(chinaMonth(new Date()), -1);
  const view = minimumWageView(await minimumWageMonth(scope.workshopId, month), toLocale(user.locale));
  return {
    ...view,
    badMonth,
    previous: addMonths(month, -1),
    next: addMonths(month, 1),
  };
}

export default function MinimumWagePage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("minimumWage.title")}</h1>
      <p className="muted">{t("minimumWage.intro")}</p>
      <Form method="get" className="month-picker">
        <label htmlFor="month">{t("minimumWage.month")}</label>{" "}
        <input id="month" name="month" type="month" defaultValue={data.month} required />{" "}
        <button type="submit">{t("minimumWage.show")}</button>
        {data.badMonth ? (
          <p className="error" role="alert">
            {t("minimumWage.badMonth")}
          </p>
        ) : null}
      </Form>
      <nav className="filters" aria-label={t("minimumWage.month")}>
        <Link className="chip" to={`?month=${data.previous}`}>
          ← {t("minimumWage.previous")}
        </Link>
        <Link className="chip" to={`?month=${data.next}`}>
          {t("minimumWage.next")} →
        </Link>
      </nav>
      <p className={data.settled ? "alert success" : "alert warn"} data-settled={data.settled ? "yes" : "no"}>
        {t(data.settled ? "minimumWage.settled" : "minimumWage.open", { month: data.month })}
      </p>
      {data.minimum === null ? (
        <p className="alert warn">
          {t("minimumWage.noMinimum")} <Link to="/coordinator/settings">{t("minimumWage.settingsLink")}</Link>
        </p>
      ) : (
        <p>
          {t("minimumWage.minimum", { amount: data.minimum })}
          {data.minimumSource ? t("minimumWage.minimumSource", { source: data.minimumSource }) : null}
        </p>
      )}
      {data.workers.length === 0 ? (
        <p className="empty">{t("minimumWage.none", { month: data.month })}</p>
      ) : (
        <>
          {data.minimum === null ? null : (
            <p className={data.below > 0 ? "alert error" : "alert success"}>
              {data.below > 0 ? t("minimumWage.belowCount", { n: data.below }) : t("minimumWage.noneBelow")}
            </p>
          )}
          <MinimumWageTable workers={data.workers} />
          <p className="muted">{t("minimumWage.timeNote")}</p>
        </>
      )}
    </>
  );
}
