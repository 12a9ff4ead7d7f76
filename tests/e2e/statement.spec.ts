// The income statement 收入证明 (issue 10, ADR 027). A worker on her phone
// (390 × 844, JavaScript off: her pages are plain HTML) opens 开收入证明 from 我的工资,
// sees the last 12 months (only settled ones count), issues the statement and
// prints it: an A4 PDF (one page), looked at as a picture. Its QR code is
// decoded from the rendered page (jsQR over a PNG of the code) and opens the
// public verify page in a browser that is not logged in: four facts (exists,
// period, total, masked name) and nothing else; an unknown code gets the
// not-found answer. The same in English (the statement gets English beneath
// each Chinese line). Data: tests/e2e/seed-statement.ts (a workshop of its own,
// written beside the server, so playwright.config.ts runs this file alone).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

type Seed = {
  worker: { id: string; name: string; phone: string };
  workshop: { id: string; name: string; district: string };
  months: string[];
  total: string;
};

function seedStatement(): Seed {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-statement.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Seed;
}

const PHONE = { viewport: { width: 390, height: 844 }, timezoneId: "Asia/Shanghai", javaScriptEnabled: false };
const CODE_URL = /\/v\/([23456789A-HJ-NP-Z]{4}-){4}[23456789A-HJ-NP-Z]{4}$/;

/** The QR code as the page draws it, decoded from a PNG of the element (not from its markup). */
async function decodeQr(page: Page): Promise<string> {
  const png = PNG.sync.read(await page.locator(".statement-qr").screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(found, "a QR code is found in the picture of .statement-qr").not.toBeNull();
  return found!.data;
}

/** Printed as the browser prints: A4, one page; kept for a person to look at. */
async function printA4(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  writeFileSync(`test-results/screens/${name}.pdf`, pdf);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length, "the statement fits one A4 page").toBe(1);
  // A4 is 595 × 842 points.
  expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
  await page.emulateMedia({ media: "screen" });
}

test("a worker prints her income statement on her phone; its QR code opens the verify page, which says four things only; in Chinese and English, without JavaScript", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const seed = seedStatement();
  const phoneMasked = `${seed.worker.phone.slice(0, 3)}****${seed.worker.phone.slice(-4)}`;

  // 1. Her phone: 我的工资 → 开收入证明, the last 12 months.
  const context = await browser.newContext({ ...PHONE, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, seed.worker.phone);
  await expect(page).toHaveURL("/worker");
  await page.goto("/worker/pay");
  await page.getByRole("link", { name: "开收入证明" }).click();
  await expect(page).toHaveURL("/worker/statements");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("收入证明");
  expect(await page.content(), "no React on her page").not.toContain("__remixContext");
  const preview = page.getByRole("region", { name: /至/ });
  await expect(preview.getByRole("row")).toHaveCount(1 + 5 + 1); // head, 5 settled months, total
  await expect(preview.getByRole("row").last()).toContainText(seed.total);
  await expect(preview).toContainText("当月无收入");
  await expect(preview).toContainText("尚未结算，不计入");
  await expectNoHorizontalScroll(page, 390);
  await screenshot(page, "statement-choose-zh-390");

  // 2. Issue it: the printable statement, from what was stored.
  await preview.getByRole("button", { name: "开具收入证明" }).click();
  await expect(page).toHaveURL(/\/worker\/statements\/\w+$/);
  await expect(page.getByText("收入证明已开具。")).toBeVisible();
  const doc = page.locator("article.statement-doc");
  await expect(doc.getByRole("heading", { level: 1 })).toHaveText("收入证明");
  await expect(doc).toContainText(seed.worker.name);
  await expect(doc).toContainText(phoneMasked);
  await expect(doc).not.toContainText(seed.worker.phone);
  await expect(doc).toContainText(seed.workshop.name);
  await expect(doc).toContainText(seed.workshop.district);
  await expect(doc.locator("tfoot")).toContainText(seed.total);
  await expect(doc).not.toContainText("Income statement");
  await expectNoHorizontalScroll(page, 390);
  await screenshot(page, "statement-doc-zh-390");
  await printA4(page, "statement-zh");

  // 3. Its QR code, read from the picture, is this site's verify address with the printed code.
  const url = await decodeQr(page);
  expect(url).toMatch(CODE_URL);
  expect(url.startsWith(`${baseURL}/v/`)).toBe(true);
  const printedCode = (await doc.locator(".statement-code").textContent())?.trim();
  expect(url.endsWith(`/v/${printedCode}`)).toBe(true);
  await expect(doc.locator(".statement-qr")).toHaveAttribute("data-url", url);

  // 4. Whoever holds the paper, not logged in, no JavaScript: four facts, nothing else.
  const visitor = await browser.newContext({ ...PHONE, locale: "zh-CN" });
  const check = await visitor.newPage();
  const response = await check.goto(url);
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  await expect(check.getByText("此收入证明真实有效。")).toBeVisible();
  await expect(check.locator("dl")).toContainText("张*英");
  await expect(check.locator("dl")).toContainText(seed.total);
  const html = await response!.text();
  for (const secret of [
    seed.worker.name,
    seed.worker.phone,
    phoneMasked,
    seed.worker.phone.slice(-4),
    seed.workshop.name,
    seed.workshop.district,
    seed.worker.id,
    seed.workshop.id,
    page.url().split("/").pop()!,
    "¥1,234.56",
    "¥987.65",
    "¥2,000.00",
    "¥88.88",
  ]) {
    expect(html, `the verify page does not say ${secret}`).not.toContain(secret);
  }
  expect(html).not.toContain("<script");
  await expect(check.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await expectNoHorizontalScroll(check, 390);
  await screenshot(check, "statement-verify-zh-390");

  // An unknown code and a malformed one: the same words.
  const unknown = await check.goto(url.replace(/\/v\/.*$/, "/v/ABCD-EFGH-JKLM-NPQR-STUV"));
  expect(unknown?.status()).toBe(404);
  await expect(check.getByRole("alert")).toHaveText("没有找到与此核验码相符的收入证明。请核对核验码。");
  const malformed = await check.goto("/v/hello");
  expect(malformed?.status()).toBe(404);
  await expect(check.getByRole("alert")).toHaveText("没有找到与此核验码相符的收入证明。请核对核验码。");
  // Typed by hand on /v: lower case with spaces reads the same.
  await check.goto("/v");
  await check.getByLabel("核验码").fill(printedCode!.toLowerCase().replace(/-/g, " "));
  await check.getByRole("button", { name: "核验" }).click();
  await expect(check.getByText("此收入证明真实有效。")).toBeVisible();

  // 5. In English: her statement gets English beneath each Chinese line; the verify page answers in English.
  await page.getByRole("banner").getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(doc.getByRole("heading", { level: 1 })).toContainText("收入证明");
  await expect(doc.getByRole("heading", { level: 1 })).toContainText("Income statement");
  await expect(doc).toContainText("This is to certify that 张秀英");
  await expect(doc.locator("tfoot")).toContainText(seed.total);
  await expect(doc.locator("tfoot")).toContainText("Total");
  await expectNoHorizontalScroll(page, 390);
  await screenshot(page, "statement-doc-en-390");
  await printA4(page, "statement-en");
  expect(await decodeQr(page)).toBe(url);

  await check.goto(url);
  await check.getByRole("link", { name: "English" }).click();
  await expect(check.locator("main")).toHaveAttribute("lang", "en");
  await expect(check.getByText("This income statement exists.")).toBeVisible();
  await expect(check.locator("dl")).toContainText("张*英");
  await screenshot(check, "statement-verify-en-390");
  await check.setViewportSize({ width: 1280, height: 900 });
  await screenshot(check, "statement-verify-en-1280");

  // Her list of statements, in English at the desk width too.
  await page.goto("/worker/statements");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Income statement");
  await expect(page.getByRole("region", { name: "Statements issued" }).getByRole("link")).toHaveCount(1);
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, "statement-choose-en-1280");
  await context.close();
  await visitor.close();
});
