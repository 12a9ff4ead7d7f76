// Server side of "one schema per form": read the posted form, validate it with
// the same zod schema the browser used, and hand back either the data or the
// field errors for a 400 (never thrown: docs/conventions.md §5).
import { data } from "@remix-run/node";
import { notFound } from "./auth.server.ts";
import { config, safeParse, type $ZodType, type output } from "zod/v4/core";
import en from "zod/v4/locales/en.js";

// The schemas are zod/mini (app/forms/fields.ts), which, unlike classic zod,
// registers no default locale. Every rule a person can break has a dictionary
// key; the few without one (a tampered hidden field, e.g. processStepId over 64
// characters) keep zod's English text on the server as before, whatever else
// is loaded. Only sets it when nothing has (classic zod sets the same).
if (!config().localeError) config(en());

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
  const { values, malformed } = formValues(formData);
  const result = safeParse(schema, values);
  if (result.success && malformed.length === 0) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const name of malformed) fieldErrors[name] = "error.invalid";
  if (result.success) return { ok: false, fieldErrors, values: withoutSecrets(values) };
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "_form";
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors, values: withoutSecrets(values) };
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
