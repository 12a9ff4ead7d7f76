// The income statement 收入证明 (ADR 027): the period form (GET), the preview
// with the issue form (POST, once-only key), her issued statements, the printed
// statement (A4, Chinese; English beneath each line when she reads English)
// and the verify page's answer. Plain forms (reloadDocument): a worker's pages
// and the verify page ship no JavaScript (ADR 015).
import { Form, Link } from "@remix-run/react";
import { MAX_PERIOD_MONTHS } from "../domain/statement.ts";
import { translator, type MessageKey, type MessageParams } from "../i18n/index.ts";
import { useT } from "../i18n/use-t.ts";
import type { figuresView, statementListView, statementView } from "../utils/statement-view.server.ts";
import { errorText, FormAlert } from "./form-alert.tsx";

type Figures = ReturnType<typeof figuresView>;

export function PeriodForm({
  from,
  to,
  error,
  quick,
}: {
  from: string;
  to: string;
  error?: string;
  quick: { n: number; href: string }[];
}) {
  const t = useT();
  const text = errorText(
    t,
    error?.startsWith("statement.tooLong") ? `statement.tooLong?n=${MAX_PERIOD_MONTHS}` : error,
  );
  return (
    <section className="card" aria-labelledby="period-heading">
      <h2 id="period-heading" className="visually-hidden">
        {t("statement.doc.period")}
      </h2>
      <Form method="get" reloadDocument className="statement-period">
        <div className="field">
          <label htmlFor="period-from">{t("statement.from")}</label>
          <input id="period-from" type="month" name="from" defaultValue={from} required />
        </div>
        <div className="field">
          <label htmlFor="period-to">{t("statement.to")}</label>
          <input id="period-to" type="month" name="to" defaultValue={to} required />
        </div>
        <button type="submit" className="button">
          {t("statement.show")}
        </button>
      </Form>
      {text ? (
        <p className="alert error" role="alert">
          {text}
        </p>
      ) : null}
      <p className="link-row">
        {quick.map((q) => (
          <Link key={q.n} to={q.href} reloadDocument>
            {t("statement.lastMonths", { n: q.n })}
          </Link>
        ))}
      </p>
    </section>
  );
}

export function FiguresTable({ figures, translate }: { figures: Figures; translate?: ReturnType<typeof translator> }) {
  const hookT = useT();
  const t = translate ?? hookT;
  return (
    <table className="statement-table">
      <thead>
        <tr>
          <th scope="col">{t("statement.month")}</th>
          <th scope="col" className="num">
            {t("statement.net")}
          </th>
        </tr>
      </thead>
      <tbody>
        {figures.months.map((m) => (
          <tr key={m.month}>
            <th scope="row">
              {m.label}
              {m.hasPayslip ? null : <span className="muted"> · {t("statement.noPayslip")}</span>}
            </th>
            <td className="num">{m.net}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("statement.total")}</th>
          <td className="num">
            <strong>{figures.total}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

export function StatementPreview({
  title,
  figures,
  from,
  to,
  submissionKey,
  formError,
}: {
  title: string;
  figures: Figures;
  from: string;
  to: string;
  submissionKey: string;
  formError?: string;
}) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{title}</h2>
      {figures.months.length > 0 ? <FiguresTable figures={figures} /> : null}
      {figures.unsettled.length > 0 ? (
        <p className="hint">
          {t("statement.unsettledNote", { months: figures.unsettled.join(t("statement.listSep")) })}
        </p>
      ) : null}
      <p className="hint">{t("statement.onlySettled")}</p>
      <Form method="post" reloadDocument>
        <FormAlert message={formError} />
        <input type="hidden" name="from" value={from} />
        <input type="hidden" name="to" value={to} />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <button type="submit" className="button primary block" disabled={figures.months.length === 0}>
          {t("statement.issue")}
        </button>
        <p className="hint">{t("statement.issueHint")}</p>
      </Form>
    </section>
  );
}

export function IssuedList({ rows }: { rows: ReturnType<typeof statementListView> }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="issued-heading">
      <h2 id="issued-heading">{t("statement.issuedList")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("statement.noneIssued")}</p>
      ) : (
        <ul className="statement-list">
          {rows.map((r) => (
            <li key={r.id}>
              <Link to={`/worker/statements/${r.id}`}>
                {t("statement.issuedRow", { period: r.period, total: r.total, date: r.issuedOn })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const zhT = translator("zh-CN");
const enT = translator("en");

/** A line of the printed statement: the Chinese text, and the English beneath it when she reads English. */
function Both({
  k,
  zh,
  en,
  as = "span",
}: {
  k: MessageKey;
  zh?: MessageParams;
  en?: MessageParams | null;
  as?: "span" | "p";
}) {
  const Tag = as;
  return (
    <>
      <Tag lang="zh-CN">{zhT(k, zh)}</Tag>
      {en !== undefined && en !== null ? (
        <Tag lang="en" className="statement-en">
          {enT(k, en)}
        </Tag>
      ) : null}
    </>
  );
}

/** The statement's table in both languages: one row per month, the English beneath the Chinese in each cell. */
function BilingualFigures({ zh, en }: { zh: Figures; en: Figures }) {
  const both = (k: MessageKey) => <Both k={k} en={{}} />;
  return (
    <table className={zh.months.length > 12 ? "statement-table many" : "statement-table"}>
      <thead>
        <tr>
          <th scope="col">{both("statement.month")}</th>
          <th scope="col" className="num">
            {both("statement.net")}
          </th>
        </tr>
      </thead>
      <tbody>
        {zh.months.map((m, i) => (
          <tr key={m.month}>
            <th scope="row">
              <span lang="zh-CN">{m.label}</span>
              <span lang="en" className="statement-en">
                {en.months[i]?.label}
              </span>
              {m.hasPayslip ? null : <span className="muted"> · {both("statement.noPayslip")}</span>}
            </th>
            <td className="num">{m.net}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{both("statement.total")}</th>
          <td className="num">
            <strong>{zh.total}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

type StatementDocProps = { s: Awaited<ReturnType<typeof statementView>> };

export function StatementDoc({ s }: StatementDocProps) {
  const english = s.en !== null;
  const en = (params: MessageParams = {}) => (english ? params : null);
  const facts: { k: MessageKey; value: string }[] = [
    { k: "statement.doc.name", value: s.workerName },
    { k: "statement.doc.phone", value: s.workerPhoneMasked },
    { k: "statement.doc.workshop", value: s.workshopName },
    ...(s.workshopLocation ? [{ k: "statement.doc.location" as const, value: s.workshopLocation }] : []),
    { k: "statement.doc.issuedOn", value: s.issuedOn },
  ];
  return (
    <article className="statement-doc" lang="zh-CN" aria-labelledby="statement-doc-title">
      <h1 id="statement-doc-title">
        <Both k="statement.doc.title" en={en()} />
      </h1>
      <Both
        as="p"
        k="statement.doc.body"
        zh={{ name: s.workerName, workshop: s.workshopName, from: s.zh.from, to: s.zh.to }}
        en={s.en ? { name: s.workerName, workshop: s.workshopName, from: s.en.from, to: s.en.to } : null}
      />
      <dl className="statement-facts">
        {facts.map((f) => (
          <div key={f.k}>
            <dt>
              <Both k={f.k} en={en()} />
            </dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {s.en ? <BilingualFigures zh={s.zh} en={s.en} /> : <FiguresTable figures={s.zh} translate={zhT} />}
      {s.zh.unsettled.length > 0 ? (
        <Both
          as="p"
          k="statement.unsettledNote"
          zh={{ months: s.zh.unsettled.join(zhT("statement.listSep")) }}
          en={s.en ? { months: s.en.unsettled.join(enT("statement.listSep")) } : null}
        />
      ) : null}
      <Both as="p" k="statement.onlySettled" en={en()} />
      <div className="statement-verify">
        <div
          className="statement-qr"
          role="img"
          aria-label={zhT("statement.doc.qrAlt", { url: s.url })}
          data-url={s.url}
          // Markup made on the server by `qrcode` from the statement's own verify address, never from user input.
          dangerouslySetInnerHTML={{ __html: s.qrSvg }}
        />
        <div className="statement-verify-text">
          <p className="statement-code-label">
            <Both k="statement.doc.code" en={en()} />
          </p>
          <p className="statement-code">{s.code}</p>
          <Both as="p" k="statement.doc.verifyHow" zh={{ url: s.verifyPage }} en={en({ url: s.verifyPage })} />
        </div>
        <div className="statement-seal">
          <Both k="statement.doc.seal" en={en()} />
        </div>
      </div>
      <p className="statement-source">
        <Both k="statement.doc.source" en={en()} />
      </p>
    </article>
  );
}

/**
 * The verify pages' top: whose page this is (the app's name and the site's address, so a landlord can
 * tell it from a look-alike) and the language switch, a plain link with ?lang= (no form, no cookie).
 */
export function VerifyLanguage({ locale, origin }: { locale: "zh-CN" | "en"; origin?: string }) {
  const other = locale === "en" ? "zh-CN" : "en";
  const t = translator(locale);
  return (
    <p className="verify-top">
      <span className="verify-brand">
        <strong>{t("app.name")}</strong>
        {origin ? <span className="muted"> · {origin.replace(/^https?:\/\//, "")}</span> : null}
      </span>
      <a href={`?lang=${other}`} hrefLang={other} lang={other} className="button ghost">
        {translator(locale)("lang.switchTo")}
      </a>
    </p>
  );
}
