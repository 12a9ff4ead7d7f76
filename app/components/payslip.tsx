// One payslip 工资条, every line (ADR 022): piece lines (passed pieces × rate =
// amount, each leading to what is behind it where `lineHref` is given),
// bonuses, corrections with the month they correct, the income, tax withheld,
// material deductions with their reasons, and the net. Plain HTML: the worker's
// pages ship no JavaScript (ADR 015), the coordinator's and the print page use
// the same markup.
import { Link } from "@remix-run/react";
import { formatDateTime } from "../i18n/format.ts";
import type { Translate } from "../i18n/index.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import type { PayslipView } from "../utils/pay-view.server.ts";

export function PayslipLines({
  slip,
  lineHref,
  translate,
}: {
  slip: PayslipView;
  lineHref?: (lineId: string) => string;
  /** A fixed language (the print page hands payslips out in Chinese); the page's language otherwise. */
  translate?: Translate;
}) {
  const pageT = useT();
  const t = translate ?? pageT;
  return (
    <table className="slip-table">
      <caption className="visually-hidden">{t("pay.slipCaption", { month: slip.monthLabel })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("pay.item")}</th>
          <th scope="col" className="num">
            {t("pay.amount")}
          </th>
        </tr>
      </thead>
      <tbody>
        {slip.pieceLines.length === 0 ? (
          <tr>
            <td colSpan={2} className="muted">
              {t("pay.noPieceLines")}
            </td>
          </tr>
        ) : null}
        {slip.pieceLines.map((l) => (
          <tr key={l.id} className="slip-piece">
            <th scope="row">
              {lineHref ? (
                <Link to={lineHref(l.id)} className="slip-line-link">
                  {l.label || t("pay.pieceLine")}
                </Link>
              ) : (
                <span>{l.label || t("pay.pieceLine")}</span>
              )}
              <span className="slip-detail">{t("pay.lineFormula", { pieces: l.pieces, rate: l.rate })}</span>
            </th>
            <td className="num">{l.amount}</td>
          </tr>
        ))}
        {slip.bonuses.map((b) => (
          <tr key={b.id}>
            <th scope="row">
              {t("pay.bonus")}
              <span className="slip-detail">{b.reason}</span>
            </th>
            <td className="num">{b.amount}</td>
          </tr>
        ))}
        {slip.corrections.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              {t("pay.correctionOf", { month: c.corrects })}
              <span className="slip-detail">{c.reason}</span>
            </th>
            <td className="num">{c.amount}</td>
          </tr>
        ))}
        <tr className="slip-subtotal">
          <th scope="row">{t("pay.remuneration")}</th>
          <td className="num">{slip.remuneration}</td>
        </tr>
        {slip.withheld ? (
          <tr>
            <th scope="row">{t("pay.taxWithheld")}</th>
            <td className="num">{slip.taxNone ? slip.tax : `−${slip.tax}`}</td>
          </tr>
        ) : (
          // No amount line where the workshop does not withhold: a "−¥0.00" read as a charge (review walk 9).
          <tr className="slip-no-tax">
            <th scope="row" colSpan={2}>
              {t("pay.noWithholding")}
            </th>
          </tr>
        )}
        {slip.charges.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              {t("pay.materialDeduction", { material: c.material })}
              {c.reason ? <span className="slip-detail">{c.reason}</span> : null}
            </th>
            <td className="num">−{c.amount}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="slip-net">
          <th scope="row">{t("pay.net")}</th>
          <td className={slip.negative ? "num negative" : "num"}>{slip.net}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Her queries about the payslip and the answers, oldest first. */
export function QueryThread({ slip }: { slip: PayslipView }) {
  const t = useT();
  const locale = useLocale();
  if (slip.queries.length === 0) return <p className="muted">{t("pay.noQueries")}</p>;
  return (
    <ol className="query-list">
      {slip.queries.map((q) => (
        <li key={q.id} className="query-item">
          <p className="query-meta">{t("pay.askedAt", { at: formatDateTime(q.createdAt, locale) })}</p>
          <p className="prewrap">{q.text}</p>
          {q.answer !== null && q.answeredAt ? (
            <div className="query-answer">
              <p className="query-meta">{t("pay.answeredAt", { at: formatDateTime(q.answeredAt, locale) })}</p>
              <p className="prewrap">{q.answer}</p>
            </div>
          ) : (
            <p className="tag">{t("pay.awaitingAnswer")}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
