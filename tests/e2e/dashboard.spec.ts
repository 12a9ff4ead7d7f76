// The coordinator's dashboard and minimum-wage view, in a workshop of this journey's own
// (tests/e2e/seed-dashboard.ts: last month settled, logs over the last days): the charts are
// drawn by uPlot, which only the dashboard fetches (not the coordinator's home); every chart
// has its table, shown when JavaScript is off; both pages fit a 390 px phone; pictures at 390
// and 1280 px in Chinese and English.
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

function seed(): { phone: string; month: string } {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-dashboard.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as { phone: string; month: string };
}

function scripts(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") urls.push(r.url());
  });
  return urls;
}

async function pictures(page: Page, path: string, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(path);
  if (path.includes("dashboard")) await expect(page.locator(".chart-canvas canvas")).toHaveCount(3);
  await expectNoHorizontalScroll(page, 390);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(path);
  if (path.includes("dashboard")) await expect(page.locator(".chart-canvas canvas")).toHaveCount(3);
  await screenshot(page, `${name}-1280`);
}

test("the dashboard draws three charts with uPlot fetched by that page only; the minimum-wage view flags workers under the minimum; both languages, phone and laptop", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { phone, month } = seed();
  await page.goto("/login");
  await logIn(page, phone);
  await expect(page).toHaveURL("/coordinator");

  // The home page does not fetch the chart library.
  const homeScripts = scripts(page);
  await page.reload();
  await expect(page.getByRole("link", { name: "工作台：产量、合格率、工资分布" })).toBeVisible();
  expect(homeScripts.some((u) => /uPlot/.test(u))).toBe(false);

  const dashboardScripts = scripts(page);
  await page.getByRole("link", { name: "工作台：产量、合格率、工资分布" }).click();
  await expect(page).toHaveURL("/coordinator/dashboard");
  await expect(page.getByRole("heading", { name: "每日产量（最近 30 天）" })).toBeVisible();
  await expect(page.locator(".chart-canvas canvas")).toHaveCount(3);
  expect(dashboardScripts.some((u) => /uPlot/.test(u))).toBe(true);
  await expect(page.getByRole("heading", { name: `工资分布（${month}，已结算）` })).toBeVisible();
  // Once drawn, the tables fold away under their summary.
  await expect(page.locator("details.chart-table[open]")).toHaveCount(0);
  await pictures(page, "/coordinator/dashboard", "dashboard-zh");

  await page.goto("/coordinator/minimum-wage");
  await expect(page.getByRole("heading", { name: "最低工资核对", level: 1 })).toBeVisible();
  await expect(page.getByText(`${month} 已结算：收入与工资条一致。`)).toBeVisible();
  await expect(page.getByText("工坊最低小时工资：¥23.30/小时")).toBeVisible();
  await expect(page.getByText(/位手工者的时薪低于最低小时工资/)).toBeVisible();
  await pictures(page, "/coordinator/minimum-wage", "minimum-wage-zh");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("banner").getByText("English", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await pictures(page, "/coordinator/dashboard", "dashboard-en");
  await expect(page.getByRole("heading", { name: `Pay distribution (${month}, settled)` })).toBeVisible();
  await pictures(page, "/coordinator/minimum-wage", "minimum-wage-en");
  await expect(page.getByText(`${month} is settled: earnings match the payslips.`)).toBeVisible();

  // Without JavaScript: no charts, and the figures in open tables.
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await context.newPage();
  await plain.goto("/coordinator/dashboard");
  await expect(plain.locator("details.chart-table[open] table")).toHaveCount(3);
  await expect(plain.locator("canvas")).toHaveCount(0);
  await expect(plain.locator("table[data-figures=output] tbody tr")).toHaveCount(30);
  await context.close();
});
