// Where a login (or the language switch) may send you: plainLocalPath and
// safeRedirect (app/domain/access.ts). Issue 6, item 4: non-ASCII text,
// control characters, backslashes, dot segments (also percent-encoded) and
// protocol-relative URLs must never reach a Location header.
import fc from "fast-check";
import { expect, test } from "vitest";
import { MAX_REDIRECT_LENGTH, ROLES, plainLocalPath, safeRedirect } from "../../app/domain/access.ts";
import { HOSTILE_REDIRECTS as HOSTILE } from "../support/hostile-redirects.ts";

test.each(HOSTILE)("plainLocalPath refuses %s", (_what, value) => {
  expect(plainLocalPath(value)).toBeNull();
});

test.each(HOSTILE)("a worker's login with %s as redirectTo goes home", (_what, value) => {
  expect(safeRedirect("worker", value)).toBe("/worker");
});

test.each([
  ["/", "/"],
  ["/worker", "/worker"],
  ["/worker/", "/worker/"],
  ["/worker/tasks?month=2026-11", "/worker/tasks?month=2026-11"],
  ["/worker?next=//evil.com", "/worker?next=//evil.com"],
  ["/worker/%E8%AE%A2%E5%8D%95", "/worker/%E8%AE%A2%E5%8D%95"],
  ["/worker/...", "/worker/..."],
  ["/worker/.well-known", "/worker/.well-known"],
  [`/worker/${"x".repeat(MAX_REDIRECT_LENGTH - 8)}`, `/worker/${"x".repeat(MAX_REDIRECT_LENGTH - 8)}`],
])("plainLocalPath keeps the plain path %s", (value, expected) => {
  expect(plainLocalPath(value)).toBe(expected);
});

test("plainLocalPath refuses what is not a string", () => {
  for (const value of [null, undefined, 42, ["/worker"], { toString: () => "/worker" }]) {
    expect(plainLocalPath(value)).toBeNull();
  }
});

test.each([
  ["worker", "/worker/tasks?month=2026-11", "/worker/tasks?month=2026-11"],
  ["worker", "/account", "/account"],
  ["worker", "/account?changed=1", "/account?changed=1"],
  ["worker", "/admin", "/worker"],
  ["worker", "/workerish", "/worker"],
  ["worker", "/coordinator/workers", "/worker"],
  ["worker", "/accounts", "/worker"],
  ["worker", "/", "/worker"],
  ["worker", null, "/worker"],
  ["worker", undefined, "/worker"],
  ["coordinator", "/coordinator/products/abc?done=saved", "/coordinator/products/abc?done=saved"],
  ["coordinator", "/coordinator/../admin", "/coordinator"],
  ["coordinator", "/partner", "/coordinator"],
  ["partner", "/partner/orders/new", "/partner/orders/new"],
  ["partner", "/partner/%2e%2e/admin", "/partner"],
  ["admin", "/admin/workshops/abc", "/admin/workshops/abc"],
  ["admin", "/worker", "/admin"],
  // A label's address, scanned before logging in (ADR 019): workers and coordinators go on to it.
  ["worker", "/l/cmlabel123", "/l/cmlabel123"],
  ["coordinator", "/l/cmlabel123", "/l/cmlabel123"],
  ["partner", "/l/cmlabel123", "/partner"],
  ["admin", "/l/cmlabel123", "/admin"],
  ["worker", "/l/", "/worker"],
  ["worker", "/l", "/worker"],
  ["worker", "/l/a/b", "/worker"],
  ["worker", "/l/../admin", "/worker"],
  ["coordinator", "/l/%2e%2e", "/coordinator"],
  ["worker", "/label/x", "/worker"],
] as const)("a %s asking for %s goes to %s", (role, requested, expected) => {
  expect(safeRedirect(role, requested)).toBe(expected);
});

// An independent oracle: resolve the path the way a browser would (WHATWG URL,
// which also decodes %2e dot segments), then check it is still inside the area.
function browserLands(value: string): string {
  const base = "http://piecework.invalid";
  return new URL(value, base).href.slice(base.length);
}

test("property: wherever safeRedirect sends a role, a browser stays on this site, inside that role's area, /account or (worker, coordinator) one label's /l/<id>", () => {
  const pieces = fc.constantFrom(
    "/",
    "l",
    "/l/",
    "worker",
    "admin",
    "account",
    ".",
    "..",
    "%2e",
    "%2E",
    "%2f",
    "%5c",
    "\\",
    "?",
    "#",
    "=",
    "&",
    "%",
    "%0a",
    "\n",
    "\t",
    " ",
    "订",
    "\u202e",
    "evil.com",
    ":",
    "@",
  );
  fc.assert(
    fc.property(fc.constantFrom(...ROLES), fc.array(pieces, { maxLength: 12 }), (role, parts) => {
      const requested = parts.join("");
      const target = safeRedirect(role, requested);
      // What goes into the Location header is printable ASCII (or the header itself would throw).
      expect(target).toMatch(/^\/[\x21-\x7e]*$/);
      const landed = browserLands(target);
      const path = landed.split(/[?#]/)[0] ?? "";
      const home = `/${role}`;
      const label = (role === "worker" || role === "coordinator") && /^\/l\/[^/]+$/.test(path);
      expect(path === home || path.startsWith(`${home}/`) || path === "/account" || label).toBe(true);
      expect(new Headers({ Location: target }).get("Location")).toBe(target);
    }),
    { numRuns: 3000 },
  );
});
