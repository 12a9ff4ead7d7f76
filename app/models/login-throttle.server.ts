// Login throttling counters (policy in app/domain/login-throttle.ts). Each
// attempt is counted before the password is verified, under a row lock per
// key, so parallel guesses are counted one by one on PostgreSQL too.
import {
  ADDRESS_POLICY,
  PHONE_POLICY,
  beginAttempt,
  lockRemainingMs,
  type ThrottlePolicy,
} from "../domain/login-throttle.ts";
import { db, type Tx } from "../infra/db.server.ts";
import { isUniqueViolation } from "./errors.server.ts";

function keys(phone: string, address: string): { key: string; policy: ThrottlePolicy }[] {
  return [
    { key: `phone:${phone}`, policy: PHONE_POLICY },
    { key: `addr:${address}`, policy: ADDRESS_POLICY },
  ];
}

/** Milliseconds until this phone/address may try again (0 = now). */
export async function loginLockRemaining(phone: string, address: string, now: Date): Promise<number> {
  const rows = await db().loginThrottle.findMany({ where: { key: { in: keys(phone, address).map((k) => k.key) } } });
  return Math.max(0, ...rows.map((r) => lockRemainingMs(r, now)));
}

async function lockedRow(tx: Tx, key: string, now: Date) {
  // Create the counter if missing, then take its row lock with a no-op update,
  // so that the read below sees every attempt counted before ours.
  await tx.loginThrottle.upsert({ where: { key }, create: { key, failures: 0, windowStartedAt: now }, update: {} });
  await tx.loginThrottle.updateMany({ where: { key }, data: { failures: { increment: 0 } } });
  return tx.loginThrottle.findUniqueOrThrow({ where: { key } });
}

/**
 * Counts one attempt for the phone and the address. Returns 0 when the attempt
 * may go on to the password check, or the milliseconds until it may try again.
 */
export async function beginLoginAttempt(phone: string, address: string, now: Date): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db().$transaction(async (tx) => {
        let wait = 0;
        const decisions = [];
        for (const { key, policy } of keys(phone, address)) {
          const row = await lockedRow(tx, key, now);
          const decision = beginAttempt(row, now, policy);
          wait = Math.max(wait, decision.retryAfterMs);
          decisions.push({ key, decision });
        }
        // Count the attempt only when it is allowed on both keys (a refused one costs nothing).
        if (wait === 0) {
          for (const { key, decision } of decisions) {
            if (decision.next) await tx.loginThrottle.update({ where: { key }, data: decision.next });
          }
        }
        return wait;
      });
    } catch (error) {
      // Two first attempts for a new key at once: one insert loses; the row exists now.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/** A correct password: the phone's count starts over, and the address gets its attempt back. */
export async function recordLoginSuccess(phone: string, address: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.loginThrottle.deleteMany({ where: { key: `phone:${phone}` } });
    await tx.loginThrottle.updateMany({
      where: { key: `addr:${address}`, failures: { gt: 0 } },
      data: { failures: { decrement: 1 } },
    });
  });
}
