// The coordinator's pay pages (monthly settlement 月结, ADR 022): the months
// list, an open month's preview with its adjustments, the bonus/correction
// form, the settle confirmation, a settled month's payslips with the print and
// export links, and the answer form for a worker's query.
import { Form, Link } from "@remix-run/react";
import { adjustmentSchema, type AdjustmentForm as AdjustmentFormValues, PAY_TEXT_MAX } from "../forms/pay.ts";
import { useT } from "../i18n/use-t.ts";
import type { monthPayslipsView, payMonthsView, previewView } from "../utils/pay-view.server.ts";
import { ConfirmStep } from "./confirm.tsx";
import { errorText, FormAlert } from "./form-alert.tsx";
import { Field, SelectField, SubmitButton, TextAreaField, useValidatedForm, type ActionResult } from "./forms.tsx";

type Months = ReturnType<typeof payMonthsView>;
type Preview = Awaited<ReturnType<typeof previewView>>;
type MonthSlips = ReturnType<typeof monthPayslipsView>;

const monthPath = (month: string) => `/coordinator/pay/${month}`;

export function OpenMonths({ open }: { open: Months["open"] }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="open-heading">
      <h2 id="open-heading">{t("pay.openTitle")}</h2>
      {open.length === 0 ? (
        <p className="empty">{t("pay.openNone")}</p>
      ) : (
        <ul className="list pay-open">
          {open.map((m) => (
            <li key={m.month}>
              <span>{m.label}</span>
              <Link
                to={monthPath(m.month)}
                className="button small"
                aria-label={t("pay.previewOf", { month: m.label })}
              >
                {t("pay.preview")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Form method="get" className="pay-goto">
        <label htmlFor="goto-month">{t("pay.otherMonth")}</label>
        <input id="goto-month" type="month" name="month" required />
        <button type="submit" className="button small">
          {t("pay.open")}
        </button>
      </Form>
    </section>
  );
}

export function SettledMonths({ settled }: { settled: Months["settled"] }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="settled-heading">
      <h2 id="settled-heading">{t("pay.settledTitle")}</h2>
      {settled.length === 0 ? (
        <p className="empty">{t("pay.settledNone")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table pay-table">
            <thead>
              <tr>
                <th scope="col">{t("pay.month")}</th>
                <th scope="col" className="num">
                  {t("pay.workers")}
                </th>
                <th scope="col" className="num">
                  {t("pay.gross")}
                </th>
                <th scope="col" className="num">
                  {t("pay.tax")}
                </th>
                <th scope="col" className="num">
                  {t("pay.charges")}
                </th>
                <th scope="col" className="num">
                  {t("pay.net")}
                </th>
              </tr>
            </thead>
            <tbody>
              {settled.map((p) => (
                <tr key={p.month}>
                  <th scope="row">
                    <Link to={monthPath(p.month)}>{p.label}</Link>
                  </th>
                  <td className="num">{p.workers}</td>
                  <td className="num">{p.gross}</td>
                  <td className="num">{p.tax}</td>
                  <td className="num">{p.charges}</td>
                  <td className="num">{p.net}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TotalsRow({ label, totals }: { label: string; totals: Preview["totals"] }) {
  return (
    <tr className="pay-totals">
      <th scope="row">{label}</th>
      <td className="num">{totals.gross}</td>
      <td className="num">{totals.tax}</td>
      <td className="num">{totals.charges}</td>
      <td className="num">{totals.net}</td>
    </tr>
  );
}

export function PreviewTable({ preview }: { preview: Preview }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("pay.previewTitle", { n: preview.totals.workers })}</h2>
      {preview.rows.length === 0 ? (
        <p className="empty">{t("pay.previewNone")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table pay-table">
            <thead>
              <tr>
                <th scope="col">{t("pay.worker")}</th>
                <th scope="col" className="num">
                  {t("pay.pieceTotal")}
                </th>
                <th scope="col" className="num">
                  {t("pay.bonuses")}
                </th>
                <th scope="col" className="num">
                  {t("pay.corrections")}
                </th>
                <th scope="col" className="num">
                  {t("pay.tax")}
                </th>
                <th scope="col" className="num">
                  {t("pay.charges")}
                </th>
                <th scope="col" className="num">
                  {t("pay.net")}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.workerId}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{r.pieces}</td>
                  <td className="num">{r.bonuses}</td>
                  <td className="num">{r.corrections}</td>
                  <td className="num">{r.tax}</td>
                  <td className="num">{r.charges}</td>
                  <td className={r.negative ? "num negative" : "num"}>{r.net}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="pay-totals">
                <th scope="row" colSpan={4}>
                  {t("pay.totalsOf", { n: preview.totals.workers })}
                  <span className="slip-detail">{t("pay.grossIs", { gross: preview.totals.gross })}</span>
                </th>
                <td className="num">{preview.totals.tax}</td>
                <td className="num">{preview.totals.charges}</td>
                <td className="num">{preview.totals.net}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

export function AdjustmentsList({ adjustments }: { adjustments: Preview["adjustments"] }) {
  const t = useT();
  if (adjustments.length === 0) return <p className="muted">{t("pay.adjustmentsNone")}</p>;
  return (
    <ul className="list pay-adjustments">
      {adjustments.map((a) => (
        <li key={a.id}>
          <span>
            <strong>{a.name}</strong> ·{" "}
            {a.kind === "bonus" ? t("pay.bonus") : t("pay.correctionOf", { month: a.corrects })} · {a.reason}
          </span>
          <strong className="num">{a.amount}</strong>
        </li>
      ))}
    </ul>
  );
}

export function AdjustmentForm({
  workers,
  submissionKey,
  result,
}: {
  workers: Preview["workers"];
  submissionKey: string;
  result?: ActionResult;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<AdjustmentFormValues>(adjustmentSchema, result);
  const values = result?.values ?? {};
  return (
    <Form method="post" onSubmit={onSubmit} className="pay-adjust" aria-labelledby="adjust-heading">
      <h3 id="adjust-heading">{t("pay.adjustTitle")}</h3>
      <FormAlert message={result?.formError} />
      <input type="hidden" name="intent" value="adjust" />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <div className="form-columns">
        <SelectField
          label={t("pay.worker")}
          placeholder={t("pay.chooseWorkerOption")}
          options={workers.map((w) => ({ value: w.id, label: w.name }))}
          error={errorFor("workerId")}
          defaultValue={values.workerId ?? ""}
          registration={form.register("workerId")}
        />
        <SelectField
          label={t("pay.kind")}
          options={[
            { value: "bonus", label: t("pay.bonus") },
            { value: "correction", label: t("pay.correction") },
          ]}
          error={errorFor("kind")}
          defaultValue={values.kind ?? "bonus"}
          registration={form.register("kind")}
        />
        <Field
          label={t("pay.amountYuan")}
          hint={t("pay.amountHint")}
          inputMode="decimal"
          autoComplete="off"
          error={errorFor("amount")}
          defaultValue={values.amount}
          registration={form.register("amount")}
        />
        <Field
          label={t("pay.correctsMonth")}
          hint={t("pay.correctsMonthHint")}
          type="month"
          error={errorFor("correctsMonth")}
          defaultValue={values.correctsMonth}
          registration={form.register("correctsMonth")}
        />
      </div>
      <Field
        label={t("pay.reason")}
        maxLength={200}
        error={errorFor("reason")}
        defaultValue={values.reason}
        registration={form.register("reason")}
      />
      <SubmitButton pending={t("form.saving")}>{t("pay.adjustSubmit")}</SubmitButton>
    </Form>
  );
}

/** The settle step: what will be locked and the net total; the form carries that total and a once-only key. */
export function SettleConfirm({
  here,
  monthLabel,
  preview,
  error,
}: {
  here: string;
  monthLabel: string;
  preview: Preview;
  error?: string;
}) {
  const t = useT();
  return (
    <ConfirmStep
      id="settle-confirm"
      title={t("pay.confirmTitle", { month: monthLabel })}
      warning={t("pay.confirmWarning", { month: monthLabel })}
      backTo={here}
      backLabel={t("pay.confirmBack")}
    >
      <dl className="facts">
        <div>
          <dt>{t("pay.workers")}</dt>
          <dd className="big">{preview.totals.workers}</dd>
        </div>
        <div>
          <dt>{t("pay.gross")}</dt>
          <dd>{preview.totals.gross}</dd>
        </div>
        <div>
          <dt>{t("pay.tax")}</dt>
          <dd>{preview.totals.tax}</dd>
        </div>
        <div>
          <dt>{t("pay.charges")}</dt>
          <dd>{preview.totals.charges}</dd>
        </div>
        <div>
          <dt>{t("pay.netTotal")}</dt>
          <dd className="big">{preview.totals.net}</dd>
        </div>
      </dl>
      <FormAlert message={error} />
      <Form method="post">
        <input type="hidden" name="intent" value="settle" />
        <input type="hidden" name="submissionKey" value={preview.settleKey} />
        <input type="hidden" name="expectedNetFen" value={preview.expectedNetFen} />
        <SubmitButton className="button danger" pending={t("pay.settling")}>
          {t("pay.confirmSettle", { net: preview.totals.net })}
        </SubmitButton>
      </Form>
    </ConfirmStep>
  );
}

export function PayslipsTable({ month, slips }: { month: string; slips: MonthSlips }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="slips-heading">
      <h2 id="slips-heading">{t("pay.payslipsTitle", { n: slips.totals.workers })}</h2>
      <div className="table-scroll">
        <table className="table pay-table">
          <thead>
            <tr>
              <th scope="col">{t("pay.worker")}</th>
              <th scope="col" className="num">
                {t("pay.gross")}
              </th>
              <th scope="col" className="num">
                {t("pay.tax")}
              </th>
              <th scope="col" className="num">
                {t("pay.charges")}
              </th>
              <th scope="col" className="num">
                {t("pay.net")}
              </th>
              <th scope="col">{t("pay.acknowledged")}</th>
              <th scope="col">{t("pay.queries")}</th>
            </tr>
          </thead>
          <tbody>
            {slips.rows.map((r) => (
              <tr key={r.workerId}>
                <th scope="row">
                  <Link to={`${monthPath(month)}/${r.workerId}`}>{r.name}</Link>
                </th>
                <td className="num">{r.gross}</td>
                <td className="num">{r.tax}</td>
                <td className="num">{r.charges}</td>
                <td className={r.negative ? "num negative" : "num"}>{r.net}</td>
                <td>{r.acknowledged ? t("pay.yes") : <span className="muted">{t("pay.notYet")}</span>}</td>
                <td>
                  {r.queries === 0 ? (
                    <span className="muted">—</span>
                  ) : r.openQueries > 0 ? (
                    <span className="tag warn">{t("pay.openQueries", { n: r.openQueries })}</span>
                  ) : (
                    t("pay.answeredQueries", { n: r.queries })
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <TotalsRow label={t("pay.totalsOf", { n: slips.totals.workers })} totals={slips.totals} />
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** Print and export links of a settled month (the export files are built by their own routes). */
export function MonthOutputs({ month }: { month: string }) {
  const t = useT();
  const base = `${monthPath(month)}/export`;
  return (
    <section className="card pay-outputs" aria-labelledby="outputs-heading">
      <h2 id="outputs-heading">{t("pay.outputsTitle")}</h2>
      <p>
        <Link to={`${monthPath(month)}/print`} className="button">
          {t("pay.print")}
        </Link>
      </p>
      {/* Exports: these addresses are served by the export routes (app/routes/coordinator.pay.$month_.export.*). */}
      <ul className="list pay-exports" data-exports="">
        <li>
          <a href={`${base}/payslips.csv`} download>
            {t("pay.exportPayslipsCsv")}
          </a>
        </li>
        <li>
          <a href={`${base}/payslips.xlsx`} download>
            {t("pay.exportPayslipsXlsx")}
          </a>
        </li>
        <li>
          <a href={`${base}/payments.csv`} download>
            {t("pay.exportPaymentsCsv")}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The answer form under one open query. */
export function AnswerForm({ queryId, result }: { queryId: string; result?: ActionResult }) {
  const t = useT();
  const mine = result?.values?.queryId === queryId ? result : undefined;
  return (
    <Form method="post" className="answer-form">
      <FormAlert message={mine?.formError} />
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="queryId" value={queryId} />
      <TextAreaField
        label={t("pay.answerLabel")}
        name="answer"
        maxLength={PAY_TEXT_MAX}
        required
        defaultValue={mine?.values?.answer}
        error={errorText(t, mine?.fieldErrors?.answer)}
      />
      <SubmitButton pending={t("form.saving")}>{t("pay.answerSubmit")}</SubmitButton>
    </Form>
  );
}
