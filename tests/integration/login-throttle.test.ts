// Lockout as a weapon (issue 6, item 7; ADR 011). Through the real login
// action: a stranger guessing a worker's number is stopped after 5 tries,
// while the worker still logs in, from her own phone (device cookie) or from
// an address with no failures; one guesser on a shared address does not lock
// it for everybody; guessing spread over many addresses is stopped by the
// number's own limit; parallel guesses are counted before the password check.
// And the account page's current-password check is throttled the same way
// (item 8). Runs on SQLite and PostgreSQL.
import { expect, test } from "vitest";
import { POLICIES } from "../../app/domain/login-throttle.ts";
import { action as accountAction } from "../../app/routes/account.tsx";
import { db } from "../../app/infra/db.server.ts";
import { newDeviceId, writeDeviceTokens } from "../../app/utils/session.server.ts";
import {
  callAction,
  cookiePair,
  createWorkerUser,
  createWorkshopWithStaff,
  loginAs,
  passwordHashOf,
  postLogin,
  setCookieNamed,
  uniqueAddress,
  type Outcome,
  type TestUser,
} from "../support/fixtures.ts";

const DEVICE = "__piecework_device";

function formErrorOf(outcome: Outcome): string | undefined {
  return (outcome.data as { formError?: string }).formError;
}

async function worker(): Promise<TestUser> {
  const { workshop } = await createWorkshopWithStaff();
  return createWorkerUser(workshop.id);
}

/** Logs `user` in from `address` and returns the device cookie the login set. */
async function deviceCookieOf(user: TestUser, address = uniqueAddress()): Promise<string> {
  const outcome = await postLogin({ phone: user.phone, password: user.password }, { address });
  expect(outcome.status).toBe(302);
  const device = setCookieNamed(outcome, DEVICE);
  expect(device).toBeTruthy();
  return device ?? "";
}

/** `times` wrong passwords for `user` from `address`; each must be checked (401). */
async function guess(user: TestUser, address: string, times: number, cookie?: string) {
  for (let i = 1; i <= times; i++) {
    const outcome = await postLogin({ phone: user.phone, password: `guess-${i}-${address}` }, { address, cookie });
    expect(outcome.status, `guess ${i} from ${address}: ${JSON.stringify(outcome.data)}`).toBe(401);
  }
}

test("a correct login sets a signed, HttpOnly, SameSite=Lax device cookie for a year, after the session cookie", async () => {
  const victim = await worker();
  const outcome = await postLogin({ phone: victim.phone, password: victim.password }, { address: uniqueAddress() });
  const cookies = outcome.headers.getSetCookie();
  expect(cookies[0]).toMatch(/^__piecework_session=/);
  const device = cookies.find((c) => c.startsWith(`${DEVICE}=`)) ?? "";
  const attributes = device.split(";").map((a) => a.trim().toLowerCase());
  expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/", "max-age=31536000"]));
  // Signed: the value ends in an HMAC and does not name the number in clear.
  expect(decodeURIComponent(cookiePair(device).split("=")[1] ?? "")).toMatch(/^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
  // A failed login sets no device cookie.
  const failed = await postLogin({ phone: victim.phone, password: "wrong-password" }, { address: uniqueAddress() });
  expect(failed.headers.getSetCookie()).toEqual([]);
});

test("a stranger guessing from one address is stopped after 5 tries: the 6th is refused with 429, even with the right password", async () => {
  const victim = await worker();
  const stranger = uniqueAddress();
  await guess(victim, stranger, 5);
  for (const password of ["guess-6", victim.password]) {
    const refused = await postLogin({ phone: victim.phone, password }, { address: stranger });
    expect(refused.status).toBe(429);
    expect(formErrorOf(refused)).toBe("login.locked?minutes=15");
    expect(refused.headers.getSetCookie()).toEqual([]);
  }
  expect(await db().session.count({ where: { userId: victim.id } })).toBe(0);
});

test("while a stranger keeps guessing from another address, the victim logs in from an address with no failures", async () => {
  const victim = await worker();
  const stranger = uniqueAddress();
  await guess(victim, stranger, 5);
  for (let i = 0; i < 10; i++) {
    expect((await postLogin({ phone: victim.phone, password: `more-${i}` }, { address: stranger })).status).toBe(429);
  }
  const home = await postLogin({ phone: victim.phone, password: victim.password }, { address: uniqueAddress() });
  expect(home.status).toBe(302);
  expect(home.headers.get("Set-Cookie")).toMatch(/^__piecework_session=./);
});

test("on a shared address (community Wi-Fi), one guesser does not lock it for everyone; the victim's own phone still gets in", async () => {
  const { workshop } = await createWorkshopWithStaff();
  const victim = await createWorkerUser(workshop.id);
  const neighbour = await createWorkerUser(workshop.id);
  const wifi = uniqueAddress();
  const victimsPhone = await deviceCookieOf(victim, wifi);

  await guess(victim, wifi, 5);
  // The guesser is stopped...
  expect((await postLogin({ phone: victim.phone, password: "guess-6" }, { address: wifi })).status).toBe(429);
  // ...the victim, on the same Wi-Fi, logs in with her own phone (its device cookie)...
  const fromHerPhone = await postLogin(
    { phone: victim.phone, password: victim.password },
    { address: wifi, cookie: victimsPhone },
  );
  expect(fromHerPhone.status).toBe(302);
  // ...and a neighbour on the same Wi-Fi, on a new phone, logs in to her own account.
  const neighbourLogin = await postLogin({ phone: neighbour.phone, password: neighbour.password }, { address: wifi });
  expect(neighbourLogin.status).toBe(302);
  // Only a new device on that Wi-Fi trying the guessed number waits (ADR 011, consequences).
  const newDevice = await postLogin({ phone: victim.phone, password: victim.password }, { address: wifi });
  expect(newDevice.status).toBe(429);
});

test("guessing spread over many addresses is stopped by the number's limit; the victim's device cookie still gets in", async () => {
  const victim = await worker();
  const victimsPhone = await deviceCookieOf(victim);
  const max = POLICIES.number.maxFailures;
  // 3 guesses from each of 10 addresses: no address reaches its pair limit (5), the number reaches 30.
  for (let i = 0; i < max / 3; i++) await guess(victim, uniqueAddress(), 3);

  for (const password of ["one-more-guess", victim.password]) {
    const fresh = await postLogin({ phone: victim.phone, password }, { address: uniqueAddress() });
    expect(fresh.status).toBe(429);
    expect(formErrorOf(fresh)).toBe("login.lockedNumber?minutes=60");
  }
  const fromHerPhone = await postLogin(
    { phone: victim.phone, password: victim.password },
    { address: uniqueAddress(), cookie: victimsPhone },
  );
  expect(fromHerPhone.status).toBe(302);
  // The lock is on that number only.
  const other = await worker();
  expect((await postLogin({ phone: other.phone, password: other.password }, { address: uniqueAddress() })).status).toBe(
    302,
  );
});

test("the owner logging in meanwhile does not give a distributed guesser a fresh allowance", async () => {
  const victim = await worker();
  for (let i = 0; i < 5; i++) await guess(victim, uniqueAddress(), 4);
  // 20 failures so far; the owner logs in from a new place (counted, then given back)...
  expect(
    (await postLogin({ phone: victim.phone, password: victim.password }, { address: uniqueAddress() })).status,
  ).toBe(302);
  // ...and the guessers still have only 10 left.
  for (let i = 0; i < 5; i++) await guess(victim, uniqueAddress(), 2);
  const refused = await postLogin({ phone: victim.phone, password: "next-guess" }, { address: uniqueAddress() });
  expect(refused.status).toBe(429);
  expect(formErrorOf(refused)).toBe("login.lockedNumber?minutes=60");
});

test("a device cookie is judged by its own counter: 5 wrong passwords with it lock that device, not the number elsewhere", async () => {
  const victim = await worker();
  const phone = await deviceCookieOf(victim);
  const address = uniqueAddress();
  await guess(victim, address, 5, phone);
  const locked = await postLogin({ phone: victim.phone, password: victim.password }, { address, cookie: phone });
  expect(locked.status).toBe(429);
  expect(formErrorOf(locked)).toBe("login.locked?minutes=15");
  // Those failures did not count for the number or the address.
  const elsewhere = await postLogin({ phone: victim.phone, password: victim.password }, { address });
  expect(elsewhere.status).toBe(302);
});

test("a device cookie for another number, a forged one or an expired one earns no trust", async () => {
  const { workshop } = await createWorkshopWithStaff();
  const victim = await createWorkerUser(workshop.id);
  const other = await createWorkerUser(workshop.id);
  const address = uniqueAddress();
  await guess(victim, address, 5);
  const now = Date.now();

  const othersCookie = await deviceCookieOf(other);
  const [name, value = ""] = othersCookie.split("=", 2) as [string, string?];
  const [payload = "", signature = ""] = decodeURIComponent(value).split(".");
  const forgedPayload = btoa(JSON.stringify([{ phone: victim.phone, id: "forged", issuedAt: now }]));
  const forged = `${name}=${encodeURIComponent(`${forgedPayload}.${signature}`)}`;
  const unsigned = `${name}=${encodeURIComponent(forgedPayload)}`;
  const expired = cookiePair(
    await writeDeviceTokens([{ phone: victim.phone, id: newDeviceId(), issuedAt: now - 366 * 24 * 60 * 60_000 }]),
  );
  expect(payload.length).toBeGreaterThan(0);

  for (const [what, cookie] of [
    ["another number's", othersCookie],
    ["forged", forged],
    ["unsigned", unsigned],
    ["expired", expired],
  ] as const) {
    const outcome = await postLogin({ phone: victim.phone, password: victim.password }, { address, cookie });
    expect(outcome.status, what).toBe(429);
  }
  // A genuine one for the victim's number, written with the server's secret, does.
  const genuine = cookiePair(await writeDeviceTokens([{ phone: victim.phone, id: newDeviceId(), issuedAt: now }]));
  expect(
    (await postLogin({ phone: victim.phone, password: victim.password }, { address, cookie: genuine })).status,
  ).toBe(302);
});

test("one client trying many numbers is slowed by the address limit; device cookies and other addresses are not", async () => {
  const { workshop } = await createWorkshopWithStaff();
  const address = uniqueAddress();
  const regular = await createWorkerUser(workshop.id);
  const regularsPhone = await deviceCookieOf(regular, address);
  // 4 failures per number (one short of a pair lock) over 8 numbers: only the address reaches 30.
  const targets = await Promise.all(Array.from({ length: 8 }, () => createWorkerUser(workshop.id)));
  for (let failure = 0; failure < POLICIES.address.maxFailures; failure++) {
    const target = targets[Math.floor(failure / 4)]!;
    const outcome = await postLogin({ phone: target.phone, password: "123456" }, { address });
    expect(outcome.status, `failure ${failure + 1}`).toBe(401);
  }
  const fresh = await createWorkerUser(workshop.id);
  const locked = await postLogin({ phone: fresh.phone, password: fresh.password }, { address });
  expect(locked.status).toBe(429);
  expect(formErrorOf(locked)).toMatch(/^login\.locked\?minutes=\d+$/);

  const withDevice = await postLogin(
    { phone: regular.phone, password: regular.password },
    { address, cookie: regularsPhone },
  );
  expect(withDevice.status).toBe(302);
  const fromElsewhere = await postLogin({ phone: fresh.phone, password: fresh.password }, { address: uniqueAddress() });
  expect(fromElsewhere.status).toBe(302);
});

test("a successful login starts the pair's count over", async () => {
  const victim = await worker();
  const address = uniqueAddress();
  await guess(victim, address, 4);
  expect((await postLogin({ phone: victim.phone, password: victim.password }, { address })).status).toBe(302);
  // Had the count not started over, the 5th of these would lock the pair.
  await guess(victim, address, 4);
  expect((await postLogin({ phone: victim.phone, password: victim.password }, { address })).status).toBe(302);
});

// ---------------------------------------------------------------------------
// Parallel guesses: counted before the password check, under a row lock.

test("20 guesses sent at once from one address: exactly 5 are checked, 15 refused", async () => {
  const victim = await worker();
  const address = uniqueAddress();
  const outcomes = await Promise.all(
    Array.from({ length: 20 }, (_, i) => postLogin({ phone: victim.phone, password: `parallel-${i}` }, { address })),
  );
  const statuses = outcomes.map((o) => o.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  expect((await postLogin({ phone: victim.phone, password: victim.password }, { address })).status).toBe(429);
});

test("40 guesses sent at once from 40 addresses: exactly 30 are checked (the number's limit), 10 refused", async () => {
  const victim = await worker();
  const outcomes = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      postLogin({ phone: victim.phone, password: `spread-${i}` }, { address: uniqueAddress() }),
    ),
  );
  const statuses = outcomes.map((o) => o.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(POLICIES.number.maxFailures);
  expect(statuses.filter((s) => s === 429)).toHaveLength(40 - POLICIES.number.maxFailures);
});

test("20 guesses sent at once with one device cookie: exactly 5 are checked", async () => {
  const victim = await worker();
  const phone = await deviceCookieOf(victim);
  const outcomes = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      postLogin({ phone: victim.phone, password: `device-${i}` }, { address: uniqueAddress(), cookie: phone }),
    ),
  );
  const statuses = outcomes.map((o) => o.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(15);
});

// ---------------------------------------------------------------------------
// The account page (issue 6, item 8)

function changePassword(cookie: string, currentPassword: string, newPassword = "brand-new-pass-1") {
  return callAction(accountAction, "/account", { currentPassword, newPassword, confirmPassword: newPassword }, cookie);
}

test("12 wrong current passwords in a row on the account page: 5 are checked, then 429 with a clear message, even for the right one", async () => {
  const { worker: user } = await createWorkshopWithStaff();
  const cookie = await loginAs(user);
  const other = await loginAs(user);
  const hash = await passwordHashOf(user.id);
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const outcome = await changePassword(cookie, `wrong-${i}`);
    statuses.push(outcome.status);
    if (outcome.status === 400) {
      expect(outcome.data).toMatchObject({ fieldErrors: { currentPassword: "account.wrongCurrentPassword" } });
    } else {
      expect(outcome.status).toBe(429);
      expect(formErrorOf(outcome)).toMatch(/^account\.passwordCheckLocked\?minutes=(15|14)$/);
    }
  }
  expect(statuses).toEqual([...Array(5).fill(400), ...Array(7).fill(429)]);
  const right = await changePassword(cookie, user.password);
  expect(right.status).toBe(429);
  // Nothing changed: same hash, the other session still there.
  expect(await passwordHashOf(user.id)).toBe(hash);
  expect(await db().session.count({ where: { userId: user.id } })).toBe(2);
  expect(other).not.toBe(cookie);
});

test("the account page's limit is per account, and the right current password starts its count over", async () => {
  const { workshop, worker: user } = await createWorkshopWithStaff();
  const colleague = await createWorkerUser(workshop.id);
  const cookie = await loginAs(user);
  for (let i = 0; i < 4; i++) expect((await changePassword(cookie, `wrong-${i}`)).status).toBe(400);
  expect((await changePassword(cookie, user.password)).status).toBe(302);
  // The password is now brand-new-pass-1; 4 more wrong ones are still checked (the count started over).
  for (let i = 0; i < 4; i++) expect((await changePassword(cookie, `wrong-again-${i}`)).status).toBe(400);

  // Another account's limit is its own.
  const colleagueCookie = await loginAs(colleague);
  for (let i = 0; i < 5; i++) await changePassword(colleagueCookie, `wrong-${i}`);
  expect((await changePassword(colleagueCookie, colleague.password)).status).toBe(429);
  expect((await changePassword(cookie, "brand-new-pass-1", "brand-new-pass-2")).status).toBe(302);
});

test("12 wrong current passwords sent at once: exactly 5 are checked", async () => {
  const { worker: user } = await createWorkshopWithStaff();
  const cookie = await loginAs(user);
  const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => changePassword(cookie, `wrong-${i}`)));
  const statuses = outcomes.map((o) => o.status);
  expect(statuses.filter((s) => s === 400)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(7);
});
