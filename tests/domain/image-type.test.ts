// Which photos are accepted (app/domain/image-type.ts, issue 8): by their first
// bytes only, JPEG, PNG and WebP; their size; and the only paths the photo
// store reads and writes.
import fc from "fast-check";
import { expect, test } from "vitest";
import {
  checkPhoto,
  IMAGE_TYPES,
  isPhotoPath,
  PHOTO_MAX_BYTES,
  photoPath,
  SNIFF_BYTES,
  sniffImageType,
} from "../../app/domain/image-type.ts";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test.each([
  ["JPEG (JFIF)", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF"), "jpeg"],
  ["JPEG (Exif, as a phone's camera writes it)", bytes([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34], "Exif"), "jpeg"],
  ["JPEG, just the three bytes", bytes([0xff, 0xd8, 0xff]), "jpeg"],
  ["PNG", bytes(PNG, [0, 0, 0, 13], "IHDR"), "png"],
  ["WebP (lossy)", bytes("RIFF", [0x24, 0x10, 0, 0], "WEBPVP8 "), "webp"],
  ["WebP (lossless)", bytes("RIFF", [0x1a, 0, 0, 0], "WEBPVP8L"), "webp"],
  ["WebP header only", bytes("RIFF", [0, 0, 0, 0], "WEBP"), "webp"],
  ["nothing", bytes(), null],
  ["JPEG cut short", bytes([0xff, 0xd8]), null],
  ["PNG cut short", bytes(PNG.slice(0, 7)), null],
  ["PNG with a wrong byte", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b]), null],
  ["RIFF that is not WebP (WAV)", bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "), null],
  ["WEBP in the wrong place", bytes("RIFFWEBP", [0, 0, 0, 0]), null],
  ["GIF", bytes("GIF89a", [1, 0, 1, 0]), null],
  ["HEIC", bytes([0, 0, 0, 0x18], "ftypheic"), null],
  ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg">'), null],
  ["HTML", bytes("<!DOCTYPE html><script>"), null],
  ["PDF", bytes("%PDF-1.7"), null],
  ["JPEG magic later in the file", bytes([0x00, 0xff, 0xd8, 0xff]), null],
  ["a BOM before a PNG", bytes([0xef, 0xbb, 0xbf], PNG), null],
] as const)("%s → %s", (_name, input, expected) => {
  expect(sniffImageType(input)).toBe(expected);
});

test("the first SNIFF_BYTES bytes are enough to decide", () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (data) => {
      expect(sniffImageType(data.subarray(0, SNIFF_BYTES))).toBe(sniffImageType(data));
    }),
  );
});

test("random bytes are an image only when they begin with a signature", () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 32 }), (data) => {
      const type = sniffImageType(data);
      const jpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
      const png = PNG.every((b, i) => data[i] === b);
      const text = String.fromCharCode(...data.subarray(0, 12));
      const webp = text.startsWith("RIFF") && text.slice(8, 12) === "WEBP";
      expect(type).toBe(jpeg ? "jpeg" : png ? "png" : webp ? "webp" : null);
    }),
  );
});

test("each type has its content type and extension", () => {
  expect(IMAGE_TYPES).toEqual({
    jpeg: { contentType: "image/jpeg", extension: "jpg" },
    png: { contentType: "image/png", extension: "png" },
    webp: { contentType: "image/webp", extension: "webp" },
  });
});

const JPEG_HEAD = bytes([0xff, 0xd8, 0xff, 0xe1]);

test.each([
  [0, JPEG_HEAD, { ok: false, code: "empty" }],
  [0, bytes(), { ok: false, code: "empty" }],
  [1, bytes([0xff]), { ok: false, code: "notAnImage" }],
  [4, JPEG_HEAD, { ok: true, type: "jpeg" }],
  [PHOTO_MAX_BYTES, JPEG_HEAD, { ok: true, type: "jpeg" }],
  [PHOTO_MAX_BYTES + 1, JPEG_HEAD, { ok: false, code: "tooLarge" }],
  [PHOTO_MAX_BYTES + 1, bytes("GIF89a"), { ok: false, code: "tooLarge" }],
  [5000, bytes("GIF89a"), { ok: false, code: "notAnImage" }],
] as const)("a photo of %i bytes beginning %j → %j", (size, head, expected) => {
  expect(checkPhoto(size, head)).toEqual(expected);
});

test("the cap is 8 MB", () => {
  expect(PHOTO_MAX_BYTES).toBe(8 * 1024 * 1024);
  expect(checkPhoto(2000, JPEG_HEAD, 1000)).toEqual({ ok: false, code: "tooLarge" });
});

const NAME = "AbCdEfGhIjKlMnOpQrSt_-";

test.each([`2026-03/${NAME}.jpg`, `2026-12/${NAME}.png`, `1999-01/${NAME}.webp`, `2026-03/0123456789012345678901.jpg`])(
  "%s is a photo path",
  (path) => {
    expect(isPhotoPath(path)).toBe(true);
  },
);

test.each([
  "",
  `${NAME}.jpg`,
  `2026-3/${NAME}.jpg`,
  `2026-13/${NAME}.jpg`,
  `2026-00/${NAME}.jpg`,
  `2026-03/${NAME}.jpeg`,
  `2026-03/${NAME}.JPG`,
  `2026-03/${NAME}.gif`,
  `2026-03/${NAME}.html`,
  `2026-03/${NAME}.jpg.html`,
  `2026-03/${NAME.slice(1)}.jpg`,
  `2026-03/${NAME}x.jpg`,
  `2026-03/../../../etc/passwd`,
  `2026-03/..${NAME.slice(2)}.jpg`,
  `../2026-03/${NAME}.jpg`,
  `/2026-03/${NAME}.jpg`,
  `/etc/2026-03/${NAME}.jpg`,
  `2026-03//${NAME}.jpg`,
  `2026-03\\${NAME}.jpg`,
  `2026-03/${NAME.slice(0, 21)}/.jpg`,
  `2026-03/${NAME.slice(0, 21)}..jpg`,
  `2026-03/${NAME}.jpg\n`,
  `2026-03/${NAME}.jpg\u0000`,
  `2026-03/.upload-${NAME}.tmp`,
  `2026-03/${NAME.slice(0, 21)}%.jpg`,
])("%j is not", (path) => {
  expect(isPhotoPath(path)).toBe(false);
});

test("photoPath builds a path of that shape, and refuses to build any other", () => {
  expect(photoPath("2026-03", NAME, "jpeg")).toBe(`2026-03/${NAME}.jpg`);
  expect(photoPath("2026-03", NAME, "png")).toBe(`2026-03/${NAME}.png`);
  expect(photoPath("2026-03", NAME, "webp")).toBe(`2026-03/${NAME}.webp`);
  expect(() => photoPath("..", NAME, "jpeg")).toThrow(/not a photo path/);
  expect(() => photoPath("2026-03", "../../etc/passwd", "jpeg")).toThrow(/not a photo path/);
  expect(() => photoPath("2026-03", "short", "jpeg")).toThrow(/not a photo path/);
});

test("a 22-character name is accepted exactly when it has no dot, slash or other character outside A-Z a-z 0-9 _ -", () => {
  const SAFE = /^[A-Za-z0-9_-]{22}$/;
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom(..."aZ09_-./\\%~ "), minLength: 22, maxLength: 22 }),
      fc.constantFrom("jpg", "png", "webp"),
      (name, extension) => {
        const path = `2026-03/${name}.${extension}`;
        expect(isPhotoPath(path)).toBe(SAFE.test(name));
        if (isPhotoPath(path)) expect(path.split("/")).toHaveLength(2);
      },
    ),
  );
});
