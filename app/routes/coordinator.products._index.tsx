import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { unitText } from "../i18n/units.ts";
import { Form, FormAlert, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { ProductFields } from "../components/product-fields.tsx";
import { productSchema, type ProductForm } from "../forms/catalogue.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { createProduct } from "../models/catalogue.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { productListView } from "../utils/product-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const showArchived = new URL(request.url).searchParams.get("archived") === "1";
  const products = await productListView(
    scope.workshopId,
    toLocale(user.locale),
    { includeArchived: showArchived },
    new Date(),
  );
  return { products, showArchived };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const formData = await readFormData(request);
  const result = validate(productSchema, formData);
  if (!result.ok) return badRequest(result);
  const { name, unit, qualityStandard, standardMinutes, lossAllowance } = result.data;
  const created = await createProduct(scope, {
    name,
    unit,
    qualityStandard,
    standardMinutesE2: standardMinutes,
    lossAllowanceE2: lossAllowance,
  });
  if (!created.ok) return refuse(created, { nameTaken: { name: "catalogue.nameTaken" } }, formData);
  return redirectWithNotice(`/coordinator/products/${created.id}`, { key: "products.created" });
}

export default function ProductsPage() {
  const t = useT();
  const { products, showArchived } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit, errorFor } = useValidatedForm<ProductForm>(productSchema, actionData);
  const values = actionData?.values;
  return (
    <>
      <h1>{t("products.title")}</h1>
      <p className="toolbar">
        <Link to={showArchived ? "/coordinator/products" : "/coordinator/products?archived=1"}>
          {showArchived ? t("catalogue.hideArchived") : t("catalogue.showArchived")}
        </Link>
      </p>
      {products.length === 0 ? (
        <p className="empty">{t("products.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t("products.name")}</th>
                <th className="num">{t("products.currentRate")}</th>
                <th className="num">{t("products.standardMinutesShort")}</th>
                <th className="num">{t("products.lossAllowanceShort")}</th>
                <th>{t("products.unit")}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.id} className={p.archived ? "archived" : undefined}>
                  <td>
                    <Link to={p.id}>{p.name}</Link>
                    {p.archived ? <span className="tag muted">{t("catalogue.archived")}</span> : null}
                  </td>
                  <td className="num">
                    {p.rate ? (
                      <>
                        {t("catalogue.perUnit", { amount: p.rate.amount, unit: unitText(t, p.unit) })}
                        <span className="sub">{t("products.rateSince", { date: p.rate.effectiveOn })}</span>
                      </>
                    ) : (
                      <span className="muted">{p.stepPriced ? t("products.byStep") : t("products.noRate")}</span>
                    )}
                  </td>
                  <td className="num">
                    {p.standardMinutes === null
                      ? t("products.notMeasured")
                      : t("products.minutesValue", { minutes: p.standardMinutes })}
                  </td>
                  <td className="num">{p.lossAllowance}%</td>
                  <td className="nowrap">{unitText(t, p.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card">
        <h2>{t("products.add")}</h2>
        <FormAlert message={actionData?.formError} />
        <Form method="post" onSubmit={onSubmit} noValidate>
          <ProductFields form={form} errorFor={errorFor} values={values} />
          <SubmitButton pending={t("form.saving")}>{t("products.create")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
