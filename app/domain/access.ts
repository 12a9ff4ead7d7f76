// Who may see what. A user's scope is derived once, at authentication, and
// every model function takes it (or the ids in it) so that a route cannot
// forget to scope a query (docs/conventions.md §3).

export const ROLES = ["worker", "coordinator", "partner", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export type Scope =
  | { role: "worker"; userId: string; workshopId: string }
  | { role: "coordinator"; userId: string; workshopId: string }
  | { role: "partner"; userId: string; workshopId: string; partnerId: string }
  | { role: "admin"; userId: string };

/**
 * Who does something, in which workshop. Every model write takes one: it finds
 * rows only in `workshopId` and records `userId` in the audit trail. Each
 * workshop scope (coordinator, worker, partner) is one; an admin acting on a
 * workshop builds one for it.
 */
export type Actor = { userId: string; workshopId: string };

/** A partner firm's account acting: its reads and writes are limited to its own firm too. */
export type PartnerActor = Actor & { partnerId: string };

export type ScopedUser = {
  id: string;
  role: string;
  workshopId: string | null;
  partnerId: string | null;
  active: boolean;
};

/**
 * The scope of a user, or null when the account cannot be used: inactive, an
 * unknown role, or a role without the tenant it needs (a worker or coordinator
 * without a workshop, a partner without a firm). Such an account is refused,
 * never given a wider scope.
 */
export function scopeOf(user: ScopedUser): Scope | null {
  if (!user.active || !isRole(user.role)) return null;
  switch (user.role) {
    case "admin":
      return { role: "admin", userId: user.id };
    case "worker":
    case "coordinator":
      return user.workshopId ? { role: user.role, userId: user.id, workshopId: user.workshopId } : null;
    case "partner":
      return user.workshopId && user.partnerId
        ? { role: "partner", userId: user.id, workshopId: user.workshopId, partnerId: user.partnerId }
        : null;
  }
}

const HOME: Record<Role, string> = {
  worker: "/worker",
  coordinator: "/coordinator",
  partner: "/partner",
  admin: "/admin",
};

export function homePath(role: Role): string {
  return HOME[role];
}

/** Longest path a redirect may carry (the login form's hidden field is limited to the same). */
export const MAX_REDIRECT_LENGTH = 500;

// Printable ASCII without space or backslash: what a Location header can carry
// as is, with no character a browser or proxy would reinterpret.
const PLAIN = /^[\x21-\x5b\x5d-\x7e]+$/;
// Percent-escapes that would turn into a dot, a segment separator or a C0/C1
// control character once the router decodes the path (encoded UTF-8 text such
// as %E8%AE%A2 is fine).
const ESCAPED_SEPARATOR_OR_CONTROL = /%(2e|2f|5c|[01][0-9a-f]|7f|c2%[89][0-9a-f])/i;

/**
 * A local path that is safe to put in a Location header and means what it
 * says, or null: it starts with exactly one "/", is printable ASCII (no
 * spaces, control characters, non-ASCII text or backslashes), has no empty,
 * "." or ".." segment, no percent-encoded "/", "\\", "." or control
 * character in the path, no fragment, and is at most MAX_REDIRECT_LENGTH long.
 * A query string is kept. Nothing is rewritten: anything else is refused.
 */
export function plainLocalPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_REDIRECT_LENGTH) return null;
  if (!value.startsWith("/") || !PLAIN.test(value) || value.includes("#")) return null;
  const path = pathOf(value);
  if (ESCAPED_SEPARATOR_OR_CONTROL.test(path)) return null;
  const segments = path.slice(1).split("/");
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if ((segment === "" && !last) || segment === "." || segment === "..") return null;
  }
  return value;
}

function pathOf(plain: string): string {
  const queryAt = plain.indexOf("?");
  return queryAt === -1 ? plain : plain.slice(0, queryAt);
}

/** A label's address (/l/<assignmentId>, ADR 019): one segment after /l/. */
const LABEL_PATH = /^\/l\/[^/]+$/;

/** The roles a label's address serves (a worker to her log page, a coordinator to receiving). */
const LABEL_ROLES: readonly Role[] = ["worker", "coordinator"];

/**
 * Where to go after logging in: the requested page when it is a plain local
 * path (see plainLocalPath) inside this role's area or the shared account
 * page, or, for workers and coordinators, a label's /l/<id> (scanned before
 * logging in; that page checks who may see the assignment), else the role's
 * home. Never an absolute or protocol-relative URL (no open redirect), never a
 * path that leaves the area through dot segments.
 */
export function safeRedirect(role: Role, requested: string | null | undefined): string {
  const home = homePath(role);
  const plain = plainLocalPath(requested);
  if (!plain) return home;
  const path = pathOf(plain);
  if (path === home || path.startsWith(`${home}/`) || path === "/account") return plain;
  if (LABEL_ROLES.includes(role) && LABEL_PATH.test(path)) return plain;
  return home;
}

// ---------------------------------------------------------------------------
// Who may use each route. Every module in app/routes exports `access`, and
// tests/integration/access-matrix.test.ts calls each loader and action as
// every role to check that the code enforces what the declaration says.

export type RouteAccess = { readonly public: true } | { readonly roles: readonly Role[] };
