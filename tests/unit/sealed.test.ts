// Sealing a short-lived secret at rest (app/infra/sealed.server.ts): what is
// sealed opens only with the same purpose and one of the secrets, never when
// altered, and the sealed text does not hold the clear text.
import { expect, test } from "vitest";
import { seal, unseal } from "../../app/infra/sealed.server.ts";

const SECRETS = ["a-long-random-session-secret-of-32+chars"];

test("opens what it sealed, with the same purpose; the sealed text holds nothing of it in clear", () => {
  const text = JSON.stringify({ workers: [{ name: "王芳", password: "0123456789" }] });
  const sealed = seal(text, "worker-import-sheet", SECRETS);
  expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(sealed).not.toContain("0123456789");
  expect(unseal(sealed, "worker-import-sheet", SECRETS)).toBe(text);
  // Sealed twice, two different texts (a fresh IV each time).
  expect(seal(text, "worker-import-sheet", SECRETS)).not.toBe(sealed);
});

test("a different purpose, another secret, an altered or malformed text: null", () => {
  const sealed = seal("secret", "worker-import-sheet", SECRETS);
  expect(unseal(sealed, "another-purpose", SECRETS)).toBeNull();
  expect(unseal(sealed, "worker-import-sheet", ["another-secret-another-secret-1234"])).toBeNull();
  const [v, iv, tag, body] = sealed.split(".");
  const flipped = body!.startsWith("A") ? `B${body!.slice(1)}` : `A${body!.slice(1)}`;
  expect(unseal([v, iv, tag, flipped].join("."), "worker-import-sheet", SECRETS)).toBeNull();
  for (const bad of ["", "v1", "v2.a.b.c", `${sealed}.x`, "v1...."]) {
    expect(unseal(bad, "worker-import-sheet", SECRETS)).toBeNull();
  }
});

test("after a secret rotation (new secret first), what the old one sealed still opens", () => {
  const sealed = seal("secret", "p", SECRETS);
  expect(unseal(sealed, "p", ["the-new-secret-the-new-secret-12345", ...SECRETS])).toBe("secret");
});
