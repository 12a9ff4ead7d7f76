// Field rules shared by the form schemas. One zod schema per form
// (house style 5), used by react-hook-form in the browser and by the action on
// the server. Error messages are dictionary keys, optionally with parameters
// ("error.tooLong?max=40"), so the same schema speaks both languages.
import { z } from "zod";
import { parseMobilePhone } from "../domain/phone.ts";
import type { MessageKey, MessageParams } from "../i18n/index.ts";

export function msg(key: MessageKey, params?: Record<string, string | number>): string {
  if (!params) return key;
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${key}?${query.toString()}`;
}

export function parseMsg(text: string): { key: string; params: MessageParams } {
  const [key = "", query = ""] = text.split("?", 2);
  return { key, params: Object.fromEntries(new URLSearchParams(query)) };
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;
export const NAME_MAX = 40;

/** A required single-line text, trimmed, at most `max` characters. */
export function requiredText(max: number) {
  return z
    .string({ error: msg("error.required") })
    .trim()
    .min(1, { error: msg("error.required") })
    .max(max, { error: msg("error.tooLong", { max }) });
}

export function optionalText(max: number) {
  return z
    .string({ error: msg("error.invalid") })
    .trim()
    .max(max, { error: msg("error.tooLong", { max }) })
    .optional()
    .transform((v) => v ?? "");
}

export const phoneField = z
  .string({ error: msg("error.required") })
  .transform((value, ctx) => {
    const result = parseMobilePhone(value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: msg(result.code === "required" ? "error.required" : "error.invalidPhone") });
      return z.NEVER;
    }
    return result.phone;
  });

export const newPasswordField = z
  .string({ error: msg("error.required") })
  .min(1, { error: msg("error.required") })
  .min(PASSWORD_MIN, { error: msg("error.passwordTooShort", { min: PASSWORD_MIN }) })
  .max(PASSWORD_MAX, { error: msg("error.passwordTooLong", { max: PASSWORD_MAX }) });
