// One material's stock 库存 (ADR 018): in, out, back and on hand, the form to
// receive material into stock (bought, or supplied by the partner for an
// order), and the movements, latest first. Receiving takes effect once per
// submission key (a resent form receives once).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import {
  Field,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  useValidatedForm,
  type ActionResult,
} from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { HandOutWhere, MovementsList, StockFigures } from "../components/stock.tsx";
import { unitText } from "../i18n/units.ts";
import { quantityToMinor } from "../domain/money.ts";
import { receiveMaterialSchema, type ReceiveMaterialForm } from "../forms/stock.ts";
import { formatDate } from "../i18n/format.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { getMaterialStock, ordersForSupply, receiveMaterial } from "../models/material-stock.server.ts";
import { isSubmissionKey, newSubmissionKey } from "../models/submission.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { quantityText, stockPageView } from "../utils/stock-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

const MOVEMENTS_SHOWN = 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const locale = toLocale(user.locale);
  const stock = await getMaterialStock(scope.workshopId, params.materialId ?? "", MOVEMENTS_SHOWN);
  if (!stock) notFound();
  const orders = stock.archived ? [] : await ordersForSupply(scope.workshopId);
  return {
    key: newSubmissionKey(),
    stock: stockPageView(stock, locale),
    shownAll: stock.movements.length < MOVEMENTS_SHOWN,
    orders,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const formData = await readFormData(request);
  // Another workshop's material is not found, whatever was posted.
  const stock = await getMaterialStock(scope.workshopId, params.materialId ?? "", 0);
  if (!stock) notFound();
  if (formData.get("intent") !== "receive") return formError("error.unknownIntent", formValues(formData).values);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", formValues(formData).values);
  const form = validate(receiveMaterialSchema, formData);
  if (!form.ok) return badRequest(form);
  const quantityE3 = quantityToMinor(form.data.quantity);
  const outcome = await receiveMaterial(
    scope,
    stock.id,
    {
      quantityE3,
      source: form.data.source,
      orderId: form.data.source === "partner" ? form.data.orderId : null,
      note: form.data.note,
    },
    key,
  );
  if (!outcome.ok) {
    return refuse(outcome, { archived: "stock.archived", orderNotFound: { orderId: "stock.orderNotFound" } }, formData);
  }
  const here = `/coordinator/materials/${stock.id}`;
  if ("replayed" in outcome) return redirectWithNotice(here, { key: "form.saved" });
  return redirectWithNotice(here, {
    key: "stock.receivedNotice",
    params: { q: quantityText(quantityE3, toLocale(user.locale)), unit: stock.unit, name: stock.name },
  });
}

export default function MaterialStockPage() {
  const t = useT();
  const { stock, key: submissionKey, orders, shownAll } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { key } = useLocation();
  return (
    <>
      <p>
        <Link to="/coordinator/materials">← {t("stock.back")}</Link>
      </p>
      <h1>
        {t("stock.title", { name: stock.name })}
        {stock.archived ? <span className="tag muted">{t("catalogue.archived")}</span> : null}
      </h1>
      <PageNotice />
      <HandOutWhere />
      <section className="card" aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="visually-hidden">
          {t("stock.onHand")}
        </h2>
        <StockFigures figures={stock} />
      </section>
      {stock.archived ? (
        <p className="alert warn">{t("stock.archived")}</p>
      ) : (
        <ReceiveForm
          key={key}
          unit={stock.unit}
          submissionKey={submissionKey}
          orders={orders}
          result={actionData ?? undefined}
        />
      )}
      <section className="card" aria-labelledby="movements-heading">
        <h2 id="movements-heading">{t("stock.movements")}</h2>
        <MovementsList movements={stock.movements} unit={stock.unit} />
        {shownAll ? null : <p className="hint">{t("stock.latest", { n: MOVEMENTS_SHOWN })}</p>}
      </section>
    </>
  );
}

function ReceiveForm({
  unit,
  submissionKey,
  orders,
  result,
}: {
  unit: string;
  submissionKey: string;
  orders: {
    id: string;
    partnerName: string;
    productName: string;
    productUnit: string;
    quantity: number;
    dueOn: string;
  }[];
  result?: ActionResult;
}) {
  const t = useT();
  const locale = useLocale();
  const { form, onSubmit, errorFor } = useValidatedForm<ReceiveMaterialForm>(receiveMaterialSchema, result);
  return (
    <section className="card" aria-labelledby="receive-heading">
      <h2 id="receive-heading">{t("stock.receive")}</h2>
      <FormAlert message={result?.formError} />
      <Form method="post" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="receive" />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <Field
          label={t("stock.receiveQuantity", { unit: unitText(t, unit) })}
          inputMode="decimal"
          autoComplete="off"
          hint={t("stock.quantityHint")}
          error={errorFor("quantity")}
          defaultValue={result?.values?.quantity}
          registration={form.register("quantity")}
        />
        <SelectField
          label={t("stock.source")}
          error={errorFor("source")}
          defaultValue={result?.values?.source ?? "bought"}
          registration={form.register("source")}
          options={[
            { value: "bought", label: t("stock.source.bought") },
            { value: "partner", label: t("stock.source.partner") },
          ]}
        />
        <SelectField
          label={t("stock.order")}
          placeholder={t("stock.chooseOrder")}
          error={errorFor("orderId")}
          defaultValue={result?.values?.orderId}
          registration={form.register("orderId")}
          options={orders.map((o) => ({
            value: o.id,
            label: t("stock.orderOption", {
              partner: o.partnerName,
              product: o.productName,
              n: o.quantity,
              unit: unitText(t, o.productUnit, o.quantity),
              date: formatDate(o.dueOn, locale),
            }),
          }))}
        />
        <Field
          label={t("stock.note")}
          autoComplete="off"
          error={errorFor("note")}
          defaultValue={result?.values?.note}
          registration={form.register("note")}
        />
        <SubmitButton pending={t("form.saving")}>{t("stock.receiveSubmit")}</SubmitButton>
      </Form>
    </section>
  );
}
