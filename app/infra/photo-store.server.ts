// The photo store (issue 8): photos of finished pieces live on disk under the
// photo folder (PHOTO_DIR, app/infra/env.server.ts), never in the database; a
// piece log keeps only the relative path this module hands back. A photo is
// checked before a byte is written: not empty, at most PHOTO_MAX_BYTES, and a
// JPEG, PNG or WebP by its first bytes (app/domain/image-type.ts), whatever
// name or Content-Type the phone gave it. It is written under a random name in
// a YYYY-MM folder, to a temporary file first and renamed into place, so a
// reader never sees half a photo. Reads accept only paths of that exact shape.
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { chinaMonth } from "../domain/dates.ts";
import {
  checkPhoto,
  IMAGE_TYPES,
  isPhotoPath,
  PHOTO_MAX_BYTES,
  photoPath,
  SNIFF_BYTES,
  sniffImageType,
} from "../domain/image-type.ts";
import { getEnv } from "./env.server.ts";

export { PHOTO_MAX_BYTES };

export type PhotoRefusal = "tooLarge" | "notAnImage" | "empty";
export type StoredPhoto = { ok: true; path: string } | { ok: false; code: PhotoRefusal };

export type PhotoStoreOptions = {
  /** The photo folder (default: the configured one). */
  dir?: string;
  /** When it is stored: picks the YYYY-MM folder (China time). */
  now?: Date;
};

/** The configured photo folder (absolute). */
export function photoDir(): string {
  return getEnv().photoDir;
}

/**
 * Stores a photo and answers its relative path (e.g. "2026-03/<22 chars>.jpg",
 * for PieceLog.photoPath), or why it was refused: "empty" (no bytes, as a form
 * sends for a file field left empty), "tooLarge" (over PHOTO_MAX_BYTES),
 * "notAnImage" (not a JPEG, PNG or WebP). The folder is created on demand.
 * Failures of the disk itself (full, not writable) throw.
 */
export async function storePhoto(file: File | Blob, options: PhotoStoreOptions = {}): Promise<StoredPhoto> {
  // Decided on the size first, so an oversized upload is never read into a buffer twice.
  const early = checkPhoto(file.size, new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (!early.ok) return early;
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The Blob is what was received; check the bytes actually read, not the promise of them.
  const checked = checkPhoto(bytes.byteLength, bytes.subarray(0, SNIFF_BYTES));
  if (!checked.ok) return checked;

  const dir = options.dir ?? photoDir();
  const relative = photoPath(chinaMonth(options.now ?? new Date()), randomName(), checked.type);
  const target = path.join(dir, relative);
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  const temporary = path.join(folder, `.upload-${randomName()}.tmp`);
  try {
    const handle = await open(temporary, "wx", 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { ok: true, path: relative };
}

/**
 * A stored photo's bytes and content type (sniffed from the bytes again), or
 * null: for any path not of the shape storePhoto writes ("..", absolute
 * paths, other folders or names are refused before the disk is touched), a
 * photo that is not there, or a file that is no longer an image.
 */
export async function readPhoto(
  relative: string,
  options: Pick<PhotoStoreOptions, "dir"> = {},
): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  if (!isPhotoPath(relative)) return null;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(options.dir ?? photoDir(), relative));
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const type = sniffImageType(bytes);
  return type ? { bytes, contentType: IMAGE_TYPES[type].contentType } : null;
}

/**
 * Deletes a stored photo (a piece log that failed after its photo was stored).
 * Best effort: never throws; answers whether a file was removed.
 */
export async function removePhoto(relative: string, options: Pick<PhotoStoreOptions, "dir"> = {}): Promise<boolean> {
  if (!isPhotoPath(relative)) return false;
  try {
    await rm(path.join(options.dir ?? photoDir(), relative));
    return true;
  } catch {
    return false;
  }
}

/** 22 URL-safe characters: 128 random bits. */
function randomName(): string {
  return randomBytes(16).toString("base64url");
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
}
