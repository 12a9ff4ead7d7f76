// The dictionaries. Every UI string comes from here (none hard-coded in a
// page). Each area file keeps both languages side by side; the Message type
// makes a missing translation a compile error.
import { type Locale } from "./locales.ts";
import { adminMessages } from "./messages/admin.ts";
import { authMessages } from "./messages/auth.ts";
import { catalogueMessages } from "./messages/catalogue.ts";
import { commonMessages } from "./messages/common.ts";
import { coordinatorMessages } from "./messages/coordinator.ts";
import { dashboardMessages } from "./messages/dashboard.ts";
import { districtMessages } from "./messages/district.ts";
import { exportMessages } from "./messages/exports.ts";
import { httpMessages } from "./messages/http.ts";
import { noticeMessages } from "./messages/notices.ts";
import { orderMessages } from "./messages/orders.ts";
import { partnerMessages } from "./messages/partner.ts";
import { payMessages } from "./messages/pay.ts";
import { pieceLogMessages } from "./messages/piece-logs.ts";
import { photoMessages } from "./messages/photo.ts";
import { stockMessages } from "./messages/stock.ts";
import { statementMessages } from "./messages/statement.ts";
import { qualityMessages } from "./messages/quality.ts";
import { receivingMessages } from "./messages/receiving.ts";
import { workerMessages } from "./messages/worker.ts";
import { workerMonthMessages } from "./messages/worker-month.ts";
import { workerImportMessages } from "./messages/worker-import.ts";

export const messages = {
  ...commonMessages,
  ...authMessages,
  ...workerMessages,
  ...workerMonthMessages,
  ...coordinatorMessages,
  ...dashboardMessages,
  ...partnerMessages,
  ...adminMessages,
  ...catalogueMessages,
  ...orderMessages,
  ...stockMessages,
  ...receivingMessages,
  ...qualityMessages,
  ...payMessages,
  ...pieceLogMessages,
  ...photoMessages,
  ...httpMessages,
  ...exportMessages,
  ...noticeMessages,
  ...statementMessages,
  ...workerImportMessages,
  ...districtMessages,
};

export type MessageKey = keyof typeof messages;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(messages, value);
}

/**
 * A message with its parameters: `{n}` is the value; `{n:worker|workers}` is the first word when
 * n is 1, else the second (English plurals; Chinese needs none).
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = messages[key][locale];
  if (!params) return template;
  return template.replace(
    /\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
      if (one === undefined) return String(params[name]);
      return String(params[name]) === "1" ? one : (other ?? "");
    },
  );
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export { LOCALES, DEFAULT_LOCALE, isLocale, toLocale, type Locale } from "./locales.ts";
