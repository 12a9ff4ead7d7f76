// The parts of the quality-check pages (ADR 021): the check form of one lot
// (three counts, two reasons, a note, a photo), the result of a check, and a
// lot in the lists. Every form is a plain Remix <Form> (works without
// JavaScript), validated in the browser with the action's own schema.
import { Link } from "@remix-run/react";
import { checkSchema, type CheckForm as CheckFormValues } from "../forms/quality.ts";
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { unitText } from "../i18n/units.ts";
import type { LotCheckView } from "../utils/quality-view.server.ts";
import { errorText } from "./form-alert.tsx";
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

type Lot = LotCheckView["lot"];

/** The check form of an awaiting lot. */
export function CheckForm({
  lot,
  reasons,
  submissionKey,
  result,
}: {
  lot: Lot;
  reasons: LotCheckView["reasons"];
  submissionKey: string;
  result?: ActionResult;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<CheckFormValues>(checkSchema, result);
  const values = result?.values ?? {};
  const options = [
    ...reasons.map((r) => ({ value: r.id, label: r.label })),
    { value: "other", label: t("quality.reasonOther") },
  ];
  const count = (name: "passed" | "rework" | "rejected", fallback: string) => (
    <Field
      label={t(`quality.${name}`)}
      inputMode="numeric"
      pattern="[0-9]*"
      autoComplete="off"
      error={errorFor(name)}
      defaultValue={values[name] ?? fallback}
      registration={form.register(name)}
    />
  );
  return (
    <section className="card" aria-labelledby="check-heading">
      <h2 id="check-heading">{t("quality.formTitle")}</h2>
      <FormAlert message={result?.formError} />
      <Form method="post" encType="multipart/form-data" onSubmit={onSubmit} className="check-form">
        <input type="hidden" name="intent" value="check" />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <input type="hidden" value={lot.id} {...form.register("lotId")} />
        <input type="hidden" value={String(lot.quantity)} {...form.register("quantity")} />
        <p className="hint">{t("quality.countsHint", { n: lot.quantity })}</p>
        <div className="check-counts">
          {count("passed", String(lot.quantity))}
          {count("rework", "0")}
          {count("rejected", "0")}
        </div>
        <div className="check-reasons">
          <SelectField
            label={t("quality.reworkReason")}
            hint={t("quality.reasonHint")}
            placeholder={t("quality.chooseReason")}
            options={options}
            error={errorFor("reworkReasonId")}
            defaultValue={values.reworkReasonId ?? ""}
            registration={form.register("reworkReasonId")}
          />
          <SelectField
            label={t("quality.rejectedReason")}
            hint={t("quality.reasonHint")}
            placeholder={t("quality.chooseReason")}
            options={options}
            error={errorFor("rejectedReasonId")}
            defaultValue={values.rejectedReasonId ?? ""}
            registration={form.register("rejectedReasonId")}
          />
        </div>
        <TextAreaField
          label={t("quality.note")}
          hint={t("quality.noteHint")}
          error={errorFor("note")}
          defaultValue={values.note}
          registration={form.register("note")}
        />
        <div className={`field${result?.fieldErrors?.photo ? " has-error" : ""}`}>
          <label htmlFor="check-photo">{t("quality.photo")}</label>
          <input id="check-photo" type="file" name="photo" accept="image/jpeg,image/png,image/webp" />
          {result?.fieldErrors?.photo ? <p className="error">{errorText(t, result.fieldErrors.photo)}</p> : null}
        </div>
        <SubmitButton pending={t("form.saving")}>{t("quality.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

/** What a check found: the three counts, the reasons, the note, who and when, the photo. */
export function CheckResultCard({ lot, check }: { lot: Lot; check: NonNullable<LotCheckView["check"]> }) {
  const t = useT();
  const locale = useLocale();
  const pieces = (n: number) => t("orders.quantityOf", { n, unit: unitText(t, lot.unit, n) });
  const reason = (label: string | null) => label ?? t("quality.order.other");
  return (
    <section className="card" aria-labelledby="result-heading">
      <h2 id="result-heading">{t("quality.resultTitle")}</h2>
      <dl className="check-result">
        <div className="passed">
          <dt>{t("quality.passed")}</dt>
          <dd>{check.passed}</dd>
        </div>
        <div className="rework">
          <dt>{t("quality.rework")}</dt>
          <dd>{check.rework}</dd>
        </div>
        <div className="rejected">
          <dt>{t("quality.rejected")}</dt>
          <dd>{check.rejected}</dd>
        </div>
      </dl>
      {check.rework > 0 ? <p>{t("workerMonth.reworkReason", { reason: reason(check.reworkReason) })}</p> : null}
      {check.rejected > 0 ? <p>{t("workerMonth.rejectedReason", { reason: reason(check.rejectedReason) })}</p> : null}
      {check.note ? <p className="prewrap">{t("workerMonth.checkNote", { note: check.note })}</p> : null}
      <p className="muted small">
        {t("quality.checkedBy", {
          name: check.checkedByName ?? t("audit.system"),
          date: formatDate(check.checkedOn, locale),
        })}
      </p>
      {check.hasPhoto ? (
        <p>
          <a href={`/check-photos/${lot.id}`}>{t("quality.viewPhoto")}</a>
        </p>
      ) : null}
      {lot.reworkLots.length > 0 ? (
        <>
          <h3>{t("quality.reworkLots")}</h3>
          <ul className="plain-list">
            {lot.reworkLots.map((r) => (
              <li key={r.id}>
                {t("quality.reworkLotLine", {
                  quantity: pieces(r.quantity),
                  status: t(`lot.status.${r.status}`),
                })}{" "}
                <Link to={`/coordinator/quality/${r.id}`}>{t("quality.openRework")}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
