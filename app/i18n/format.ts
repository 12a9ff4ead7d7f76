import type { Locale } from "./locales.ts";

/** Workshops are in China: dates and times are shown in Beijing time whatever the server's zone. */
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

export function formatDate(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: DISPLAY_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: DISPLAY_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(value));
}
