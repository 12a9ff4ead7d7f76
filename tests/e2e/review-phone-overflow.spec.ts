// Review of issues 6 and 7 (first-time walk at 390 px): pages of the
// coordinator's desk that a phone must show without scrolling the whole page
// sideways. Tables may scroll inside their own box (.table-scroll, as the
// product, material and partner lists do); the page itself must not.
//
// Accounts: the demo admin (in Chinese, unchanged) makes a coordinator of this
// run for the demo workshop in each test; only those switch language.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support.ts";

const run = String(Date.now()).slice(-6);
const PASSWORD = `overflow${run}`;
const coordinators = { workers: `135${run}02`, audit: `135${run}03` };

async function logIn(page: Page, phone: string, password: string) {
  await page.goto("/login");
  await page.locator('form input[name="phone"]').fill(phone);
  await page.locator('form input[name="password"]').fill(password);
  await page.locator('form:has(input[name="phone"]) button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** How far the page reaches past the phone's width, and the first element that sticks out. */
async function sideways(page: Page): Promise<{ scrollWidth: number; culprit: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll("main *")].find((e) => e.getBoundingClientRect().right > width + 1);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      culprit: out ? `${out.tagName.toLowerCase()}.${out.className} "${(out.textContent ?? "").slice(0, 30)}"` : "",
    };
  });
}

/** The demo admin (in Chinese) makes a coordinator for the demo workshop; each test has its own. */
async function makeCoordinator(browser: import("@playwright/test").Browser, phone: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await logIn(page, "13800000001", DEMO_PASSWORD);
  await page.getByRole("link", { name: "民安华福社区巧手梦工坊" }).click();
  await page.getByLabel("姓名", { exact: true }).fill("吴晓丽");
  await page.getByLabel("手机号", { exact: true }).fill(phone);
  await page.getByLabel("初始密码", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "创建协调员" }).click();
  await expect(page.getByRole("status")).toContainText("吴晓丽");
  await context.close();
}

test("the workers list fits a 390 px phone in English (the Joined column was off the page)", async ({
  browser,
  page,
}) => {
  await makeCoordinator(browser, coordinators.workers);
  await logIn(page, coordinators.workers, PASSWORD);
  await page.getByRole("banner").getByRole("button", { name: "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/coordinator/workers");
  await expect(page.getByRole("heading", { name: "Workers", level: 1 })).toBeVisible();
  const { scrollWidth, culprit } = await sideways(page);
  expect(scrollWidth, `page scrolls sideways; first element past the edge: ${culprit}`).toBeLessThanOrEqual(390);
});

test("the audit trail fits a 390 px phone in Chinese (its table widens the page: 434 px on a fresh demo, ~580 px after a day of use)", async ({
  browser,
  page,
}) => {
  await makeCoordinator(browser, coordinators.audit);
  await logIn(page, coordinators.audit, PASSWORD);
  if ((await page.locator("html").getAttribute("lang")) !== "zh-CN") {
    await page.getByRole("banner").getByRole("button", { name: "中文", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  }
  await page.goto("/coordinator/audit");
  await expect(page.getByRole("heading", { name: "操作记录", level: 1 })).toBeVisible();
  const { scrollWidth, culprit } = await sideways(page);
  expect(scrollWidth, `page scrolls sideways; first element past the edge: ${culprit}`).toBeLessThanOrEqual(390);
});
