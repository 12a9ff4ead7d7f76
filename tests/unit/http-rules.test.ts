// The HTTP layer's pure rules (app/http): which writes come from this site,
// which bodies are forms of an acceptable size, the headers and policy every
// answer carries, which precompressed copy to send, and the log line.
import { expect, test } from "vitest";
import {
  bodyLimitFor,
  checkBodyHeaders,
  contentTypeParameter,
  FORM_BODY_LIMIT,
  isValidBoundary,
  mediaType,
  PHOTO_FORM_BODY_LIMIT,
  PLAIN_LOG_BODY_LIMIT,
} from "../../app/http/body.ts";
import { preferredEncoding } from "../../app/http/encoding.ts";
import { baseSecurityHeaders, contentSecurityPolicy, HSTS_MAX_AGE_SECONDS } from "../../app/http/headers.ts";
import { crossSiteVerdict, siteOrigin } from "../../app/http/origin.ts";
import { refusal, wantsPage } from "../../app/http/refusal.ts";
import { loggedPath, MAX_LOGGED_PATH, requestLogLine } from "../../app/http/request-log.ts";

// ---------------------------------------------------------------------------
// siteOrigin

test.each([
  [{ host: "example.org" }, "http://example.org"],
  [{ host: "example.org:8080" }, "http://example.org:8080"],
  [{ host: "Example.ORG:80" }, "http://example.org"],
  [{ host: "127.0.0.1:3000" }, "http://127.0.0.1:3000"],
  [{ host: "[::1]:3000" }, "http://[::1]:3000"],
  [{ host: "example.org", encrypted: true }, "https://example.org"],
  [{ host: "example.org:443", encrypted: true }, "https://example.org"],
  // The proxy is only believed when trusted.
  [{ host: "127.0.0.1:3000", forwardedHost: "piecework.cn", forwardedProto: "https" }, "http://127.0.0.1:3000"],
  [
    { host: "127.0.0.1:3000", forwardedHost: "piecework.cn", forwardedProto: "https", trustProxy: true },
    "https://piecework.cn",
  ],
  [{ host: "piecework.cn", forwardedProto: "https", trustProxy: true }, "https://piecework.cn"],
  // One trusted hop: the value it appended is the last one.
  [
    { host: "x", forwardedHost: "forged.example, piecework.cn", forwardedProto: "http, https", trustProxy: true },
    "https://piecework.cn",
  ],
  [{ host: undefined }, null],
  [{ host: "" }, null],
  [{ host: "evil.example/path" }, null],
  [{ host: "user@evil.example" }, null],
  [{ host: "a b" }, null],
  [{ host: "example.org", forwardedProto: "ftp", trustProxy: true }, null],
])("siteOrigin(%j) is %s", (input, expected) => {
  expect(siteOrigin({ encrypted: false, trustProxy: false, ...input })).toBe(expected);
});

// ---------------------------------------------------------------------------
// crossSiteVerdict

const SITE = "http://127.0.0.1:3000";
const verdict = (method: string, origin?: string, secFetchSite?: string, site: string | null = SITE) =>
  crossSiteVerdict({ method, origin, secFetchSite, site }).allowed;

test("reads always pass, whatever they claim to come from", () => {
  for (const method of ["GET", "HEAD"]) {
    expect(verdict(method, "https://attacker.example", "cross-site")).toBe(true);
  }
});

test("a write with this site's exact origin passes; any other scheme, host or port is refused", () => {
  for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND"]) {
    expect(verdict(method, SITE), method).toBe(true);
    expect(verdict(method, "http://127.0.0.1:3001"), method).toBe(false);
    expect(verdict(method, "http://localhost:3000"), method).toBe(false);
    expect(verdict(method, "https://127.0.0.1:3000"), method).toBe(false);
    expect(verdict(method, "https://attacker.example"), method).toBe(false);
  }
  // The same origin however it is spelled; the Origin header never has a path, but if it did, it is not the point.
  expect(verdict("POST", "HTTP://127.0.0.1:3000")).toBe(true);
  expect(verdict("POST", "http://example.org:80", undefined, "http://example.org")).toBe(true);
});

test("Origin: null, garbage, several origins or another scheme are refused", () => {
  for (const origin of [
    "null",
    "",
    "garbage",
    `${SITE}, https://attacker.example`,
    "file://",
    "chrome-extension://x",
  ]) {
    expect(verdict("POST", origin), origin).toBe(false);
  }
});

test("Origin wins over Sec-Fetch-Site", () => {
  expect(verdict("POST", SITE, "cross-site")).toBe(true);
  expect(verdict("POST", "https://attacker.example", "same-origin")).toBe(false);
});

test("without Origin, Sec-Fetch-Site must say same-origin (or none: a bookmark, the address bar)", () => {
  expect(verdict("POST", undefined, "same-origin")).toBe(true);
  expect(verdict("POST", undefined, "Same-Origin")).toBe(true);
  expect(verdict("POST", undefined, "none")).toBe(true);
  expect(verdict("POST", undefined, "same-site")).toBe(false);
  expect(verdict("POST", undefined, "cross-site")).toBe(false);
  expect(verdict("POST", undefined, "")).toBe(false);
});

test("a write from a client with neither header (not a browser) passes", () => {
  expect(verdict("POST")).toBe(true);
});

test("when the site's own origin is unknown, no write with an Origin passes", () => {
  expect(verdict("POST", SITE, undefined, null)).toBe(false);
});

// ---------------------------------------------------------------------------
// Bodies

test("media types and parameters are read case-insensitively, quoted or not", () => {
  expect(mediaType("Multipart/Form-Data; boundary=x")).toBe("multipart/form-data");
  expect(mediaType(undefined)).toBe("");
  expect(contentTypeParameter('multipart/form-data; charset=utf-8; BOUNDARY="a b"', "boundary")).toBe("a b");
  expect(contentTypeParameter("multipart/form-data; boundary=----WebKitFormBoundaryX", "boundary")).toBe(
    "----WebKitFormBoundaryX",
  );
  expect(contentTypeParameter("multipart/form-data", "boundary")).toBeUndefined();
});

test("boundaries follow RFC 2046: 1 to 70 allowed characters, not ending in a space", () => {
  expect(isValidBoundary("----WebKitFormBoundary7MA4YWxkTrZu0gW")).toBe(true);
  expect(isValidBoundary("a".repeat(70))).toBe(true);
  expect(isValidBoundary("a".repeat(71))).toBe(false);
  expect(isValidBoundary("")).toBe(false);
  expect(isValidBoundary("ends with space ")).toBe(false);
  expect(isValidBoundary("bad\r\nboundary")).toBe(false);
  expect(isValidBoundary(undefined)).toBe(false);
});

const headers = (contentType?: string, contentLength?: string, transferEncoding?: string) => ({
  contentType,
  contentLength,
  transferEncoding,
});

test.each([
  [headers("application/x-www-form-urlencoded", "10"), { ok: true, kind: "urlencoded" }],
  [headers("application/x-www-form-urlencoded;charset=UTF-8", "0"), { ok: true, kind: "urlencoded" }],
  [headers("multipart/form-data; boundary=abc", "100"), { ok: true, kind: "multipart" }],
  [headers("application/x-www-form-urlencoded", undefined, "chunked"), { ok: true, kind: "urlencoded" }],
  [headers("application/x-www-form-urlencoded", String(FORM_BODY_LIMIT)), { ok: true, kind: "urlencoded" }],
  [headers("application/x-www-form-urlencoded", String(FORM_BODY_LIMIT + 1)), { ok: false, status: 413 }],
  [headers("application/x-www-form-urlencoded", String(50 * 1024 * 1024)), { ok: false, status: 413 }],
  [headers("application/x-www-form-urlencoded", "12abc"), { ok: false, status: 400 }],
  [headers("application/json", "2"), { ok: false, status: 415 }],
  [headers("text/plain", "2"), { ok: false, status: 415 }],
  [headers(undefined, "2"), { ok: false, status: 415 }],
  [headers(undefined, "0"), { ok: false, status: 415 }],
  [headers("application/json", String(50 * 1024 * 1024)), { ok: false, status: 415 }],
  [headers("multipart/form-data", "100"), { ok: false, status: 400 }],
  [headers("multipart/form-data; boundary=", "100"), { ok: false, status: 400 }],
  [headers("multipart/mixed; boundary=abc", "100"), { ok: false, status: 415 }],
])("checkBodyHeaders(%j) → %j", (input, expected) => {
  expect(checkBodyHeaders(input, FORM_BODY_LIMIT)).toMatchObject(expected);
});

test("a path may have a larger body limit (photo uploads); every other path has the form limit", () => {
  const larger = [{ path: /^\/worker\/logs\/[^/]+\/photo$/, limit: 8 * 1024 * 1024 }];
  expect(bodyLimitFor("/worker/logs/abc/photo", larger)).toBe(8 * 1024 * 1024);
  expect(bodyLimitFor("/worker/logs/abc", larger)).toBe(FORM_BODY_LIMIT);
  expect(bodyLimitFor("/login")).toBe(FORM_BODY_LIMIT);
  expect(FORM_BODY_LIMIT).toBe(64 * 1024);
});

test("the worker's log form (/worker/tasks/<id>, which may carry a photo) may send 24 MB and a form, the queue's /logs 8 MB and a form; nothing below them may", () => {
  expect(PHOTO_FORM_BODY_LIMIT).toBe(8 * 1024 * 1024 + 64 * 1024);
  expect(PLAIN_LOG_BODY_LIMIT).toBe(24 * 1024 * 1024 + 64 * 1024);
  expect(bodyLimitFor("/worker/tasks/cmabc123")).toBe(PLAIN_LOG_BODY_LIMIT);
  expect(bodyLimitFor("/worker/tasks/cmabc123/logs")).toBe(PHOTO_FORM_BODY_LIMIT);
  for (const pathname of [
    "/worker/tasks/cmabc123/give-back",
    "/worker/tasks/cmabc123/",
    "/worker/tasks/",
    "/worker/tasks",
    "/worker/tasks/a/b",
    "/worker/claim",
    "/coordinator/tasks/cmabc123",
    "/x/worker/tasks/cmabc123",
    "/photos/cmabc123",
  ]) {
    expect(bodyLimitFor(pathname), pathname).toBe(FORM_BODY_LIMIT);
  }
  const nineMegabytes = String(9 * 1024 * 1024);
  expect(checkBodyHeaders(headers("multipart/form-data; boundary=x", nineMegabytes), PHOTO_FORM_BODY_LIMIT)).toEqual({
    ok: false,
    status: 413,
    reason: "tooLarge",
  });
});

// ---------------------------------------------------------------------------
// Refusals

test("a refusal speaks both languages: a small page for a browser's page request, plain text otherwise", () => {
  const page = refusal(413, "tooLarge", { page: true });
  expect(page.contentType).toBe("text/html; charset=utf-8");
  expect(page.body).toContain("内容太大");
  expect(page.body).toContain("Too large");
  expect(page.body).toContain("64 KB");
  expect(page.body).not.toContain("<script");
  const text = refusal(403, "crossSite", { page: false });
  expect(text.contentType).toBe("text/plain; charset=utf-8");
  expect(text.body).toContain("请求被拒绝");
  expect(text.body).toContain("Request refused");
  expect(refusal(413, "tooLarge", { page: false, limit: 8 * 1024 * 1024 }).body).toContain("8192 KB");
});

test("only a browser asking for a page gets the page", () => {
  expect(wantsPage("/login", "text/html,application/xhtml+xml")).toBe(true);
  expect(wantsPage("/login?_data=routes%2Flogin", "text/html")).toBe(false);
  expect(wantsPage("/login.data", "text/html")).toBe(false);
  expect(wantsPage("/login", "*/*")).toBe(false);
  expect(wantsPage("/login", undefined)).toBe(false);
});

// ---------------------------------------------------------------------------
// Headers

test("every answer says nosniff, same-origin referrers and no framing; HSTS only when cookies are Secure", () => {
  const plain = baseSecurityHeaders({ hsts: false });
  expect(plain).toEqual({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
  });
  expect(baseSecurityHeaders({ hsts: true })["Strict-Transport-Security"]).toBe(`max-age=${HSTS_MAX_AGE_SECONDS}`);
  expect(HSTS_MAX_AGE_SECONDS).toBeGreaterThanOrEqual(180 * 24 * 3600);
});

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

test("the pages' CSP: scripts only from here or with this request's nonce, no inline script, no framing", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "abc123==" }));
  expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='"]);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("style-src")).toEqual(["'self'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("connect-src")).toEqual(["'self'"]);
  for (const [name, values] of policy) {
    if (name !== "style-src-attr") expect(values, name).not.toContain("'unsafe-inline'");
    expect(values, name).not.toContain("'unsafe-eval'");
  }
});

test("in development the CSP also lets in remix dev's origin and its socket (HMR)", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "n", devOrigin: "http://localhost:3001/" }));
  expect(policy.get("script-src")).toContain("http://localhost:3001");
  expect(policy.get("connect-src")).toEqual(["'self'", "http://localhost:3001", "ws://localhost:3001"]);
});

// ---------------------------------------------------------------------------
// Precompressed copies

test.each([
  ["gzip, deflate, br", "br"],
  ["br;q=0.1, gzip", "br"],
  ["gzip", "gzip"],
  ["br;q=0, gzip", "gzip"],
  ["*", "br"],
  ["*, br;q=0", "gzip"],
  ["identity", null],
  ["gzip;q=0, br;q=0", null],
  ["", null],
  [undefined, null],
])("Accept-Encoding %j → %s", (header, expected) => {
  expect(preferredEncoding(header)).toBe(expected);
});

// ---------------------------------------------------------------------------
// The log line

test("a log line is one JSON object: time, method, path without the query, status, ms, bytes, client", () => {
  const line = requestLogLine({
    time: new Date("2026-12-01T08:00:00.000Z"),
    method: "POST",
    url: "/login?redirectTo=%2Fworker&password=secret",
    status: 302,
    durationMs: 12.345,
    bytes: 0,
    client: "10.0.0.7",
  });
  expect(line).not.toContain("\n");
  expect(JSON.parse(line)).toEqual({
    time: "2026-12-01T08:00:00.000Z",
    method: "POST",
    path: "/login",
    status: 302,
    ms: 12.3,
    bytes: 0,
    client: "10.0.0.7",
  });
  expect(line).not.toContain("secret");
  expect(JSON.parse(requestLogLine({ ...JSON.parse(line), url: "/x", time: new Date(), aborted: true })).aborted).toBe(
    true,
  );
});

test("logged paths lose their query and fragment and are cut to a bounded length", () => {
  expect(loggedPath("/coordinator/orders/abc?index&_data=x")).toBe("/coordinator/orders/abc");
  expect(loggedPath("/a#b")).toBe("/a");
  // A statement's verification code is a secret: never written to the access log (ADR 027).
  expect(loggedPath("/v/ABCD-EFGH-JKLM-NPQR-STUV?lang=en")).toBe("/v/…");
  expect(loggedPath("/v")).toBe("/v");
  expect(loggedPath("/verify-not/ABCD")).toBe("/verify-not/ABCD");
  expect(loggedPath(`/${"x".repeat(1000)}`)).toHaveLength(MAX_LOGGED_PATH + 1);
  expect(
    JSON.parse(
      requestLogLine({
        time: new Date(),
        method: "GET",
        url: '/"\n',
        status: 404,
        durationMs: 1,
        bytes: 1,
        client: "x",
      }),
    ).path,
  ).toBe('/"\n');
});
