// The language at login: English picked on the login page used to be lost at
// login, because the account's stored language won without asking. Now a
// language picked on the login page (the switch comes back with ?lang=…, and
// the login form carries it) is used and stored on the account; with no pick
// there, the account's stored language is used. Either way the language cookie
// follows, so the login page after logging out speaks the same language.
import { expect, test } from "vitest";
import { loader as loginLoader } from "../../app/routes/login.tsx";
import { db } from "../../app/infra/db.server.ts";
import { writeLanguageCookie } from "../../app/utils/session.server.ts";
import {
  callLoader,
  cookiePair,
  createWorkshopWithStaff,
  location,
  postLogin,
  uniqueAddress,
} from "../support/fixtures.ts";

async function storedLocale(userId: string) {
  return (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } })).locale;
}

/** The language cookie an answer sets, as a `name=value` pair (null when it sets none). */
function languageCookieOf(headers: Headers): string | null {
  const cookie = headers.getSetCookie().find((c) => c.startsWith("piecework_lang="));
  return cookie ? cookiePair(cookie) : null;
}

async function languageCookie(locale: "zh-CN" | "en"): Promise<string> {
  return cookiePair(await writeLanguageCookie(locale));
}

test("English picked on the login page is used at login and stored on the account that said Chinese", async () => {
  const { coordinator } = await createWorkshopWithStaff();
  expect(await storedLocale(coordinator.id)).toBe("zh-CN");
  const outcome = await postLogin(
    { phone: coordinator.phone, password: coordinator.password, redirectTo: "", locale: "en" },
    { address: uniqueAddress() },
  );
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe("/coordinator");
  expect(await storedLocale(coordinator.id)).toBe("en");
  expect(languageCookieOf(outcome.headers)).toBe(await languageCookie("en"));
  // The session cookie is still the first one (the fixtures and the browser both take it).
  // Session, trusted device (ADR 011) and language: three cookies, the session's first.
  expect(outcome.headers.getSetCookie()).toHaveLength(3);
  expect(outcome.headers.getSetCookie()[0]).toMatch(/^__piecework_session=/);
});

test("Chinese picked on the login page wins over an account stored in English", async () => {
  const { worker } = await createWorkshopWithStaff();
  await db().user.update({ where: { id: worker.id }, data: { locale: "en" } });
  const outcome = await postLogin(
    { phone: worker.phone, password: worker.password, locale: "zh-CN" },
    { address: uniqueAddress() },
  );
  expect(outcome.status).toBe(302);
  expect(await storedLocale(worker.id)).toBe("zh-CN");
  expect(languageCookieOf(outcome.headers)).toBe(await languageCookie("zh-CN"));
});

test("with no language picked on the login page the account's stored language is used, and the cookie follows it", async () => {
  const { worker } = await createWorkshopWithStaff();
  await db().user.update({ where: { id: worker.id }, data: { locale: "en" } });
  const outcome = await postLogin({ phone: worker.phone, password: worker.password }, { address: uniqueAddress() });
  expect(outcome.status).toBe(302);
  expect(await storedLocale(worker.id)).toBe("en");
  expect(languageCookieOf(outcome.headers)).toBe(await languageCookie("en"));
});

test("an unusable language value is dropped (the account's language stays); a failed login changes no language", async () => {
  const { worker } = await createWorkshopWithStaff();
  const odd = await postLogin(
    { phone: worker.phone, password: worker.password, locale: "fr" },
    { address: uniqueAddress() },
  );
  expect(odd.status).toBe(302);
  expect(await storedLocale(worker.id)).toBe("zh-CN");

  const wrong = await postLogin(
    { phone: worker.phone, password: "wrong-password", locale: "en" },
    { address: uniqueAddress() },
  );
  expect(wrong.status).toBe(401);
  expect(await storedLocale(worker.id)).toBe("zh-CN");
  expect(languageCookieOf(wrong.headers)).toBeNull();
});

test("the login page carries the language as picked only when it came back from its own switch in that language", async () => {
  const en = await languageCookie("en");
  const picked = await callLoader(loginLoader, "/login?lang=en", en);
  expect(picked.data).toMatchObject({ pickedLocale: "en" });
  // Remembered from earlier (no ?lang): not a pick on this page.
  expect((await callLoader(loginLoader, "/login", en)).data).toMatchObject({ pickedLocale: null });
  // ?lang=en typed into the address while the page is Chinese: not a pick either.
  expect((await callLoader(loginLoader, "/login?lang=en")).data).toMatchObject({ pickedLocale: null });
  expect((await callLoader(loginLoader, "/login?lang=xx", en)).data).toMatchObject({ pickedLocale: null });
});
