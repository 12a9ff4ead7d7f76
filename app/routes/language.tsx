// The language switch: a plain form post, so it works without JavaScript. The
// choice is remembered on the account (and in a cookie for the login page).
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { languageSchema } from "../forms/account.ts";
import { setUserLocale } from "../models/user.server.ts";
import { getViewer } from "../utils/auth.server.ts";
import { badRequest, readFormData, validate } from "../utils/forms.server.ts";
import { writeLanguageCookie } from "../utils/session.server.ts";

export async function loader() {
  return redirect("/");
}

/** A path on this site, or "/": never another origin (also not via tabs, newlines or backslashes). */
function localPath(value: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  const base = "http://piecework.invalid";
  const url = new URL(value, base);
  return url.origin === base ? url.pathname + url.search : "/";
}

export async function action({ request }: ActionFunctionArgs) {
  const result = validate(languageSchema, await readFormData(request));
  if (!result.ok) return badRequest(result);
  const viewer = await getViewer(request);
  if (viewer) await setUserLocale(viewer.user.id, result.data.locale);
  return redirect(localPath(result.data.redirectTo), {
    headers: { "Set-Cookie": await writeLanguageCookie(result.data.locale) },
  });
}
