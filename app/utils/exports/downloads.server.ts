// The export downloads (ADR 023): what the resource routes answer. A month's
// exports exist only once it is settled (an open month: 409 with a message in
// her language; a month that is not YYYY-MM: 404); the payslips come from
// listMonthPayslips and must add up to the settled period's totals exactly
// (a difference is a thrown error, never a file). Statements are one order's,
// scoped by the caller (a coordinator's workshop, a partner's own firm).
// Every answer is an attachment with the workshop and month (or order) in its
// file name (RFC 6266 / 5987: an ASCII fallback and the UTF-8 name), never kept
// by the browser or a proxy.
import { data } from "@remix-run/node";
import { chinaDate } from "../../domain/dates.ts";
import {
  partnerStatementTable,
  paymentListTable,
  payslipLinesTable,
  payslipSummaryTable,
  orderShortId,
  type ExportPayslip,
  type LineKind,
} from "../../domain/exports.ts";
import { translate, type Locale } from "../../i18n/index.ts";
import { getOrderStatement, getSettledMonth, type SettledMonth } from "../../models/exports.server.ts";
import { listMonthPayslips } from "../../models/payslip.server.ts";
import { MONTH_PATTERN } from "../../models/settlement.server.ts";
import { notFound } from "../auth.server.ts";
import { tablesToXlsx, tableToCsv } from "./writers.server.ts";

export const CSV_TYPE = "text/csv; charset=utf-8";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Format = "csv" | "xlsx";

/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** A file name from text someone typed (a workshop's or firm's name): no path or reserved characters, ≤ 100 chars. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE_IN_NAME, "_").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  return [...cleaned].slice(0, 100).join("") || "export";
}

/** RFC 5987 ext-value: UTF-8, percent-encoded (encodeURIComponent leaves ' ( ) * which attr-char does not allow). */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<utf-8 name>` */
export function contentDisposition(name: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

export function download(body: string | Uint8Array, format: Format, name: string, asciiName: string): Response {
  const bytes: Uint8Array<ArrayBuffer> =
    typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  return new Response(bytes, {
    headers: {
      "Content-Type": format === "csv" ? CSV_TYPE : XLSX_TYPE,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(`${name}.${format}`, `${asciiName}.${format}`),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The settled month, or a refusal thrown: 404 for a month that is not YYYY-MM, 409 for an open month. */
async function settled(workshopId: string, month: string, locale: Locale) {
  if (!MONTH_PATTERN.test(month)) notFound();
  const found = await getSettledMonth(workshopId, month);
  if (!found) notFound();
  if (!found.period) {
    throw data(
      { reason: "monthNotSettled" as const, message: translate(locale, "export.monthNotSettled", { month }) },
      { status: 409 },
    );
  }
  return found as SettledMonth & { period: NonNullable<SettledMonth["period"]> };
}

/** The month's payslips for the exports, checked against the settled period's totals. */
async function monthPayslips(workshopId: string, month: string, period: NonNullable<SettledMonth["period"]>) {
  const slips: ExportPayslip[] = (await listMonthPayslips(workshopId, month)).map((s) => ({
    workerName: s.workerName,
    workerPhone: s.workerPhone,
    payFen: s.payFen,
    remunerationFen: s.remunerationFen,
    taxFen: s.taxFen,
    chargesFen: s.chargesFen,
    netFen: s.netFen,
    acknowledged: s.acknowledgedAt !== null,
    lines: s.lines.map((l) => ({
      kind: l.kind as LineKind,
      label: l.label,
      reason: l.reason,
      rateE4: l.rateE4,
      pieces: l.pieces,
      amountFen: l.amountFen,
    })),
  }));
  const sum = (pick: (s: ExportPayslip) => bigint) => slips.reduce((total, s) => total + pick(s), 0n);
  const agrees =
    slips.length === period.workerCount &&
    sum((s) => s.remunerationFen) === period.grossFen &&
    sum((s) => s.taxFen) === period.taxFen &&
    sum((s) => s.chargesFen) === period.chargesFen &&
    sum((s) => s.netFen) === period.netFen;
  if (!agrees) throw new Error(`payslips of ${workshopId} ${month} do not add up to the settled period`);
  return slips;
}

export type MonthExport = "payslips.csv" | "payslips.xlsx" | "payments.csv";

/** A settled month's payslips (summary CSV, or a workbook with the summary and the lines) or payment list. */
export async function monthExport(
  workshopId: string,
  month: string,
  kind: MonthExport,
  locale: Locale,
  now: Date,
): Promise<Response> {
  const found = await settled(workshopId, month, locale);
  const slips = await monthPayslips(workshopId, month, found.period);
  const workshop = safeFileName(found.workshopName);
  switch (kind) {
    case "payslips.csv":
      return download(
        tableToCsv(payslipSummaryTable(slips), locale),
        "csv",
        translate(locale, "export.file.payslips", { workshop, month }),
        `payslips-${month}`,
      );
    case "payslips.xlsx": {
      const workbook = await tablesToXlsx(
        [
          { name: "export.sheet.summary", table: payslipSummaryTable(slips) },
          { name: "export.sheet.lines", table: payslipLinesTable(slips) },
        ],
        locale,
        now,
      );
      return download(
        workbook,
        "xlsx",
        translate(locale, "export.file.payslips", { workshop, month }),
        `payslips-${month}`,
      );
    }
    case "payments.csv":
      return download(
        tableToCsv(paymentListTable(slips), locale),
        "csv",
        translate(locale, "export.file.payments", { workshop, month }),
        `payments-${month}`,
      );
  }
}

/** One order's statement for the coordinator (her workshop's) or the partner (its own); 404 for any other. */
export async function statementExport(
  scope: { workshopId: string; partnerId?: string },
  orderId: string,
  format: Format,
  locale: Locale,
  now: Date,
): Promise<Response> {
  const order = await getOrderStatement(scope, orderId);
  if (!order) notFound();
  const table = partnerStatementTable({ ...order, issuedOn: chinaDate(now) });
  const short = orderShortId(order.orderId);
  const name = translate(locale, "export.file.statement", {
    workshop: safeFileName(order.workshopName),
    partner: safeFileName(order.partnerName),
    order: short,
  });
  const body =
    format === "csv"
      ? tableToCsv(table, locale)
      : await tablesToXlsx([{ name: "export.sheet.statement", table }], locale, now);
  return download(body, format, name, `statement-${short}`);
}
