// /coordinator/workers/import/<id> (issue 10, ADR 025): the preview of an
// uploaded sheet, each row ok or with its problem checked now, and two buttons:
// confirm (creates every ok row at once) or discard. Only the coordinator who
// uploaded it, in her workshop, finds it; a used, discarded or expired one is
// gone. The confirm's answer is the one-time password sheet: the passwords are
// in that response only (pages are `private, no-store`), never stored in clear
// and never shown again: a reload re-posts to a used import and is refused, and
// the loader (which Remix calls again after the action) shows no passwords.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form, FormAlert, SubmitButton } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { ImportGoodRows, ImportProblems, PasswordSheet } from "../components/worker-import.tsx";
import { importDecisionSchema } from "../forms/worker-import.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { confirmWorkerImport, discardWorkerImport, previewWorkerImport } from "../models/worker-import.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import styles from "../styles/worker-import.css?url";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const preview = await previewWorkerImport(scope, params.importId ?? "", new Date());
  if (!preview) return { preview: null };
  return {
    preview: {
      id: preview.id,
      fileName: preview.fileName,
      expiresAt: preview.expiresAt,
      total: preview.rows.length,
      okCount: preview.okCount,
      errorCount: preview.errorCount,
      digest: preview.digest,
      problems: preview.rows.filter((row) => row.error),
      good: preview.rows.filter((row) => !row.error),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const id = params.importId ?? "";
  const form = validate(importDecisionSchema, await readFormData(request));
  if (!form.ok) return badRequest(form);
  const here = `/coordinator/workers/import/${encodeURIComponent(id)}`;
  if (form.data.intent === "discard") {
    await discardWorkerImport(scope, id);
    return redirectWithNotice("/coordinator/workers", { key: "import.discarded" });
  }
  const result = await confirmWorkerImport(scope, id, form.data.seen, new Date(), { signal: request.signal });
  if (!result.ok) {
    if (result.code === "changed") return redirectWithNotice(here, { key: "import.changed" });
    // Used (e.g. the sheet's page reloaded, which posts again), discarded or expired: no passwords, ever again.
    return data({ refused: `import.${result.code}` as const }, { status: result.code === "notFound" ? 409 : 400 });
  }
  return data(
    {
      sheet: {
        workshopName: user.workshopName ?? "",
        loginUrl: `${new URL(request.url).origin}/login`,
        skipped: result.skipped,
        workers: result.workers,
      },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export function headers() {
  return { "Cache-Control": "private, no-store" };
}

export default function ImportPreviewPage() {
  const t = useT();
  const locale = useLocale();
  const { preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData && "sheet" in actionData) return <PasswordSheet sheet={actionData.sheet} />;
  const refusal = actionData && "refused" in actionData ? actionData.refused : undefined;
  if (!preview) {
    return (
      <>
        <h1>{t("import.preview.title")}</h1>
        <p className="alert warn" role="alert">
          {t("import.notFound")}
        </p>
        <p>
          <Link to="/coordinator/workers">{t("import.sheet.toWorkers")}</Link>
          {" · "}
          <Link to="/coordinator/workers/import">{t("import.title")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/coordinator/workers/import">← {t("import.title")}</Link>
      </p>
      <h1>{t("import.preview.title")}</h1>
      <PageNotice />
      <FormAlert message={refusal} />
      <section className="card">
        <p>{t("import.preview.file", { name: preview.fileName })}</p>
        <p>
          <strong>
            {t("import.preview.summary", { total: preview.total, ok: preview.okCount, errors: preview.errorCount })}
          </strong>
        </p>
        <p className="muted">{t("import.preview.expires", { time: formatDateTime(preview.expiresAt, locale) })}</p>
        {preview.okCount > 0 ? (
          <>
            {preview.errorCount > 0 ? <p>{t("import.preview.fixHint")}</p> : null}
            <p>{t("import.confirmHint", { n: preview.okCount })}</p>
          </>
        ) : (
          <p className="alert error">{t("import.preview.nothing")}</p>
        )}
        <div className="import-actions">
          {preview.okCount > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="seen" value={preview.digest} />
              <SubmitButton pending={t("import.confirming")}>
                {t("import.confirm", { n: preview.okCount })}
              </SubmitButton>
            </Form>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="discard" />
            <button type="submit" className="button">
              {t("import.discard")}
            </button>
          </Form>
        </div>
      </section>
      {preview.errorCount > 0 ? (
        <section>
          <h2>{t("import.preview.errorsTitle")}</h2>
          <ImportProblems rows={preview.problems} />
        </section>
      ) : null}
      {preview.okCount > 0 ? (
        <section>
          <h2>{t("import.preview.okTitle")}</h2>
          <ImportGoodRows rows={preview.good} />
        </section>
      ) : null}
    </>
  );
}
