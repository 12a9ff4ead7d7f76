// Authentication and the role/scope check that every loader and action calls
// first (docs/conventions.md §4). `requireScope(request, ["coordinator"])` returns the
// coordinator's scope or ends the request: a redirect to /login when nobody is
// logged in, a 403 when the account's role is not allowed here.
import { data, redirect } from "@remix-run/node";
import { plainLocalPath, scopeOf, type Role, type Scope } from "../domain/access.ts";
import { DEFAULT_LOCALE, toLocale, type Locale } from "../i18n/locales.ts";
import { isLive, readSession, type SessionRow, type SessionUser } from "../models/session.server.ts";
import { getCookieSession, readLanguageCookie } from "./session.server.ts";

export type Viewer = { user: SessionUser; scope: Scope; sessionId: string };

type Lookup = { sessionId: string; row: SessionRow | null } | null;

/**
 * Lookups under way, by Cookie header. Remix runs the root, layout and page
 * loaders of one request side by side, and each asks who is asking: they share
 * one cookie check and one database read instead of three. An entry lives only
 * while its read is in flight, so nothing is cached across requests: a
 * logout, password reset or deactivation is seen by the next lookup.
 */
const inFlight = new Map<string, Promise<Lookup>>();

async function lookUp(request: Request): Promise<Lookup> {
  const session = await getCookieSession(request);
  const sessionId = session.get("sessionId");
  if (typeof sessionId !== "string" || sessionId.length === 0) return null;
  return { sessionId, row: await readSession(sessionId) };
}

function sharedLookUp(request: Request): Promise<Lookup> {
  const cookie = request.headers.get("Cookie");
  if (!cookie) return Promise.resolve(null);
  let lookup = inFlight.get(cookie);
  if (!lookup) {
    lookup = lookUp(request);
    inFlight.set(cookie, lookup);
    const forget = () => inFlight.delete(cookie);
    lookup.then(forget, forget);
  }
  return lookup;
}

/** How many viewer lookups are under way (for tests: none are left behind). */
export function viewerLookupsInFlight(): number {
  return inFlight.size;
}

/** Who is asking, or null. Never throws for a missing or stale cookie. */
export async function getViewer(request: Request, now = new Date()): Promise<Viewer | null> {
  const lookup = await sharedLookUp(request);
  // Each caller judges expiry by its own clock; the shared part is only the read.
  if (!lookup || !isLive(lookup.row, now)) return null;
  const scope = scopeOf(lookup.row.user);
  if (!scope) return null;
  return { user: lookup.row.user, scope, sessionId: lookup.sessionId };
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
  // An import's printed initial password (ADR 025): nothing but her account page until she chooses her own.
  if (viewer.user.mustChangePassword) throw redirect("/account");
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
