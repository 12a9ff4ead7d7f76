import { z } from "zod";
import { checkboxField, dateField, msg, optionalText, rateField, requiredText } from "./fields.ts";

/**
 * Set a piece rate (a new version from an effective date). When the implied
 * hourly pay is under the minimum wage the action answers with the check and
 * the form asks for confirmBelowMinimum + belowMinimumReason.
 */
export const setRateSchema = z
  .object({
    processStepId: z.string().max(64).optional().transform((v) => (v ? v : null)),
    rate: rateField,
    effectiveOn: dateField,
    reason: requiredText(200),
    confirmBelowMinimum: checkboxField,
    belowMinimumReason: optionalText(300),
  })
  .refine((v) => !v.confirmBelowMinimum || v.belowMinimumReason.length > 0, {
    path: ["belowMinimumReason"],
    error: msg("rates.belowMinimumReasonRequired"),
  });
export type SetRateForm = z.input<typeof setRateSchema>;
