import * as z from "zod/mini";
import { NAME_MAX, newPasswordField, phoneField, requiredText } from "./fields.ts";

/** A coordinator creates a worker account in her own workshop. */
export const createWorkerSchema = z.object({
  name: requiredText(NAME_MAX),
  phone: phoneField,
  password: newPasswordField,
});
export type CreateWorkerForm = z.input<typeof createWorkerSchema>;

/** A coordinator sets a new password for one of her workers. */
export const resetPasswordSchema = z.object({
  password: newPasswordField,
});
export type ResetPasswordForm = z.input<typeof resetPasswordSchema>;
