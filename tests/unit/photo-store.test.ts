// The photo store (app/infra/photo-store.server.ts, issue 8) on a folder of its
// own: what it keeps and where, what it refuses and why (judged by the bytes,
// never the name or type the phone gave), the only paths it reads or deletes;
// the form helper the worker's log action calls (app/utils/photo-upload.server.ts);
// and where the photo folder is by default (app/infra/env.server.ts).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { parseEnv } from "../../app/infra/env.server.ts";
import { PHOTO_MAX_BYTES, readPhoto, removePhoto, storePhoto } from "../../app/infra/photo-store.server.ts";
import { photoRefusalMessage, storePostedPhoto } from "../../app/utils/photo-upload.server.ts";
import { isMessageKey, messages } from "../../app/i18n/index.ts";
import { photoFile, pngImage, TINY_JPEG, TINY_WEBP } from "../support/images.ts";

let base: string;
let dir: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), "piecework-photos-"));
  // Not there yet: the store makes it when the first photo comes.
  dir = path.join(base, "data", "photos");
});

afterEach(() => rmSync(base, { recursive: true, force: true }));

/** Every file under the photo folder, relative to it. */
function filesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)))
    .sort();
}

const NOW = new Date("2026-03-10T02:00:00Z");
const GIF = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");

test.each([
  ["a JPEG", TINY_JPEG, "jpg", "image/jpeg"],
  ["a PNG", pngImage(3, 2), "png", "image/png"],
  ["a WebP", TINY_WEBP, "webp", "image/webp"],
] as const)("%s is stored under its month with its own extension, and read back whole", async (_, bytes, ext, type) => {
  const stored = await storePhoto(photoFile(bytes), { dir, now: NOW });
  expect(stored.ok).toBe(true);
  if (!stored.ok) return;
  expect(stored.path).toMatch(new RegExp(`^2026-03/[A-Za-z0-9_-]{22}\\.${ext}$`));
  expect(filesIn(dir)).toEqual([stored.path]);
  expect(readFileSync(path.join(dir, stored.path)).equals(bytes)).toBe(true);
  const read = await readPhoto(stored.path, { dir });
  expect(read?.contentType).toBe(type);
  expect(Buffer.from(read!.bytes).equals(bytes)).toBe(true);
});

test("the kind is decided by the bytes: a GIF called photo.jpg is refused, a PNG called notes.txt is a .png", async () => {
  expect(await storePhoto(photoFile(GIF, "photo.jpg", "image/jpeg"), { dir })).toEqual({
    ok: false,
    code: "notAnImage",
  });
  const html = photoFile(Buffer.from("<html><script>alert(1)</script>"), "a.png", "image/png");
  expect(await storePhoto(html, { dir })).toEqual({ ok: false, code: "notAnImage" });
  expect(filesIn(dir)).toEqual([]);
  const png = await storePhoto(photoFile(pngImage(2, 2), "notes.txt", "text/plain"), { dir });
  expect(png.ok && png.path.endsWith(".png")).toBe(true);
  const blob = await storePhoto(new Blob([new Uint8Array(TINY_JPEG)]), { dir });
  expect(blob.ok && blob.path.endsWith(".jpg")).toBe(true);
});

test("empty and oversized photos are refused and nothing is written; exactly the cap is taken", async () => {
  expect(await storePhoto(photoFile(Buffer.alloc(0)), { dir })).toEqual({ ok: false, code: "empty" });
  const over = Buffer.alloc(PHOTO_MAX_BYTES + 1);
  TINY_JPEG.copy(over);
  expect(await storePhoto(photoFile(over), { dir })).toEqual({ ok: false, code: "tooLarge" });
  expect(existsSync(dir)).toBe(false);
  const atCap = await storePhoto(photoFile(over.subarray(0, PHOTO_MAX_BYTES)), { dir });
  expect(atCap.ok).toBe(true);
  if (atCap.ok) expect((await readPhoto(atCap.path, { dir }))?.bytes.byteLength).toBe(PHOTO_MAX_BYTES);
});

test("the month folder is the China month: 01:00 on 1 April in China is April", async () => {
  const stored = await storePhoto(photoFile(TINY_JPEG), { dir, now: new Date("2026-03-31T17:00:00Z") });
  expect(stored.ok && stored.path.startsWith("2026-04/")).toBe(true);
});

test("each photo gets a new random name, and no temporary file is left behind", async () => {
  const paths = new Set<string>();
  for (let i = 0; i < 5; i++) {
    const stored = await storePhoto(photoFile(TINY_JPEG), { dir, now: NOW });
    if (stored.ok) paths.add(stored.path);
  }
  expect(paths.size).toBe(5);
  expect(filesIn(dir)).toEqual([...paths].sort());
});

test("a disk failure throws and leaves no half-written file", async () => {
  // The month's folder cannot be made: a file is in its way.
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "2026-03"), "in the way");
  await expect(storePhoto(photoFile(TINY_JPEG), { dir, now: NOW })).rejects.toThrow();
  expect(filesIn(dir)).toEqual(["2026-03"]);
});

test("readPhoto and removePhoto touch only paths the store writes", async () => {
  mkdirSync(path.join(dir, "2026-03"), { recursive: true });
  // Image files outside the folder, and one inside under a name the store never gives.
  writeFileSync(path.join(base, "secret.jpg"), TINY_JPEG);
  writeFileSync(path.join(dir, "2026-03", "chosen-by-someone.jpg"), TINY_JPEG);
  const hostile = [
    "../secret.jpg",
    "../../secret.jpg",
    path.join(base, "secret.jpg"),
    "2026-03/chosen-by-someone.jpg",
    "2026-03/../../secret.jpg",
    "",
  ];
  for (const p of hostile) {
    expect(await readPhoto(p, { dir }), p).toBeNull();
    expect(await removePhoto(p, { dir }), p).toBe(false);
  }
  expect(existsSync(path.join(base, "secret.jpg"))).toBe(true);
  expect(existsSync(path.join(dir, "2026-03", "chosen-by-someone.jpg"))).toBe(true);
  // Well formed but not there; there but no longer an image.
  expect(await readPhoto("2026-03/AAAAAAAAAAAAAAAAAAAAAA.jpg", { dir })).toBeNull();
  expect(await readPhoto("2099-01/AAAAAAAAAAAAAAAAAAAAAA.jpg", { dir })).toBeNull();
  writeFileSync(path.join(dir, "2026-03", "BBBBBBBBBBBBBBBBBBBBBB.jpg"), "<html>");
  expect(await readPhoto("2026-03/BBBBBBBBBBBBBBBBBBBBBB.jpg", { dir })).toBeNull();
});

test("removePhoto deletes a stored photo, and says false (never throws) when there is nothing to delete", async () => {
  const stored = await storePhoto(photoFile(TINY_JPEG), { dir, now: NOW });
  if (!stored.ok) throw new Error("not stored");
  expect(await removePhoto(stored.path, { dir })).toBe(true);
  expect(await readPhoto(stored.path, { dir })).toBeNull();
  expect(filesIn(dir)).toEqual([]);
  expect(await removePhoto(stored.path, { dir })).toBe(false);
  expect(await removePhoto(stored.path, { dir: path.join(base, "nowhere") })).toBe(false);
});

// ---------------------------------------------------------------------------
// The log form's photo field

function form(entries: [string, string | File][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

test("no photo chosen is not an error: no field, an empty nameless file (what a browser sends), or an empty text", async () => {
  expect(await storePostedPhoto(form([["quantity", "3"]]), "photo", { dir })).toEqual({ ok: true, path: null });
  const none = new File([], "", { type: "application/octet-stream" });
  expect(await storePostedPhoto(form([["photo", none]]), "photo", { dir })).toEqual({ ok: true, path: null });
  expect(await storePostedPhoto(form([["photo", ""]]), "photo", { dir })).toEqual({ ok: true, path: null });
  expect(existsSync(dir)).toBe(false);
});

test("a chosen photo is stored; a refused one answers its code and a message in both languages", async () => {
  const stored = await storePostedPhoto(form([["photo", photoFile(TINY_JPEG, "IMG_0001.JPG")]]), "photo", { dir });
  expect(stored.ok && stored.path).toMatch(/^\d{4}-\d{2}\/[A-Za-z0-9_-]{22}\.jpg$/);
  const refusals = [
    [form([["photo", new File([], "IMG_0002.JPG")]]), "empty"],
    [form([["photo", photoFile(GIF, "cat.gif", "image/gif")]]), "notAnImage"],
    [form([["photo", "data:image/jpeg;base64,/9j/"]]), "notAnImage"],
    [
      form([
        ["photo", photoFile(TINY_JPEG)],
        ["photo", photoFile(TINY_JPEG)],
      ]),
      "notAnImage",
    ],
  ] as const;
  for (const [data, code] of refusals) {
    const answer = await storePostedPhoto(data, "photo", { dir });
    expect(answer).toEqual({ ok: false, code });
  }
  expect(filesIn(dir)).toHaveLength(1);
  for (const code of ["tooLarge", "notAnImage", "empty"] as const) {
    const key = photoRefusalMessage(code);
    expect(isMessageKey(key), key).toBe(true);
    expect(messages[key]["zh-CN"]).toMatch(/照片/);
    expect(messages[key].en).toMatch(/photo/i);
  }
  expect(messages["photo.tooLarge"]["zh-CN"]).toContain("8 MB");
  expect(messages["photo.tooLarge"].en).toContain("8 MB");
  expect(messages["photo.notAnImage"]["zh-CN"]).toBe("只能上传 JPEG、PNG 或 WebP 照片");
});

// ---------------------------------------------------------------------------
// Where photos live

test("the photo folder: PHOTO_DIR if given, else photos/ beside the SQLite file, else data/photos", () => {
  const root = "/srv/piecework/app";
  const env = (extra: Record<string, string>) => parseEnv({ NODE_ENV: "test", ...extra }, root).photoDir;
  expect(env({})).toBe("/srv/piecework/app/data/photos");
  expect(env({ DATABASE_URL: "file:/var/lib/piecework/piecework.db" })).toBe("/var/lib/piecework/photos");
  expect(env({ DATABASE_URL: "file:./db/x.db?connection_limit=1" })).toBe("/srv/piecework/app/db/photos");
  expect(env({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/piecework" })).toBe("/srv/piecework/app/data/photos");
  expect(env({ PHOTO_DIR: "/srv/piecework/photos" })).toBe("/srv/piecework/photos");
  expect(env({ PHOTO_DIR: "uploads/photos", DATABASE_URL: "file:/x/y.db" })).toBe("/srv/piecework/app/uploads/photos");
  expect(env({ PHOTO_DIR: "  " })).toBe("/srv/piecework/app/data/photos");
});
