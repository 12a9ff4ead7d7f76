// Password guessing limits, pure (app/domain/login-throttle.ts, ADR 011):
// which counters judge an attempt, how a counter locks and unlocks, device
// tokens, and properties against a simulation: one guesser at one address can
// never lock a number for everybody, two can, and nobody gets more checks
// than the limits allow.
import fc from "fast-check";
import { expect, test } from "vitest";
import {
  DEVICE_TOKEN_TTL_MS,
  MAX_DEVICE_TOKENS,
  POLICIES,
  addressKey,
  afterFailure,
  deviceIdFor,
  judgeAttempt,
  liveDeviceTokens,
  loginCounters,
  passwordCheckCounter,
  withDeviceToken,
  type Counter,
  type DeviceToken,
  type ThrottleState,
} from "../../app/domain/login-throttle.ts";

const MINUTE = 60_000;
const T0 = new Date("2026-03-10T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

test.each([
  [
    "without a device cookie: the pair, the number and the address",
    { phone: "13800000011", address: "10.0.0.1", deviceId: null },
    [
      { key: "pair:13800000011@10.0.0.1", kind: "pair" },
      { key: "number:13800000011", kind: "number" },
      { key: "address:10.0.0.1", kind: "address" },
    ],
  ],
  [
    "with a device cookie for the number: that device only",
    { phone: "13800000011", address: "10.0.0.1", deviceId: "dev-1" },
    [{ key: "device:dev-1", kind: "device" }],
  ],
] as const)("an attempt %s", (_what, attempt, expected) => {
  expect(loginCounters(attempt)).toEqual(expected);
});

test("the account page's password check has one counter per account", () => {
  expect(passwordCheckCounter("u1")).toEqual({ key: "password-check:u1", kind: "passwordCheck" });
  expect(passwordCheckCounter("u2").key).not.toBe(passwordCheckCounter("u1").key);
});

test.each([
  ["pair", 5, 15, 15],
  ["device", 5, 15, 15],
  ["number", 30, 60, 60],
  ["address", 30, 15, 15],
  ["passwordCheck", 5, 15, 15],
] as const)("the %s limit: %i failures within %i minutes lock it for %i minutes", (kind, max, window, lock) => {
  expect(POLICIES[kind]).toEqual({ maxFailures: max, windowMs: window * MINUTE, lockMs: lock * MINUTE });
});

test("a counter locks on its Nth failure in the window, for lockMs, then starts a new window", () => {
  const policy = POLICIES.pair;
  let state: ThrottleState | null = null;
  for (let i = 1; i <= 4; i++) {
    state = afterFailure(state, at(i), policy);
    expect(state).toEqual({ failures: i, windowStartedAt: at(1), lockedUntil: null });
  }
  state = afterFailure(state, at(5), policy);
  expect(state).toEqual({ failures: 0, windowStartedAt: at(5), lockedUntil: at(20) });
  // After the lock: a new window.
  expect(afterFailure(state, at(20), policy)).toEqual({ failures: 1, windowStartedAt: at(20), lockedUntil: null });
});

test("failures spread wider than the window never lock", () => {
  let state: ThrottleState | null = null;
  for (let i = 0; i < 40; i++) state = afterFailure(state, at(i * 4), POLICIES.pair);
  expect(state?.lockedUntil).toBeNull();
});

test("judgeAttempt counts on every counter when none is locked, on none when one is, and names the longest wait", () => {
  const counters: Counter[] = [
    { key: "pair:p@a", kind: "pair" },
    { key: "number:p", kind: "number" },
  ];
  const open = judgeAttempt(
    counters.map((counter) => ({ counter, state: null })),
    T0,
  );
  expect(open.gate).toEqual({ allowed: true });
  expect(open.next.map((n) => [n.key, n.state.failures])).toEqual([
    ["pair:p@a", 1],
    ["number:p", 1],
  ]);

  const locked = judgeAttempt(
    [
      { counter: counters[0]!, state: { failures: 0, windowStartedAt: T0, lockedUntil: at(10) } },
      { counter: counters[1]!, state: { failures: 0, windowStartedAt: T0, lockedUntil: at(45) } },
    ],
    T0,
  );
  expect(locked.gate).toEqual({ allowed: false, retryAfterMs: 45 * MINUTE, kind: "number" });
  expect(locked.next).toEqual([]);
});

// ---------------------------------------------------------------------------
// Simulations against the real policy

type World = Map<string, ThrottleState>;

function attempt(world: World, counters: Counter[], now: Date): boolean {
  const { gate, next } = judgeAttempt(
    counters.map((counter) => ({ counter, state: world.get(counter.key) ?? null })),
    now,
  );
  for (const { key, state } of next) world.set(key, state);
  return gate.allowed;
}

const VICTIM = "13800000011";
function probe(world: World, counters: Counter[], now: Date) {
  return judgeAttempt(
    counters.map((counter) => ({ counter, state: world.get(counter.key) ?? null })),
    now,
  ).gate;
}

// A guesser who reads the 429 and comes back the moment the lock ends,
// sometimes pausing a little or a lot. Never pausing is the fastest one
// address can guess (20 checks an hour: a limit of 20 fails on that example).
const pauses = fc.array(
  fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 20 * MINUTE })),
  { minLength: 1, maxLength: 400 },
);

test("property: one guesser at one address, at any pace, never locks the number for the owner at another address", () => {
  fc.assert(
    fc.property(pauses, (steps) => {
      const world: World = new Map();
      const stranger = loginCounters({ phone: VICTIM, address: "6.6.6.6", deviceId: null });
      const owner = loginCounters({ phone: VICTIM, address: "10.0.0.2", deviceId: null });
      let now = T0.getTime();
      for (const pause of steps) {
        now += pause;
        const gate = probe(world, stranger, new Date(now));
        if (!gate.allowed) now += gate.retryAfterMs;
        expect(attempt(world, stranger, new Date(now))).toBe(true);
        // The owner, from home, with no failures there, is never refused (probed without counting).
        expect(probe(world, owner, new Date(now)).allowed).toBe(true);
      }
    }),
    { numRuns: 300, examples: [[Array.from({ length: 200 }, () => 0)]] },
  );
});

test("property: guesses at one number from many addresses get at most 30 checks per hour (two windows at most in any 60 minutes)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * MINUTE }), fc.integer({ min: 0, max: 50 })), {
        minLength: 1,
        maxLength: 500,
      }),
      (steps) => {
        const world: World = new Map();
        let now = T0.getTime();
        const checked: number[] = [];
        for (const [gap, addressNo] of steps) {
          now += gap;
          const counters = loginCounters({ phone: VICTIM, address: `10.1.0.${addressNo}`, deviceId: null });
          if (attempt(world, counters, new Date(now))) checked.push(now);
        }
        // The counter's windows follow one another (a window, or its lock, lasts an hour), so any
        // 60 minutes overlap at most two of them: never more than 2 x 30 checked guesses.
        for (const [i, t] of checked.entries()) {
          const within = checked.slice(i).filter((u) => u < t + 60 * MINUTE).length;
          expect(within).toBeLessThanOrEqual(2 * POLICIES.number.maxFailures);
        }
        // And over the whole run no more than 30 per started hour, plus one window.
        const hours = Math.ceil((now - T0.getTime() + 1) / (60 * MINUTE));
        expect(checked.length).toBeLessThanOrEqual(POLICIES.number.maxFailures * (hours + 1));
      },
    ),
    { numRuns: 200 },
  );
});

test("two guessers at two addresses, guessing as fast as allowed, do lock the number (the global limit is reachable)", () => {
  const world: World = new Map();
  let lockedAt: number | null = null;
  for (let minute = 0; minute < 60 && lockedAt === null; minute++) {
    for (const address of ["6.6.6.6", "7.7.7.7"]) {
      for (let i = 0; i < 5; i++) {
        attempt(world, loginCounters({ phone: VICTIM, address, deviceId: null }), at(minute));
      }
    }
    if ((world.get(`number:${VICTIM}`)?.lockedUntil ?? null) !== null) lockedAt = minute;
  }
  expect(lockedAt).not.toBeNull();
  expect(lockedAt).toBeLessThan(60);
  // Untrusted attempts from anywhere are refused now; the owner's device is not.
  const now = at(lockedAt ?? 0);
  expect(attempt(world, loginCounters({ phone: VICTIM, address: "10.0.0.2", deviceId: null }), now)).toBe(false);
  expect(attempt(world, loginCounters({ phone: VICTIM, address: "10.0.0.2", deviceId: "hers" }), now)).toBe(true);
});

// ---------------------------------------------------------------------------
// Device tokens

const token = (phone: string, id: string, issuedAt = T0.getTime()): DeviceToken => ({ phone, id, issuedAt });

test("only well-formed, unexpired tokens are live; anything else in the cookie is dropped", () => {
  const good = token("13800000011", "a");
  const old = token("13800000012", "b", T0.getTime() - DEVICE_TOKEN_TTL_MS);
  const future = token("13800000013", "c", T0.getTime() + MINUTE);
  const junk = [null, "x", { phone: 1, id: "d", issuedAt: 0 }, { phone: "1", id: "", issuedAt: 0 }, { phone: "1" }];
  expect(liveDeviceTokens([good, old, future, ...junk], T0)).toEqual([good]);
  expect(liveDeviceTokens("not a list", T0)).toEqual([]);
  expect(liveDeviceTokens(null, T0)).toEqual([]);
});

test("a device id is found only for the number it was issued for", () => {
  const tokens = [token("13800000011", "a"), token("13800000012", "b")];
  expect(deviceIdFor(tokens, "13800000012")).toBe("b");
  expect(deviceIdFor(tokens, "13800000013")).toBeNull();
});

test("a new token replaces the number's old one, goes first, and the list keeps at most 5 numbers", () => {
  const tokens = Array.from({ length: MAX_DEVICE_TOKENS }, (_, i) => token(`1380000001${i}`, `old-${i}`));
  const updated = withDeviceToken(tokens, token("13800000012", "new"));
  expect(updated.map((t) => t.id)).toEqual(["new", "old-0", "old-1", "old-3", "old-4"]);
  const added = withDeviceToken(tokens, token("13900000000", "other"));
  expect(added).toHaveLength(MAX_DEVICE_TOKENS);
  expect(added[0]?.id).toBe("other");
  expect(added.map((t) => t.id)).not.toContain("old-4");
});

// ---------------------------------------------------------------------------
// Client keys (the verify page's throttle, ADR 027)

test.each([
  ["IPv4", "203.0.113.7", "203.0.113.7"],
  ["IPv4 with spaces around", " 10.0.0.1 ", "10.0.0.1"],
  ["IPv4-mapped IPv6 (a dual-stack socket)", "::ffff:203.0.113.7", "203.0.113.7"],
  ["IPv4-mapped IPv6 in capitals", "::FFFF:203.0.113.7", "203.0.113.7"],
  ["IPv4-mapped IPv6 written in hex", "::ffff:cb00:7107", "203.0.113.7"],
  ["IPv4-mapped IPv6 written in full", "0:0:0:0:0:ffff:203.0.113.7", "203.0.113.7"],
  ["IPv4-mapped IPv6 in brackets", "[::ffff:203.0.113.7]", "203.0.113.7"],
  ["full IPv6", "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8:0:0::/64"],
  ["compressed IPv6", "2001:db8::1", "2001:db8:0:0::/64"],
  ["another address of the same /64", "2001:db8:0:0:ffff::2", "2001:db8:0:0::/64"],
  ["the same /64 in capitals with leading zeros", "2001:0DB8:0000:0000:1234:5678:9ABC:DEF0", "2001:db8:0:0::/64"],
  ["a neighbouring /64", "2001:db8:0:1::1", "2001:db8:0:1::/64"],
  ["a phone's /64", "240e:3b7:3272:d8d0:a1b2:c3d4:e5f6:789", "240e:3b7:3272:d8d0::/64"],
  ["IPv6 with a zone id", "fe80::1%eth0", "fe80:0:0:0::/64"],
  ["IPv6 with a zone id, in brackets", "[fe80::abcd%25]", "fe80:0:0:0::/64"],
  ["IPv6 with a dotted tail that is not mapped", "64:ff9b::203.0.113.7", "64:ff9b:0:0::/64"],
  ["loopback", "::1", "0:0:0:0::/64"],
  ["no address (a proxy without TRUST_PROXY)", "unknown", "unknown"],
  ["empty", "", "unknown"],
  ["words", "not an address", "unknown"],
  ["an IPv4 octet above 255", "203.0.113.256", "unknown"],
  ["an IPv4 octet with a leading zero (octal to some)", "203.0.113.07", "unknown"],
  ["IPv4 with a port", "203.0.113.7:8080", "unknown"],
  ["three IPv4 octets", "203.0.113", "unknown"],
  ["two ::", "2001:db8::1::2", "unknown"],
  ["a group of five digits", "12345::1", "unknown"],
  ["a group that is not hex", "2001:db8::g", "unknown"],
  ["nine groups", "2001:db8:0:0:0:0:0:0:1", "unknown"],
  ["seven groups without ::", "2001:db8:0:0:0:0:1", "unknown"],
  ["eight groups and ::", "2001:db8:0:0::0:0:0:1", "unknown"],
  ["a mapped address with a bad octet", "::ffff:203.0.113.999", "unknown"],
  ["three colons", ":::", "unknown"],
  ["a leading single colon", ":2001:db8::1", "unknown"],
])("addressKey: %s", (_name, address, key) => {
  expect(addressKey(address)).toBe(key);
});

test("property: every address of one /64 has one key, and addresses of different /64s never share one", () => {
  const group = fc.integer({ min: 0, max: 0xffff });
  const groups = fc.array(group, { minLength: 8, maxLength: 8 });
  const text = (g: number[]) => g.map((x) => x.toString(16)).join(":");
  fc.assert(
    fc.property(groups, groups, (a, b) => {
      // Not IPv4-mapped (::ffff:0:0/96 is one IPv4 address each).
      fc.pre(!(a.slice(0, 5).every((x) => x === 0) && a[5] === 0xffff));
      fc.pre(!(b.slice(0, 5).every((x) => x === 0) && b[5] === 0xffff));
      const sameNet = [...a.slice(0, 4), ...b.slice(4)];
      expect(addressKey(text(sameNet))).toBe(addressKey(text(a)));
      // The longest zero run compressed (as addresses are usually written) gives the same key.
      expect(addressKey(text(a).replace(/(^|:)0(:0)+(:|$)/, "::"))).toBe(addressKey(text(a)));
      if (a.slice(0, 4).join() !== b.slice(0, 4).join()) expect(addressKey(text(a))).not.toBe(addressKey(text(b)));
    }),
  );
});
