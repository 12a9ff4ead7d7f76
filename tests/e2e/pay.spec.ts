// Monthly settlement 月结 and 我的工资 (ADR 022). The coordinator at her desk
// (1280 px, JavaScript off: plain forms) opens 工资 from the menu, previews a
// month that has ended, adds a bonus and settles through the confirm step. The
// worker on her phone (390 × 844, no React: plain HTML) opens her payslip, a
// piece line down to its checks and logs, and asks a question; the coordinator
// answers from the payslip's page; the worker sees the answer and confirms.
// The print page, as print media, makes an A4 PDF with one page per worker.
// Pictures in Chinese and English at 390 and 1280 px in test-results/screens/.
// Accounts: 王协调员 13800000002, and two workers of this run's own made by
// tests/e2e/seed-pay.ts with lots checked two months ago (it writes from a
// process of its own, so playwright.config.ts runs this file last and alone).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import Decimal from "decimal.js";
import { expect, test, type Page } from "@playwright/test";
import { readWorkbook } from "../support/xlsx.ts";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

type Person = { id: string; name: string; phone: string };
type Seed = { month: string; a: Person; b: Person };

function seedPay(): Seed {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-pay.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Seed;
}

const zhMonth = (month: string) => `${month.slice(0, 4)}年${Number.parseInt(month.slice(5), 10)}月`;

/** Both languages at both widths: a picture of each, read by a person. */
async function pictures(page: Page, name: string) {
  const size = page.viewportSize();
  for (const [lang, label] of [
    ["en", "English"],
    ["zh", "中文"],
  ] as const) {
    await page.getByRole("banner").getByText(label, { exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", lang === "en" ? "en" : "zh-CN");
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await expectNoHorizontalScroll(page, width);
      await screenshot(page, `${name}-${lang}-${width}`);
    }
  }
  if (size) await page.setViewportSize(size);
}

test("a month is previewed, given a bonus and settled; the worker reads her payslip down to her logs, asks and is answered; the payslips print one per A4 page", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const seed = seedPay();
  const label = zhMonth(seed.month);

  // 1. At her desk, without JavaScript: 工资 in the menu, the month waiting to be settled.
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
  await page.getByRole("banner").getByRole("link", { name: /^工资/ }).click();
  await expect(page).toHaveURL("/coordinator/pay");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("月结工资");
  await pictures(page, "pay-months");
  await page.getByRole("link", { name: `预览 ${label}` }).click();
  await expect(page).toHaveURL(`/coordinator/pay/${seed.month}`);

  // 2. The preview: 140 × ¥2.50 and 30 × ¥2.50.
  const preview = page.getByRole("region", { name: /^预览/ });
  await expect(preview.getByRole("row").filter({ hasText: seed.a.name })).toContainText("¥350.00");
  await expect(preview.getByRole("row").filter({ hasText: seed.b.name })).toContainText("¥75.00");
  await expect(preview.getByRole("row").last()).toContainText("¥425.00");

  // 3. A bonus for A (a correction with no month is refused first, keeping what was typed).
  await page.getByLabel("手工者", { exact: true }).selectOption({ label: seed.a.name });
  await page.getByLabel("类型").selectOption({ label: "更正" });
  await page.getByLabel("金额（元）").fill("-5");
  await page.getByLabel("原因").fill("上月多算");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByText("更正要写明更正哪个月")).toBeVisible();
  await expect(page.getByLabel("金额（元）")).toHaveValue("-5");
  await page.getByLabel("类型").selectOption({ label: "奖励" });
  await page.getByLabel("金额（元）").fill("20");
  await page.getByLabel("原因").fill("全勤奖");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`已为 ${seed.a.name} 添加奖励 ¥20.00。`);
  await expect(preview.getByRole("row").last()).toContainText("¥445.00");
  await pictures(page, "pay-preview");

  // 4. Settling asks first, saying what is locked and the net total; one tap on the link settles nothing.
  await page.getByRole("link", { name: `结算 ${label}…` }).click();
  await expect(page).toHaveURL(`/coordinator/pay/${seed.month}?settle=confirm#settle-confirm`);
  const confirm = page.getByRole("region", { name: `确认结算 ${label}？` });
  await expect(confirm).toContainText(`锁定 ${label}`);
  await expect(confirm).toContainText("¥445.00");
  await screenshot(page, "pay-confirm-zh-1280");
  await confirm.getByRole("button", { name: "确认结算，实发合计 ¥445.00" }).click();
  await expect(page.getByRole("status")).toHaveText("已结算：2 张工资条，实发合计 ¥445.00。");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已结算");
  const slips = page.getByRole("region", { name: /^工资条/ });
  await expect(slips.getByRole("row").filter({ hasText: seed.a.name })).toContainText("¥370.00");
  await expect(slips.getByRole("row").last()).toContainText("¥445.00");
  await expect(page.getByRole("link", { name: "导出工资条（CSV）" })).toHaveAttribute(
    "href",
    `/coordinator/pay/${seed.month}/export/payslips.csv`,
  );
  await pictures(page, "pay-settled");

  // 4b. The XLSX, downloaded as she would (JavaScript off): on its summary sheet the net column of the
  // workers' rows adds up, in exact fen, to the sheet's total row and to the page's ¥445.00.
  const exports = await desk.newPage();
  await exports.goto(`/coordinator/pay/${seed.month}`);
  const [download] = await Promise.all([
    exports.waitForEvent("download"),
    exports.getByRole("link", { name: "导出工资条（Excel）" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = await readWorkbook(readFileSync(await download.path()));
  const summary = workbook.getWorksheet("工资汇总");
  if (!summary) throw new Error("the workbook has no 工资汇总 sheet");
  const cells = (n: number) => (summary.getRow(n).values as unknown[]).slice(1);
  const headingAt = [...Array(summary.rowCount).keys()].map((i) => i + 1).find((n) => cells(n).includes("实发（元）"));
  if (!headingAt) throw new Error("no 实发（元） column on the summary sheet");
  const netColumn = cells(headingAt).indexOf("实发（元）");
  const fen = (value: unknown): bigint => {
    const cents = new Decimal(String(value)).times(100);
    expect(cents.isInteger(), `${String(value)} is whole fen`).toBe(true);
    return BigInt(cents.toString());
  };
  const workerRows = [...Array(summary.rowCount - headingAt).keys()]
    .map((i) => cells(headingAt + 1 + i))
    .filter((row) => row.length > 0 && !String(row[0]).startsWith("合计"));
  expect(workerRows.map((row) => row[0]).sort()).toEqual([seed.a.name, seed.b.name].sort());
  const totalRow = cells(summary.rowCount);
  expect(String(totalRow[0])).toBe("合计（2 人）");
  const rowsSum = workerRows.reduce((sum, row) => sum + fen(row[netColumn]), 0n);
  expect(rowsSum).toBe(fen(totalRow[netColumn]));
  expect(rowsSum).toBe(44_500n);
  await exports.close();

  // 5. The worker, on her phone: plain HTML, her payslip from her home page.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const her = await phone.newPage();
  await her.goto("/login");
  await logIn(her, seed.a.phone);
  await expect(her).toHaveURL("/worker");
  await her.getByRole("link", { name: "我的工资" }).click();
  await expect(her).toHaveURL("/worker/pay");
  await expect(her.locator('script[src^="/build/"], script:not([src])')).toHaveCount(0);
  await expect(her.getByRole("link", { name: new RegExp(label) })).toContainText("¥370.00");
  await pictures(her, "pay-worker-list");
  await her.getByRole("link", { name: new RegExp(label) }).click();
  await expect(her).toHaveURL(`/worker/pay/${seed.month}`);
  await expect(her.locator(".pay-net-big strong")).toHaveText("¥370.00");
  const netBox = await her.locator(".pay-net-big strong").boundingBox();
  expect(netBox?.height ?? 0, "the net is big").toBeGreaterThanOrEqual(36);
  await expect(her.getByRole("row").filter({ hasText: "全勤奖" })).toContainText("¥20.00");
  await pictures(her, "pay-worker-slip");

  // 6. The piece line, down to the checks and her logs.
  await her.getByRole("link", { name: /薰衣草手工皂/ }).click();
  await expect(her).toHaveURL(new RegExp(`/worker/pay/${seed.month}/lines/`));
  const items = her.locator(".trace-item");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("报工 100 件");
  await expect(items.nth(1)).toContainText("报工 41 件");
  await expect(items.nth(1).getByRole("definition")).toHaveText(["40", "0", "1"]);
  await pictures(her, "pay-worker-line");
  await her.getByRole("link", { name: /返回/ }).click();

  // 7. A question, answered by the coordinator, seen by her; then 我确认 (twice changes nothing).
  const question = "第二批我交了 41 件，为什么只算 40 件？";
  await her.getByLabel("写下您的问题").fill(question);
  await her.getByRole("button", { name: "发送问题" }).click();
  await expect(her.getByRole("status")).toHaveText("问题已发送，协调员回复后会显示在这里。");
  await expect(her.getByText(question)).toBeVisible();

  await page.goto("/coordinator/pay");
  await expect(page.getByRole("banner").getByRole("link", { name: /^工资/ })).toContainText("1");
  await page.getByRole("link", { name: "回复", exact: true }).click();
  await expect(page).toHaveURL(`/coordinator/pay/${seed.month}/${seed.a.id}`);
  const answer = "第二批有 1 件报废（边上有裂纹），只算合格的 40 件。";
  await page.getByLabel("回复", { exact: true }).fill(answer);
  await page.getByRole("button", { name: "发送回复" }).click();
  await expect(page.getByRole("status")).toHaveText("已回复，手工者能看到。");
  await pictures(page, "pay-coordinator-slip");

  await her.reload();
  await expect(her.getByText(answer)).toBeVisible();
  await her.getByRole("button", { name: "我确认" }).click();
  await expect(her.getByRole("status")).toHaveText("已确认，谢谢！");
  await expect(her.getByRole("button", { name: "我确认" })).toHaveCount(0);
  await screenshot(her, "pay-worker-answered-zh-390");

  // 8. The print page as print media: one A4 page per worker, in Chinese, with the workshop's name.
  await page.goto(`/coordinator/pay/${seed.month}/print`);
  const sheets = page.locator(".print-slip");
  await expect(sheets).toHaveCount(2);
  await expect(sheets.first()).toContainText("巧手");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".desk-nav")).toBeHidden();
  await screenshot(page, "pay-print-media-1280");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  writeFileSync("test-results/screens/pay-print.pdf", pdf);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages).toHaveLength(2);
  await desk.close();
  await phone.close();
});
