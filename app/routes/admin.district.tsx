// The district view 区级汇总 (ADR 024): for a month, a quarter or a year, the settled figures per
// town/street, with drill-down to community, workshop and a workshop's months; the last 12 months
// as charts (uPlot, loaded by this page alone; tables without JavaScript); an XLSX of the same
// figures. Admins only; counts and totals only, never a worker's name or payslip lines.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import uplotStyles from "uplot/dist/uPlot.min.css?url";
import styles from "../styles/dashboard.css?url";
import districtStyles from "../styles/district.css?url";
import { Crumbs, FiguresTable, PeriodPicker, Trend } from "../components/district.tsx";
import { useT } from "../i18n/use-t.ts";
import { districtPage } from "../utils/district-view.server.ts";

export const access = { roles: ["admin"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: uplotStyles },
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: districtStyles },
];

export function loader({ request }: LoaderFunctionArgs) {
  return districtPage(request, new Date());
}

export default function DistrictPage() {
  const t = useT();
  const { view, choices, trendFrom, trendTo } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("district.title")}</h1>
      <p className="alert" data-settled-only>
        {t("district.settledOnly")}
      </p>
      <Crumbs crumbs={view.crumbs} />
      <PeriodPicker view={view} choices={choices} />
      <section className="card" aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("district.heading", { place: view.placeName, period: view.period.label })}</h2>
        <p className="muted">{t("district.settledPeriods", { n: view.total.periods })}</p>
        <FiguresTable view={view} />
        <p>
          <a href={view.xlsx} download className="button secondary">
            {t("district.download")}
          </a>
        </p>
        <p className="muted">{t("district.definitions")}</p>
        <p className="muted">{t("district.lossNote")}</p>
        <p className="muted">{t("district.noNames")}</p>
      </section>
      <section className="card" aria-labelledby="trend-heading">
        <h2 id="trend-heading">{t("district.trendTitle", { from: trendFrom, to: trendTo })}</h2>
        <Trend trend={view.trend} />
      </section>
      <p>
        <Link to="/admin/places">{t("district.placesLink")}</Link>
      </p>
    </>
  );
}
