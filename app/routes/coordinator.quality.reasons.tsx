// 质检原因: the workshop's list of reasons for rework and rejected pieces
// (ADR 021). Add one (once per form key, a label the list has is refused),
// archive one (no longer offered; past checks keep their label) or restore it.
// Intents: add, archive, restore.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import {
  Field,
  Form,
  FormAlert,
  IntentButton,
  SubmitButton,
  useValidatedForm,
  type ActionResult,
} from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { addReasonSchema, reasonStateSchema, type AddReasonForm } from "../forms/quality.ts";
import { useT } from "../i18n/use-t.ts";
import { addReason, listReasons, setReasonArchived } from "../models/quality.server.ts";
import { isSubmissionKey, newSubmissionKey } from "../models/submission.server.ts";
import styles from "../styles/quality.css?url";
import { requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  return { reasons: await listReasons(scope.workshopId, { archived: true }), addKey: newSubmissionKey() };
}

const HERE = "/coordinator/quality/reasons";

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const formData = await readFormData(request);
  const { values } = formValues(formData);
  const intent = formData.get("intent");
  if (intent === "add") {
    const key = formData.get("submissionKey");
    if (!isSubmissionKey(key)) return formError("form.expired", values);
    const form = validate(addReasonSchema, formData);
    if (!form.ok) return badRequest(form);
    const outcome = await addReason(scope, form.data.label, key);
    if (!outcome.ok) return refuse(outcome, { reasonTaken: { label: "quality.reasons.taken" } }, formData);
    return redirectWithNotice(HERE, { key: "quality.reasons.added" });
  }
  if (intent === "archive" || intent === "restore") {
    const form = validate(reasonStateSchema, formData);
    if (!form.ok) return badRequest(form);
    const outcome = await setReasonArchived(scope, form.data.reasonId, intent === "archive", new Date());
    if (!outcome.ok) return refuse(outcome, {}, formData);
    return redirectWithNotice(HERE, {
      key: intent === "archive" ? "quality.reasons.archivedNotice" : "quality.reasons.restoredNotice",
    });
  }
  return formError("error.unknownIntent", values);
}

export default function QualityReasons() {
  const t = useT();
  const { reasons, addKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const { key } = useLocation();
  return (
    <>
      <p>
        <Link to="/coordinator/quality">← {t("quality.reasons.back")}</Link>
      </p>
      <h1>{t("quality.reasons.title")}</h1>
      <p className="muted">{t("quality.reasons.intro")}</p>
      <PageNotice />
      <section className="card">
        {reasons.length === 0 ? (
          <p className="empty">{t("quality.reasons.none")}</p>
        ) : (
          <ul className="plain-list reason-list">
            {reasons.map((r) => (
              <li key={r.id}>
                <span>
                  {r.label} {r.archived ? <span className="tag muted">{t("quality.reasons.archived")}</span> : null}
                </span>
                <IntentButton
                  intent={r.archived ? "restore" : "archive"}
                  fields={{ reasonId: r.id }}
                  label={t(r.archived ? "quality.reasons.restore" : "quality.reasons.archive")}
                  ariaLabel={t(r.archived ? "quality.reasons.restoreLabel" : "quality.reasons.archiveLabel", {
                    label: r.label,
                  })}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <AddReason
        key={key}
        submissionKey={addKey}
        result={actionData?.values?.intent === "add" ? actionData : undefined}
      />
      {actionData?.values?.intent !== "add" ? <FormAlert message={actionData?.formError} /> : null}
    </>
  );
}

function AddReason({ submissionKey, result }: { submissionKey: string; result?: ActionResult }) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<AddReasonForm>(addReasonSchema, result);
  return (
    <section className="card" aria-labelledby="add-reason">
      <h2 id="add-reason">{t("quality.reasons.add")}</h2>
      <FormAlert message={result?.formError} />
      <Form method="post" onSubmit={onSubmit}>
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <Field
          label={t("quality.reasons.label")}
          hint={t("quality.reasons.labelHint")}
          autoComplete="off"
          error={errorFor("label")}
          defaultValue={result?.values?.label}
          registration={form.register("label")}
        />
        <SubmitButton pending={t("form.saving")}>{t("quality.reasons.add")}</SubmitButton>
      </Form>
    </section>
  );
}
