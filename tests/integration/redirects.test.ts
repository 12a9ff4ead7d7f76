// Hostile redirectTo values on a correct login and on the language switch
// (issue 6, item 4). Before the fix, a non-ASCII or CR/LF redirectTo made the
// action throw while building the Location header: a 500 after the session row
// was created, with no cookie sent. Posted through Remix's own request handler,
// so the status and headers are the ones a browser would get.
import { expect, test } from "vitest";
import * as language from "../../app/routes/language.tsx";
import * as login from "../../app/routes/login.tsx";
import * as workerHome from "../../app/routes/worker._index.tsx";
import { db } from "../../app/infra/db.server.ts";
import { callLoader, createWorkshopWithStaff, location, uniqueAddress } from "../support/fixtures.ts";
import { HOSTILE_REDIRECTS } from "../support/hostile-redirects.ts";
import { remixHandler } from "../support/remix-handler.ts";

const handle = remixHandler({ login, language });

function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields), headers });
}

test.each(HOSTILE_REDIRECTS)(
  "a correct login with %s as redirectTo is a normal login to the role's home, cookie included",
  async (_what, redirectTo) => {
    const { worker } = await createWorkshopWithStaff();
    const response = await handle(
      post("/login", { phone: worker.phone, password: worker.password, redirectTo }),
      uniqueAddress(),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/worker");
    expect(response.headers.get("Set-Cookie")).toMatch(/^__piecework_session=[^;]+;/);
    // One session, and it is the one the cookie carries (no orphan row from a failed answer).
    expect(await db().session.count({ where: { userId: worker.id } })).toBe(1);
  },
);

test("a correct login with a plain path inside the area (and with encoded Chinese) still goes there", async () => {
  const { worker } = await createWorkshopWithStaff();
  for (const redirectTo of ["/worker/claim?month=2026-11", "/worker/%E8%AE%A2%E5%8D%95", "/account"]) {
    const response = await handle(
      post("/login", { phone: worker.phone, password: worker.password, redirectTo }),
      uniqueAddress(),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(redirectTo);
    expect(response.headers.get("Set-Cookie")).toMatch(/^__piecework_session=/);
  }
});

test.each(HOSTILE_REDIRECTS)("the language switch with %s as redirectTo goes to / with its cookie", async (_w, to) => {
  const response = await handle(post("/language", { locale: "en", redirectTo: to }));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/");
  expect(response.headers.get("Set-Cookie")).toMatch(/^piecework_lang=/);
});

test("the language switch keeps a plain local path", async () => {
  const response = await handle(post("/language", { locale: "en", redirectTo: "/coordinator/products?tab=2" }));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/coordinator/products?tab=2");
});

test.each([
  ["/worker/%5cevil.com", "/login"],
  ["/worker/%0d%0aSet-Cookie:x=1", "/login"],
  ["/worker/%2fevil.com", "/login"],
  ["/worker//evil.com", "/login"],
  ["/worker/%E8%AE%A2%E5%8D%95", `/login?redirectTo=${encodeURIComponent("/worker/%E8%AE%A2%E5%8D%95")}`],
  ["/worker/订单", `/login?redirectTo=${encodeURIComponent("/worker/%E8%AE%A2%E5%8D%95")}`],
  ["/worker?month=2026-11", `/login?redirectTo=${encodeURIComponent("/worker?month=2026-11")}`],
])("asking for %s without a session redirects to %s (only plain paths are remembered)", async (path, expected) => {
  const outcome = await callLoader(workerHome.loader, path, null);
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe(expected);
});
