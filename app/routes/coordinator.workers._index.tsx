import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewAccountFields } from "../components/account-fields.tsx";
import { Form, FormAlert, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { PageNotice, useNotice } from "../components/notice.tsx";
import { maskPhone } from "../domain/phone.ts";
import { newAccountSchema, type NewAccountForm } from "../forms/account.ts";
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { createWorker, findWorkers } from "../models/user.server.ts";
import { importedInfo, openImports } from "../models/worker-import.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

/** The list's search and page (?q=&page=): a name part or digits of a number, at most 40 characters. */
function listQuery(url: URL): { q: string; page: number } {
  const q = [...(url.searchParams.get("q") ?? "").trim()].slice(0, 40).join("");
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  return { q, page: Number.isSafeInteger(page) && page > 0 ? page : 1 };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const now = new Date();
  const { q, page } = listQuery(new URL(request.url));
  const [found, open] = await Promise.all([findWorkers(scope.workshopId, q, page), openImports(scope, now)]);
  const imported = await importedInfo(
    scope.workshopId,
    found.rows.map((w) => w.id),
    now,
  );
  return {
    unopenedSheets: open.filter((item) => item.status === "done").length,
    q,
    total: found.total,
    page: found.page,
    pages: found.pages,
    workers: found.rows.map((w) => ({
      id: w.id,
      name: w.name,
      note: imported.get(w.id)?.note ?? "",
      initial: imported.get(w.id)?.initial ?? "none",
      phone: maskPhone(w.phone),
      active: w.active,
      createdAt: w.createdAt,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const formData = await readFormData(request);
  const result = validate(newAccountSchema, formData);
  if (!result.ok) return badRequest(result);
  const created = await createWorker(scope, result.data);
  if (!created.ok) return refuse(created, { phoneTaken: { phone: "error.phoneTaken" } }, formData);
  return redirectWithNotice("/coordinator/workers", { key: "workers.created", params: { name: result.data.name } });
}

export default function WorkersPage() {
  const t = useT();
  const locale = useLocale();
  const { workers, unopenedSheets, q, total, page, pages } = useLoaderData<typeof loader>();
  const pageHref = (to: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(to) }).toString()}`;
  const actionData = useActionData<typeof action>();
  // After a success the form is emptied (the password just given out does not stay on screen).
  const { form, onSubmit, errorFor } = useValidatedForm<NewAccountForm>(newAccountSchema, actionData, {
    resetOn: useNotice()?.id,
  });
  return (
    <>
      <h1>{t("workers.title")}</h1>
      <PageNotice />
      {unopenedSheets > 0 ? (
        <p className="alert warn" role="alert">
          {t("import.open.banner", { n: unopenedSheets })} <Link to="import">{t("import.open.go")}</Link>
        </p>
      ) : null}
      <p>
        <Link to="import" className="button">
          {t("import.link")}
        </Link>
      </p>
      {total > 0 || q !== "" ? (
        <Form method="get" className="worker-search" role="search">
          <label htmlFor="worker-q" className="visually-hidden">
            {t("workers.search")}
          </label>
          <input
            id="worker-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={40}
            placeholder={t("workers.searchHint")}
          />
          <button type="submit" className="button secondary">
            {t("workers.search")}
          </button>
        </Form>
      ) : null}
      <p className="muted" data-workers-total={total}>
        {q === "" ? t("workers.total", { n: total }) : t("workers.found", { n: total, q })}
        {pages > 1 ? ` · ${t("workers.pageOf", { page, pages })}` : null}
      </p>
      {workers.length === 0 ? (
        <p className="empty">{q === "" ? t("workers.none") : t("workers.noneFound")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t("workers.name")}</th>
                <th>{t("workers.phone")}</th>
                <th>{t("workers.status")}</th>
                <th>{t("workers.since")}</th>
              </tr>
            </thead>
            <tbody>
              {workers.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link to={w.id}>{w.name}</Link>
                    {w.note ? <div className="muted">{w.note}</div> : null}
                    {w.initial === "active" ? <div className="muted">{t("workers.initialActive")}</div> : null}
                    {w.initial === "expired" ? <div className="warn-text">{t("workers.initialExpired")}</div> : null}
                  </td>
                  <td>{w.phone}</td>
                  <td>{w.active ? t("workers.active") : t("workers.inactive")}</td>
                  <td>{formatDate(w.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <p className="pager">
          {page > 1 ? <Link to={pageHref(page - 1)}>← {t("workers.previousPage")}</Link> : null}
          {page < pages ? <Link to={pageHref(page + 1)}>{t("workers.nextPage")} →</Link> : null}
        </p>
      ) : null}
      <section className="card">
        <h2>{t("workers.add")}</h2>
        <FormAlert message={actionData?.formError} />
        <Form method="post" onSubmit={onSubmit} noValidate>
          <NewAccountFields
            form={form}
            errorFor={errorFor}
            values={actionData?.values}
            passwordHint={t("workers.initialPasswordHint")}
          />
          <SubmitButton pending={t("form.saving")}>{t("workers.create")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
