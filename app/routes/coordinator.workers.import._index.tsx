// /coordinator/workers/import (issue 10, ADR 025): the coordinator uploads a
// CSV or XLSX sheet of people (name, phone, optional note). The sheet is read
// and kept on the server for her confirmation under a one-time id; she is sent
// to its preview (/coordinator/workers/import/<id>). Nothing else is written. A
// file that is not a sheet, too large, with too many rows or hostile is refused
// here in her language, and changes nothing. Templates: ./template.csv/.xlsx.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form, FormAlert, SubmitButton } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { IMPORT_DAILY_UPLOADS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "../domain/worker-import.ts";
import { msg } from "../forms/message-text.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { openImports, stageWorkerImport } from "../models/worker-import.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import styles from "../styles/worker-import.css?url";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const LIMITS = { max: IMPORT_MAX_ROWS, kb: Math.floor(IMPORT_MAX_BYTES / 1024) };

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  return { limits: LIMITS, open: await openImports(scope, new Date()) };
}

function refused(message: string) {
  return badRequest({ fieldErrors: { sheet: message }, values: {} });
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const formData = await readFormData(request);
  const files = formData.getAll("sheet");
  const file = files.length === 1 ? files[0] : undefined;
  if (!file || typeof file === "string" || (file.size === 0 && file.name === "")) return refused("import.noFile");
  if (file.size > IMPORT_MAX_BYTES) return refused(msg("import.refused.tooLarge", { kb: LIMITS.kb }));
  const staged = await stageWorkerImport(
    scope,
    { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    new Date(),
  );
  if (!staged.ok) {
    const params = staged.code === "tooManyUploads" ? { n: IMPORT_DAILY_UPLOADS } : LIMITS;
    return refused(msg(`import.refused.${staged.code}`, params));
  }
  const to = `/coordinator/workers/import/${staged.id}`;
  // A sheet that was not UTF-8 (Chinese Excel's GBK "CSV", or UTF-16 "Unicode text") says how it was read.
  if (staged.encoding === "gb18030" || staged.encoding.startsWith("utf-16")) {
    const encoding = staged.encoding === "gb18030" ? "GBK/GB18030" : staged.encoding.toUpperCase();
    return redirectWithNotice(to, { key: "import.readAs", params: { encoding } });
  }
  return redirect(to);
}

export default function ImportWorkers() {
  const t = useT();
  const locale = useLocale();
  const { limits, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData && "fieldErrors" in actionData ? actionData.fieldErrors.sheet : undefined;
  return (
    <>
      <p>
        <Link to="/coordinator/workers">← {t("import.back")}</Link>
      </p>
      <h1>{t("import.title")}</h1>
      <PageNotice />
      {open.length > 0 ? (
        <section className="card" aria-labelledby="open-imports">
          <h2 id="open-imports">{t("import.open.title")}</h2>
          <ul className="open-imports">
            {open.map((item) => (
              <li key={item.id}>
                <Link to={`/coordinator/workers/import/${item.id}`}>{item.fileName}</Link>{" "}
                <span className="muted">{formatDateTime(item.createdAt, locale)}</span>
                <br />
                {item.status === "done" ? (
                  <strong>
                    {t("import.open.done", { n: item.created, time: formatDateTime(item.expiresAt, locale) })}
                  </strong>
                ) : item.status === "running" ? (
                  t("import.running.progress", { done: item.progress, total: item.total })
                ) : (
                  t("import.open.staged", { time: formatDateTime(item.expiresAt, locale) })
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <p>{t("import.intro", { max: limits.max })}</p>
        <p>{t("import.columns")}</p>
        <p>
          {t("import.templates")} <a href="/coordinator/workers/import/template.xlsx">{t("import.templateXlsx")}</a>
          {" · "}
          <a href="/coordinator/workers/import/template.csv">{t("import.templateCsv")}</a>
        </p>
      </section>
      <section className="card">
        <FormAlert message={error} />
        <Form method="post" encType="multipart/form-data">
          <div className={error ? "field has-error" : "field"}>
            <label htmlFor="sheet">{t("import.file")}</label>
            <input
              id="sheet"
              name="sheet"
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="sheet-hint"
              aria-invalid={error ? true : undefined}
            />
            <p id="sheet-hint" className="hint">
              {t("import.fileHint", { kb: limits.kb })}
            </p>
          </div>
          <SubmitButton pending={t("import.uploading")}>{t("import.upload")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
