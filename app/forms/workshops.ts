import * as z from "zod/mini";
import { optionalText, requiredText } from "./fields.ts";

export const createWorkshopSchema = z.object({
  name: requiredText(60),
  district: optionalText(60),
});
export type CreateWorkshopForm = z.input<typeof createWorkshopSchema>;

// An admin creates a coordinator's login with newAccountSchema (app/forms/account.ts).
