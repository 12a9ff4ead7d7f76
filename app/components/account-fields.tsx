// The fields of a login someone creates for another person (a worker, a
// coordinator, a partner firm's contact): name, mobile number and an initial
// password typed in plain view so it can be read out to her. One schema
// (newAccountSchema) and these fields serve all three forms.
import type { UseFormReturn } from "react-hook-form";
import type { NewAccountForm } from "../forms/account.ts";
import { useT } from "../i18n/use-t.ts";
import { Field } from "./forms.tsx";

export function NewAccountFields({
  form,
  errorFor,
  values,
  passwordHint,
}: {
  form: UseFormReturn<NewAccountForm>;
  errorFor: (name: string) => string | undefined;
  values?: Record<string, string>;
  /** How the password reaches the person (in her language). */
  passwordHint?: string;
}) {
  const t = useT();
  return (
    <>
      <Field
        label={t("workers.name")}
        error={errorFor("name")}
        defaultValue={values?.name}
        registration={form.register("name")}
      />
      <Field
        label={t("workers.phone")}
        type="tel"
        inputMode="numeric"
        error={errorFor("phone")}
        defaultValue={values?.phone}
        registration={form.register("phone")}
      />
      <Field
        label={t("workers.initialPassword")}
        type="text"
        autoComplete="new-password"
        hint={passwordHint}
        error={errorFor("password")}
        registration={form.register("password")}
      />
    </>
  );
}
