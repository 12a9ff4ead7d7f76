// The district view's parts (app/routes/admin.district.tsx): the period picker (a GET form,
// works without JavaScript), the figures table per place, and the 12-month trend as charts
// (app/components/bar-chart.tsx: uPlot, loaded by this page alone) with the figures in tables.
import { Form, Link } from "@remix-run/react";
import type { MessageKey } from "../i18n/index.ts";
import { useT } from "../i18n/use-t.ts";
import type { DistrictView, FigureRow } from "../utils/district-view.server.ts";
import { BarChart } from "./bar-chart.tsx";

const EARNERS = "#1f7a46";
const NET = "#b4442c";
const AVERAGE = "#3b5b92";

type Choice = { value: string; label: string };

export function PeriodPicker({
  view,
  choices,
}: {
  view: DistrictView;
  choices: { months: Choice[]; quarters: Choice[]; years: Choice[] };
}) {
  const t = useT();
  const listed = [...choices.months, ...choices.quarters, ...choices.years].some((c) => c.value === view.period.key);
  return (
    <div className="district-period">
      <Form method="get" className="month-picker">
        {view.place ? <input type="hidden" name={view.place.kind} value={view.place.id} /> : null}
        <label htmlFor="district-period">{t("district.period")}</label>
        <select id="district-period" name="period" defaultValue={view.period.key}>
          {listed ? null : <option value={view.period.key}>{view.period.label}</option>}
          <optgroup label={t("district.months")}>
            {choices.months.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("district.quarters")}>
            {choices.quarters.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("district.years")}>
            {choices.years.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
        </select>
        <button type="submit" className="button secondary">
          {t("district.show")}
        </button>
      </Form>
      <p className="district-steps">
        {view.previous ? <Link to={view.previous}>← {t("district.previous")}</Link> : null}
        {view.next ? <Link to={view.next}>{t("district.next")} →</Link> : null}
      </p>
    </div>
  );
}

export function Crumbs({ crumbs }: { crumbs: DistrictView["crumbs"] }) {
  return (
    <nav aria-label="breadcrumb" className="district-crumbs">
      {crumbs.map((c, i) => (
        <span key={`${i}-${c.name}`}>
          {i > 0 ? " › " : ""}
          {c.href ? <Link to={c.href}>{c.name}</Link> : <strong aria-current="page">{c.name}</strong>}
        </span>
      ))}
    </nav>
  );
}

const ROW_HEADING = {
  town: "district.col.town",
  community: "district.col.community",
  workshop: "district.col.workshop",
  month: "district.col.month",
} as const;

function Cells({ row }: { row: FigureRow }) {
  const t = useT();
  const none = t("district.none");
  return (
    <>
      <td className="num">{row.earners}</td>
      <td className="num">{row.net}</td>
      <td className="num">{row.gross}</td>
      <td className="num">{row.average ?? none}</td>
      <td className="num">{row.median ?? none}</td>
      <td className="num">{row.pieces}</td>
      <td className="num">{row.passRate === null ? none : t("district.percent", { value: row.passRate })}</td>
      <td className="num">{row.partners}</td>
      <td className="num">{row.orders}</td>
      <td className="num">{row.loss}</td>
      <td className="num">{row.charges}</td>
      <td className="num">{row.payslips}</td>
    </>
  );
}

export function FiguresTable({ view }: { view: DistrictView }) {
  const t = useT();
  const columns = [
    "district.col.earners",
    "district.col.net",
    "district.col.gross",
    "district.col.average",
    "district.col.median",
    "district.col.pieces",
    "district.col.passRate",
    "district.col.partners",
    "district.col.orders",
    "district.col.loss",
    "district.col.charges",
    "district.col.payslips",
  ] as const;
  return (
    <div className="table-scroll">
      <table className="table district-table" data-figures="district">
        <thead>
          <tr>
            <th scope="col">{t(ROW_HEADING[view.rowKind])}</th>
            {columns.map((c) => (
              <th key={c} scope="col" className="num">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1} className="empty">
                {t("district.noRows")}
              </td>
            </tr>
          ) : null}
          {view.rows.map((r) => (
            <tr key={r.key || "unplaced"} data-key={r.key}>
              <th scope="row">{r.href ? <Link to={r.href}>{r.name}</Link> : r.name}</th>
              <Cells row={r} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-key="total">
            <th scope="row">{view.total.name}</th>
            <Cells row={view.total} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

type TrendMonth = DistrictView["trend"][number];
type TrendColumn = { heading: MessageKey; cell: (m: TrendMonth) => string | number };

function TrendTable({ trend, columns, name }: { trend: TrendMonth[]; columns: TrendColumn[]; name: string }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="table" data-figures={name}>
        <thead>
          <tr>
            <th scope="col">{t("district.col.month")}</th>
            {columns.map((c) => (
              <th key={c.heading} scope="col" className="num">
                {t(c.heading)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trend.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.monthLabel}</th>
              {columns.map((c) => (
                <td key={c.heading} className="num">
                  {c.cell(m)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Trend({ trend }: { trend: TrendMonth[] }) {
  const t = useT();
  const none = t("district.none");
  const labels = trend.map((m) => m.label);
  return (
    <>
      <h3>{t("district.trendEarners")}</h3>
      <BarChart
        title={t("district.trendEarners")}
        tableSummary={t("district.showTable")}
        labels={labels}
        series={[{ label: t("district.col.earners"), values: trend.map((m) => m.earners), color: EARNERS }]}
      >
        <TrendTable
          name="trend-earners"
          trend={trend}
          columns={[{ heading: "district.col.earners", cell: (m) => m.earners }]}
        />
      </BarChart>
      <h3>{t("district.trendNet")}</h3>
      <BarChart
        title={t("district.trendNet")}
        tableSummary={t("district.showTable")}
        labels={labels}
        series={[{ label: t("district.col.net"), values: trend.map((m) => m.netYuan), color: NET }]}
      >
        <TrendTable
          name="trend-net"
          trend={trend}
          columns={[
            { heading: "district.col.net", cell: (m) => m.net },
            { heading: "district.col.gross", cell: (m) => m.gross },
          ]}
        />
      </BarChart>
      <h3>{t("district.trendAverage")}</h3>
      <BarChart
        title={t("district.trendAverage")}
        tableSummary={t("district.showTable")}
        labels={labels}
        series={[{ label: t("district.col.average"), values: trend.map((m) => m.averageYuan), color: AVERAGE }]}
      >
        <TrendTable
          name="trend-median"
          trend={trend}
          columns={[{ heading: "district.col.average", cell: (m) => m.average ?? none }]}
        />
      </BarChart>
    </>
  );
}
