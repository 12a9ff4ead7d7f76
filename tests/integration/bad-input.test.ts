// Bad input gets a clear message in the user's language and changes nothing
// (docs/domain.md). Every form's action is posted bad values: empty, too long, the
// wrong type (a file, a repeated field), an invalid phone, a short password.
// Each must answer 400 with field errors that are dictionary keys with both a
// Chinese and an English text, and leave every table as it was.
import { expect, test } from "vitest";
import { parseMsg } from "../../app/forms/fields.ts";
import { isMessageKey, messages } from "../../app/i18n/index.ts";
import * as account from "../../app/routes/account.tsx";
import * as adminHome from "../../app/routes/admin._index.tsx";
import * as adminWorkshop from "../../app/routes/admin.workshops.$workshopId.tsx";
import * as workerDetail from "../../app/routes/coordinator.workers.$workerId.tsx";
import * as workerList from "../../app/routes/coordinator.workers._index.tsx";
import * as language from "../../app/routes/language.tsx";
import * as login from "../../app/routes/login.tsx";
import { db } from "../../app/infra/db.server.ts";
import {
  callAction,
  createAdminUser,
  createWorkshopWithStaff,
  location,
  loginAs,
  passwordHashOf,
  rowCounts,
  uniqueAddress,
  uniquePhone,
  type Fields,
  type RouteFunction,
} from "../support/fixtures.ts";

async function makeWorld() {
  const { workshop, coordinator, worker } = await createWorkshopWithStaff();
  const admin = await createAdminUser();
  return {
    workshop,
    coordinator,
    worker,
    admin,
    cookies: {
      coordinator: await loginAs(coordinator),
      worker: await loginAs(worker),
      admin: await loginAs(admin),
    },
  };
}
type World = Awaited<ReturnType<typeof makeWorld>>;
let shared: Promise<World> | undefined;
function world() {
  shared ??= makeWorld();
  return shared;
}

const file = () => new Blob(["x"], { type: "text/plain" });
const chars = (n: number) => "巧".repeat(n);
const GOOD_PASSWORD = "good-password-1";

type Form = {
  fn: RouteFunction;
  path: (w: World) => string;
  params?: (w: World) => Record<string, string>;
  cookie: (w: World) => string | null;
  /** A valid submission; each case overrides some of it. */
  valid: (w: World) => Fields;
};

const FORMS = {
  login: {
    fn: login.action,
    path: () => "/login",
    cookie: () => null,
    valid: (w) => ({ phone: w.worker.phone, password: w.worker.password }),
  },
  "create worker": {
    fn: workerList.action,
    path: () => "/coordinator/workers",
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({ name: "黄丽", phone: uniquePhone(), password: GOOD_PASSWORD }),
  },
  "reset password": {
    fn: workerDetail.action,
    path: (w) => `/coordinator/workers/${w.worker.id}`,
    params: (w) => ({ workerId: w.worker.id }),
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({ password: GOOD_PASSWORD }),
  },
  "change password": {
    fn: account.action,
    path: () => "/account",
    cookie: (w) => w.cookies.worker,
    valid: (w) => ({ currentPassword: w.worker.password, newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }),
  },
  "create workshop": {
    fn: adminHome.action,
    path: () => "/admin",
    cookie: (w) => w.cookies.admin,
    valid: () => ({ name: `新工坊 ${uniquePhone()}`, district: "九龙坡区" }),
  },
  "create coordinator": {
    fn: adminWorkshop.action,
    path: (w) => `/admin/workshops/${w.workshop.id}`,
    params: (w) => ({ workshopId: w.workshop.id }),
    cookie: (w) => w.cookies.admin,
    valid: () => ({ name: "孙协调员", phone: uniquePhone(), password: GOOD_PASSWORD }),
  },
  language: {
    fn: language.action,
    path: () => "/language",
    cookie: (w) => w.cookies.worker,
    valid: () => ({ locale: "en", redirectTo: "/worker" }),
  },
} satisfies Record<string, Form>;
type FormName = keyof typeof FORMS;

const REQUIRED = "error.required";
const INVALID_PHONE = "error.invalidPhone";
const SHORT = "error.passwordTooShort?min=8";

type Case = [
  form: FormName,
  what: string,
  override: (w: World) => Fields,
  expected: Record<string, string>,
  omit?: string[],
];

const CASES: Case[] = [
  ["login", "empty phone and password", () => ({ phone: "", password: "" }), { phone: REQUIRED, password: REQUIRED }],
  ["login", "no fields at all", () => ({}), { phone: REQUIRED, password: REQUIRED }, ["phone", "password"]],
  ["login", "a 10-digit phone", () => ({ phone: "1381234567" }), { phone: INVALID_PHONE }],
  ["login", "a landline", () => ({ phone: "023-68881234" }), { phone: INVALID_PHONE }],
  ["login", "letters for a phone", () => ({ phone: "phone" }), { phone: INVALID_PHONE }],
  ["login", "a file for the phone", () => ({ phone: file() }), { phone: "error.invalid" }],
  ["login", "the phone twice", (w) => ({ phone: [w.worker.phone, w.coordinator.phone] }), { phone: "error.invalid" }],
  ["login", "a file for the password", () => ({ password: file() }), { password: "error.invalid" }],
  ["login", "a 201-character password", () => ({ password: "p".repeat(201) }), { password: "error.tooLong?max=200" }],

  [
    "create worker",
    "all fields empty",
    () => ({ name: "", phone: "", password: "" }),
    { name: REQUIRED, phone: REQUIRED, password: REQUIRED },
  ],
  ["create worker", "a name of spaces only", () => ({ name: " \u3000 " }), { name: REQUIRED }],
  ["create worker", "a 41-character name", () => ({ name: chars(41) }), { name: "error.tooLong?max=40" }],
  ["create worker", "a file for the name", () => ({ name: file() }), { name: "error.invalid" }],
  ["create worker", "the name twice", () => ({ name: ["黄丽", "黄丽"] }), { name: "error.invalid" }],
  ["create worker", "an invalid phone", () => ({ phone: "12345678901" }), { phone: INVALID_PHONE }],
  ["create worker", "a file for the phone", () => ({ phone: file() }), { phone: "error.invalid" }],
  ["create worker", "a 7-character password", () => ({ password: "1234567" }), { password: SHORT }],
  [
    "create worker",
    "a 65-character password",
    () => ({ password: "p".repeat(65) }),
    { password: "error.passwordTooLong?max=64" },
  ],
  [
    "create worker",
    "a phone that already has an account",
    (w) => ({ phone: w.coordinator.phone }),
    { phone: "error.phoneTaken" },
  ],

  ["reset password", "an empty password", () => ({ password: "" }), { password: REQUIRED }],
  ["reset password", "no password field", () => ({}), { password: REQUIRED }, ["password"]],
  ["reset password", "a 7-character password", () => ({ password: "1234567" }), { password: SHORT }],
  ["reset password", "a file for the password", () => ({ password: file() }), { password: "error.invalid" }],
  [
    "reset password",
    "the password twice",
    () => ({ password: [GOOD_PASSWORD, GOOD_PASSWORD] }),
    { password: "error.invalid" },
  ],

  [
    "change password",
    "all fields empty",
    () => ({ currentPassword: "", newPassword: "", confirmPassword: "" }),
    { currentPassword: REQUIRED, newPassword: REQUIRED, confirmPassword: REQUIRED },
  ],
  [
    "change password",
    "a 7-character new password",
    () => ({ newPassword: "1234567", confirmPassword: "1234567" }),
    { newPassword: SHORT },
  ],
  [
    "change password",
    "a confirmation that differs",
    () => ({ confirmPassword: "good-password-2" }),
    { confirmPassword: "error.passwordMismatch" },
  ],
  ["change password", "a file for the new password", () => ({ newPassword: file() }), { newPassword: "error.invalid" }],
  [
    "change password",
    "a wrong current password",
    () => ({ currentPassword: "not-my-password" }),
    { currentPassword: "account.wrongCurrentPassword" },
  ],
  [
    "change password",
    "a 201-character current password",
    () => ({ currentPassword: "p".repeat(201) }),
    { currentPassword: "error.tooLong?max=200" },
  ],

  ["create workshop", "an empty name", () => ({ name: "" }), { name: REQUIRED }],
  ["create workshop", "a 61-character name", () => ({ name: chars(61) }), { name: "error.tooLong?max=60" }],
  ["create workshop", "a 61-character district", () => ({ district: chars(61) }), { district: "error.tooLong?max=60" }],
  ["create workshop", "a file for the name", () => ({ name: file() }), { name: "error.invalid" }],
  ["create workshop", "the name twice", () => ({ name: ["甲", "乙"] }), { name: "error.invalid" }],
  ["create workshop", "a file for the district", () => ({ district: file() }), { district: "error.invalid" }],
  [
    "create workshop",
    "the district twice",
    () => ({ district: ["九龙坡区", "沙坪坝区"] }),
    { district: "error.invalid" },
  ],
  [
    "create workshop",
    "a name another workshop has",
    (w) => ({ name: w.workshop.name }),
    { name: "workshops.nameTaken" },
  ],

  [
    "create coordinator",
    "all fields empty",
    () => ({ name: "", phone: "", password: "" }),
    { name: REQUIRED, phone: REQUIRED, password: REQUIRED },
  ],
  ["create coordinator", "a 41-character name", () => ({ name: chars(41) }), { name: "error.tooLong?max=40" }],
  ["create coordinator", "an invalid phone", () => ({ phone: "+1 415 555 0100" }), { phone: INVALID_PHONE }],
  ["create coordinator", "a 7-character password", () => ({ password: "1234567" }), { password: SHORT }],
  ["create coordinator", "a file for the name", () => ({ name: file() }), { name: "error.invalid" }],
  [
    "create coordinator",
    "a phone that already has an account",
    (w) => ({ phone: w.worker.phone }),
    { phone: "error.phoneTaken" },
  ],

  ["language", "an empty locale", () => ({ locale: "" }), { locale: "error.invalid" }],
  ["language", "an unknown locale", () => ({ locale: "fr" }), { locale: "error.invalid" }],
  ["language", "no locale", () => ({}), { locale: "error.invalid" }, ["locale"]],
  ["language", "a file for the locale", () => ({ locale: file() }), { locale: "error.invalid" }],
  ["language", "the locale twice", () => ({ locale: ["en", "zh-CN"] }), { locale: "error.invalid" }],
];

/** Every message an action returned is a dictionary key (with parameters for every placeholder) in both languages. */
function expectDictionaryMessages(payload: { fieldErrors?: Record<string, string>; formError?: string }) {
  const returned = [...Object.values(payload.fieldErrors ?? {}), ...(payload.formError ? [payload.formError] : [])];
  expect(returned.length).toBeGreaterThan(0);
  for (const text of returned) {
    const { key, params } = parseMsg(text);
    expect(isMessageKey(key), `"${text}" is not a dictionary key`).toBe(true);
    if (!isMessageKey(key)) continue;
    const { "zh-CN": zh, en } = messages[key];
    expect(zh.trim().length, `${key} has no Chinese text`).toBeGreaterThan(0);
    expect(en.trim().length, `${key} has no English text`).toBeGreaterThan(0);
    expect(zh, `${key} is not translated`).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    for (const template of [zh, en]) {
      for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
        expect(params, `${key} needs the parameter {${name}}`).toHaveProperty(name ?? "");
      }
    }
  }
}

test.each(CASES)(
  "%s with %s: 400, messages from the dictionary, nothing changed",
  async (formName, _what, override, expected, omit = []) => {
    const w = await world();
    const form: Form = FORMS[formName];
    const fields: Fields = { ...form.valid(w), ...override(w) };
    for (const name of omit) delete fields[name];
    const before = await rowCounts();
    const workerHash = await passwordHashOf(w.worker.id);
    const workerLocale = (await db().user.findUniqueOrThrow({ where: { id: w.worker.id } })).locale;

    const outcome = await callAction(form.fn, form.path(w), fields, form.cookie(w), {
      params: form.params?.(w) ?? {},
      address: uniqueAddress(),
    });

    expect(outcome.status).toBe(400);
    expect(outcome.thrown).toBe(false);
    const payload = outcome.data as {
      ok: boolean;
      fieldErrors: Record<string, string>;
      formError?: string;
      values: Record<string, string>;
    };
    expect(payload.ok).toBe(false);
    expect(payload.fieldErrors).toEqual(expected);
    expectDictionaryMessages(payload);
    // What was typed comes back for the form to show again, but never a password.
    expect(Object.keys(payload.values ?? {}).filter((k) => /password/i.test(k))).toEqual([]);
    expect(outcome.headers.get("Set-Cookie")).toBeNull();

    // A wrong current password is a real check: it is counted (ADR 011), and nothing else changes.
    const checked = formName === "change password" && expected.currentPassword === "account.wrongCurrentPassword";
    expect(await rowCounts()).toEqual(checked ? { ...before, loginThrottles: before.loginThrottles + 1 } : before);
    expect(await passwordHashOf(w.worker.id)).toBe(workerHash);
    expect((await db().user.findUniqueOrThrow({ where: { id: w.worker.id } })).locale).toBe(workerLocale);
  },
);

test.each(Object.keys(FORMS) as FormName[])(
  "the valid %s form is accepted (so each case above fails for its own field)",
  async (formName) => {
    // A fresh world: these succeed and change things (a password reset ends the worker's sessions).
    const w = await makeWorld();
    const form: Form = FORMS[formName];
    const outcome = await callAction(form.fn, form.path(w), form.valid(w), form.cookie(w), {
      params: form.params?.(w) ?? {},
      address: uniqueAddress(),
    });
    expect(outcome.status).toBe(302);
    expect(location(outcome)).toMatch(/^\//);
  },
);

test("a bad phone on the login form records no failed attempt (validation comes before throttling)", async () => {
  const address = uniqueAddress();
  const before = await db().loginThrottle.count();
  for (let i = 0; i < 6; i++) {
    const outcome = await callAction(login.action, "/login", { phone: "12345", password: "whatever" }, null, {
      address,
    });
    expect(outcome.status).toBe(400);
  }
  expect(await db().loginThrottle.count()).toBe(before);
});

test("an overlong redirectTo never blocks a correct login", async () => {
  const w = await world();
  const outcome = await callAction(
    login.action,
    "/login",
    { phone: w.worker.phone, password: w.worker.password, redirectTo: `/worker/${"x".repeat(600)}` },
    null,
    { address: uniqueAddress() },
  );
  // Dropping it (home) or honouring it are both fine; refusing a correct password is not.
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toMatch(/^\/worker(\/|$)/);
  expect(outcome.headers.get("Set-Cookie")).toMatch(/^__piecework_session=./);
});

test("an overlong redirectTo never blocks a language switch", async () => {
  const outcome = await callAction(
    language.action,
    "/language",
    { locale: "en", redirectTo: `/${"x".repeat(600)}` },
    null,
  );
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toMatch(/^\/(?!\/)/);
  expect(outcome.headers.get("Set-Cookie")).toMatch(/^piecework_lang=/);
});

test("the language switch refuses to redirect off-site", async () => {
  for (const redirectTo of ["//evil.com", "https://evil.com", "/\\evil.com"]) {
    const outcome = await callAction(language.action, "/language", { locale: "en", redirectTo }, null);
    expect(outcome.status).toBe(302);
    expect(location(outcome)).toBe("/");
  }
});
