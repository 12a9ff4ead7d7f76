// Onboarding a community at once (issue 10, ADR 025): a coordinator imports a
// 50-row sheet with 3 bad rows (a bad number, a missing name, a number twice),
// fixes nothing, confirms, follows the background job's progress page until it
// is done, and sees 47 new workers; the password sheet opens once with 47
// passwords (a reload shows none); one of the new workers logs in with hers,
// cannot reach her pages until she chooses her own, then lands on them. With JavaScript off at 390 px in Chinese, and
// with JavaScript on at 1280 px in English (an XLSX sheet); a cross-site post is
// refused. Data: tests/e2e/seed-onboard.ts, a workshop of this run's own.
// Pictures in test-results/screens/onboard-*.png.
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

// Logins and full-cost hashing on a shared 2-core machine: generous time per journey.
test.describe.configure({ timeout: 240_000 });

type Seed = { suffix: string; workshop: string; coordinator: { name: string; phone: string }; phoneBase: string };

let seed: Seed;
test.beforeAll(() => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-onboard.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  seed = JSON.parse(out) as Seed;
});

/** 50 people: 47 good, and 3 bad ones (bad number on line 11, no name on line 21, line 31's number repeats line 2's). */
function communitySheet(prefix: string): { rows: [string, string, string][]; good: string[] } {
  const rows: [string, string, string][] = [];
  for (let i = 0; i < 50; i += 1)
    rows.push([
      `社区${prefix}号${i}`,
      `${prefix}${seed.phoneBase}${String(i).padStart(2, "0")}`,
      i % 7 === 0 ? `${i} 栋` : "",
    ]);
  rows[9]![1] = "1381234"; // line 11: a bad number
  rows[19]![0] = ""; // line 21: no name
  rows[29]![1] = rows[0]![1]; // line 31: the same number as line 2
  const good = rows.filter((_, i) => i !== 9 && i !== 19 && i !== 29).map((r) => r[1]);
  return { rows, good };
}

function csv(rows: [string, string, string][]): Buffer {
  return Buffer.from(`\uFEFF姓名,手机号,备注\r\n${rows.map((r) => r.join(",")).join("\r\n")}\r\n`, "utf8");
}

async function xlsx(rows: [string, string, string][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("names");
  sheet.addRow(["name", "phone", "note"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function coordinatorAt(browser: Browser, width: number, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    isMobile: width < 600,
    hasTouch: width < 600,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled,
  });
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, seed.coordinator.phone);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

/** Her account's language is stored (another journey here may have switched it): switch only when needed. */
async function useLanguage(page: Page, to: "English" | "中文") {
  const lang = to === "English" ? "en" : "zh-CN";
  if ((await page.locator("html").getAttribute("lang")) === lang) return;
  await page.getByRole("banner").getByRole("button", { name: to, exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

/** How many workers the list says the workshop has (it shows them 50 a page). */
async function workerCount(page: Page): Promise<number> {
  await page.goto("/coordinator/workers");
  return Number(await page.locator("[data-workers-total]").getAttribute("data-workers-total"));
}

test("JS off, 390 px, Chinese: a 50-row CSV with 3 bad rows imports 47 workers; 47 passwords shown once; one logs in", async ({
  browser,
}) => {
  const page = await coordinatorAt(browser, 390, false);
  await useLanguage(page, "中文");
  const before = await workerCount(page);
  await page.getByRole("link", { name: "从表格批量导入" }).click();
  await expect(page.getByRole("heading", { name: "批量导入手工者" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "onboard-upload-390-zh");

  const { rows, good } = communitySheet("15");
  await page.getByLabel("表格文件").setInputFiles({ name: "社区名单.csv", mimeType: "text/csv", buffer: csv(rows) });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByRole("heading", { name: "导入预览" })).toBeVisible();
  await expect(page.getByText("共 50 行：47 行可以导入，3 行有问题（不会导入）。")).toBeVisible();
  const problems = page.locator("table.import-table").first().locator("tbody tr");
  await expect(problems).toHaveCount(3);
  await expect(problems.nth(0)).toContainText("手机号：请输入 11 位手机号");
  await expect(problems.nth(1)).toContainText("姓名：");
  await expect(problems.nth(2)).toContainText("与第 2 行的手机号重复");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "onboard-preview-390-zh");
  const previewUrl = page.url();

  await page.getByRole("button", { name: "确认导入 47 人" }).click();
  // The accounts are made in the background: her page says it started and refreshes itself (no JavaScript:
  // a <noscript> meta refresh) until it is done; 47 full-cost hashes take seconds, more on a busy machine.
  await expect(page.getByRole("heading", { name: /正在创建账号|导入完成/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "导入完成" })).toBeVisible({ timeout: 150_000 });
  await expect(page.getByText(/已创建 47 个手工者账号/)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "onboard-done-390-zh");
  await page.getByRole("button", { name: "打开初始密码单（只能打开一次）" }).click();
  await expect(page.getByRole("heading", { name: "初始密码单" })).toBeVisible();
  await expect(page.getByText("已创建 47 个手工者账号。")).toBeVisible();
  // The whole sheet, not the part of the document parsed so far (without JavaScript it streams in).
  await expect(page.locator("[data-password]")).toHaveCount(47);
  await expect(page.getByRole("link", { name: "查看手工者列表" })).toBeVisible();
  const passwords = await page.locator("[data-password]").allTextContents();
  expect(passwords).toHaveLength(47);
  for (const p of passwords) expect(p.trim()).toMatch(/^\d{10}$/);
  const phonesShown = await page.locator(".slip-phone").allTextContents();
  expect(phonesShown.sort()).toEqual([...good].sort());
  await expect(page.locator(".slip-url").first()).toHaveText(/\/login$/);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "onboard-sheet-390-zh");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await screenshot(page, "onboard-sheet-print-zh");
  await page.emulateMedia({ media: "screen" });
  const first = { phone: phonesShown[0]!, password: passwords[0]!.trim() };

  // Shown once: the page again (its address) and the same post again show no password.
  await page.goto(previewUrl);
  await expect(page.getByText(/初始密码单已于 .* 打开过，不能再显示/)).toBeVisible();
  await expect(page.locator("[data-password]")).toHaveCount(0);
  const again = await page.request.post(previewUrl, {
    form: { intent: "open" },
    headers: { Origin: new URL(previewUrl).origin },
  });
  expect(again.status()).toBe(409);
  expect(await again.text()).not.toContain(first.password);

  expect(await workerCount(page)).toBe(before + 47);
  await expect(page.getByText("0 栋")).toBeVisible(); // the sheet's note, under her name
  await expect(page.getByText("还没设置自己的密码").first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "onboard-workers-390-zh");

  // One of them logs in with her printed password and is sent to choose her own.
  const worker = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    javaScriptEnabled: false,
  });
  const phone = await worker.newPage();
  await phone.goto("/login");
  await logIn(phone, first.phone, first.password);
  await phone.waitForURL("**/account");
  await expect(phone.getByText("您现在用的是初始密码，请先设置一个自己的密码")).toBeVisible();
  await screenshot(phone, "onboard-first-login-390-zh");
  // Her pages wait until she has chosen her own password.
  await phone.goto("/worker");
  await expect(phone).toHaveURL(/\/account$/);
  await phone.getByLabel("当前密码").fill(first.password);
  await phone.getByLabel("新密码", { exact: true }).fill("wo-de-mima-2026");
  await phone.getByLabel("再输一次新密码").fill("wo-de-mima-2026");
  await phone.getByRole("button", { name: "修改密码" }).click();
  await expect(phone).toHaveURL(/\/worker$/);
  await expect(phone.getByText("密码已修改")).toBeVisible();
  await worker.close();
});

test("JS on, 1280 px, English: an XLSX sheet with English headings; preview, confirm, password sheet", async ({
  browser,
}) => {
  const page = await coordinatorAt(browser, 1280, true);
  await useLanguage(page, "English");
  await page.goto("/coordinator/workers/import");
  await expect(page.getByRole("heading", { name: "Import workers" })).toBeVisible();
  await screenshot(page, "onboard-upload-1280-en");
  const { rows } = communitySheet("17");
  await page.getByLabel("Sheet file").setInputFiles({
    name: "community.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await xlsx(rows),
  });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByText("50 rows: 47 can be imported, 3 have a problem (not imported).")).toBeVisible();
  await expect(page.getByText("Same number as line 2")).toBeVisible();
  await screenshot(page, "onboard-preview-1280-en");
  await page.getByRole("button", { name: "Import 47 workers" }).click();
  // With JavaScript the page revalidates itself while the job runs.
  await expect(page.getByRole("heading", { name: "Import done" })).toBeVisible({ timeout: 150_000 });
  await screenshot(page, "onboard-done-1280-en");
  await page.getByRole("button", { name: "Open the initial passwords (once only)" }).click();
  await expect(page.getByRole("heading", { name: "Initial passwords" })).toBeVisible();
  await expect(page.locator("[data-password]")).toHaveCount(47);
  await screenshot(page, "onboard-sheet-1280-en");
  // With JavaScript the page revalidated after the post; a reload still shows no password.
  await page.reload();
  await expect(page.locator("[data-password]")).toHaveCount(0);
  await expect(page.getByText(/The initial passwords were opened at .* and cannot be shown again/)).toBeVisible();
});

test("JS off, 1280 px Chinese and 390 px English: a file that is not a sheet is refused in her language", async ({
  browser,
}) => {
  const page = await coordinatorAt(browser, 1280, false);
  await useLanguage(page, "中文");
  await page.goto("/coordinator/workers/import");
  await page.getByLabel("表格文件").setInputFiles({
    name: "photo.xlsx",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByRole("alert")).toHaveText("这不是表格文件。请上传 .xlsx 或 .csv 文件");
  await screenshot(page, "onboard-refused-1280-zh");
  const phone = await coordinatorAt(browser, 390, false);
  await useLanguage(phone, "English");
  await phone.goto("/coordinator/workers/import");
  await phone
    .getByLabel("Sheet file")
    .setInputFiles({ name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") });
  await phone.getByRole("button", { name: "Upload and preview" }).click();
  await expect(phone.getByRole("alert")).toContainText("No “name” and “phone” columns found");
  await expectNoHorizontalScroll(phone);
  await screenshot(phone, "onboard-refused-390-en");
});

test("a cross-site post to the import is refused before the app reads it", async ({ browser }) => {
  const page = await coordinatorAt(browser, 390, false);
  const response = await page.request.post("/coordinator/workers/import?index", {
    multipart: { sheet: { name: "x.csv", mimeType: "text/csv", buffer: csv(communitySheet("18").rows) } },
    headers: { Origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
});
