// How every model write answers (docs/decisions/014-house-rules.md): a success
// with what the caller needs (`{ ok: true, id }`), or a refusal with a code the
// route turns into a response through app/utils/forms.server.ts `refuse`
// (notFound → 404, anything else → a 400 with a message in the user's
// language). A refusal changes nothing. Some refusals carry what the page shows
// with them (the fair-rate check of a rate that needs confirmation).

export type Ok<T extends object = object> = { ok: true } & T;
export type Fail<C extends string, E extends object = object> = { ok: false; code: C } & E;

/** A write's answer: `Ok<T>`, or `Fail<C>` for each refusal code C. */
export type Result<T extends object = object, C extends string = never> = [C] extends [never] ? Ok<T> : Ok<T> | Fail<C>;

export function ok(): Ok;
export function ok<T extends object>(value: T): Ok<T>;
export function ok<T extends object>(value?: T): Ok<T> {
  return { ok: true, ...value } as Ok<T>;
}

export function fail<C extends string>(code: C): Fail<C>;
export function fail<C extends string, E extends object>(code: C, extra: E): Fail<C, E>;
export function fail<C extends string, E extends object>(code: C, extra?: E): Fail<C, E> {
  return { ...extra, ok: false, code } as Fail<C, E>;
}
