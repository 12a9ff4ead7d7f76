import type { Locale } from "./locales.ts";

/** One message in every language: a missing translation is a type error. */
export type Message = Record<Locale, string>;

export function defineMessages<const T extends Record<string, Message>>(messages: T): T {
  return messages;
}
