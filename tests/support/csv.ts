// A small RFC 4180 reader for the export tests, written apart from the writer
// (csv-stringify): fields separated by commas, records by CRLF or LF, a quoted
// field may hold commas, CR, LF and doubled quotes. It refuses a file without the
// UTF-8 byte order mark, so a test also proves the mark is there.
export function readCsv(text: string): string[][] {
  if (!text.startsWith("\uFEFF")) throw new Error("no UTF-8 byte order mark");
  const s = text.slice(1);
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      i += 1;
    } else if (c === ",") {
      record.push(field);
      field = "";
      i += 1;
    } else if (c === "\r" || c === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += c === "\r" && s[i + 1] === "\n" ? 2 : 1;
    } else if (c === '"') {
      throw new Error(`a quote inside an unquoted field at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
