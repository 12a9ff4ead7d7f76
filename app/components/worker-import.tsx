// The worker import's parts (ADR 025): the preview's two tables (rows with a
// problem, rows to import) and the one-time password sheet, printed on A4 as
// slips to cut and hand out (styles/worker-import.css).
import { Link } from "@remix-run/react";
import { errorText } from "./form-alert.tsx";
import { PrintButton } from "./labels.tsx";
import { useT } from "../i18n/use-t.ts";
import { formatDate } from "../i18n/format.ts";
import { translator, type MessageKey } from "../i18n/index.ts";

export type PreviewRow = {
  line: number;
  name: string;
  phone: string;
  note: string;
  error?: { field: "name" | "phone" | "note" | "row"; message: string };
};

export function ImportProblems({ rows }: { rows: PreviewRow[] }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="table import-table">
        <thead>
          <tr>
            <th>{t("import.col.line")}</th>
            <th>{t("import.col.name")}</th>
            <th>{t("import.col.phone")}</th>
            <th>{t("import.col.problem")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className="import-bad">
              <td>{row.line}</td>
              <td>{row.name}</td>
              <td>{row.phone}</td>
              <td className="import-problem">
                {t("import.problem", {
                  field: t(`import.col.${row.error!.field}` as MessageKey),
                  message: errorText(t, row.error!.message) ?? "",
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportGoodRows({ rows }: { rows: PreviewRow[] }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="table import-table">
        <thead>
          <tr>
            <th>{t("import.col.line")}</th>
            <th>{t("import.col.name")}</th>
            <th>{t("import.col.phone")}</th>
            <th>{t("import.col.note")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>{row.name}</td>
              <td>{row.phone}</td>
              <td>{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type PasswordSheetData = {
  workshopName: string;
  loginUrl: string;
  skipped: number;
  /** The last day the initial passwords work (YYYY-MM-DD, China time). */
  validUntil: string;
  workers: { name: string; phone: string; password: string }[];
};

/**
 * The passwords, once: a warning and a print button on screen, then one slip per worker, in
 * Chinese whatever the coordinator reads (the slips are for the mothers), with the date the
 * initial password stops working. The way out is below the slips, not above them.
 */
export function PasswordSheet({ sheet }: { sheet: PasswordSheetData }) {
  const t = useT();
  const zh = translator("zh-CN");
  const until = formatDate(`${sheet.validUntil}T12:00:00+08:00`, "zh-CN");
  return (
    <div className="password-sheet">
      <div className="no-print">
        <h1>{t("import.sheet.title")}</h1>
        <p className="alert success" role="status">
          {t("import.sheet.done", { n: sheet.workers.length })}
          {sheet.skipped > 0 ? ` ${t("import.sheet.skipped", { n: sheet.skipped })}` : null}
        </p>
        <p className="alert warn" role="alert">
          {t("import.sheet.once")}
        </p>
        <p>
          <PrintButton label="import.sheet.print" />
        </p>
      </div>
      <ol className="slips" aria-label={t("import.sheet.title")} lang="zh-CN">
        {sheet.workers.map((worker) => (
          <li key={worker.phone} className="slip">
            <p className="slip-title">
              {zh("import.sheet.slipTitle")} · {sheet.workshopName}
            </p>
            <dl>
              <dt>{zh("import.sheet.name")}</dt>
              <dd className="slip-name">{worker.name}</dd>
              <dt>{zh("import.sheet.phone")}</dt>
              <dd className="slip-phone">{worker.phone}</dd>
              <dt>{zh("import.sheet.password")}</dt>
              <dd className="slip-password" data-password>
                {worker.password}
              </dd>
              <dt>{zh("import.sheet.loginAt")}</dt>
              <dd className="slip-url">{sheet.loginUrl}</dd>
            </dl>
            <p className="slip-change">{zh("import.sheet.change", { date: until })}</p>
          </li>
        ))}
      </ol>
      <p className="no-print">
        <Link to="/coordinator/workers">{t("import.sheet.toWorkers")}</Link>
      </p>
    </div>
  );
}
