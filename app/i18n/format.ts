import type { Locale } from "./locales.ts";

/** Workshops are in China: dates and times are shown in Beijing time whatever the server's zone. */
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

const DATE: Intl.DateTimeFormatOptions = {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
};
/** English spells the month ("2 Dec 2026"): 12/02/2026 reads as 12 February to half the world. */
const DATE_EN: Intl.DateTimeFormatOptions = {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "short",
  day: "numeric",
};
// hourCycle h23, not hour12: false, which English renders as "24:30" for half past midnight.
const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

// Building an Intl.DateTimeFormat costs far more than using one (it was the
// worker home page's biggest single cost with a few tasks): one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: "date" | "dateTime"): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let format = formatters.get(key);
  if (!format) {
    const date = locale === "en" ? DATE_EN : DATE;
    // en-GB: day before month ("2 Dec 2026, 00:30") in the English pages.
    format = new Intl.DateTimeFormat(
      locale === "en" ? "en-GB" : locale,
      style === "date" ? date : { ...date, ...TIME },
    );
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

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A month (YYYY-MM) as its readers write it: "2026年10月" / "October 2026". */
export function formatMonth(month: string, locale: Locale): string {
  const [year = "", mon = "1"] = month.split("-");
  const index = Number.parseInt(mon, 10);
  return locale === "en" ? `${EN_MONTHS[index - 1] ?? mon} ${year}` : `${year}年${index}月`;
}
