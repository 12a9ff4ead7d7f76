import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Field, Form, FormAlert, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { RoleShell } from "../components/role-shell.tsx";
import { LanguageSwitch, LogoutButton } from "../components/shell.tsx";
import { homePath } from "../domain/access.ts";
import { maskPhone } from "../domain/phone.ts";
import { changePasswordSchema, type ChangePasswordForm } from "../forms/account.ts";
import { msg } from "../forms/fields.ts";
import { useT } from "../i18n/use-t.ts";
import { beginPasswordCheck, recordPasswordCheckSuccess } from "../models/login-throttle.server.ts";
import { countUnread } from "../models/notice.server.ts";
import { changeOwnPassword } from "../models/user.server.ts";
import { requireViewer } from "../utils/auth.server.ts";
import { badRequest, formError, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = {
  roles: ["worker", "coordinator", "partner", "admin"],
} satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  // Everything shown comes with the viewer (one shared lookup per request).
  const { user, scope } = await requireViewer(request);
  return {
    role: scope.role,
    mustChangePassword: user.mustChangePassword,
    unreadNotices: scope.role === "admin" ? 0 : await countUnread(user.id),
    account: {
      name: user.name,
      phone: maskPhone(user.phone),
      workshopName: user.workshopName,
      partnerName: user.partnerName,
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const result = validate(changePasswordSchema, await readFormData(request));
  if (!result.ok) return badRequest(result);
  // Counted before the current password is checked, like a login (ADR 011): a session left open is no guessing oracle.
  const gate = await beginPasswordCheck(viewer.user.id, new Date());
  if (!gate.allowed) {
    return formError(msg("account.passwordCheckLocked", { minutes: Math.ceil(gate.retryAfterMs / 60_000) }), {}, 429);
  }
  const outcome = await changeOwnPassword(
    viewer.user.id,
    viewer.sessionId,
    result.data.currentPassword,
    result.data.newPassword,
  );
  if (!outcome.ok) {
    return refuse(
      outcome,
      {
        wrongCurrent: { currentPassword: "account.wrongCurrentPassword" },
        samePassword: { newPassword: "account.samePassword" },
      },
      {},
    );
  }
  await recordPasswordCheckSuccess(viewer.user.id);
  // Her first own password (after an import's printed one): on to her pages, which were closed to her until now.
  const to = viewer.user.mustChangePassword ? homePath(viewer.scope.role) : "/account";
  return redirectWithNotice(to, { key: "account.passwordChanged" });
}

export default function AccountPage() {
  const t = useT();
  const { role, mustChangePassword, unreadNotices, account } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit, errorFor } = useValidatedForm<ChangePasswordForm>(changePasswordSchema, actionData);
  // An import's printed password is replaced first: the form comes before everything else.
  const passwordCard = (
    <section className="card">
      <h2>{t("account.changePassword")}</h2>
      <PageNotice />
      {mustChangePassword ? (
        <p className="alert warn" role="alert">
          {t("import.choosePassword")}
        </p>
      ) : null}
      <FormAlert message={actionData?.formError} />
      <Form method="post" onSubmit={onSubmit} noValidate>
        <Field
          label={t("account.currentPassword")}
          hint={mustChangePassword ? t("account.currentIsInitial") : undefined}
          inputMode={mustChangePassword ? "numeric" : undefined}
          type="password"
          autoComplete="current-password"
          error={errorFor("currentPassword")}
          registration={form.register("currentPassword")}
        />
        <Field
          label={t("account.newPassword")}
          type="password"
          autoComplete="new-password"
          error={errorFor("newPassword")}
          registration={form.register("newPassword")}
        />
        <Field
          label={t("account.confirmPassword")}
          type="password"
          autoComplete="new-password"
          error={errorFor("confirmPassword")}
          registration={form.register("confirmPassword")}
        />
        <SubmitButton pending={t("form.saving")}>{t("account.changePassword")}</SubmitButton>
      </Form>
    </section>
  );
  return (
    <RoleShell role={role} userName={account.name} unreadNotices={unreadNotices}>
      <h1>{t("account.title")}</h1>
      {mustChangePassword ? passwordCard : null}
      <dl className="facts card">
        <dt>{t("account.name")}</dt>
        <dd>{account.name}</dd>
        <dt>{t("account.phone")}</dt>
        <dd>{account.phone}</dd>
        <dt>{t("account.role")}</dt>
        <dd>{t(`role.${role}`)}</dd>
        {account.workshopName ? (
          <>
            <dt>{t("account.workshop")}</dt>
            <dd>{account.workshopName}</dd>
          </>
        ) : null}
        {account.partnerName ? (
          <>
            <dt>{t("partner.firm")}</dt>
            <dd>{account.partnerName}</dd>
          </>
        ) : null}
      </dl>
      <section className="card">
        <h2>{t("lang.label")}</h2>
        <p className="muted">{t("account.languageHint")}</p>
        <LanguageSwitch />
      </section>
      {mustChangePassword ? null : passwordCard}
      <section className="card">
        <LogoutButton className="button danger block" />
      </section>
    </RoleShell>
  );
}
