import { z } from "zod";
import { amountField, optionalText } from "./fields.ts";

/** The workshop's local hourly minimum wage (yuan/hour, 2 decimals) and where it comes from. */
export const minimumWageSchema = z.object({
  hourlyMinimumWage: amountField,
  minimumWageSource: optionalText(300),
});
export type MinimumWageForm = z.input<typeof minimumWageSchema>;
