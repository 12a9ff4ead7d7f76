// The delivery note 送货单 (ADR 021), for the coordinator's and the partner's
// pages: who delivers to whom, the order, the product, quantity, unit price and
// amount, the date, and lines to sign. Prints on A4 (app/styles/delivery-note.css).
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { unitText } from "../i18n/units.ts";
import { PrintButton } from "./labels.tsx";

export type DeliveryNoteView = {
  number: string;
  sequence: number;
  workshopName: string;
  partnerName: string;
  productName: string;
  unit: string;
  quantity: number;
  price: string;
  amount: string;
  deliveredOn: string;
  orderId: string;
  orderQuantity: number;
  orderedOn: string;
  note: string;
  createdByName: string | null;
};

export function DeliveryNote({ note, back }: { note: DeliveryNoteView; back: { to: string; label: string } }) {
  const t = useT();
  const locale = useLocale();
  const pieces = (n: number) => t("orders.quantityOf", { n, unit: unitText(t, note.unit, n) });
  return (
    <>
      <p className="no-print link-row">
        <a href={back.to}>← {back.label}</a> <PrintButton />
      </p>
      <article className="delivery-note">
        <h1>{t("delivery.noteTitle")}</h1>
        <p className="note-number muted">{t("delivery.noteNumber", { number: note.number })}</p>
        <dl className="note-parties">
          <div>
            <dt>{t("delivery.from")}</dt>
            <dd>{note.workshopName}</dd>
          </div>
          <div>
            <dt>{t("delivery.to")}</dt>
            <dd>{note.partnerName}</dd>
          </div>
          <div>
            <dt>{t("delivery.orderRef")}</dt>
            <dd>
              {t("delivery.orderLine", {
                date: formatDate(note.orderedOn, locale),
                quantity: pieces(note.orderQuantity),
              })}
            </dd>
          </div>
          <div>
            <dt>{t("delivery.date")}</dt>
            <dd>{formatDate(note.deliveredOn, locale)}</dd>
          </div>
        </dl>
        <table className="note-table">
          <thead>
            <tr>
              <th>{t("delivery.product")}</th>
              <th className="num">{t("delivery.delivered")}</th>
              <th className="num">{t("delivery.unitPrice")}</th>
              <th className="num">{t("delivery.amount")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{note.productName}</td>
              <td className="num">{pieces(note.quantity)}</td>
              <td className="num">{note.price}</td>
              <td className="num">{note.amount}</td>
            </tr>
          </tbody>
        </table>
        {note.note ? <p>{t("delivery.noteLine", { note: note.note })}</p> : null}
        <p className="muted small">{t("delivery.noteAmountHint")}</p>
        <dl className="note-signs">
          <div>
            <dt>{t("delivery.by")}</dt>
            <dd>{note.createdByName ?? ""}</dd>
          </div>
          <div>
            <dt>{t("delivery.sign")}</dt>
            <dd />
          </div>
        </dl>
      </article>
    </>
  );
}
