import * as z from "zod/mini";
import { amountField, msg, optionalText } from "./fields.ts";

/**
 * The workshop's local hourly minimum wage (yuan/hour, 2 decimals, > 0: a
 * zero minimum would pass every rate as fair) and where it comes from.
 */
export const minimumWageSchema = z.object({
  hourlyMinimumWage: amountField.check(z.refine((wage) => wage.minor > 0n, { error: msg("error.zero") })),
  minimumWageSource: optionalText(300),
});
export type MinimumWageForm = z.input<typeof minimumWageSchema>;
