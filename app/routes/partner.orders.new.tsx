import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  Field,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  TextAreaField,
  useValidatedForm,
} from "../components/forms.tsx";
import { unitText } from "../i18n/units.ts";
import { chinaDate } from "../domain/dates.ts";
import { formatRate, rateFromMinor } from "../domain/money.ts";
import { placeOrderSchema, type PlaceOrderForm } from "../forms/orders.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { placeOrder } from "../models/order.server.ts";
import { listOffersForPartner } from "../models/partner.server.ts";
import { isSubmissionKey, newSubmissionKey } from "../models/submission.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["partner"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["partner"]);
  const locale = toLocale(user.locale);
  const offers = await listOffersForPartner(scope);
  return {
    // Once-only key: the same form sent twice places one order.
    submissionKey: newSubmissionKey(),
    today: chinaDate(new Date()),
    offers: offers.map((o) => ({
      productId: o.productId,
      name: o.productName,
      unit: o.productUnit,
      price: formatRate(rateFromMinor(o.priceE4), locale),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["partner"]);
  const formData = await readFormData(request);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", formValues(formData).values);
  const result = validate(placeOrderSchema, formData);
  if (!result.ok) return badRequest(result);
  const placed = await placeOrder(scope, result.data, new Date(), key);
  if (!placed.ok)
    return refuse(
      placed,
      { notOffered: { productId: "orders.notOffered" }, dueInPast: { dueOn: "error.dateInPast" } },
      formData,
    );
  return redirectWithNotice(`/partner/orders/${placed.id}`, { key: "orders.placed" });
}

export default function NewOrder() {
  const t = useT();
  const { today, offers, submissionKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit, errorFor } = useValidatedForm<PlaceOrderForm>(placeOrderSchema, actionData);
  return (
    <>
      <p>
        <Link to="/partner">← {t("orders.back")}</Link>
      </p>
      <h1>{t("orders.new.title")}</h1>
      {offers.length === 0 ? (
        <p className="empty">{t("orders.new.noOffers")}</p>
      ) : (
        <section className="card form-card">
          <FormAlert message={actionData?.formError} />
          <Form method="post" onSubmit={onSubmit} noValidate>
            <input type="hidden" name="submissionKey" value={submissionKey} />
            <SelectField
              label={t("orders.product")}
              placeholder={t("orders.new.choose")}
              options={offers.map((o) => ({
                value: o.productId,
                label: t("orders.new.option", { name: o.name, price: o.price, unit: unitText(t, o.unit) }),
              }))}
              hint={t("orders.new.priceHint")}
              error={errorFor("productId")}
              defaultValue={actionData?.values?.productId}
              registration={form.register("productId")}
            />
            <Field
              label={t("orders.quantity")}
              inputMode="numeric"
              autoComplete="off"
              error={errorFor("quantity")}
              defaultValue={actionData?.values?.quantity}
              registration={form.register("quantity")}
            />
            <Field
              label={t("orders.dueOn")}
              type="date"
              min={today}
              hint={t("orders.new.dueHint")}
              error={errorFor("dueOn")}
              defaultValue={actionData?.values?.dueOn}
              registration={form.register("dueOn")}
            />
            <TextAreaField
              label={t("orders.notes")}
              error={errorFor("notes")}
              defaultValue={actionData?.values?.notes}
              registration={form.register("notes")}
            />
            <SubmitButton pending={t("orders.new.submitting")}>{t("orders.new.submit")}</SubmitButton>
          </Form>
        </section>
      )}
    </>
  );
}
