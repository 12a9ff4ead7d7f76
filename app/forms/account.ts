import * as z from "zod/mini";
import { LOCALES } from "../i18n/locales.ts";
import { NAME_MAX, crossFieldCheck, msg, newPasswordField, phoneField, requiredText } from "./fields.ts";

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: msg("error.required") })
      .check(
        z.minLength(1, { error: msg("error.required") }),
        z.maxLength(200, { error: msg("error.tooLong", { max: 200 }) }),
      ),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: msg("error.required") }).check(z.minLength(1, { error: msg("error.required") })),
  })
  .check(
    crossFieldCheck<{ newPassword: string; confirmPassword: string }>(
      ["newPassword", "confirmPassword"],
      (v) => v.newPassword === v.confirmPassword,
      { path: ["confirmPassword"], error: msg("error.passwordMismatch") },
    ),
  );
export type ChangePasswordForm = z.input<typeof changePasswordSchema>;

export const languageSchema = z.object({
  locale: z.enum(LOCALES, { error: msg("error.invalid") }),
  // A hidden field: an unusable value is dropped (the switch goes home), never an error the person cannot see.
  redirectTo: z.catch(z.optional(z.string().check(z.maxLength(500))), undefined),
});

/** A login someone creates for another person: a worker, a coordinator (by an admin) or a partner firm's contact. */
export const newAccountSchema = z.object({
  name: requiredText(NAME_MAX),
  phone: phoneField,
  password: newPasswordField,
});
export type NewAccountForm = z.input<typeof newAccountSchema>;
