// Logging in and out, the session cookie, sessions ending on password
// changes, session expiry, and where a login may send you. Throttling:
// tests/integration/login-throttle.test.ts.
import { expect, test } from "vitest";
import { action as accountAction } from "../../app/routes/account.tsx";
import { action as resetPasswordAction } from "../../app/routes/coordinator.workers.$workerId.tsx";
import { action as logoutAction } from "../../app/routes/logout.tsx";
import { loader as workerHomeLoader } from "../../app/routes/worker._index.tsx";
import {
  createSession,
  getSessionUser,
  purgeExpiredSessions,
  SESSION_TTL_MS,
} from "../../app/models/session.server.ts";
import { getViewer } from "../../app/utils/auth.server.ts";
import { db } from "../../app/infra/db.server.ts";
import {
  callAction,
  callLoader,
  createAdminUser,
  createWorkerUser,
  createWorkshopWithStaff,
  getRequest,
  location,
  noticeOf,
  loginAs,
  postLogin,
  uniqueAddress,
  uniquePhone,
} from "../support/fixtures.ts";

async function viewerFor(cookie: string) {
  return getViewer(getRequest("/", cookie));
}

test("a correct login redirects to the role's home with a signed, HttpOnly, SameSite=Lax session cookie", async () => {
  const { worker } = await createWorkshopWithStaff();
  const outcome = await postLogin({ phone: worker.phone, password: worker.password });
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe("/worker");

  const setCookie = outcome.headers.get("Set-Cookie") ?? "";
  const attributes = setCookie.split(";").map((part) => part.trim().toLowerCase());
  expect(attributes[0]).toMatch(/^__piecework_session=.+/);
  expect(attributes).toContain("httponly");
  expect(attributes).toContain("samesite=lax");
  expect(attributes).toContain("path=/");

  const cookie = setCookie.split(";")[0] ?? "";
  const viewer = await viewerFor(cookie);
  expect(viewer?.user.id).toBe(worker.id);
  expect(viewer?.scope).toEqual({ role: "worker", userId: worker.id, workshopId: worker.workshopId });
  expect(await db().session.count({ where: { userId: worker.id } })).toBe(1);
});

test("the session cookie is signed: a tampered or forged value authenticates nobody", async () => {
  const { worker } = await createWorkshopWithStaff();
  const admin = await createAdminUser();
  const cookie = await loginAs(worker);
  const [name, rawValue = ""] = cookie.split("=", 2) as [string, string?];
  const value = decodeURIComponent(rawValue);
  const dot = value.lastIndexOf(".");
  const payload = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  expect(JSON.parse(atob(payload))).toHaveProperty("sessionId");

  // One character of the payload changed.
  const flipped = payload.slice(0, -2) + (payload.at(-2) === "A" ? "B" : "A") + payload.at(-1);
  expect(await viewerFor(`${name}=${encodeURIComponent(`${flipped}.${signature}`)}`)).toBeNull();

  // The payload swapped for a real admin session id, keeping the worker's signature.
  const adminSession = await createSession(admin.id, new Date());
  const forged = btoa(JSON.stringify({ sessionId: adminSession.id }));
  expect(await viewerFor(`${name}=${encodeURIComponent(`${forged}.${signature}`)}`)).toBeNull();
  // ... or with no signature at all.
  expect(await viewerFor(`${name}=${encodeURIComponent(forged)}`)).toBeNull();

  // The untouched cookie still works (the checks above are not failing for another reason).
  expect((await viewerFor(cookie))?.user.id).toBe(worker.id);
});

test("a wrong password gets 401 'login.wrongCredentials' and no cookie or session", async () => {
  const { worker } = await createWorkshopWithStaff();
  const outcome = await postLogin({ phone: worker.phone, password: "not-the-password" }, { address: uniqueAddress() });
  expect(outcome.status).toBe(401);
  expect(outcome.data).toMatchObject({ ok: false, formError: "login.wrongCredentials", fieldErrors: {} });
  expect(outcome.headers.get("Set-Cookie")).toBeNull();
  expect(await db().session.count({ where: { userId: worker.id } })).toBe(0);
  // What was typed comes back, but never the password.
  expect(JSON.stringify(outcome.data)).not.toContain("not-the-password");
});

test("an unknown phone gets exactly the same answer as a wrong password (no account enumeration)", async () => {
  const { worker } = await createWorkshopWithStaff();
  const address = uniqueAddress();
  const wrongPassword = await postLogin({ phone: worker.phone, password: "not-the-password" }, { address });
  const unknownPhone = await postLogin({ phone: uniquePhone(), password: "not-the-password" }, { address });
  expect(unknownPhone.status).toBe(wrongPassword.status);
  expect(unknownPhone.status).toBe(401);
  expect((unknownPhone.data as { formError?: string }).formError).toBe("login.wrongCredentials");
  expect((unknownPhone.data as { formError?: string }).formError).toBe(
    (wrongPassword.data as { formError?: string }).formError,
  );
  expect(unknownPhone.headers.get("Set-Cookie")).toBeNull();
});

test("a deactivated account cannot log in, even with its right password", async () => {
  const { workshop } = await createWorkshopWithStaff();
  const worker = await createWorkerUser(workshop.id, { active: false });
  const outcome = await postLogin({ phone: worker.phone, password: worker.password }, { address: uniqueAddress() });
  expect(outcome.status).toBe(401);
  expect((outcome.data as { formError?: string }).formError).toBe("login.wrongCredentials");
  expect(outcome.headers.get("Set-Cookie")).toBeNull();
  expect(await db().session.count({ where: { userId: worker.id } })).toBe(0);
});

test("a session of an account deactivated later stops authenticating", async () => {
  const { worker } = await createWorkshopWithStaff();
  const cookie = await loginAs(worker);
  expect(await viewerFor(cookie)).not.toBeNull();
  await db().user.update({ where: { id: worker.id }, data: { active: false } });
  expect(await viewerFor(cookie)).toBeNull();
});

test("logging out deletes the session row: the old cookie no longer authenticates", async () => {
  const { worker } = await createWorkshopWithStaff();
  const cookie = await loginAs(worker);
  const sessionId = (await viewerFor(cookie))?.sessionId;
  expect(sessionId).toBeTruthy();

  const outcome = await callAction(logoutAction, "/logout", {}, cookie);
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe("/login");
  expect(outcome.headers.get("Set-Cookie")).toMatch(/^__piecework_session=;/);
  expect(await noticeOf(outcome)).toMatchObject({ key: "login.loggedOut" });
  expect(await db().session.findUnique({ where: { id: sessionId ?? "" } })).toBeNull();

  // Replaying the old cookie (e.g. a copy kept by an attacker) gets nowhere.
  expect(await viewerFor(cookie)).toBeNull();
  const home = await callLoader(workerHomeLoader, "/worker", cookie);
  expect(home.status).toBe(302);
  expect(location(home)).toBe("/login?redirectTo=%2Fworker");
});

test("a password reset by the coordinator ends every session of that worker, and only the new password works", async () => {
  const { coordinator, worker } = await createWorkshopWithStaff();
  const otherWorker = await createWorkerUser(worker.workshopId ?? "");
  const phoneCookie = await loginAs(worker);
  const laptopCookie = await loginAs(worker);
  const otherCookie = await loginAs(otherWorker);
  const coordinatorCookie = await loginAs(coordinator);

  const outcome = await callAction(
    resetPasswordAction,
    `/coordinator/workers/${worker.id}`,
    { password: "brand-new-pass-1" },
    coordinatorCookie,
    { params: { workerId: worker.id } },
  );
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe(`/coordinator/workers/${worker.id}`);
  expect(await noticeOf(outcome, coordinatorCookie)).toMatchObject({
    key: "workers.resetDone",
    params: { name: worker.name },
  });

  expect(await viewerFor(phoneCookie)).toBeNull();
  expect(await viewerFor(laptopCookie)).toBeNull();
  expect(await db().session.count({ where: { userId: worker.id } })).toBe(0);
  // Nobody else is logged out.
  expect((await viewerFor(otherCookie))?.user.id).toBe(otherWorker.id);
  expect((await viewerFor(coordinatorCookie))?.user.id).toBe(coordinator.id);

  const address = uniqueAddress();
  expect((await postLogin({ phone: worker.phone, password: worker.password }, { address })).status).toBe(401);
  expect((await postLogin({ phone: worker.phone, password: "brand-new-pass-1" }, { address })).status).toBe(302);
});

test("changing one's own password keeps the current session and ends the others", async () => {
  const { worker } = await createWorkshopWithStaff();
  const here = await loginAs(worker);
  const elsewhere = await loginAs(worker);

  const outcome = await callAction(
    accountAction,
    "/account",
    { currentPassword: worker.password, newPassword: "my-new-password", confirmPassword: "my-new-password" },
    here,
  );
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe("/account");
  expect(await noticeOf(outcome, here)).toMatchObject({ key: "account.passwordChanged" });

  expect((await viewerFor(here))?.user.id).toBe(worker.id);
  expect(await viewerFor(elsewhere)).toBeNull();
  expect(await db().session.count({ where: { userId: worker.id } })).toBe(1);

  const address = uniqueAddress();
  expect((await postLogin({ phone: worker.phone, password: worker.password }, { address })).status).toBe(401);
  expect((await postLogin({ phone: worker.phone, password: "my-new-password" }, { address })).status).toBe(302);
});

test("changing one's password needs the current one: a wrong one changes nothing and ends no session", async () => {
  const { worker } = await createWorkshopWithStaff();
  const here = await loginAs(worker);
  const elsewhere = await loginAs(worker);
  const outcome = await callAction(
    accountAction,
    "/account",
    { currentPassword: "not-my-password", newPassword: "my-new-password", confirmPassword: "my-new-password" },
    here,
  );
  expect(outcome.status).toBe(400);
  expect(outcome.data).toMatchObject({ fieldErrors: { currentPassword: "account.wrongCurrentPassword" } });
  expect(await viewerFor(elsewhere)).not.toBeNull();
  expect(
    (await postLogin({ phone: worker.phone, password: worker.password }, { address: uniqueAddress() })).status,
  ).toBe(302);
});

test("a session expires SESSION_TTL_MS after it was created", async () => {
  const { worker } = await createWorkshopWithStaff();
  const createdAt = new Date();
  const session = await createSession(worker.id, createdAt);
  expect(session.expiresAt.getTime() - createdAt.getTime()).toBe(SESSION_TTL_MS);

  const justBefore = new Date(createdAt.getTime() + SESSION_TTL_MS - 1);
  const atExpiry = new Date(createdAt.getTime() + SESSION_TTL_MS);
  expect((await getSessionUser(session.id, justBefore))?.id).toBe(worker.id);
  expect(await getSessionUser(session.id, atExpiry)).toBeNull();

  // Through the cookie too: getViewer takes `now`.
  const cookie = await loginAs(worker);
  const later = new Date(Date.now() + SESSION_TTL_MS + 60_000);
  expect(await getViewer(getRequest("/", cookie))).not.toBeNull();
  expect(await getViewer(getRequest("/", cookie), later)).toBeNull();

  // Expired rows are purged; live ones stay.
  const purged = await purgeExpiredSessions(atExpiry);
  expect(purged).toBeGreaterThanOrEqual(1);
  expect(await db().session.findUnique({ where: { id: session.id } })).toBeNull();
  expect(await getViewer(getRequest("/", cookie))).not.toBeNull();
});

test.each([
  ["//evil.com", "/worker"],
  ["https://evil.com", "/worker"],
  ["/\\evil.com", "/worker"],
  ["/admin", "/worker"],
  ["/admin/workshops/x", "/worker"],
  ["/coordinator/workers", "/worker"],
  ["/workerish", "/worker"],
  ["/worker/tasks?month=2026-11", "/worker/tasks?month=2026-11"],
  ["/account", "/account"],
])("a worker's login with redirectTo=%s goes to %s", async (redirectTo, expected) => {
  const { worker } = await createWorkshopWithStaff();
  const outcome = await postLogin({ phone: worker.phone, password: worker.password, redirectTo });
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe(expected);
});

test("an admin's login may return to an admin page but not to a worker's", async () => {
  const admin = await createAdminUser();
  const toAdminPage = await postLogin({
    phone: admin.phone,
    password: admin.password,
    redirectTo: "/admin/workshops/abc",
  });
  expect(location(toAdminPage)).toBe("/admin/workshops/abc");
  const toWorkerPage = await postLogin({ phone: admin.phone, password: admin.password, redirectTo: "/worker" });
  expect(location(toWorkerPage)).toBe("/admin");
});
