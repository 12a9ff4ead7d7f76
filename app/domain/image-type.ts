// Photos of finished pieces (issue 8): which kinds are accepted, judged by the
// file's first bytes (its "magic number"), never by the name or the Content-Type
// the phone sent; how large one may be; and the names the photo store gives
// them on disk. Pure: bytes and text in, answers out.

/** The most one photo may weigh: a raw camera photo, sent as is when the phone runs no JavaScript. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;

export type ImageType = "jpeg" | "png" | "webp";

export const IMAGE_TYPES: Record<ImageType, { contentType: string; extension: string }> = {
  jpeg: { contentType: "image/jpeg", extension: "jpg" },
  png: { contentType: "image/png", extension: "png" },
  webp: { contentType: "image/webp", extension: "webp" },
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");

function startsWith(bytes: Uint8Array, expected: readonly number[], at = 0): boolean {
  if (bytes.length < at + expected.length) return false;
  return expected.every((b, i) => bytes[at + i] === b);
}

/**
 * The kind of image these bytes begin with, or null: JPEG (FF D8 FF), PNG (its
 * 8-byte signature), WebP ("RIFF", a 4-byte length, "WEBP"). Anything else
 * (GIF, HEIC, SVG, HTML, a PDF, a truncated header) is null.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "webp";
  return null;
}

/** How many leading bytes sniffImageType needs to decide. */
export const SNIFF_BYTES = 12;

/**
 * A photo's path under the photo folder, as the store writes it: the month it
 * was stored in, then 22 random URL-safe characters (128 bits) and the
 * extension of its sniffed type, e.g. "2026-03/q1w2e3r4t5y6u7i8o9p0aZ.jpg".
 * Nothing else is a photo path: no "..", no other folder, no other name.
 */
const PHOTO_PATH = /^(\d{4})-(0[1-9]|1[0-2])\/[A-Za-z0-9_-]{22}\.(jpg|png|webp)$/;

export function isPhotoPath(path: string): boolean {
  return PHOTO_PATH.test(path);
}

/** The path the store gives a new photo: `month` is YYYY-MM, `randomName` 22 URL-safe characters. */
export function photoPath(month: string, randomName: string, type: ImageType): string {
  const path = `${month}/${randomName}.${IMAGE_TYPES[type].extension}`;
  if (!isPhotoPath(path)) throw new Error(`not a photo path: ${JSON.stringify(path)}`);
  return path;
}

/** Whether a photo of `size` bytes beginning with `head` may be stored: its type, or why not. */
export function checkPhoto(
  size: number,
  head: Uint8Array,
  maxBytes = PHOTO_MAX_BYTES,
): { ok: true; type: ImageType } | { ok: false; code: "empty" | "tooLarge" | "notAnImage" } {
  if (size === 0) return { ok: false, code: "empty" };
  if (size > maxBytes) return { ok: false, code: "tooLarge" };
  const type = sniffImageType(head);
  return type ? { ok: true, type } : { ok: false, code: "notAnImage" };
}
