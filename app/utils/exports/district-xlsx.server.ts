// The district view as a workbook (ADR 024, written like ADR 023's exports with exceljs): a
// summary sheet with one row per place (or a workshop's months) and the total row, and a sheet of
// the last 12 months. Amounts are numeric cells holding the double nearest the exact value, shown
// with two decimals; the total row is the report's own total (computed in SQL and BigInt, never a
// formula), the same figures as the page. Counts and totals only: no worker appears.
import ExcelJS from "exceljs";
import { areaFigures, type AreaFigures } from "../../domain/district.ts";
import { amountToSpreadsheetNumber, type Amount } from "../../domain/money.ts";
import { permilleText } from "../../domain/quality.ts";
import { translate, type Locale, type MessageKey } from "../../i18n/index.ts";
import type { DistrictReport, Level } from "../../models/district.server.ts";
import { AMOUNT_FORMAT } from "./writers.server.ts";

export const DISTRICT_COLUMNS = [
  "district.col.earners",
  "district.col.net",
  "district.col.gross",
  "district.col.average",
  "district.col.median",
  "district.col.pieces",
  "district.col.passRate",
  "district.col.partners",
  "district.col.orders",
  "district.col.loss",
  "district.col.charges",
  "district.col.payslips",
] as const satisfies readonly MessageKey[];

const ROW_HEADING: Record<Level["kind"], MessageKey> = {
  district: "district.col.town",
  town: "district.col.community",
  community: "district.col.workshop",
  workshop: "district.col.month",
};

type Cell = { amount: Amount | null } | { count: number } | { text: string };

function cellsOf(f: AreaFigures): Cell[] {
  return [
    { count: f.earners },
    { amount: f.net },
    { amount: f.gross },
    { amount: f.average },
    { amount: f.median },
    { count: f.piecesPassed },
    { text: f.passRatePermille === null ? "" : `${permilleText(f.passRatePermille)}%` },
    { count: f.partners },
    { count: f.orders },
    { amount: f.loss },
    { amount: f.charges },
    { count: f.payslips },
  ];
}

function put(row: ExcelJS.Row, first: string, cells: Cell[]) {
  row.getCell(1).value = first;
  cells.forEach((c, i) => {
    const target = row.getCell(i + 2);
    if ("amount" in c) {
      if (c.amount === null) return;
      target.value = amountToSpreadsheetNumber(c.amount);
      target.numFmt = AMOUNT_FORMAT;
    } else if ("count" in c) {
      target.value = c.count;
      target.numFmt = "0";
    } else target.value = c.text;
  });
}

export async function districtXlsx(
  report: DistrictReport,
  level: Level,
  title: string,
  locale: Locale,
  now: Date,
): Promise<Uint8Array> {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "巧手 Piecework";
  workbook.created = now;
  workbook.modified = now;

  const sheet = workbook.addWorksheet(t("district.sheet"));
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow([t("district.xlsxSettledOnly")]);
  sheet.addRow([t("district.definitions")]);
  sheet.addRow([]);
  const head = sheet.addRow([t(ROW_HEADING[level.kind]), ...DISTRICT_COLUMNS.map((c) => t(c))]);
  head.font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: head.number }];
  for (const r of report.rows) {
    put(sheet.addRow([]), r.key === "" ? t("district.unplaced") : r.name, cellsOf(areaFigures(r.sums)));
  }
  const total = sheet.addRow([]);
  put(total, t("district.total"), cellsOf(areaFigures(report.total)));
  total.font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 24 : 16;
  });

  const trend = workbook.addWorksheet(t("district.sheetTrend"));
  const trendHead = trend.addRow([
    t("district.col.month"),
    t("district.col.earners"),
    t("district.col.net"),
    t("district.col.gross"),
    t("district.col.average"),
    t("district.col.payslips"),
  ]);
  trendHead.font = { bold: true };
  for (const m of report.trend) {
    const f = areaFigures(m.sums);
    put(trend.addRow([]), m.month, [
      { count: f.earners },
      { amount: f.net },
      { amount: f.gross },
      { amount: f.average },
      { count: f.payslips },
    ]);
  }
  trend.columns.forEach((column) => {
    column.width = 16;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
