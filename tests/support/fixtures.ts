// Shared helpers for the integration tests (the "db" vitest project). Each
// test file has its own fresh migrated database (tests/setup/per-file-db.ts),
// so the helpers create what a test needs and nothing is cleaned up between
// tests: tests make their own workshops/users and never rely on global counts
// except as before/after deltas.
//
// Loaders and actions are called directly as functions, the way Remix calls
// them; callLoader/callAction turn every way a route can answer (a returned or
// thrown Response, redirect, or data() result, or a plain object) into one
// shape: { status, data, headers, thrown }.
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { expect } from "vitest";
import { action as loginAction } from "../../app/routes/login.tsx";
import type { Role } from "../../app/domain/access.ts";
import type { Notice } from "../../app/i18n/notice.ts";
import { db } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";

export const ORIGIN = "http://localhost";
export const DEFAULT_ADDRESS = "10.0.0.1";
/** The password every fixture account gets unless a test says otherwise. */
export const PASSWORD = "correct-horse-8";

/**
 * A cheaper scrypt cost for fixture accounts only, so that tests that log in
 * many times stay fast. The hash records its cost, so verifyPassword (and the
 * real login action) checks it exactly as it checks a production hash;
 * accounts created through the app's own actions still use DEFAULT_COST.
 */
const FIXTURE_COST = { N: 2 ** 10, r: 8, p: 1 } as const;

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

/** A valid, unused mainland mobile number (unique within this test file's database). */
export function uniquePhone(): string {
  return `139${String(next()).padStart(8, "0")}`;
}

/** A client address no other test in this file has used (login throttling counts per address). */
export function uniqueAddress(): string {
  const n = next();
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

// ---------------------------------------------------------------------------
// Data

export type TestWorkshop = { id: string; name: string };
export type TestPartner = { id: string; name: string; workshopId: string };
export type TestUser = {
  id: string;
  role: Role;
  name: string;
  phone: string;
  password: string;
  workshopId: string | null;
  partnerId: string | null;
};

export async function createTestWorkshop(input: { name?: string; district?: string } = {}): Promise<TestWorkshop> {
  const name = input.name ?? `测试工坊 ${next()}`;
  const row = await db().workshop.create({
    data: { name, district: input.district ?? "九龙坡区" },
    select: { id: true, name: true },
  });
  return row;
}

export async function createPartnerFirm(workshopId: string, name = `合作企业 ${next()}`): Promise<TestPartner> {
  return db().partner.create({ data: { workshopId, name }, select: { id: true, name: true, workshopId: true } });
}

type UserOptions = {
  name?: string;
  phone?: string;
  password?: string;
  active?: boolean;
  workshopId?: string | null;
  partnerId?: string | null;
};

export async function createUser(role: Role, options: UserOptions = {}): Promise<TestUser> {
  const phone = options.phone ?? uniquePhone();
  const password = options.password ?? PASSWORD;
  const name = options.name ?? `${role} ${next()}`;
  const user = await db().user.create({
    data: {
      role,
      name,
      phone,
      active: options.active ?? true,
      workshopId: options.workshopId ?? null,
      partnerId: options.partnerId ?? null,
      password: { create: { hash: await hashPassword(password, FIXTURE_COST) } },
    },
    select: { id: true, workshopId: true, partnerId: true },
  });
  return { id: user.id, role, name, phone, password, workshopId: user.workshopId, partnerId: user.partnerId };
}

export function createWorkerUser(workshopId: string, options: Omit<UserOptions, "workshopId"> = {}) {
  return createUser("worker", { ...options, workshopId });
}

export function createCoordinatorUser(workshopId: string, options: Omit<UserOptions, "workshopId"> = {}) {
  return createUser("coordinator", { ...options, workshopId });
}

export function createPartnerUser(partner: TestPartner, options: Omit<UserOptions, "workshopId" | "partnerId"> = {}) {
  return createUser("partner", { ...options, workshopId: partner.workshopId, partnerId: partner.id });
}

export function createAdminUser(options: Omit<UserOptions, "workshopId" | "partnerId"> = {}) {
  return createUser("admin", options);
}

/** A workshop with one coordinator and one worker: the usual starting point. */
export async function createWorkshopWithStaff() {
  const workshop = await createTestWorkshop();
  const coordinator = await createCoordinatorUser(workshop.id);
  const worker = await createWorkerUser(workshop.id);
  return { workshop, coordinator, worker };
}

export type RowCounts = {
  users: number;
  passwords: number;
  sessions: number;
  audit: number;
  workshops: number;
  partners: number;
  loginThrottles: number;
};

/** Row counts of the tables a form could change; compare before/after to prove "changes nothing". */
export async function rowCounts(): Promise<RowCounts> {
  const client = db();
  const [users, passwords, sessions, audit, workshops, partners, loginThrottles] = await Promise.all([
    client.user.count(),
    client.password.count(),
    client.session.count(),
    client.auditEvent.count(),
    client.workshop.count(),
    client.partner.count(),
    client.loginThrottle.count(),
  ]);
  return { users, passwords, sessions, audit, workshops, partners, loginThrottles };
}

export async function passwordHashOf(userId: string): Promise<string> {
  const row = await db().password.findUniqueOrThrow({ where: { userId }, select: { hash: true } });
  return row.hash;
}

// ---------------------------------------------------------------------------
// Requests

/** A form field: text, several values (a repeated field), or a file. */
export type FieldValue = string | string[] | Blob;
export type Fields = Record<string, FieldValue>;

function url(path: string): string {
  return path.startsWith("http") ? path : `${ORIGIN}${path}`;
}

export function toFormData(fields: Fields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const v of value) form.append(name, v);
    else if (typeof value === "string") form.append(name, value);
    else form.append(name, value, "f.txt");
  }
  return form;
}

/** A POST with a multipart FormData body, as a browser form (with a file) sends it. */
export function formRequest(path: string, fields: Fields | FormData, cookie?: string | null): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(url(path), {
    method: "POST",
    body: fields instanceof FormData ? fields : toFormData(fields),
    headers,
  });
}

export function getRequest(path: string, cookie?: string | null): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(url(path), { headers });
}

// ---------------------------------------------------------------------------
// Calling routes

export type RouteFunction = (args: LoaderFunctionArgs) => unknown;

export type Outcome = {
  status: number;
  /** The data() payload, the parsed JSON body of a Response, or a loader's plain return value. */
  data: unknown;
  headers: Headers;
  /** Whether the route threw (a redirect, 403, 404) rather than returned. */
  thrown: boolean;
};

type DataWithInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isDataWithInit(value: unknown): value is DataWithInit {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function normalise(value: unknown, thrown: boolean): Promise<Outcome> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text === "" ? null : text;
    try {
      data = text === "" ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: value.status, data, headers: value.headers, thrown };
  }
  if (isDataWithInit(value)) {
    return { status: value.init?.status ?? 200, data: value.data, headers: new Headers(value.init?.headers), thrown };
  }
  // An unexpected error is a test failure, not an outcome.
  if (thrown) throw value;
  return { status: 200, data: value, headers: new Headers(), thrown };
}

export type CallOptions = { params?: Record<string, string>; address?: string };

async function call(fn: RouteFunction, request: Request, options: CallOptions): Promise<Outcome> {
  const context: AppLoadContext = { clientAddress: options.address ?? DEFAULT_ADDRESS };
  try {
    return await normalise(await fn({ request, params: options.params ?? {}, context }), false);
  } catch (error) {
    return normalise(error, true);
  }
}

/** Calls a loader with a GET for `path` (with the cookie, if any). */
export function callLoader(loader: RouteFunction, path: string, cookie?: string | null, options: CallOptions = {}) {
  return call(loader, getRequest(path, cookie), options);
}

/** Calls an action with a form POST to `path`. */
export function callAction(
  action: RouteFunction,
  path: string,
  fields: Fields | FormData,
  cookie?: string | null,
  options: CallOptions = {},
) {
  return call(action, formRequest(path, fields, cookie), options);
}

export function location(outcome: Outcome): string | null {
  return outcome.headers.get("Location");
}

/**
 * The success notice an action's redirect carries (app/utils/notice.server.ts),
 * as the page it leads to reads it: the root loader, called with the notice
 * cookie (and the session cookie, if given), for the redirect's address. null
 * when the answer sets no notice.
 */
export async function noticeOf(outcome: Outcome, cookie?: string | null): Promise<Notice | null> {
  const setCookie = outcome.headers.getSetCookie().find((c) => c.startsWith("piecework_notice="));
  if (!setCookie) return null;
  const { loader } = await import("../../app/root.tsx");
  const cookies = [cookie, cookiePair(setCookie)].filter(Boolean).join("; ");
  const page = await callLoader(loader, location(outcome) ?? "/", cookies);
  return (page.data as { notice: Notice | null }).notice;
}

/** The `name=value` part of a Set-Cookie header, usable as a Cookie request header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0] ?? "";
}

// ---------------------------------------------------------------------------
// Logging in through the real login action

/**
 * Posts the login form (with `cookie`, e.g. a device cookie from an earlier
 * login). Returns the outcome (302 with cookies, 401, 429, 400).
 */
export function postLogin(
  fields: Fields,
  options: { address?: string; cookie?: string | null } = {},
): Promise<Outcome> {
  return callAction(loginAction, "/login", fields, options.cookie ?? null, {
    address: options.address ?? DEFAULT_ADDRESS,
  });
}

/** The `name=value` of the cookie called `name` among an outcome's Set-Cookie headers, or null. */
export function setCookieNamed(outcome: Outcome, name: string): string | null {
  const found = outcome.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return found ? cookiePair(found) : null;
}

/** Logs in and returns the Cookie header for later requests; fails the test if the login fails. */
export async function login(phone: string, password: string, options: { address?: string } = {}): Promise<string> {
  const outcome = await postLogin({ phone, password }, options);
  expect(outcome.status, `login of ${phone} failed: ${JSON.stringify(outcome.data)}`).toBe(302);
  const setCookie = outcome.headers.get("Set-Cookie");
  expect(setCookie).toBeTruthy();
  return cookiePair(setCookie ?? "");
}

export function loginAs(user: TestUser, options: { address?: string } = {}): Promise<string> {
  return login(user.phone, user.password, options);
}
