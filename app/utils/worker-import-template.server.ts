// The worker import's templates (ADR 025): an empty sheet with the headings
// the import reads, in the coordinator's language; CSV as UTF-8 with its byte
// order mark (Excel in China then opens it as UTF-8), XLSX with the phone
// column as text.
import ExcelJS from "exceljs";
import { translate, type Locale } from "../i18n/index.ts";
import { download } from "./exports/downloads.server.ts";

export async function importTemplate(format: "csv" | "xlsx", locale: Locale): Promise<Response> {
  const headings = [
    translate(locale, "import.col.name"),
    translate(locale, "import.col.phone"),
    translate(locale, "import.col.note"),
  ];
  const name = translate(locale, "import.templateName");
  if (format === "csv") return download(`\uFEFF${headings.join(",")}\r\n`, "csv", name, "worker-import-template");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(translate(locale, "import.title"));
  sheet.columns = [
    { header: headings[0], width: 16 },
    { header: headings[1], width: 16, style: { numFmt: "@" } },
    { header: headings[2], width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return download(bytes, "xlsx", name, "worker-import-template");
}
