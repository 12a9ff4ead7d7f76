// The receiving page's forms (ADR 019): receive one log with the counted
// quantity, receive the listed logs as logged, correct or cancel a receipt.
// `logged` is a hidden copy of what the worker logged, so the browser can say
// at once that a count is too high or needs a reason; the model checks both
// again against the log itself (a changed hidden field changes nothing).
import * as z from "zod/mini";
import { parsePieceCount } from "../domain/money.ts";
import { crossFieldCheck, idField, moneyErrorMessage, msg, optionalText } from "./fields.ts";

const REASON_MAX = 200;
/** The most logs one "receive all" may list (a page shows far fewer). */
export const MAX_LOGS_AT_ONCE = 200;

/** A whole number of pieces, 0 allowed (nothing of a log may have come). */
const countField = z.pipe(
  z.string({ error: msg("error.required") }),
  z.transform((value: string, ctx): number => {
    const result = parsePieceCount(value, { allowZero: true });
    if (result.ok) return result.value;
    ctx.issues.push({ code: "custom", message: moneyErrorMessage(result.error), input: value });
    return z.NEVER;
  }),
);

/** A reason that must be given (a correction, a cancellation), with the usual single-line hygiene. */
const requiredReason = optionalText(REASON_MAX).check(
  z.refine((v: string) => v.length > 0, { error: msg("receiving.changeReasonRequired") }),
);

type Counted = { logged: number; counted: number; reason: string };

const notAboveLogged = crossFieldCheck<Counted>(["logged", "counted"], (v) => v.counted <= v.logged, {
  path: ["counted"],
  error: msg("receiving.countAboveLogged"),
});

/** Receive one submitted log. */
export const receiveSchema = z
  .object({
    pieceLogId: idField,
    logged: countField,
    counted: countField,
    reason: optionalText(REASON_MAX),
  })
  .check(
    notAboveLogged,
    crossFieldCheck<Counted>(
      ["logged", "counted", "reason"],
      (v) => v.counted > v.logged || v.counted === v.logged || v.reason.length > 0,
      { path: ["reason"], error: msg("receiving.reasonRequired") },
    ),
  );
export type ReceiveForm = z.input<typeof receiveSchema>;

/** Receive the listed logs as logged: their ids, comma-separated, in one hidden field. */
export const receiveAllSchema = z.object({
  pieceLogIds: z.pipe(
    z.string({ error: msg("error.invalid") }),
    z.transform((value: string, ctx): string[] => {
      const ids = value.split(",").filter((id) => id.length > 0);
      if (ids.length === 0 || ids.length > MAX_LOGS_AT_ONCE || !ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))) {
        ctx.issues.push({ code: "custom", message: msg("error.invalid"), input: value });
        return z.NEVER;
      }
      return [...new Set(ids)];
    }),
  ),
});
export type ReceiveAllForm = z.input<typeof receiveAllSchema>;

/** Correct a received count (a reason always). */
export const correctReceiptSchema = z
  .object({
    lotId: idField,
    logged: countField,
    counted: countField,
    reason: requiredReason,
  })
  .check(notAboveLogged);
export type CorrectReceiptForm = z.input<typeof correctReceiptSchema>;

/** Cancel a receipt (a reason always). */
export const cancelReceiptSchema = z.object({
  lotId: idField,
  reason: requiredReason,
});
export type CancelReceiptForm = z.input<typeof cancelReceiptSchema>;
