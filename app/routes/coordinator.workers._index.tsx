import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewAccountFields } from "../components/account-fields.tsx";
import { Form, FormAlert, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { PageNotice, useNotice } from "../components/notice.tsx";
import { maskPhone } from "../domain/phone.ts";
import { newAccountSchema, type NewAccountForm } from "../forms/account.ts";
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { createWorker, listWorkers } from "../models/user.server.ts";
import { importNotes, openImports } from "../models/worker-import.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const [workers, notes, open] = await Promise.all([
    listWorkers(scope.workshopId),
    importNotes(scope.workshopId),
    openImports(scope, new Date()),
  ]);
  return {
    unopenedSheets: open.filter((item) => item.status === "done").length,
    workers: workers.map((w) => ({
      id: w.id,
      name: w.name,
      note: notes.get(w.id) ?? "",
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
  const { workers, unopenedSheets } = useLoaderData<typeof loader>();
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
      {workers.length === 0 ? (
        <p className="empty">{t("workers.none")}</p>
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
