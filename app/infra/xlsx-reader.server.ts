// Reading the first worksheet of an uploaded XLSX (the worker import, ADR 025)
// as a table of text cells, without trusting the file. An XLSX is a zip: before
// exceljs sees it, every entry is inflated here with a hard cap on its output
// (zlib's maxOutputLength counts what really comes out, whatever sizes the zip
// claims), with caps on the number of entries and on the total, so a zip bomb
// (a few KB that inflate to gigabytes) is refused after at most the cap's worth
// of work. Then exceljs reads it; a formula cell is reported as such (its
// cached result is not taken as what she typed), numbers become their digits
// (a phone typed as a number), dates their ISO text, rich text its plain text.
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import {
  IMPORT_CELL_MAX,
  IMPORT_MAX_COLUMNS,
  IMPORT_MAX_ROWS,
  type Cell,
  type ImportRefusal,
} from "../domain/worker-import.ts";

/** The most an XLSX may hold unpacked: a 2,000-row sheet is well under 2 MB of XML. */
export const XLSX_UNPACKED_MAX = 16 * 1024 * 1024;
export const XLSX_MAX_ENTRIES = 200;

export type XlsxTable = { ok: true; table: Cell[][]; lines: number[] } | { ok: false; code: ImportRefusal };

/**
 * Checks the zip's central directory and inflates each entry under the caps.
 * Answers null when the archive is within them, else the refusal.
 */
export function checkZip(bytes: Uint8Array): ImportRefusal | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "notASheet";
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) return "notASheet"; // zip64: not what Excel writes for a list
  if (entries > XLSX_MAX_ENTRIES) return "zipBomb";
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < entries; n += 1) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return "notASheet";
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    p += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50) return "notASheet";
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buf.length) return "notASheet";
    const data = buf.subarray(dataStart, dataStart + compressedSize);
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: XLSX_UNPACKED_MAX - total + 1 }).length;
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return "zipBomb";
        return "notASheet";
      }
    } else return "notASheet";
    total += size;
    if (total > XLSX_UNPACKED_MAX) return "zipBomb";
  }
  return null;
}

function cut(text: string): string {
  return text.length > IMPORT_CELL_MAX ? text.slice(0, IMPORT_CELL_MAX + 1) : text;
}

/** A cell's value as text, or a formula marker. */
export function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return cut(value);
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : cut(String(value));
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("formula" in value || "sharedFormula" in value) return { text: "", formula: true };
  if ("richText" in value) return cut(value.richText.map((part) => part.text).join(""));
  if ("hyperlink" in value) return cut(String(value.text ?? ""));
  if ("error" in value) return "";
  return "";
}

/** The first worksheet's rows as text cells (at most the import's rows plus a few, and its columns). */
export async function readXlsxTable(bytes: Uint8Array): Promise<XlsxTable> {
  const zip = checkZip(bytes);
  if (zip) return { ok: false, code: zip };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, code: "notASheet" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, code: "notASheet" }; // a zip, but no workbook in it
  if (sheet.actualColumnCount > IMPORT_MAX_COLUMNS) return { ok: false, code: "tooManyColumns" };
  // Rows with something in them (a heading and up to the import's limit, plus room for blank-looking ones).
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1 + 200) return { ok: false, code: "tooManyRows" };
  const table: Cell[][] = [];
  const lines: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, IMPORT_MAX_COLUMNS); c += 1) cells.push(cellOf(row.getCell(c).value));
    table.push(cells);
    lines.push(rowNumber);
  });
  return { ok: true, table, lines };
}
