// "Her month" on the worker's home page (issue 8): a card with big figures
// (logged, received, passed) and the material she holds, and, below her
// tasks, this month's logs with their status, each leading to its task's log
// page. Plain HTML and CSS: the worker's pages ship no JavaScript (ADR 015).
import { Link } from "@remix-run/react";
import type { MessageKey } from "../i18n/index.ts";
import { useT } from "../i18n/use-t.ts";
import type { MonthLogView, WorkerMonthView } from "../utils/worker-month-view.server.ts";
import { unitText } from "../i18n/units.ts";

const STATUS_KEYS = {
  submitted: "workerMonth.status.submitted",
  received: "workerMonth.status.received",
  cancelled: "workerMonth.status.cancelled",
} as const satisfies Record<MonthLogView["status"], MessageKey>;

export function WorkerMonthCard({ month }: { month: WorkerMonthView }) {
  const t = useT();
  const { quality } = month;
  return (
    <section className="card month-card" aria-labelledby="month-heading">
      <h2 id="month-heading">{t("workerMonth.title", { month: month.month })}</h2>
      <dl className="month-figures">
        <div className="month-figure">
          <dt>{t("workerMonth.logged")}</dt>
          <dd>{month.logged}</dd>
        </div>
        <div className="month-figure">
          <dt>{t("workerMonth.received")}</dt>
          <dd>{month.received}</dd>
        </div>
        <div className={`month-figure${quality.checked ? "" : " unchecked"}`}>
          <dt>{t("workerMonth.passed")}</dt>
          <dd>{quality.passed}</dd>
        </div>
      </dl>
      <p className="month-quality">
        {quality.checked ? null : <span className="tag muted">{t("workerMonth.notChecked")}</span>}{" "}
        {t("workerMonth.reworkRejected", { rework: quality.rework, rejected: quality.rejected })}
      </p>
      {quality.reworkAtHome > 0 ? (
        <p className="month-quality rework-at-home">{t("workerMonth.reworkAtHome", { n: quality.reworkAtHome })}</p>
      ) : null}

      {month.deductions.length > 0 ? (
        <>
          <h3 className="month-subtitle">{t("workerMonth.deductionsTitle")}</h3>
          <ul className="month-deductions">
            {month.deductions.map((d) => (
              <li key={d.id}>
                <span>{t("workerMonth.deduction", { month: d.month, material: d.materialName })}</span>
                <strong>{d.amount}</strong>
                {d.reason ? (
                  <p className="muted small">{t("workerMonth.deductionReason", { reason: d.reason })}</p>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="hint">{t("workerMonth.deductionsHint")}</p>
        </>
      ) : null}

      <h3 className="month-subtitle">{t("workerMonth.materialsTitle")}</h3>
      {month.materials.length === 0 ? (
        <p className="muted">{t("workerMonth.noMaterials")}</p>
      ) : (
        <ul className="month-materials">
          {month.materials.map((m) => (
            <li key={m.id}>
              <span>{m.name}</span>
              <strong>
                {m.quantity} {unitText(t, m.unit)}
              </strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** This month's logs, newest first, each leading to its task's log page. */
export function WorkerMonthLogs({ month }: { month: WorkerMonthView }) {
  const t = useT();
  return (
    <section aria-labelledby="month-logs-heading">
      <h2 id="month-logs-heading" className="section-title">
        {t("workerMonth.logsTitle")}
      </h2>
      {month.logs.length === 0 ? (
        <p className="card empty">{t("workerMonth.noLogs")}</p>
      ) : (
        <ul className="month-logs">
          {month.logs.map((log) => (
            <MonthLogItem key={log.id} log={log} />
          ))}
        </ul>
      )}
      {month.logCount > month.logs.length ? (
        <p className="hint">{t("workerMonth.moreLogs", { total: month.logCount, shown: month.logs.length })}</p>
      ) : null}
    </section>
  );
}

function MonthLogItem({ log }: { log: MonthLogView }) {
  const t = useT();
  const differs = log.receivedQuantity !== null && log.receivedQuantity !== log.quantity;
  return (
    <li>
      <Link to={`/worker/tasks/${encodeURIComponent(log.assignmentId)}`} className={`month-log status-${log.status}`}>
        <span className="month-log-head">
          <span className="month-log-day">{log.day}</span>
          <span className={`tag log-status-${log.status}`}>{t(STATUS_KEYS[log.status])}</span>
        </span>
        <span className="month-log-product">
          {log.productName}
          {log.stepName ? ` · ${log.stepName}` : ""}
        </span>
        <span className="month-log-count">
          {t("workerMonth.logQuantity", { n: log.quantity, unit: unitText(t, log.unit, log.quantity) })}
          {log.receivedQuantity !== null ? (
            <>
              {" · "}
              <strong className={differs ? "differs" : undefined}>
                {t("workerMonth.logReceived", {
                  n: log.receivedQuantity,
                  unit: unitText(t, log.unit, log.receivedQuantity),
                })}
              </strong>
            </>
          ) : null}
        </span>
        {differs && log.differenceReason ? (
          <span className="month-log-note">{t("workerMonth.logDifference", { reason: log.differenceReason })}</span>
        ) : null}
        {log.check ? <MonthLogCheckLine check={log.check} unit={log.unit} /> : null}
        {log.status === "cancelled" && log.cancelReason ? (
          <span className="month-log-note">{t("workerMonth.logCancelReason", { reason: log.cancelReason })}</span>
        ) : null}
      </Link>
    </li>
  );
}

/** What the quality check made of a log's pieces, with its reasons (ADR 021). */
function MonthLogCheckLine({ check, unit }: { check: NonNullable<MonthLogView["check"]>; unit: string }) {
  const t = useT();
  const reason = (label: string) => (label === "" ? t("quality.reasonOther") : label);
  return (
    <>
      <span className="month-log-check">
        {t("workerMonth.checkPassed", { n: check.passed, unit: unitText(t, unit, check.passed) })}
        {check.rework > 0 ? ` · ${t("workerMonth.checkRework", { n: check.rework })}` : ""}
        {check.rejected > 0 ? ` · ${t("workerMonth.checkRejected", { n: check.rejected })}` : ""}
      </span>
      {check.rework > 0 ? (
        <span className="month-log-note">{t("workerMonth.reworkReason", { reason: reason(check.reworkReason) })}</span>
      ) : null}
      {check.rejected > 0 ? (
        <span className="month-log-note">
          {t("workerMonth.rejectedReason", { reason: reason(check.rejectedReason) })}
        </span>
      ) : null}
      {check.note ? <span className="month-log-note">{t("workerMonth.checkNote", { note: check.note })}</span> : null}
    </>
  );
}
