// Hostile bodies (issue 6, defects 2 and 3): every write this app accepts is a
// web form, urlencoded or multipart, of a bounded size. These rules decide
// from the headers alone, before a byte of the body is read; the server
// (app/http/server.server.ts) then reads at most the limit, counting as it
// reads (also for chunked bodies that announce no length). Pure.
import { PHOTO_MAX_BYTES } from "../domain/image-type.ts";
import { IMPORT_MAX_BYTES } from "../domain/worker-import.ts";

/** The most a form post may send: the largest form here is a few KB; 64 KB leaves room and stops floods. */
export const FORM_BODY_LIMIT = 64 * 1024;

export type BodyLimit = { path: RegExp; limit: number };

/** A piece log's form with its photo: the largest photo the store takes, plus a form's worth for the other fields. */
export const PHOTO_FORM_BODY_LIMIT = PHOTO_MAX_BYTES + FORM_BODY_LIMIT;

/**
 * The log page's own plain post (no JavaScript, so no shrinking in the browser) may carry a photo
 * up to 24 MB, three times what the store keeps: a phone camera's 9-20 MB picture then reaches the
 * app, which refuses it on her log page, in her words, with her number kept (photo.tooLarge),
 * instead of a bare 413 page that loses what she typed. Beyond that, the 413 page.
 */
export const PLAIN_LOG_BODY_LIMIT = 3 * PHOTO_MAX_BYTES + FORM_BODY_LIMIT;

/**
 * The worker import's upload (ADR 025): up to four times the largest sheet the
 * import takes, so a sheet somewhat over the limit still reaches the page, which
 * refuses it in her language (import.refused.tooLarge); beyond that, the 413 page.
 */
export const IMPORT_BODY_LIMIT = 4 * IMPORT_MAX_BYTES + FORM_BODY_LIMIT;

/**
 * Paths that may send more than a form's worth, each with its own limit. The
 * coordinator's quality-check form (/coordinator/quality/<lotId>) and
 * the worker's log form carry a photo (issue 8; app/infra/photo-store.server.ts),
 * posted to /worker/tasks/<assignmentId> as a page, or to
 * /worker/tasks/<assignmentId>/logs by the phone's queue: exactly these two,
 * not /worker/tasks/<id>/give-back or any other page below them.
 */
export const LARGER_BODY_LIMITS: readonly BodyLimit[] = [
  { path: /^\/worker\/tasks\/[^/]+$/, limit: PLAIN_LOG_BODY_LIMIT },
  { path: /^\/worker\/tasks\/[^/]+\/logs$/, limit: PHOTO_FORM_BODY_LIMIT },
  // The quality check of one lot, with its optional photo (ADR 021); not the reasons page beside it.
  { path: /^\/coordinator\/quality\/(?!reasons$)[^/]+$/, limit: PHOTO_FORM_BODY_LIMIT },
  // The worker import's upload page only (not its preview, whose buttons post a form's worth).
  { path: /^\/coordinator\/workers\/import\/?$/, limit: IMPORT_BODY_LIMIT },
];

/** The body limit for a request path: the first matching larger limit, else FORM_BODY_LIMIT. */
export function bodyLimitFor(pathname: string, larger: readonly BodyLimit[] = LARGER_BODY_LIMITS): number {
  return larger.find((entry) => entry.path.test(pathname))?.limit ?? FORM_BODY_LIMIT;
}

export type FormKind = "urlencoded" | "multipart";
export type BodyRefusal = { status: 400 | 413 | 415; reason: "malformed" | "tooLarge" | "unsupported" };
export type BodyHeaderVerdict = { ok: true; kind: FormKind } | ({ ok: false } & BodyRefusal);

/** The media type of a Content-Type value, lower-cased, without parameters ("" when absent). */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase();
}

/** A parameter of a Content-Type value (quoted or not), or undefined. */
export function contentTypeParameter(contentType: string, name: string): string | undefined {
  for (const part of contentType.split(";").slice(1)) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim().toLowerCase() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  }
  return undefined;
}

/** RFC 2046 boundary: 1-70 of its characters, not ending in a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

export function isValidBoundary(boundary: string | undefined): boundary is string {
  return boundary !== undefined && BOUNDARY.test(boundary);
}

export type BodyHeaders = {
  contentType: string | undefined;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
};

/**
 * Whether a write's headers announce a form this app can read within `limit`:
 * 415 for anything but a form (JSON, text/plain, no Content-Type), 400 for a
 * multipart type without a usable boundary or a Content-Length that is not a
 * number, 413 for a length over the limit. A chunked body passes here and is
 * counted while it is read.
 */
export function checkBodyHeaders(headers: BodyHeaders, limit: number): BodyHeaderVerdict {
  const type = mediaType(headers.contentType);
  let kind: FormKind;
  if (type === "application/x-www-form-urlencoded") kind = "urlencoded";
  else if (type === "multipart/form-data") kind = "multipart";
  else return { ok: false, status: 415, reason: "unsupported" };
  if (kind === "multipart" && !isValidBoundary(contentTypeParameter(headers.contentType ?? "", "boundary"))) {
    return { ok: false, status: 400, reason: "malformed" };
  }
  if (headers.contentLength !== undefined) {
    if (!/^\d+$/.test(headers.contentLength.trim())) return { ok: false, status: 400, reason: "malformed" };
    if (Number(headers.contentLength.trim()) > limit) return { ok: false, status: 413, reason: "tooLarge" };
  }
  return { ok: true, kind };
}
