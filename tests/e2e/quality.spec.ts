// Quality check and delivery (ADR 021). The coordinator, at her desk (1280 px)
// and with JavaScript off (plain forms), opens 质检 from the menu, checks a
// worker's lot of 10 soaps: 7 passed, 2 rework (有裂纹), 1 rejected (尺寸不符),
// with a note; delivers the 7 passed soaps to the partner and opens the
// delivery note (and its print layout). Then on phones (390 × 844) the partner
// sees the first-pass rate, the reasons, the delivery and what it owes, and the
// worker sees her month's passed/rework/rejected and the log's result.
// Accounts: 王协调员 13800000002, 赵经理 13800000021 (partner), and a worker of
// this run's own made by tests/e2e/seed-quality.ts with her order and a
// received lot. It leaves an order on the demo partner's list, so
// playwright.config.ts runs it last and alone.
import { execFileSync } from "node:child_process";
import { expect, test, type Browser } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

type Seed = { orderId: string; lotId: string; workerName: string; workerPhone: string };

function seedQuality(): Seed {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-quality.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Seed;
}

function phone(browser: Browser) {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
}

test("the coordinator checks a lot (7 passed, 2 rework, 1 rejected) and delivers the 7 to the partner; the partner and the worker see it on their phones", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const seed = seedQuality();

  // 1. At her desk, without JavaScript: 质检 from the menu, with its badge.
  const desk = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled: false,
  });
  const page = await desk.newPage();
  await page.goto("/login");
  await logIn(page, "13800000002");
  await expect(page).toHaveURL("/coordinator");
  await page.getByRole("banner").getByRole("link", { name: /^质检/ }).click();
  await expect(page).toHaveURL("/coordinator/quality");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("质检");
  const row = page.getByRole("listitem").filter({ hasText: seed.workerName });
  await expect(row).toContainText("10 件");
  await expectNoHorizontalScroll(page, 1280);
  await screenshot(page, "quality-list-1280");
  await row.getByRole("link", { name: `质检 ${seed.workerName} 的 10 件` }).click();
  await expect(page).toHaveURL(`/coordinator/quality/${seed.lotId}`);

  // 2. Counts that do not add up are refused, and what she typed stays.
  await page.getByLabel("合格", { exact: true }).fill("7");
  await page.getByLabel("返工", { exact: true }).fill("2");
  await page.getByRole("button", { name: "提交质检结果" }).click();
  await expect(page.getByText("合格、返工、报废加起来要等于本批数量。")).toBeVisible();
  await expect(page.getByLabel("合格", { exact: true })).toHaveValue("7");

  // 3. The check: 7 passed, 2 rework (有裂纹), 1 rejected (尺寸不符), a note.
  await page.getByLabel("报废", { exact: true }).fill("1");
  await page.getByLabel("返工原因").selectOption({ label: "有裂纹" });
  await page.getByLabel("报废原因").selectOption({ label: "尺寸不符" });
  await page.getByLabel("说明（手工者能看到）").fill("边上有细裂纹，磨平后再交");
  await screenshot(page, "quality-check-form-1280");
  await page.getByRole("button", { name: "提交质检结果" }).click();
  await expect(page.getByText("质检已记录：合格 7，返工 2，报废 1。")).toBeVisible();
  const result = page.getByRole("region", { name: "质检结果" });
  await expect(result).toContainText("返工原因：有裂纹");
  await expect(result).toContainText("报废原因：尺寸不符");
  await expect(result).toContainText("2 件 · 返工中");
  await expect(page.getByRole("button", { name: "提交质检结果" })).toHaveCount(0);
  await screenshot(page, "quality-check-result-1280");

  // 4. The order: its quality, then deliver the 7 passed soaps.
  await page.goto(`/coordinator/orders/${seed.orderId}`);
  await expect(page.getByRole("region", { name: "质量" })).toContainText("70.0%");
  await page.getByRole("link", { name: "交付给合作企业" }).click();
  await expect(page).toHaveURL(`/coordinator/orders/${seed.orderId}/deliveries`);
  await expect(page.getByText("可交付（已合格、未交付）：7 件")).toBeVisible();
  await page.getByLabel("本次交付数量").fill("8");
  await page.getByRole("button", { name: "记录交付" }).click();
  await expect(page.getByText("超过了可交付的数量（已合格、未交付的）。")).toBeVisible();
  await page.getByLabel("本次交付数量").fill("7");
  await page.getByRole("button", { name: "记录交付" }).click();
  await expect(page.getByText("已记录交付 7 件。")).toBeVisible();
  await expect(page.getByText("可交付（已合格、未交付）：0 件")).toBeVisible();
  await expect(page.locator(".owed")).toHaveText("¥47.60");
  await screenshot(page, "deliveries-1280");
  await page.getByRole("link", { name: "第 1 次交付的送货单" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("送货单");
  await expect(page.locator(".note-table")).toContainText("7 件");
  await expect(page.locator(".note-table")).toContainText("¥47.60");
  await screenshot(page, "delivery-note-1280");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await screenshot(page, "delivery-note-print");
  await desk.close();

  // 5. The same pages on the coordinator's phone: the rework with the worker, the reasons, the deliveries.
  const coordinatorPhone = await phone(browser);
  const small = await coordinatorPhone.newPage();
  await small.goto("/login");
  await logIn(small, "13800000002");
  await expect(small).toHaveURL("/coordinator");
  await small.goto("/coordinator/quality");
  await expect(small.getByRole("region", { name: /返工在手工者处/ })).toContainText(seed.workerName);
  await expectNoHorizontalScroll(small);
  await screenshot(small, "quality-list-390");
  await small.goto(`/coordinator/quality/${seed.lotId}`);
  await expectNoHorizontalScroll(small);
  await screenshot(small, "quality-check-result-390");
  await small.goto("/coordinator/quality/reasons");
  await expect(small.getByRole("listitem").filter({ hasText: "颜色不均" })).toBeVisible();
  await expectNoHorizontalScroll(small);
  await screenshot(small, "quality-reasons-390");
  await small.goto(`/coordinator/orders/${seed.orderId}/deliveries`);
  await expectNoHorizontalScroll(small);
  await screenshot(small, "deliveries-390");
  await coordinatorPhone.close();

  // 6. The partner, on a phone: pass rate, reasons, the delivery and what it owes.
  const partnerContext = await phone(browser);
  const partner = await partnerContext.newPage();
  await partner.goto("/login");
  await logIn(partner, "13800000021");
  await expect(partner).toHaveURL("/partner");
  await partner.goto(`/partner/orders/${seed.orderId}`);
  const quality = partner.getByRole("region", { name: "质量" });
  await expect(quality).toContainText("一次合格率");
  await expect(quality).toContainText("70.0%");
  await expect(quality.getByRole("row", { name: /有裂纹/ })).toContainText("2 件");
  await expect(quality.getByRole("row", { name: /尺寸不符/ })).toContainText("1 件");
  await expect(quality).not.toContainText("磨平");
  const deliveries = partner.getByRole("region", { name: "交付" });
  await expect(deliveries.locator(".owed")).toHaveText("¥47.60");
  await expect(deliveries).toContainText("第 1 次");
  await expectNoHorizontalScroll(partner);
  await screenshot(partner, "partner-order-quality-390");
  await partnerContext.close();

  // 7. The worker, on her phone: this month's figures and the log's result.
  const workerContext = await phone(browser);
  const worker = await workerContext.newPage();
  await worker.goto("/login");
  await logIn(worker, seed.workerPhone);
  await expect(worker).toHaveURL("/worker");
  const month = worker.locator(".month-card");
  await expect(month.locator(".month-figure").filter({ hasText: "合格" })).toContainText("7");
  await expect(month).toContainText("返工 2 · 报废 1");
  await expect(month).toContainText("有 2 件返工在你手上");
  const log = worker.locator(".month-logs li").first();
  await expect(log).toContainText("质检合格 7 件");
  await expect(log).toContainText("返工原因：有裂纹");
  await expect(log).toContainText("报废原因：尺寸不符");
  await expect(log).toContainText("质检说明：边上有细裂纹，磨平后再交");
  await expectNoHorizontalScroll(worker);
  await screenshot(worker, "worker-month-quality-390");
  await workerContext.close();
});
