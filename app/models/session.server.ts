// Login sessions. The signed cookie carries only a random session id; the row
// here says whose it is and until when, so logging out (or a password reset)
// ends a session everywhere at once.
import { randomBytes } from "node:crypto";
import { booleanOf, dateOf, db, Prisma, readRows, textOf, textOrNull } from "../infra/db.server.ts";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export async function createSession(userId: string, now: Date): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db().session.create({ data: { id, userId, expiresAt } });
  return { id, expiresAt };
}

export type SessionUser = {
  id: string;
  name: string;
  phone: string;
  role: string;
  workshopId: string | null;
  partnerId: string | null;
  locale: string;
  active: boolean;
  /** The names of her workshop and firm, for the pages that show who she is (null when she has none). */
  workshopName: string | null;
  partnerName: string | null;
  /** She still has an import's printed initial password: every page but her account sends her to choose her own. */
  mustChangePassword: boolean;
};

export type SessionRow = { expiresAt: Date; user: SessionUser };

/**
 * A session and its user, whatever their state (expired, deactivated), with the
 * names of the user's workshop and firm: one query by primary keys. It runs on
 * every signed-in request, so it is a hot read (readRows: about 0.06 ms of CPU,
 * where the same lookup through the Prisma client took over 1 ms;
 * docs/decisions/015-worker-page-weight-and-speed.md).
 */
export async function readSession(sessionId: string): Promise<SessionRow | null> {
  const [row] = await readRows(Prisma.sql`
    SELECT s."expiresAt", u."id", u."name", u."phone", u."role", u."workshopId", u."partnerId", u."locale",
      u."active", w."name" AS "workshopName", p."name" AS "partnerName", iw."initialPassword"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      LEFT JOIN "Workshop" w ON w."id" = u."workshopId"
      LEFT JOIN "Partner" p ON p."id" = u."partnerId"
      LEFT JOIN "ImportedWorker" iw ON iw."userId" = u."id"
    WHERE s."id" = ${sessionId}`);
  if (!row) return null;
  return {
    expiresAt: dateOf(row.expiresAt),
    user: {
      id: textOf(row.id),
      name: textOf(row.name),
      phone: textOf(row.phone),
      role: textOf(row.role),
      workshopId: textOrNull(row.workshopId),
      partnerId: textOrNull(row.partnerId),
      locale: textOf(row.locale),
      active: booleanOf(row.active),
      workshopName: textOrNull(row.workshopName),
      partnerName: textOrNull(row.partnerName),
      mustChangePassword: row.initialPassword !== null && booleanOf(row.initialPassword),
    },
  };
}

/** Whether a session row is still good at `now` (not expired, user active). */
export function isLive(row: SessionRow | null, now: Date): row is SessionRow {
  return row !== null && row.expiresAt > now && row.user.active;
}

/** The user behind a live session, or null (unknown, expired, or user deactivated). */
export async function getSessionUser(sessionId: string, now: Date): Promise<SessionUser | null> {
  const row = await readSession(sessionId);
  return isLive(row, now) ? row.user : null;
}

export async function deleteSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

/** How long a once-only form key is remembered (a resend days later is a new submission). */
export const SUBMISSION_KEY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Housekeeping on each successful login: expired sessions, day-old throttle counters, week-old form keys and
 * worker imports past their time (staged sheets, unopened password sheets: ADR 025) go.
 */
export async function purgeStaleLoginData(now: Date): Promise<void> {
  await purgeExpiredSessions(now);
  await db().workerImport.deleteMany({ where: { expiresAt: { lte: now } } });
  await db().formSubmission.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - SUBMISSION_KEY_TTL_MS) } },
  });
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await db().loginThrottle.deleteMany({
    where: { windowStartedAt: { lt: dayAgo }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
}

/** Deletes expired sessions; returns how many. */
export async function purgeExpiredSessions(now: Date): Promise<number> {
  const { count } = await db().session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
