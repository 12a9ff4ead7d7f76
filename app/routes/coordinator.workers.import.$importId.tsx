// /coordinator/workers/import/<id> (issue 10, ADR 025): one import of the
// coordinator who uploaded it, in her workshop, in whatever state it is:
//   - staged: the preview, each row ok or with its problem checked now, and two
//     buttons: confirm (starts the background job that creates every ok row at
//     once) or discard;
//   - running: the job's progress (hashing each initial password with the slow
//     hash takes about a minute for 2,000 rows); the page refreshes itself, by
//     a <noscript> meta refresh without JavaScript, by revalidating with it;
//   - done: a button that opens the one-time password sheet. The sheet is the
//     answer to that POST only (pages are `private, no-store`) and is emptied
//     as it is opened: a reload re-posts and is refused; the loader never
//     shows passwords.
// Anyone else's, a discarded or an expired import is gone (404).
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Form, FormAlert, SubmitButton } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { ImportGoodRows, ImportProblems, PasswordSheet } from "../components/worker-import.tsx";
import { importDecisionSchema } from "../forms/worker-import.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import {
  discardWorkerImport,
  launchWorkerImport,
  openImportSheet,
  startWorkerImport,
  workerImportState,
} from "../models/worker-import.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import styles from "../styles/worker-import.css?url";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** How often the running page looks again, in seconds. */
const REFRESH_SECONDS = 3;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const state = await workerImportState(scope, params.importId ?? "", new Date());
  if (!state) return data({ state: null }, { status: 404 });
  if (state.kind !== "preview") return { state };
  const { preview } = state;
  return {
    state: {
      kind: "preview" as const,
      id: preview.id,
      fileName: preview.fileName,
      expiresAt: preview.expiresAt,
      total: preview.rows.length,
      okCount: preview.okCount,
      errorCount: preview.errorCount,
      digest: preview.digest,
      problem: preview.problem,
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
  const now = new Date();
  if (form.data.intent === "discard") {
    if (!(await discardWorkerImport(scope, id, now))) {
      return data({ refused: "import.notFound" as const }, { status: 409 });
    }
    return redirectWithNotice("/coordinator/workers", { key: "import.discarded" });
  }
  if (form.data.intent === "open") {
    const sheet = await openImportSheet(scope, id, now);
    // Opened already (a reload re-posts), or gone: no passwords, ever again.
    if (!sheet) return data({ refused: "import.notFound" as const }, { status: 409 });
    return data(
      {
        sheet: {
          workshopName: user.workshopName ?? "",
          loginUrl: `${new URL(request.url).origin}/login`,
          skipped: sheet.skipped,
          validUntil: sheet.validUntil,
          workers: sheet.workers,
        },
      },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  }
  const started = await startWorkerImport(scope, id, form.data.seen, now);
  if (!started.ok) {
    if (started.code === "changed") return redirectWithNotice(here, { key: "import.changed" });
    // Running already (a second tap, a parallel retry), used, discarded or expired: the page says which.
    if (started.code === "notFound") return redirectWithNotice(here, { key: "import.notStarted" });
    return data({ refused: `import.${started.code}` as const }, { status: 400 });
  }
  void launchWorkerImport(scope, id, { seen: form.data.seen });
  return redirectWithNotice(here, { key: "import.started" });
}

export function headers() {
  return { "Cache-Control": "private, no-store" };
}

/** Looks again every few seconds while the job runs (with JavaScript; the <noscript> refresh does it without). */
function useRefreshWhileRunning(running: boolean) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!running || state !== "idle") return;
    const timer = setTimeout(revalidate, REFRESH_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [running, revalidate, state]);
}

export default function ImportPage() {
  const t = useT();
  const locale = useLocale();
  const { state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  useRefreshWhileRunning(state?.kind === "running");
  if (actionData && "sheet" in actionData) return <PasswordSheet sheet={actionData.sheet} />;
  const refusal = actionData && "refused" in actionData ? actionData.refused : undefined;
  if (!state) {
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
  if (state.kind === "running") {
    return (
      <>
        <noscript>
          <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
        </noscript>
        <h1>{t("import.running.title")}</h1>
        <PageNotice />
        <section className="card" aria-live="polite">
          <p>{t("import.preview.file", { name: state.fileName })}</p>
          <p>
            <strong>{t("import.running.progress", { done: state.progress, total: state.total })}</strong>
          </p>
          <progress max={state.total} value={state.progress} className="import-progress">
            {t("import.running.progress", { done: state.progress, total: state.total })}
          </progress>
          <p className="muted">{t(state.progress === 0 ? "import.running.queued" : "import.running.hint")}</p>
          <p>
            <Link to=".">{t("import.running.refresh")}</Link>
          </p>
        </section>
      </>
    );
  }
  if (state.kind === "done") {
    return (
      <>
        <h1>{t("import.done.title")}</h1>
        <PageNotice />
        <FormAlert message={refusal} />
        <section className="card">
          <p>{t("import.preview.file", { name: state.fileName })}</p>
          <p className="alert success" role="status">
            {t("import.done.summary", { n: state.created, time: formatDateTime(state.finishedAt, locale) })}
            {state.skipped > 0 ? ` ${t("import.sheet.skipped", { n: state.skipped })}` : null}
          </p>
          {state.sheetReady ? (
            <>
              <p className="alert warn">
                {t("import.done.openHint", { time: formatDateTime(state.expiresAt, locale) })}
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="open" />
                <SubmitButton>{t("import.done.open")}</SubmitButton>
              </Form>
            </>
          ) : (
            <p className="alert warn" role="alert">
              {t("import.done.shown", { time: formatDateTime(state.sheetShownAt ?? state.finishedAt, locale) })}
            </p>
          )}
          <p>
            <Link to="/coordinator/workers">{t("import.sheet.toWorkers")}</Link>
          </p>
        </section>
      </>
    );
  }
  const preview = state;
  return (
    <>
      <p>
        <Link to="/coordinator/workers/import">← {t("import.title")}</Link>
      </p>
      <h1>{t("import.preview.title")}</h1>
      <PageNotice />
      <FormAlert message={refusal} />
      {preview.problem ? (
        <p className="alert error" role="alert">
          {t(
            `import.problem.${preview.problem === "changed" ? "changed" : preview.problem === "interrupted" ? "interrupted" : "failed"}`,
          )}
        </p>
      ) : null}
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
