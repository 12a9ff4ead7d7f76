// Field rules shared by the form schemas. One zod schema per form
// (docs/conventions.md §5), used by react-hook-form in the browser and by the action on
// the server. Error messages are dictionary keys, optionally with parameters
// ("error.tooLong?max=40"), so the same schema speaks both languages.
//
// The schemas use zod/mini, not the classic `z` API: these files reach the
// browser on every page, and the classic API's method chains cannot be
// tree-shaken (it cost about 84 KB gzipped on every page). Mini is the same zod
// core with functions instead of methods: `.trim().min(1)` is
// `.check(z.trim(), z.minLength(1))`, `.optional()` is `z.optional(...)`,
// `.transform(fn)` is `z.pipe(schema, z.transform(fn))`, `.refine(fn)` is
// `.check(z.refine(fn))`. Import `z` from "zod/mini" in app/forms, never "zod".
import * as z from "zod/mini";
import { parseContactPhone, parseMobilePhone } from "../domain/phone.ts";
import {
  parseAmount,
  parsePieceCount,
  parseQuantity,
  parseRate,
  parseScaledDecimal,
  type MoneyInputError,
  type ParseResult,
} from "../domain/money-values.ts";
import { chinaDate, isIsoDate } from "../domain/dates.ts";
import type { MessageKey } from "../i18n/index.ts";
import { msg } from "./message-text.ts";

// Error messages travel as text ("error.tooLong?max=40"): see ./message-text.ts.
export { msg, parseMsg } from "./message-text.ts";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;
export const NAME_MAX = 40;

/**
 * Reports a failed parse from inside a z.transform. Classic zod's transforms
 * had `ctx.addIssue`; in zod/mini the issue is pushed onto the payload, as
 * addIssue did (code "custom", the input that failed), and the transform
 * returns z.NEVER.
 */
function fail(ctx: z.core.ParsePayload, message: string): never {
  ctx.issues.push({ code: "custom", message, input: ctx.value });
  return z.NEVER;
}

// ---------------------------------------------------------------------------
// Text hygiene (issue 6, item 6). What people type is shown again to others
// (names on payslips, notes on orders), printed and exported, so text fields
// refuse characters that are invisible or change how the text around them
// looks: C0 and C1 control characters (NUL, BEL, tab, ESC, DEL, NEL, ...) and
// the bidirectional embeddings, overrides and isolates U+202A-U+202E and
// U+2066-U+2069, which can show text in another order than it is stored
// ("Trojan Source"), and the marks and zero-width characters that draw nothing
// (U+061C, U+200B-U+200F, U+2060, U+FEFF), which make two names that look the
// same differ. Single-line fields also refuse line breaks (LF, CR,
// U+2028, U+2029); multi-line fields (textareas) keep them, as "\n" (a
// browser posts a textarea's line breaks as CRLF). Leading and trailing
// whitespace is trimmed first, so a pasted trailing newline is no error.

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const BIDI_CONTROL = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** The checks every single-line text gets, after trimming: no line break, no control character, no bidi control. */
function singleLineChecks() {
  return [
    z.refine<string>((v) => !LINE_BREAK.test(v), { error: msg("error.lineBreak") }),
    z.refine<string>((v) => !CONTROL_CHAR.test(v), { error: msg("error.controlChar") }),
    z.refine<string>((v) => !BIDI_CONTROL.test(v), { error: msg("error.bidiControl") }),
  ];
}

/** Multi-line text: line breaks become "\n", then no other control character and no bidi control. */
function multilineChecks() {
  return [
    z.overwrite<string>((v) => v.replace(/\r\n?|\u2028|\u2029/g, "\n")),
    z.refine<string>((v) => !CONTROL_CHAR.test(v.replaceAll("\n", "")), { error: msg("error.controlChar") }),
    z.refine<string>((v) => !BIDI_CONTROL.test(v), { error: msg("error.bidiControl") }),
  ];
}

/** A required single-line text, trimmed, at most `max` characters, with no control or bidi characters. */
export function requiredText(max: number) {
  return z
    .string({ error: msg("error.required") })
    .check(
      z.trim(),
      z.minLength(1, { error: msg("error.required") }),
      z.maxLength(max, { error: msg("error.tooLong", { max }) }),
      ...singleLineChecks(),
    );
}

/** An optional single-line text ("" when left out), trimmed, at most `max` characters, same hygiene. */
export function optionalText(max: number) {
  return z.pipe(
    z.optional(
      z
        .string({ error: msg("error.invalid") })
        .check(z.trim(), z.maxLength(max, { error: msg("error.tooLong", { max }) }), ...singleLineChecks()),
    ),
    z.transform((v: string | undefined) => v ?? ""),
  );
}

/** An optional multi-line text (a textarea; "" when left out): keeps line breaks, refuses other controls. */
export function optionalMultilineText(max: number) {
  return z.pipe(
    z.optional(
      z
        .string({ error: msg("error.invalid") })
        .check(z.trim(), ...multilineChecks(), z.maxLength(max, { error: msg("error.tooLong", { max }) })),
    ),
    z.transform((v: string | undefined) => v ?? ""),
  );
}

/** The login name of an account: a mainland mobile number, normalised to its 11 digits. */
export const phoneField = z.pipe(
  z.string({ error: msg("error.required") }),
  z.transform((value: string, ctx) => {
    const result = parseMobilePhone(value);
    if (!result.ok) return fail(ctx, msg(result.code === "required" ? "error.required" : "error.invalidPhone"));
    return result.phone;
  }),
);

/**
 * A contact phone (e.g. a partner firm's), optional: a mainland mobile number
 * (stored as its 11 digits), a landline with its area code (023-12345678,
 * 0571-8888888, 010 12345678; stored as "area-number") or a 400/800 service
 * number (400-820-8820). See parseContactPhone in app/domain/phone.ts.
 */
export const contactPhoneField = z.pipe(
  z.optional(z.string({ error: msg("error.invalid") })),
  z.transform((value: string | undefined, ctx) => {
    if (value === undefined || value.trim() === "") return "";
    const result = parseContactPhone(value);
    if (!result.ok) return fail(ctx, msg("error.invalidContactPhone"));
    return result.phone;
  }),
);

export const newPasswordField = z
  .string({ error: msg("error.required") })
  .check(
    z.minLength(1, { error: msg("error.required") }),
    z.minLength(PASSWORD_MIN, { error: msg("error.passwordTooShort", { min: PASSWORD_MIN }) }),
    z.maxLength(PASSWORD_MAX, { error: msg("error.passwordTooLong", { max: PASSWORD_MAX }) }),
  );

// ---------------------------------------------------------------------------
// Exact numbers from forms: parsed by app/domain/money.ts (never floats),
// errors mapped to dictionary keys.

export function moneyErrorMessage(error: MoneyInputError): string {
  const params: Record<string, string | number> = {};
  if (error.maxDecimals !== undefined) params.maxDecimals = error.maxDecimals;
  if (error.max !== undefined) params.max = error.max;
  return msg(`error.${error.code}` as MessageKey, Object.keys(params).length ? params : undefined);
}

function exactField<T>(parse: (text: string) => ParseResult<T>) {
  return z.pipe(
    z.string({ error: msg("error.required") }),
    z.transform((value: string, ctx): T => {
      const result = parse(value);
      if (!result.ok) return fail(ctx, moneyErrorMessage(result.error));
      return result.value;
    }),
  );
}

/** A piece rate in yuan: > 0, at most 4 decimals. */
export const rateField = exactField(parseRate);
/** A yuan amount: >= 0, at most 2 decimals. */
export const amountField = exactField((t) => parseAmount(t));
/** A material quantity: > 0, at most 3 decimals. */
export const positiveQuantityField = exactField((t) => parseQuantity(t, { allowZero: false }));
/** A whole number of pieces, at least 1. */
export const pieceCountField = exactField((t) => parsePieceCount(t, { allowZero: false }));
/** Standard minutes per piece: > 0, at most 2 decimals, at most 10000; as minutes x 100. Empty = not measured. */
export const standardMinutesField = z.pipe(
  z.optional(z.string()),
  z.transform((value: string | undefined, ctx) => {
    if (value === undefined || value.trim() === "") return null;
    const result = parseScaledDecimal(value, { scale: 2, maxText: "10000", allowZero: false, suffixes: ["分钟"] });
    if (!result.ok) return fail(ctx, moneyErrorMessage(result.error));
    return Number(result.value);
  }),
);
/** A percentage 0-100 with at most 2 decimals, as percent x 100. */
export const percentField = z.pipe(
  z.optional(z.string()),
  z.transform((value: string | undefined, ctx) => {
    if (value === undefined || value.trim() === "") return 0;
    const result = parseScaledDecimal(value, { scale: 2, maxText: "100", suffixes: ["%", "％"] });
    if (!result.ok) return fail(ctx, moneyErrorMessage(result.error));
    return Number(result.value);
  }),
);
/** A calendar date from <input type="date"> (YYYY-MM-DD). */
export const dateField = z
  .string({ error: msg("error.required") })
  .check(
    z.trim(),
    z.minLength(1, { error: msg("error.required") }),
    z.refine(isIsoDate, { error: msg("error.invalidDate") }),
  );

/**
 * A due date: today (China time) or later. Checked in the browser too, so a
 * past date is reported with the form's other errors, in the page's language,
 * instead of after a round trip; the models check it again with the server's clock.
 */
export const dueDateField = dateField.check(
  z.refine((date: string) => !isIsoDate(date) || date >= chinaDate(new Date()), {
    error: msg("error.dateInPast"),
  }),
);

/**
 * A check across fields (e.g. "the two passwords match"). zod skips an object's
 * checks once any field has an error, so their messages used to come one round
 * later; this one runs whenever the fields it reads are valid themselves.
 */
export function crossFieldCheck<T>(
  reads: readonly string[],
  check: (value: T) => boolean,
  params: { path: [string]; error: string },
) {
  return z.refine<T>(check, {
    ...params,
    when: (payload) => !payload.issues.some((issue) => reads.includes(String(issue.path?.[0]))),
  });
}
/** An id of a row chosen from a list (validated for ownership by the model). */
export const idField = z
  .string({ error: msg("error.required") })
  .check(
    z.trim(),
    z.minLength(1, { error: msg("error.required") }),
    z.maxLength(64, { error: msg("error.invalid") }),
    ...singleLineChecks(),
  );

/**
 * A choice from a select whose first option is empty ("请选择…"): nothing chosen
 * says what to choose ("请选择产品"), not "请填写此项". The id is checked for
 * ownership by the model.
 */
export function choiceField(nothingChosen: MessageKey) {
  return z
    .string({ error: msg(nothingChosen) })
    .check(
      z.trim(),
      z.minLength(1, { error: msg(nothingChosen) }),
      z.maxLength(64, { error: msg("error.invalid") }),
      ...singleLineChecks(),
    );
}

/** A unit cost in yuan: 0 to 9,999.9999, at most 4 decimals, as units of 0.0001 (E4). Empty = 0. */
export const unitCostField = z.pipe(
  z.optional(z.string()),
  z.transform((value: string | undefined, ctx) => {
    if (value === undefined || value.trim() === "") return 0n;
    // Capped like a piece rate (9,999.9999 yuan per unit): far above any handicraft material, and within what the pages format.
    const result = parseScaledDecimal(value.replace(/^[¥￥]/, "").replace(/元$/, ""), {
      scale: 4,
      maxText: "9999.9999",
    });
    if (!result.ok) return fail(ctx, moneyErrorMessage(result.error));
    return result.value;
  }),
);

/** A checkbox: present ("on" or "true") means yes. */
export const checkboxField = z.pipe(
  z.optional(z.string()),
  z.transform((v: string | undefined) => v === "on" || v === "true"),
);
