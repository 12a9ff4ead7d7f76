// The parts of the receiving page (app/routes/coordinator.receiving.$assignmentId.tsx):
// a card per submitted log with its receive form, the "receive all as logged"
// form, and a received lot with its correct and cancel steps. Every form is a
// plain Remix <Form> (works without JavaScript) validated in the browser with
// the action's own schema.
import { Link } from "@remix-run/react";
import {
  correctReceiptSchema,
  cancelReceiptSchema,
  receiveSchema,
  type CancelReceiptForm,
  type CorrectReceiptForm,
  type ReceiveForm,
} from "../forms/receiving.ts";
import { formatDate, formatDateTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import type { ReceivingDeskView } from "../utils/receiving-view.server.ts";
import { ConfirmStep } from "./confirm.tsx";
import { Field, Form, FormAlert, SubmitButton, useValidatedForm, type ActionResult } from "./forms.tsx";
import { unitText } from "../i18n/units.ts";

type Log = ReceivingDeskView["submitted"][number];
type Lot = ReceivingDeskView["lots"][number];

function usePieces(unit: string) {
  const t = useT();
  return (n: number) => t("orders.quantityOf", { n, unit: unitText(t, unit, n) });
}

/** One submitted log: what she logged, and the form to count and receive it. */
export function LogCard({ log, unit, result }: { log: Log; unit: string; result?: ActionResult }) {
  const t = useT();
  const locale = useLocale();
  const pieces = usePieces(unit);
  const { form, onSubmit, errorFor } = useValidatedForm<ReceiveForm>(receiveSchema, result);
  const headingId = `log-${log.id}`;
  return (
    <li className="receive-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("receiving.logHeading", { quantity: pieces(log.quantity) })}</h3>
      <p className="muted small">
        {t("receiving.loggedOn", { date: formatDate(log.loggedOn, locale) })}
        {" · "}
        {t("receiving.sentAt", { time: formatDateTime(log.createdAt, locale) })}
      </p>
      {log.step ? <p className="small">{t("receiving.step", { step: log.step })}</p> : null}
      <p className="small">
        {log.rate ? t("receiving.rate", { rate: log.rate, unit: unitText(t, unit) }) : t("receiving.noRate")}
        {log.hasPhoto ? (
          <>
            {" · "}
            <a href={`/photos/${log.id}`} target="_blank" rel="noreferrer">
              {t("receiving.seePhoto")}
            </a>
          </>
        ) : null}
      </p>
      <FormAlert message={result?.formError} />
      <Form method="post" onSubmit={onSubmit} noValidate className="receive-form">
        <input type="hidden" name="intent" value="receive" />
        <input type="hidden" name="submissionKey" value={log.submissionKey} />
        <input type="hidden" value={log.id} {...form.register("pieceLogId")} />
        <input type="hidden" value={String(log.quantity)} {...form.register("logged")} />
        <Field
          label={t("receiving.counted")}
          hint={t("receiving.countedHint", { n: pieces(log.quantity) })}
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          error={errorFor("counted")}
          defaultValue={result?.values?.counted ?? String(log.quantity)}
          registration={form.register("counted")}
        />
        <Field
          label={t("receiving.reason")}
          hint={t("receiving.reasonHint")}
          autoComplete="off"
          error={errorFor("reason")}
          defaultValue={result?.values?.reason}
          registration={form.register("reason")}
        />
        <SubmitButton pending={t("form.saving")}>{t("receiving.receive")}</SubmitButton>
      </Form>
    </li>
  );
}

/** "Receive all as logged": the ids of the logs on the page, so a log sent later is never received unseen. */
export function ReceiveAllForm({
  logs,
  unit,
  submissionKey,
  result,
}: {
  logs: Log[];
  unit: string;
  submissionKey: string;
  result?: ActionResult;
}) {
  const t = useT();
  const pieces = usePieces(unit);
  const total = logs.reduce((sum, l) => sum + l.quantity, 0);
  return (
    <div className="receive-all">
      <FormAlert message={result?.formError} />
      <Form method="post">
        <input type="hidden" name="intent" value="receiveAll" />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <input type="hidden" name="pieceLogIds" value={logs.map((l) => l.id).join(",")} />
        <SubmitButton className="button" pending={t("form.saving")}>
          {t("receiving.receiveAll", { logs: logs.length, pieces: pieces(total) })}
        </SubmitButton>
      </Form>
      <p className="hint">{t("receiving.receiveAllHint")}</p>
    </div>
  );
}

/** A received lot: counts, who received it, reasons; and, while it awaits the check, its correct and cancel steps. */
export function LotItem({
  lot,
  unit,
  open,
  result,
}: {
  lot: Lot;
  unit: string;
  /** Which step is open for this lot (from ?correct= / ?cancel=, or a refused form). */
  open: "correct" | "cancel" | null;
  result?: ActionResult;
}) {
  const t = useT();
  const locale = useLocale();
  const pieces = usePieces(unit);
  const anchor = `lot-${lot.id}`;
  return (
    <li id={anchor} className="lot-item">
      <p className="lot-head">
        <span>{t("receiving.lotLine", { quantity: pieces(lot.quantity), logged: pieces(lot.loggedQuantity) })}</span>{" "}
        <span className={`tag lot-${lot.status}`}>{t(`lot.status.${lot.status}`)}</span>
      </p>
      <p className="muted small">
        {t("receiving.lotReceived", {
          time: formatDateTime(lot.receivedAt, locale),
          name: lot.receivedByName ?? t("audit.system"),
        })}
      </p>
      {lot.differenceReason ? (
        <p className="small">{t("receiving.lotDifference", { reason: lot.differenceReason })}</p>
      ) : null}
      {lot.changeReason ? <p className="small">{t("receiving.lotChange", { reason: lot.changeReason })}</p> : null}
      {lot.keys && open === null ? (
        <p className="lot-actions">
          <Link to={`?correct=${lot.id}#${anchor}`} className="button small" preventScrollReset>
            {t("receiving.correct")}
          </Link>
          <Link to={`?cancel=${lot.id}#${anchor}`} className="button small danger" preventScrollReset>
            {t("receiving.cancel")}
          </Link>
        </p>
      ) : null}
      {lot.keys && open === "correct" ? <CorrectStep lot={lot} unit={unit} result={result} /> : null}
      {lot.keys && open === "cancel" ? <CancelStep lot={lot} unit={unit} result={result} /> : null}
    </li>
  );
}

function CorrectStep({ lot, unit, result }: { lot: Lot; unit: string; result?: ActionResult }) {
  const t = useT();
  const pieces = usePieces(unit);
  const { form, onSubmit, errorFor } = useValidatedForm<CorrectReceiptForm>(correctReceiptSchema, result);
  return (
    <ConfirmStep
      id={`correct-${lot.id}`}
      title={t("receiving.correctTitle")}
      warning={t("receiving.correctWarning")}
      backTo="."
      backLabel={t("receiving.keep")}
    >
      <FormAlert message={result?.formError} />
      <Form method="post" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" name="submissionKey" value={lot.keys?.correct} />
        <input type="hidden" value={lot.id} {...form.register("lotId")} />
        <input type="hidden" value={String(lot.loggedQuantity)} {...form.register("logged")} />
        <Field
          label={t("receiving.counted")}
          hint={t("receiving.countedHint", { n: pieces(lot.loggedQuantity) })}
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          error={errorFor("counted")}
          defaultValue={result?.values?.counted ?? String(lot.quantity)}
          registration={form.register("counted")}
        />
        <Field
          label={t("receiving.changeReason")}
          hint={t("receiving.changeReasonHint")}
          autoComplete="off"
          error={errorFor("reason")}
          defaultValue={result?.values?.reason}
          registration={form.register("reason")}
        />
        <SubmitButton pending={t("form.saving")}>{t("receiving.correctSubmit")}</SubmitButton>
      </Form>
    </ConfirmStep>
  );
}

function CancelStep({ lot, unit, result }: { lot: Lot; unit: string; result?: ActionResult }) {
  const t = useT();
  const pieces = usePieces(unit);
  const { form, onSubmit, errorFor } = useValidatedForm<CancelReceiptForm>(cancelReceiptSchema, result);
  return (
    <ConfirmStep
      id={`cancel-${lot.id}`}
      title={t("receiving.cancelTitle")}
      warning={t("receiving.cancelWarning", { n: pieces(lot.quantity) })}
      backTo="."
      backLabel={t("receiving.keep")}
    >
      <FormAlert message={result?.formError} />
      <Form method="post" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="submissionKey" value={lot.keys?.cancel} />
        <input type="hidden" value={lot.id} {...form.register("lotId")} />
        <Field
          label={t("receiving.changeReason")}
          hint={t("receiving.changeReasonHint")}
          autoComplete="off"
          error={errorFor("reason")}
          defaultValue={result?.values?.reason}
          registration={form.register("reason")}
        />
        <SubmitButton className="button danger-solid" pending={t("form.saving")}>
          {t("receiving.cancelSubmit")}
        </SubmitButton>
      </Form>
    </ConfirmStep>
  );
}
