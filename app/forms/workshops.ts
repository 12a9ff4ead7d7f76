import * as z from "zod/mini";
import { NAME_MAX, newPasswordField, optionalText, phoneField, requiredText } from "./fields.ts";

export const createWorkshopSchema = z.object({
  name: requiredText(60),
  district: optionalText(60),
});
export type CreateWorkshopForm = z.input<typeof createWorkshopSchema>;

export const createCoordinatorSchema = z.object({
  name: requiredText(NAME_MAX),
  phone: phoneField,
  password: newPasswordField,
});
export type CreateCoordinatorForm = z.input<typeof createCoordinatorSchema>;
