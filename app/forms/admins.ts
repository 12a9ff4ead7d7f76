import * as z from "zod/mini";
import { NAME_MAX, newPasswordField, phoneField, requiredText } from "./fields.ts";

/** An admin account, made on the command line with `npm run admin:create` (scripts/admin-create.ts). */
export const createAdminSchema = z.object({
  name: requiredText(NAME_MAX),
  phone: phoneField,
  password: newPasswordField,
});
export type CreateAdminForm = z.input<typeof createAdminSchema>;
