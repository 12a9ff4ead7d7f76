// The product page's other sections: the details form, the bill of materials
// (table and form) and the process steps (list and form). Each form posts its
// own `intent` to the product page's action and shows only its own answer.
import { Link } from "@remix-run/react";
import {
  bomLineSchema,
  processStepSchema,
  productSchema,
  type BomLineForm,
  type ProductForm,
} from "../forms/catalogue.ts";
import { useT } from "../i18n/use-t.ts";
import type { ProductPageView } from "../utils/product-view.server.ts";
import {
  Field,
  Form,
  FormAlert,
  IntentButton,
  SelectField,
  SubmitButton,
  useValidatedForm,
  type ActionResult,
} from "./forms.tsx";
import { ProductFields } from "./product-fields.tsx";
import { unitText } from "../i18n/units.ts";

/** The product's facts: unit, standard minutes, loss allowance, quality standard. */
export function ProductFacts({ product }: { product: ProductPageView["product"] }) {
  const t = useT();
  return (
    <dl className="facts">
      <dt>{t("products.unit")}</dt>
      <dd>{unitText(t, product.unit)}</dd>
      <dt>{t("products.standardMinutesShort")}</dt>
      <dd>
        {product.standardMinutes
          ? t("products.minutesValue", { minutes: product.standardMinutes })
          : t("products.notMeasured")}
      </dd>
      <dt>{t("products.lossAllowanceShort")}</dt>
      <dd>{product.lossAllowance}%</dd>
      <dt>{t("products.qualityStandard")}</dt>
      <dd className="plain">{product.qualityStandard || "—"}</dd>
    </dl>
  );
}

export function DetailsForm({
  product,
  actionData,
}: {
  product: ProductPageView["product"];
  actionData?: ActionResult;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<ProductForm>(productSchema, actionData);
  const values = actionData?.values ?? {
    name: product.name,
    unit: product.unit,
    qualityStandard: product.qualityStandard,
    standardMinutes: product.standardMinutes,
    lossAllowance: product.lossAllowance,
  };
  return (
    <Form method="post" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="intent" value="details" />
      <FormAlert message={actionData?.formError} />
      <ProductFields form={form} errorFor={errorFor} values={values} />
      <SubmitButton pending={t("form.saving")}>{t("products.saveDetails")}</SubmitButton>
    </Form>
  );
}

/** The bill of materials: one line per material, each with a remove button. */
export function BomTable({ bom }: { bom: ProductPageView["bom"] }) {
  const t = useT();
  if (bom.length === 0) return <p className="empty">{t("products.bomNone")}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th>{t("products.bomMaterial")}</th>
            <th className="num">{t("products.bomQuantity")}</th>
            <th>
              <span className="visually-hidden">{t("catalogue.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {bom.map((line) => (
            <tr key={line.id}>
              <td>{line.materialName}</td>
              <td className="num">
                {line.quantity} {unitText(t, line.materialUnit)}
              </td>
              <td>
                <IntentButton intent="removeBom" fields={{ bomLineId: line.id }} label={t("products.bomRemove")} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Sets how much of a material one piece uses; without materials, a pointer to the materials page. */
export function BomForm({
  materials,
  actionData,
}: {
  materials: ProductPageView["materials"];
  actionData?: ActionResult;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<BomLineForm>(bomLineSchema, actionData);
  if (materials.length === 0) {
    return (
      <p className="muted">
        {t("products.noMaterials")} <Link to="/coordinator/materials">{t("products.goMaterials")}</Link>
      </p>
    );
  }
  const values = actionData?.values;
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="inline-fields">
      <input type="hidden" name="intent" value="bom" />
      <FormAlert message={actionData?.formError} />
      <SelectField
        label={t("products.bomMaterial")}
        error={errorFor("materialId")}
        defaultValue={values?.materialId ?? ""}
        registration={form.register("materialId")}
      >
        <option value="">{t("products.bomChoose")}</option>
        {materials.map((m) => (
          <option key={m.id} value={m.id}>
            {t("catalogue.nameWithUnit", { name: m.name, unit: unitText(t, m.unit) })}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("products.bomQuantity")}
        inputMode="decimal"
        hint={t("products.bomQuantityHint")}
        error={errorFor("quantityPerPiece")}
        defaultValue={values?.quantityPerPiece}
        registration={form.register("quantityPerPiece")}
      />
      <SubmitButton pending={t("form.saving")}>{t("products.bomSave")}</SubmitButton>
    </Form>
  );
}

/** The process steps in order, and the form that adds one. */
export function StepsPart({ steps, actionData }: { steps: ProductPageView["steps"]; actionData?: ActionResult }) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<{ name: string }>(processStepSchema, actionData);
  return (
    <>
      {steps.length === 0 ? (
        <p className="empty">{t("products.stepsNone")}</p>
      ) : (
        <ol className="list steps">
          {steps.map((s) => (
            <li key={s.id}>
              {s.name} {s.archived ? <span className="tag muted">{t("catalogue.archived")}</span> : null}
            </li>
          ))}
        </ol>
      )}
      <Form method="post" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="step" />
        <FormAlert message={actionData?.formError} />
        <Field
          label={t("products.stepName")}
          error={errorFor("name")}
          defaultValue={actionData?.values?.name}
          registration={form.register("name")}
        />
        <SubmitButton pending={t("form.saving")}>{t("products.addStep")}</SubmitButton>
      </Form>
    </>
  );
}
