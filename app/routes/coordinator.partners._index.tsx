import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, Form, FormAlert, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { createPartnerSchema, type CreatePartnerForm } from "../forms/partners.ts";
import { useT } from "../i18n/use-t.ts";
import { createPartner, listPartners } from "../models/partner.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const partners = await listPartners(scope.workshopId);
  return {
    partners: partners.map((p) => ({
      id: p.id,
      name: p.name,
      contactName: p.contactName,
      contactPhone: p.contactPhone,
      archived: p.archivedAt !== null,
      accounts: p.accounts,
      offers: p.offers,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const formData = await readFormData(request);
  const result = validate(createPartnerSchema, formData);
  if (!result.ok) return badRequest(result);
  const created = await createPartner(scope, result.data);
  if (!created.ok) return refuse(created, { nameTaken: { name: "partners.nameTaken" } }, formData);
  return redirectWithNotice(`/coordinator/partners/${created.id}`, {
    key: "partners.created",
    params: { name: result.data.name },
  });
}

export default function PartnersPage() {
  const t = useT();
  const { partners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit, errorFor } = useValidatedForm<CreatePartnerForm>(createPartnerSchema, actionData);
  return (
    <>
      <h1>{t("partners.title")}</h1>
      {partners.length === 0 ? (
        <p className="empty">{t("partners.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t("partners.name")}</th>
                <th>{t("partners.contactName")}</th>
                <th>{t("partners.contactPhone")}</th>
                <th className="num">{t("partners.accounts")}</th>
                <th className="num">{t("partners.offers")}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={p.id}>{p.name}</Link>{" "}
                    {p.archived ? <span className="tag">{t("partners.archived")}</span> : null}
                  </td>
                  <td>{p.contactName || "—"}</td>
                  <td>{p.contactPhone || "—"}</td>
                  <td className="num">{p.accounts}</td>
                  <td className="num">{p.offers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card form-card">
        <h2>{t("partners.add")}</h2>
        <FormAlert message={actionData?.formError} />
        <Form method="post" onSubmit={onSubmit} noValidate>
          <Field
            label={t("partners.name")}
            error={errorFor("name")}
            defaultValue={actionData?.values?.name}
            registration={form.register("name")}
          />
          <Field
            label={t("partners.contactName")}
            error={errorFor("contactName")}
            defaultValue={actionData?.values?.contactName}
            registration={form.register("contactName")}
          />
          <Field
            label={t("partners.contactPhone")}
            type="tel"
            error={errorFor("contactPhone")}
            defaultValue={actionData?.values?.contactPhone}
            registration={form.register("contactPhone")}
          />
          <SubmitButton pending={t("form.saving")}>{t("partners.create")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
