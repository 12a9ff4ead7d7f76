// Printable labels (ADR 019): one per assignment, eight to an A4 page (two
// columns, four rows) when printed; on screen the same labels as cards. The
// QR code is SVG markup drawn on the server from the label's own address.
import { useEffect, useState } from "react";
import type { MessageKey } from "../i18n/index.ts";
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import type { LabelView } from "../utils/label-view.server.ts";
import { unitText } from "../i18n/units.ts";

export const LABELS_PER_PAGE = 8;

export function Label({ label }: { label: LabelView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className="label" aria-label={label.workerName}>
      <div className="label-text">
        <p className="label-worker">{label.workerName}</p>
        <p className="label-product">{label.productName}</p>
        <dl className="label-facts">
          <div>
            <dt>{t("labels.quantity")}</dt>
            <dd>{t("orders.quantityOf", { n: label.quantity, unit: unitText(t, label.unit, label.quantity) })}</dd>
          </div>
          <div>
            <dt>{t("labels.dueOn")}</dt>
            <dd>{formatDate(label.dueOn, locale)}</dd>
          </div>
        </dl>
        <p className="label-scan">{t("labels.scan")}</p>
      </div>
      <div
        className="label-qr"
        role="img"
        aria-label={t("labels.qrAlt", { url: label.url })}
        data-url={label.url}
        // Markup made on the server by `qrcode` from the label's own URL, never from user input.
        dangerouslySetInnerHTML={{ __html: label.qrSvg }}
      />
    </article>
  );
}

/** The labels in pages of eight: each page is one printed A4 sheet. */
export function LabelSheet({ labels }: { labels: LabelView[] }) {
  const pages: LabelView[][] = [];
  for (let i = 0; i < labels.length; i += LABELS_PER_PAGE) pages.push(labels.slice(i, i + LABELS_PER_PAGE));
  return (
    <div className="label-sheet">
      {pages.map((page, i) => (
        <div className="label-page" key={i}>
          {page.map((label) => (
            <Label key={label.assignmentId} label={label} />
          ))}
        </div>
      ))}
    </div>
  );
}

/**
 * The print button: only once JavaScript runs (without it, the browser's own print menu prints the same
 * sheet). Its words default to the labels' 打印; a sheet of another kind names itself.
 */
export function PrintButton({ label = "labels.print" }: { label?: MessageKey }) {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button primary" onClick={() => window.print()}>
      {t(label)}
    </button>
  );
}
