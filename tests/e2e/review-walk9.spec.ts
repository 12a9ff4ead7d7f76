// Review walk 9: issue 9's pages (pay month, payslip, print, statements) walked
// as a first-time user, on a workshop of this run's own made by
// tests/e2e/seed-review-walk9.ts (it writes beside the server, so
// playwright.config.ts runs this file last and alone). What the walk found,
// checked here in the browser:
// - a payslip of a workshop that does not withhold said "−¥0.00 本工坊不代扣": now one
//   plain line "个税：本工坊不代扣" and no minus-zero amount, on the phone and on paper;
// - a long payslip (20 piece lines and 4 bonuses) printed over two A4 pages with the
//   net repeated at the foot of the first after half the lines: now one sheet per worker;
// - a bonus typed for a month that has not begun was stored with a success notice in a
//   month never settled: now refused in words;
// - the order statement (对账单) had no link: the partner downloads it from the order;
// - on the quality check, "must add up to the lot" was squeezed into the narrow 合格 column
//   (a word a line at 390 px): now across the three counts.
// Pictures in test-results/screens/review-walk9-*.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

type Person = { id: string; name: string; phone: string };
type Seed = {
  suffix: string;
  month: string;
  coordinator: Person;
  a: Person;
  b: Person;
  partner: Person;
  orderId: string;
  deliveryId: string;
  lotId: string;
};

function seedWalk(): Seed {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-review-walk9.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Seed;
}

const zhMonth = (month: string) => `${month.slice(0, 4)}年${Number.parseInt(month.slice(5), 10)}月`;
/** The month after this one (China time): it has not begun. */
function nextMonth(): string {
  const [y, m] = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7).split("-").map(Number) as [
    number,
    number,
  ];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

// One seed for the three steps, in order: the worker and the partner read what the coordinator settled.
test.describe.configure({ mode: "serial" });

let seed: Seed;
test.beforeAll(() => {
  seed = seedWalk();
});

async function phone(browser: Browser, who: string, javaScriptEnabled = false) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, who);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

test("the coordinator settles on her phone without JavaScript; a bonus for a month not begun is refused in words; the payslip says plainly the workshop does not withhold; each worker prints on one A4 sheet", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await phone(browser, seed.coordinator.phone);
  const label = zhMonth(seed.month);

  // A bonus for next month (typed into the address): refused, what she typed kept, nothing added.
  const future = nextMonth();
  await page.goto(`/coordinator/pay/${future}`);
  await page.getByLabel("手工者", { exact: true }).selectOption({ label: seed.a.name });
  await page.getByLabel("金额（元）").fill("30");
  await page.getByLabel("原因").fill("提前发的奖励");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("这个月还没到，不能加奖励或更正");
  await expect(page.getByLabel("金额（元）")).toHaveValue("30");
  await expect(page.getByText("这个月还没有奖励或更正。")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "review-walk9-future-bonus-refused-390");

  // The ended month: preview, confirm, settle.
  await page.goto(`/coordinator/pay/${seed.month}`);
  await page.getByRole("link", { name: `结算 ${label}…` }).click();
  const confirm = page.getByRole("region", { name: `确认结算 ${label}？` });
  await expect(confirm).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "review-walk9-confirm-390");
  await confirm.getByRole("button", { name: /^确认结算，实发合计 ¥/ }).click();
  await expect(page.getByRole("status")).toContainText("已结算：2 张工资条");
  await expectNoHorizontalScroll(page);

  // Her payslip at the desk: 20 lines, 4 bonuses, one plain tax line, no "−¥0.00".
  await page.getByRole("link", { name: seed.a.name }).click();
  const slip = page.getByRole("table", { name: new RegExp(`^${label}`) });
  await expect(slip.getByRole("row").filter({ hasText: "合格" })).toHaveCount(20);
  await expect(slip.getByRole("rowheader", { name: "个税：本工坊不代扣" })).toBeVisible();
  await expect(slip).not.toContainText("−¥0.00");
  await expect(slip).not.toContainText("代扣个税");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "review-walk9-payslip-390");

  // The print page as print media: one A4 page per worker, the net once per sheet, at its end.
  await page.goto(`/coordinator/pay/${seed.month}/print`);
  await expect(page.locator(".print-slip")).toHaveCount(2);
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  const footDisplay = await page
    .locator(".print-slip tfoot")
    .first()
    .evaluate((el) => getComputedStyle(el).display);
  expect(footDisplay).toBe("table-row-group");
  await screenshot(page, "review-walk9-print-media");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  writeFileSync("test-results/screens/review-walk9-print.pdf", pdf);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length, "A4 pages for 2 workers").toBe(2);
});

test("the worker's payslip on her phone says plainly the workshop does not withhold, with no minus-zero line", async ({
  browser,
}) => {
  const page = await phone(browser, seed.a.phone);
  await page.goto(`/worker/pay/${seed.month}`);
  const slip = page.getByRole("table");
  await expect(slip.getByRole("rowheader", { name: "个税：本工坊不代扣" })).toBeVisible();
  await expect(slip).not.toContainText("−¥0.00");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "review-walk9-worker-slip-390");
});

test("the partner downloads the order's statement (Excel and CSV) from the order page", async ({ browser }) => {
  const page = await phone(browser, seed.partner.phone);
  await page.goto(`/partner/orders/${seed.orderId}`);
  const deliveries = page.getByRole("region", { name: "交付" });
  await expect(deliveries).toContainText("¥68.00");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "review-walk9-partner-order-390");

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    deliveries.getByRole("link", { name: "下载对账单（Excel）" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    deliveries.getByRole("link", { name: "下载对账单（CSV）" }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync((await csv.path())!, "utf8");
  expect(text.charCodeAt(0), "UTF-8 BOM").toBe(0xfeff);
  expect(text).toContain("对账单");
  expect(text).toContain("68.00");
});

test("a quality check whose counts do not add up says so across the three counts, not squeezed into one column", async ({
  browser,
}) => {
  const page = await phone(browser, seed.coordinator.phone);
  await page.goto(`/coordinator/quality/${seed.lotId}`);
  await page.getByLabel("合格").fill("7");
  await page.getByLabel("返工", { exact: true }).fill("2");
  await page.getByRole("button", { name: "提交质检结果" }).click();
  const message = page.getByRole("alert").filter({ hasText: "合格、返工、报废加起来要等于本批数量" });
  await expect(message).toBeVisible();
  const counts = await page.locator(".check-counts").boundingBox();
  const box = await message.boundingBox();
  expect(box!.width, "the message spans the three counts").toBeGreaterThan(counts!.width * 0.9);
  expect(box!.height, "two lines at most").toBeLessThan(60);
  await expect(page.getByLabel("合格")).toHaveAttribute("aria-invalid", "true");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "review-walk9-check-sum-390");
});
