// Accounts. Every function that reads or changes another person's account
// takes the acting user's workshop, and only finds accounts inside it.
import { scopeOf, type Role } from "../domain/access.ts";
import type { Locale } from "../i18n/locales.ts";
import { db, type Tx } from "../infra/db.server.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../infra/password.server.ts";
import { recordAudit } from "./audit.server.ts";
import { isUniqueViolation } from "./errors.server.ts";

/** Whether an account can be used at all: active, with the workshop or firm its role needs. */
export async function accountUsable(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, workshopId: true, partnerId: true, active: true },
  });
  return user !== null && scopeOf(user) !== null;
}

export type Created = { ok: true; id: string } | { ok: false; code: "phoneTaken" };

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

async function createAccount(
  tx: Tx,
  input: {
    role: Role;
    name: string;
    phone: string;
    passwordHash: string;
    workshopId: string | null;
    partnerId?: string | null;
  },
  actorId: string | null,
): Promise<string> {
  const user = await tx.user.create({
    data: {
      role: input.role,
      name: input.name,
      phone: input.phone,
      workshopId: input.workshopId,
      partnerId: input.partnerId ?? null,
      password: { create: { hash: input.passwordHash } },
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId,
    workshopId: input.workshopId,
    action: `user.create`,
    entityType: "User",
    entityId: user.id,
    after: { role: input.role, name: input.name, phone: input.phone, partnerId: input.partnerId ?? null },
  });
  return user.id;
}

async function createScopedAccount(
  input: { role: Role; name: string; phone: string; password: string; workshopId: string; partnerId?: string | null },
  actorId: string,
): Promise<Created> {
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await db().$transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { phone: input.phone }, select: { id: true } });
      if (taken) return null;
      return createAccount(tx, { ...input, passwordHash }, actorId);
    });
    return id ? { ok: true, id } : { ok: false, code: "phoneTaken" };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "phoneTaken" };
    throw error;
  }
}

/** A coordinator creates a worker in her workshop. */
export function createWorker(
  scope: { workshopId: string; userId: string },
  input: { name: string; phone: string; password: string },
): Promise<Created> {
  return createScopedAccount({ ...input, role: "worker", workshopId: scope.workshopId }, scope.userId);
}

/** An admin creates a coordinator for a workshop (which must exist). */
export async function createCoordinator(
  actorId: string,
  workshopId: string,
  input: { name: string; phone: string; password: string },
): Promise<Created | { ok: false; code: "notFound" }> {
  const workshop = await db().workshop.findUnique({ where: { id: workshopId }, select: { id: true } });
  if (!workshop) return { ok: false, code: "notFound" };
  return createScopedAccount({ ...input, role: "coordinator", workshopId }, actorId);
}

export type WorkerRow = { id: string; name: string; phone: string; active: boolean; createdAt: Date };

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
 * worker's sessions end. Returns false when no such worker is in the workshop.
 */
export async function resetWorkerPassword(
  scope: { workshopId: string; userId: string },
  workerId: string,
  password: string,
): Promise<boolean> {
  const hash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const worker = await tx.user.findFirst({
      where: { id: workerId, workshopId: scope.workshopId, role: "worker" },
      select: { id: true },
    });
    if (!worker) return false;
    await tx.password.upsert({ where: { userId: worker.id }, create: { userId: worker.id, hash }, update: { hash } });
    const { count } = await tx.session.deleteMany({ where: { userId: worker.id } });
    await recordAudit(tx, {
      actorId: scope.userId,
      workshopId: scope.workshopId,
      action: "user.password.reset",
      entityType: "User",
      entityId: worker.id,
      after: { passwordReset: true, sessionsEnded: count },
    });
    return true;
  });
}

/** The user changes her own password; her other sessions end. */
export async function changeOwnPassword(
  userId: string,
  currentSessionId: string,
  current: string,
  next: string,
): Promise<"changed" | "wrongCurrent"> {
  const row = await db().user.findUnique({
    where: { id: userId },
    select: { workshopId: true, password: { select: { hash: true } } },
  });
  if (!row?.password || !(await verifyPassword(current, row.password.hash))) return "wrongCurrent";
  const hash = await hashPassword(next);
  await db().$transaction(async (tx) => {
    await tx.password.update({ where: { userId }, data: { hash } });
    await tx.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
    await recordAudit(tx, {
      actorId: userId,
      workshopId: row.workshopId,
      action: "user.password.change",
      entityType: "User",
      entityId: userId,
      after: { passwordChanged: true },
    });
  });
  return "changed";
}

export async function setUserLocale(userId: string, locale: Locale): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}

export type Account = {
  name: string;
  phone: string;
  role: string;
  workshopName: string | null;
  partnerName: string | null;
};

export async function getAccount(userId: string): Promise<Account | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      phone: true,
      role: true,
      workshop: { select: { name: true } },
      partner: { select: { name: true } },
    },
  });
  if (!user) return null;
  return {
    name: user.name,
    phone: user.phone,
    role: user.role,
    workshopName: user.workshop?.name ?? null,
    partnerName: user.partner?.name ?? null,
  };
}

/**
 * A coordinator stops (or restores) a worker's or a partner's login in her
 * workshop. Stopping ends every session at once; nothing the account did is
 * removed. Returns false when no such account is in the workshop.
 */
export async function setAccountActive(
  scope: { workshopId: string; userId: string },
  accountId: string,
  roles: readonly ("worker" | "partner")[],
  active: boolean,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const account = await tx.user.findFirst({
      where: { id: accountId, workshopId: scope.workshopId, role: { in: [...roles] } },
      select: { id: true, active: true },
    });
    if (!account) return false;
    if (account.active === active) return true;
    await tx.user.update({ where: { id: account.id }, data: { active } });
    const ended = active ? 0 : (await tx.session.deleteMany({ where: { userId: account.id } })).count;
    await recordAudit(tx, {
      actorId: scope.userId,
      workshopId: scope.workshopId,
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: account.id,
      before: { active: account.active },
      after: { active, sessionsEnded: ended },
    });
    return true;
  });
}
