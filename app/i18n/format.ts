import type { Locale } from "./locales.ts";

/** Workshops are in China: dates and times are shown in Beijing time whatever the server's zone. */
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

const DATE: Intl.DateTimeFormatOptions = {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
};
// hourCycle h23, not hour12: false, which English renders as "24:30" for half past midnight.
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

// Building an Intl.DateTimeFormat costs far more than using one (it was the
// worker home page's biggest single cost with a few tasks): one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: "date" | "dateTime"): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, style === "date" ? DATE : DATE_TIME);
    formatters.set(key, format);
  }
  return format;
}

export function formatDate(value: Date | string, locale: Locale): string {
  return formatter(locale, "date").format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  return formatter(locale, "dateTime").format(new Date(value));
}
