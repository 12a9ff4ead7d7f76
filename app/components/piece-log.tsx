// The worker's log page 报工 (app/routes/worker.tasks.$assignmentId.tsx): the
// log form and her logs for the task. Worker pages ship no React bundle (ADR
// 015), so everything here is plain HTML forms that work without JavaScript;
// public/outbox.js adds the offline queue on top where JavaScript runs.
import { Form, Link } from "@remix-run/react";
import { ConfirmStep } from "./confirm.tsx";
import { errorText, FormAlert } from "./form-alert.tsx";
import { unitText } from "../i18n/units.ts";
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";

export type LogFormView = {
  action: string;
  productName: string;
  clientKey: string;
  unit: string;
  steps: { id: string; name: string; remaining: number }[] | null;
  errors: { quantity?: string; processStepId?: string; photo?: string; form?: string };
  values: { quantity?: string; processStepId?: string };
};

/** The log form: a big number field, the step where the product is paid per step, an optional photo. */
/**
 * The log form. No `pattern` and `noValidate`: a full-width １０ from a Chinese keyboard is a count
 * (the server reads it as 10), and an empty or wrong field is answered in her words, not in a bubble
 * of the browser's.
 */
export function LogForm({ view }: { view: LogFormView }) {
  const t = useT();
  return (
    <Form
      method="post"
      action={view.action}
      encType="multipart/form-data"
      className="log-form"
      noValidate
      data-outbox={`${view.action}/logs`}
      data-product={view.productName}
      data-unit-one={unitText(t, view.unit, 1)}
      data-unit-other={unitText(t, view.unit, 2)}
      reloadDocument
    >
      <FormAlert message={view.errors.form} />
      <input type="hidden" name="intent" value="log" />
      <input type="hidden" name="clientKey" value={view.clientKey} />
      {view.steps ? (
        <fieldset className="step-choice" aria-invalid={view.errors.processStepId ? true : undefined}>
          <legend>{t("pieceLog.step")}</legend>
          {view.steps.map((s) => (
            <label key={s.id} className="choice">
              <input
                type="radio"
                name="processStepId"
                value={s.id}
                data-step-name={s.name}
                defaultChecked={view.values.processStepId === s.id || view.steps?.length === 1}
                disabled={s.remaining === 0}
              />{" "}
              {t("pieceLog.stepOption", { step: s.name, n: `${s.remaining} ${unitText(t, view.unit, s.remaining)}` })}
            </label>
          ))}
          {view.errors.processStepId ? <p className="error">{errorText(t, view.errors.processStepId)}</p> : null}
        </fieldset>
      ) : null}
      <div className={`field big-number${view.errors.quantity ? " has-error" : ""}`}>
        <label htmlFor="log-quantity">{t("pieceLog.quantity")}</label>
        <input
          id="log-quantity"
          name="quantity"
          inputMode="numeric"
          autoComplete="off"
          required
          defaultValue={view.values.quantity}
          aria-invalid={view.errors.quantity ? true : undefined}
          aria-describedby={view.errors.quantity ? "log-quantity-hint log-quantity-error" : "log-quantity-hint"}
        />
        <p id="log-quantity-hint" className="hint">
          {t("pieceLog.quantityHint", { unit: unitText(t, view.unit, 2) })}
        </p>
        {view.errors.quantity ? (
          <p id="log-quantity-error" className="error">
            {errorText(t, view.errors.quantity)}
          </p>
        ) : null}
      </div>
      <div className={`field${view.errors.photo ? " has-error" : ""}`}>
        <label htmlFor="log-photo">{t("pieceLog.photo")}</label>
        <input
          id="log-photo"
          type="file"
          name="photo"
          accept="image/jpeg,image/png,image/webp"
          data-shrink=""
          aria-describedby="log-photo-hint"
        />
        <p id="log-photo-hint" className="hint">
          {t("photo.hint")}
        </p>
        {view.errors.photo ? <p className="error">{errorText(t, view.errors.photo)}</p> : null}
      </div>
      <button type="submit" className="button primary block big">
        {t("pieceLog.submit")}
      </button>
    </Form>
  );
}

export type LogEntryView = {
  id: string;
  loggedOn: string;
  quantity: number;
  stepName: string | null;
  status: "submitted" | "received" | "cancelled";
  hasPhoto: boolean;
  receipt: { counted: number; differenceReason: string; changeReason: string } | null;
  changeReason: string;
};

/** Her logs for this task, newest first; one that waits to be received can be changed or cancelled. */
export function LogHistory({
  logs,
  unit,
  here,
  correcting,
  errors,
}: {
  logs: LogEntryView[];
  unit: string;
  here: string;
  correcting: string | null;
  /** A refused correction: which log, why, and what she typed (kept in the field). */
  errors: { pieceLogId?: string; quantity?: string; form?: string; value?: string };
}) {
  const t = useT();
  const locale = useLocale();
  if (logs.length === 0) return <p className="empty">{t("pieceLog.none")}</p>;
  return (
    <ul className="log-list">
      {logs.map((log) => {
        const units = (n: number) => unitText(t, unit, n);
        const open = correcting === log.id || errors.pieceLogId === log.id;
        return (
          <li key={log.id} className={`log-entry status-${log.status}`}>
            <p className="log-head">
              <strong>
                {t("pieceLog.entry", {
                  date: formatDate(log.loggedOn, locale),
                  n: log.quantity,
                  unit: units(log.quantity),
                })}
              </strong>
              {log.stepName ? <span className="tag">{log.stepName}</span> : null}
            </p>
            <p className="log-status">
              {log.status === "received" && log.receipt
                ? t("pieceLog.status.received", { n: log.receipt.counted, unit: units(log.receipt.counted) })
                : t(`pieceLog.status.${log.status}`)}
            </p>
            {log.receipt?.differenceReason ? (
              <p className="log-reason">{t("pieceLog.countDiffers", { reason: log.receipt.differenceReason })}</p>
            ) : null}
            {log.receipt?.changeReason || log.changeReason ? (
              <p className="log-reason">
                {t("pieceLog.changedBy", { reason: log.receipt?.changeReason || log.changeReason })}
              </p>
            ) : null}
            {log.hasPhoto ? (
              <p>
                <a href={`/photos/${log.id}`}>{t("pieceLog.photoLink")}</a>
              </p>
            ) : null}
            {log.status === "submitted" ? (
              open ? (
                <Form method="post" action={here} className="inline-form" reloadDocument noValidate>
                  <FormAlert message={errors.pieceLogId === log.id ? errors.form : undefined} />
                  <input type="hidden" name="intent" value="correct" />
                  <input type="hidden" name="pieceLogId" value={log.id} />
                  <div className="field">
                    <label htmlFor={`correct-${log.id}`}>{t("pieceLog.correctTo")}</label>
                    <input
                      id={`correct-${log.id}`}
                      name="quantity"
                      inputMode="numeric"
                      autoComplete="off"
                      defaultValue={
                        errors.pieceLogId === log.id && errors.value !== undefined ? errors.value : String(log.quantity)
                      }
                      aria-invalid={errors.pieceLogId === log.id && errors.quantity ? true : undefined}
                    />
                    {errors.pieceLogId === log.id && errors.quantity ? (
                      <p className="error">{errorText(t, errors.quantity)}</p>
                    ) : null}
                  </div>
                  <button type="submit" className="button">
                    {t("pieceLog.correct")}
                  </button>
                </Form>
              ) : (
                <p className="log-actions">
                  <Link to={`?correct=${log.id}#log-${log.id}`} id={`log-${log.id}`} className="button small">
                    {t("pieceLog.correct")}
                  </Link>{" "}
                  <Link to={`?cancel=${log.id}#cancel-log`} className="button small danger">
                    {t("pieceLog.cancel")}
                  </Link>
                </p>
              )
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The confirmation step before a log is cancelled (one tap never destroys a log). */
export function CancelLogStep({
  log,
  unit,
  here,
  error,
}: {
  log: LogEntryView;
  unit: string;
  here: string;
  error?: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ConfirmStep
      id="cancel-log"
      title={t("pieceLog.cancelConfirm.title")}
      warning={t("pieceLog.cancelConfirm.warning", {
        date: formatDate(log.loggedOn, locale),
        n: log.quantity,
        unit: unitText(t, unit, log.quantity),
      })}
      backTo={here}
      backLabel={t("pieceLog.cancelConfirm.keep")}
    >
      <FormAlert message={error} />
      <Form method="post" action={here} reloadDocument>
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="pieceLogId" value={log.id} />
        <button type="submit" className="button danger-solid block">
          {t("pieceLog.cancelConfirm.submit")}
        </button>
      </Form>
    </ConfirmStep>
  );
}

/**
 * Where public/outbox.js shows her queued logs (待发送) and what it sent; empty
 * and hidden without JavaScript. `assignmentId` limits it to one task's logs
 * (the log page); without it every task's are shown (her home page). The texts
 * travel with the page, in her language.
 */
export function OutboxPanel({ workerId, assignmentId }: { workerId: string; assignmentId?: string }) {
  const t = useT();
  const text = {
    title: t("outbox.title"),
    hint: t("outbox.hint"),
    waiting: t("outbox.waiting"),
    pending: t("outbox.pending"),
    sending: t("outbox.sending"),
    failed: t("outbox.failed", { reason: "{reason}" }),
    remove: t("outbox.remove"),
    retry: t("outbox.retry"),
    login: t("outbox.login"),
    tooLarge: t("photo.tooLarge"),
    empty: t("pieceLog.quantityEmpty"),
  };
  return (
    <div
      id="outbox"
      className="outbox"
      hidden
      data-worker={workerId}
      data-assignment={assignmentId}
      data-text={JSON.stringify(text)}
    />
  );
}
