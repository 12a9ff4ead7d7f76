// The session cookie: signed (HMAC with SESSION_SECRET), httpOnly, SameSite=Lax,
// Secure in production. It holds the session id and nothing else. A second,
// unsigned-content cookie remembers the language for people not logged in. A
// third, signed like the session, is the device cookie of login throttling
// (ADR 011): which numbers have logged in successfully on this browser.
import { randomBytes } from "node:crypto";
import { createCookie, createCookieSessionStorage, type Session } from "@remix-run/node";
import { DEVICE_TOKEN_TTL_MS, liveDeviceTokens, type DeviceToken } from "../domain/login-throttle.ts";
import { getEnv } from "../infra/env.server.ts";
import { SESSION_TTL_MS } from "../models/session.server.ts";
import { toLocale, type Locale } from "../i18n/locales.ts";

type SessionData = { sessionId: string };
type FlashData = { notice: string };

let storage: ReturnType<typeof createCookieSessionStorage<SessionData, FlashData>> | undefined;

function sessionStorage() {
  if (!storage) {
    const env = getEnv();
    storage = createCookieSessionStorage<SessionData, FlashData>({
      cookie: {
        name: "__piecework_session",
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: env.secureCookies,
        secrets: env.sessionSecrets,
        maxAge: SESSION_TTL_MS / 1000,
      },
    });
  }
  return storage;
}

export function getCookieSession(request: Request): Promise<Session<SessionData, FlashData>> {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

export function commitCookieSession(session: Session<SessionData, FlashData>): Promise<string> {
  return sessionStorage().commitSession(session);
}

export function destroyCookieSession(session: Session<SessionData, FlashData>): Promise<string> {
  return sessionStorage().destroySession(session);
}

let langCookie: ReturnType<typeof createCookie> | undefined;

function languageCookie() {
  langCookie ??= createCookie("piecework_lang", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getEnv().secureCookies,
    maxAge: 365 * 24 * 60 * 60,
  });
  return langCookie;
}

export async function readLanguageCookie(request: Request): Promise<Locale | null> {
  const value: unknown = await languageCookie().parse(request.headers.get("Cookie"));
  return value === null || value === undefined ? null : toLocale(value);
}

export function writeLanguageCookie(locale: Locale): Promise<string> {
  return languageCookie().serialize(locale);
}

let deviceCookieInstance: ReturnType<typeof createCookie> | undefined;

function deviceCookie() {
  deviceCookieInstance ??= createCookie("__piecework_device", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getEnv().secureCookies,
    secrets: getEnv().sessionSecrets,
    maxAge: DEVICE_TOKEN_TTL_MS / 1000,
  });
  return deviceCookieInstance;
}

/** The live device tokens this browser presents (none when the cookie is missing, forged or expired). */
export async function readDeviceTokens(request: Request, now: Date): Promise<DeviceToken[]> {
  const value: unknown = await deviceCookie().parse(request.headers.get("Cookie"));
  return liveDeviceTokens(value, now);
}

export function writeDeviceTokens(tokens: DeviceToken[]): Promise<string> {
  return deviceCookie().serialize(tokens);
}

/** A new random device id (128 bits). */
export function newDeviceId(): string {
  return randomBytes(16).toString("base64url");
}
