// The worker's log page 报工 for one of her tasks (ADR 020): log finished
// pieces (a number, the step where the product is paid per step, an optional
// photo), and see, correct or cancel her logs until they are received. Every
// form is a plain post that works without JavaScript; each log form carries a
// one-time key, so a double tap, a refresh or a retry makes one log. With
// JavaScript, public/outbox.js keeps a log made without signal on the phone
// and sends it later with the same key, to ./logs (JSON answers).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert } from "../components/form-alert.tsx";
import { PageNotice } from "../components/notice.tsx";
import { CancelLogStep, LogForm, LogHistory, OutboxPanel } from "../components/piece-log.tsx";
import type { PageHandle } from "../components/page-scripts.tsx";
import { unitText } from "../i18n/units.ts";
import { formatRate, rateFromMinor } from "../domain/money-values.ts";
import { formatDate } from "../i18n/format.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { getLogDesk } from "../models/piece-log.server.ts";
import { newSubmissionKey } from "../models/submission.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { readFormData } from "../utils/forms.server.ts";
import { pieceLogAction } from "../utils/piece-log-actions.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

/** Plain scripts this page adds where JavaScript runs (the root adds /outbox.js to every worker page). */
export const handle = { scripts: ["/photo-shrink.js"] } satisfies PageHandle;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const desk = await getLogDesk(scope, params.assignmentId ?? "", new Date());
  if (!desk) notFound();
  const locale = toLocale(user.locale);
  const url = new URL(request.url);
  const rate = (e4: bigint) => formatRate(rateFromMinor(e4), locale);
  return {
    workerId: user.id,
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

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  return pieceLogAction({
    worker: scope,
    locale: user.locale,
    assignmentId: params.assignmentId ?? "",
    formData: await readFormData(request),
  });
}

export default function LogPage() {
  const t = useT();
  const locale = useLocale();
  const { workerId, clientKey, correcting, cancelling, task, rates, steps, logs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/worker/tasks/${task.id}`;
  const units = (n: number) => unitText(t, task.unit, n);
  const failed = actionData && "values" in actionData ? actionData : undefined;
  const failedIntent = failed?.values?.intent;
  const cancelLog = logs.find((l) => l.id === (failedIntent === "cancel" ? failed?.values?.pieceLogId : cancelling));
  // A correction or cancellation refused because the log changed meanwhile (her coordinator received it):
  // its form is gone from the page, so the reason is said at the top.
  const changedLog =
    failedIntent === "correct" || failedIntent === "cancel"
      ? logs.find((l) => l.id === failed?.values?.pieceLogId)
      : undefined;
  const refusedAbove = failed?.formError && changedLog?.status !== "submitted" ? failed.formError : undefined;
  // Which log: with two logs on the page she should not have to guess.
  const refusedText =
    refusedAbove === "pieceLog.notSubmitted" && changedLog
      ? t("pieceLog.changedMeanwhile", {
          date: formatDate(changedLog.loggedOn, locale),
          n: changedLog.quantity,
          unit: units(changedLog.quantity),
        })
      : null;
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
      {refusedText ? (
        <p className="alert error" role="alert">
          {refusedText}
        </p>
      ) : (
        <FormAlert message={refusedAbove} />
      )}
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
                productName: task.productName,
                clientKey,
                unit: task.unit,
                steps,
                errors: failedIntent === "log" ? { ...failed?.fieldErrors, form: failed?.formError } : {},
                values: failedIntent === "log" ? (failed?.values ?? {}) : {},
              }}
            />
          </>
        )}
        <OutboxPanel workerId={workerId} assignmentId={task.id} />
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
                  value: failed?.values?.quantity,
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
