// The dashboard's three figures (app/routes/coordinator.dashboard.tsx): each a chart
// (app/components/bar-chart.tsx) with the same numbers in a table.
import { useT } from "../i18n/use-t.ts";
import type { DayRow, PassRateRow, PayBandRow } from "../utils/dashboard-view.server.ts";
import { BarChart } from "./bar-chart.tsx";

const LOGGED = "#8e9aaf";
const PASSED = "#1f7a46";
const PAY = "#b4442c";

export function DailyOutput({ days, n }: { days: DayRow[]; n: number }) {
  const t = useT();
  const logged = days.reduce((s, d) => s + d.logged, 0);
  const passed = days.reduce((s, d) => s + d.passed, 0);
  if (logged === 0 && passed === 0) return <p className="empty">{t("dashboard.noOutput", { n })}</p>;
  return (
    <BarChart
      title={t("dashboard.outputTitle", { n })}
      tableSummary={t("dashboard.showTable")}
      labels={days.map((d) => d.label)}
      series={[
        { label: t("dashboard.logged"), values: days.map((d) => d.logged), color: LOGGED },
        { label: t("dashboard.passed"), values: days.map((d) => d.passed), color: PASSED },
      ]}
    >
      <div className="table-scroll">
        <table className="table" data-figures="output">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.day")}</th>
              <th scope="col" className="num">
                {t("dashboard.logged")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.passed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td className="num">{d.logged}</td>
                <td className="num">{d.passed}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("dashboard.total")}</th>
              <td className="num">{logged}</td>
              <td className="num">{passed}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </BarChart>
  );
}

export function PassRates({ rows, n }: { rows: PassRateRow[]; n: number }) {
  const t = useT();
  if (rows.length === 0) return <p className="empty">{t("dashboard.noChecks", { n })}</p>;
  return (
    <BarChart
      title={t("dashboard.passRateTitle", { n })}
      tableSummary={t("dashboard.showTable")}
      labels={rows.map((r) => r.name)}
      series={[{ label: t("dashboard.passRate"), values: rows.map((r) => r.permille), color: PASSED }]}
      yKind="permille"
    >
      <div className="table-scroll">
        <table className="table" data-figures="pass-rate">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.product")}</th>
              <th scope="col" className="num">
                {t("dashboard.checked")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.passed")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.passRate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.productId}>
                <th scope="row">{r.name}</th>
                <td className="num">{r.checked}</td>
                <td className="num">{r.passed}</td>
                <td className="num">{t("dashboard.percent", { value: r.percent })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </BarChart>
  );
}

export function PayBands({ bands, title }: { bands: PayBandRow[]; title: string }) {
  const t = useT();
  return (
    <BarChart
      title={title}
      tableSummary={t("dashboard.showTable")}
      labels={bands.map((b) => b.label)}
      series={[{ label: t("dashboard.workers"), values: bands.map((b) => b.workers), color: PAY }]}
    >
      <div className="table-scroll">
        <table className="table" data-figures="pay">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.band")}</th>
              <th scope="col" className="num">
                {t("dashboard.workers")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.bandTotal")}
              </th>
            </tr>
          </thead>
          <tbody>
            {bands.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td className="num">{b.workers}</td>
                <td className="num">{b.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </BarChart>
  );
}
