// One product: details, archive/restore, bill of materials, process steps and
// piece rates. Several forms on one page, told apart by a hidden `intent`
// field (docs/conventions.md §4); each form shows only the errors of its own intent.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { unitText } from "../components/units.ts";
import {
  CheckboxField,
  Field,
  Form,
  FormAlert,
  Notice,
  SelectField,
  SubmitButton,
  TextAreaField,
  useValidatedForm,
  type ActionResult,
} from "../components/forms.tsx";
import { chinaDate } from "../domain/dates.ts";
import {
  formatAmount,
  formatQuantity,
  formatRate,
  impliedHourlyPay,
  type MoneyLocale,
  parseRate,
  quantityFromMinor,
  quantityToMinor,
  type Rate,
  rateFromMinor,
  scaledToString,
} from "../domain/money.ts";
import { rateInForce, type FairRateCheck } from "../domain/rates.ts";
import {
  bomLineSchema,
  processStepSchema,
  productSchema,
  type BomLineForm,
  type ProductForm,
} from "../forms/catalogue.ts";
import { setRateSchema, type SetRateForm } from "../forms/rates.ts";
import type { MessageKey } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { ProductFields } from "../components/product-fields.tsx";
import { useT } from "../i18n/use-t.ts";
import {
  addProcessStep,
  getMaterial,
  getProduct,
  listMaterials,
  removeBomLine,
  setBomLine,
  setProductArchived,
  updateProduct,
} from "../models/catalogue.server.ts";
import { checkFairRate, listRateVersions, setRate } from "../models/rates.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, validate, type FieldErrors } from "../utils/forms.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

/** A fair-rate check as the page shows it: every amount already formatted on the server. */
type CheckView =
  | { status: "unknown"; reason: "noStandardMinutes" | "noMinimumWage"; rate: string }
  | {
      status: "belowMinimum" | "belowFair" | "fair";
      rate: string;
      impliedHourly: string;
      minimum: string;
      fairTarget: string;
      minutes: string;
    };

/**
 * The 400 answer of the set-rate form: besides the usual field errors, the
 * check for the rate as entered, and whether the below-minimum confirmation
 * is asked for. (TypeScript folds it into the plainer 400 shapes of the other
 * intents, so the rate form reads its answer through this type.)
 */
type RateFailure = {
  ok: false;
  fieldErrors: FieldErrors;
  formError?: string;
  values: Record<string, string>;
  rateCheck: CheckView | null;
  needsConfirmation: boolean;
};

function checkView(check: FairRateCheck, rate: Rate, standardMinutesE2: number | null, locale: MoneyLocale): CheckView {
  if (check.status === "unknown") return { status: "unknown", reason: check.reason, rate: formatRate(rate, locale) };
  return {
    status: check.status,
    rate: formatRate(rate, locale),
    impliedHourly: formatAmount(check.impliedHourly, locale),
    minimum: formatAmount(check.minimum, locale),
    fairTarget: formatAmount(check.fairTarget, locale),
    minutes: scaledToString(BigInt(standardMinutesE2 ?? 0), 2),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const locale = toLocale(user.locale);
  const product = await getProduct(scope.workshopId, params.productId ?? "");
  if (!product) notFound();
  const today = chinaDate(new Date());
  const [versions, materials] = await Promise.all([
    listRateVersions(scope.workshopId, product.id),
    listMaterials(scope.workshopId),
  ]);

  // Rate history: the whole-piece versions first, then each step's in step order; newest first within each.
  const stepIndex = new Map(product.steps.map((s, i) => [s.id, i]));
  const stepName = new Map(product.steps.map((s) => [s.id, s.name]));
  const groupOrder = (stepId: string | null) =>
    stepId === null ? -1 : (stepIndex.get(stepId) ?? product.steps.length);
  const inForceIds = new Set<string>();
  for (const stepId of new Set(versions.map((v) => v.processStepId))) {
    const current = rateInForce(
      versions.filter((v) => v.processStepId === stepId),
      today,
    );
    if (current) inForceIds.add(current.id);
  }
  const rates = [...versions]
    .sort(
      (a, b) =>
        groupOrder(a.processStepId) - groupOrder(b.processStepId) ||
        (a.effectiveOn < b.effectiveOn ? 1 : a.effectiveOn > b.effectiveOn ? -1 : 0),
    )
    .map((v) => ({
      id: v.id,
      stepName: v.processStepId === null ? null : (stepName.get(v.processStepId) ?? ""),
      rate: formatRate(rateFromMinor(v.rateE4), locale),
      // The fair-rate figure of every whole-piece version (steps have no time test of their own yet).
      impliedHourly:
        v.processStepId === null && product.standardMinutesE2 !== null && product.standardMinutesE2 > 0
          ? formatAmount(
              impliedHourlyPay(rateFromMinor(v.rateE4), scaledToString(BigInt(product.standardMinutesE2), 2)),
              locale,
            )
          : null,
      effectiveOn: v.effectiveOn,
      reason: v.reason,
      setByName: v.setByName,
      used: v.used,
      belowMinimum: v.belowMinimum,
      belowMinimumReason: v.belowMinimumReason,
      state: inForceIds.has(v.id)
        ? ("inForce" as const)
        : v.effectiveOn > today
          ? ("scheduled" as const)
          : ("past" as const),
    }));

  const whole = rateInForce(
    versions.filter((v) => v.processStepId === null),
    today,
  );
  let current: { rate: string; effectiveOn: string; check: CheckView } | null = null;
  if (whole) {
    const rate = rateFromMinor(whole.rateE4);
    const check = await checkFairRate(scope.workshopId, product.id, rate);
    if (check)
      current = {
        rate: formatRate(rate, locale),
        effectiveOn: whole.effectiveOn,
        check: checkView(check, rate, product.standardMinutesE2, locale),
      };
  }

  return {
    today,
    product: {
      id: product.id,
      name: product.name,
      unit: product.unit,
      qualityStandard: product.qualityStandard,
      standardMinutes: product.standardMinutesE2 === null ? "" : scaledToString(BigInt(product.standardMinutesE2), 2),
      lossAllowance: scaledToString(BigInt(product.lossAllowanceE2), 2),
      archived: product.archivedAt !== null,
    },
    bom: product.bom.map((b) => ({
      id: b.id,
      materialName: b.materialName,
      materialUnit: b.materialUnit,
      quantity: formatQuantity(quantityFromMinor(b.quantityPerPieceE3), locale),
    })),
    steps: product.steps.map((s) => ({ id: s.id, name: s.name, archived: s.archivedAt !== null })),
    materials: materials.map((m) => ({ id: m.id, name: m.name, unit: m.unit })),
    rates,
    current,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const product = await getProduct(scope.workshopId, params.productId ?? "");
  if (!product) notFound();
  const base = `/coordinator/products/${product.id}`;
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "details") {
    const result = validate(productSchema, formData);
    if (!result.ok) return badRequest(result);
    const { name, unit, qualityStandard, standardMinutes, lossAllowance } = result.data;
    const saved = await updateProduct(scope, product.id, {
      name,
      unit,
      qualityStandard,
      standardMinutesE2: standardMinutes,
      lossAllowanceE2: lossAllowance,
    });
    if (!saved.ok) {
      if (saved.code === "notFound") notFound();
      return badRequest({ fieldErrors: { name: "catalogue.nameTaken" }, values: formValues(formData).values });
    }
    return redirect(`${base}?done=details#details`);
  }

  if (intent === "archive" || intent === "restore") {
    if (!(await setProductArchived(scope, product.id, intent === "archive", new Date()))) notFound();
    return redirect(`${base}?done=${intent}`);
  }

  if (intent === "bom") {
    const result = validate(bomLineSchema, formData);
    if (!result.ok) return badRequest(result);
    const material = await getMaterial(scope.workshopId, result.data.materialId);
    const saved =
      material !== null &&
      material.archivedAt === null &&
      (await setBomLine(scope, product.id, material.id, quantityToMinor(result.data.quantityPerPiece)));
    if (!saved)
      return badRequest({
        fieldErrors: { materialId: "products.materialUnavailable" },
        values: formValues(formData).values,
      });
    return redirect(`${base}?done=bom#bom`);
  }

  if (intent === "removeBom") {
    const lineId = formData.get("bomLineId");
    // Already gone (a second tap): nothing to do, and nothing to announce.
    const removed = typeof lineId === "string" && (await removeBomLine(scope, product.id, lineId));
    return redirect(removed ? `${base}?done=bomRemoved#bom` : `${base}#bom`);
  }

  if (intent === "step") {
    const result = validate(processStepSchema, formData);
    if (!result.ok) return badRequest(result);
    const added = await addProcessStep(scope, product.id, result.data.name);
    if (!added.ok) {
      if (added.code === "notFound") notFound();
      return badRequest({ fieldErrors: { name: "catalogue.nameTaken" }, values: formValues(formData).values });
    }
    return redirect(`${base}?done=step#steps`);
  }

  if (intent === "rate") {
    const locale = toLocale(user.locale);
    const { values } = formValues(formData);
    // The check for the rate as entered, shown next to the form whenever it parses.
    const enteredCheck = async (): Promise<CheckView | null> => {
      const parsed = parseRate(values.rate);
      // Like setRate: a process step's rate has no time test to be judged against.
      if (!parsed.ok || values.processStepId) return null;
      const check = await checkFairRate(scope.workshopId, product.id, parsed.value);
      return check && checkView(check, parsed.value, product.standardMinutesE2, locale);
    };
    const refuse = (failure: {
      fieldErrors?: FieldErrors;
      formError?: string;
      rateCheck: CheckView | null;
      needsConfirmation?: boolean;
    }) =>
      data<RateFailure>(
        {
          ok: false,
          fieldErrors: failure.fieldErrors ?? {},
          formError: failure.formError,
          values,
          rateCheck: failure.rateCheck,
          needsConfirmation: failure.needsConfirmation ?? false,
        },
        { status: 400 },
      );

    const result = validate(setRateSchema, formData);
    if (!result.ok) return refuse({ fieldErrors: result.fieldErrors, rateCheck: await enteredCheck() });
    const outcome = await setRate(scope, { productId: product.id, ...result.data }, new Date());
    if (outcome.ok) {
      const fair = outcome.check.status === "belowFair" ? "&fair=belowFair" : "";
      return redirect(`${base}?done=${outcome.replaced ? "rateReplaced" : "rateCreated"}${fair}#rates`);
    }
    switch (outcome.code) {
      case "needsConfirmation":
        return refuse({
          formError: "rates.needsConfirmation",
          // A reason without the tick: point at the box.
          fieldErrors:
            result.data.belowMinimumReason && !result.data.confirmBelowMinimum
              ? { confirmBelowMinimum: "rates.confirmRequired" }
              : {},
          rateCheck: checkView(outcome.check, result.data.rate, product.standardMinutesE2, locale),
          needsConfirmation: true,
        });
      case "rateUsed":
        return refuse({ formError: "rates.rateUsed", rateCheck: await enteredCheck() });
      case "notFound":
        return product.archivedAt !== null
          ? refuse({ formError: "rates.productArchived", rateCheck: null })
          : refuse({ fieldErrors: { processStepId: "rates.stepUnavailable" }, rateCheck: await enteredCheck() });
    }
  }

  return formError("error.unknownIntent", formValues(formData).values);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;

const DONE: Record<string, MessageKey> = {
  created: "products.created",
  details: "products.detailsSaved",
  archive: "products.archivedDone",
  restore: "products.restoredDone",
  bom: "products.bomSaved",
  bomRemoved: "products.bomRemoved",
  step: "products.stepAdded",
  rateCreated: "rates.created",
  rateReplaced: "rates.replaced",
};
const DONE_SECTION: Record<string, string> = {
  details: "details",
  bom: "bom",
  bomRemoved: "bom",
  step: "steps",
  rateCreated: "rates",
  rateReplaced: "rates",
};

/** The action's answer if it belongs to the form with this intent. */
function forIntent(actionData: ActionData, intent: string): ActionData {
  return actionData?.values?.intent === intent ? actionData : undefined;
}

function DoneNotice({ section }: { section: string }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done") ?? "";
  const key = DONE[done];
  if (!key || (DONE_SECTION[done] ?? "top") !== section) return null;
  return (
    <>
      <Notice>{t(key)}</Notice>
      {section === "rates" && searchParams.get("fair") === "belowFair" ? (
        <p className="alert warn">{t("rates.savedBelowFair")}</p>
      ) : null}
    </>
  );
}

export default function ProductPage() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Each form remounts after every submission, so it starts from the fresh loader data or the echoed values.
  const { key } = useLocation();
  const { product, bom, steps, materials, rates } = loaderData;
  const unit = unitText(t, product.unit);
  return (
    <>
      <p>
        <Link to="/coordinator/products">← {t("products.back")}</Link>
      </p>
      <h1>
        {product.name} {product.archived ? <span className="tag muted">{t("catalogue.archived")}</span> : null}
      </h1>
      <DoneNotice section="top" />
      {product.archived ? <p className="alert warn">{t("products.archivedNotice")}</p> : null}
      <FormAlert message={forIntent(actionData, "archive")?.formError ?? forIntent(actionData, "restore")?.formError} />

      <section className="card" id="details">
        <h2>{t("products.details")}</h2>
        <DoneNotice section="details" />
        <dl className="facts">
          <dt>{t("products.unit")}</dt>
          <dd>{unit}</dd>
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
        {/* A disclosure, not a script: open by itself when the form came back with errors. */}
        <details key={key} className="edit-details" open={forIntent(actionData, "details") ? true : undefined}>
          <summary className="button small">{t("catalogue.edit")}</summary>
          <DetailsForm key={key} product={product} actionData={forIntent(actionData, "details")} />
        </details>
        <Form method="post" className="archive-form">
          <input type="hidden" name="intent" value={product.archived ? "restore" : "archive"} />
          {product.archived ? null : <p className="hint">{t("products.archiveHint")}</p>}
          <button type="submit" className={product.archived ? "button" : "button danger"}>
            {product.archived ? t("catalogue.restore") : t("catalogue.archive")}
          </button>
        </Form>
      </section>

      <section className="card" id="rates">
        <h2>{t("rates.title")}</h2>
        <DoneNotice section="rates" />
        <RateHistory rates={rates} unit={unit} />
        {product.archived ? (
          <p className="muted">{t("rates.productArchived")}</p>
        ) : (
          <RateSection
            key={key}
            loaderData={loaderData}
            actionData={forIntent(actionData, "rate") as RateFailure | undefined}
          />
        )}
      </section>

      <section className="card" id="bom">
        <h2>{t("products.bom")}</h2>
        <DoneNotice section="bom" />
        {bom.length === 0 ? (
          <p className="empty">{t("products.bomNone")}</p>
        ) : (
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
                      <Form method="post">
                        <input type="hidden" name="intent" value="removeBom" />
                        <input type="hidden" name="bomLineId" value={line.id} />
                        <button type="submit" className="button small">
                          {t("products.bomRemove")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {materials.length === 0 ? (
          <p className="muted">
            {t("products.noMaterials")} <Link to="/coordinator/materials">{t("products.goMaterials")}</Link>
          </p>
        ) : (
          <BomForm key={key} materials={materials} actionData={forIntent(actionData, "bom")} />
        )}
      </section>

      <section className="card" id="steps">
        <h2>{t("products.steps")}</h2>
        <DoneNotice section="steps" />
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
        <StepForm key={key} actionData={forIntent(actionData, "step")} />
      </section>
    </>
  );
}

function DetailsForm({ product, actionData }: { product: LoaderData["product"]; actionData: ActionData }) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<ProductForm>(
    productSchema,
    actionData as ActionResult | undefined,
  );
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

function BomForm({ materials, actionData }: { materials: LoaderData["materials"]; actionData: ActionData }) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<BomLineForm>(
    bomLineSchema,
    actionData as ActionResult | undefined,
  );
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

function StepForm({ actionData }: { actionData: ActionData }) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<{ name: string }>(
    processStepSchema,
    actionData as ActionResult | undefined,
  );
  return (
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
  );
}

function RateHistory({ rates, unit }: { rates: LoaderData["rates"]; unit: string }) {
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

function RateSection({ loaderData, actionData }: { loaderData: LoaderData; actionData: RateFailure | undefined }) {
  const t = useT();
  const { product, steps, today, current } = loaderData;
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
