// Writing an export table (app/domain/exports.ts) as CSV or XLSX (ADR 023).
//
// CSV (csv-stringify): UTF-8 with a byte order mark, so Excel in China opens it
// as UTF-8 and not GBK; CRLF between records; a field holding a comma, a quote,
// CR or LF is quoted (quote doubled). Amounts are plain exact decimals ("1234.50",
// "-0.01": no ¥, no thousands separator), rates have 4 decimals. A text cell that
// begins with = + - @ TAB or CR (a name or reason someone typed) gets a leading
// apostrophe, so a spreadsheet never runs it as a formula; numbers are not touched.
//
// XLSX (exceljs): amounts and rates are numeric cells holding the double nearest
// the exact value (amountToSpreadsheetNumber), shown with '0.00' / '0.0000', so the
// sheet sorts and filters; totals are written as values computed in BigInt, never
// as formulas. Text stays text (a phone number keeps its digits).
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import type { ExportCell, ExportTable } from "../../domain/exports.ts";
import {
  amountToSpreadsheetNumber,
  amountToString,
  rateToSpreadsheetNumber,
  rateToString,
} from "../../domain/money.ts";
import { translate, type Locale, type MessageKey } from "../../i18n/index.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A typed-in text made safe for a spreadsheet that opens the CSV: a leading apostrophe before = + - @ TAB CR. */
export function neutraliseText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function termText(cell: Extract<ExportCell, { t: "term" }>, locale: Locale): string {
  return translate(locale, `export.term.${cell.term}` as MessageKey, cell.params);
}

/** The cell as CSV text. */
export function csvCellText(cell: ExportCell, locale: Locale): string {
  switch (cell.t) {
    case "text":
      return neutraliseText(cell.v);
    case "amount":
      return amountToString(cell.v);
    case "rate":
      return rateToString(cell.v);
    case "count":
      return String(cell.v);
    case "term":
      return termText(cell, locale);
    case "empty":
      return "";
  }
}

function headings(table: ExportTable, locale: Locale): string[] {
  return table.columns.map((c) => translate(locale, `export.col.${c}` as MessageKey));
}

/** The table as CSV: its heading lines and a blank line (if any), the column headings, the rows, the footer. */
export function tableToCsv(table: ExportTable, locale: Locale): string {
  const text = (row: readonly ExportCell[]) => row.map((c) => csvCellText(c, locale));
  const records = [
    ...table.heading.map(text),
    ...(table.heading.length > 0 ? [[]] : []),
    headings(table, locale),
    ...table.rows.map(text),
    ...table.footer.map(text),
  ];
  return stringify(records, { bom: true, record_delimiter: "windows", quote_record_delimiter: true });
}

export const AMOUNT_FORMAT = "0.00";
export const RATE_FORMAT = "0.0000";

function writeCell(target: ExcelJS.Cell, cell: ExportCell, locale: Locale): void {
  switch (cell.t) {
    case "text":
      target.value = cell.v;
      break;
    case "amount":
      target.value = amountToSpreadsheetNumber(cell.v);
      target.numFmt = AMOUNT_FORMAT;
      break;
    case "rate":
      target.value = rateToSpreadsheetNumber(cell.v);
      target.numFmt = RATE_FORMAT;
      break;
    case "count":
      target.value = cell.v;
      target.numFmt = "0";
      break;
    case "term":
      target.value = termText(cell, locale);
      break;
    case "empty":
      break;
  }
}

export type XlsxSheet = { name: MessageKey; table: ExportTable };

/** A workbook with a sheet per table (heading lines, bold column headings frozen at the top, rows, bold footer). */
export async function tablesToXlsx(sheets: readonly XlsxSheet[], locale: Locale, now: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "巧手 Piecework";
  workbook.created = now;
  workbook.modified = now;
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(translate(locale, name));
    const put = (row: readonly ExportCell[], bold = false) => {
      const target = sheet.addRow([]);
      row.forEach((cell, i) => writeCell(target.getCell(i + 1), cell, locale));
      if (bold) target.font = { bold: true };
    };
    for (const row of table.heading) put(row);
    if (table.heading.length > 0) sheet.addRow([]);
    const headingRow = sheet.addRow(headings(table, locale));
    headingRow.font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: headingRow.number }];
    for (const row of table.rows) put(row);
    for (const row of table.footer) put(row, true);
    sheet.columns.forEach((column, i) => {
      column.width = table.columns[i] === "reason" || table.columns[i] === "note" ? 40 : 16;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
