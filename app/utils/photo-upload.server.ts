// A photo posted with a form (issue 8): the worker's log form sends an
// optional file field. Nothing chosen is not an error (a browser sends an
// empty, nameless file for it); anything else goes to the photo store, which
// checks it by its bytes and answers its path or a refusal code
// (dictionary keys photo.tooLarge / photo.notAnImage / photo.empty).
import { removePhoto, storePhoto, type PhotoRefusal, type PhotoStoreOptions } from "../infra/photo-store.server.ts";

export type PostedPhoto = { ok: true; path: string | null } | { ok: false; code: PhotoRefusal };

/**
 * Stores the photo posted in `field`, if any: `{ ok: true, path: null }` when
 * none was chosen, `{ ok: true, path }` once stored, `{ ok: false, code }`
 * when refused (nothing is stored then). A text value or several files under
 * the name (a tampered form) are "notAnImage". A file with a name but no
 * bytes is "empty".
 */
export async function storePostedPhoto(
  formData: FormData,
  field = "photo",
  options: PhotoStoreOptions = {},
): Promise<PostedPhoto> {
  const values = formData.getAll(field);
  if (values.length === 0) return { ok: true, path: null };
  if (values.length > 1) return { ok: false, code: "notAnImage" };
  const value = values[0]!;
  if (typeof value === "string") return value === "" ? { ok: true, path: null } : { ok: false, code: "notAnImage" };
  if (value.size === 0 && value.name === "") return { ok: true, path: null };
  return storePhoto(value, options);
}

/** The dictionary key of a photo refusal, for the form's `photo` field. */
export function photoRefusalMessage(code: PhotoRefusal): `photo.${PhotoRefusal}` {
  return `photo.${code}`;
}

export { removePhoto };
