import { z } from "zod";
import { msg, phoneField } from "./fields.ts";

export const loginSchema = z.object({
  phone: phoneField,
  password: z
    .string({ error: msg("error.required") })
    .min(1, { error: msg("error.required") })
    .max(200, { error: msg("error.tooLong", { max: 200 }) }),
  // A hidden field: an unusable value is dropped (login goes to the role's home), never a hidden error.
  redirectTo: z.string().max(500).optional().catch(undefined),
});
export type LoginForm = z.input<typeof loginSchema>;
