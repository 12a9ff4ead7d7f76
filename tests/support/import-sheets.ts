// Sheets for the worker-import tests (ADR 025): CSV bytes, XLSX bytes written
// with exceljs (as Excel would), and a hand-made zip for the hostile cases
// (an entry that inflates far beyond what it claims: a zip bomb).
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

export type SheetRow = { name: string; phone: string; note?: string };

/** A CSV as Excel writes "CSV UTF-8": BOM, CRLF, quoted where needed. */
export function csvText(rows: readonly SheetRow[], headings = ["姓名", "手机号", "备注"]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [headings.join(","), ...rows.map((r) => [r.name, r.phone, r.note ?? ""].map(quote).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function csvBytes(rows: readonly SheetRow[], headings?: string[]): Uint8Array {
  return new TextEncoder().encode(csvText(rows, headings));
}

/** An XLSX with one sheet: headings, then the rows; a cell given as { formula } is a formula cell. */
export async function xlsxBytes(
  rows: readonly (readonly (string | number | { formula: string })[])[],
  headings: string[] = ["姓名", "手机号", "备注"],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名单");
  sheet.addRow(headings);
  for (const row of rows)
    sheet.addRow(row.map((cell) => (typeof cell === "object" ? { formula: cell.formula } : cell)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** `n` distinct valid numbers from a base (e.g. 137 + 8 digits). */
export function phones(n: number, base: number): string[] {
  return Array.from({ length: n }, (_, i) => `137${String(base + i).padStart(8, "0")}`);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A zip of deflated entries; `claim` makes the directory claim a smaller
 * unpacked size than the real one (a lying bomb).
 */
export function zipBytes(entries: { name: string; data: Uint8Array; claim?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const size = entry.claim ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
