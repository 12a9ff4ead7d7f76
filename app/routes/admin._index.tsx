import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, Form, FormAlert, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { createWorkshopSchema, type CreateWorkshopForm } from "../forms/workshops.ts";
import { useT } from "../i18n/use-t.ts";
import { createWorkshop, listWorkshops } from "../models/workshop.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["admin"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireScope(request, ["admin"]);
  return { workshops: await listWorkshops() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["admin"]);
  const formData = await readFormData(request);
  const result = validate(createWorkshopSchema, formData);
  if (!result.ok) return badRequest(result);
  const created = await createWorkshop(scope.userId, result.data);
  if (!created.ok) return refuse(created, { nameTaken: { name: "workshops.nameTaken" } }, formData);
  return redirectWithNotice(`/admin/workshops/${created.id}`, {
    key: "workshops.created",
    params: { name: result.data.name },
  });
}

export default function AdminHome() {
  const t = useT();
  const { workshops } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit, errorFor } = useValidatedForm<CreateWorkshopForm>(createWorkshopSchema, actionData);
  return (
    <>
      <h1>{t("admin.home.title")}</h1>
      {workshops.length === 0 ? (
        <p className="empty">{t("workshops.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t("workshops.name")}</th>
                <th>{t("workshops.district")}</th>
                <th className="num">{t("workshops.coordinators")}</th>
                <th className="num">{t("workshops.workers")}</th>
              </tr>
            </thead>
            <tbody>
              {workshops.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link to={`/admin/workshops/${w.id}`}>{w.name}</Link>
                  </td>
                  <td>{w.district}</td>
                  <td className="num">{w.coordinators}</td>
                  <td className="num">{w.workers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card">
        <h2>{t("workshops.add")}</h2>
        <FormAlert message={actionData?.formError} />
        <Form method="post" onSubmit={onSubmit} noValidate>
          <Field
            label={t("workshops.name")}
            error={errorFor("name")}
            defaultValue={actionData?.values?.name}
            registration={form.register("name")}
          />
          <Field
            label={t("workshops.district")}
            error={errorFor("district")}
            defaultValue={actionData?.values?.district}
            registration={form.register("district")}
          />
          <SubmitButton pending={t("form.saving")}>{t("workshops.create")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
