import ExcelJS from "exceljs";

/** Reads an XLSX file's bytes back with exceljs (its typings predate Node's generic Buffer). */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}
