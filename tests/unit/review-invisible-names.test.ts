// Review of issue 6, item 6 (text hygiene): a single-line name accepts
// characters that draw nothing, so two workers (or firms, or contacts) can
// carry names that look the same on every screen and in every dropdown:
// the zero-width space, the byte-order mark, the word joiner, and the
// right-to-left / left-to-right / Arabic letter marks (Unicode Bidi_Control,
// like the overrides the schema already refuses).
import * as z from "zod/mini";
import { expect, test } from "vitest";
import { newAccountSchema } from "../../app/forms/account.ts";
import { createPartnerSchema } from "../../app/forms/partners.ts";

const INVISIBLE: [what: string, char: string][] = [
  ["zero-width space U+200B", "\u200b"],
  ["word joiner U+2060", "\u2060"],
  ["byte-order mark U+FEFF", "\ufeff"],
  ["left-to-right mark U+200E", "\u200e"],
  ["right-to-left mark U+200F", "\u200f"],
  ["Arabic letter mark U+061C", "\u061c"],
];

test.each(INVISIBLE)("a worker's name with a %s inside is refused", (_what, char) => {
  const result = z.safeParse(newAccountSchema, { name: `张${char}三`, phone: "13812345678", password: "qiaoshou123" });
  expect(result.success).toBe(false);
});

test.each(INVISIBLE)("a partner's contact name with a %s inside is refused", (_what, char) => {
  const result = z.safeParse(createPartnerSchema, {
    name: "重庆某某有限公司",
    contactName: `王${char}经理`,
    contactPhone: "13812345678",
  });
  expect(result.success).toBe(false);
});

test("the same names without the invisible character are accepted (the probes above differ only in it)", () => {
  expect(z.safeParse(newAccountSchema, { name: "张三", phone: "13812345678", password: "qiaoshou123" }).success).toBe(
    true,
  );
  expect(
    z.safeParse(createPartnerSchema, { name: "重庆某某有限公司", contactName: "王经理", contactPhone: "13812345678" })
      .success,
  ).toBe(true);
});
