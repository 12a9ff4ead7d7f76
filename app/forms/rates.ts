import * as z from "zod/mini";
import {
  checkboxField,
  crossFieldCheck,
  dateField,
  msg,
  optionalMultilineText,
  rateField,
  requiredText,
} from "./fields.ts";

/**
 * Set a piece rate (a new version from an effective date). When the implied
 * hourly pay is under the minimum wage the action answers with the check and
 * the form asks for confirmBelowMinimum + belowMinimumReason.
 */
export const setRateSchema = z
  .object({
    processStepId: z.pipe(
      z.optional(z.string().check(z.maxLength(64))),
      z.transform((v: string | undefined) => (v ? v : null)),
    ),
    rate: rateField,
    effectiveOn: dateField,
    reason: requiredText(200),
    confirmBelowMinimum: checkboxField,
    belowMinimumReason: optionalMultilineText(300),
  })
  .check(
    crossFieldCheck<{ confirmBelowMinimum: boolean; belowMinimumReason: string }>(
      ["confirmBelowMinimum", "belowMinimumReason"],
      (v) => !v.confirmBelowMinimum || v.belowMinimumReason.length > 0,
      { path: ["belowMinimumReason"], error: msg("rates.belowMinimumReasonRequired") },
    ),
  );
export type SetRateForm = z.input<typeof setRateSchema>;
