// What the worker's home page sends for "her month" (issue 8): figures as
// numbers, material quantities and dates already formatted as text on the
// server (docs/conventions.md §2), so the page needs no money code and no
// JavaScript (ADR 015).
import type { Locale } from "../i18n/locales.ts";
import type { MonthLogCheck, MonthLogStatus, WorkerMonth } from "../models/worker-month.server.ts";
import { amountFromMinor, formatAmount } from "../domain/money.ts";
import { quantityText } from "./stock-view.server.ts";

// Built once per language (building one costs far more than using it, ADR 015).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: "month" | "day"): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let format = formatters.get(key);
  if (!format) {
    // The dates are China calendar dates already: format them as written (UTC), never shifted.
    const options: Intl.DateTimeFormatOptions =
      style === "month"
        ? { timeZone: "UTC", month: locale === "en" ? "long" : "numeric" }
        : { timeZone: "UTC", month: "short", day: "numeric" };
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** "2026-03" → "3月" / "March". */
export function monthText(month: string, locale: Locale): string {
  return formatter(locale, "month").format(new Date(`${month}-01T00:00:00Z`));
}

/** "2026-03-10" → "3月10日" / "Mar 10". */
export function dayText(isoDate: string, locale: Locale): string {
  return formatter(locale, "day").format(new Date(`${isoDate}T00:00:00Z`));
}

export type MonthLogView = {
  id: string;
  assignmentId: string;
  day: string;
  productName: string;
  unit: string;
  stepName: string | null;
  quantity: number;
  status: MonthLogStatus;
  receivedQuantity: number | null;
  differenceReason: string;
  cancelReason: string;
  check: MonthLogCheck | null;
};

export type WorkerMonthView = {
  month: string;
  logged: number;
  received: number;
  quality: WorkerMonth["quality"];
  materials: { id: string; name: string; unit: string; quantity: string }[];
  logs: MonthLogView[];
  logCount: number;
  /** Deductions charged to her for a month not settled yet, amounts formatted (¥28.00). */
  deductions: { id: string; month: string; materialName: string; amount: string; reason: string }[];
};

export function workerMonthView(month: WorkerMonth, locale: Locale): WorkerMonthView {
  return {
    month: monthText(month.month, locale),
    logged: month.logged,
    received: month.received,
    quality: month.quality,
    materials: month.materials.map((m) => ({
      id: m.materialId,
      name: m.materialName,
      unit: m.unit,
      quantity: quantityText(m.heldE3, locale),
    })),
    logs: month.logs.map((l) => ({
      id: l.id,
      assignmentId: l.assignmentId,
      day: dayText(l.loggedOn, locale),
      productName: l.productName,
      unit: l.productUnit,
      stepName: l.stepName,
      quantity: l.quantity,
      status: l.status,
      receivedQuantity: l.receivedQuantity,
      differenceReason: l.differenceReason,
      cancelReason: l.cancelReason,
      check: l.check,
    })),
    logCount: month.logCount,
    deductions: month.deductions.map((d) => ({
      id: d.id,
      month: monthText(d.month, locale),
      materialName: d.materialName,
      amount: formatAmount(amountFromMinor(d.amountFen), locale),
      reason: d.reason,
    })),
  };
}
