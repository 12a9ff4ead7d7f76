// The minimum-wage view's table (app/routes/coordinator.minimum-wage.tsx): one row per
// worker, her products in a disclosure under it. Everything arrives formatted.
import { useT } from "../i18n/use-t.ts";
import type { MinimumWageWorkerView } from "../utils/dashboard-view.server.ts";

const STATUS_CLASS = {
  below: "tag warn",
  atOrAbove: "tag ok",
  noMinimum: "tag muted",
  noTimeTest: "tag muted",
} as const;

export function MinimumWageTable({ workers }: { workers: MinimumWageWorkerView[] }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="table minimum-wage">
        <thead>
          <tr>
            <th scope="col">{t("minimumWage.worker")}</th>
            <th scope="col" className="num">
              {t("minimumWage.hourly")}
            </th>
            <th scope="col">{t("minimumWage.status")}</th>
            <th scope="col" className="num">
              {t("minimumWage.earnings")}
            </th>
            <th scope="col" className="num">
              {t("minimumWage.time")}
            </th>
            <th scope="col" className="num">
              {t("minimumWage.pieces")}
            </th>
          </tr>
        </thead>
        <tbody>
          {workers.map((w) => (
            <WorkerRows key={w.workerId} worker={w} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WorkerRows({ worker: w }: { worker: MinimumWageWorkerView }) {
  const t = useT();
  return (
    <>
      <tr data-worker={w.workerId} className={w.status === "below" ? "below" : undefined}>
        <th scope="row">{w.name}</th>
        <td className="num">{w.hourly === null ? "—" : t("minimumWage.perHour", { amount: w.hourly })}</td>
        <td>
          <span className={STATUS_CLASS[w.status]}>{t(`minimumWage.status.${w.status}`)}</span>
          {w.untimed > 0 ? <span className="sub">{t("minimumWage.untimed", { n: w.untimed })}</span> : null}
          {w.unpriced > 0 ? <span className="sub">{t("minimumWage.unpriced", { n: w.unpriced })}</span> : null}
        </td>
        <td className="num">
          {w.earnings}
          {w.timedEarnings ? (
            <span className="sub">{t("minimumWage.timedEarnings", { amount: w.timedEarnings })}</span>
          ) : null}
        </td>
        <td className="num">{w.hours === null ? "—" : t("minimumWage.hours", { hours: w.hours })}</td>
        <td className="num">
          {w.passed} / {w.rework}
        </td>
      </tr>
      <tr className="minimum-wage-products">
        <td colSpan={6}>
          <details>
            <summary>{t("minimumWage.details")}</summary>
            <ul>
              {w.products.map((p) => (
                <li key={p.key} data-product={p.key}>
                  <strong>{p.name}</strong>{" "}
                  {t("minimumWage.productLine", { passed: p.passed, rework: p.rework, earnings: p.earnings })} ·{" "}
                  {p.step
                    ? t("minimumWage.stepNoTimeTest")
                    : p.perPiece === null
                      ? t("minimumWage.noTimeTest")
                      : t("minimumWage.productTime", { perPiece: p.perPiece, minutes: p.time ?? "0" })}
                  {p.unpriced > 0 ? ` · ${t("minimumWage.unpriced", { n: p.unpriced })}` : ""}
                </li>
              ))}
            </ul>
          </details>
        </td>
      </tr>
    </>
  );
}
