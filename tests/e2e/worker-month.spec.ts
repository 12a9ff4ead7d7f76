// The worker's month on her home page (issue 8), on a 390 px phone: the big
// figures (logged, received, passed: "not checked yet" until a quality check),
// the material she holds, her task cards with 报工 and 退回, and this month's
// logs with their status; then in English, and at 1280 px, as pictures to
// look at. Without JavaScript, as every worker page (ADR 015).
// Accounts: a worker of this run's own, her order and logs made by
// tests/e2e/seed-worker-month.ts (it leaves them in the demo workshop and
// writes from a process of its own, so playwright.config.ts runs this file
// last and alone).
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

type Seed = { workerName: string; workerPhone: string; tasks: { main40: string; claimed10: string; full6: string } };

function seedWorkerMonth(): Seed {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-worker-month.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Seed;
}

/** The China month number today, as the page names it. */
function chinaMonthNumber(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCMonth() + 1;
}

async function figures(page: Page) {
  const month = page.getByRole("region", { name: /^(本月（\d+月）|This month \(\w+\))$/ });
  return { month, terms: month.getByRole("term"), values: month.getByRole("definition") };
}

test("a worker sees her month at a glance on a 390 px phone: 40 logged, 28 received, passed not checked yet, what she holds, and each log's status", async ({
  page,
}) => {
  const seed = seedWorkerMonth();
  await page.goto("/login");
  await logIn(page, seed.workerPhone);
  await expect(page).toHaveURL("/worker");
  // The login page is hydrated; any later load of a worker page is plain HTML (ADR 015): no React
  // bundle, only the offline queue's plain script (ADR 020).
  await page.reload();
  await expect(page.locator('script[src^="/build/"], script:not([src])')).toHaveCount(0);
  await expect(page.locator('script[src="/outbox.js"]')).toHaveCount(1);

  // The month: three big figures. The cancelled 5 count nowhere; 28 of the 30 were counted.
  const { month, terms, values } = await figures(page);
  await expect(month.getByRole("heading", { level: 2 })).toHaveText(`本月（${chinaMonthNumber()}月）`);
  await expect(terms).toHaveText(["已报工", "已收货", "合格"]);
  await expect(values).toHaveText(["40", "28", "0"]);
  await expect(month).toContainText("质检尚未开始");
  await expect(month).toContainText("返工 0 · 报废 0");
  const figureBox = await values.first().boundingBox();
  expect(figureBox?.height ?? 0, "a figure is big").toBeGreaterThanOrEqual(32);
  const held = month.getByRole("listitem");
  await expect(held).toHaveText([/薰衣草精油\s*80 毫升/, /皂基\s*4\.125 千克/]);

  // The task cards: 报工 while pieces are left to log; 退回 only for the claimed task with nothing logged.
  const cards = page.getByRole("region", { name: "我的任务" }).getByRole("listitem");
  await expect(cards).toHaveCount(3);
  const [main40, claimed10, full6] = [cards.nth(0), cards.nth(1), cards.nth(2)];
  await expect(main40).toContainText("已报 32 / 共 40 件");
  await expect(main40.getByRole("link", { name: "报工" })).toHaveAttribute(
    "href",
    `/worker/tasks/${seed.tasks.main40}`,
  );
  await expect(main40.getByRole("link", { name: "退回" })).toHaveCount(0);
  const logButton = await main40.getByRole("link", { name: "报工" }).boundingBox();
  expect(logButton?.height ?? 0, "报工 tap target height").toBeGreaterThanOrEqual(48);
  expect(logButton?.width ?? 0, "报工 spans the card").toBeGreaterThan(300);
  await expect(claimed10).toContainText("自领");
  await expect(claimed10).toContainText("已报 0 / 共 10 件");
  await expect(claimed10.getByRole("link", { name: "报工" })).toHaveAttribute(
    "href",
    `/worker/tasks/${seed.tasks.claimed10}`,
  );
  await expect(claimed10.getByRole("link", { name: "退回" })).toHaveAttribute(
    "href",
    `/worker/tasks/${seed.tasks.claimed10}/give-back`,
  );
  await expect(full6).toContainText("已报 6 / 共 6 件");
  await expect(full6.getByRole("link")).toHaveCount(0);

  // This month's logs, newest first, each with its status, leading to its task's log page.
  const logs = page.getByRole("region", { name: "本月报工记录" }).getByRole("link");
  await expect(logs).toHaveCount(4);
  await expect(logs.nth(0)).toContainText("待收货");
  await expect(logs.nth(0)).toContainText("报工 6 件");
  await expect(logs.nth(0)).toHaveAttribute("href", `/worker/tasks/${seed.tasks.full6}`);
  await expect(logs.nth(1)).toContainText("待收货");
  await expect(logs.nth(1)).toContainText("报工 4 件");
  await expect(logs.nth(2)).toContainText("已取消");
  await expect(logs.nth(2)).toContainText("取消原因：收错了人");
  await expect(logs.nth(3)).toContainText("已收货");
  await expect(logs.nth(3)).toContainText("报工 30 件 · 收货 28 件");
  await expect(logs.nth(3)).toContainText("差异原因：2 块有裂纹");
  await expect(logs.nth(3)).toHaveAttribute("href", `/worker/tasks/${seed.tasks.main40}`);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "worker-month-zh-390");
  // Close-ups at the phone's pixel density, to look at.
  await month.screenshot({ path: "test-results/screens/worker-month-card-zh-390.png" });
  await claimed10.screenshot({ path: "test-results/screens/worker-month-task-zh-390.png" });

  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoHorizontalScroll(page, 1280);
  await screenshot(page, "worker-month-zh-1280");

  // In English: the same figures, in her words.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("banner").getByText("English", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const english = await figures(page);
  await expect(english.terms).toHaveText(["Logged", "Received", "Passed"]);
  await expect(english.values).toHaveText(["40", "28", "0"]);
  await expect(english.month).toContainText("Not checked yet");
  await expect(english.month.getByRole("listitem")).toHaveText([/80 ml/, /4\.125 kg/]);
  const enCards = page.getByRole("region", { name: "My tasks" }).getByRole("listitem");
  await expect(enCards.nth(0)).toContainText("Logged 32 of 40 pieces");
  await expect(enCards.nth(1).getByRole("link", { name: "Give back" })).toBeVisible();
  await expect(enCards.nth(0).getByRole("link", { name: "Log pieces" })).toBeVisible();
  const enLogs = page.getByRole("region", { name: "This month's logs" }).getByRole("link");
  await expect(enLogs.nth(3)).toContainText("Logged 30 pieces · Received 28 pieces");
  await expect(enLogs.nth(0)).toContainText("Waiting to be received");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "worker-month-en-390");
  await english.month.screenshot({ path: "test-results/screens/worker-month-card-en-390.png" });
  await page.getByRole("region", { name: "This month's logs" }).screenshot({
    path: "test-results/screens/worker-month-logs-en-390.png",
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoHorizontalScroll(page, 1280);
  await screenshot(page, "worker-month-en-1280");

  await page.getByRole("banner").getByText("中文", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});
