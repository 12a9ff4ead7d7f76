// Login throttling, per phone number and per client address (pure policy; the
// counters live in the LoginThrottle table, see app/models/login-throttle.server.ts).
//
// Per phone: 5 failures within 15 minutes lock that number for 15 minutes, so a
// guesser gets at most 5 tries per quarter hour per account. Per address: 30
// failures within 15 minutes lock the address, which slows one client trying
// many numbers. A correct password while locked is still refused. A success
// clears the phone's counter (not the address's).

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };
export type ThrottlePolicy = { maxFailures: number; windowMs: number; lockMs: number };

export const PHONE_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function lockRemainingMs(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** The state after one more failed attempt at `now`. */
export function afterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const stillLocked = state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
  const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : stillLocked;
  return {
    failures: failures >= policy.maxFailures ? 0 : failures,
    windowStartedAt: failures >= policy.maxFailures ? now : windowStartedAt,
    lockedUntil,
  };
}

/**
 * One login attempt, counted BEFORE the password is checked, so that a burst
 * of parallel guesses cannot all be checked while the slow hash runs: while the
 * key is locked the attempt is refused; otherwise it is counted (and may be the
 * one that sets the lock) and allowed. A success afterwards clears the count.
 */
export function beginAttempt(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy,
): { allowed: boolean; next: ThrottleState | null; retryAfterMs: number } {
  const remaining = lockRemainingMs(state, now);
  if (remaining > 0) return { allowed: false, next: state, retryAfterMs: remaining };
  return { allowed: true, next: afterFailure(state, now, policy), retryAfterMs: 0 };
}
