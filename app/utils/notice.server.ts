// One success-notice convention (docs/decisions/014-house-rules.md): an action
// that succeeds redirects with `redirectWithNotice(to, { key, params })`; the
// notice travels in a short-lived signed cookie, the root loader takes it (and
// clears it) on the next request, and <PageNotice> shows it once, with
// role="status". Works without JavaScript (a plain 303 + cookie), keeps
// addresses clean (a reload or a shared link shows no stale "saved"), and the
// text cannot be forged through a link.
import { createCookie, redirect } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { getEnv } from "../infra/env.server.ts";
import { toNotice, type Notice, type NoticeInput } from "../i18n/notice.ts";

let cookie: ReturnType<typeof createCookie> | undefined;

function noticeCookie() {
  const env = getEnv();
  cookie ??= createCookie("piecework_notice", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.secureCookies,
    secrets: env.sessionSecrets,
    // Read on the very next request; a minute is plenty, and a lost one is soon gone.
    maxAge: 60,
  });
  return cookie;
}

/** The Set-Cookie header that carries `notice` to the next page. */
export function noticeHeader(notice: NoticeInput): Promise<string> {
  return noticeCookie().serialize({ ...notice, id: randomBytes(8).toString("base64url") });
}

/** A redirect to `to` that shows `notice` there. Other headers (e.g. a session cookie) are kept. */
export async function redirectWithNotice(to: string, notice: NoticeInput, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await noticeHeader(notice));
  return redirect(to, { ...init, headers });
}

/** The notice waiting for this request, if any, and the header that clears it (for the root loader). */
export async function takeNotice(request: Request): Promise<{ notice: Notice | null; headers?: HeadersInit }> {
  const header = request.headers.get("Cookie");
  if (!header || !header.includes("piecework_notice=")) return { notice: null };
  const notice = toNotice(await noticeCookie().parse(header));
  return { notice, headers: { "Set-Cookie": await noticeCookie().serialize("", { maxAge: 0 }) } };
}
