// The server side of forms (app/utils/forms.server.ts): an action reads its
// form through readFormData, which answers a non-form body with 415/400
// instead of crashing, and a failed validation echoes back only the schema's
// own fields, whatever else was posted.
import { expect, test } from "vitest";
import { changePasswordSchema } from "../../app/forms/account.ts";
import { loginSchema } from "../../app/forms/login.ts";
import { minimumWageSchema } from "../../app/forms/settings.ts";
import { readFormData, schemaFields, validate } from "../../app/utils/forms.server.ts";

function post(body: BodyInit | null, contentType?: string): Request {
  const headers = new Headers();
  if (contentType) headers.set("Content-Type", contentType);
  return new Request("http://localhost/login", { method: "POST", body, headers });
}

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

test("readFormData reads urlencoded and multipart forms", async () => {
  const urlencoded = await readFormData(post("phone=1&password=2", "application/x-www-form-urlencoded"));
  expect(urlencoded.get("phone")).toBe("1");
  const form = new FormData();
  form.set("phone", "3");
  const multipart = await readFormData(new Request("http://localhost/login", { method: "POST", body: form }));
  expect(multipart.get("phone")).toBe("3");
});

test.each([
  ["JSON", '{"phone":"1"}', "application/json", 415],
  ["text/plain", "phone=1", "text/plain", 415],
  ["no Content-Type", null, undefined, 415],
  ["an unknown type", "x", "application/x-anything", 415],
  [
    "multipart with another boundary",
    '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--',
    "multipart/form-data; boundary=a",
    400,
  ],
  ["multipart without a boundary", "--a--", "multipart/form-data", 400],
])("readFormData refuses %s with %i and a message in both languages", async (_name, body, type, status) => {
  const response = await thrownBy(readFormData(post(body, type)));
  expect(response.status).toBe(status);
  const text = await response.text();
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).toMatch(/[A-Za-z]{4}/);
});

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

test("a failed validation echoes only the schema's own fields (never passwords), not whatever else was posted", () => {
  const result = validate(
    loginSchema,
    formOf({ phone: "123", password: "secret", redirectTo: "/worker", junk: "x".repeat(5000), other: "marker" }),
  );
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.values).toEqual({ phone: "123", redirectTo: "/worker" });
  expect(Object.keys(result.fieldErrors)).toEqual(["phone"]);
});

test("unknown fields neither block a valid form nor are reported; a repeated schema field still is", () => {
  const valid = validate(loginSchema, formOf({ phone: "13800000002", password: "pw", extra: "1" }));
  expect(valid.ok).toBe(true);
  const repeated = new FormData();
  repeated.append("phone", "13800000002");
  repeated.append("phone", "13800000003");
  repeated.append("password", "pw");
  repeated.append("junk", "1");
  repeated.append("junk", "2");
  const result = validate(loginSchema, repeated);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.fieldErrors).toEqual({ phone: "error.invalid" });
});

test("schemaFields reads an object schema, also one with whole-form checks", () => {
  expect([...schemaFields(loginSchema)].sort()).toEqual(["locale", "password", "phone", "redirectTo"]);
  expect([...schemaFields(changePasswordSchema)].sort()).toEqual(["confirmPassword", "currentPassword", "newPassword"]);
  expect([...schemaFields(minimumWageSchema)].sort()).toEqual(["hourlyMinimumWage", "minimumWageSource"]);
});

test("a failed validation keeps the page's intent (which form failed) but nothing else outside the schema", () => {
  const form = new FormData();
  form.set("intent", "changeWage");
  form.set("hourlyMinimumWage", "abc");
  form.set("junk", "x".repeat(1000));
  const failed = validate(minimumWageSchema, form);
  expect(failed.ok).toBe(false);
  if (failed.ok) return;
  expect(failed.values.intent).toBe("changeWage");
  expect(failed.values.junk).toBeUndefined();
  // an intent that is not a plain word is not echoed
  form.set("intent", "<script>".repeat(10));
  const odd = validate(minimumWageSchema, form);
  expect(odd.ok ? null : odd.values.intent).toBeUndefined();
});
