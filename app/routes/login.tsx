import { redirect, redirectDocument, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, Form, FormAlert, SubmitButton, useValidatedForm } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { LanguageSwitch } from "../components/shell.tsx";
import { homePath, isRole, safeRedirect } from "../domain/access.ts";
import { deviceIdFor, withDeviceToken } from "../domain/login-throttle.ts";
import { msg } from "../forms/fields.ts";
import { loginSchema, type LoginForm } from "../forms/login.ts";
import { useT } from "../i18n/use-t.ts";
import { beginLoginAttempt, recordLoginSuccess } from "../models/login-throttle.server.ts";
import { createSession, purgeStaleLoginData } from "../models/session.server.ts";
import { isLocale } from "../i18n/locales.ts";
import { accountUsable, authenticate, loginLocale } from "../models/user.server.ts";
import { initialPasswordState } from "../models/worker-import.server.ts";
import { clientAddress, getLocale, getViewer } from "../utils/auth.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../utils/demo.ts";
import { getEnv } from "../infra/env.server.ts";
import { badRequest, formError, readFormData, validate } from "../utils/forms.server.ts";
import {
  commitCookieSession,
  getCookieSession,
  newDeviceId,
  readDeviceTokens,
  writeDeviceTokens,
  writeLanguageCookie,
} from "../utils/session.server.ts";

export const access = { public: true } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) throw redirect(homePath(viewer.scope.role));
  const demo = getEnv().demo;
  // A language picked on this page (the switch comes back with ?lang=…) is kept at login and stored on the account.
  const picked = new URL(request.url).searchParams.get("lang");
  const shown = await getLocale(request, null);
  return {
    pickedLocale: isLocale(picked) && picked === shown ? picked : null,
    demoAccounts: demo ? DEMO_ACCOUNTS.map((a) => ({ role: a.role, name: a.name, phone: a.phone })) : [],
    demoPassword: demo ? DEMO_PASSWORD : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const result = validate(loginSchema, formData);
  if (!result.ok) return badRequest(result);
  const { phone, password, redirectTo, locale: picked } = result.data;
  const now = new Date();
  const devices = await readDeviceTokens(request, now);
  const attempt = { phone, address: clientAddress(context), deviceId: deviceIdFor(devices, phone) };

  // Counted before the (slow) password check, so parallel guesses cannot slip past the limit (ADR 011).
  const gate = await beginLoginAttempt(attempt, now);
  if (!gate.allowed) {
    const minutes = Math.ceil(gate.retryAfterMs / 60_000);
    return formError(msg(gate.kind === "number" ? "login.lockedNumber" : "login.locked", { minutes }), { phone }, 429);
  }
  const user = await authenticate(phone, password);
  if (!user) return formError("login.wrongCredentials", { phone }, 401);
  if (!isRole(user.role) || !(await accountUsable(user.id))) {
    // Right password, but the account lacks its workshop or firm: say so instead of looping back to login.
    return formError("login.accountIncomplete", { phone }, 403);
  }
  // An import's printed password not used within 14 days no longer works (ADR 025): the coordinator resets it.
  const initial = await initialPasswordState(user.id, now);
  if (initial === "expired") return formError("import.initialExpired", { phone }, 403);
  await recordLoginSuccess(attempt);
  await purgeStaleLoginData(now);
  const session = await getCookieSession(request);
  const { id } = await createSession(user.id, now);
  session.set("sessionId", id);
  // The language picked on the login page wins (and is stored); otherwise the account's. Either way the
  // browser remembers it, so the login page after logging out speaks the same language.
  const locale = await loginLocale(user.id, picked);
  const headers = new Headers();
  headers.append("Set-Cookie", await commitCookieSession(session));
  // This browser is now trusted for this number: its owner's logins are judged by its own counter only.
  const device = { phone, id: newDeviceId(), issuedAt: now.getTime() };
  headers.append("Set-Cookie", await writeDeviceTokens(withDeviceToken(devices, device)));
  headers.append("Set-Cookie", await writeLanguageCookie(locale));
  // A whole new document: a worker's pages run no React (ADR 015) and need their plain scripts
  // (the offline queue, ADR 020), which a client-side navigation from this hydrated page would not run.
  // An initial password from a worker import (ADR 025): she is sent to choose her own first.
  return redirectDocument(initial === "active" ? "/account" : safeRedirect(user.role, redirectTo), { headers });
}

export default function LoginPage() {
  const t = useT();
  const { demoAccounts, demoPassword, pickedLocale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { form, onSubmit, errorFor } = useValidatedForm<LoginForm>(loginSchema, actionData);
  return (
    <main className="content narrow login-page">
      <div className="login-head">
        <LanguageSwitch markChoice />
      </div>
      <h1 className="brand-title">{t("app.name")}</h1>
      <p className="tagline">{t("app.tagline")}</p>
      <section className="card">
        <h2>{t("login.title")}</h2>
        <PageNotice />
        <FormAlert message={actionData?.formError} />
        <Form method="post" onSubmit={onSubmit} noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          {pickedLocale ? <input type="hidden" name="locale" value={pickedLocale} /> : null}
          <Field
            label={t("login.phone")}
            type="tel"
            inputMode="numeric"
            autoComplete="username"
            required
            defaultValue={actionData?.values?.phone}
            error={errorFor("phone")}
            registration={form.register("phone")}
          />
          <Field
            label={t("login.password")}
            type="password"
            autoComplete="current-password"
            required
            error={errorFor("password")}
            registration={form.register("password")}
          />
          <SubmitButton pending={t("login.submitting")} className="button primary block">
            {t("login.submit")}
          </SubmitButton>
        </Form>
      </section>
      {demoPassword ? (
        <section className="card demo">
          <h2>{t("login.demoTitle", { password: demoPassword })}</h2>
          <ul>
            {demoAccounts.map((a) => (
              <li key={a.phone}>
                <span className="tag">{t(`role.${a.role}`)}</span> {a.name} <code>{a.phone}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
