// One order for the coordinator: decide it (accept/decline), give its pieces
// out (assign to a worker, open or close the claim pool), see its assignments.
// Forms are told apart by a hidden `intent`; each gives pieces out once per
// submission key (docs/decisions/010-allocation-and-once-only.md). The forms
// themselves live in app/components/order-forms.tsx.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { type ActionResult } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { AllocationForms, DecideForms } from "../components/order-forms.tsx";
import { DeliveriesCard, OrderQualityCard } from "../components/order-quality.tsx";
import { GivingOutLine, OrderFacts, OrderStatusTag, ProgressBar, ProgressFacts } from "../components/orders.tsx";
import { unitText } from "../i18n/units.ts";
import { chinaDate } from "../domain/dates.ts";
import { hasProgress } from "../domain/orders.ts";
import { msg } from "../forms/fields.ts";
import { assignSchema, decideOrderSchema, openForClaimingSchema } from "../forms/orders.ts";
import { formatDate } from "../i18n/format.ts";
import { translator } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import {
  assignToWorker,
  closeForClaiming,
  decideOrder,
  getWorkshopOrder,
  openForClaiming,
  type AllocationResult,
} from "../models/order.server.ts";
import { listOrderDeliveries } from "../models/delivery.server.ts";
import { reasonsForOrder } from "../models/quality.server.ts";
import { listWorkers } from "../models/user.server.ts";
import styles from "../styles/quality.css?url";
import { isSubmissionKey, newSubmissionKey } from "../models/submission.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { deliveriesView, orderQualityView, orderView } from "../utils/order-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const order = await getWorkshopOrder(scope.workshopId, params.orderId ?? "");
  if (!order) notFound();
  const workers = order.status === "accepted" ? (await listWorkers(scope.workshopId)).filter((w) => w.active) : [];
  const [reasons, deliveries] = await Promise.all([
    reasonsForOrder(scope.workshopId, order.id),
    listOrderDeliveries(scope.workshopId, order.id),
  ]);
  const locale = toLocale(user.locale);
  return {
    quality: orderQualityView(order.progress, reasons),
    deliveries: deliveriesView(order, deliveries, locale),
    // Once-only keys, one per form that gives pieces out: a resent form does it once.
    keys: { assign: newSubmissionKey(), open: newSubmissionKey(), close: newSubmissionKey() },
    today: chinaDate(new Date()),
    order: orderView(order, locale),
    assignments: order.assignments.map((a) => ({
      id: a.id,
      workerName: a.workerName,
      quantity: a.quantity,
      dueOn: a.dueOn,
      source: a.source,
      status: a.status,
    })),
    // Two workers may share a name: the last four digits of the phone tell them apart.
    workers: workers.map((w) => ({ id: w.id, name: w.name, phoneTail: w.phone.slice(-4) })),
  };
}

const INTENTS = ["accept", "decline", "assign", "open", "close"] as const;
type Intent = (typeof INTENTS)[number];

function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && (INTENTS as readonly string[]).includes(value);
}

const DECIDED = { accept: "orders.acceptedNotice", decline: "orders.declinedNotice" } as const;
const GIVEN_OUT = { assign: "assignments.created", open: "orders.pool.opened", close: "orders.pool.closed" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const orderId = params.orderId ?? "";
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (!isIntent(intent)) return formError("error.unknownIntent", formValues(formData).values);
  const here = `/coordinator/orders/${orderId}`;
  const now = new Date();

  if (intent === "accept" || intent === "decline") {
    const result = validate(decideOrderSchema, formData);
    if (!result.ok) return badRequest(result);
    if (result.data.decision !== intent) return formError("error.invalid", formValues(formData).values);
    const outcome = await decideOrder(scope, orderId, result.data.decision, result.data.reason, now);
    if (!outcome.ok && outcome.code === "notPending") {
      // A resent accept (or decline) of an order already in that state is the same decision: show it as done.
      const current = await getWorkshopOrder(scope.workshopId, orderId);
      const wanted = intent === "accept" ? "accepted" : "declined";
      if (current?.status === wanted) return redirectWithNotice(here, { key: DECIDED[intent] });
    }
    if (!outcome.ok) return refuse(outcome, { notPending: "orders.alreadyDecided" }, formData);
    return redirectWithNotice(here, { key: DECIDED[intent] });
  }

  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", formValues(formData).values);
  let quantity: number;
  let outcome: AllocationResult;
  if (intent === "assign") {
    const result = validate(assignSchema, formData);
    if (!result.ok) return badRequest(result);
    quantity = result.data.quantity;
    outcome = await assignToWorker(scope, orderId, result.data, now, key);
  } else {
    const result = validate(openForClaimingSchema, formData);
    if (!result.ok) return badRequest(result);
    quantity = result.data.quantity;
    outcome =
      intent === "open"
        ? await openForClaiming(scope, orderId, quantity, key)
        : await closeForClaiming(scope, orderId, quantity, key);
  }
  // Read after the change: the unit for the notice, or how many there are now when it was too many
  // (someone may just have given some out or claimed some).
  const order = await getWorkshopOrder(scope.workshopId, orderId);
  if (!order) notFound();
  if (outcome.ok)
    return redirectWithNotice(here, { key: GIVEN_OUT[intent], params: { n: quantity, unit: order.productUnit } });
  const locale = toLocale(user.locale);
  const view = orderView(order, locale);
  const tooMany = (key: "orders.exceedsOpen" | "orders.exceedsOrder", n: number) => ({
    quantity: msg(key, { n, unit: unitText(translator(locale), order.productUnit, n) }),
  });
  return refuse(
    outcome,
    {
      notAccepted: "orders.notAccepted",
      workerNotFound: { workerId: "orders.workerNotFound" },
      dueInPast: { dueOn: "error.dateInPast" },
      dueAfterOrder: { dueOn: msg("assignment.dueAfterOrder", { date: formatDate(order.dueOn, locale) }) },
      exceedsOrder: tooMany("orders.exceedsOrder", view.remaining),
      exceedsOpen: tooMany("orders.exceedsOpen", view.progress.open),
    },
    formData,
  );
}

export default function CoordinatorOrder() {
  const t = useT();
  const locale = useLocale();
  const { today, order, assignments, workers, keys, quality, deliveries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // A new page (after a success) gets empty forms, so the same pieces are not given out twice by a second click.
  const { key } = useLocation();
  const forIntent = (intent: Intent): ActionResult | undefined =>
    actionData?.values?.intent === intent ? actionData : undefined;
  const unit = (count: number | string) => unitText(t, order.unit, Number(count));
  return (
    <>
      <p>
        <Link to="/coordinator/orders">← {t("orders.back")}</Link>
      </p>
      <h1>
        {order.productName} <OrderStatusTag status={order.status} />
      </h1>
      <p className="muted">{order.partnerName}</p>
      <PageNotice />
      <section className="card">
        <OrderFacts order={order} showPartner />
      </section>

      {order.status === "pending" ? (
        <DecideForms
          key={key}
          order={order}
          confirmingDecline={searchParams.get("decline") === "confirm" || forIntent("decline") !== undefined}
          accept={forIntent("accept")}
          decline={forIntent("decline")}
        />
      ) : null}

      {hasProgress(order.status) ? (
        <section className="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading">{t("orders.progress")}</h2>
          <ProgressBar progress={order.progress} />
          <ProgressFacts progress={order.progress} />
          <GivingOutLine progress={order.progress} unit={order.unit} />
          {order.status === "accepted" ? (
            <p>
              <Link to={`/coordinator/orders/${order.id}/deliveries`} className="button small">
                {t("delivery.link")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {hasProgress(order.status) ? <OrderQualityCard quality={quality} unit={order.unit} /> : null}
      {hasProgress(order.status) ? (
        <DeliveriesCard
          deliveries={deliveries}
          unit={order.unit}
          notePath={(id) => `/coordinator/deliveries/${id}`}
          statementPath={`/coordinator/orders/${order.id}/statement`}
        />
      ) : null}

      {order.status === "accepted" ? (
        <AllocationForms
          key={key}
          today={today}
          dueOn={order.dueOn}
          remaining={order.remaining}
          open={order.progress.open}
          unit={unit(order.progress.open)}
          workers={workers}
          keys={keys}
          results={{ assign: forIntent("assign"), open: forIntent("open"), close: forIntent("close") }}
        />
      ) : null}

      {order.status !== "pending" ? (
        <section className="card" aria-labelledby="assignments-heading">
          <h2 id="assignments-heading">{t("assignments.title")}</h2>
          {assignments.some((a) => a.status !== "cancelled") ? (
            <p>
              <Link to={`/coordinator/orders/${order.id}/labels`}>{t("labels.printLink")}</Link>
            </p>
          ) : null}
          {assignments.length === 0 ? (
            <p className="empty">{t("assignments.none")}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t("assignments.worker")}</th>
                    <th className="num">{t("assignments.quantity")}</th>
                    <th>{t("assignments.dueOn")}</th>
                    <th>{t("assignments.source")}</th>
                    <th>{t("assignments.status")}</th>
                    <th>
                      <span className="visually-hidden">{t("assignment.open")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {assignments.map((a) => (
                    <tr key={a.id}>
                      <td>{a.workerName}</td>
                      <td className="num">{t("orders.quantityOf", { n: a.quantity, unit: unit(a.quantity) })}</td>
                      <td>{formatDate(a.dueOn, locale)}</td>
                      <td>
                        {a.source === "claimed" ? t("assignments.source.claimed") : t("assignments.source.assigned")}
                      </td>
                      <td>{assignmentStatus(t, a.status)}</td>
                      <td>
                        <Link
                          to={`/coordinator/assignments/${a.id}`}
                          className="button small"
                          aria-label={t("assignment.openLabel", { worker: a.workerName })}
                        >
                          {t("assignment.open")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}

function assignmentStatus(t: ReturnType<typeof useT>, status: string): string {
  if (status === "active" || status === "done" || status === "cancelled") return t(`assignments.status.${status}`);
  return status;
}
