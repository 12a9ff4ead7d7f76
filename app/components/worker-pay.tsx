// Her pay 我的工资 on a cheap phone (ADR 022): her payslips, one payslip with a
// big net figure and every line, 我确认, the query form with her earlier
// queries and the answers, and what is behind a piece line (the checks and her
// piece logs). Plain forms (reloadDocument): the worker's pages ship no
// JavaScript (ADR 015).
import { Form, Link } from "@remix-run/react";
import { PAY_TEXT_MAX } from "../forms/pay.ts";
import { formatDate, formatDateTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import type { PayslipView } from "../utils/pay-view.server.ts";
import { errorText, FormAlert } from "./form-alert.tsx";
import { QueryThread } from "./payslip.tsx";

export type WorkerPayslipRow = { month: string; label: string; net: string; negative: boolean; acknowledged: boolean };

export function WorkerPayslipList({ slips }: { slips: WorkerPayslipRow[] }) {
  const t = useT();
  if (slips.length === 0) return <p className="card empty">{t("pay.worker.none")}</p>;
  return (
    <ul className="worker-slips">
      {slips.map((s) => (
        <li key={s.month}>
          <Link to={`/worker/pay/${s.month}`} className="worker-slip-link">
            <span className="worker-slip-month">{s.label}</span>
            <strong className={s.negative ? "negative" : undefined}>{s.net}</strong>
            <span className={`tag ${s.acknowledged ? "ok" : "warn"}`}>
              {s.acknowledged ? t("pay.worker.acknowledged") : t("pay.worker.toAcknowledge")}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function AcknowledgeCard({ slip, here }: { slip: PayslipView; here: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="ack-heading">
      <h2 id="ack-heading">{t("pay.worker.ackTitle")}</h2>
      {slip.acknowledgedAt ? (
        <p className="ack-done">{t("pay.acknowledgedAt", { at: formatDateTime(slip.acknowledgedAt, locale) })}</p>
      ) : (
        <>
          <p className="muted">{t("pay.worker.ackHint")}</p>
          <Form method="post" action={here} reloadDocument>
            <input type="hidden" name="intent" value="acknowledge" />
            <input type="hidden" name="payslipId" value={slip.id} />
            <button type="submit" className="button primary block">
              {t("pay.worker.acknowledge")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

export function QueryCard({
  slip,
  here,
  submissionKey,
  error,
  formError,
  typed,
}: {
  slip: PayslipView;
  here: string;
  submissionKey: string;
  error?: string;
  formError?: string;
  typed?: string;
}) {
  const t = useT();
  const text = errorText(t, error);
  return (
    <section className="card" aria-labelledby="query-heading">
      <h2 id="query-heading">{t("pay.worker.queryTitle")}</h2>
      <QueryThread slip={slip} />
      <Form method="post" action={here} reloadDocument className="query-form">
        <FormAlert message={formError} />
        <input type="hidden" name="intent" value="query" />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <input type="hidden" name="payslipId" value={slip.id} />
        <div className={`field${text ? " has-error" : ""}`}>
          <label htmlFor="query-text">{t("pay.worker.queryLabel")}</label>
          <textarea
            id="query-text"
            name="text"
            rows={3}
            maxLength={PAY_TEXT_MAX}
            required
            defaultValue={typed}
            aria-invalid={text ? true : undefined}
            aria-describedby={text ? "query-text-error" : "query-text-hint"}
          />
          <p className="hint" id="query-text-hint">
            {t("pay.worker.queryHint", { max: PAY_TEXT_MAX })}
          </p>
          {text ? (
            <p className="error" id="query-text-error" role="alert">
              {text}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button block">
          {t("pay.worker.querySubmit")}
        </button>
      </Form>
    </section>
  );
}

export type LotTraceView = {
  id: string;
  checkedOn: string | null;
  quantity: number;
  passed: number;
  rework: number;
  rejected: number;
  isRework: boolean;
  log: { loggedOn: string; quantity: number } | null;
};

/** The checks behind one piece line, each with the piece log it traces back to. */
export function LineTrace({ lots }: { lots: LotTraceView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="trace-list">
      {lots.map((lot) => (
        <li key={lot.id} className="card trace-item">
          <p className="trace-log">
            {lot.log
              ? t("pay.trace.logged", { date: formatDate(lot.log.loggedOn, locale), n: lot.log.quantity })
              : t("pay.trace.noLog")}
          </p>
          <p className="trace-check">
            {lot.checkedOn ? t("pay.trace.checked", { date: formatDate(lot.checkedOn, locale) }) : null}
            {lot.isRework ? <span className="tag">{t("pay.trace.rework")}</span> : null}
          </p>
          <dl className="trace-figures">
            <div>
              <dt>{t("quality.passed")}</dt>
              <dd>{lot.passed}</dd>
            </div>
            <div>
              <dt>{t("quality.rework")}</dt>
              <dd>{lot.rework}</dd>
            </div>
            <div>
              <dt>{t("quality.rejected")}</dt>
              <dd>{lot.rejected}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
