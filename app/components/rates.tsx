// The product page's piece-rate parts: the rate history, the fair-rate check
// (implied hourly pay next to the minimum wage and 120 % of it) and the
// set-rate form with its below-minimum confirmation. Figures arrive formatted
// (app/utils/product-view.server.ts).
import { Link } from "@remix-run/react";
import { setRateSchema, type SetRateForm } from "../forms/rates.ts";
import { useT } from "../i18n/use-t.ts";
import type { CheckView, ProductPageView } from "../utils/product-view.server.ts";
import type { RateFailure } from "../utils/rate-form.server.ts";
import {
  CheckboxField,
  Field,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  TextAreaField,
  useValidatedForm,
} from "./forms.tsx";
import { unitText } from "../i18n/units.ts";

export function RateHistory({ rates, unit }: { rates: ProductPageView["rates"]; unit: string }) {
  const t = useT();
  if (rates.length === 0) return <p className="empty">{t("rates.none")}</p>;
  return (
    <div className="table-scroll">
      <table className="table rates">
        <thead>
          <tr>
            <th>{t("rates.step")}</th>
            <th className="num">{t("rates.rate")}</th>
            <th className="num">{t("rates.impliedHourly")}</th>
            <th>{t("rates.effectiveOn")}</th>
            <th>{t("rates.reason")}</th>
            <th>{t("rates.setBy")}</th>
            <th>{t("catalogue.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rates.map((r) => (
            <tr key={r.id} className={r.state === "inForce" ? "in-force" : undefined}>
              <td>{r.stepName ?? t("rates.wholeProduct")}</td>
              <td className="num">{t("catalogue.perUnit", { amount: r.rate, unit })}</td>
              <td className="num">{r.impliedHourly ?? "—"}</td>
              <td className="nowrap">{r.effectiveOn}</td>
              <td className="reason">{r.reason}</td>
              <td className="nowrap">{r.setByName}</td>
              <td>
                {r.state === "inForce" ? <span className="tag ok">{t("rates.inForce")}</span> : null}
                {r.state === "scheduled" ? <span className="tag">{t("rates.scheduled")}</span> : null}
                {r.used ? <span className="tag muted">{t("rates.used")}</span> : null}
                {r.belowMinimum ? (
                  <>
                    <span className="tag warn">{t("rates.belowMinimumFlag")}</span>
                    {r.belowMinimumReason ? (
                      <span className="sub">{t("rates.belowMinimumWhy", { reason: r.belowMinimumReason })}</span>
                    ) : null}
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FairCheck({ title, check }: { title: string; check: CheckView }) {
  const t = useT();
  if (check.status === "unknown") {
    return (
      <div className="fair-check unknown">
        <p className="fair-title">{title}</p>
        <p>
          {t(`rates.status.${check.reason}`)}{" "}
          {check.reason === "noMinimumWage" ? <Link to="/coordinator/settings">{t("rates.goSettings")}</Link> : null}
        </p>
      </div>
    );
  }
  return (
    <div className={`fair-check ${check.status}`}>
      <p className="fair-title">{title}</p>
      <p className="fair-status">{t(`rates.status.${check.status}`)}</p>
      <dl className="facts">
        <dt>
          {t("rates.impliedHourly")}
          <span className="sub">{t("rates.impliedHourlyHow", { minutes: check.minutes })}</span>
        </dt>
        <dd>{t("rates.perHour", { amount: check.impliedHourly })}</dd>
        <dt>{t("rates.minimumWage")}</dt>
        <dd>{t("rates.perHour", { amount: check.minimum })}</dd>
        <dt>{t("rates.fairTarget")}</dt>
        <dd>{t("rates.perHour", { amount: check.fairTarget })}</dd>
      </dl>
    </div>
  );
}

/** The set-rate form (intent "rate") beside the fair-rate checks of the rate entered and of today's rate. */
export function RateSection({ page, actionData }: { page: ProductPageView; actionData: RateFailure | undefined }) {
  const t = useT();
  const { product, steps, today, current } = page;
  const { form, onSubmit, errorFor } = useValidatedForm<SetRateForm>(setRateSchema, actionData);
  const values = actionData?.values;
  const entered = actionData?.rateCheck ?? null;
  const activeSteps = steps.filter((s) => !s.archived);
  const unit = unitText(t, product.unit);
  return (
    <div className="split">
      <div>
        <h3>{t("rates.set")}</h3>
        <Form method="post" onSubmit={onSubmit} noValidate>
          <input type="hidden" name="intent" value="rate" />
          <FormAlert message={actionData?.formError} />
          {activeSteps.length > 0 ? (
            <SelectField
              label={t("rates.step")}
              error={errorFor("processStepId")}
              defaultValue={values?.processStepId ?? ""}
              registration={form.register("processStepId")}
            >
              <option value="">{t("rates.wholeProduct")}</option>
              {activeSteps.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <Field
            label={t("rates.rateLabel", { unit })}
            inputMode="decimal"
            hint={t("rates.rateHint")}
            error={errorFor("rate")}
            defaultValue={values?.rate}
            registration={form.register("rate")}
          />
          <Field
            label={t("rates.effectiveOn")}
            type="date"
            hint={t("rates.effectiveOnHint")}
            error={errorFor("effectiveOn")}
            defaultValue={values?.effectiveOn ?? today}
            registration={form.register("effectiveOn")}
          />
          <Field
            label={t("rates.reason")}
            hint={t("rates.reasonHint")}
            error={errorFor("reason")}
            defaultValue={values?.reason}
            registration={form.register("reason")}
          />
          {entered?.status === "belowMinimum" ? (
            <div className="confirm-below" role="alert">
              <p className="warning-text">
                {t("rates.belowMinimumWarning", { hourly: entered.impliedHourly, minimum: entered.minimum })}
              </p>
              <p>{t("rates.belowMinimumConfirmIntro")}</p>
              <CheckboxField
                label={t("rates.confirmBelowMinimum")}
                name="confirmBelowMinimum"
                error={errorFor("confirmBelowMinimum")}
                defaultChecked={values?.confirmBelowMinimum === "on"}
              />
              <TextAreaField
                label={t("rates.belowMinimumReason")}
                error={errorFor("belowMinimumReason")}
                defaultValue={values?.belowMinimumReason}
                registration={form.register("belowMinimumReason")}
              />
            </div>
          ) : null}
          <SubmitButton pending={t("form.saving")}>{t("rates.setSubmit")}</SubmitButton>
        </Form>
      </div>
      <aside className="fair-checks" aria-label={t("rates.fairCheck")}>
        <h3>{t("rates.fairCheck")}</h3>
        {entered ? (
          <FairCheck
            title={t("rates.checkEntered", { rate: t("catalogue.perUnit", { amount: entered.rate, unit }) })}
            check={entered}
          />
        ) : null}
        {current ? (
          <FairCheck
            title={t("rates.checkCurrent", {
              rate: t("catalogue.perUnit", { amount: current.rate, unit }),
              date: current.effectiveOn,
            })}
            check={current.check}
          />
        ) : (
          <p className="muted">{t("rates.noCurrent")}</p>
        )}
      </aside>
    </div>
  );
}
