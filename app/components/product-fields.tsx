// The fields of a product, shared by "new product" and "edit product" (one
// schema, productSchema, behind both forms).
import type { UseFormReturn } from "react-hook-form";
import type { ProductForm } from "../forms/catalogue.ts";
import { PRODUCT_UNITS_LIST } from "../forms/units.ts";
import { useT } from "../i18n/use-t.ts";
import { Field, SelectField, TextAreaField } from "./forms.tsx";
import { unitText } from "../i18n/units.ts";

type Values = Partial<Record<"name" | "unit" | "qualityStandard" | "standardMinutes" | "lossAllowance", string>>;

export function ProductFields({
  form,
  errorFor,
  values,
}: {
  form: UseFormReturn<ProductForm>;
  errorFor: (name: string) => string | undefined;
  values: Values | undefined;
}) {
  const t = useT();
  return (
    <>
      <Field
        label={t("products.name")}
        error={errorFor("name")}
        defaultValue={values?.name}
        registration={form.register("name")}
      />
      <SelectField
        label={t("products.unit")}
        error={errorFor("unit")}
        defaultValue={values?.unit ?? "piece"}
        registration={form.register("unit")}
      >
        {PRODUCT_UNITS_LIST.map((u) => (
          <option key={u} value={u}>
            {unitText(t, u)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("products.standardMinutes")}
        inputMode="decimal"
        hint={t("products.standardMinutesHint")}
        error={errorFor("standardMinutes")}
        defaultValue={values?.standardMinutes}
        registration={form.register("standardMinutes")}
      />
      <Field
        label={t("products.lossAllowance")}
        inputMode="decimal"
        hint={t("products.lossAllowanceHint")}
        error={errorFor("lossAllowance")}
        defaultValue={values?.lossAllowance}
        registration={form.register("lossAllowance")}
      />
      <TextAreaField
        label={t("products.qualityStandard")}
        hint={t("products.qualityStandardHint")}
        error={errorFor("qualityStandard")}
        defaultValue={values?.qualityStandard}
        registration={form.register("qualityStandard")}
      />
    </>
  );
}
