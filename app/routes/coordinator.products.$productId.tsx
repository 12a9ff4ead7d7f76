// One product: details, archive/restore, bill of materials, process steps and
// piece rates. Several forms on one page, told apart by a hidden `intent`
// field (docs/conventions.md §4); each form shows only the answer to its own
// intent. The page's data comes from app/utils/product-view.server.ts, its
// parts from app/components/product-parts.tsx and app/components/rates.tsx.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Form, FormAlert, type ActionResult } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { BomForm, BomTable, DetailsForm, ProductFacts, StepsPart } from "../components/product-parts.tsx";
import { RateHistory, RateSection } from "../components/rates.tsx";
import { unitText } from "../i18n/units.ts";
import { quantityToMinor } from "../domain/money.ts";
import { bomLineSchema, processStepSchema, productSchema } from "../forms/catalogue.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { setArchived } from "../models/archive.server.ts";
import { addProcessStep, getProduct, removeBomLine, setBomLine, updateProduct } from "../models/catalogue.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { productPageView } from "../utils/product-view.server.ts";
import { answerSetRate, type RateFailure } from "../utils/rate-form.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const product = await getProduct(scope.workshopId, params.productId ?? "");
  if (!product) notFound();
  return productPageView(scope.workshopId, product, toLocale(user.locale), new Date());
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
    if (!saved.ok) return refuse(saved, { nameTaken: { name: "catalogue.nameTaken" } }, formData);
    return redirectWithNotice(`${base}#details`, { key: "products.detailsSaved", at: "details" });
  }

  if (intent === "archive" || intent === "restore") {
    const done = await setArchived(scope, "product", product.id, intent === "archive", new Date());
    if (!done.ok) return refuse(done, {}, formData);
    return redirectWithNotice(base, { key: intent === "archive" ? "products.archivedDone" : "products.restoredDone" });
  }

  if (intent === "bom") {
    const result = validate(bomLineSchema, formData);
    if (!result.ok) return badRequest(result);
    const { materialId, quantityPerPiece } = result.data;
    const saved = await setBomLine(scope, product.id, materialId, quantityToMinor(quantityPerPiece));
    if (!saved.ok) return refuse(saved, { notFound: { materialId: "products.materialUnavailable" } }, formData);
    return redirectWithNotice(`${base}#bom`, { key: "products.bomSaved", at: "bom" });
  }

  if (intent === "removeBom") {
    const lineId = formData.get("bomLineId");
    // Already gone (a second tap): nothing to do, and nothing to announce.
    const removed = typeof lineId === "string" && (await removeBomLine(scope, product.id, lineId)).ok;
    return removed
      ? redirectWithNotice(`${base}#bom`, { key: "products.bomRemoved", at: "bom" })
      : redirect(`${base}#bom`);
  }

  if (intent === "step") {
    const result = validate(processStepSchema, formData);
    if (!result.ok) return badRequest(result);
    const added = await addProcessStep(scope, product.id, result.data.name);
    if (!added.ok) return refuse(added, { nameTaken: { name: "catalogue.nameTaken" } }, formData);
    return redirectWithNotice(`${base}#steps`, { key: "products.stepAdded", at: "steps" });
  }

  if (intent === "rate") {
    return answerSetRate(scope, product, formData, toLocale(user.locale), `${base}#rates`);
  }

  return formError("error.unknownIntent", formValues(formData).values);
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** The action's answer if it belongs to the form with this intent. */
function forIntent(actionData: ActionData, intent: string): ActionResult | undefined {
  return actionData?.values?.intent === intent ? (actionData as ActionResult) : undefined;
}

export default function ProductPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Each form remounts after every submission, so it starts from the fresh loader data or the echoed values.
  const { key } = useLocation();
  const { product, bom, steps, materials, rates } = page;
  return (
    <>
      <p>
        <Link to="/coordinator/products">← {t("products.back")}</Link>
      </p>
      <h1>
        {product.name} {product.archived ? <span className="tag muted">{t("catalogue.archived")}</span> : null}
      </h1>
      <PageNotice />
      {product.archived ? <p className="alert warn">{t("products.archivedNotice")}</p> : null}
      <FormAlert message={forIntent(actionData, "archive")?.formError ?? forIntent(actionData, "restore")?.formError} />

      <section className="card" id="details">
        <h2>{t("products.details")}</h2>
        <PageNotice at="details" />
        <ProductFacts product={product} />
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
        <PageNotice at="rates" />
        <RateHistory rates={rates} unit={unitText(t, product.unit)} />
        {product.archived ? (
          <p className="muted">{t("rates.productArchived")}</p>
        ) : (
          <RateSection key={key} page={page} actionData={forIntent(actionData, "rate") as RateFailure | undefined} />
        )}
      </section>

      <section className="card" id="bom">
        <h2>{t("products.bom")}</h2>
        <PageNotice at="bom" />
        <BomTable bom={bom} />
        <BomForm key={key} materials={materials} actionData={forIntent(actionData, "bom")} />
      </section>

      <section className="card" id="steps">
        <h2>{t("products.steps")}</h2>
        <PageNotice at="steps" />
        <StepsPart key={key} steps={steps} actionData={forIntent(actionData, "step")} />
      </section>
    </>
  );
}
