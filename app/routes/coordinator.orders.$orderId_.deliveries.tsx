// 交付: deliveries of one order to its partner (ADR 021). What is ready to
// deliver (passed, not delivered), the form to record a delivery (never more
// than that, also when two are sent at once; a resent form records once), and
// the deliveries so far with their notes and what the partner owes. The `_`
// keeps it out of the order page's layout.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Field, Form, FormAlert, SubmitButton, useValidatedForm, type ActionResult } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { DeliveriesCard } from "../components/order-quality.tsx";
import { deliverySchema, type DeliveryForm } from "../forms/quality.ts";
import { msg } from "../forms/fields.ts";
import { translator } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { unitText } from "../i18n/units.ts";
import { listOrderDeliveries, recordDelivery } from "../models/delivery.server.ts";
import { getWorkshopOrder } from "../models/order.server.ts";
import { isSubmissionKey, newSubmissionKey } from "../models/submission.server.ts";
import styles from "../styles/quality.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { deliveriesView } from "../utils/order-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const order = await getWorkshopOrder(scope.workshopId, params.orderId ?? "");
  if (!order) notFound();
  const deliveries = await listOrderDeliveries(scope.workshopId, order.id);
  return {
    order: { id: order.id, productName: order.productName, unit: order.productUnit, status: order.status },
    deliveries: deliveriesView(order, deliveries, toLocale(user.locale)),
    deliverKey: newSubmissionKey(),
  };
}

// A refused delivery (someone else just delivered those pieces) must show what is ready now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" || defaultShouldRevalidate;

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const orderId = params.orderId ?? "";
  const formData = await readFormData(request);
  const { values } = formValues(formData);
  if (formData.get("intent") !== "deliver") return formError("error.unknownIntent", values);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", values);
  const form = validate(deliverySchema, formData);
  if (!form.ok) return badRequest(form);
  const order = await getWorkshopOrder(scope.workshopId, orderId);
  if (!order) notFound();
  const outcome = await recordDelivery(scope, orderId, form.data, new Date(), key);
  const here = `/coordinator/orders/${orderId}/deliveries`;
  if (!outcome.ok) {
    const t = translator(toLocale(user.locale));
    const n = outcome.code === "exceedsPassed" ? outcome.available : 0;
    return refuse(
      outcome,
      {
        notAccepted: "delivery.notAccepted",
        exceedsPassed: { quantity: msg("delivery.exceedsPassed", { n, unit: unitText(t, order.productUnit, n) }) },
      },
      formData,
    );
  }
  if ("replayed" in outcome) return redirectWithNotice(here, { key: "delivery.recordedAgain" });
  return redirectWithNotice(here, {
    key: outcome.completed ? "delivery.completedNotice" : "delivery.recorded",
    params: { n: form.data.quantity, unit: order.productUnit },
  });
}

export default function OrderDeliveries() {
  const t = useT();
  const { order, deliveries, deliverKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const { key } = useLocation();
  const pieces = (n: number) => t("orders.quantityOf", { n, unit: unitText(t, order.unit, n) });
  return (
    <>
      <p>
        <Link to={`/coordinator/orders/${order.id}`}>← {t("delivery.back")}</Link>
      </p>
      <h1>{t("delivery.pageTitle", { product: order.productName })}</h1>
      <PageNotice />
      <section className="card" aria-labelledby="deliver-heading">
        <h2 id="deliver-heading">{t("delivery.formTitle")}</h2>
        <p className="big">{t("delivery.available", { n: pieces(deliveries.deliverable) })}</p>
        {order.status === "completed" ? (
          <p>{t("delivery.completed")}</p>
        ) : order.status !== "accepted" ? (
          <p>{t("delivery.notAccepted")}</p>
        ) : deliveries.deliverable === 0 ? (
          <p className="muted">{t("delivery.nothingReady")}</p>
        ) : (
          <DeliverForm
            key={key}
            available={deliveries.deliverable}
            unitText={pieces(deliveries.deliverable)}
            submissionKey={deliverKey}
            result={actionData}
          />
        )}
        {order.status === "accepted" && deliveries.deliverable === 0 ? (
          <FormAlert message={actionData?.formError} />
        ) : null}
      </section>
      <DeliveriesCard
        deliveries={deliveries}
        unit={order.unit}
        notePath={(id) => `/coordinator/deliveries/${id}`}
        statementPath={`/coordinator/orders/${order.id}/statement`}
      />
    </>
  );
}

function DeliverForm({
  available,
  unitText: most,
  submissionKey,
  result,
}: {
  available: number;
  unitText: string;
  submissionKey: string;
  result?: ActionResult;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<DeliveryForm>(deliverySchema, result);
  return (
    <>
      <FormAlert message={result?.formError} />
      <Form method="post" onSubmit={onSubmit} className="delivery-form">
        <input type="hidden" name="intent" value="deliver" />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <input type="hidden" value={String(available)} {...form.register("available")} />
        <Field
          label={t("delivery.quantity")}
          hint={t("delivery.quantityHint", { n: most })}
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          error={errorFor("quantity")}
          defaultValue={result?.values?.quantity ?? String(available)}
          registration={form.register("quantity")}
        />
        <Field
          label={t("delivery.note")}
          autoComplete="off"
          error={errorFor("note")}
          defaultValue={result?.values?.note}
          registration={form.register("note")}
        />
        <SubmitButton pending={t("form.saving")}>{t("delivery.submit")}</SubmitButton>
      </Form>
    </>
  );
}
