import * as z from "zod/mini";
import { LOCALES } from "../i18n/locales.ts";
import { msg, phoneField } from "./fields.ts";

export const loginSchema = z.object({
  phone: phoneField,
  password: z
    .string({ error: msg("error.required") })
    .check(
      z.minLength(1, { error: msg("error.required") }),
      z.maxLength(200, { error: msg("error.tooLong", { max: 200 }) }),
    ),
  // A hidden field: an unusable value is dropped (login goes to the role's home), never a hidden error.
  redirectTo: z.catch(z.optional(z.string().check(z.maxLength(500))), undefined),
  // Hidden, present when the person picked a language on the login page: it then wins over the account's.
  locale: z.catch(z.optional(z.enum(LOCALES)), undefined),
});
export type LoginForm = z.input<typeof loginSchema>;
