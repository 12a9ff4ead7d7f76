// Towns/streets 镇街 and communities 村居 of the district (ADR 024): the admin adds them here and
// then sets each workshop's community on the workshop's page. Forms work without JavaScript.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, Form, FormAlert, SelectField, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { PageNotice, useNotice } from "../components/notice.tsx";
import {
  createCommunitySchema,
  createTownSchema,
  type CreateCommunityForm,
  type CreateTownForm,
} from "../forms/district.ts";
import { useT } from "../i18n/use-t.ts";
import { createCommunity, createTown, listTownsWithCommunities } from "../models/district.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["admin"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireScope(request, ["admin"]);
  return { towns: await listTownsWithCommunities() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["admin"]);
  const formData = await readFormData(request);
  if (formData.get("intent") === "createCommunity") {
    const result = validate(createCommunitySchema, formData);
    if (!result.ok) return badRequest(result);
    const created = await createCommunity(scope.userId, result.data);
    if (!created.ok) {
      return refuse(
        created,
        { nameTaken: { name: "places.communityTaken" }, noTown: { townId: "district.noSuchTown" } },
        formData,
      );
    }
    return redirectWithNotice("/admin/places", {
      key: "places.communityCreated",
      params: { name: result.data.name },
      at: "community",
    });
  }
  // Only the two forms of this page: anything else is refused, never taken as a new town.
  if (formData.get("intent") !== "createTown") return formError("error.invalid", {}, 400);
  const result = validate(createTownSchema, formData);
  if (!result.ok) return badRequest(result);
  const created = await createTown(scope.userId, result.data);
  if (!created.ok) return refuse(created, { nameTaken: { name: "places.townTaken" } }, formData);
  return redirectWithNotice("/admin/places", { key: "places.townCreated", params: { name: result.data.name } });
}

export default function Places() {
  const t = useT();
  const { towns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const notice = useNotice();
  const communityFailed = actionData?.values?.intent === "createCommunity";
  const townData = communityFailed ? undefined : actionData;
  const communityData = communityFailed ? actionData : undefined;
  const townForm = useValidatedForm<CreateTownForm>(createTownSchema, townData, {
    resetOn: notice?.key === "places.townCreated" ? notice.id : null,
  });
  const communityForm = useValidatedForm<CreateCommunityForm>(createCommunitySchema, communityData, {
    resetOn: notice?.key === "places.communityCreated" ? notice.id : null,
  });
  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <>
      <p>
        <Link to="/admin/district">← {t("district.title")}</Link>
      </p>
      <h1>{t("places.title")}</h1>
      <p className="muted">
        {t("places.intro")} <Link to="/admin">{t("places.toWorkshops")}</Link>
      </p>
      <PageNotice />
      {towns.length === 0 ? (
        <p className="empty">{t("places.none")}</p>
      ) : (
        <ul className="list" data-places>
          {towns.map((town) => (
            <li key={town.id}>
              <strong>{town.name}</strong>
              {" · "}
              {town.communities.length === 0 ? (
                <span className="muted">{t("places.noCommunities")}</span>
              ) : (
                town.communities.map((c) => c.name).join("、")
              )}
            </li>
          ))}
        </ul>
      )}
      <section className="card">
        <h2>{t("places.addTown")}</h2>
        <FormAlert message={townData?.formError} />
        <Form method="post" onSubmit={townForm.onSubmit} noValidate>
          <input type="hidden" name="intent" value="createTown" />
          <Field
            label={t("places.townName")}
            error={townForm.errorFor("name")}
            defaultValue={communityFailed ? undefined : values.name}
            registration={townForm.form.register("name")}
          />
          <SubmitButton pending={t("form.saving")}>{t("places.save")}</SubmitButton>
        </Form>
      </section>
      <section className="card">
        <h2>{t("places.addCommunity")}</h2>
        <PageNotice at="community" />
        <FormAlert message={communityData?.formError} />
        <Form method="post" onSubmit={communityForm.onSubmit} noValidate>
          <input type="hidden" name="intent" value="createCommunity" />
          <SelectField
            label={t("places.town")}
            error={communityForm.errorFor("townId")}
            defaultValue={communityFailed ? values.townId : undefined}
            placeholder={t("district.chooseTown")}
            options={towns.map((town) => ({ value: town.id, label: town.name }))}
            registration={communityForm.form.register("townId")}
          />
          <Field
            label={t("places.communityName")}
            error={communityForm.errorFor("name")}
            defaultValue={communityFailed ? values.name : undefined}
            registration={communityForm.form.register("name")}
          />
          <SubmitButton pending={t("form.saving")}>{t("places.save")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
