// Workshop settings: the local hourly minimum wage behind the fair-rate check
// (and where the figure comes from). Every change is audited by the model.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Field, Form, FormAlert, SubmitButton, TextAreaField, useValidatedForm } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { amountFromMinor, amountToMinor, amountToString, formatAmount, percentOfAmount } from "../domain/money.ts";
import { FAIR_RATE_PERCENT } from "../domain/rates.ts";
import { minimumWageSchema, type MinimumWageForm } from "../forms/settings.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { getWorkshopSettings, setMinimumWage } from "../models/workshop.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const locale = toLocale(user.locale);
  const settings = await getWorkshopSettings(scope.workshopId);
  if (!settings) notFound();
  const minimum = settings.hourlyMinimumWageFen === null ? null : amountFromMinor(settings.hourlyMinimumWageFen);
  return {
    minimum: minimum && {
      formatted: formatAmount(minimum, locale),
      fairTarget: formatAmount(percentOfAmount(minimum, FAIR_RATE_PERCENT), locale),
      /** Canonical text ("23.00") for the form's starting value. */
      input: amountToString(minimum),
    },
    source: settings.minimumWageSource,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const result = validate(minimumWageSchema, await readFormData(request));
  if (!result.ok) return badRequest(result);
  await setMinimumWage(scope, {
    hourlyMinimumWageFen: amountToMinor(result.data.hourlyMinimumWage),
    minimumWageSource: result.data.minimumWageSource,
  });
  return redirectWithNotice("/coordinator/settings", { key: "settings.saved" });
}

export default function SettingsPage() {
  const t = useT();
  const { minimum, source } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit, errorFor } = useValidatedForm<MinimumWageForm>(minimumWageSchema, actionData);
  const values = actionData?.values;
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <PageNotice />
      <section className="card">
        <h2>{t("settings.minimumWage")}</h2>
        <p className="muted">{t("settings.minimumWageIntro")}</p>
        <dl className="facts">
          <dt>{t("settings.current")}</dt>
          <dd>{minimum ? t("rates.perHour", { amount: minimum.formatted }) : t("settings.notSet")}</dd>
          {minimum ? (
            <>
              <dt>{t("settings.fairTarget")}</dt>
              <dd>{t("rates.perHour", { amount: minimum.fairTarget })}</dd>
            </>
          ) : null}
          <dt>{t("settings.source")}</dt>
          <dd className="plain">{source || "—"}</dd>
        </dl>
      </section>
      <section className="card">
        <h2>{t("settings.change")}</h2>
        <FormAlert message={actionData?.formError} />
        <Form method="post" onSubmit={onSubmit} noValidate>
          <Field
            label={t("settings.hourlyMinimumWage")}
            inputMode="decimal"
            hint={t("settings.hourlyMinimumWageHint")}
            error={errorFor("hourlyMinimumWage")}
            defaultValue={values?.hourlyMinimumWage ?? minimum?.input}
            registration={form.register("hourlyMinimumWage")}
          />
          <TextAreaField
            label={t("settings.minimumWageSource")}
            hint={t("settings.minimumWageSourceHint")}
            error={errorFor("minimumWageSource")}
            defaultValue={values?.minimumWageSource ?? source}
            registration={form.register("minimumWageSource")}
          />
          <SubmitButton pending={t("form.saving")}>{t("form.save")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
