// Photos are shrunk in the phone before they are sent (issue 8;
// public/photo-shrink.js). A small page of this test's own, served at an
// address on the app's site with the app's real Content-Security-Policy,
// loads the script from the server as a worker's page would and has one form
// with <input type="file" data-shrink>. Choosing a 4000×3000 PNG leaves a
// JPEG of 1600×1200 in the input; a submit while it is still being shrunk
// waits and sends the JPEG; without createImageBitmap the script decodes
// through a data: URL (the policy allows those, not blob:); anything it cannot
// decode, or a browser without DataTransfer, keeps the original file. The
// core, window.pieceworkShrinkPhoto, is checked on its own too.
// Accounts: none (the page needs no login and changes nothing).
import { expect, test, type Page } from "@playwright/test";
import { pngImage } from "../support/images.ts";

const PAGE = "/__photo-shrink-test";
const POSTED = "/__photo-shrink-test/posted";

const HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>photo shrink</title>
<script src="/photo-shrink.js" defer></script></head>
<body>
  <form method="post" action="${POSTED}" enctype="multipart/form-data">
    <input type="hidden" name="quantity" value="12">
    <label>成品照片 <input type="file" name="photo" accept="image/*" data-shrink></label>
    <label>不缩小 <input type="file" name="other"></label>
    <button type="submit" name="intent" value="log">提交</button>
  </form>
</body></html>`;

let BIG_PNG: Buffer;

test.beforeAll(() => {
  BIG_PNG = pngImage(4000, 3000);
});

/** Serves the test page with the policy the app's own pages carry (read from /login). */
async function openTestPage(page: Page) {
  const login = await page.request.get("/login");
  const policy = login.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("script-src 'self'");
  await page.route(PAGE, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      headers: { "Content-Security-Policy": policy },
      body: HTML,
    }),
  );
  await page.goto(PAGE);
  await page.waitForFunction(
    () => typeof (window as { pieceworkShrinkPhoto?: unknown }).pieceworkShrinkPhoto === "function",
  );
}

/** Type, name, size and decoded dimensions of the file now in the input. */
function fileInInput(page: Page, name: string) {
  return page.evaluate(async (inputName) => {
    const input = document.querySelector<HTMLInputElement>(`input[name="${inputName}"]`)!;
    const file = input.files?.[0];
    if (!file) return null;
    const bitmap = await createImageBitmap(file).catch(() => null);
    return {
      type: file.type,
      name: file.name,
      size: file.size,
      width: bitmap?.width ?? 0,
      height: bitmap?.height ?? 0,
    };
  }, name);
}

async function shrinkDone(page: Page) {
  await expect(page.locator("input[name=photo]")).not.toHaveAttribute("data-shrinking");
}

test("a 4000×3000 PNG chosen in the form becomes a JPEG of 1600×1200 in the input", async ({ page }) => {
  await openTestPage(page);
  await page.evaluate(() => {
    (window as { shrunk?: unknown }).shrunk = null;
    document.addEventListener(
      "piecework:photo-shrunk",
      (e) => ((window as { shrunk?: unknown }).shrunk = (e as CustomEvent).detail),
    );
  });
  await page
    .locator("input[name=photo]")
    .setInputFiles({ name: "IMG_0001.png", mimeType: "image/png", buffer: BIG_PNG });
  await expect.poll(async () => (await fileInInput(page, "photo"))?.type).toBe("image/jpeg");
  await shrinkDone(page);
  const after = await fileInInput(page, "photo");
  expect(after).toMatchObject({ type: "image/jpeg", name: "IMG_0001.jpg", width: 1600, height: 1200 });
  expect(after!.size).toBeLessThan(BIG_PNG.length);
  expect(after!.size).toBeLessThan(1024 * 1024);
  // The first bytes are a JPEG's: what the server checks.
  const head = await page.evaluate(async () => {
    const file = document.querySelector<HTMLInputElement>("input[name=photo]")!.files![0]!;
    return [...new Uint8Array(await file.slice(0, 3).arrayBuffer())];
  });
  expect(head).toEqual([0xff, 0xd8, 0xff]);
  expect(await page.evaluate(() => (window as { shrunk?: unknown }).shrunk)).toEqual({
    before: BIG_PNG.length,
    after: after!.size,
  });
  // An input without data-shrink is left alone.
  await page.locator("input[name=other]").setInputFiles({ name: "big.png", mimeType: "image/png", buffer: BIG_PNG });
  await page.waitForTimeout(500);
  expect(await fileInInput(page, "other")).toMatchObject({ type: "image/png", width: 4000, height: 3000 });
});

test("a submit while the photo is still being shrunk waits, then sends the JPEG with the rest of the form", async ({
  page,
}) => {
  // Decoding takes a while on a cheap phone: make it slow here, so the submit surely comes first.
  await page.addInitScript(() => {
    const original = window.createImageBitmap.bind(window);
    (window as { createImageBitmap: unknown }).createImageBitmap = (...args: Parameters<typeof original>) =>
      new Promise((resolve) => setTimeout(resolve, 800)).then(() => original(...args));
  });
  await openTestPage(page);
  const posted = new Promise<{ body: Buffer; contentType: string }>((resolve) => {
    void page.route(POSTED, async (route) => {
      const request = route.request();
      resolve({
        body: request.postDataBuffer() ?? Buffer.alloc(0),
        contentType: (await request.allHeaders())["content-type"] ?? "",
      });
      await route.fulfill({ status: 200, contentType: "text/plain", body: "ok" });
    });
  });
  await page
    .locator("input[name=photo]")
    .setInputFiles({ name: "IMG_0002.png", mimeType: "image/png", buffer: BIG_PNG });
  await expect(page.locator("input[name=photo]")).toHaveAttribute("data-shrinking", "");
  await page.getByRole("button", { name: "提交" }).click();
  const { body, contentType } = await posted;
  expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
  const text = body.toString("latin1");
  expect(text).toContain('name="photo"; filename="IMG_0002.jpg"\r\nContent-Type: image/jpeg');
  expect(text).toContain('name="quantity"\r\n\r\n12');
  expect(text).toContain('name="intent"\r\n\r\nlog');
  expect(text).not.toContain("image/png");
  expect(body.length).toBeLessThan(1024 * 1024);
});

test("without createImageBitmap the photo is decoded through a data: URL, which the pages' policy allows", async ({
  page,
}) => {
  await page.addInitScript(() => {
    delete (window as { createImageBitmap?: unknown }).createImageBitmap;
  });
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await openTestPage(page);
  await page
    .locator("input[name=photo]")
    .setInputFiles({ name: "IMG_0003.png", mimeType: "image/png", buffer: BIG_PNG });
  await shrinkDone(page);
  const file = await page.evaluate(async () => {
    const f = document.querySelector<HTMLInputElement>("input[name=photo]")!.files![0]!;
    const head = [...new Uint8Array(await f.slice(0, 3).arrayBuffer())];
    return { type: f.type, name: f.name, size: f.size, head };
  });
  expect(file).toMatchObject({ type: "image/jpeg", name: "IMG_0003.jpg", head: [0xff, 0xd8, 0xff] });
  expect(file.size).toBeLessThan(1024 * 1024);
  expect(violations).toEqual([]);
});

test("what cannot be decoded, or a browser without DataTransfer, keeps the original file", async ({ page }) => {
  await openTestPage(page);
  const notAPhoto = Buffer.from("这不是照片 / not a photo");
  await page
    .locator("input[name=photo]")
    .setInputFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: notAPhoto });
  await shrinkDone(page);
  expect(await fileInInput(page, "photo")).toMatchObject({
    type: "image/jpeg",
    name: "notes.jpg",
    size: notAPhoto.length,
  });

  await page.addInitScript(() => {
    delete (window as { DataTransfer?: unknown }).DataTransfer;
  });
  await openTestPage(page);
  await page
    .locator("input[name=photo]")
    .setInputFiles({ name: "IMG_0004.png", mimeType: "image/png", buffer: BIG_PNG });
  await page.waitForTimeout(500);
  expect(await fileInInput(page, "photo")).toMatchObject({ type: "image/png", name: "IMG_0004.png", width: 4000 });
});

test("window.pieceworkShrinkPhoto: a JPEG at most 1600 px long, the small photo itself when it is already fine, a rejection for what is not a photo", async ({
  page,
}) => {
  await openTestPage(page);
  const results = await page.evaluate(async () => {
    const shrink = (window as unknown as { pieceworkShrinkPhoto: (f: Blob) => Promise<Blob> }).pieceworkShrinkPhoto;
    async function drawn(width: number, height: number, type: string, quality?: number): Promise<File> {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d")!;
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, "#b4442c");
      gradient.addColorStop(1, "#2c6cb4");
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, quality));
      return new File([blob], `drawn.${type.split("/")[1]}`, { type });
    }
    async function describe(blob: Blob) {
      const bitmap = await createImageBitmap(blob);
      return { type: blob.type, width: bitmap.width, height: bitmap.height };
    }
    const portrait = await shrink(await drawn(3000, 4000, "image/png"));
    const wideWebp = await shrink(await drawn(2400, 600, "image/webp", 0.9));
    const small = await drawn(800, 600, "image/jpeg", 0.3);
    const smallResult = await shrink(small);
    const rejected = await shrink(new File(["GIF89a?"], "x.gif", { type: "image/gif" })).then(
      () => "resolved",
      () => "rejected",
    );
    return {
      portrait: await describe(portrait),
      wideWebp: await describe(wideWebp),
      smallKept: smallResult === small,
      rejected,
    };
  });
  expect(results.portrait).toEqual({ type: "image/jpeg", width: 1200, height: 1600 });
  expect(results.wideWebp).toEqual({ type: "image/jpeg", width: 1600, height: 400 });
  expect(results.smallKept).toBe(true);
  expect(results.rejected).toBe("rejected");
});
