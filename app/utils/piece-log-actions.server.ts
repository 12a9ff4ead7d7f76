// The action of the worker's log page (app/routes/worker.tasks.$assignmentId.tsx),
// one branch per form `intent`: log (报工, with an optional photo), correct,
// cancel. Each validates its form with its schema, calls its model once, and
// answers a refusal in her language with nothing changed, or a success with a
// notice. The phone's queue (public/outbox.js) posts the same log form to
// /worker/tasks/<id>/logs (app/routes/worker.tasks.$assignmentId_.logs.ts) and
// gets JSON: `{ ok: true, replayed, quantity, message }` or `{ ok: false, message }`, and
// `{ ok: false, code: "otherWorker", message }` when the log was made by another worker than
// the one logged in (a shared phone): the queue keeps that one for her.
// Kept here so the route modules stay thin (docs/conventions.md §4).
import type { Actor } from "../domain/access.ts";
import { cancelLogSchema, correctLogSchema, pieceLogSchema } from "../forms/piece-logs.ts";
import { errorText } from "../forms/message-text.ts";
import { unitText } from "../i18n/units.ts";
import { translator } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { cancelPieceLog, correctPieceLog, createPieceLog, getLogDesk } from "../models/piece-log.server.ts";
import { badRequest, formError, formValues, refuse, validate } from "./forms.server.ts";
import { redirectWithNotice } from "./notice.server.ts";
import { photoRefusalMessage, removePhoto, storePostedPhoto } from "./photo-upload.server.ts";

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

type Ask = { worker: Actor; locale: string; assignmentId: string; formData: FormData };

/** The log page's action for `worker` (authenticated by the route) on `assignmentId`. */
export async function pieceLogAction(ask: Ask) {
  const intent = ask.formData.get("intent");
  if (intent === "log") return logAction(ask, false);
  if (intent === "correct") return correctAction(ask);
  if (intent === "cancel") return cancelAction(ask);
  return formError("error.unknownIntent", formValues(ask.formData).values);
}

function here(assignmentId: string) {
  return `/worker/tasks/${assignmentId}`;
}

/** The phone's queue sends one log: always a JSON answer, in her language. */
export async function queuedLogAction(ask: Ask): Promise<Response> {
  const t = translator(toLocale(ask.locale));
  if (ask.formData.get("intent") !== "log") return queueRefusal(t("error.unknownIntent"), 400);
  // A shared phone: a log kept for one worker, sent while another is logged in. Not refused for good:
  // it waits on the phone until she is logged in again (the queue keeps it pending on this code).
  const madeBy = ask.formData.get("worker");
  if (typeof madeBy === "string" && madeBy !== ask.worker.userId) {
    return Response.json(
      { ok: false, code: "otherWorker", message: t("outbox.otherWorker") },
      { status: 409, headers: { "Cache-Control": "no-store" } },
    );
  }
  return (await logAction(ask, true)) as Response;
}

async function logAction({ worker, locale, assignmentId, formData }: Ask, queued: boolean) {
  const t = translator(toLocale(locale));
  const result = validate(pieceLogSchema, formData);
  if (!result.ok) {
    // A missing or garbled one-time key is the page's fault, not a field she can fix: said above the form.
    if (!queued && result.fieldErrors.clientKey) {
      const { clientKey: _key, ...fieldErrors } = result.fieldErrors;
      return badRequest({ ...result, fieldErrors, formError: "form.expired" });
    }
    if (!queued) return badRequest(result);
    const first = result.formError ?? Object.values(result.fieldErrors)[0];
    return queueRefusal(errorText(t, first ?? "error.invalid") ?? t("error.invalid"), 400);
  }
  // The photo is checked and stored before the log: a refused photo refuses the log, nothing written.
  const photo = await storePostedPhoto(formData);
  if (!photo.ok) {
    const key = photoRefusalMessage(photo.code);
    if (queued) return queueRefusal(t(key), 400);
    return badRequest({ fieldErrors: { photo: key }, values: formValues(formData).values });
  }
  const outcome = await createPieceLog(
    worker,
    assignmentId,
    {
      quantity: result.data.quantity,
      processStepId: result.data.processStepId || null,
      clientKey: result.data.clientKey,
      photoPath: photo.path,
      madeAt: result.data.madeAt ? Number(result.data.madeAt) : null,
    },
    new Date(),
  );
  // A refused log, or a re-send answered with the first log, keeps no second copy of the photo.
  if (photo.path && (!outcome.ok || outcome.replayed)) await removePhoto(photo.path);

  if (queued) {
    if (outcome.ok) {
      // A replay here is a log whose first answer the phone never got: for her it is simply recorded.
      const units = unitText(t, outcome.unit, outcome.quantity);
      const message = t("pieceLog.created", { n: outcome.quantity, unit: units });
      return Response.json(
        { ok: true, replayed: outcome.replayed, quantity: outcome.quantity, message },
        { headers: { "Cache-Control": "no-store" } },
      );
    }
    if (outcome.code === "tooMany") {
      const unit = (await getLogDesk(worker, assignmentId, new Date()))?.unit ?? "piece";
      return queueRefusal(
        t("pieceLog.tooMany", { n: outcome.remaining, unit: unitText(t, unit, outcome.remaining) }),
        409,
      );
    }
    return queueRefusal(outcome.code === "notFound" ? t("pieceLog.notFound") : t(QUEUE_MESSAGES[outcome.code]), 409);
  }
  if (!outcome.ok) {
    if (outcome.code === "tooMany") {
      const unit = (await getLogDesk(worker, assignmentId, new Date()))?.unit ?? "piece";
      const units = unitText(t, unit, outcome.remaining);
      return badRequest({
        fieldErrors: { quantity: `pieceLog.tooMany?n=${outcome.remaining}&unit=${encodeURIComponent(units)}` },
        values: formValues(formData).values,
      });
    }
    return refuse(outcome, LOG_REFUSALS, formData);
  }
  return redirectWithNotice(here(assignmentId), {
    key: outcome.replayed ? "pieceLog.replayed" : "pieceLog.created",
    params: { n: outcome.quantity, unit: outcome.unit },
  });
}

function queueRefusal(message: string, status: 400 | 409) {
  return Response.json({ ok: false, message }, { status, headers: { "Cache-Control": "no-store" } });
}

async function correctAction({ worker, locale, assignmentId, formData }: Ask) {
  const result = validate(correctLogSchema, formData);
  if (!result.ok) return badRequest({ ...result, values: formValues(formData).values });
  const outcome = await correctPieceLog(worker, assignmentId, result.data.pieceLogId, result.data.quantity);
  if (!outcome.ok) {
    if (outcome.code === "unchanged") return redirectWithNotice(here(assignmentId), { key: "pieceLog.unchanged" });
    if (outcome.code === "tooMany") {
      // Said as the most she can change it to, not what is left: "only 6 left" on a log of 4 reads as "change it to 6".
      const unit = (await getLogDesk(worker, assignmentId, new Date()))?.unit ?? "piece";
      const units = unitText(translator(toLocale(locale)), unit, outcome.most);
      return badRequest({
        fieldErrors: { quantity: `pieceLog.correctAtMost?n=${outcome.most}&unit=${encodeURIComponent(units)}` },
        values: formValues(formData).values,
      });
    }
    return refuse(outcome, { notSubmitted: "pieceLog.notSubmitted", unchanged: "pieceLog.unchanged" }, formData);
  }
  const desk = await getLogDesk(worker, assignmentId, new Date());
  return redirectWithNotice(here(assignmentId), {
    key: "pieceLog.corrected",
    params: { n: result.data.quantity, unit: desk?.unit ?? "piece" },
  });
}

async function cancelAction({ worker, assignmentId, formData }: Ask) {
  const result = validate(cancelLogSchema, formData);
  if (!result.ok) return badRequest(result);
  const outcome = await cancelPieceLog(worker, assignmentId, result.data.pieceLogId);
  if (!outcome.ok) return refuse(outcome, { notSubmitted: "pieceLog.notSubmitted" }, formData);
  const desk = await getLogDesk(worker, assignmentId, new Date());
  const log = desk?.logs.find((l) => l.id === outcome.id);
  return redirectWithNotice(here(assignmentId), {
    key: "pieceLog.cancelled",
    params: { n: log?.quantity ?? 0, unit: desk?.unit ?? "piece" },
  });
}
