// Notices 通知 (ADR 026). A worker on her phone (390 × 844, plain HTML) has no unread notice; the
// coordinator at her desk (1280 px, JavaScript off) settles the month; the worker's next page shows
// 通知 with a badge that says "1 条未读" in words; she opens her notices (zh-CN and English), then the
// payslip notice, lands on her payslip, and the badge is gone. Pictures in test-results/screens/.
// A workshop of this run's own is made by tests/e2e/seed-notices.ts (it writes from a process of its
// own, so playwright.config.ts runs this file alone).
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

type Person = { id: string; name: string; phone: string };
type Seed = { month: string; coordinator: Person; worker: Person };

function seedNotices(): Seed {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-notices.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Seed;
}

const zhMonth = (month: string) => `${month.slice(0, 4)}年${Number.parseInt(month.slice(5), 10)}月`;
const enMonth = (month: string) =>
  `${new Date(`${month}-15T00:00:00Z`).toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${month.slice(0, 4)}`;

function banner(page: Page) {
  return page.getByRole("banner");
}

test("after her month is settled, the worker sees 通知 with a badge, opens her payslip notice, and the badge goes", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const seed = seedNotices();

  // 1. Her phone, no JavaScript: 通知 in the top bar, nothing unread yet.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled: false,
  });
  const her = await phone.newPage();
  await her.goto("/login");
  await logIn(her, seed.worker.phone);
  await expect(her).toHaveURL("/worker");
  await expect(banner(her).getByRole("link", { name: "通知", exact: true })).toBeVisible();

  // 2. The coordinator settles the month at her desk, JavaScript off.
  const desk = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled: false,
  });
  const page = await desk.newPage();
  await page.goto("/login");
  await logIn(page, seed.coordinator.phone);
  await expect(page).toHaveURL("/coordinator");
  await expect(banner(page).getByRole("link", { name: "通知", exact: true })).toBeVisible();
  await page.goto(`/coordinator/pay/${seed.month}?settle=confirm#settle-confirm`);
  const confirm = page.getByRole("region", { name: `确认结算 ${zhMonth(seed.month)}？` });
  await confirm.getByRole("button", { name: /^确认结算/ }).click();
  await expect(page.getByRole("status")).toContainText("已结算：1 张工资条");
  await desk.close();

  // 3. Her next page: the badge, drawn and said in words.
  await her.reload();
  const bell = banner(her).getByRole("link", { name: /^通知\s*（1 条未读）$/ });
  await expect(bell).toBeVisible();
  await expect(bell.locator(".nav-badge")).toHaveText("1");
  await expectNoHorizontalScroll(her, 390);
  await screenshot(her, "notices-badge-zh-390");

  // 4. Her notices: the payslip notice, unread; reading the list changes nothing.
  await bell.click();
  await expect(her).toHaveURL("/notices");
  await expect(her.getByRole("heading", { level: 1 })).toHaveText("通知");
  const item = her.getByRole("link", { name: new RegExp(`^未读\\s*${zhMonth(seed.month)} 的工资条出来了$`) });
  await expect(item).toBeVisible();
  await expectNoHorizontalScroll(her, 390);
  await screenshot(her, "notices-list-zh-390");
  await her.reload();
  await expect(banner(her).getByRole("link", { name: /^通知\s*（1 条未读）$/ })).toBeVisible();

  // The same in English.
  await banner(her).getByRole("button", { name: "English" }).click();
  await expect(her.locator("html")).toHaveAttribute("lang", "en");
  await expect(banner(her).getByRole("link", { name: /^Notices\s*\(1 unread\)$/ })).toBeVisible();
  await expect(
    her.getByRole("link", { name: new RegExp(`^New\\s*Your payslip for ${enMonth(seed.month)} is ready$`) }),
  ).toBeVisible();
  await expectNoHorizontalScroll(her, 390);
  await screenshot(her, "notices-list-en-390");
  await banner(her).getByRole("button", { name: "中文" }).click();
  await expect(her.locator("html")).toHaveAttribute("lang", "zh-CN");

  // 5. Opening it: her payslip, and the badge is gone.
  await her.getByRole("link", { name: new RegExp(`^未读\\s*${zhMonth(seed.month)} 的工资条出来了$`) }).click();
  await expect(her).toHaveURL(`/worker/pay/${seed.month}`);
  await expect(banner(her).getByRole("link", { name: "通知", exact: true })).toBeVisible();
  await expect(banner(her).locator(".nav-badge")).toHaveCount(0);
  await screenshot(her, "notices-opened-zh-390");
  await her.goto("/notices");
  await expect(her.getByRole("link", { name: `${zhMonth(seed.month)} 的工资条出来了`, exact: true })).toBeVisible();
  await expect(her.getByRole("button", { name: "全部标为已读" })).toHaveCount(0);
  await screenshot(her, "notices-read-zh-390");
  await her.setViewportSize({ width: 1280, height: 900 });
  await expectNoHorizontalScroll(her, 1280);
  await screenshot(her, "notices-read-zh-1280");
  await phone.close();
});
