// Login sessions. The signed cookie carries only a random session id; the row
// here says whose it is and until when, so logging out (or a password reset)
// ends a session everywhere at once.
import { randomBytes } from "node:crypto";
import { db } from "../infra/db.server.ts";

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
};

/** The user behind a live session, or null (unknown, expired, or user deactivated). */
export async function getSessionUser(sessionId: string, now: Date): Promise<SessionUser | null> {
  const session = await db().session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      user: {
        select: {
          id: true,
          name: true,
          phone: true,
          role: true,
          workshopId: true,
          partnerId: true,
          locale: true,
          active: true,
        },
      },
    },
  });
  if (!session || session.expiresAt <= now || !session.user.active) return null;
  return session.user;
}

export async function deleteSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

/** How long a once-only form key is remembered (a resend days later is a new submission). */
export const SUBMISSION_KEY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Housekeeping on each successful login: expired sessions, day-old throttle counters and week-old form keys go. */
export async function purgeStaleLoginData(now: Date): Promise<void> {
  await purgeExpiredSessions(now);
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
