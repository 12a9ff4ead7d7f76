// The district view (ADR 024) in a district of this journey's own (tests/e2e/seed-district.ts):
// an admin opens it from her menu, picks the year, drills down to a town and a community, and
// downloads the XLSX, whose total row is the exact sum of its rows and the page's total. The
// charts are drawn by uPlot, fetched by this page only; without JavaScript the figures are tables.
// Pictures at 390 and 1280 px in Chinese and English.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { amountFromSpreadsheetNumber, amountToMinor } from "../../app/domain/money.ts";
import { readWorkbook } from "../support/xlsx.ts";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

type Seed = { zh: string; en: string; period: string; town: string; community: string };

function seed(): Seed {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-district.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Seed;
}

/** "¥12,345.67" or "12,345.67" as fen. */
function fenOf(text: string): bigint {
  const m = /(-?)[^\d-]*([\d,]+)\.(\d{2})/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  return BigInt(`${m[1]}${m[2]!.replace(/,/g, "")}${m[3]}`);
}

async function pictures(page: Page, path: string, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(path);
  await expect(page.locator(".chart-canvas canvas")).toHaveCount(3);
  await expectNoHorizontalScroll(page, 390);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(path);
  await expect(page.locator(".chart-canvas canvas")).toHaveCount(3);
  await screenshot(page, `${name}-1280`);
}

test.use({ actionTimeout: 30_000, navigationTimeout: 60_000 });

test("an admin opens the district view, drills down to a community and downloads the XLSX with the page's totals", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const { zh, en, period, town, community } = seed();
  await page.goto("/login");
  await logIn(page, zh);
  await expect(page).toHaveURL("/admin", { timeout: 30_000 });

  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.reload();
  expect(scripts.some((u) => /uPlot/.test(u))).toBe(false);
  await page.getByRole("link", { name: "区级汇总" }).click();
  await expect(page).toHaveURL(/\/admin\/district/);
  await expect(page.getByText("只统计已结算的月份")).toBeVisible();

  // The year, chosen in the picker (a GET form).
  await page.getByLabel("统计期").selectOption(period);
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`period=${period}`));
  await expect(page.locator(".chart-canvas canvas")).toHaveCount(3);
  expect(scripts.some((u) => /uPlot/.test(u))).toBe(true);

  // Drill down: the town, then the community.
  await page.locator("table[data-figures=district]").getByRole("link", { name: town, exact: true }).click();
  await expect(page).toHaveURL(/town=/);
  await page.locator("table[data-figures=district]").getByRole("link", { name: community, exact: true }).click();
  await expect(page).toHaveURL(/community=/);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(community) })).toBeVisible();
  await expect(page.locator("nav.district-crumbs")).toContainText(town);

  // The page's rows and total (net pay: column 3 counting the row heading).
  const table = page.locator("table[data-figures=district]");
  const rowNets = await table.locator("tbody tr td:nth-child(3)").allTextContents();
  const totalNet = fenOf(await table.locator("tfoot tr td:nth-child(3)").innerText());
  const totalEarners = Number.parseInt(await table.locator("tfoot tr td:nth-child(2)").innerText(), 10);
  expect(rowNets.reduce((s, t) => s + fenOf(t), 0n)).toBe(totalNet);
  expect(totalNet).toBeGreaterThan(0n);

  // The XLSX of the same place and period.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 Excel（XLSX）" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = await readWorkbook(await readFile((await download.path())!));
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const head = rows.findIndex((r) => r.length > 5);
  const body = rows.slice(head + 1);
  const total = body.at(-1)!;
  const fen = (v: unknown) => (typeof v === "number" ? amountToMinor(amountFromSpreadsheetNumber(v)) : 0n);
  expect(body.slice(0, -1).reduce((s, r) => s + fen(r[2]), 0n)).toBe(fen(total[2]));
  expect(fen(total[2])).toBe(totalNet);
  expect(total[1]).toBe(totalEarners);
  expect(body.slice(0, -1).map((r) => r[0])).toEqual(
    (await table.locator("tbody tr th").allTextContents()).map((t) => t.trim()),
  );
  const communityUrl = page.url().replace(/^https?:\/\/[^/]+/, "");
  await pictures(page, communityUrl, "district-community-zh");
  await pictures(page, `/admin/district?period=${period}`, "district-zh");

  // Without JavaScript: the same page, its trend in tables.
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const plain = await noJs.newPage();
  await plain.goto("/login");
  await logIn(plain, zh);
  await expect(plain).toHaveURL("/admin", { timeout: 30_000 });
  await plain.goto(`/admin/district?period=${period}`);
  await expect(plain.locator("table[data-figures=trend-earners]")).toBeVisible();
  await expect(plain.locator("table[data-figures=district] tfoot")).toContainText("合计");
  await screenshot(plain, "district-zh-nojs-390");
  await noJs.close();

  // In English.
  const enContext = await browser.newContext();
  const enPage = await enContext.newPage();
  await enPage.goto("/login");
  await logIn(enPage, en);
  await expect(enPage).toHaveURL("/admin", { timeout: 30_000 });
  await enPage.goto(`/admin/district?period=${period}`);
  await expect(enPage.getByText("Settled months only")).toBeVisible();
  await expect(enPage.getByRole("columnheader", { name: "People who earned" }).first()).toBeVisible();
  await pictures(enPage, `/admin/district?period=${period}`, "district-en");
  await enContext.close();
});
