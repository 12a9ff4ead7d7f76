// A worker gives back work she claimed 自领 and has not logged against (ADR 018):
// this page says what will happen (the pieces go back to the claim pool, where
// others can claim them) and holds the one form that does it, so it works the
// same without JavaScript. Her task card links here. Assigned work, or work she
// has logged against, is explained instead (the coordinator changes those).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmStep } from "../components/confirm.tsx";
import { Form, FormAlert, SubmitButton } from "../components/forms.tsx";
import { unitText } from "../i18n/units.ts";
import { useT } from "../i18n/use-t.ts";
import { getOwnAssignment, giveBackClaim } from "../models/assignment.server.ts";
import { isSubmissionKey, newSubmissionKey } from "../models/submission.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { formError, formValues, readFormData, refuse } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

/** Why she cannot give it back, or null when she can. */
function blocker(a: { source: string; status: string; loggedQuantity: number }) {
  if (a.status !== "active") return "giveBack.notActive" as const;
  if (a.source !== "claimed") return "giveBack.notClaimed" as const;
  if (a.loggedQuantity > 0) return "giveBack.logged" as const;
  return null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["worker"]);
  const a = await getOwnAssignment(scope, params.assignmentId ?? "");
  if (!a) notFound();
  return {
    key: newSubmissionKey(),
    task: { productName: a.productName, unit: a.productUnit, quantity: a.quantity },
    blocked: blocker(a),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["worker"]);
  const formData = await readFormData(request);
  const a = await getOwnAssignment(scope, params.assignmentId ?? "");
  if (!a) notFound();
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", formValues(formData).values);
  const outcome = await giveBackClaim(scope, a.id, key);
  if (!outcome.ok) {
    return refuse(
      outcome,
      { notActive: "giveBack.notActive", notClaimed: "giveBack.notClaimed", logged: "giveBack.logged" },
      formData,
    );
  }
  return redirectWithNotice("/worker", {
    key: "giveBack.done",
    params: { n: a.quantity, unit: a.productUnit, product: a.productName },
  });
}

export default function GiveBack() {
  const t = useT();
  const { task, blocked, key } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const units = unitText(t, task.unit, task.quantity);
  if (blocked) {
    return (
      <section className="card">
        <h1>{t("giveBack.title")}</h1>
        <p>{t(blocked)}</p>
        <Link to="/worker" className="button block">
          {t("giveBack.back")}
        </Link>
      </section>
    );
  }
  return (
    <ConfirmStep
      id="give-back"
      title={t("giveBack.title")}
      warning={t("giveBack.warning", { product: task.productName, n: task.quantity, unit: units })}
      backTo="/worker"
      backLabel={t("giveBack.keep")}
    >
      <FormAlert message={actionData?.formError} />
      <Form method="post">
        <input type="hidden" name="submissionKey" value={key} />
        <SubmitButton className="button danger-solid block" pending={t("form.saving")}>
          {t("giveBack.submit")}
        </SubmitButton>
      </Form>
    </ConfirmStep>
  );
}
