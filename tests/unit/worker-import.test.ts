// The worker import's reading and checking (ADR 025), table-driven: what the
// bytes are, how a CSV decodes (UTF-8 with and without its mark, UTF-16, GBK
// from Chinese Excel), the CSV itself, the headings in both languages, each
// row's problems (bad phone, missing name, duplicate, registered, formula, CSV
// injection, huge cells), and the XLSX reader against formulas, zip bombs and
// files that are not sheets.
import { expect, test } from "vitest";
import {
  IMPORT_CELL_MAX,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  decodeSheetText,
  findColumns,
  initialPassword,
  parseCsv,
  sniffSheet,
  tableToRows,
  type RawRow,
} from "../../app/domain/worker-import.ts";
import { checkImportRows } from "../../app/forms/worker-import.ts";
import { checkZip, readXlsxTable, XLSX_UNPACKED_MAX } from "../../app/infra/xlsx-reader.server.ts";
import { readImportSheet } from "../../app/models/worker-import.server.ts";
import { csvBytes, csvText, phones, xlsxBytes, zipBytes } from "../support/import-sheets.ts";

const GBK_SHEET = Buffer.from(
  "d0d5c3fb2ccad6bbfabac52cb1b8d7a20d0acdf5b7bc2c31333931323334353637382cc8fdc2a50d0a",
  "hex",
); // "姓名,手机号,备注\r\n王芳,13912345678,三楼\r\n" in GBK, as Excel in China saves "CSV"

test.each([
  ["empty file", new Uint8Array(), { ok: false, code: "empty" }],
  ["zip (xlsx)", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), { ok: true, kind: "xlsx" }],
  ["old .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), { ok: false, code: "oldExcel" }],
  ["PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), { ok: false, code: "notASheet" }],
  ["PDF", new TextEncoder().encode("%PDF-1.7"), { ok: false, code: "notASheet" }],
  ["text", new TextEncoder().encode("姓名,手机号"), { ok: true, kind: "csv" }],
  ["over the size limit", new Uint8Array(IMPORT_MAX_BYTES + 1), { ok: false, code: "tooLarge" }],
])("sniffSheet: %s", (_label, bytes, want) => {
  expect(sniffSheet(bytes)).toEqual(want);
});

test.each([
  ["UTF-8 with BOM", new TextEncoder().encode("\uFEFF姓名,手机号"), "utf-8", "姓名,手机号"],
  ["UTF-8 without BOM", new TextEncoder().encode("姓名,手机号"), "utf-8", "姓名,手机号"],
  ["GBK from Chinese Excel", GBK_SHEET, "gb18030", "姓名,手机号,备注\r\n王芳,13912345678,三楼\r\n"],
  [
    "UTF-16LE with BOM (Excel's Unicode text)",
    Buffer.from("\uFEFF姓名\t手机号", "utf16le"),
    "utf-16le",
    "姓名\t手机号",
  ],
])("decodeSheetText: %s", (_label, bytes, encoding, text) => {
  const decoded = decodeSheetText(bytes);
  expect(decoded).toMatchObject({ ok: true, encoding });
  if (decoded.ok) expect(decoded.text.replace(/^\uFEFF/, "")).toBe(text);
});

test("decodeSheetText refuses binary and undecodable bytes", () => {
  expect(decodeSheetText(new Uint8Array([0x41, 0x00, 0x42, 0x01]))).toEqual({ ok: false, code: "notASheet" });
  expect(decodeSheetText(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xfd]))).toEqual({
    ok: false,
    code: "badEncoding",
  });
});

test.each([
  [
    "commas and CRLF",
    "a,b\r\nc,d\r\n",
    [
      ["a", "b"],
      ["c", "d"],
    ],
  ],
  ["quoted comma, quote and line break", 'x,"y, ""z""\nw"\n', [["x", 'y, "z"\nw']]],
  [
    "tabs (Excel's Unicode text)",
    "姓名\t手机号\n王\t139",
    [
      ["姓名", "手机号"],
      ["王", "139"],
    ],
  ],
  [
    "semicolons",
    "name;phone\na;b",
    [
      ["name", "phone"],
      ["a", "b"],
    ],
  ],
  [
    "BOM and lone CR",
    "\uFEFFa,b\rc,d",
    [
      ["a", "b"],
      ["c", "d"],
    ],
  ],
])("parseCsv: %s", (_label, text, records) => {
  expect(parseCsv(text)).toEqual({ ok: true, records });
});

test("parseCsv refuses unmatched quotes and too many columns, and cuts huge cells", () => {
  expect(parseCsv('a,"b\nc,d')).toEqual({ ok: false, code: "badCsv" });
  expect(parseCsv('a,"b"x\n')).toEqual({ ok: false, code: "badCsv" });
  expect(parseCsv(`${"a,".repeat(60)}a\n`)).toEqual({ ok: false, code: "tooManyColumns" });
  const huge = parseCsv(`name,phone\n${"王".repeat(1_000_000)},139\n`);
  expect(huge.ok && huge.records[1]![0]!.length).toBe(IMPORT_CELL_MAX + 1);
  const many = parseCsv("name,phone\n" + "a,b\n".repeat(5_000));
  expect(many).toEqual({ ok: false, code: "tooManyRows" });
});

test.each([
  [["姓名", "手机号", "备注"], { name: 0, phone: 1, note: 2 }],
  [["Name", "Phone", "Note"], { name: 0, phone: 1, note: 2 }],
  [["序号", "手机号码", "名字"], { name: 2, phone: 1, note: -1 }],
  [[" 姓名：", "Mobile", "Remarks"], { name: 0, phone: 1, note: 2 }],
  [["姓名", "地址"], null],
])("findColumns %j", (headings, want) => {
  expect(findColumns(headings)).toEqual(want);
});

test("tableToRows: a title line above the headings, blank rows skipped, lines as the sheet numbers them", () => {
  const rows = tableToRows([
    ["三社区名单"],
    ["姓名", "手机号"],
    ["王芳", "139 1234 5678"],
    ["", ""],
    ["李娜", "13800000001"],
  ]);
  expect(rows).toEqual({
    ok: true,
    rows: [
      { line: 3, name: "王芳", phone: "139 1234 5678", note: "" },
      { line: 5, name: "李娜", phone: "13800000001", note: "" },
    ],
  });
  expect(tableToRows([["姓名", "手机号"]])).toEqual({ ok: false, code: "noRows" });
  expect(tableToRows([["a", "b"]])).toEqual({ ok: false, code: "noColumns" });
  const tooMany = [["姓名", "手机号"], ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ["王", `1390000${i}`])];
  expect(tableToRows(tooMany)).toEqual({ ok: false, code: "tooManyRows" });
  expect(tableToRows(tooMany.slice(0, IMPORT_MAX_ROWS + 1)).ok).toBe(true);
});

const row = (line: number, name: string, phone: string, note = "", formula?: boolean): RawRow => ({
  line,
  name,
  phone,
  note,
  ...(formula ? { formula } : {}),
});

test.each([
  ["a good row, number normalised", row(2, " 王芳 ", "+86 139-1234-5678", "三楼"), undefined, "13912345678"],
  ["missing name", row(2, "", "13912345678"), { field: "name", message: "error.required" }, undefined],
  ["bad phone", row(2, "王芳", "1391234567"), { field: "phone", message: "error.invalidPhone" }, undefined],
  ["missing phone", row(2, "王芳", ""), { field: "phone", message: "error.required" }, undefined],
  [
    "name too long",
    row(2, "王".repeat(41), "13912345678"),
    { field: "name", message: "error.tooLong?max=40" },
    undefined,
  ],
  [
    "CSV injection in a name",
    row(2, '=HYPERLINK("http://x","点我")', "13912345678"),
    { field: "name", message: "import.row.formulaText" },
    undefined,
  ],
  [
    "CSV injection in a note",
    row(2, "王芳", "13912345678", "@SUM(A1)"),
    { field: "note", message: "import.row.formulaText" },
    undefined,
  ],
  [
    "a formula cell (XLSX)",
    row(2, "", "13912345678", "", true),
    { field: "row", message: "import.row.formula" },
    undefined,
  ],
  [
    "a control character",
    row(2, "王\u0007芳", "13912345678"),
    { field: "name", message: "error.controlChar" },
    undefined,
  ],
  ["a bidi override", row(2, "王\u202e芳", "13912345678"), { field: "name", message: "error.bidiControl" }, undefined],
  [
    "already registered",
    row(2, "王芳", "13800000002"),
    { field: "phone", message: "import.row.registered" },
    undefined,
  ],
])("checkImportRows: %s", (_label, raw, error, phone) => {
  const [checked] = checkImportRows([raw], new Set(["13800000002"]));
  expect(checked!.error).toEqual(error);
  if (phone) expect(checked!.phone).toBe(phone);
});

test("checkImportRows: the later of two rows with one number is the duplicate, the first is kept", () => {
  const checked = checkImportRows(
    [row(2, "王芳", "13912345678"), row(3, "李娜", "139 1234 5678"), row(4, "赵敏", "13912345679")],
    new Set(),
  );
  expect(checked.map((r) => r.error?.message)).toEqual([undefined, "import.row.duplicate?line=2", undefined]);
});

test("initialPassword: 10 digits, zero-padded, from the given randomness", () => {
  expect(initialPassword(() => 42)).toBe("0000000042");
  expect(initialPassword((max) => max - 1)).toBe("9999999999");
});

test("readImportSheet reads the same people from CSV (Chinese or English headings), GBK CSV and XLSX", async () => {
  const people = [
    { name: "王芳", phone: "13912345678", note: "三楼" },
    { name: "李, 娜", phone: "13912345679" },
  ];
  const want = [
    { line: 2, name: "王芳", phone: "13912345678", note: "三楼" },
    { line: 3, name: "李, 娜", phone: "13912345679", note: "" },
  ];
  expect(await readImportSheet(csvBytes(people))).toEqual({ ok: true, rows: want, encoding: "utf-8" });
  expect(await readImportSheet(csvBytes(people, ["name", "phone", "note"]))).toMatchObject({ ok: true, rows: want });
  expect(await readImportSheet(GBK_SHEET)).toEqual({
    ok: true,
    rows: [{ line: 2, name: "王芳", phone: "13912345678", note: "三楼" }],
    encoding: "gb18030",
  });
  // In XLSX a phone typed as a number keeps its digits.
  const xlsx = await xlsxBytes([
    ["王芳", 13912345678, "三楼"],
    ["李, 娜", "13912345679"],
  ]);
  expect(await readImportSheet(xlsx)).toEqual({ ok: true, rows: want, encoding: "xlsx" });
  expect(csvText(people)).toContain('"李, 娜"');
});

test("XLSX: a formula cell (=HYPERLINK) is reported as a formula, not its cached result", async () => {
  const bytes = await xlsxBytes([
    [{ formula: 'HYPERLINK("http://evil.example","王芳")' }, "13912345678"],
    ["李娜", "13912345679"],
  ]);
  const read = await readXlsxTable(bytes);
  expect(read.ok && read.table[1]![0]).toEqual({ text: "", formula: true });
  const sheet = await readImportSheet(bytes);
  expect(sheet.ok && sheet.rows[0]).toMatchObject({ line: 2, formula: true });
  const [first, second] = checkImportRows(sheet.ok ? sheet.rows : [], new Set());
  expect(first!.error).toEqual({ field: "row", message: "import.row.formula" });
  expect(second!.error).toBeUndefined();
});

test("XLSX: a zip bomb is refused from what really inflates, whatever the directory claims", async () => {
  const huge = new Uint8Array(XLSX_UNPACKED_MAX + 1024).fill(0x20);
  const bomb = zipBytes([
    { name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>") },
    { name: "xl/worksheets/sheet1.xml", data: huge, claim: 1000 },
  ]);
  expect(bomb.length).toBeLessThan(IMPORT_MAX_BYTES);
  expect(checkZip(bomb)).toBe("zipBomb");
  expect(await readImportSheet(bomb)).toEqual({ ok: false, code: "zipBomb" });
  // Many small entries that add up, and too many entries.
  const parts = Array.from({ length: 5 }, (_, i) => ({
    name: `x${i}.xml`,
    data: new Uint8Array(XLSX_UNPACKED_MAX / 4).fill(0x20),
  }));
  expect(checkZip(zipBytes(parts))).toBe("zipBomb");
  const crowd = Array.from({ length: 300 }, (_, i) => ({ name: `e${i}`, data: new Uint8Array(1) }));
  expect(checkZip(zipBytes(crowd))).toBe("zipBomb");
});

test("XLSX: a zip that is not a workbook, a truncated one, and random bytes after PK are refused as not a sheet", async () => {
  const notWorkbook = zipBytes([{ name: "hello.txt", data: new TextEncoder().encode("hi") }]);
  expect(await readImportSheet(notWorkbook)).toEqual({ ok: false, code: "notASheet" });
  const real = await xlsxBytes([["王芳", "13912345678"]]);
  expect(await readImportSheet(real.slice(0, real.length - 30))).toEqual({ ok: false, code: "notASheet" });
  expect(await readImportSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]))).toEqual({
    ok: false,
    code: "notASheet",
  });
});

test("phones() gives distinct valid numbers", () => {
  const list = phones(3, 5);
  expect(list).toEqual(["13700000005", "13700000006", "13700000007"]);
});
