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

/**
 * Where to go after logging in: the requested page when it is a local path
 * inside this role's area (or the shared account page), else the role's home.
 * Never an absolute or protocol-relative URL (no open redirect).
 */
export function safeRedirect(role: Role, requested: string | null | undefined): string {
  const home = homePath(role);
  if (!requested || !requested.startsWith("/") || requested.startsWith("//") || requested.includes("\\")) return home;
  if (requested === home || requested.startsWith(`${home}/`) || requested === "/account") return requested;
  return home;
}
