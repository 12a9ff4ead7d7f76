// The notice list (ADR 026): each notice a link through /notices/<id>, which marks it read and
// leads to its page; unread ones say so in words, not colour alone. No form library: the list is
// also a worker's page (ADR 015).
import { Form, Link } from "@remix-run/react";
import type { NoticeKind, NoticeParams } from "../domain/notices.ts";
import { formatDateTime, formatMonth } from "../i18n/format.ts";
import type { Locale, Translate } from "../i18n/index.ts";
import { useLocale, useT } from "../i18n/use-t.ts";

export type NoticeView = { id: number; kind: NoticeKind; params: NoticeParams; unread: boolean; at: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A notice's sentence in the reader's language. Notices keep the facts, not words (ADR 026): a
 * month is stored as YYYY-MM and read here as the pages write months, "2026年10月" / "October 2026"
 * (anything else stored under `month` is shown as it is).
 */
export function noticeSentence(t: Translate, locale: Locale, notice: Pick<NoticeView, "kind" | "params">): string {
  const { month } = notice.params;
  const params =
    typeof month === "string" && MONTH.test(month)
      ? { ...notice.params, month: formatMonth(month, locale) }
      : notice.params;
  return t(`notices.kind.${notice.kind}`, params);
}

export function NoticeList({ notices, unread, shown }: { notices: NoticeView[]; unread: number; shown: number }) {
  const t = useT();
  const locale = useLocale();
  if (notices.length === 0) return <p className="card empty">{t("notices.none")}</p>;
  return (
    <>
      <p className="muted">{t("notices.howRead")}</p>
      {unread > 0 ? (
        <Form method="post" className="notices-tools">
          <input type="hidden" name="intent" value="markAllRead" />
          <button type="submit" className="button">
            {t("notices.markAllRead")}
          </button>
        </Form>
      ) : null}
      <ul className="notice-list">
        {notices.map((n) => (
          <li key={n.id} className={n.unread ? "card notice-item unread" : "card notice-item"}>
            <Link to={`/notices/${n.id}`} className="notice-link">
              {n.unread ? <span className="tag">{t("notices.new")}</span> : null}{" "}
              <span>{noticeSentence(t, locale, n)}</span>
            </Link>
            <time dateTime={n.at} className="muted">
              {formatDateTime(n.at, locale)}
            </time>
          </li>
        ))}
      </ul>
      {notices.length >= shown ? <p className="muted">{t("notices.shownNewest", { n: shown })}</p> : null}
    </>
  );
}
