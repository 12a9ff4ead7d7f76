// Accounts. Every function that reads or changes another person's account
// takes the acting user's workshop, and only finds accounts inside it.
import { scopeOf, type Actor, type Role } from "../domain/access.ts";
import { toLocale, type Locale } from "../i18n/locales.ts";
import { db } from "../infra/db.server.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../infra/password.server.ts";
import { recordAudit } from "./audit.server.ts";
import { takenOnConflict } from "./errors.server.ts";
import { fail, ok, type Result } from "./result.ts";
import { clearInitialPassword } from "./worker-import.server.ts";

/** Whether an account can be used at all: active, with the workshop or firm its role needs. */
export async function accountUsable(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, workshopId: true, partnerId: true, active: true },
  });
  return user !== null && scopeOf(user) !== null;
}

/** The account id when phone and password match an active account, else null. Constant work either way. */
export async function authenticate(phone: string, password: string): Promise<{ id: string; role: string } | null> {
  const user = await db().user.findUnique({
    where: { phone },
    select: { id: true, role: true, active: true, password: { select: { hash: true } } },
  });
  const hash = user?.password?.hash ?? (await dummyPasswordHash());
  const matches = await verifyPassword(password, hash);
  return user && user.active && user.password && matches ? { id: user.id, role: user.role } : null;
}

/**
 * Creates a login: in the acting workshop (`by.workshopId`) a worker or
 * coordinator, or a partner firm's account (`partnerId`: the firm must be the
 * workshop's, else notFound); with no workshop, an admin. phoneTaken: the
 * number already has an account (also when a concurrent request takes it
 * first). `source` names where an account made outside the app came from (the
 * admin:create command), for the audit trail.
 */
export async function createAccount(
  by: { userId: string | null; workshopId: string | null },
  input: { role: Role; name: string; phone: string; password: string; partnerId?: string; source?: string },
): Promise<Result<{ id: string }, "phoneTaken" | "notFound">> {
  const hash = await hashPassword(input.password);
  const partnerId = input.partnerId ?? null;
  return takenOnConflict("phoneTaken", () =>
    db().$transaction(async (tx) => {
      if (partnerId !== null) {
        const partner = await tx.partner.findFirst({
          where: { id: partnerId, workshopId: by.workshopId ?? "" },
          select: { id: true },
        });
        if (!partner) return fail("notFound");
      }
      if (await tx.user.findUnique({ where: { phone: input.phone }, select: { id: true } })) return fail("phoneTaken");
      const user = await tx.user.create({
        data: {
          role: input.role,
          name: input.name,
          phone: input.phone,
          workshopId: by.workshopId,
          partnerId,
          password: { create: { hash } },
        },
        select: { id: true },
      });
      await recordAudit(tx, by, {
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: {
          role: input.role,
          name: input.name,
          phone: input.phone,
          partnerId,
          ...(input.source ? { source: input.source } : {}),
        },
      });
      return ok({ id: user.id });
    }),
  );
}

/**
 * An admin account made from the command line (`npm run admin:create`), which
 * is how the first admin of a production database comes to exist: no acting
 * user, and the audit event names the command as its source.
 */
export function createAdmin(input: { name: string; phone: string; password: string }) {
  return createAccount({ userId: null, workshopId: null }, { ...input, role: "admin", source: "npm run admin:create" });
}

/** A coordinator creates a worker in her workshop. */
export function createWorker(actor: Actor, input: { name: string; phone: string; password: string }) {
  return createAccount(actor, { ...input, role: "worker" });
}

/** An admin creates a coordinator for a workshop (`actor.workshopId`, which must exist). */
export async function createCoordinator(
  actor: Actor,
  input: { name: string; phone: string; password: string },
): Promise<Result<{ id: string }, "phoneTaken" | "notFound">> {
  const workshop = await db().workshop.findUnique({ where: { id: actor.workshopId }, select: { id: true } });
  if (!workshop) return fail("notFound");
  return createAccount(actor, { ...input, role: "coordinator" });
}

export type WorkerRow = { id: string; name: string; phone: string; active: boolean; createdAt: Date };

/** How many workers one page of the workers list shows. */
export const WORKERS_PAGE_SIZE = 50;

/**
 * One page of the workshop's workers, oldest first, optionally those whose name or phone holds
 * `query` (a name part, or digits of the number); the page is clamped to the last one.
 */
export async function findWorkers(
  workshopId: string,
  query: string,
  page: number,
): Promise<{ rows: WorkerRow[]; total: number; page: number; pages: number }> {
  const digits = query.replace(/\D/g, "");
  const where = {
    workshopId,
    role: "worker",
    ...(query === ""
      ? {}
      : { OR: [{ name: { contains: query } }, ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : [])] }),
  };
  const total = await db().user.count({ where });
  const pages = Math.max(1, Math.ceil(total / WORKERS_PAGE_SIZE));
  const at = Math.min(Math.max(1, page), pages);
  const rows = await db().user.findMany({
    where,
    select: { id: true, name: true, phone: true, active: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (at - 1) * WORKERS_PAGE_SIZE,
    take: WORKERS_PAGE_SIZE,
  });
  return { rows, total, page: at, pages };
}

export function listWorkers(workshopId: string): Promise<WorkerRow[]> {
  return db().user.findMany({
    where: { workshopId, role: "worker" },
    select: { id: true, name: true, phone: true, active: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** One worker of this workshop, or null (also for another workshop's worker). */
export function getWorker(workshopId: string, workerId: string): Promise<WorkerRow | null> {
  return db().user.findFirst({
    where: { id: workerId, workshopId, role: "worker" },
    select: { id: true, name: true, phone: true, active: true, createdAt: true },
  });
}

/**
 * A coordinator sets a new password for a worker of her workshop. All of the
 * worker's sessions end. notFound: no such worker in the workshop.
 */
export async function resetWorkerPassword(
  actor: Actor,
  workerId: string,
  password: string,
): Promise<Result<object, "notFound">> {
  const hash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const worker = await tx.user.findFirst({
      where: { id: workerId, workshopId: actor.workshopId, role: "worker" },
      select: { id: true },
    });
    if (!worker) return fail("notFound");
    await tx.password.upsert({ where: { userId: worker.id }, create: { userId: worker.id, hash }, update: { hash } });
    // The coordinator's new password replaces an import's printed one (which may have expired).
    await clearInitialPassword(tx, worker.id);
    const { count } = await tx.session.deleteMany({ where: { userId: worker.id } });
    await recordAudit(tx, actor, {
      action: "user.password.reset",
      entityType: "User",
      entityId: worker.id,
      after: { passwordReset: true, sessionsEnded: count },
    });
    return ok();
  });
}

/** The user changes her own password; her other sessions end. */
export async function changeOwnPassword(
  userId: string,
  currentSessionId: string,
  current: string,
  next: string,
): Promise<Result<object, "wrongCurrent" | "samePassword">> {
  const row = await db().user.findUnique({
    where: { id: userId },
    select: { workshopId: true, password: { select: { hash: true } } },
  });
  if (!row?.password || !(await verifyPassword(current, row.password.hash))) return fail("wrongCurrent");
  // Her own password is a new one: an import's printed slip kept as "her own" would never expire.
  if (next.normalize("NFKC") === current.normalize("NFKC")) return fail("samePassword");
  const hash = await hashPassword(next);
  await db().$transaction(async (tx) => {
    await tx.password.update({ where: { userId }, data: { hash } });
    await clearInitialPassword(tx, userId);
    await tx.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
    await recordAudit(
      tx,
      { userId, workshopId: row.workshopId },
      { action: "user.password.change", entityType: "User", entityId: userId, after: { passwordChanged: true } },
    );
  });
  return ok();
}

export async function setUserLocale(userId: string, locale: Locale): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}

/**
 * The language a person gets when she logs in: the one she picked on the login
 * page, which is then stored on her account; when she picked none there, the
 * one stored on her account.
 */
export async function loginLocale(userId: string, picked: Locale | undefined): Promise<Locale> {
  if (picked) {
    await setUserLocale(userId, picked);
    return picked;
  }
  const user = await db().user.findUnique({ where: { id: userId }, select: { locale: true } });
  return toLocale(user?.locale);
}

/**
 * A coordinator stops (or restores) a worker's or a partner's login in her
 * workshop. Stopping ends every session at once; nothing the account did is
 * removed. notFound: no such account (of these roles) in the workshop.
 */
export function setAccountActive(
  actor: Actor,
  accountId: string,
  roles: readonly ("worker" | "partner")[],
  active: boolean,
): Promise<Result<object, "notFound">> {
  return db().$transaction(async (tx) => {
    const account = await tx.user.findFirst({
      where: { id: accountId, workshopId: actor.workshopId, role: { in: [...roles] } },
      select: { id: true, active: true },
    });
    if (!account) return fail("notFound");
    if (account.active === active) return ok();
    await tx.user.update({ where: { id: account.id }, data: { active } });
    const ended = active ? 0 : (await tx.session.deleteMany({ where: { userId: account.id } })).count;
    await recordAudit(tx, actor, {
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: account.id,
      before: { active: account.active },
      after: { active, sessionsEnded: ended },
    });
    return ok();
  });
}
