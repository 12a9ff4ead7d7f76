// Error messages as text: a dictionary key, optionally with parameters in
// query-string form ("error.tooLong?max=40"), so one schema and one action
// answer in either language. A module of its own (no zod) because the pages
// that only show a message, and never validate, load it in the browser.
import { isMessageKey, type MessageKey, type MessageParams, type Translate } from "../i18n/index.ts";

export function msg(key: MessageKey, params?: Record<string, string | number>): string {
  if (!params) return key;
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${key}?${query.toString()}`;
}

export function parseMsg(text: string): { key: string; params: MessageParams } {
  const [key = "", query = ""] = text.split("?", 2);
  return { key, params: Object.fromEntries(new URLSearchParams(query)) };
}

/** Translates an error message ("error.tooLong?max=40") from a schema or an action; an unknown key reads "invalid". */
export function errorText(t: Translate, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const { key, params } = parseMsg(message);
  return isMessageKey(key) ? t(key, params) : t("error.invalid");
}
