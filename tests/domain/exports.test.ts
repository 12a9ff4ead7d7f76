// Exports (app/domain/exports.ts, app/utils/exports/writers.server.ts, ADR 023):
// every total is the exact BigInt sum of its rows (worked examples and property
// tests against sums taken here, apart from the builders); the payment list pays
// 0 with a note for a net of 0 or below; a statement owes delivered × price rounded
// once and says when the notes add up differently; spreadsheet numbers read back
// as the same fen; the CSV has the UTF-8 BOM, CRLF, quotes what must be quoted
// and disarms formulas in typed text; the XLSX holds numbers that read back exact.
import fc from "fast-check";
import { expect, test } from "vitest";
import {
  LINE_KINDS,
  partnerStatementTable,
  paymentListTable,
  payslipLinesTable,
  payslipSummaryTable,
  type ExportCell,
  type ExportPayslip,
  type ExportTable,
  type StatementInput,
} from "../../app/domain/exports.ts";
import {
  amountFromMinor,
  amountFromSpreadsheetNumber,
  amountToMinor,
  amountToSpreadsheetNumber,
  amountToString,
  MAX_AMOUNT_TEXT,
  MAX_RATE_TEXT,
  rateFromMinor,
  rateFromSpreadsheetNumber,
  rateToSpreadsheetNumber,
  rateToString,
} from "../../app/domain/money.ts";
import { csvCellText, neutraliseText, tablesToXlsx, tableToCsv } from "../../app/utils/exports/writers.server.ts";
import { readCsv } from "../support/csv.ts";
import { readWorkbook } from "../support/xlsx.ts";

const MAX_FEN = BigInt(MAX_AMOUNT_TEXT.replace(".", ""));
const MAX_E4 = BigInt(MAX_RATE_TEXT.replace(".", ""));

/** The fen of an amount cell (throws for any other cell). */
function fenOf(cell: ExportCell | undefined): bigint {
  if (cell?.t !== "amount") throw new Error(`not an amount: ${JSON.stringify(cell)}`);
  return amountToMinor(cell.v);
}
function countOf(cell: ExportCell | undefined): number {
  if (cell?.t !== "count") throw new Error(`not a count: ${JSON.stringify(cell)}`);
  return cell.v;
}
const columnSum = (table: ExportTable, i: number, rows = table.rows) =>
  rows.reduce((total, row) => total + fenOf(row[i]), 0n);

function slip(name: string, lines: ExportPayslip["lines"], taxFen = 0n, acknowledged = false): ExportPayslip {
  const payFen = lines.filter((l) => l.kind === "piece").reduce((t, l) => t + l.amountFen, 0n);
  const remunerationFen = lines.filter((l) => l.kind !== "charge").reduce((t, l) => t + l.amountFen, 0n);
  const chargesFen = lines.filter((l) => l.kind === "charge").reduce((t, l) => t + l.amountFen, 0n);
  return {
    workerName: name,
    workerPhone: "13800138000",
    payFen,
    remunerationFen,
    taxFen,
    chargesFen,
    netFen: remunerationFen - taxFen - chargesFen,
    acknowledged,
    lines,
  };
}

const piece = (amountFen: bigint, pieces: number, rateE4: bigint, label = "薰衣草皂 100 g") => ({
  kind: "piece" as const,
  label,
  reason: "",
  rateE4,
  pieces,
  amountFen,
});
const other = (kind: "bonus" | "correction" | "charge", amountFen: bigint, reason: string, label = "") => ({
  kind,
  label,
  reason,
  rateE4: null,
  pieces: 0,
  amountFen,
});

const SLIPS: ExportPayslip[] = [
  slip(
    "王芳",
    [piece(35_035n, 1_001, 3_500n), other("bonus", 5_000n, "全勤"), other("charge", 1_133n, "皂基损耗", "皂基")],
    0n,
    true,
  ),
  slip("李娜", [piece(1n, 9, 15n, "永生花 · 包装"), other("correction", -150n, "上月多计 5 件", "2026-09")]),
  slip("张敏", [other("charge", 2_000n, "丝带损耗", "丝带")]),
];

test("the payslip summary: a row per worker with pay, remuneration, tax, charges, net, acknowledged; totals are exact sums", () => {
  const table = payslipSummaryTable(SLIPS);
  expect(table.columns).toEqual([
    "worker",
    "phone",
    "piecePay",
    "remuneration",
    "tax",
    "charges",
    "net",
    "acknowledged",
  ]);
  expect(table.rows.map((r) => r.map((c) => csvCellText(c, "zh-CN")))).toEqual([
    ["王芳", "13800138000", "350.35", "400.35", "0.00", "11.33", "389.02", "是"],
    ["李娜", "13800138000", "0.01", "-1.49", "0.00", "0.00", "-1.49", "否"],
    ["张敏", "13800138000", "0.00", "0.00", "0.00", "20.00", "-20.00", "否"],
  ]);
  expect(table.footer.map((r) => r.map((c) => csvCellText(c, "zh-CN")))).toEqual([
    ["合计（3 人）", "", "350.36", "398.86", "0.00", "31.33", "367.53", ""],
  ]);
});

test("the payment list pays each net; a net of 0 or below is listed with 0 and a note; the total is the sum paid", () => {
  const table = paymentListTable(SLIPS);
  expect(table.rows.map((r) => r.map((c) => csvCellText(c, "zh-CN")))).toEqual([
    ["王芳", "13800138000", "389.02", ""],
    ["李娜", "13800138000", "0.00", "实发 -1.49 元，不大于 0，本月不付款"],
    ["张敏", "13800138000", "0.00", "实发 -20.00 元，不大于 0，本月不付款"],
  ]);
  expect(csvCellText(table.footer[0]![2]!, "zh-CN")).toBe("389.02");
  expect(csvCellText(table.rows[1]![3]!, "en")).toBe("Net -1.49 CNY is not above 0: nothing is paid this month");
});

test("the lines: worker, kind, item, pieces and a 4-decimal rate on piece lines, amount, reason; a total per kind", () => {
  const table = payslipLinesTable(SLIPS);
  expect(table.rows.map((r) => r.map((c) => csvCellText(c, "zh-CN")))).toEqual([
    ["王芳", "13800138000", "计件", "薰衣草皂 100 g", "1001", "0.3500", "350.35", ""],
    ["王芳", "13800138000", "奖励", "", "", "", "50.00", "全勤"],
    ["王芳", "13800138000", "扣款", "皂基", "", "", "11.33", "皂基损耗"],
    ["李娜", "13800138000", "计件", "永生花 · 包装", "9", "0.0015", "0.01", ""],
    ["李娜", "13800138000", "更正", "更正 2026-09 的工钱", "", "", "-1.50", "上月多计 5 件"],
    ["张敏", "13800138000", "扣款", "丝带", "", "", "20.00", "丝带损耗"],
  ]);
  expect(table.footer.map((r) => r.map((c) => csvCellText(c, "zh-CN")))).toEqual([
    ["合计", "", "计件", "", "1010", "", "350.36", ""],
    ["合计", "", "奖励", "", "", "", "50.00", ""],
    ["合计", "", "更正", "", "", "", "-1.50", ""],
    ["合计", "", "扣款", "", "", "", "31.33", ""],
  ]);
});

test("a payslip whose net is not remuneration − tax − charges is refused, not exported", () => {
  const broken = { ...SLIPS[0]!, netFen: SLIPS[0]!.netFen + 1n };
  expect(() => payslipSummaryTable([broken])).toThrow(RangeError);
  expect(() => paymentListTable([broken])).toThrow(RangeError);
  expect(() => payslipLinesTable([broken])).toThrow(RangeError);
});

// Any month: up to 30 workers, each with up to 6 lines of any kind, amounts up to a million yuan.
const arbLine = fc.oneof(
  fc
    .record({ pieces: fc.integer({ min: 1, max: 1_000_000 }), rateE4: fc.bigInt({ min: 1n, max: MAX_E4 }) })
    .map(({ pieces, rateE4 }) => piece((BigInt(pieces) * rateE4 + 50n) / 100n, pieces, rateE4)),
  fc.bigInt({ min: 1n, max: 100_000_000n }).map((a) => other("bonus", a, "奖")),
  fc.bigInt({ min: -100_000_000n, max: 100_000_000n }).map((a) => other("correction", a || 1n, "更正", "2026-01")),
  fc.bigInt({ min: 1n, max: 100_000_000n }).map((a) => other("charge", a, "损耗")),
);
const arbSlips = fc.array(
  fc
    .record({ lines: fc.array(arbLine, { maxLength: 6 }), taxFen: fc.bigInt({ min: 0n, max: 10_000_000n }) })
    .map(({ lines, taxFen }) => slip("工人", lines, taxFen)),
  { maxLength: 30 },
);

test("property: every total row of the summary, the lines and the payment list is the exact sum of its rows", () => {
  fc.assert(
    fc.property(arbSlips, (slips) => {
      const summary = payslipSummaryTable(slips);
      const total = summary.footer[0]!;
      const fields = ["payFen", "remunerationFen", "taxFen", "chargesFen", "netFen"] as const;
      fields.forEach((field, k) => {
        expect(fenOf(total[2 + k])).toBe(columnSum(summary, 2 + k));
        expect(fenOf(total[2 + k])).toBe(slips.reduce((t, s) => t + s[field], 0n));
      });
      const lines = payslipLinesTable(slips);
      LINE_KINDS.forEach((kind, k) => {
        const ofKind = slips.flatMap((s) => s.lines.filter((l) => l.kind === kind));
        expect(fenOf(lines.footer[k]![6])).toBe(ofKind.reduce((t, l) => t + l.amountFen, 0n));
        const rows = lines.rows.filter((r) => r[2]?.t === "term" && r[2].term === `kind.${kind}`);
        expect(fenOf(lines.footer[k]![6])).toBe(columnSum(lines, 6, rows));
      });
      expect(BigInt(countOf(lines.footer[0]![4]))).toBe(
        slips.flatMap((s) => s.lines).reduce((t, l) => t + BigInt(l.pieces), 0n),
      );
      const payments = paymentListTable(slips);
      expect(fenOf(payments.footer[0]![2])).toBe(columnSum(payments, 2));
      expect(fenOf(payments.footer[0]![2])).toBe(slips.reduce((t, s) => t + (s.netFen > 0n ? s.netFen : 0n), 0n));
    }),
    { numRuns: 300 },
  );
});

const STATEMENT: StatementInput = {
  orderId: "ckorder00000000abc123",
  workshopName: "巧手梦工坊",
  partnerName: "重庆某某礼品有限公司",
  productName: "永生花礼盒",
  orderQuantity: 100,
  unitPriceE4: 15n, // ¥0.0015
  deliveredQuantity: 9,
  issuedOn: "2026-11-02",
  deliveries: [3, 3, 3].map((quantity, i) => ({
    sequence: i + 1,
    deliveredOn: `2026-10-0${i + 1}`,
    quantity,
    unitPriceE4: 15n,
    note: i === 0 ? '第一批, 含"加急"' : "",
  })),
};

test("a statement: each note's amount, the total of the rows, what is owed (rounded once) and a line saying they differ", () => {
  const table = partnerStatementTable(STATEMENT);
  const zh = (rows: readonly (readonly ExportCell[])[]) => rows.map((r) => r.map((c) => csvCellText(c, "zh-CN")));
  expect(zh(table.rows)).toEqual([
    ["ABC123-01", "2026-10-01", "3", "0.0015", "0.00", '第一批, 含"加急"'],
    ["ABC123-02", "2026-10-02", "3", "0.0015", "0.00", ""],
    ["ABC123-03", "2026-10-03", "3", "0.0015", "0.00", ""],
  ]);
  expect(zh(table.footer)).toEqual([
    ["合计", "", "9", "", "0.00", ""],
    ["应付金额", "", "9", "0.0015", "0.01", "已交付件数 × 约定单价，总数四舍五入一次到分"],
    [
      "各送货单金额合计 0.00 元与应付金额 0.01 元相差 0.01 元：单价超过两位小数，每张送货单各自四舍五入。以应付金额为准。",
    ],
  ]);
  expect(zh(table.heading)).toContainEqual(["合作企业", "重庆某某礼品有限公司"]);
  expect(zh(table.heading)).toContainEqual(["对账单 · 订单", "ABC123"]);
});

test("a statement whose notes add up to what is owed says nothing more; no deliveries owe 0", () => {
  const even = partnerStatementTable({
    ...STATEMENT,
    unitPriceE4: 68_000n, // ¥6.80: two decimals, so each note is exact
    deliveries: STATEMENT.deliveries.map((d) => ({ ...d, unitPriceE4: 68_000n })),
  });
  expect(even.footer).toHaveLength(2);
  expect(fenOf(even.footer[0]![4])).toBe(6_120n);
  expect(fenOf(even.footer[1]![4])).toBe(6_120n);
  const none = partnerStatementTable({ ...STATEMENT, deliveredQuantity: 0, deliveries: [] });
  expect(none.rows).toEqual([]);
  expect(fenOf(none.footer[1]![4])).toBe(0n);
  expect(() => partnerStatementTable({ ...STATEMENT, deliveredQuantity: 10 })).toThrow(RangeError);
});

test("property: a statement's totals are exact sums of its rows, and what is owed is delivered × price rounded once", () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: 1n, max: MAX_E4 }),
      fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 20 }),
      (priceE4, quantities) => {
        const delivered = quantities.reduce((t, q) => t + q, 0);
        const table = partnerStatementTable({
          ...STATEMENT,
          unitPriceE4: priceE4,
          deliveredQuantity: delivered,
          deliveries: quantities.map((quantity, i) => ({
            sequence: i + 1,
            deliveredOn: "2026-10-01",
            quantity,
            unitPriceE4: priceE4,
            note: "",
          })),
        });
        const half = (e4: bigint) => (e4 + 50n) / 100n; // half-up of a non-negative 0.0001-yuan value to the fen
        expect(countOf(table.footer[0]![2])).toBe(table.rows.reduce((t, r) => t + countOf(r[2]), 0));
        expect(fenOf(table.footer[0]![4])).toBe(columnSum(table, 4));
        expect(fenOf(table.footer[0]![4])).toBe(quantities.reduce((t, q) => t + half(BigInt(q) * priceE4), 0n));
        const owed = half(BigInt(delivered) * priceE4);
        expect(fenOf(table.footer[1]![4])).toBe(owed);
        expect(table.footer.length).toBe(owed === fenOf(table.footer[0]![4]) ? 2 : 3);
      },
    ),
    { numRuns: 300 },
  );
});

test("property: a spreadsheet number reads back as the same amount and rate, to the fen and the 0.0001", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -MAX_FEN, max: MAX_FEN }), (minor) => {
      const a = amountFromMinor(minor);
      expect(amountToMinor(amountFromSpreadsheetNumber(amountToSpreadsheetNumber(a)))).toBe(minor);
      // What a spreadsheet shows with 15 significant digits is the exact text.
      expect(amountToString(amountFromSpreadsheetNumber(amountToSpreadsheetNumber(a)))).toBe(amountToString(a));
    }),
    { numRuns: 2_000 },
  );
  fc.assert(
    fc.property(fc.bigInt({ min: 1n, max: MAX_E4 }), (minor) => {
      const r = rateFromMinor(minor);
      expect(rateToString(rateFromSpreadsheetNumber(rateToSpreadsheetNumber(r)))).toBe(rateToString(r));
    }),
    { numRuns: 2_000 },
  );
  expect(amountToMinor(amountFromSpreadsheetNumber(amountToSpreadsheetNumber(amountFromMinor(30n))))).toBe(30n);
  expect(() => amountFromSpreadsheetNumber(0.1 + 0.2)).toThrow(RangeError); // 0.30000000000000004 is no amount
  expect(() => amountFromSpreadsheetNumber(Number.NaN)).toThrow(TypeError);
});

test("CSV: UTF-8 BOM, CRLF, quotes around commas, quotes and line breaks, Chinese as is, formulas disarmed", () => {
  const table: ExportTable = {
    heading: [],
    columns: ["worker", "reason", "amount"],
    rows: [
      [
        { t: "text", v: "王芳" },
        { t: "text", v: "A, B" },
        { t: "amount", v: amountFromMinor(-1n) },
      ],
      [
        { t: "text", v: '说"好"' },
        { t: "text", v: "第一行\n第二行\r\n第三行" },
        { t: "amount", v: amountFromMinor(0n) },
      ],
      [
        { t: "text", v: '=HYPERLINK("http://x")' },
        { t: "text", v: "+1, -2, @x" },
        { t: "amount", v: amountFromMinor(123_456_789n) },
      ],
      [
        { t: "text", v: "中文，全角逗号" },
        { t: "text", v: "" },
        { t: "amount", v: amountFromMinor(5n) },
      ],
      // A lone LF or CR (not the CRLF between records) must be quoted too.
      [
        { t: "text", v: "甲\n乙" },
        { t: "text", v: "丙\r丁" },
        { t: "amount", v: amountFromMinor(7n) },
      ],
    ],
    footer: [],
  };
  const csv = tableToCsv(table, "zh-CN");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("\r\n");
  expect(csv).toContain('"A, B"');
  expect(csv).toContain('"说""好"""');
  expect(csv.endsWith("\r\n")).toBe(true);
  expect(readCsv(csv)).toEqual([
    ["姓名", "原因", "金额（元）"],
    ["王芳", "A, B", "-0.01"],
    ['说"好"', "第一行\n第二行\r\n第三行", "0.00"],
    ['\'=HYPERLINK("http://x")', "'+1, -2, @x", "1234567.89"],
    ["中文，全角逗号", "", "0.05"],
    ["甲\n乙", "丙\r丁", "0.07"],
  ]);
  expect(csv).toContain('"甲\n乙","丙\r丁",0.07\r\n');
  expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  for (const typed of ["=1+1", "+86", "-x", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseText(typed)).toBe(`'${typed}`);
  expect(neutraliseText("王芳")).toBe("王芳");
});

test("XLSX: amounts and rates are numbers formatted 0.00 / 0.0000, text stays text, and the totals read back as the sums", async () => {
  const bytes = await tablesToXlsx(
    [
      { name: "export.sheet.summary", table: payslipSummaryTable(SLIPS) },
      { name: "export.sheet.lines", table: payslipLinesTable(SLIPS) },
    ],
    "zh-CN",
    new Date("2026-11-02T00:00:00Z"),
  );
  const workbook = await readWorkbook(bytes);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["工资汇总", "工资明细"]);
  const summary = workbook.getWorksheet("工资汇总")!;
  expect(summary.getRow(1).values).toEqual([
    undefined,
    "姓名",
    "手机号",
    "计件工资（元）",
    "应发劳务报酬（元）",
    "代扣个税（元）",
    "扣款（元）",
    "实发（元）",
    "本人已确认",
  ]);
  expect(summary.getCell("B2").value).toBe("13800138000");
  expect(summary.getCell("G2").value).toBe(389.02);
  expect(summary.getCell("G2").numFmt).toBe("0.00");
  const rows = [2, 3, 4].map((n) => summary.getRow(n));
  const total = summary.getRow(5);
  expect(total.getCell(1).value).toBe("合计（3 人）");
  for (let col = 3; col <= 7; col++) {
    const sum = rows.reduce(
      (t, r) => t + amountToMinor(amountFromSpreadsheetNumber(r.getCell(col).value as number)),
      0n,
    );
    expect(amountToMinor(amountFromSpreadsheetNumber(total.getCell(col).value as number))).toBe(sum);
  }
  const lines = workbook.getWorksheet("工资明细")!;
  expect(lines.getCell("F2").value).toBe(0.35);
  expect(lines.getCell("F2").numFmt).toBe("0.0000");
  expect(lines.getCell("E2").value).toBe(1001);
});
