import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Field, Form, SubmitButton, type ActionResult } from "../components/forms.tsx";
import { errorText, FormAlert } from "../components/form-alert.tsx";
import { unitText } from "../i18n/units.ts";
import { msg } from "../forms/fields.ts";
import { claimSchema } from "../forms/orders.ts";
import { formatDate } from "../i18n/format.ts";
import { translator } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { claimOpenWork, getWorkerAssignment, listOpenWork } from "../models/order.server.ts";
import { isSubmissionKey, newSubmissionKey } from "../models/submission.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { rateText } from "../utils/order-view.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const locale = toLocale(user.locale);
  const work = await listOpenWork(scope, new Date());
  return {
    work: work.map((w) => ({
      orderId: w.orderId,
      productName: w.productName,
      unit: w.productUnit,
      open: w.open,
      dueOn: w.dueOn,
      rate: rateText(w.rate, locale),
      // One key per form: a resent form (double tap, retry) claims once.
      submissionKey: newSubmissionKey(),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const formData = await readFormData(request);
  const { values } = formValues(formData);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("claim.expired", values);
  const result = validate(claimSchema, formData);
  if (!result.ok) return badRequest(result);
  const claimed = await claimOpenWork(scope, result.data.orderId, result.data.quantity, key);
  if (claimed.ok) {
    // What she just took (a resent form answers with the first claim's assignment): only ever one of her own.
    const task = claimed.id ? await getWorkerAssignment(scope, claimed.id, new Date()) : null;
    if (!task) return redirect("/worker");
    return redirectWithNotice("/worker", {
      key: "claim.claimed",
      params: { n: task.quantity, unit: task.productUnit, product: task.productName },
    });
  }
  // Refused: say how many are left now (someone else may just have claimed some), or that it is gone.
  const now = (await listOpenWork(scope, new Date())).find((w) => w.orderId === result.data.orderId);
  const left = now && {
    quantity: msg("claim.onlyLeft", {
      n: now.open,
      unit: unitText(translator(toLocale(user.locale)), now.productUnit, now.open),
    }),
  };
  return refuse(claimed, { notFound: "claim.gone", exceedsOpen: left ?? "claim.gone" }, values);
}

export default function ClaimWork() {
  const t = useT();
  const { work } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failedOrder = actionData?.values?.orderId;
  const gone =
    actionData && failedOrder && !work.some((w) => w.orderId === failedOrder) ? actionData.formError : undefined;
  return (
    <>
      <h1>{t("claim.title")}</h1>
      <FormAlert message={gone ?? (actionData && !failedOrder ? actionData.formError : undefined)} />
      {work.length === 0 ? (
        <p className="empty card">{t("claim.none")}</p>
      ) : (
        <ul className="task-list">
          {work.map((w) => (
            <ClaimCard key={w.orderId} item={w} result={failedOrder === w.orderId ? actionData : undefined} />
          ))}
        </ul>
      )}
    </>
  );
}

type Item = {
  orderId: string;
  productName: string;
  unit: string;
  open: number;
  dueOn: string;
  rate: string | null;
  submissionKey: string;
};

/**
 * One open order and its claim form: a plain form, checked by the action with
 * claimSchema (the worker's pages ship no JavaScript, so there is no browser-side
 * check to run; docs/decisions/015-worker-page-weight-and-speed.md).
 */
function ClaimCard({ item, result }: { item: Item; result?: ActionResult }) {
  const t = useT();
  const locale = useLocale();
  const unit = unitText(t, item.unit);
  const openUnits = unitText(t, item.unit, item.open);
  return (
    <li className="task-card claim-card">
      <h2 className="task-product">{item.productName}</h2>
      <p className="task-quantity">{t("claim.open", { n: item.open, unit: openUnits })}</p>
      <p className="task-due">{t("claim.due", { date: formatDate(item.dueOn, locale) })}</p>
      <p className="task-rate">{item.rate ? t("claim.rate", { unit, rate: item.rate }) : t("claim.noRate")}</p>
      <FormAlert message={result?.formError} />
      <Form method="post" className="claim-form">
        <input type="hidden" name="orderId" value={item.orderId} />
        <input type="hidden" name="submissionKey" value={item.submissionKey} />
        <Field
          label={t("claim.quantity")}
          name="quantity"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          error={errorText(t, result?.fieldErrors?.quantity)}
          defaultValue={result?.values?.quantity}
        />
        <SubmitButton className="button primary" pending={t("claim.submitting")}>
          {t("claim.submit")}
        </SubmitButton>
      </Form>
    </li>
  );
}
