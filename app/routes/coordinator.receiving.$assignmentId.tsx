// Receiving one assignment (ADR 019): its submitted piece logs, each with a
// receive form (the counted quantity; a difference needs a reason), "receive
// all as logged" for the logs on the page, and the lots received so far, which
// the coordinator may correct or cancel, with a reason, until they are checked.
// Intents: receive, receiveAll, correct, cancel; each form carries a once-only
// key (ADR 010). A QR label's /l/<id> leads coordinators here.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import type { ActionResult } from "../components/forms.tsx";
import { FormAlert } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { LogCard, LotItem, ReceiveAllForm } from "../components/receiving.tsx";
import { unitText } from "../i18n/units.ts";
import { cancelReceiptSchema, correctReceiptSchema, receiveAllSchema, receiveSchema } from "../forms/receiving.ts";
import { formatDate } from "../i18n/format.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import {
  cancelReceipt,
  correctReceipt,
  getLot,
  getReceivingDesk,
  receiveAllAsLogged,
  receiveLog,
} from "../models/receiving.server.ts";
import { isSubmissionKey } from "../models/submission.server.ts";
import styles from "../styles/receiving.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { receivingDeskView } from "../utils/receiving-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const desk = await getReceivingDesk(scope.workshopId, params.assignmentId ?? "");
  if (!desk) notFound();
  return receivingDeskView(desk, toLocale(user.locale));
}

// A refused form (someone else just received that log) must show the page as it is now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" || defaultShouldRevalidate;

const INTENTS = ["receive", "receiveAll", "correct", "cancel"] as const;
type Intent = (typeof INTENTS)[number];

function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && (INTENTS as readonly string[]).includes(value);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const assignmentId = params.assignmentId ?? "";
  const formData = await readFormData(request);
  const { values } = formValues(formData);
  const intent = formData.get("intent");
  if (!isIntent(intent)) return formError("error.unknownIntent", values);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", values);
  const here = `/coordinator/receiving/${assignmentId}`;
  const now = new Date();

  if (intent === "receive") {
    const form = validate(receiveSchema, formData);
    if (!form.ok) return badRequest(form);
    const { pieceLogId, counted, reason } = form.data;
    const outcome = await receiveLog(scope, assignmentId, { pieceLogId, counted, reason }, now, key);
    if (!outcome.ok) {
      return refuse(
        outcome,
        {
          notSubmitted: "receiving.notSubmitted",
          reasonRequired: { reason: "receiving.reasonRequired" },
          countAboveLogged: { counted: "receiving.countAboveLogged" },
        },
        formData,
      );
    }
    // What was received (a resent form answers with the first receipt's lot).
    const lot = outcome.id ? await getLot(scope.workshopId, outcome.id) : null;
    if (!lot) return redirect(here);
    return redirectWithNotice(here, {
      key: lot.quantity < lot.loggedQuantity ? "receiving.receivedShort" : "receiving.received",
      params: { n: lot.quantity, unit: lot.productUnit, logged: lot.loggedQuantity },
    });
  }

  if (intent === "receiveAll") {
    const form = validate(receiveAllSchema, formData);
    if (!form.ok) return badRequest(form);
    const outcome = await receiveAllAsLogged(scope, assignmentId, form.data.pieceLogIds, now, key);
    if (!outcome.ok) return refuse(outcome, { nothingToReceive: "receiving.nothingToReceive" }, formData);
    if ("replayed" in outcome) return redirectWithNotice(here, { key: "receiving.receivedAllAgain" });
    const desk = await getReceivingDesk(scope.workshopId, assignmentId);
    return redirectWithNotice(here, {
      key: "receiving.receivedAll",
      params: { logs: outcome.logs, n: outcome.pieces, unit: desk?.assignment.productUnit ?? "piece" },
    });
  }

  if (intent === "correct") {
    const form = validate(correctReceiptSchema, formData);
    if (!form.ok) return badRequest(form);
    const { lotId, counted, reason } = form.data;
    const outcome = await correctReceipt(scope, assignmentId, { lotId, counted, reason }, key);
    if (!outcome.ok) {
      return refuse(
        outcome,
        {
          notAwaiting: "receiving.notAwaiting",
          unchanged: { counted: "receiving.unchanged" },
          reasonRequired: { reason: "receiving.changeReasonRequired" },
          countAboveLogged: { counted: "receiving.countAboveLogged" },
          piecesLoggedAgain: { counted: "receiving.piecesLoggedAgain" },
        },
        formData,
      );
    }
    return redirectWithNotice(here, { key: "receiving.corrected" });
  }

  const form = validate(cancelReceiptSchema, formData);
  if (!form.ok) return badRequest(form);
  const outcome = await cancelReceipt(scope, assignmentId, form.data, key);
  if (!outcome.ok) {
    return refuse(
      outcome,
      { notAwaiting: "receiving.notAwaiting", reasonRequired: { reason: "receiving.changeReasonRequired" } },
      formData,
    );
  }
  return redirectWithNotice(here, { key: "receiving.cancelled" });
}

export default function ReceiveAssignment() {
  const t = useT();
  const locale = useLocale();
  const { assignment: a, figures, submitted, lots, receiveAllKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  // A new page (after a success) gets fresh forms.
  const { key } = useLocation();
  const pieces = (n: number) => t("orders.quantityOf", { n, unit: unitText(t, a.unit, n) });
  const failed = actionData?.values ?? {};
  const resultFor = (intent: Intent, field: string, id: string) =>
    failed.intent === intent && failed[field] === id ? actionData : undefined;
  // A refusal whose form is no longer on the page (the log was received meanwhile) is shown at the top.
  const placed =
    (failed.intent === "receive" && submitted.some((l) => l.id === failed.pieceLogId)) ||
    ((failed.intent === "correct" || failed.intent === "cancel") &&
      lots.some((l) => l.id === failed.lotId && l.keys !== null)) ||
    (failed.intent === "receiveAll" && submitted.length > 0);
  const openStep = (lotId: string): "correct" | "cancel" | null => {
    if ((failed.intent === "correct" || failed.intent === "cancel") && failed.lotId === lotId) return failed.intent;
    if (searchParams.get("correct") === lotId) return "correct";
    if (searchParams.get("cancel") === lotId) return "cancel";
    return null;
  };
  return (
    <>
      <p>
        <Link to="/coordinator/receiving">← {t("receiving.back")}</Link>
      </p>
      <h1>
        {t("assignments.workerOption", { name: a.workerName, tail: a.phoneTail })} · {a.productName}
      </h1>
      <p className="muted">
        {t("receiving.assignmentLine", {
          partner: a.partnerName,
          quantity: pieces(a.quantity),
          date: formatDate(a.dueOn, locale),
        })}
      </p>
      <p className="link-row">
        <Link to={`/coordinator/orders/${a.orderId}`}>{t("receiving.orderLink")}</Link>
        <Link to={`/coordinator/labels/${a.id}`}>{t("receiving.labelLink")}</Link>
      </p>
      <PageNotice />
      {placed ? null : <FormAlert message={actionData?.formError} />}

      <section className="card" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t("receiving.waitingTitle", { n: figures.waitingLogs })}</h2>
        {submitted.length === 0 ? (
          <p className="empty">{t("receiving.waitingNone")}</p>
        ) : (
          <>
            <ul className="receive-cards" key={key}>
              {submitted.map((log) => (
                <LogCard key={log.id} log={log} unit={a.unit} result={resultFor("receive", "pieceLogId", log.id)} />
              ))}
            </ul>
            {submitted.length > 1 ? (
              <ReceiveAllForm
                key={`all-${key}`}
                logs={submitted}
                unit={a.unit}
                submissionKey={receiveAllKey}
                result={failed.intent === "receiveAll" ? actionData : undefined}
              />
            ) : null}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="lots-heading">
        <h2 id="lots-heading">
          {t("receiving.lotsTitle")} · {pieces(figures.receivedPieces)}
        </h2>
        {lots.length === 0 ? (
          <p className="empty">{t("receiving.lotsNone")}</p>
        ) : (
          <ul className="lot-list" key={key}>
            {lots.map((lot) => (
              <LotItem
                key={lot.id}
                lot={lot}
                unit={a.unit}
                open={openStep(lot.id)}
                result={resultFor("correct", "lotId", lot.id) ?? resultFor("cancel", "lotId", lot.id)}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
