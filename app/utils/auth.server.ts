// Authentication and the role/scope check that every loader and action calls
// first (docs/conventions.md §4). `requireScope(request, ["coordinator"])` returns the
// coordinator's scope or ends the request: a redirect to /login when nobody is
// logged in, a 403 when the account's role is not allowed here.
import { data, redirect } from "@remix-run/node";
import { plainLocalPath, scopeOf, type Role, type Scope } from "../domain/access.ts";
import { DEFAULT_LOCALE, toLocale, type Locale } from "../i18n/locales.ts";
import { getSessionUser, type SessionUser } from "../models/session.server.ts";
import { getCookieSession, readLanguageCookie } from "./session.server.ts";

export type Viewer = { user: SessionUser; scope: Scope; sessionId: string };

/** Who is asking, or null. Never throws for a missing or stale cookie. */
export async function getViewer(request: Request, now = new Date()): Promise<Viewer | null> {
  const session = await getCookieSession(request);
  const sessionId = session.get("sessionId");
  if (typeof sessionId !== "string" || sessionId.length === 0) return null;
  const user = await getSessionUser(sessionId, now);
  if (!user) return null;
  const scope = scopeOf(user);
  if (!scope) return null;
  return { user, scope, sessionId };
}

/** To /login, remembering the page asked for only when it is a plain local path (see plainLocalPath). */
function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const target = plainLocalPath(url.pathname + url.search);
  const query = target && target !== "/" ? `?${new URLSearchParams({ redirectTo: target }).toString()}` : "";
  return redirect(`/login${query}`);
}

export function forbidden(): never {
  throw data({ reason: "forbidden" as const }, { status: 403 });
}

export function notFound(): never {
  throw data({ reason: "notFound" as const }, { status: 404 });
}

type ScopeOf<R extends Role> = Extract<Scope, { role: R }>;

export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) throw loginRedirect(request);
  return viewer;
}

/** The viewer's scope when their role is one of `roles`; otherwise login redirect or 403. */
export async function requireScope<R extends Role>(
  request: Request,
  roles: readonly R[],
): Promise<{ scope: ScopeOf<R>; user: SessionUser }> {
  const viewer = await requireViewer(request);
  if (!(roles as readonly Role[]).includes(viewer.scope.role)) forbidden();
  return { scope: viewer.scope as ScopeOf<R>, user: viewer.user };
}

/** The language to render in: the account's, else the language cookie, else zh-CN. */
export async function getLocale(request: Request, viewer?: Viewer | null): Promise<Locale> {
  if (viewer) return toLocale(viewer.user.locale);
  return (await readLanguageCookie(request)) ?? DEFAULT_LOCALE;
}

/** The client's address, from the server's load context (see server.mjs). */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof address === "string" && address.length > 0 ? address : "unknown";
}
