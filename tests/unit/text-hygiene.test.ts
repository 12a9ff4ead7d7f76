// Text hygiene in every form schema (issue 6, item 6). Every field of every
// zod object schema exported from app/forms is found by reading the folder, so
// a new field is checked as single-line text unless it is listed below as
// multi-line, a phone number, or not text at all (with the reason).
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod/mini";
import { expect, test } from "vitest";
import { parseContactPhone, parseMobilePhone } from "../../app/domain/phone.ts";

const formsDir = fileURLToPath(new URL("../../app/forms/", import.meta.url));

type Schema = z.ZodMiniType & { shape?: Record<string, z.ZodMiniType> };
const FIELDS: { name: string; field: z.ZodMiniType }[] = [];
for (const file of readdirSync(formsDir).filter((f) => f.endsWith(".ts"))) {
  const module = (await import(path.join(formsDir, file))) as Record<string, unknown>;
  for (const [exportName, value] of Object.entries(module)) {
    const schema = value as Schema;
    if (!schema || typeof schema !== "object" || !("_zod" in schema) || schema._zod.def.type !== "object") continue;
    for (const [fieldName, field] of Object.entries(schema.shape ?? {})) {
      FIELDS.push({ name: `${exportName}.${fieldName}`, field });
    }
  }
}

/** Fields that are not free text, and why they need no hygiene check of their own. */
const NOT_TEXT: Record<string, string> = {
  "loginSchema.password": "a password: any characters, only its hash is stored",
  "changePasswordSchema.currentPassword": "a password",
  "changePasswordSchema.newPassword": "a password",
  "changePasswordSchema.confirmPassword": "a password",
  "newAccountSchema.password": "a password",
  "resetPasswordSchema.password": "a password",
  "loginSchema.redirectTo": "a hidden path, checked by plainLocalPath (tests/domain/access.test.ts)",
  "languageSchema.redirectTo": "a hidden path, checked by plainLocalPath",
  "languageSchema.locale": "one of the locales",
  "loginSchema.locale": "one of the locales, or nothing (z.catch)",
  "pieceLogSchema.madeAt": "digits only: when the phone made the log (ms since 1970)",
  "productSchema.unit": "one of the units",
  "materialSchema.unit": "one of the units",
  "decideOrderSchema.decision": "accept or decline",
  "productSchema.standardMinutes": "an exact number",
  "productSchema.lossAllowance": "an exact number",
  "materialSchema.unitCost": "an exact number",
  "bomLineSchema.quantityPerPiece": "an exact number",
  "offerSchema.price": "an exact number",
  "setRateSchema.rate": "an exact number",
  "minimumWageSchema.hourlyMinimumWage": "an exact number",
  "placeOrderSchema.quantity": "a whole number",
  "assignSchema.quantity": "a whole number",
  "openForClaimingSchema.quantity": "a whole number",
  "claimSchema.quantity": "a whole number",
  "placeOrderSchema.dueOn": "a date",
  "assignSchema.dueOn": "a date",
  "setRateSchema.effectiveOn": "a date",
  "setRateSchema.confirmBelowMinimum": "a checkbox",
  "setRateSchema.processStepId": "an optional id from a list: an unknown one is refused by the model",
  "receiveMaterialSchema.quantity": "an exact number",
  "receiveMaterialSchema.source": "bought or partner",
  "materialMoveSchema.quantity": "an exact number",
  "reduceAssignmentSchema.quantity": "a whole number",
  "reassignSchema.quantity": "a whole number",
  "reassignSchema.dueOn": "a date",
  "deductionSchema.decision": "charge, lower or waive",
  "deductionSchema.amount": "an exact number",
  "deductionSchema.month": "a month (YYYY-MM)",
  "receiveSchema.logged": "a whole number (hidden)",
  "receiveSchema.counted": "a whole number",
  "correctReceiptSchema.logged": "a whole number (hidden)",
  "correctReceiptSchema.counted": "a whole number",
  "receiveAllSchema.pieceLogIds": "a hidden list of ids, each [A-Za-z0-9_-]",
  "pieceLogSchema.quantity": "a whole number",
  "pieceLogSchema.processStepId": "an optional id from a list: an unknown one is refused by the model",
  "pieceLogSchema.clientKey": "a one-time key, base64url only (CLIENT_KEY_PATTERN)",
  "correctLogSchema.quantity": "a whole number",
  "checkSchema.quantity": "a whole number (hidden)",
  "checkSchema.passed": "a whole number",
  "checkSchema.rework": "a whole number",
  "checkSchema.rejected": "a whole number",
  "checkSchema.reworkReasonId":
    "a reason id from a list, or other: [A-Za-z0-9_-] only, an unknown one is refused by the model",
  "checkSchema.rejectedReasonId":
    "a reason id from a list, or other: [A-Za-z0-9_-] only, an unknown one is refused by the model",
  "deliverySchema.available": "a whole number (hidden)",
  "deliverySchema.quantity": "a whole number",
  "adjustmentSchema.kind": "bonus or correction",
  "adjustmentSchema.amount": "an exact number",
  "adjustmentSchema.correctsMonth": "a month (YYYY-MM)",
  "settleSchema.expectedNetFen": "digits (hidden): the net total shown, in fen",
  "statementPeriodSchema.from": "a month (YYYY-MM)",
  "statementPeriodSchema.to": "a month (YYYY-MM)",
  "importRowSchema.phone":
    "a sheet's phone cell: checkImportRows reads it with parseMobilePhone (11 digits or refused, tests/unit/worker-import.test.ts)",
  "importDecisionSchema.intent": "confirm or discard",
  "importDecisionSchema.seen":
    "a hidden digest, only compared with the preview's (anything else is refused as changed)",
};

/** Textareas: line breaks allowed, other controls refused. */
const MULTILINE = new Set([
  "productSchema.qualityStandard",
  "placeOrderSchema.notes",
  "decideOrderSchema.reason",
  "setRateSchema.belowMinimumReason",
  "minimumWageSchema.minimumWageSource",
  "deductionSchema.reason",
  "checkSchema.note",
  "querySchema.text",
  "answerSchema.answer",
]);

/** Phone fields and a valid value for each. */
const PHONES: Record<string, string> = {
  "loginSchema.phone": "13800000011",
  "newAccountSchema.phone": "13800000011",
  "createPartnerSchema.contactPhone": "023-12345678",
};

const HOSTILE: [what: string, char: string, singleLine: string, multiline: string | null][] = [
  ["NUL", "\u0000", "error.controlChar", "error.controlChar"],
  ["BEL", "\u0007", "error.controlChar", "error.controlChar"],
  ["a tab", "\t", "error.controlChar", "error.controlChar"],
  ["ESC", "\u001b", "error.controlChar", "error.controlChar"],
  ["DEL", "\u007f", "error.controlChar", "error.controlChar"],
  ["NEL (C1)", "\u0085", "error.controlChar", "error.controlChar"],
  ["CSI (C1)", "\u009b", "error.controlChar", "error.controlChar"],
  ["a line feed", "\n", "error.lineBreak", null],
  ["a carriage return", "\r", "error.lineBreak", null],
  ["CR LF", "\r\n", "error.lineBreak", null],
  ["a line separator", "\u2028", "error.lineBreak", null],
  ["a paragraph separator", "\u2029", "error.lineBreak", null],
  ["LRE", "\u202a", "error.bidiControl", "error.bidiControl"],
  ["RLE", "\u202b", "error.bidiControl", "error.bidiControl"],
  ["PDF", "\u202c", "error.bidiControl", "error.bidiControl"],
  ["LRO", "\u202d", "error.bidiControl", "error.bidiControl"],
  ["RLO", "\u202e", "error.bidiControl", "error.bidiControl"],
  ["LRI", "\u2066", "error.bidiControl", "error.bidiControl"],
  ["RLI", "\u2067", "error.bidiControl", "error.bidiControl"],
  ["FSI", "\u2068", "error.bidiControl", "error.bidiControl"],
  ["PDI", "\u2069", "error.bidiControl", "error.bidiControl"],
];

function firstIssue(field: z.ZodMiniType, value: string): string | null {
  const result = z.safeParse(field, value);
  return result.success ? null : (result.error.issues[0]?.message ?? "?");
}

const TEXT_FIELDS = FIELDS.filter((f) => !(f.name in NOT_TEXT));

test("the forms folder was read (a broken glob would make every test below vacuous)", () => {
  expect(FIELDS.length).toBeGreaterThan(40);
  expect(TEXT_FIELDS.map((f) => f.name)).toEqual(
    expect.arrayContaining(["newAccountSchema.name", "createPartnerSchema.contactName", "setRateSchema.reason"]),
  );
  // Every listed name is a real field (a renamed field must be listed again).
  const names = new Set(FIELDS.map((f) => f.name));
  for (const name of [...Object.keys(NOT_TEXT), ...MULTILINE, ...Object.keys(PHONES)]) expect(names).toContain(name);
});

test.each(TEXT_FIELDS.map((f) => [f.name, f] as const))(
  "%s accepts plain text and refuses controls",
  (name, { field }) => {
    const phone = PHONES[name];
    const multiline = MULTILINE.has(name);
    const plain = phone ?? "巧手 Soap-3";
    expect(firstIssue(field, plain), `${name} refuses a plain value`).toBeNull();
    for (const [what, char, singleLineKey, multilineKey] of HOSTILE) {
      // In the middle: leading and trailing whitespace is trimmed on purpose.
      const value = phone ? `${phone.slice(0, 3)}${char}${phone.slice(3)}` : `巧${char}手`;
      const expected = phone
        ? name === "createPartnerSchema.contactPhone"
          ? "error.invalidContactPhone"
          : "error.invalidPhone"
        : multiline
          ? multilineKey
          : singleLineKey;
      expect(firstIssue(field, value), `${name} with ${what}`).toBe(expected);
    }
  },
);

test.each([...MULTILINE])("%s keeps line breaks, as \\n whatever the browser sent", (name) => {
  const field = FIELDS.find((f) => f.name === name)?.field;
  if (!field) throw new Error(`no field ${name}`);
  for (const text of ["第一行\n第二行", "第一行\r\n第二行", "第一行\r第二行", "第一行\u2028第二行"]) {
    const result = z.safeParse(field, text);
    expect(result.success, `${name} with ${JSON.stringify(text)}`).toBe(true);
    if (result.success) expect(result.data).toBe("第一行\n第二行");
  }
  // Trimmed at both ends, like single-line text.
  const trimmed = z.safeParse(field, "\r\n  花瓣完整  \r\n");
  expect(trimmed.success && trimmed.data).toBe("花瓣完整");
});

test("a single-line field trims a pasted trailing newline instead of refusing it", () => {
  const field = FIELDS.find((f) => f.name === "newAccountSchema.name")?.field;
  if (!field) throw new Error("no name field");
  const result = z.safeParse(field, "  黄丽\r\n");
  expect(result.success && result.data).toBe("黄丽");
});

test.each([
  ["13812345678", "13812345678"],
  ["138 1234 5678", "13812345678"],
  ["+86 138-1234-5678", "13812345678"],
  ["１３８１２３４５６７８", "13812345678"],
  ["023-12345678", "023-12345678"],
  ["02312345678", "023-12345678"],
  ["(023) 1234 5678", "023-12345678"],
  ["（023）12345678", "023-12345678"],
  ["+86 23 1234 5678", "023-12345678"],
  ["010-62345678", "010-62345678"],
  ["0571-88888888", "0571-88888888"],
  ["0571-8888888", "0571-8888888"],
  ["0755 2345 6789", "0755-23456789"],
  ["400-820-8820", "400-820-8820"],
  ["8008208820", "800-820-8820"],
])("the contact phone %s is accepted as %s", (input, expected) => {
  expect(parseContactPhone(input)).toEqual({ ok: true, phone: expected });
});

test.each([
  "12345678",
  "023-1234567",
  "023-0234567",
  "023-123456789",
  "12345678901",
  "023-12345678 ext 12",
  "023-12345678转12",
  "+1 415 555 0100",
  "phone",
  "138\t1234 5678",
  "138\n12345678",
  "138\u000012345678",
  "023-1234\u202e5678",
  "400-820-882",
])("the contact phone %s is refused", (input) => {
  expect(parseContactPhone(input)).toEqual({ ok: false, code: "invalidPhone" });
});

test("the login phone refuses a control character inside the number (only visible spacing is removed)", () => {
  expect(parseMobilePhone(" 138 1234 5678 ")).toEqual({ ok: true, phone: "13812345678" });
  for (const inside of ["\t", "\n", "\u0000", "\u202e"]) {
    expect(parseMobilePhone(`138${inside}12345678`)).toEqual({ ok: false, code: "invalidPhone" });
  }
});
