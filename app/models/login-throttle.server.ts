// Password guessing counters (policy in app/domain/login-throttle.ts, ADR 011).
// Each attempt is counted before the password is verified, under a row lock
// per counter, so parallel guesses are counted one by one on PostgreSQL too.
import {
  judgeAttempt,
  loginCounters,
  passwordCheckCounter,
  verifyCounter,
  type Counter,
  type Gate,
  type LoginAttempt,
} from "../domain/login-throttle.ts";
import { db, type Tx } from "../infra/db.server.ts";
import { isUniqueViolation } from "./errors.server.ts";

function isWriteLockRefused(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Operation has timed out|SQLITE_BUSY|database is locked/.test(message);
}

async function lockedRow(tx: Tx, key: string, now: Date) {
  // Create the counter if missing, then take its row lock with a no-op update,
  // so that the read below sees every attempt counted before ours.
  await tx.loginThrottle.upsert({ where: { key }, create: { key, failures: 0, windowStartedAt: now }, update: {} });
  await tx.loginThrottle.updateMany({ where: { key }, data: { failures: { increment: 0 } } });
  return tx.loginThrottle.findUniqueOrThrow({ where: { key } });
}

/**
 * Counts one attempt on every counter, or on none when one of them is locked.
 * Rows are locked in key order, so two attempts sharing counters (the same
 * number from two addresses, two numbers from one address) cannot deadlock.
 */
async function beginAttempt(counters: Counter[], now: Date): Promise<Gate> {
  const ordered = [...counters].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let attempt = 0; ; attempt++) {
    try {
      return await db().$transaction(async (tx) => {
        const states = [];
        for (const counter of ordered) states.push({ counter, state: await lockedRow(tx, counter.key, now) });
        const { gate, next } = judgeAttempt(states, now);
        for (const { key, state } of next) await tx.loginThrottle.update({ where: { key }, data: state });
        return gate;
      });
    } catch (error) {
      // Two first attempts for a new key at once: one insert loses; the row exists now.
      if (isUniqueViolation(error) && attempt < 3) continue;
      // SQLite: a transaction that read first cannot take the write lock while another process writes;
      // it is refused at once (no wait), seen as a timeout. Nothing was counted: try again shortly.
      if (isWriteLockRefused(error) && attempt < 8) {
        await new Promise((resolve) => setTimeout(resolve, 25 * (attempt + 1)));
        continue;
      }
      throw error;
    }
  }
}

/** Counts one login attempt; `allowed` means it may go on to the password check. */
export function beginLoginAttempt(attempt: LoginAttempt, now: Date): Promise<Gate> {
  return beginAttempt(loginCounters(attempt), now);
}

/**
 * A correct password. The counter that judged the attempt starts over: the
 * device's, or the (number, address) pair's. The number and the address get
 * back the one attempt this login was counted as, no more: the owner logging
 * in must not hand a distributed guesser a fresh allowance.
 */
export async function recordLoginSuccess(attempt: LoginAttempt): Promise<void> {
  const counters = loginCounters(attempt);
  const cleared = counters.filter((c) => c.kind === "device" || c.kind === "pair").map((c) => c.key);
  const returned = counters.filter((c) => c.kind === "number" || c.kind === "address").map((c) => c.key);
  await db().$transaction(async (tx) => {
    await tx.loginThrottle.deleteMany({ where: { key: { in: cleared } } });
    await tx.loginThrottle.updateMany({
      where: { key: { in: returned }, failures: { gt: 0 } },
      data: { failures: { decrement: 1 } },
    });
  });
}

/** Counts one current-password check on the account page (per account). */
export function beginPasswordCheck(userId: string, now: Date): Promise<Gate> {
  return beginAttempt([passwordCheckCounter(userId)], now);
}

/** The right current password: the account's check counter starts over. */
export async function recordPasswordCheckSuccess(userId: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key: passwordCheckCounter(userId).key } });
}

/** Counts one code lookup on the verify page from this client (its address's key, ADR 027), before the lookup. */
export function beginVerifyLookup(address: string, now: Date): Promise<Gate> {
  return beginAttempt([verifyCounter(address)], now);
}

/** A code that was found: its lookup is given back (only misses use up the client's allowance). */
export async function recordVerifyHit(address: string): Promise<void> {
  await db().loginThrottle.updateMany({
    where: { key: verifyCounter(address).key, failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
}
