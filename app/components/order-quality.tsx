// The order's quality and deliveries (ADR 021), on the partner's and the
// coordinator's order pages: passed / at rework / rejected, the first-pass
// rate, pieces per reason; the deliveries with their notes and what the
// partner owes (delivered × agreed price, rounded once). Display only.
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { unitText } from "../i18n/units.ts";
import type { DeliveriesView, OrderQualityView } from "../utils/order-view.server.ts";

export function OrderQualityCard({ quality, unit }: { quality: OrderQualityView; unit: string }) {
  const t = useT();
  const pieces = (n: number) => t("orders.quantityOf", { n, unit: unitText(t, unit, n) });
  return (
    <section className="card" aria-labelledby="quality-heading">
      <h2 id="quality-heading">{t("quality.order.title")}</h2>
      {!quality.checked ? (
        <p className="empty">{t("quality.order.none")}</p>
      ) : (
        <>
          <p className="muted">{t("quality.order.firstPassRate")}</p>
          <p className="pass-rate">{t("quality.order.rate", { rate: quality.passRate ?? "0.0" })}</p>
          <p className="muted small">
            {t("quality.order.rateOf", { inspected: quality.firstInspected, passed: quality.firstPassed })}
          </p>
          <dl className="quality-figures">
            <div>
              <dt>{t("quality.order.passed")}</dt>
              <dd>{quality.passed}</dd>
            </div>
            <div>
              <dt>{t("quality.order.reworkPending")}</dt>
              <dd>{quality.reworkPending}</dd>
            </div>
            <div>
              <dt>{t("quality.order.rejected")}</dt>
              <dd>{quality.rejected}</dd>
            </div>
          </dl>
          {quality.reasons.length > 0 ? (
            <>
              <h3>{t("quality.order.reasonsTitle")}</h3>
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t("quality.order.reason")}</th>
                      <th className="num">{t("quality.rework")}</th>
                      <th className="num">{t("quality.rejected")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {quality.reasons.map((r) => (
                      <tr key={r.reason ?? ""}>
                        <td>{r.reason ?? t("quality.order.other")}</td>
                        <td className="num">{pieces(r.rework)}</td>
                        <td className="num">{pieces(r.rejected)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

export function DeliveriesCard({
  deliveries,
  unit,
  notePath,
  statementPath,
}: {
  deliveries: DeliveriesView;
  unit: string;
  /** Where a delivery's note is printed (the partner's or the coordinator's page). */
  notePath: (id: string) => string;
  /** The order's statement (对账单) downloads without the extension, e.g. `/partner/orders/<id>/statement` (ADR 023). */
  statementPath?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const pieces = (n: number) => t("orders.quantityOf", { n, unit: unitText(t, unit, n) });
  return (
    <section className="card" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">{t("delivery.title")}</h2>
      <p className="muted">{t("delivery.owed")}</p>
      <p className="owed">{deliveries.owed}</p>
      <p className="muted small">
        {t("delivery.owedLine", { n: pieces(deliveries.delivered), price: deliveries.price, amount: deliveries.owed })}
      </p>
      {deliveries.list.length === 0 ? (
        <p className="empty">{t("delivery.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t("delivery.printNote")}</th>
                <th className="num">{t("delivery.delivered")}</th>
                <th className="num">{t("delivery.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.list.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={notePath(d.id)} aria-label={t("delivery.printNoteLabel", { n: d.sequence })}>
                      {t("delivery.number", { n: d.sequence })}
                    </a>
                    <span className="muted small block">{formatDate(d.deliveredOn, locale)}</span>
                  </td>
                  <td className="num">{pieces(d.quantity)}</td>
                  <td className="num">{d.amount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {statementPath && deliveries.list.length > 0 ? (
        // Served by the statement routes (app/routes/*.orders.$orderId_.statement[.csv|.xlsx].ts).
        <ul className="list statement-downloads" aria-label={t("delivery.statementTitle")}>
          <li>
            <a href={`${statementPath}.xlsx`} download>
              {t("delivery.statementXlsx")}
            </a>
          </li>
          <li>
            <a href={`${statementPath}.csv`} download>
              {t("delivery.statementCsv")}
            </a>
          </li>
        </ul>
      ) : null}
    </section>
  );
}
