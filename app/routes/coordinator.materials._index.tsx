// Materials: list (active first, archived on request), create, edit one at a
// time (?edit=<id>, a plain link, so it works without JavaScript), archive
// and restore. Forms are told apart by a hidden `intent` field.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { PageNotice } from "../components/notice.tsx";
import { HandOutWhere } from "../components/stock.tsx";
import { unitText } from "../i18n/units.ts";
import {
  Field,
  Form,
  FormAlert,
  IntentButton,
  SelectField,
  SubmitButton,
  useValidatedForm,
  type ActionResult,
} from "../components/forms.tsx";
import { formatRate, rateFromMinor, scaledToString } from "../domain/money.ts";
import { materialSchema, type MaterialForm } from "../forms/catalogue.ts";
import { MATERIAL_UNITS_LIST } from "../forms/units.ts";
import type { MessageKey } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { setArchived } from "../models/archive.server.ts";
import { createMaterial, getMaterial, listMaterials, updateMaterial } from "../models/catalogue.server.ts";
import { stockByMaterial } from "../models/material-stock.server.ts";
import { quantityText } from "../utils/stock-view.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

/** The largest value formatRate can show (9,999.9999 yuan). */
const MAX_RATE_MINOR = 99_999_999n;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const locale = toLocale(user.locale);
  const url = new URL(request.url);
  const showArchived = url.searchParams.get("archived") === "1";
  const editId = url.searchParams.get("edit");
  const [materials, editing, stock] = await Promise.all([
    listMaterials(scope.workshopId, { includeArchived: showArchived }),
    editId ? getMaterial(scope.workshopId, editId) : Promise.resolve(null),
    stockByMaterial(scope.workshopId),
  ]);
  if (editId && !editing) notFound();
  return {
    showArchived,
    materials: materials.map((m) => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      // Zero (donated material) shows as a dash; a rate cannot be zero.
      // Costs saved before the 9,999.9999 cap are shown plainly rather than breaking the page.
      unitCost:
        m.unitCostE4 <= 0n
          ? null
          : m.unitCostE4 <= MAX_RATE_MINOR
            ? formatRate(rateFromMinor(m.unitCostE4), locale)
            : `¥${scaledToString(m.unitCostE4, 4)}`,
      archived: m.archivedAt !== null,
      onHand: quantityText(stock.get(m.id) ?? 0n, locale),
    })),
    editing: editing && {
      id: editing.id,
      name: editing.name,
      unit: editing.unit,
      unitCost: scaledToString(editing.unitCostE4, 4),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const list = `/coordinator/materials${new URL(request.url).searchParams.get("archived") === "1" ? "?archived=1" : ""}`;
  const done = (key: MessageKey, name: string) => redirectWithNotice(list, { key, params: { name } });

  if (intent === "create" || intent === "update") {
    const result = validate(materialSchema, formData);
    if (!result.ok) return badRequest(result);
    const input = { name: result.data.name, unit: result.data.unit, unitCostE4: result.data.unitCost };
    const materialId = formData.get("materialId");
    const saved =
      intent === "create"
        ? await createMaterial(scope, input)
        : await updateMaterial(scope, typeof materialId === "string" ? materialId : "", input);
    if (!saved.ok) return refuse(saved, { nameTaken: { name: "catalogue.nameTaken" } }, formData);
    return done(intent === "create" ? "materials.created" : "materials.saved", input.name);
  }

  if (intent === "archive" || intent === "restore") {
    const materialId = formData.get("materialId");
    const material = typeof materialId === "string" ? await getMaterial(scope.workshopId, materialId) : null;
    if (!material) notFound();
    const changed = await setArchived(scope, "material", material.id, intent === "archive", new Date());
    if (!changed.ok) return refuse(changed, {}, formData);
    return done(intent === "archive" ? "materials.archivedDone" : "materials.restoredDone", material.name);
  }

  return formError("error.unknownIntent", formValues(formData).values);
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

function forIntent(actionData: ActionData, intent: string): ActionData {
  return actionData?.values?.intent === intent ? actionData : undefined;
}

export default function MaterialsPage() {
  const t = useT();
  const { materials, showArchived, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { key } = useLocation();
  const keep = showArchived ? "archived=1&" : "";
  return (
    <>
      <h1>{t("materials.title")}</h1>
      <PageNotice />
      <FormAlert message={forIntent(actionData, "archive")?.formError ?? forIntent(actionData, "restore")?.formError} />
      <p className="toolbar">
        <Link to={showArchived ? "/coordinator/materials" : "/coordinator/materials?archived=1"}>
          {showArchived ? t("catalogue.hideArchived") : t("catalogue.showArchived")}
        </Link>
        {" · "}
        <Link to="/coordinator/reconciliation">{t("reconciliation.title")}</Link>
      </p>
      <HandOutWhere />
      {editing ? (
        <section className="card" id="edit">
          <h2>{t("materials.edit", { name: editing.name })}</h2>
          <MaterialFields
            key={key}
            intent="update"
            materialId={editing.id}
            defaults={editing}
            actionData={forIntent(actionData, "update")}
            submitLabel={t("form.save")}
            cancelTo={`/coordinator/materials${showArchived ? "?archived=1" : ""}`}
          />
        </section>
      ) : null}
      {materials.length === 0 ? (
        <p className="empty">{t("materials.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t("materials.name")}</th>
                <th>{t("materials.unit")}</th>
                <th className="num">{t("materials.unitCost")}</th>
                <th>{t("catalogue.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {materials.map((m) => (
                <tr key={m.id} className={m.archived ? "archived" : undefined}>
                  <td>
                    <Link to={`/coordinator/materials/${m.id}`}>{m.name}</Link>
                    <span className="sub muted">
                      {t("stock.onHandLine", { q: m.onHand, unit: unitText(t, m.unit) })}
                    </span>
                    {m.archived ? <span className="tag muted">{t("catalogue.archived")}</span> : null}
                  </td>
                  <td className="nowrap">{unitText(t, m.unit)}</td>
                  <td className="num">{m.unitCost ?? "—"}</td>
                  <td>
                    <div className="row-actions">
                      <Link to={`?${keep}edit=${m.id}#edit`} className="button small">
                        {t("catalogue.edit")}
                      </Link>
                      <IntentButton
                        intent={m.archived ? "restore" : "archive"}
                        fields={{ materialId: m.id }}
                        label={m.archived ? t("catalogue.restore") : t("catalogue.archive")}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card">
        <h2>{t("materials.add")}</h2>
        <MaterialFields
          key={key}
          intent="create"
          actionData={forIntent(actionData, "create")}
          submitLabel={t("materials.create")}
        />
      </section>
    </>
  );
}

function MaterialFields({
  intent,
  materialId,
  defaults,
  actionData,
  submitLabel,
  cancelTo,
}: {
  intent: "create" | "update";
  materialId?: string;
  defaults?: { name: string; unit: string; unitCost: string };
  actionData: ActionData;
  submitLabel: string;
  cancelTo?: string;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<MaterialForm>(
    materialSchema,
    actionData as ActionResult | undefined,
  );
  const values = actionData?.values ?? defaults;
  return (
    <Form method="post" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="intent" value={intent} />
      {materialId ? <input type="hidden" name="materialId" value={materialId} /> : null}
      <FormAlert message={actionData?.formError} />
      <Field
        label={t("materials.name")}
        error={errorFor("name")}
        defaultValue={values?.name}
        registration={form.register("name")}
      />
      <SelectField
        label={t("materials.unit")}
        error={errorFor("unit")}
        defaultValue={values?.unit ?? "kg"}
        registration={form.register("unit")}
      >
        {MATERIAL_UNITS_LIST.map((u) => (
          <option key={u} value={u}>
            {unitText(t, u)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("materials.unitCostLabel")}
        inputMode="decimal"
        hint={t("materials.unitCostHint")}
        error={errorFor("unitCost")}
        defaultValue={values?.unitCost}
        registration={form.register("unitCost")}
      />
      <div className="form-actions">
        <SubmitButton pending={t("form.saving")}>{submitLabel}</SubmitButton>
        {cancelTo ? (
          <Link to={cancelTo} className="button">
            {t("catalogue.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
