import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewAccountFields } from "../components/account-fields.tsx";
import { Field, Form, FormAlert, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { PageNotice, useNotice } from "../components/notice.tsx";
import { WorkshopPlace } from "../components/workshop-place.tsx";
import { setPlaceSchema, type SetPlaceForm } from "../forms/district.ts";
import { listTownsWithCommunities, setWorkshopCommunity, workshopPlace } from "../models/district.server.ts";
import { maskPhone } from "../domain/phone.ts";
import { createPartnerSchema, type CreatePartnerForm } from "../forms/partners.ts";
import { newAccountSchema, type NewAccountForm } from "../forms/account.ts";
import { useT } from "../i18n/use-t.ts";
import { createPartner, listPartners } from "../models/partner.server.ts";
import { createCoordinator } from "../models/user.server.ts";
import { getWorkshopForAdmin } from "../models/workshop.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["admin"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireScope(request, ["admin"]);
  const found = await getWorkshopForAdmin(params.workshopId ?? "");
  if (!found) notFound();
  const [partners, place, towns] = await Promise.all([
    listPartners(found.workshop.id),
    workshopPlace(found.workshop.id),
    listTownsWithCommunities(),
  ]);
  return {
    workshop: found.workshop,
    place,
    towns,
    coordinators: found.coordinators.map((c) => ({
      id: c.id,
      name: c.name,
      phone: maskPhone(c.phone),
      active: c.active,
    })),
    partners: partners.map((p) => ({
      id: p.id,
      name: p.name,
      contactName: p.contactName,
      accounts: p.accounts,
      archived: p.archivedAt !== null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["admin"]);
  const formData = await readFormData(request);
  // An admin acts on this workshop: her actions are audited under it.
  const actor = { userId: scope.userId, workshopId: params.workshopId ?? "" };
  if (formData.get("intent") === "setPlace") {
    const place = validate(setPlaceSchema, formData);
    if (!place.ok) return badRequest(place);
    const set = await setWorkshopCommunity(scope.userId, actor.workshopId, place.data.communityId);
    if (!set.ok) return refuse(set, { noCommunity: { communityId: "district.noSuchCommunity" } }, formData);
    return redirectWithNotice(`/admin/workshops/${actor.workshopId}`, { key: "workshopPlace.saved", at: "place" });
  }
  if (formData.get("intent") === "createPartner") {
    // Admins may add a partner firm to any workshop (coordinators do the same for their own).
    const found = await getWorkshopForAdmin(actor.workshopId);
    if (!found) notFound();
    const partner = validate(createPartnerSchema, formData);
    if (!partner.ok) return badRequest(partner);
    const created = await createPartner(actor, partner.data);
    if (!created.ok) return refuse(created, { nameTaken: { name: "partners.nameTaken" } }, formData);
    return redirectWithNotice(`/admin/workshops/${found.workshop.id}`, {
      key: "partners.created",
      params: { name: partner.data.name },
      at: "partners",
    });
  }
  const result = validate(newAccountSchema, formData);
  if (!result.ok) return badRequest(result);
  const created = await createCoordinator(actor, result.data);
  if (!created.ok) return refuse(created, { phoneTaken: { phone: "error.phoneTaken" } }, formData);
  return redirectWithNotice(`/admin/workshops/${actor.workshopId}`, {
    key: "coordinators.created",
    params: { name: result.data.name },
  });
}

export default function AdminWorkshop() {
  const t = useT();
  const { workshop, coordinators, partners, place, towns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // After a success the form is emptied (the password just given out does not stay on screen).
  const notice = useNotice();
  const createdName = notice?.key === "coordinators.created" ? notice.id : null;
  const createdPartner = notice?.key === "partners.created" ? notice.id : null;
  const partnerFailed = actionData?.values?.intent === "createPartner";
  const placeFailed = actionData?.values?.intent === "setPlace";
  const coordinatorData = partnerFailed || placeFailed ? undefined : actionData;
  const placeForm = useValidatedForm<SetPlaceForm>(setPlaceSchema, placeFailed ? actionData : undefined);
  const { form, onSubmit, errorFor } = useValidatedForm<NewAccountForm>(newAccountSchema, coordinatorData, {
    resetOn: createdName,
  });
  const partnerForm = useValidatedForm<CreatePartnerForm>(createPartnerSchema, partnerFailed ? actionData : undefined, {
    resetOn: createdPartner,
  });
  return (
    <>
      <p>
        <Link to="/admin">← {t("workshops.back")}</Link>
      </p>
      <h1>{workshop.name}</h1>
      <p className="muted">{workshop.district}</p>
      <PageNotice />
      <WorkshopPlace
        place={place}
        towns={towns}
        form={placeForm}
        formError={placeFailed ? actionData.formError : undefined}
        chosen={placeFailed ? (actionData.values as Record<string, string>).communityId : (place?.id ?? undefined)}
      />
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
        <FormAlert message={coordinatorData?.formError} />
        <Form method="post" onSubmit={onSubmit} noValidate>
          <NewAccountFields form={form} errorFor={errorFor} values={coordinatorData?.values} />
          <SubmitButton pending={t("form.saving")}>{t("coordinators.create")}</SubmitButton>
        </Form>
      </section>
      <h2>{t("partners.title")}</h2>
      <PageNotice at="partners" />
      {partners.length === 0 ? (
        <p className="empty">{t("partners.none")}</p>
      ) : (
        <ul className="list">
          {partners.map((p) => (
            <li key={p.id}>
              {p.name}
              {p.contactName ? ` · ${p.contactName}` : ""} · {t("partners.accounts")} {p.accounts}
              {p.archived ? ` · ${t("partners.archived")}` : ""}
            </li>
          ))}
        </ul>
      )}
      <section className="card">
        <h2>{t("partners.add")}</h2>
        <Form method="post" onSubmit={partnerForm.onSubmit} noValidate>
          <input type="hidden" name="intent" value="createPartner" />
          <Field
            label={t("partners.name")}
            error={partnerForm.errorFor("name")}
            defaultValue={partnerFailed ? (actionData.values as Record<string, string>).name : undefined}
            registration={partnerForm.form.register("name")}
          />
          <Field
            label={t("partners.contactName")}
            error={partnerForm.errorFor("contactName")}
            defaultValue={partnerFailed ? (actionData.values as Record<string, string>).contactName : undefined}
            registration={partnerForm.form.register("contactName")}
          />
          <Field
            label={t("partners.contactPhone")}
            type="tel"
            error={partnerForm.errorFor("contactPhone")}
            defaultValue={partnerFailed ? (actionData.values as Record<string, string>).contactPhone : undefined}
            registration={partnerForm.form.register("contactPhone")}
          />
          <SubmitButton pending={t("form.saving")}>{t("partners.create")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
