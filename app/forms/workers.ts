import * as z from "zod/mini";
import { newPasswordField } from "./fields.ts";

// A coordinator creates a worker's login with newAccountSchema (app/forms/account.ts).

/** A coordinator sets a new password for one of her workers. */
export const resetPasswordSchema = z.object({
  password: newPasswordField,
});
export type ResetPasswordForm = z.input<typeof resetPasswordSchema>;
