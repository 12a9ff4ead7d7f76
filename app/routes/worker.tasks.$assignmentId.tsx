// The worker's log page 报工 for one of her tasks (ADR 020): log finished
// pieces (a number, the step where the product is paid per step, an optional
// photo), and see, correct or cancel her logs until they are received. Every
// form is a plain post that works without JavaScript; each log form carries a
// one-time key, so a double tap, a refresh or a retry makes one log. With
// JavaScript, public/outbox.js keeps a log made without signal on the phone
// and sends it later with the same key; it asks for JSON (X-Outbox: 1).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageNotice } from "../components/notice.tsx";
import { CancelLogStep, LogForm, LogHistory } from "../components/piece-log.tsx";
import { unitText } from "../components/units.ts";
import { formatRate, rateFromMinor } from "../domain/money-values.ts";
import { errorText } from "../components/form-alert.tsx";
import { cancelLogSchema, correctLogSchema, pieceLogSchema } from "../forms/piece-logs.ts";
import { formatDate } from "../i18n/format.ts";
import { translator } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { cancelPieceLog, correctPieceLog, createPieceLog, getLogDesk } from "../models/piece-log.server.ts";
import { newSubmissionKey } from "../models/submission.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const desk = await getLogDesk(scope, params.assignmentId ?? "", new Date());
  if (!desk) notFound();
  const locale = toLocale(user.locale);
  const url = new URL(request.url);
  const rate = (e4: bigint) => formatRate(rateFromMinor(e4), locale);
  return {
    clientKey: newSubmissionKey(),
    correcting: url.searchParams.get("correct"),
    cancelling: url.searchParams.get("cancel"),
    task: {
      id: desk.id,
      productName: desk.productName,
      unit: desk.unit,
      quantity: desk.quantity,
      logged: desk.loggedQuantity,
      remaining: desk.remaining,
      dueOn: desk.dueOn,
      active: desk.status === "active",
      canGiveBack: desk.status === "active" && desk.source === "claimed" && desk.loggedQuantity === 0,
    },
    rates:
      desk.pricing.kind === "whole"
        ? [{ step: null, rate: rate(desk.pricing.rateE4) }]
        : desk.pricing.kind === "steps"
          ? desk.pricing.steps.map((s) => ({ step: s.name, rate: rate(s.rateE4) }))
          : [],
    steps:
      desk.pricing.kind === "steps"
        ? desk.pricing.steps.map((s) => ({ id: s.id, name: s.name, remaining: desk.stepRemaining.get(s.id) ?? 0 }))
        : null,
    logs: desk.logs.map(({ createdAt: _createdAt, ...log }) => log),
  };
}

const LOG_REFUSALS = {
  notActive: "pieceLog.notActive",
  stepRequired: { processStepId: "pieceLog.stepRequired" },
  stepUnknown: { processStepId: "pieceLog.stepUnknown" },
  keyUsedElsewhere: "form.expired",
} as const;

/** The same refusals in one sentence, for the phone's queue (it shows the message next to the queued log). */
const QUEUE_MESSAGES = {
  notActive: "pieceLog.notActive",
  stepRequired: "pieceLog.stepRequired",
  stepUnknown: "pieceLog.stepUnknown",
  keyUsedElsewhere: "form.expired",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const assignmentId = params.assignmentId ?? "";
  const here = `/worker/tasks/${assignmentId}`;
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "log") {
    // The phone's queue asks for JSON: it shows the answer next to the queued log, in her language.
    const queued = request.headers.get("X-Outbox") === "1";
    const t = translator(toLocale(user.locale));
    const result = validate(pieceLogSchema, formData);
    if (!result.ok) {
      if (!queued) return badRequest(result);
      const first = result.formError ?? Object.values(result.fieldErrors)[0];
      return data({ ok: false as const, message: errorText(t, first ?? "error.invalid") }, { status: 400 });
    }
    const outcome = await createPieceLog(
      scope,
      assignmentId,
      {
        quantity: result.data.quantity,
        processStepId: result.data.processStepId || null,
        clientKey: result.data.clientKey,
      },
      new Date(),
    );
    if (queued) {
      if (outcome.ok) return data({ ok: true as const, replayed: outcome.replayed, quantity: outcome.quantity });
      const message =
        outcome.code === "notFound"
          ? t("pieceLog.notFound")
          : outcome.code === "tooMany"
            ? t("pieceLog.tooMany", { n: outcome.remaining, unit: "" })
            : t(QUEUE_MESSAGES[outcome.code]);
      return data({ ok: false as const, message }, { status: 409 });
    }
    if (!outcome.ok) {
      if (outcome.code === "tooMany") {
        const unit = (await getLogDesk(scope, assignmentId, new Date()))?.unit ?? "piece";
        const units = unitText(translator(toLocale(user.locale)), unit, outcome.remaining);
        return badRequest({
          fieldErrors: { quantity: `pieceLog.tooMany?n=${outcome.remaining}&unit=${encodeURIComponent(units)}` },
          values: formValues(formData).values,
        });
      }
      return refuse(outcome, LOG_REFUSALS, formData);
    }
    return redirectWithNotice(here, {
      key: outcome.replayed ? "pieceLog.replayed" : "pieceLog.created",
      params: { n: outcome.quantity, unit: outcome.unit },
    });
  }

  if (intent === "correct") {
    const result = validate(correctLogSchema, formData);
    if (!result.ok) return badRequest({ ...result, values: formValues(formData).values });
    const outcome = await correctPieceLog(scope, assignmentId, result.data.pieceLogId, result.data.quantity);
    if (!outcome.ok && outcome.code === "unchanged") return redirectWithNotice(here, { key: "pieceLog.unchanged" });
    if (!outcome.ok && outcome.code === "tooMany") {
      return badRequest({
        fieldErrors: { quantity: `pieceLog.tooMany?n=${outcome.remaining}&unit=` },
        values: formValues(formData).values,
      });
    }
    if (!outcome.ok)
      return refuse(outcome, { notSubmitted: "pieceLog.notSubmitted", unchanged: "pieceLog.unchanged" }, formData);
    const desk = await getLogDesk(scope, assignmentId, new Date());
    return redirectWithNotice(here, {
      key: "pieceLog.corrected",
      params: { n: result.data.quantity, unit: desk?.unit ?? "piece" },
    });
  }

  if (intent === "cancel") {
    const result = validate(cancelLogSchema, formData);
    if (!result.ok) return badRequest(result);
    const outcome = await cancelPieceLog(scope, assignmentId, result.data.pieceLogId);
    if (!outcome.ok) return refuse(outcome, { notSubmitted: "pieceLog.notSubmitted" }, formData);
    const desk = await getLogDesk(scope, assignmentId, new Date());
    const log = desk?.logs.find((l) => l.id === outcome.id);
    return redirectWithNotice(here, {
      key: "pieceLog.cancelled",
      params: { n: log?.quantity ?? 0, unit: desk?.unit ?? "piece" },
    });
  }

  return formError("error.unknownIntent", formValues(formData).values);
}

export default function LogPage() {
  const t = useT();
  const locale = useLocale();
  const { clientKey, correcting, cancelling, task, rates, steps, logs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/worker/tasks/${task.id}`;
  const units = (n: number) => unitText(t, task.unit, n);
  const failed = actionData && "values" in actionData ? actionData : undefined;
  const failedIntent = failed?.values?.intent;
  const cancelLog = logs.find((l) => l.id === (failedIntent === "cancel" ? failed?.values?.pieceLogId : cancelling));
  return (
    <>
      <p>
        <Link to="/worker">← {t("pieceLog.back")}</Link>
      </p>
      <section className="card log-task">
        <h1>{task.productName}</h1>
        <p className="log-figures">
          {t("pieceLog.summary", {
            quantity: `${task.quantity} ${units(task.quantity)}`,
            logged: `${task.logged} ${units(task.logged)}`,
          })}
        </p>
        <p className="muted">{t("worker.task.due", { date: formatDate(task.dueOn, locale) })}</p>
        {rates.length === 0 ? (
          <p className="muted">{t("pieceLog.noRate")}</p>
        ) : (
          rates.map((r) => (
            <p key={r.step ?? ""} className="muted">
              {r.step
                ? t("pieceLog.stepRate", { step: r.step, unit: unitText(t, task.unit), rate: r.rate })
                : t("pieceLog.rate", { unit: unitText(t, task.unit), rate: r.rate })}
            </p>
          ))
        )}
        <p className="hint">{t("pieceLog.payNote")}</p>
      </section>
      <PageNotice />
      {cancelLog && cancelLog.status === "submitted" ? (
        <CancelLogStep
          log={cancelLog}
          unit={task.unit}
          here={here}
          error={failedIntent === "cancel" ? failed?.formError : undefined}
        />
      ) : null}
      <section className="card" aria-labelledby="log-heading">
        <h2 id="log-heading">{t("pieceLog.title")}</h2>
        {!task.active ? (
          <p className="empty">{t("pieceLog.notActive")}</p>
        ) : task.remaining === 0 && !steps ? (
          <p className="empty">{t("pieceLog.full")}</p>
        ) : (
          <>
            {steps ? null : (
              <p className="log-remaining">
                {t("pieceLog.remaining", { n: `${task.remaining} ${units(task.remaining)}` })}
              </p>
            )}
            <LogForm
              view={{
                action: here,
                clientKey,
                unit: task.unit,
                steps,
                errors: failedIntent === "log" ? { ...failed?.fieldErrors, form: failed?.formError } : {},
                values: failedIntent === "log" ? (failed?.values ?? {}) : {},
              }}
            />
          </>
        )}
        <div id="outbox" className="outbox" hidden data-assignment={task.id} />
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t("pieceLog.history")}</h2>
        <LogHistory
          logs={logs}
          unit={task.unit}
          here={here}
          correcting={correcting}
          errors={
            failedIntent === "correct"
              ? {
                  pieceLogId: failed?.values?.pieceLogId,
                  quantity: failed?.fieldErrors?.quantity,
                  form: failed?.formError,
                }
              : {}
          }
        />
      </section>
      {task.canGiveBack ? (
        <p>
          <Link to={`${here}/give-back`}>{t("pieceLog.giveBack")}</Link>
        </p>
      ) : null}
    </>
  );
}
