// The quality-check and delivery forms (ADR 021): check a lot (passed, rework
// and rejected counts that add up to the lot's quantity, a reason for rework
// and for rejected pieces, a note, a photo), take rework back, the workshop's
// reason list, and a delivery to the partner. `quantity` / `available` are
// hidden copies so the browser can say at once that the counts do not add up
// or a delivery is too large; the models check again against the database.
import * as z from "zod/mini";
import { parsePieceCount } from "../domain/money-values.ts";
import {
  crossFieldCheck,
  idField,
  moneyErrorMessage,
  msg,
  optionalMultilineText,
  optionalText,
  requiredText,
} from "./fields.ts";

export const NOTE_MAX = 300;
export const REASON_LABEL_MAX = 20;

function countField(allowZero: boolean) {
  return z.pipe(
    z.string({ error: msg("error.required") }),
    z.transform((value: string, ctx): number => {
      const result = parsePieceCount(value, { allowZero });
      if (result.ok) return result.value;
      ctx.issues.push({ code: "custom", message: moneyErrorMessage(result.error), input: value });
      return z.NEVER;
    }),
  );
}

/** "" (none chosen), "other", or a reason id of the workshop (the model checks it is one). */
const reasonChoice = z.pipe(
  z.optional(
    z
      .string({ error: msg("error.invalid") })
      .check(
        z.trim(),
        z.maxLength(64, { error: msg("error.invalid") }),
        z.regex(/^[A-Za-z0-9_-]*$/, { error: msg("error.invalid") }),
      ),
  ),
  z.transform((v: string | undefined) => v ?? ""),
);

type CheckValues = {
  quantity: number;
  passed: number;
  rework: number;
  rejected: number;
  reworkReasonId: string;
  rejectedReasonId: string;
  note: string;
};
const COUNTS = ["quantity", "passed", "rework", "rejected"];

/** Check one lot. */
export const checkSchema = z
  .object({
    lotId: idField,
    quantity: countField(true),
    passed: countField(true),
    rework: countField(true),
    rejected: countField(true),
    reworkReasonId: reasonChoice,
    rejectedReasonId: reasonChoice,
    note: optionalMultilineText(NOTE_MAX),
  })
  .check(
    crossFieldCheck<CheckValues>(COUNTS, (v) => v.passed + v.rework + v.rejected === v.quantity, {
      path: ["passed"],
      error: msg("quality.countsDoNotAddUp"),
    }),
    crossFieldCheck<CheckValues>([...COUNTS, "reworkReasonId"], (v) => v.rework === 0 || v.reworkReasonId !== "", {
      path: ["reworkReasonId"],
      error: msg("quality.reworkReasonRequired"),
    }),
    crossFieldCheck<CheckValues>(
      [...COUNTS, "rejectedReasonId"],
      (v) => v.rejected === 0 || v.rejectedReasonId !== "",
      { path: ["rejectedReasonId"], error: msg("quality.rejectedReasonRequired") },
    ),
    crossFieldCheck<CheckValues>(
      [...COUNTS, "reworkReasonId", "rejectedReasonId", "note"],
      (v) =>
        v.note.length > 0 ||
        !((v.rework > 0 && v.reworkReasonId === "other") || (v.rejected > 0 && v.rejectedReasonId === "other")),
      { path: ["note"], error: msg("quality.noteRequired") },
    ),
  );
export type CheckForm = z.input<typeof checkSchema>;

/** Take rework pieces back from the worker. */
export const takeBackSchema = z.object({ lotId: idField });
export type TakeBackForm = z.input<typeof takeBackSchema>;

/** Add a reason to the workshop's list. */
export const addReasonSchema = z.object({ label: requiredText(REASON_LABEL_MAX) });
export type AddReasonForm = z.input<typeof addReasonSchema>;

/** Archive a reason, or bring it back. */
export const reasonStateSchema = z.object({ reasonId: idField });

/** Deliver passed pieces of an order to its partner. */
export const deliverySchema = z
  .object({
    available: countField(true),
    quantity: countField(false),
    note: optionalText(NOTE_MAX),
  })
  .check(
    crossFieldCheck<{ available: number; quantity: number }>(
      ["available", "quantity"],
      (v) => v.quantity <= v.available,
      { path: ["quantity"], error: msg("delivery.tooMany") },
    ),
  );
export type DeliveryForm = z.input<typeof deliverySchema>;
