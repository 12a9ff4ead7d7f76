// The language switch: a plain form post, so it works without JavaScript. The
// choice is remembered on the account (and in a cookie for the login page).
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { plainLocalPath } from "../domain/access.ts";
import { languageSchema } from "../forms/account.ts";
import { setUserLocale } from "../models/user.server.ts";
import { getViewer } from "../utils/auth.server.ts";
import { readFormData, validate, type FieldErrors } from "../utils/forms.server.ts";
import { writeLanguageCookie } from "../utils/session.server.ts";

export const access = { public: true } satisfies import("../domain/access.ts").RouteAccess;

export async function loader() {
  return redirect("/");
}

function refusal(fieldErrors: FieldErrors): Response {
  return new Response(JSON.stringify({ ok: false, fieldErrors }), {
    status: 400,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const result = validate(languageSchema, await readFormData(request));
  // A resource route (no page): what it returns is the HTTP answer, so a refusal must be a real 400 Response.
  if (!result.ok) return refusal(result.fieldErrors);
  const viewer = await getViewer(request);
  if (viewer) await setUserLocale(viewer.user.id, result.data.locale);
  return redirect(plainLocalPath(result.data.redirectTo) ?? "/", {
    headers: { "Set-Cookie": await writeLanguageCookie(result.data.locale) },
  });
}
