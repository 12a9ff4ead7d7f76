import * as z from "zod/mini";
import { amountField, msg, optionalMultilineText } from "./fields.ts";

/** Far above any hourly minimum wage in China (Shanghai's is under 30 yuan), and safe for 120 % arithmetic. */
export const MAX_HOURLY_MINIMUM_WAGE_FEN = 100_000n;

/**
 * The workshop's local hourly minimum wage (yuan/hour, 2 decimals, > 0: a
 * zero minimum would pass every rate as fair; at most 1,000) and where it comes from.
 */
export const minimumWageSchema = z.object({
  hourlyMinimumWage: amountField.check(
    z.refine((wage) => wage.minor > 0n, { error: msg("error.zero") }),
    z.refine((wage) => wage.minor <= MAX_HOURLY_MINIMUM_WAGE_FEN, { error: msg("error.tooLarge", { max: "1000" }) }),
  ),
  minimumWageSource: optionalMultilineText(300),
});
export type MinimumWageForm = z.input<typeof minimumWageSchema>;
