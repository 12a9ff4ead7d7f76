import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Form, FormAlert, SubmitButton } from "../components/forms.tsx";
import { ConfirmStep } from "../components/confirm.tsx";
import { DeliveriesCard, OrderQualityCard } from "../components/order-quality.tsx";
import { PageNotice } from "../components/notice.tsx";
import { OrderFacts, OrderStatusTag, OrderSummary, ProgressBar, ProgressFacts } from "../components/orders.tsx";
import { hasProgress } from "../domain/orders.ts";
import { cancelOrderSchema } from "../forms/orders.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { listPartnerDeliveries } from "../models/delivery.server.ts";
import { cancelOrder, getPartnerOrder } from "../models/order.server.ts";
import { reasonsForOrder } from "../models/quality.server.ts";
import styles from "../styles/quality.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { deliveriesView, orderQualityView, orderView } from "../utils/order-view.server.ts";

export const access = { roles: ["partner"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["partner"]);
  const order = await getPartnerOrder(scope, params.orderId ?? "");
  if (!order) notFound();
  const locale = toLocale(user.locale);
  // Quality and deliveries (ADR 021): read only for an order that is (or was) being made.
  const [reasons, deliveries] = hasProgress(order.status)
    ? await Promise.all([reasonsForOrder(scope.workshopId, order.id), listPartnerDeliveries(scope, order.id)])
    : [[], []];
  return {
    order: orderView(order, locale),
    quality: orderQualityView(order.progress, reasons),
    deliveries: deliveriesView(order, deliveries, locale),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["partner"]);
  const formData = await readFormData(request);
  if (formData.get("intent") !== "cancel") return formError("error.unknownIntent", formValues(formData).values);
  const result = validate(cancelOrderSchema, formData);
  if (!result.ok) return badRequest(result);
  const outcome = await cancelOrder(scope, params.orderId ?? "");
  if (!outcome.ok) return refuse(outcome, { notPending: "orders.notPending" }, formData);
  return redirectWithNotice(`/partner/orders/${params.orderId}`, { key: "orders.cancelled" });
}

export default function PartnerOrder() {
  const t = useT();
  const { order, quality, deliveries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Cancelling cannot be undone: the first button only opens a confirmation step (a link, so also without JavaScript).
  const confirmingCancel = order.status === "pending" && searchParams.get("cancel") === "confirm";
  return (
    <>
      <p>
        <Link to="/partner">← {t("orders.back")}</Link>
      </p>
      <h1>
        {order.productName} <OrderStatusTag status={order.status} />
      </h1>
      <PageNotice />
      <FormAlert message={actionData?.formError} />
      <section className="card">
        <OrderFacts order={order} />
      </section>
      {hasProgress(order.status) ? (
        <section className="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading">{t("orders.progress")}</h2>
          <ProgressBar progress={order.progress} />
          <ProgressFacts progress={order.progress} />
          <p className="hint">{t("orders.countsLater")}</p>
        </section>
      ) : null}
      {hasProgress(order.status) ? (
        <>
          <OrderQualityCard quality={quality} unit={order.unit} />
          <DeliveriesCard
            deliveries={deliveries}
            unit={order.unit}
            notePath={(id) => `/partner/deliveries/${id}`}
            statementPath={`/partner/orders/${order.id}/statement`}
          />
        </>
      ) : null}
      {order.status === "pending" && !confirmingCancel ? (
        <section className="card">
          <p className="muted">{t("orders.cancelHint")}</p>
          <Link to="?cancel=confirm#cancel-confirm" className="button danger" preventScrollReset>
            {t("orders.cancel")}
          </Link>
        </section>
      ) : null}
      {confirmingCancel ? (
        <ConfirmStep
          id="cancel-confirm"
          title={t("orders.cancelConfirm.title")}
          warning={t("orders.cancelConfirm.warning")}
          backTo="."
          backLabel={t("orders.cancelConfirm.keep")}
        >
          <OrderSummary order={{ ...order, partnerName: undefined }} />
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <input type="hidden" name="confirm" value="yes" />
            <SubmitButton className="button danger-solid" pending={t("form.saving")}>
              {t("orders.cancelConfirm.submit")}
            </SubmitButton>
          </Form>
        </ConfirmStep>
      ) : null}
    </>
  );
}
