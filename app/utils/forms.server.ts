// Server side of "one schema per form": read the posted form, validate it with
// the same zod schema the browser used, and hand back either the data or the
// field errors for a 400 (never thrown: docs/conventions.md §5).
import { data } from "@remix-run/node";
import { notFound } from "./auth.server.ts";
import { config, safeParse, type $ZodType, type output } from "zod/v4/core";
import en from "zod/v4/locales/en.js";
import { mediaType } from "../http/body.ts";
import { refusalResponse } from "../http/refusal.ts";

// The schemas are zod/mini (app/forms/fields.ts), which, unlike classic zod,
// registers no default locale. Every rule a person can break has a dictionary
// key; the few without one (a tampered hidden field, e.g. processStepId over 64
// characters) keep zod's English text on the server as before, whatever else
// is loaded. Only sets it when nothing has (classic zod sets the same).
if (!config().localeError) config(en());

/**
 * The posted form of an action, instead of `request.formData()`: anything but
 * a web form (JSON, text/plain, no Content-Type) throws a 415, a body that
 * does not parse (a broken multipart boundary) a 400, each with a short
 * message in both languages, never a 500. The HTTP layer refuses these before
 * the app (app/http/server.server.ts); this keeps an action safe wherever it
 * is called from.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const type = mediaType(request.headers.get("Content-Type"));
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") {
    throw refusalResponse(415, "unsupported");
  }
  try {
    return await request.formData();
  } catch {
    throw refusalResponse(400, "malformed");
  }
}

export type FieldErrors = Record<string, string>;
export type FormFailure = { ok: false; fieldErrors: FieldErrors; formError?: string; values: Record<string, string> };

/**
 * Posted fields as strings, and the names of fields that were not one plain
 * string (a file, or the same name twice): those are errors, never silently
 * dropped (an optional field would otherwise accept the loss).
 */
export function formValues(formData: FormData): { values: Record<string, string>; malformed: string[] } {
  const values: Record<string, string> = {};
  const malformed = new Set<string>();
  const seen = new Set<string>();
  for (const [key, value] of formData.entries()) {
    if (seen.has(key) || typeof value !== "string") {
      delete values[key];
      malformed.add(key);
    }
    seen.add(key);
    if (!malformed.has(key) && typeof value === "string") values[key] = value;
  }
  return { values, malformed: [...malformed] };
}

export function validate<S extends $ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: output<S> } | FormFailure {
  const fields = schemaFields(schema);
  const { values: posted, malformed: malformedPosted } = formValues(formData);
  // Only the schema's own fields are read, reported and echoed: anything else
  // posted (junk, or a flood of fields) never comes back in the answer.
  const values = Object.fromEntries(Object.entries(posted).filter(([key]) => fields.has(key)));
  const malformed = malformedPosted.filter((key) => fields.has(key));
  const result = safeParse(schema, values);
  if (result.success && malformed.length === 0) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const name of malformed) fieldErrors[name] = "error.invalid";
  if (result.success) return { ok: false, fieldErrors, values: echoed(values, posted) };
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "_form";
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors, values: echoed(values, posted) };
}

/** What a failure echoes: the schema's own fields (minus passwords), and the page's `intent` when it is a plain word. */
function echoed(values: Record<string, string>, posted: Record<string, string>): Record<string, string> {
  const intent = posted.intent;
  const result = withoutSecrets(values);
  if (intent !== undefined && /^[A-Za-z][A-Za-z0-9-]{0,39}$/.test(intent)) result.intent = intent;
  return result;
}

type SchemaDef = { type?: string; shape?: Record<string, unknown>; in?: $ZodType };

/** The field names of a form schema: the keys of its object (through a pipe); none for anything else. */
export function schemaFields(schema: $ZodType): Set<string> {
  const def = schema._zod.def as SchemaDef;
  if (def.type === "object" && def.shape) return new Set(Object.keys(def.shape));
  if (def.type === "pipe" && def.in) return schemaFields(def.in);
  return new Set();
}

function withoutSecrets(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
}

/**
 * The 400 response for a failed form: field errors (dictionary keys) and what
 * was typed, minus passwords; `extra` adds what one page shows beside its form
 * (the set-rate form's fair-rate check).
 */
export function badRequest<E extends object = object>(failure: Omit<FormFailure, "ok"> & { ok?: false }, extra?: E) {
  return data(
    {
      ...(extra as E),
      ok: false as const,
      fieldErrors: failure.fieldErrors,
      formError: failure.formError,
      values: withoutSecrets(failure.values),
    },
    { status: 400 },
  );
}

export function formError(key: string, values: Record<string, string> = {}, status = 400) {
  return data(
    { ok: false as const, fieldErrors: {} as FieldErrors, formError: key, values: withoutSecrets(values) },
    { status },
  );
}

/** What a page says for a refusal: a message for the whole form, or messages at fields ({ name: "catalogue.nameTaken" }). */
export type Answer = string | FieldErrors;

/**
 * A model's refusal (`{ ok: false, code }`, app/models/result.ts) as the page's
 * response: a 400 with the answer given for its code, echoing what was typed
 * (minus passwords). `notFound` is a 404 (thrown) unless the page answers it.
 * Every other code the model can answer must have an answer here (a new code
 * is a type error in every page that could receive it).
 */
export function refuse<C extends string>(
  failure: { code: C },
  answers: { [K in Exclude<C, "notFound">]: Answer } & { notFound?: Answer },
  form: FormData | Record<string, string>,
) {
  const all: Partial<Record<string, Answer>> = answers;
  const answer = all[failure.code];
  if (answer === undefined) {
    if (failure.code === "notFound") notFound();
    throw new Error(`No answer for the refusal "${failure.code}"`);
  }
  const values = form instanceof FormData ? formValues(form).values : form;
  return typeof answer === "string" ? formError(answer, values) : badRequest({ fieldErrors: answer, values });
}
