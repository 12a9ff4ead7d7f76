// The admin sets the community 村居 (and so the town/street 镇街) a workshop belongs to (ADR 024),
// on the workshop's page. A plain form: works without JavaScript.
import { Link } from "@remix-run/react";
import type { SetPlaceForm } from "../forms/district.ts";
import { useT } from "../i18n/use-t.ts";
import { Form, FormAlert, SelectField, SubmitButton, type useValidatedForm } from "./forms.tsx";
import { PageNotice } from "./notice.tsx";

type Town = { id: string; name: string; communities: { id: string; name: string }[] };

export function WorkshopPlace({
  place,
  towns,
  form,
  formError,
  chosen,
}: {
  place: { name: string; town: { name: string } } | null;
  towns: Town[];
  form: ReturnType<typeof useValidatedForm<SetPlaceForm>>;
  formError?: string;
  chosen?: string;
}) {
  const t = useT();
  const any = towns.some((town) => town.communities.length > 0);
  return (
    <section className="card" id="place">
      <h2>{t("workshopPlace.title")}</h2>
      <PageNotice at="place" />
      <p data-place>
        {place
          ? t("workshopPlace.current", { town: place.town.name, community: place.name })
          : t("workshopPlace.notSet")}
      </p>
      {any ? (
        <>
          <FormAlert message={formError} />
          <Form method="post" onSubmit={form.onSubmit} noValidate>
            <input type="hidden" name="intent" value="setPlace" />
            <SelectField
              label={t("workshopPlace.community")}
              error={form.errorFor("communityId")}
              defaultValue={chosen}
              placeholder={t("district.chooseCommunity")}
              registration={form.form.register("communityId")}
            >
              {towns
                .filter((town) => town.communities.length > 0)
                .map((town) => (
                  <optgroup key={town.id} label={town.name}>
                    {town.communities.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </SelectField>
            <SubmitButton pending={t("form.saving")}>{t("workshopPlace.save")}</SubmitButton>
          </Form>
        </>
      ) : (
        <p className="empty">{t("workshopPlace.noPlaces")}</p>
      )}
      <p>
        <Link to="/admin/places">{t("district.placesLink")}</Link>
      </p>
    </section>
  );
}
