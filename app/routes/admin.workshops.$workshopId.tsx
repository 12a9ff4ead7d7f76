import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, Form, FormAlert, Notice, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { maskPhone } from "../domain/phone.ts";
import { createCoordinatorSchema, type CreateCoordinatorForm } from "../forms/workshops.ts";
import { useT } from "../i18n/use-t.ts";
import { createCoordinator } from "../models/user.server.ts";
import { getWorkshopForAdmin } from "../models/workshop.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, validate } from "../utils/forms.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireScope(request, ["admin"]);
  const found = await getWorkshopForAdmin(params.workshopId ?? "");
  if (!found) notFound();
  return {
    workshop: found.workshop,
    coordinators: found.coordinators.map((c) => ({ id: c.id, name: c.name, phone: maskPhone(c.phone), active: c.active })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["admin"]);
  const result = validate(createCoordinatorSchema, await request.formData());
  if (!result.ok) return badRequest(result);
  const created = await createCoordinator(scope.userId, params.workshopId ?? "", result.data);
  if (!created.ok && created.code === "notFound") notFound();
  if (!created.ok) {
    return data(
      { ok: false as const, fieldErrors: { phone: "error.phoneTaken" }, formError: undefined, values: { name: result.data.name, phone: result.data.phone } },
      { status: 400 },
    );
  }
  return redirect(`/admin/workshops/${params.workshopId}?coordinator=${encodeURIComponent(result.data.name)}`);
}

export default function AdminWorkshop() {
  const t = useT();
  const { workshop, coordinators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const createdName = searchParams.get("coordinator");
  const { form, onSubmit, errorFor } = useValidatedForm<CreateCoordinatorForm>(createCoordinatorSchema, actionData);
  return (
    <>
      <p>
        <Link to="/admin">← {t("workshops.back")}</Link>
      </p>
      <h1>{workshop.name}</h1>
      <p className="muted">{workshop.district}</p>
      {searchParams.get("created") ? <Notice>{t("workshops.created", { name: workshop.name })}</Notice> : null}
      {createdName ? <Notice>{t("coordinators.created", { name: createdName })}</Notice> : null}
      <h2>{t("workshops.coordinators")}</h2>
      {coordinators.length === 0 ? (
        <p className="empty">{t("coordinators.none")}</p>
      ) : (
        <ul className="list">
          {coordinators.map((c) => (
            <li key={c.id}>
              {c.name} <code>{c.phone}</code>
            </li>
          ))}
        </ul>
      )}
      <section className="card">
        <h2>{t("coordinators.add")}</h2>
        <FormAlert message={actionData?.formError} />
        <Form method="post" onSubmit={onSubmit} noValidate>
          <Field label={t("workers.name")} error={errorFor("name")} defaultValue={actionData?.values?.name} registration={form.register("name")} />
          <Field
            label={t("workers.phone")}
            type="tel"
            inputMode="numeric"
            error={errorFor("phone")}
            defaultValue={actionData?.values?.phone}
            registration={form.register("phone")}
          />
          <Field
            label={t("workers.initialPassword")}
            type="text"
            autoComplete="new-password"
            error={errorFor("password")}
            registration={form.register("password")}
          />
          <SubmitButton pending={t("form.saving")}>{t("coordinators.create")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
