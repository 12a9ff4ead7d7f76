import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, Form, FormAlert, IntentButton, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { HeldTable } from "../components/stock.tsx";
import { maskPhone } from "../domain/phone.ts";
import { resetPasswordSchema, type ResetPasswordForm } from "../forms/workers.ts";
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { workerMaterialLedger } from "../models/material-stock.server.ts";
import { getWorker, resetWorkerPassword, setAccountActive } from "../models/user.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { quantityText } from "../utils/stock-view.server.ts";
import { toLocale } from "../i18n/locales.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const worker = await getWorker(scope.workshopId, params.workerId ?? "");
  if (!worker) notFound();
  const locale = toLocale(user.locale);
  // Her material ledger 物料台账: what she was handed, gave back and still holds, per assignment and material.
  const ledger = await workerMaterialLedger(scope.workshopId, worker.id);
  return {
    ledger: ledger.map((l) => ({
      key: `${l.assignmentId}:${l.materialId}`,
      assignmentId: l.assignmentId,
      productName: l.productName,
      dueOn: l.dueOn,
      assignmentStatus: l.assignmentStatus,
      materialName: l.materialName,
      unit: l.unit,
      issued: quantityText(l.issuedE3, locale),
      returned: quantityText(l.returnedE3, locale),
      held: quantityText(l.heldE3, locale),
    })),
    worker: {
      id: worker.id,
      name: worker.name,
      phone: maskPhone(worker.phone),
      active: worker.active,
      createdAt: worker.createdAt,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const worker = await getWorker(scope.workshopId, params.workerId ?? "");
  if (!worker) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "deactivate" || intent === "reactivate") {
    const changed = await setAccountActive(scope, worker.id, ["worker"], intent === "reactivate");
    if (!changed.ok) return refuse(changed, {}, formData);
    return redirectWithNotice(`/coordinator/workers/${worker.id}`, {
      key: intent === "deactivate" ? "accounts.deactivated" : "accounts.reactivated",
    });
  }
  const result = validate(resetPasswordSchema, formData);
  if (!result.ok) return badRequest(result);
  const reset = await resetWorkerPassword(scope, worker.id, result.data.password);
  if (!reset.ok) return refuse(reset, {}, formData);
  return redirectWithNotice(`/coordinator/workers/${worker.id}`, {
    key: "workers.resetDone",
    params: { name: worker.name },
    at: "password",
  });
}

export default function WorkerDetail() {
  const t = useT();
  const locale = useLocale();
  const { worker, ledger } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit, errorFor } = useValidatedForm<ResetPasswordForm>(resetPasswordSchema, actionData);
  return (
    <>
      <p>
        <Link to="/coordinator/workers">← {t("workers.back")}</Link>
      </p>
      <h1>{worker.name}</h1>
      <dl className="facts">
        <dt>{t("workers.phone")}</dt>
        <dd>{worker.phone}</dd>
        <dt>{t("workers.status")}</dt>
        <dd>{worker.active ? t("workers.active") : t("workers.inactive")}</dd>
        <dt>{t("workers.since")}</dt>
        <dd>{formatDate(worker.createdAt, locale)}</dd>
      </dl>
      <PageNotice />
      <IntentButton
        intent={worker.active ? "deactivate" : "reactivate"}
        className={worker.active ? "button danger" : "button"}
        label={worker.active ? t("accounts.deactivate") : t("accounts.reactivate")}
      />
      <section className="card">
        <h2>{t("workers.resetPassword")}</h2>
        <PageNotice at="password" />
        <FormAlert message={actionData?.formError} />
        <Form method="post" onSubmit={onSubmit} noValidate>
          <Field
            label={t("workers.newPassword")}
            type="text"
            autoComplete="new-password"
            hint={t("workers.initialPasswordHint")}
            error={errorFor("password")}
            registration={form.register("password")}
          />
          <SubmitButton pending={t("form.saving")}>{t("workers.resetPassword")}</SubmitButton>
        </Form>
      </section>
      <section className="card" aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">{t("ledger.title")}</h2>
        {ledger.length === 0 ? <p className="empty">{t("ledger.none")}</p> : <HeldTable rows={ledger} withAssignment />}
      </section>
    </>
  );
}
