// POST /language is a resource route (no page): whatever its action returns is
// the HTTP answer. Issue 6, item 5: an unknown locale or a repeated field was
// answered 200 with JSON (Remix wraps a non-Response in a 200); it must be 400,
// with no cookie and nothing changed. Posted through Remix's own handler.
import { expect, test } from "vitest";
import * as language from "../../app/routes/language.tsx";
import { db } from "../../app/infra/db.server.ts";
import { createWorkshopWithStaff, loginAs } from "../support/fixtures.ts";
import { remixHandler } from "../support/remix-handler.ts";

const handle = remixHandler({ language });

function post(body: URLSearchParams | FormData, cookie?: string): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request("http://localhost/language", { method: "POST", body, headers });
}

const BAD: [what: string, fields: [string, string][]][] = [
  [
    "an unknown locale",
    [
      ["locale", "fr"],
      ["redirectTo", "/worker"],
    ],
  ],
  ["an empty locale", [["locale", ""]]],
  ["no locale", [["redirectTo", "/worker"]]],
  [
    "the locale twice",
    [
      ["locale", "en"],
      ["locale", "zh-CN"],
    ],
  ],
  [
    "the same locale twice",
    [
      ["locale", "en"],
      ["locale", "en"],
    ],
  ],
  [
    "redirectTo twice",
    [
      ["locale", "en"],
      ["redirectTo", "/worker"],
      ["redirectTo", "/admin"],
    ],
  ],
];

test.each(BAD)(
  "POST /language with %s is a 400, sets no cookie and leaves the account's language",
  async (_w, fields) => {
    const { worker } = await createWorkshopWithStaff();
    const cookie = await loginAs(worker);
    const before = (await db().user.findUniqueOrThrow({ where: { id: worker.id } })).locale;
    for (const body of [new URLSearchParams(fields), formDataOf(fields)]) {
      const response = await handle(post(body, cookie));
      expect(response.status).toBe(400);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      expect(response.headers.get("Location")).toBeNull();
      const payload = (await response.json()) as { ok: boolean; fieldErrors: Record<string, string> };
      expect(payload.ok).toBe(false);
      expect(Object.values(payload.fieldErrors)).toContain("error.invalid");
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: worker.id } })).locale).toBe(before);
  },
);

test("POST /language with a known locale still switches (302, cookie, saved on the account)", async () => {
  const { worker } = await createWorkshopWithStaff();
  const cookie = await loginAs(worker);
  const response = await handle(post(new URLSearchParams({ locale: "en", redirectTo: "/worker" }), cookie));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/worker");
  expect(response.headers.get("Set-Cookie")).toMatch(/^piecework_lang=/);
  expect((await db().user.findUniqueOrThrow({ where: { id: worker.id } })).locale).toBe("en");
});

function formDataOf(fields: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}
