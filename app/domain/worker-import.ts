// Importing a community's workers from a sheet (issue 10, ADR 025): the pure
// part. What kind of file the bytes are, how a CSV's bytes become text (UTF-8
// with or without its mark, UTF-16 as Excel's "Unicode text", or GBK/GB18030 as
// Excel in China saves "CSV"), the CSV itself (RFC 4180), which columns hold
// the name, phone and note (Chinese or English headings), and the sheet's rows
// as raw text with their line numbers. The limits live here too. Validation of
// each row (name, phone, note, duplicates, numbers already registered) is in
// app/forms/worker-import.ts; reading an XLSX in app/infra/xlsx-reader.server.ts.

/** The most rows one import takes (rows with anything in them, headings not counted). */
export const IMPORT_MAX_ROWS = 2_000;
/** The largest file accepted: a 2,000-row sheet is about 60-100 KB; 1 MiB leaves room for notes and formatting. */
export const IMPORT_MAX_BYTES = 1024 * 1024;
/** The longest a cell is kept (longer ones are cut to this and refused as too long): stops huge cells. */
export const IMPORT_CELL_MAX = 200;
/** The most columns read from a row: a sheet with thousands of columns is not a list of people. */
export const IMPORT_MAX_COLUMNS = 50;
/** The longest note kept on a worker. */
export const IMPORT_NOTE_MAX = 100;
/** How long an uploaded sheet waits for her confirmation. */
export const IMPORT_TTL_MS = 60 * 60 * 1000;
/**
 * The most sheets one coordinator may upload in a day. A real community is
 * imported in a few; the limit bounds how many numbers a coordinator's
 * account can test for "already has an account" (2,000 a sheet).
 */
export const IMPORT_DAILY_UPLOADS = 10;
/**
 * How long an initial password works: an account nobody logged in to within
 * two weeks of its import needs a reset by the coordinator (the printed slip
 * may be lost or read by someone else).
 */
export const INITIAL_PASSWORD_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type SheetKind = "csv" | "xlsx";
export type ImportRefusal =
  | "empty"
  | "tooLarge"
  | "notASheet"
  | "oldExcel"
  | "badEncoding"
  | "badCsv"
  | "noColumns"
  | "noRows"
  | "tooManyRows"
  | "tooManyColumns"
  | "zipBomb"
  | "tooManyUploads";

export type RawRow = { line: number; name: string; phone: string; note: string; formula?: boolean };

export type Sniffed = { ok: true; kind: SheetKind } | { ok: false; code: ImportRefusal };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Magic numbers of files people pick by mistake: PDF, PNG, JPEG, GIF, gzip, RAR, 7z. */
const NOT_SHEETS = [
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46],
  [0x1f, 0x8b],
  [0x52, 0x61, 0x72, 0x21],
  [0x37, 0x7a, 0xbc, 0xaf],
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** What the bytes are, by their first bytes only (never by the file's name or the browser's type). */
export function sniffSheet(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { ok: false, code: "empty" };
  if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, code: "tooLarge" };
  if (startsWith(bytes, ZIP)) return { ok: true, kind: "xlsx" };
  if (startsWith(bytes, OLE)) return { ok: false, code: "oldExcel" };
  if (NOT_SHEETS.some((magic) => startsWith(bytes, magic))) return { ok: false, code: "notASheet" };
  return { ok: true, kind: "csv" };
}

export type DecodedText =
  | { ok: true; text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030" }
  | { ok: false; code: ImportRefusal };

/**
 * A CSV's bytes as text: a byte order mark decides (UTF-8, UTF-16LE/BE); else
 * strict UTF-8; else GB18030 (a superset of GBK, what Excel in China writes as
 * "CSV"), when it decodes without a replacement character. A NUL or other
 * binary control in the text means it is not a sheet.
 */
export function decodeSheetText(bytes: Uint8Array): DecodedText {
  let decoded: { text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030" } | null = null;
  const tryDecode = (encoding: string, input: Uint8Array) => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(input);
    } catch {
      return null;
    }
  };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode("utf-8", bytes);
    decoded = text === null ? null : { text, encoding: "utf-8" };
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    const text = tryDecode("utf-16le", bytes);
    decoded = text === null ? null : { text, encoding: "utf-16le" };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    const text = tryDecode("utf-16be", bytes);
    decoded = text === null ? null : { text, encoding: "utf-16be" };
  } else {
    const utf8 = tryDecode("utf-8", bytes);
    if (utf8 !== null) decoded = { text: utf8, encoding: "utf-8" };
    else {
      const gb = tryDecode("gb18030", bytes);
      decoded = gb === null || gb.includes("\ufffd") ? null : { text: gb, encoding: "gb18030" };
    }
  }
  if (decoded === null) return { ok: false, code: "badEncoding" };
  // eslint-disable-next-line no-control-regex -- binary bytes are exactly what is looked for
  if (/[\u0000-\u0008\u000e-\u001f]/.test(decoded.text)) return { ok: false, code: "notASheet" };
  return { ok: true, ...decoded };
}

/** The field separator: the one of comma, tab, semicolon (and the full-width comma) most used in the first line. */
export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", "\t", ";", "，"]) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

export type CsvResult = { ok: true; records: string[][] } | { ok: false; code: ImportRefusal };

/**
 * RFC 4180 with the separator guessed: records by CRLF, LF or CR, a quoted
 * field may hold separators, line breaks and doubled quotes. Stops (tooManyRows)
 * once more records than an import could take have been read, and refuses
 * more than IMPORT_MAX_COLUMNS fields in a record; a cell longer than
 * IMPORT_CELL_MAX is cut to one character more (so it is still refused as too
 * long, without being kept whole).
 */
export function parseCsv(input: string, maxRecords = IMPORT_MAX_ROWS + 1 + 200): CsvResult {
  const text = input.startsWith("\ufeff") ? input.slice(1) : input;
  const delimiter = guessDelimiter(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const pushField = () => {
    if (record.length >= IMPORT_MAX_COLUMNS) return false;
    record.push(field.length > IMPORT_CELL_MAX ? field.slice(0, IMPORT_CELL_MAX + 1) : field);
    field = "";
    wasQuoted = false;
    return true;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          if (field.length <= IMPORT_CELL_MAX) field += '"';
          i += 1;
        } else quoted = false;
      } else if (field.length <= IMPORT_CELL_MAX) field += c;
      continue;
    }
    if (c === '"' && field.trim() === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      field = "";
    } else if (c === delimiter) {
      if (!pushField()) return { ok: false, code: "tooManyColumns" };
    } else if (c === "\r" || c === "\n") {
      if (!pushField()) return { ok: false, code: "tooManyColumns" };
      records.push(record);
      record = [];
      if (records.length > maxRecords) return { ok: false, code: "tooManyRows" };
      if (c === "\r" && text[i + 1] === "\n") i += 1;
    } else if (wasQuoted) {
      // Text after a closing quote ("b"x): not CSV as any spreadsheet writes it.
      return { ok: false, code: "badCsv" };
    } else if (field.length <= IMPORT_CELL_MAX) field += c;
  }
  if (quoted) return { ok: false, code: "badCsv" };
  if (field !== "" || record.length > 0) {
    if (!pushField()) return { ok: false, code: "tooManyColumns" };
    records.push(record);
  }
  return { ok: true, records };
}

export type ImportColumn = "name" | "phone" | "note";

/** Headings people write for each column, compared without spaces, case or a trailing colon. */
const HEADINGS: Record<ImportColumn, readonly string[]> = {
  name: ["姓名", "名字", "姓名*", "name", "fullname", "workername"],
  phone: [
    "手机号",
    "手机",
    "手机号码",
    "电话",
    "联系电话",
    "手机号*",
    "phone",
    "mobile",
    "phonenumber",
    "mobilephone",
    "tel",
  ],
  note: ["备注", "说明", "note", "notes", "remark", "remarks", "comment"],
};

function headingKey(cell: string): string {
  return cell
    .normalize("NFKC")
    .replace(/^\ufeff/, "")
    .replace(/[\s_\-:：()（）]/g, "")
    .toLowerCase();
}

/** Which column index holds what, from a heading row; null unless both name and phone are there. */
export function findColumns(headings: readonly string[]): Record<ImportColumn, number> | null {
  const found: Partial<Record<ImportColumn, number>> = {};
  headings.forEach((cell, index) => {
    const key = headingKey(cell);
    for (const column of ["name", "phone", "note"] as const) {
      if (found[column] === undefined && HEADINGS[column].includes(key)) found[column] = index;
    }
  });
  if (found.name === undefined || found.phone === undefined) return null;
  return { name: found.name, phone: found.phone, note: found.note ?? -1 };
}

/** A table cell as read: its text, and whether it held a formula (XLSX only). */
export type Cell = string | { text: string; formula: true };

export type RowsResult = { ok: true; rows: RawRow[] } | { ok: false; code: ImportRefusal };

const cellText = (cell: Cell | undefined): string =>
  cell === undefined ? "" : typeof cell === "string" ? cell : cell.text;
const isFormula = (cell: Cell | undefined): boolean => cell !== undefined && typeof cell !== "string";

/**
 * The people in a table (CSV records or a worksheet's rows): the heading row is
 * the first among the first 10 with both a name and a phone heading (a title
 * line above it is allowed); every later row with anything in it is a person,
 * numbered by its line in the file (1-based, as a spreadsheet shows it; `lines`
 * gives each record's own number when the table skips empty rows).
 */
export function tableToRows(table: readonly (readonly Cell[])[], lines?: readonly number[]): RowsResult {
  let headingIndex = -1;
  let columns: Record<ImportColumn, number> | null = null;
  for (let i = 0; i < Math.min(table.length, 10); i += 1) {
    columns = findColumns(table[i]!.map(cellText));
    if (columns) {
      headingIndex = i;
      break;
    }
  }
  if (!columns) return { ok: false, code: "noColumns" };
  const rows: RawRow[] = [];
  for (let i = headingIndex + 1; i < table.length; i += 1) {
    const record = table[i]!;
    if (record.every((cell) => cellText(cell).trim() === "")) continue;
    if (rows.length >= IMPORT_MAX_ROWS) return { ok: false, code: "tooManyRows" };
    const pick = (index: number) => (index < 0 ? undefined : record[index]);
    const name = pick(columns.name);
    const phone = pick(columns.phone);
    const note = pick(columns.note);
    const row: RawRow = {
      line: lines?.[i] ?? i + 1,
      name: cellText(name),
      phone: cellText(phone),
      note: cellText(note),
    };
    if (isFormula(name) || isFormula(phone) || isFormula(note)) row.formula = true;
    rows.push(row);
  }
  if (rows.length === 0) return { ok: false, code: "noRows" };
  return { ok: true, rows };
}

/**
 * A one-time initial password: 10 digits (33 bits), easy to read off paper and
 * type on a phone's number pad; it expires (INITIAL_PASSWORD_TTL_MS) and must
 * be replaced at the first login. `randomInt` is the caller's (node:crypto
 * randomInt on the server); the domain takes no randomness of its own.
 */
export function initialPassword(randomInt: (max: number) => number): string {
  return String(randomInt(10_000_000_000)).padStart(10, "0");
}

/** Whether an imported account's initial password, made at `importedAt`, no longer works at `now`. */
export function initialPasswordExpired(importedAt: Date, now: Date): boolean {
  return now.getTime() - importedAt.getTime() > INITIAL_PASSWORD_TTL_MS;
}
