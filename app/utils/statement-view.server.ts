// What the income statement pages send to the browser (ADR 027): amounts as
// text formatted here from exact fen, months with labels, the verify address
// of this very site and its QR code drawn on the server as SVG.
import { formatDate } from "../i18n/format.ts";
import { formatCode } from "../domain/statement.ts";
import type { StatementFigures } from "../domain/statement.ts";
import { isLocale, type Locale } from "../i18n/locales.ts";
import { getLocale } from "./auth.server.ts";
import type { getStatement, listStatements } from "../models/statement.server.ts";
import { money, monthLabel } from "./pay-view.server.ts";
import { qrSvg } from "./qr.server.ts";

/** The verify pages' answers: never stored by browsers or proxies, never indexed, no referrer sent on (ADR 027). */
export const VERIFY_HEADERS = {
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};

/**
 * The verify pages' language: `?lang=` when given (their switch is a plain link,
 * since a form posted from a page without a referrer carries no origin and is
 * refused), else the visitor's account or language cookie, else Chinese.
 */
export async function verifyLocale(request: Request): Promise<Locale> {
  const picked = new URL(request.url).searchParams.get("lang");
  return isLocale(picked) ? picked : getLocale(request);
}

/** The verify address a statement prints and its QR code reads: /v/<code in groups>. */
export function verifyUrl(origin: string, code: string): string {
  return `${origin}/v/${formatCode(code)}`;
}

export function figuresView(figures: StatementFigures, locale: Locale) {
  return {
    months: figures.months.map((m) => ({
      month: m.month,
      label: monthLabel(m.month, locale),
      net: money(m.netFen, locale),
      hasPayslip: m.hasPayslip,
    })),
    unsettled: figures.unsettled.map((m) => monthLabel(m, locale)),
    total: money(figures.totalFen, locale),
  };
}

export function statementListView(rows: Awaited<ReturnType<typeof listStatements>>, locale: Locale) {
  return rows.map((r) => ({
    id: r.id,
    period: `${monthLabel(r.fromMonth, locale)} – ${monthLabel(r.toMonth, locale)}`,
    total: money(r.totalFen, locale),
    // A China date (YYYY-MM-DD), read as its own day: 2026/12/02 · 2 Dec 2026.
    issuedOn: formatDate(`${r.issuedOn}T12:00:00+08:00`, locale),
  }));
}

type Statement = NonNullable<Awaited<ReturnType<typeof getStatement>>>;

/** The printed statement in one language (zh-CN always; en too when she reads English). */
export function statementDocView(s: Statement, locale: Locale) {
  return {
    from: monthLabel(s.fromMonth, locale),
    to: monthLabel(s.toMonth, locale),
    ...figuresView({ months: s.months, unsettled: s.unsettledMonths, totalFen: s.totalFen }, locale),
  };
}

export async function statementView(s: Statement, origin: string, locale: Locale) {
  const url = verifyUrl(origin, s.code);
  return {
    id: s.id,
    workerName: s.workerName,
    workerPhoneMasked: s.workerPhoneMasked,
    workshopName: s.workshopName,
    workshopLocation: s.workshopLocation,
    issuedOn: s.issuedOn,
    code: formatCode(s.code),
    url,
    verifyPage: `${origin}/v`,
    qrSvg: await qrSvg(url),
    zh: statementDocView(s, "zh-CN"),
    en: locale === "en" ? statementDocView(s, "en") : null,
  };
}
