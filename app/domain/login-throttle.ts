// Password guessing limits (pure policy; the counters live in the
// LoginThrottle table, see app/models/login-throttle.server.ts; the why is in
// docs/decisions/011-login-throttling.md).
//
// A login attempt is judged by the counters it belongs to:
// - with a valid device cookie for the number (issued by an earlier successful
//   login of that number on this browser): only by that device's own counter;
//   no other counter can lock it out, so a stranger's guessing never keeps the
//   owner of a number out of her own phone;
// - without one (an "untrusted" attempt): by the (number, address) pair, which
//   stops one guesser quickly; by the number, a slower limit that stops
//   guessing spread over many addresses; and by the address, which slows one
//   client trying many numbers. One guesser of one number can reach neither
//   of the last two, so a correct password from another address (or a shared
//   address, for another number) still gets in.
// The password check on the account page has one counter per account.
//
// Every attempt is counted BEFORE the password is checked (beginAttempt), so
// a burst of parallel guesses cannot all be checked while the slow hash runs.
// A refused attempt is not counted. A success clears the counter that judged
// it (see the model).

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };
export type ThrottlePolicy = { maxFailures: number; windowMs: number; lockMs: number };

const MINUTE = 60_000;

export const POLICIES = {
  /** A browser holding a device cookie for the number: its owner mistyping. */
  device: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /** One number from one address, without a device cookie: one guesser. */
  pair: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /**
   * One number from every address together, without device cookies: guessing
   * spread over many addresses. Above what one address can reach under the
   * pair limit (at most 5 per pair window, windows at least 15 minutes apart:
   * 25 in any hour), so one guesser alone never trips it.
   */
  number: { maxFailures: 30, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE },
  /** One address, every number, without device cookies: one client trying many numbers. */
  address: { maxFailures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /** The current-password check on the account page, per account. */
  passwordCheck: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /**
   * Income-statement code lookups on the public verify page (ADR 027), per
   * client (addressKey: an IPv4 address, or an IPv6 /64): 30 misses in 15 min,
   * then locked 15 min. A code found gives its lookup back, so whoever checks
   * real statements is not slowed. 30, not 10: behind carrier-grade NAT many
   * families share one IPv4 address, and a few mistyped codes each must not
   * lock them all out. Enumeration stays hopeless: a code is 100 random bits
   * (2^100 ≈ 1.27e30 codes); with even 10^7 statements issued a guess hits one
   * with probability 10^7 / 2^100 ≈ 7.9e-24. One client gets at most 30 misses
   * a quarter hour, 2,880 a day, about 1.05e6 a year: 8.3e-18 statements found
   * a year. An attacker holding 2^32 IPv4 addresses and /64s together (far more
   * than any botnet or IPv6 allocation short of a whole ISP's /32) would find
   * 3.6e-8 a year, and no server answers 4.5e15 requests a year anyway.
   */
  verify: { maxFailures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
} as const satisfies Record<string, ThrottlePolicy>;

export type ThrottleKind = keyof typeof POLICIES;
export type Counter = { key: string; kind: ThrottleKind };

export type LoginAttempt = {
  phone: string;
  address: string;
  /** The id of a valid device cookie for this phone, or null. */
  deviceId: string | null;
};

/** The counters that judge one login attempt (see the top of this file). */
export function loginCounters(attempt: LoginAttempt): Counter[] {
  if (attempt.deviceId) return [{ key: `device:${attempt.deviceId}`, kind: "device" }];
  return [
    { key: `pair:${attempt.phone}@${attempt.address}`, kind: "pair" },
    { key: `number:${attempt.phone}`, kind: "number" },
    { key: `address:${attempt.address}`, kind: "address" },
  ];
}

/** The counter of the account page's current-password check. */
export function passwordCheckCounter(userId: string): Counter {
  return { key: `password-check:${userId}`, kind: "passwordCheck" };
}

/** The counter of the verify page's code lookups from one client (ADR 027): keyed by addressKey. */
export function verifyCounter(address: string): Counter {
  return { key: `verify:${addressKey(address)}`, kind: "verify" };
}

// ---------------------------------------------------------------------------
// Client keys: who a throttle counts an address as

const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

function ipv4Octets(text: string): number[] | null {
  const m = IPV4.exec(text);
  return m ? m.slice(1, 5).map((o) => Number.parseInt(o, 10)) : null;
}

/** The eight 16-bit groups of an IPv6 address ("::" compression and a dotted IPv4 tail allowed), or null. */
function ipv6Groups(text: string): number[] | null {
  let hex = text;
  const dotted = /^(.*:)([^:]*\.[^:]*)$/.exec(text);
  if (dotted) {
    const o = ipv4Octets(dotted[2]!);
    if (!o) return null;
    hex = `${dotted[1]}${((o[0]! << 8) | o[1]!).toString(16)}:${((o[2]! << 8) | o[3]!).toString(16)}`;
  }
  const halves = hex.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (part: string) => (part === "" ? [] : part.split(":"));
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  const all = [...head, ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  if (halves.length === 1 ? all.length !== 8 : all.length > 7) return null;
  const zeros = Array.from({ length: 8 - all.length }, () => "0");
  return [...head, ...zeros, ...tail].map((g) => Number.parseInt(g, 16));
}

/**
 * Who a throttle counts a client address as (the verify page's lookups, ADR 027):
 * - an IPv4 address as itself ("1.2.3.4"), also when it comes IPv4-mapped from a
 *   dual-stack socket ("::ffff:1.2.3.4", "::ffff:102:304");
 * - an IPv6 address by its /64 ("2001:db8:0:0::/64"): a household's router or a
 *   phone is given a whole /64 and may pick any address in it, so one client cannot
 *   dodge its count by rotating addresses; written in one form whatever the input's
 *   (case, leading zeros, "::" compression; a zone id like "%eth0" is dropped);
 * - anything else (no address, "unknown" behind a proxy without TRUST_PROXY,
 *   garbage) as "unknown", one shared count: what cannot be told apart is not given
 *   a count of its own.
 */
export function addressKey(address: string): string {
  const text = address
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/%.*$/, "");
  if (ipv4Octets(text)) return text;
  const g = text.includes(":") ? ipv6Groups(text) : null;
  if (!g) return "unknown";
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    return [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255].join(".");
  }
  return `${g
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(":")}::/64`;
}

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
 * One attempt on one counter, counted before the password is checked: while
 * the counter is locked the attempt is refused; otherwise it is counted (and
 * may be the one that sets the lock) and allowed.
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

export type Gate = { allowed: true } | { allowed: false; retryAfterMs: number; kind: ThrottleKind };

/**
 * One attempt judged by several counters: allowed only when no counter is
 * locked, and then counted on every one of them; refused (and counted on
 * none) otherwise, naming the counter that keeps it waiting longest.
 */
export function judgeAttempt(
  states: { counter: Counter; state: ThrottleState | null }[],
  now: Date,
): { gate: Gate; next: { key: string; state: ThrottleState }[] } {
  let longest: { retryAfterMs: number; kind: ThrottleKind } | null = null;
  const next: { key: string; state: ThrottleState }[] = [];
  for (const { counter, state } of states) {
    const decision = beginAttempt(state, now, POLICIES[counter.kind]);
    if (!decision.allowed && (!longest || decision.retryAfterMs > longest.retryAfterMs)) {
      longest = { retryAfterMs: decision.retryAfterMs, kind: counter.kind };
    }
    if (decision.next) next.push({ key: counter.key, state: decision.next });
  }
  if (longest) return { gate: { allowed: false, ...longest }, next: [] };
  return { gate: { allowed: true }, next };
}

// ---------------------------------------------------------------------------
// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device
// Cookies"). After a successful login the browser gets a signed cookie naming
// the number and a random id; the list holds a few numbers (a phone shared in
// a family). The signature is the server's (app/utils/session.server.ts); here
// only what a token says is judged.

export type DeviceToken = { phone: string; id: string; issuedAt: number };

export const DEVICE_TOKEN_TTL_MS = 365 * 24 * 60 * MINUTE;
export const MAX_DEVICE_TOKENS = 5;

function isDeviceToken(value: unknown): value is DeviceToken {
  const t = value as Partial<DeviceToken> | null;
  return (
    typeof t === "object" &&
    t !== null &&
    typeof t.phone === "string" &&
    typeof t.id === "string" &&
    t.id.length > 0 &&
    typeof t.issuedAt === "number" &&
    Number.isFinite(t.issuedAt)
  );
}

/** The unexpired tokens in a parsed cookie value (anything else is dropped). */
export function liveDeviceTokens(value: unknown, now: Date): DeviceToken[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isDeviceToken)
    .filter((t) => t.issuedAt <= now.getTime() && now.getTime() - t.issuedAt < DEVICE_TOKEN_TTL_MS)
    .slice(0, MAX_DEVICE_TOKENS);
}

/** The device id this browser holds for `phone`, or null (an untrusted attempt). */
export function deviceIdFor(tokens: DeviceToken[], phone: string): string | null {
  return tokens.find((t) => t.phone === phone)?.id ?? null;
}

/** The token list after a successful login: this number's new token first, the others kept, at most MAX_DEVICE_TOKENS. */
export function withDeviceToken(tokens: DeviceToken[], token: DeviceToken): DeviceToken[] {
  return [token, ...tokens.filter((t) => t.phone !== token.phone)].slice(0, MAX_DEVICE_TOKENS);
}
