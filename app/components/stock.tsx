// Pieces of the stock page, the assignment page and the reconciliation page
// (ADR 018): the in/out/back/on-hand figures, the movements list, what a worker
// holds, the reconciliation cards and the deduction form. Every quantity and
// amount arrives as text formatted on the server (app/utils/stock-view.server.ts).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ReconciliationView, StockPageView } from "../utils/stock-view.server.ts";
import { formatDate, formatDateTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { deductionSchema, type DeductionForm as DeductionFormValues } from "../forms/stock.ts";
import {
  Field,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  TextAreaField,
  useValidatedForm,
  type ActionResult,
} from "./forms.tsx";
import { unitText } from "../i18n/units.ts";

/**
 * The materials pages only receive stock: this says where hand-out 发料 and
 * return 退料 happen (on an assignment's page, reached from its order) and links there.
 */
export function HandOutWhere() {
  const t = useT();
  return (
    <p className="hint hand-out-where">
      {t("stock.handOutWhere")} <Link to="/coordinator/orders">{t("stock.handOutLink")}</Link>
    </p>
  );
}

/** In, out, back and on hand of one material: in − out + back = on hand. */
export function StockFigures({
  figures,
}: {
  figures: Pick<StockPageView, "received" | "issued" | "returned" | "onHand" | "unit">;
}) {
  const t = useT();
  const unit = unitText(t, figures.unit);
  const items: [string, string, string][] = [
    ["received", t("stock.received"), figures.received],
    ["issued", t("stock.issued"), figures.issued],
    ["returned", t("stock.returned"), figures.returned],
    ["on-hand", t("stock.onHand"), figures.onHand],
  ];
  return (
    <dl className="stock-figures" aria-label={t("stock.figuresLabel")}>
      {items.map(([key, label, value]) => (
        <div key={key} className={`stock-figure stock-${key}`}>
          <dt>{label}</dt>
          <dd>{t("stock.quantityOf", { q: value, unit })}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The movements of one material, latest first. */
export function MovementsList({ movements, unit }: { movements: StockPageView["movements"]; unit: string }) {
  const t = useT();
  const locale = useLocale();
  const word = unitText(t, unit);
  if (movements.length === 0) return <p className="empty">{t("stock.noMovements")}</p>;
  return (
    <ul className="movement-list">
      {movements.map((m) => (
        <li key={m.id} className={`movement movement-${m.kind}`}>
          <p className="movement-head">
            <span className={`tag movement-tag-${m.kind}`}>{t(`stock.kind.${m.kind}`)}</span>
            <strong className="movement-quantity">
              {m.kind === "issue" ? "−" : "+"}
              {t("stock.quantityOf", { q: m.quantity, unit: word })}
            </strong>
            <time dateTime={m.createdAt} className="muted">
              {formatDateTime(m.createdAt, locale)}
            </time>
          </p>
          <p className="movement-detail">
            {m.kind === "receive" ? (
              <>
                {m.source === "partner" ? t("stock.source.partner") : t("stock.source.bought")}
                {m.orderId ? (
                  <>
                    {" · "}
                    <Link to={`/coordinator/orders/${m.orderId}`}>{t("orders.title")}</Link>
                  </>
                ) : null}
              </>
            ) : m.assignmentId ? (
              <Link to={`/coordinator/assignments/${m.assignmentId}`}>
                {t("stock.forAssignment", { worker: m.workerName ?? "", product: m.productName ?? "" })}
              </Link>
            ) : null}
            {m.note ? <span className="prewrap"> · {m.note}</span> : null}
            {m.byName ? (
              <>
                {" · "}
                <span className="muted by">
                  {t("stock.by")} {m.byName}
                </span>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export type HeldView = {
  key: string;
  assignmentId?: string;
  materialName: string;
  unit: string;
  issued: string;
  returned: string;
  held: string;
  /** For the worker's ledger: which assignment. */
  productName?: string;
  dueOn?: string;
  assignmentStatus?: string;
};

/**
 * What a worker was handed and gave back, and still holds, per material (and
 * assignment, in her ledger). The unit goes with the material's name, so the
 * three figures stay short enough for a phone.
 */
export function HeldTable({ rows, withAssignment = false }: { rows: HeldView[]; withAssignment?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="table held-table">
        <thead>
          <tr>
            <th>{withAssignment ? t("ledger.assignmentAndMaterial") : t("materialMove.material")}</th>
            <th className="num">{t("materialMove.issued")}</th>
            <th className="num">{t("materialMove.returned")}</th>
            <th className="num">{t("materialMove.held")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const material = t("stock.materialWithUnit", { name: r.materialName, unit: unitText(t, r.unit) });
            return (
              <tr key={r.key}>
                {withAssignment ? (
                  <td>
                    <Link to={`/coordinator/assignments/${r.assignmentId}`}>{r.productName}</Link>
                    <span className="sub">{material}</span>
                    {r.dueOn ? (
                      <span className="sub muted">{t("worker.task.due", { date: formatDate(r.dueOn, locale) })}</span>
                    ) : null}
                    {r.assignmentStatus === "cancelled" ? (
                      <span className="tag muted">{t("assignments.status.cancelled")}</span>
                    ) : null}
                  </td>
                ) : (
                  <td>{material}</td>
                )}
                <td className="num">{r.issued}</td>
                <td className="num">{r.returned}</td>
                <td className="num">
                  <strong>{r.held}</strong>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What was decided about a row's loss, in one line. */
function DeductionLine({ row }: { row: ReconciliationView }) {
  const t = useT();
  const d = row.deduction;
  if (!d) return row.over ? <span className="tag warn">{t("reconciliation.undecided")}</span> : null;
  return (
    <>
      <span className={d.status === "waived" ? "tag muted" : "tag"}>
        {d.status === "waived"
          ? t("deduction.waived", { month: d.month })
          : t("deduction.charged", { month: d.month, amount: d.amount })}
      </span>
      {d.reason ? <span className="sub muted prewrap"> {t("deduction.reasonShown", { reason: d.reason })}</span> : null}
      {d.outdated ? (
        <span className="alert warn block-note">{t("deduction.outdated", { amount: row.proposed })}</span>
      ) : null}
    </>
  );
}

/**
 * Reconciliation rows as cards (one per assignment and material): what went out
 * and came back, expected use, loss against the allowance, the proposal and the
 * decision. `showAssignment` heads each card with worker and product (the list
 * page); `children(row)` adds a row's form (the assignment page).
 */
export function ReconciliationCards({
  rows,
  showAssignment = false,
  children,
}: {
  rows: ReconciliationView[];
  showAssignment?: boolean;
  children?: (row: ReconciliationView) => ReactNode;
}) {
  const t = useT();
  return (
    <ul className="recon-cards">
      {rows.map((r) => {
        const unit = unitText(t, r.unit);
        const q = (value: string) => t("stock.quantityOf", { q: value, unit });
        const label = t("reconciliation.rowLabel", {
          worker: r.workerName,
          product: r.productName,
          material: r.materialName,
        });
        return (
          <li key={r.key} className={r.over ? "recon-card over" : "recon-card"} aria-label={label}>
            <p className="recon-head">
              {showAssignment ? (
                <Link to={`/coordinator/assignments/${r.assignmentId}#reconciliation`}>{label}</Link>
              ) : (
                <strong>{r.materialName}</strong>
              )}{" "}
              {r.inProgress ? (
                <span className="badge warn">{t("reconciliation.inProgress")}</span>
              ) : r.over ? (
                <span className="badge bad">{t("reconciliation.over")}</span>
              ) : (
                <span className="badge ok">{t("reconciliation.within")}</span>
              )}
            </p>
            <dl className="recon-facts">
              <div>
                <dt>{t("reconciliation.piecesReceived")}</dt>
                <dd>{r.piecesReceived}</dd>
              </div>
              <div>
                <dt>{t("reconciliation.issued")}</dt>
                <dd>{q(r.issued)}</dd>
              </div>
              <div>
                <dt>{t("reconciliation.returned")}</dt>
                <dd>{q(r.returned)}</dd>
              </div>
              <div>
                <dt>{t("reconciliation.expected")}</dt>
                <dd>{q(r.expected)}</dd>
              </div>
              <div>
                <dt>{t("reconciliation.loss")}</dt>
                <dd>
                  {q(r.loss)}
                  {r.lossPercent !== null ? (
                    <span className="sub"> ({t("reconciliation.percentOf", { p: r.lossPercent })})</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t("reconciliation.allowance")}</dt>
                <dd>{t("reconciliation.percentOf", { p: r.allowance })}</dd>
              </div>
              <div>
                <dt>{t("reconciliation.proposed")}</dt>
                <dd>{r.inProgress ? "—" : r.proposed}</dd>
              </div>
              <div>
                <dt>{t("reconciliation.decision")}</dt>
                <dd>
                  <DeductionLine row={r} />
                  {!r.deduction && !r.over ? "—" : null}
                </dd>
              </div>
            </dl>
            {r.inProgress ? (
              <p className="hint">
                {t("reconciliation.pending", { received: r.piecesReceived, quantity: r.assignmentQuantity })}
              </p>
            ) : null}
            {children?.(r)}
          </li>
        );
      })}
    </ul>
  );
}

/** The coordinator's decision on one over-allowance loss: charge the proposal, charge less, or waive, for a month. */
export function DeductionForm({
  row,
  submissionKey,
  month,
  result,
}: {
  row: ReconciliationView;
  submissionKey: string;
  month: string;
  result?: ActionResult;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<DeductionFormValues>(deductionSchema, result);
  const values = result?.values;
  return (
    <details className="edit-details deduction" open={result !== undefined || (row.over && !row.deduction)}>
      <summary>{t("deduction.title", { material: row.materialName })}</summary>
      <FormAlert message={result?.formError} />
      <Form method="post" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="deduct" />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <input type="hidden" value={row.materialId} {...form.register("materialId")} />
        <SelectField
          label={t("deduction.decision")}
          error={errorFor("decision")}
          defaultValue={values?.decision ?? "charge"}
          registration={form.register("decision")}
          options={[
            { value: "charge", label: t("deduction.decision.charge", { amount: row.proposed }) },
            { value: "lower", label: t("deduction.decision.lower") },
            { value: "waive", label: t("deduction.decision.waive") },
          ]}
        />
        <Field
          label={t("deduction.amount")}
          inputMode="decimal"
          autoComplete="off"
          hint={t("deduction.amountHint", { amount: row.proposed })}
          error={errorFor("amount")}
          defaultValue={values?.amount ?? row.proposedInput}
          registration={form.register("amount")}
        />
        <TextAreaField
          label={t("deduction.reason")}
          error={errorFor("reason")}
          defaultValue={values?.reason}
          registration={form.register("reason")}
        />
        <Field
          label={t("deduction.month")}
          type="month"
          error={errorFor("month")}
          defaultValue={values?.month ?? month}
          registration={form.register("month")}
        />
        <SubmitButton pending={t("form.saving")}>{t("deduction.submit")}</SubmitButton>
      </Form>
    </details>
  );
}
