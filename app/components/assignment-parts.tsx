// The coordinator's assignment page (app/routes/coordinator.assignments.$assignmentId.tsx):
// its facts, the forms that change it (reduce, reassign, the cancel confirmation)
// and the hand-out 发料 / return 退料 forms. ADR 018.
import { Link } from "@remix-run/react";
import { useState } from "react";
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import {
  materialMoveSchema,
  reassignSchema,
  reduceAssignmentSchema,
  type MaterialMoveForm,
  type ReassignForm,
  type ReduceAssignmentForm,
} from "../forms/stock.ts";
import { ConfirmStep } from "./confirm.tsx";
import { Field, Form, FormAlert, SelectField, SubmitButton, useValidatedForm, type ActionResult } from "./forms.tsx";
import { unitText } from "../i18n/units.ts";

export type AssignmentView = {
  id: string;
  orderId: string;
  productName: string;
  unit: string;
  workerName: string;
  quantity: number;
  logged: number;
  unlogged: number;
  dueOn: string;
  orderDueOn: string;
  source: "assigned" | "claimed";
  status: string;
  /** Where freed pieces go: "order" (not given out) or "pool" (claim pool). */
  place: "order" | "pool";
};

export function AssignmentFacts({ a }: { a: AssignmentView }) {
  const t = useT();
  const locale = useLocale();
  const pieces = (n: number) => t("orders.quantityOf", { n, unit: unitText(t, a.unit, n) });
  const facts: [string, string][] = [
    [t("assignments.quantity"), pieces(a.quantity)],
    [t("assignment.logged"), pieces(a.logged)],
    [t("assignment.unlogged"), pieces(a.unlogged)],
    [t("assignments.dueOn"), formatDate(a.dueOn, locale)],
    [t("assignment.orderDueOn"), formatDate(a.orderDueOn, locale)],
    [
      t("assignments.source"),
      a.source === "claimed" ? t("assignments.source.claimed") : t("assignments.source.assigned"),
    ],
  ];
  return (
    <dl className="facts order-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type Worker = { id: string; name: string; phoneTail: string };

/** Material she still holds against the assignment (issued − returned, above zero). */
export type HoldingView = { materialId: string; name: string; q: string; unit: string };

/** The element id of the 退料 form, which the notes about held material point to. */
export const RETURN_FORM_ID = "material-return";

/**
 * What she still holds ("皂基 1.05 千克、精油 10 毫升") and a link down to the 退料 form:
 * what is not taken back counts as loss once the assignment is closed.
 */
function HoldingNote({
  holding,
  message,
  className,
}: {
  holding: HoldingView[];
  message: "assignment.cancelConfirm.holding" | "assignment.reduceHolding";
  className: string;
}) {
  const t = useT();
  if (holding.length === 0) return null;
  const list = holding
    .map((h) => t("assignment.holdingItem", { name: h.name, q: h.q, unit: unitText(t, h.unit) }))
    .join(t("assignment.holdingJoin"));
  return (
    <p className={className}>
      {t(message, { list })} <a href={`#${RETURN_FORM_ID}`}>{t("assignment.toReturn")}</a>
    </p>
  );
}

/** Reduce, reassign, and the link to the cancel confirmation, for an active assignment with unlogged pieces. */
export function ChangeForms({
  a,
  today,
  workers,
  holding,
  keys,
  results,
}: {
  a: AssignmentView;
  today: string;
  holding: HoldingView[];
  /** Other active workers of the workshop; empty when the order no longer takes reassignments. */
  workers: Worker[];
  keys: { reduce: string; reassign: string };
  results: { reduce?: ActionResult; reassign?: ActionResult };
}) {
  const t = useT();
  const locale = useLocale();
  const reduce = useValidatedForm<ReduceAssignmentForm>(reduceAssignmentSchema, results.reduce);
  const reassign = useValidatedForm<ReassignForm>(reassignSchema, results.reassign);
  const unit = (n: number) => unitText(t, a.unit, n);
  const place = t(`assignment.place.${a.place}`);
  const due = a.dueOn < today ? today : a.dueOn > a.orderDueOn ? a.orderDueOn : a.dueOn;
  return (
    <div className="form-columns">
      <div className="subform">
        <h3>{t("assignment.reduce")}</h3>
        <HoldingNote holding={holding} message="assignment.reduceHolding" className="hint" />
        <FormAlert message={results.reduce?.formError} />
        <Form method="post" onSubmit={reduce.onSubmit} noValidate>
          <input type="hidden" name="intent" value="reduce" />
          <input type="hidden" name="submissionKey" value={keys.reduce} />
          <Field
            label={t("assignment.reduceTo")}
            inputMode="numeric"
            autoComplete="off"
            hint={
              a.logged > 0
                ? t("assignment.reduceHint", { logged: a.logged, unit: unit(a.logged), place })
                : t("assignment.reduceHintNone", { place })
            }
            error={reduce.errorFor("quantity")}
            defaultValue={results.reduce?.values?.quantity}
            registration={reduce.form.register("quantity")}
          />
          <SubmitButton className="button" pending={t("form.saving")}>
            {t("assignment.reduceSubmit")}
          </SubmitButton>
        </Form>
      </div>
      {workers.length > 0 ? (
        <div className="subform">
          <h3>{t("assignment.reassign")}</h3>
          <p className="hint">
            {t("assignment.reassignHint", {
              n: a.unlogged,
              unit: unit(a.unlogged),
              date: formatDate(a.orderDueOn, locale),
            })}
          </p>
          <FormAlert message={results.reassign?.formError} />
          <Form method="post" onSubmit={reassign.onSubmit} noValidate>
            <input type="hidden" name="intent" value="reassign" />
            <input type="hidden" name="submissionKey" value={keys.reassign} />
            <SelectField
              label={t("assignments.worker")}
              placeholder={t("assignments.chooseWorker")}
              options={workers.map((w) => ({
                value: w.id,
                label: t("assignments.workerOption", { name: w.name, tail: w.phoneTail }),
              }))}
              error={reassign.errorFor("workerId")}
              defaultValue={results.reassign?.values?.workerId}
              registration={reassign.form.register("workerId")}
            />
            <Field
              label={t("assignments.quantity")}
              inputMode="numeric"
              autoComplete="off"
              error={reassign.errorFor("quantity")}
              defaultValue={results.reassign?.values?.quantity ?? String(a.unlogged)}
              registration={reassign.form.register("quantity")}
            />
            <Field
              label={t("assignments.dueOn")}
              type="date"
              min={today}
              max={a.orderDueOn}
              error={reassign.errorFor("dueOn")}
              defaultValue={results.reassign?.values?.dueOn ?? due}
              registration={reassign.form.register("dueOn")}
            />
            <SubmitButton className="button" pending={t("form.saving")}>
              {t("assignment.reassignSubmit")}
            </SubmitButton>
          </Form>
        </div>
      ) : null}
      <p className="form-actions">
        <Link to="?cancel=confirm#cancel-confirm" className="button danger" preventScrollReset>
          {t("assignment.cancel")}
        </Link>
      </p>
    </div>
  );
}

/** Cancelling cannot be undone: the step says exactly what happens to the logged and unlogged pieces. */
export function CancelConfirm({
  a,
  holding,
  submissionKey,
  result,
}: {
  a: AssignmentView;
  /** Material she still holds: not taken back, it counts as loss once the assignment is cancelled. */
  holding: HoldingView[];
  submissionKey: string;
  result?: ActionResult;
}) {
  const t = useT();
  const place = t(`assignment.place.${a.place}`);
  const warning =
    a.logged === 0
      ? t("assignment.cancelConfirm.whole", {
          worker: a.workerName,
          n: a.quantity,
          unit: unitText(t, a.unit, a.quantity),
          place,
        })
      : t("assignment.cancelConfirm.partly", {
          worker: a.workerName,
          logged: a.logged,
          n: a.unlogged,
          unit: unitText(t, a.unit, a.unlogged),
          place,
        });
  return (
    <ConfirmStep
      id="cancel-confirm"
      title={t("assignment.cancelConfirm.title")}
      warning={warning}
      backTo="."
      backLabel={t("assignment.cancelConfirm.keep")}
    >
      <HoldingNote holding={holding} message="assignment.cancelConfirm.holding" className="warning-text" />
      <FormAlert message={result?.formError} />
      <Form method="post">
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <SubmitButton className="button danger-solid" pending={t("form.saving")}>
          {t("assignment.cancelConfirm.submit")}
        </SubmitButton>
      </Form>
    </ConfirmStep>
  );
}

/** A material to choose, with its unit code (the quantity is typed in it). */
export type MaterialOption = { value: string; label: string; unit: string };

/** One material form: hand out 发料 (from stock) or take back 退料 (what she holds). */
export function MaterialMoveForm({
  intent,
  title,
  submit,
  options,
  submissionKey,
  result,
}: {
  intent: "issue" | "return";
  title: string;
  submit: string;
  options: MaterialOption[];
  submissionKey: string;
  result?: ActionResult;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<MaterialMoveForm>(materialMoveSchema, result);
  const initial = result?.values?.materialId ?? (options.length === 1 ? options[0]?.value : undefined);
  // The quantity is typed in the chosen material's unit: the label follows the choice
  // (from the server's choice without JavaScript, e.g. after a refusal).
  const [chosen, setChosen] = useState(initial ?? "");
  const units = new Set(options.map((o) => o.unit));
  const unit = options.find((o) => o.value === chosen)?.unit ?? (units.size === 1 ? options[0]?.unit : undefined);
  const material = form.register("materialId");
  return (
    <div className="subform" id={intent === "return" ? RETURN_FORM_ID : undefined}>
      <h3>{title}</h3>
      <FormAlert message={result?.formError} />
      <Form method="post" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <SelectField
          label={t("materialMove.material")}
          placeholder={t("error.chooseMaterial")}
          options={options}
          error={errorFor("materialId")}
          defaultValue={initial}
          registration={{
            ...material,
            onChange: (event) => {
              setChosen(String(event.target.value));
              return material.onChange(event);
            },
          }}
        />
        <Field
          label={
            unit === undefined
              ? t("materialMove.quantityAnyUnit")
              : t("materialMove.quantityIn", { unit: unitText(t, unit) })
          }
          inputMode="decimal"
          autoComplete="off"
          hint={t("stock.quantityHint")}
          error={errorFor("quantity")}
          defaultValue={result?.values?.quantity}
          registration={form.register("quantity")}
        />
        <SubmitButton className={intent === "issue" ? "button primary" : "button"} pending={t("form.saving")}>
          {submit}
        </SubmitButton>
      </Form>
    </div>
  );
}
