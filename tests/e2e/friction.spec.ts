// A first-time user's friction (issue 7), each point checked at the viewport
// and in the language where it was found.
//
// Accounts: this file makes its own, so that it can run next to orders.spec.ts
// (which uses the demo coordinator, partner and workers in Chinese) and change
// languages freely: the admin 李主任 creates a coordinator for the demo
// workshop; she creates a partner firm with a login and two workers who share a
// name. Orders are for 永生玫瑰礼盒 (orders.spec.ts orders soap), due on a date
// of this run's own, so claim cards and lists are told apart from other runs'.
// It leaves orders and accounts behind, so playwright.config.ts runs it with
// the journeys that change demo data.
import { expect, test, type Browser, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectNoHorizontalScroll, waitForHydration } from "./support.ts";

test.describe.configure({ mode: "serial" });

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const DESK_1280: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const DESK_1440: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };

const run = String(Date.now()).slice(-6);
const PASSWORD = `friction${run}`;
const people = {
  coordinator: { name: "周敏", phone: `136${run}01` },
  partner: { name: "孙经理（重庆渝州礼品包装有限公司）", phone: `136${run}21` },
  workerA: { name: "李春梅", phone: `136${run}31` },
  workerB: { name: "李春梅", phone: `136${run}32` },
};
const FIRM = `渝州礼品包装${run}`;
const ROSES = "永生玫瑰礼盒";

/** A China calendar date `days` from today, as <input type="date"> takes it. */
function chinaDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
/** This run's own due date (between 40 and 339 days ahead): it tells this run's orders apart. */
const DUE = chinaDay(40 + (Number(run) % 300));
const DUE_ZH = DUE.replaceAll("-", "/");

type Person = { context: Awaited<ReturnType<Browser["newContext"]>>; page: Page };

async function openAs(
  browser: Browser,
  baseURL: string | undefined,
  device: BrowserContextOptions,
  phone: string,
  options: { password?: string; javaScriptEnabled?: boolean } = {},
): Promise<Person> {
  const context = await browser.newContext({
    ...device,
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  await page.goto("/login");
  await submitLogin(page, phone, options.password ?? PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

/** Fills the login form by field name, so it works in either language. */
async function submitLogin(page: Page, phone: string, password: string) {
  await page.locator('form input[name="phone"]').fill(phone);
  await page.locator('form input[name="password"]').fill(password);
  await page.locator('form:has(input[name="phone"]) button[type="submit"]').click();
}

async function switchLanguage(page: Page, to: "English" | "中文") {
  await page.getByRole("banner").getByRole("button", { name: to, exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to === "English" ? "en" : "zh-CN");
}

/** The partner places an order for roses and lands on its page; returns the order's path. */
async function placeRoses(page: Page, boxes: number): Promise<string> {
  await page.goto("/partner/orders/new");
  await page.getByLabel("产品", { exact: true }).selectOption({ label: `${ROSES}（¥18.00/盒）` });
  await page.getByLabel("数量", { exact: true }).fill(String(boxes));
  await page.getByLabel("交货日期", { exact: true }).fill(DUE);
  await page.getByRole("button", { name: "提交订单" }).click();
  await expect(page.getByRole("status")).toHaveText("订单已提交，等待工坊确认。");
  return new URL(page.url()).pathname;
}

function orderIdOf(path: string): string {
  return path.split("/").pop() ?? "";
}

/**
 * The element is inside the viewport's width and the topmost thing at its centre (not covered, not clipped by
 * a scrolling container). The window is scrolled vertically to it first, never sideways: something only
 * reachable by scrolling sideways does not count as visible.
 */
async function expectFullyVisible(locator: Locator, width: number) {
  await expect(locator).toBeVisible();
  await locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) window.scrollBy(0, rect.top - window.innerHeight / 2);
  });
  const box = await locator.boundingBox();
  expect(box, "bounding box").not.toBeNull();
  if (!box) return;
  // Within a pixel: layout works in fractions of one (an item scrolled to the edge ends at 390.02).
  expect(box.x, "left edge").toBeGreaterThanOrEqual(-1);
  expect(box.x + box.width, "right edge").toBeLessThanOrEqual(width + 1);
  const onTop = await locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  });
  expect(onTop, "nothing covers it").toBe(true);
}

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // The admin adds a coordinator to the demo workshop.
  const admin = await openAs(browser, baseURL, DESK_1280, "13800000001", { password: DEMO_PASSWORD });
  await admin.page.getByRole("link", { name: "民安华福社区巧手梦工坊" }).click();
  await admin.page.getByLabel("姓名", { exact: true }).fill(people.coordinator.name);
  await admin.page.getByLabel("手机号", { exact: true }).fill(people.coordinator.phone);
  await admin.page.getByLabel("初始密码", { exact: true }).fill(PASSWORD);
  await admin.page.getByRole("button", { name: "创建协调员" }).click();
  await expect(admin.page.getByRole("status")).toContainText(people.coordinator.name);
  await admin.context.close();

  // She adds a partner firm, offers it roses, gives it a login, and adds two workers with the same name.
  const { context, page } = await openAs(browser, baseURL, DESK_1280, people.coordinator.phone);
  await page.goto("/coordinator/partners");
  await page.getByLabel("企业名称").fill(FIRM);
  await page.getByRole("button", { name: "添加企业" }).click();
  await expect(page).toHaveURL(/\/coordinator\/partners\/[\w-]+$/);
  await expect(page.getByRole("status")).toContainText(`已添加 ${FIRM}`);
  await page.getByLabel("产品", { exact: true }).selectOption({ label: ROSES });
  await page.getByLabel("协议单价（元/件）").fill("18");
  await page.getByRole("button", { name: "保存单价" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存协议单价。");
  await page.getByLabel("姓名", { exact: true }).fill(people.partner.name);
  await page.getByLabel("手机号", { exact: true }).fill(people.partner.phone);
  await page.getByLabel("初始密码", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByRole("status")).toHaveText(`已为 ${people.partner.name} 创建账号。`);
  for (const worker of [people.workerA, people.workerB]) {
    await page.goto("/coordinator/workers");
    await page.getByLabel("姓名", { exact: true }).fill(worker.name);
    await page.getByLabel("手机号", { exact: true }).fill(worker.phone);
    await page.getByLabel("初始密码", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "创建账号" }).click();
    await expect(page.getByRole("status")).toHaveText(`已为 ${worker.name} 创建账号。`);
  }
  await context.close();
});

test("9 · English picked on the login page is kept at login and stored on the account; with no pick the account's language is used", async ({
  browser,
  baseURL,
}) => {
  // With JavaScript off: the partner picks English on the login page and logs in.
  const noJs = await browser.newContext({ ...PHONE, baseURL, locale: "zh-CN", javaScriptEnabled: false });
  const page = await noJs.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await submitLogin(page, people.partner.phone, PASSWORD);
  await expect(page).toHaveURL("/partner");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
  await page.getByRole("banner").getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("status")).toContainText("You have logged out.");
  // The login page after logging out speaks her language.
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await noJs.close();

  // A fresh browser, no pick on the login page: the language stored on the account (English) is used.
  const fresh = await browser.newContext({ ...PHONE, baseURL, locale: "zh-CN" });
  const again = await fresh.newPage();
  await again.goto("/login");
  await expect(again.locator("html")).toHaveAttribute("lang", "zh-CN");
  await submitLogin(again, people.partner.phone, PASSWORD);
  await expect(again).toHaveURL("/partner");
  await expect(again.locator("html")).toHaveAttribute("lang", "en");
  await again.getByRole("banner").getByRole("button", { name: "Log out" }).click();
  await expect(again).toHaveURL("/login");
  await expect(again.getByRole("status")).toContainText("You have logged out.");

  // Picking 中文 on the login page wins over the stored English, and is stored.
  await expect(again.locator("html")).toHaveAttribute("lang", "en");
  await again.getByRole("button", { name: "中文", exact: true }).click();
  await expect(again.locator("html")).toHaveAttribute("lang", "zh-CN");
  await submitLogin(again, people.partner.phone, PASSWORD);
  await expect(again).toHaveURL("/partner");
  await expect(again.locator("html")).toHaveAttribute("lang", "zh-CN");
  await fresh.close();
  const third = await openAs(browser, baseURL, PHONE, people.partner.phone);
  await expect(third.page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await third.context.close();
});

test("1 · 取消订单 opens a confirmation with the amount; the order stays pending until it is confirmed (JavaScript on, 390 px)", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await openAs(browser, baseURL, PHONE, people.partner.phone);
  const orderPath = await placeRoses(page, 200);
  await page.getByRole("link", { name: "取消订单" }).click();

  const confirm = page.getByRole("region", { name: "要取消这张订单吗？" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText("取消后不能恢复");
  await expect(confirm.getByRole("definition")).toContainText([ROSES, "200 盒", "¥3,600.00", DUE_ZH]);
  await expect(confirm.getByRole("heading")).toBeFocused();
  const confirmButton = confirm.getByRole("button", { name: "确认取消订单" });
  await expectFullyVisible(confirmButton, 390);
  // Nothing has changed yet: the order is still waiting for the workshop.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ROSES} 待确认`);
  await page.goto(orderPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ROSES} 待确认`);

  // "No" goes back with the order untouched; "yes" cancels it.
  await page.getByRole("link", { name: "取消订单" }).click();
  await confirm.getByRole("link", { name: "不取消，返回" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ROSES} 待确认`);
  await page.getByRole("link", { name: "取消订单" }).click();
  await confirmButton.click();
  await expect(page.getByRole("status")).toHaveText("订单已取消。");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ROSES} 已取消`);
  await expectNoHorizontalScroll(page);
  await context.close();
});

test("1 · the same confirmation works with JavaScript off", async ({ browser, baseURL }) => {
  const { context, page } = await openAs(browser, baseURL, PHONE, people.partner.phone, { javaScriptEnabled: false });
  const orderPath = await placeRoses(page, 200);
  await page.getByRole("link", { name: "取消订单" }).click();
  const confirm = page.getByRole("region", { name: "要取消这张订单吗？" });
  await expect(confirm.getByRole("definition")).toContainText([ROSES, "200 盒", "¥3,600.00"]);
  await page.goto(orderPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ROSES} 待确认`);
  await page.getByRole("link", { name: "取消订单" }).click();
  await confirm.getByRole("button", { name: "确认取消订单" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ROSES} 已取消`);
  await context.close();
});

test("1 · declining an order also needs a confirmation that shows what is declined (JavaScript off, 1280 px)", async ({
  browser,
  baseURL,
}) => {
  const partner = await openAs(browser, baseURL, PHONE, people.partner.phone);
  const orderId = orderIdOf(await placeRoses(partner.page, 30));
  await partner.context.close();

  const { context, page } = await openAs(browser, baseURL, DESK_1280, people.coordinator.phone, {
    javaScriptEnabled: false,
  });
  await page.goto(`/coordinator/orders/${orderId}`);
  await page.getByRole("link", { name: "拒绝订单" }).click();
  const confirm = page.getByRole("region", { name: "要拒绝这张订单吗？" });
  await expect(confirm).toContainText(`拒绝后不能撤销，${FIRM}会看到您写的原因。`);
  await expect(confirm.getByRole("definition")).toContainText([FIRM, ROSES, "30 盒", "¥540.00"]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ROSES} 待确认`);
  // Without a reason nothing happens but the message.
  await confirm.getByRole("button", { name: "确认拒绝订单" }).click();
  await expect(confirm.getByText("拒绝订单请写明原因")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ROSES} 待确认`);
  await confirm.getByLabel("拒绝原因").fill("这个月礼盒产能已满");
  await confirm.getByRole("button", { name: "确认拒绝订单" }).click();
  await expect(page.getByRole("status")).toHaveText("已拒绝订单。");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ROSES} 已拒绝`);
  await context.close();
});

test("4 · the coordinator's home lists the orders waiting for her and the work still to give out; 订单 has a count badge with words", async ({
  browser,
  baseURL,
}) => {
  const partner = await openAs(browser, baseURL, PHONE, people.partner.phone);
  const orderId = orderIdOf(await placeRoses(partner.page, 60));
  await partner.context.close();

  const { context, page } = await openAs(browser, baseURL, DESK_1280, people.coordinator.phone);
  await expect(page).toHaveURL("/coordinator");
  const pending = page.getByRole("region", { name: /^等您确认的订单（\d+）$/ });
  await expect(pending.getByRole("link", { name: ROSES }).and(page.locator(`[href$="${orderId}"]`))).toBeVisible();
  const waiting = Number(/（(\d+)）/.exec((await pending.getByRole("heading").textContent()) ?? "")?.[1]);
  expect(waiting).toBeGreaterThanOrEqual(1);
  // The badge says the same number, in words for screen readers, not by colour alone.
  const ordersLink = page
    .getByRole("banner")
    .getByRole("link", { name: new RegExp(`^订单\\s*（${waiting} 个待确认）$`) });
  await expect(ordersLink).toBeVisible();
  await expect(ordersLink.locator(".nav-badge")).toHaveText(String(waiting));
  await expect(ordersLink).toHaveAttribute("title", `${waiting} 个待确认`);

  // Accepted, it moves to the work still to give out, with how many are not given out.
  await page.goto(`/coordinator/orders/${orderId}`);
  await page.getByRole("button", { name: "接受订单" }).click();
  await expect(page.getByRole("status")).toHaveText("已接受订单，现在可以派工或开放自领了。");
  await page.getByRole("banner").getByRole("link", { name: "首页" }).click();
  await expect(pending.locator(`[href$="${orderId}"]`)).toHaveCount(0);
  const toGiveOut = page.getByRole("region", { name: /^还没安排完的活（\d+）$/ });
  const item = toGiveOut.getByRole("listitem").filter({ has: page.locator(`[href$="${orderId}"]`) });
  await expect(item).toContainText(`${FIRM} · 60 盒 · ${DUE_ZH} 交货`);
  await expect(item).toContainText("60 盒未安排");
  await context.close();
});

test("5, 6, 8 · after opening pieces for claiming the order tells assigned, claimed, open and not-given-out apart, says something true, and uses one word per idea; namesakes are told apart", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const partner = await openAs(browser, baseURL, PHONE, people.partner.phone);
  const orderPath = await placeRoses(partner.page, 100);
  const orderId = orderIdOf(orderPath);

  const coordinator = await openAs(browser, baseURL, DESK_1280, people.coordinator.phone);
  const page = coordinator.page;
  await page.goto(`/coordinator/orders/${orderId}`);
  await page.getByRole("button", { name: "接受订单" }).click();
  await expect(page.getByRole("status")).toHaveText("已接受订单，现在可以派工或开放自领了。");

  // 8: the two 李春梅 are told apart by the last four digits of their phones.
  const assign = page.getByRole("region", { name: "派给手工者" });
  const labelA = `李春梅（尾号 ${people.workerA.phone.slice(-4)}）`;
  const labelB = `李春梅（尾号 ${people.workerB.phone.slice(-4)}）`;
  const namesakes = await assign
    .getByLabel("手工者", { exact: true })
    .locator("option", { hasText: "李春梅" })
    .allTextContents();
  expect(namesakes).toEqual(expect.arrayContaining([labelA, labelB]));
  expect(new Set(namesakes).size).toBe(namesakes.length);
  await assign.getByLabel("手工者", { exact: true }).selectOption({ label: labelA });
  await assign.getByLabel("数量", { exact: true }).fill("30");
  await assign.getByRole("button", { name: "派工" }).click();
  await expect(page.getByRole("status")).toHaveText("已派工 30 盒。");

  const pool = page.getByRole("region", { name: "开放给手工者自领" });
  await pool.getByLabel("开放数量").fill("50");
  await pool.getByRole("button", { name: "开放自领" }).click();
  await expect(page.getByRole("status")).toHaveText("已开放 50 盒供手工者自领。");
  const progress = page.getByRole("region", { name: "进度" });
  await expect(progress.getByRole("term")).toHaveText([
    "已派工",
    "已自领",
    "待领取",
    "未安排",
    "已交件",
    "合格",
    "已交付",
  ]);
  await expect(progress.getByRole("definition")).toHaveText(["30", "0", "50", "20", "0", "0", "0"]);
  await expect(progress).toContainText("还有 20 盒未安排。");

  // The rest goes into the pool too: everything is given out, but it does not say so while pieces wait there.
  await pool.getByLabel("开放数量").fill("20");
  await pool.getByRole("button", { name: "开放自领" }).click();
  await expect(page.getByRole("status")).toHaveText("已开放 20 盒供手工者自领。");
  await expect(progress).toContainText("都已安排，但还有 70 盒在自领池里等人领取。");
  await expect(progress.getByRole("definition")).toHaveText(["30", "0", "70", "0", "0", "0", "0"]);

  // The other 李春梅 claims 25 from her phone.
  const worker = await openAs(browser, baseURL, PHONE, people.workerB.phone);
  await worker.page.goto("/worker/claim");
  const card = worker.page
    .getByRole("listitem")
    .filter({ has: worker.page.getByRole("heading", { name: ROSES }) })
    .filter({ hasText: `${DUE_ZH} 前交` });
  await expect(card).toContainText("可领 70 盒");
  await card.getByLabel("领多少").fill("25");
  await card.getByRole("button", { name: "领取" }).click();
  await expect(worker.page.getByRole("status")).toHaveText(`已领取 25 盒「${ROSES}」`);
  await worker.context.close();

  // Claimed pieces are a figure of their own, not folded into 已派工.
  await page.reload();
  await expect(progress.getByRole("definition")).toHaveText(["30", "25", "45", "0", "0", "0", "0"]);
  await expect(progress).toContainText("都已安排，但还有 45 盒在自领池里等人领取。");
  await expect(progress.getByRole("img")).toHaveAttribute(
    "aria-label",
    "共 100：已派工 30，已自领 25，待领取 45，未安排 0",
  );
  const records = page.getByRole("region", { name: "派工和自领记录" });
  await expect(records.getByRole("row").filter({ hasText: "自领" })).toContainText("25 盒");
  // 6: one word per idea on the page.
  const text = (await page.locator("main").textContent()) ?? "";
  expect(text).not.toMatch(/分派|分配/);

  // The partner sees the same four figures.
  await partner.page.goto(orderPath);
  const partnerProgress = partner.page.getByRole("region", { name: "进度" });
  await expect(partnerProgress.getByRole("definition")).toHaveText(["30", "25", "45", "0", "0", "0", "0"]);
  expect((await partner.page.locator("main").textContent()) ?? "").not.toMatch(/分派|分配/);
  await Promise.all([partner.context.close(), coordinator.context.close()]);
});

test("7 · the order form shows every error at once, says what to choose, and stops a past date with its own message (390 px, both languages, JavaScript on and off)", async ({
  browser,
  baseURL,
}) => {
  for (const javaScriptEnabled of [true, false]) {
    const { context, page } = await openAs(browser, baseURL, PHONE, people.partner.phone, { javaScriptEnabled });
    await page.goto("/partner/orders/new");
    // The app validates; the browser's own pop-ups are off on every form.
    expect(
      await page
        .locator("main form[method='post']")
        .evaluateAll((forms) => forms.map((f) => (f as HTMLFormElement).noValidate)),
    ).toEqual([true]);
    if (javaScriptEnabled) await waitForHydration(page);
    const product = page.getByLabel("产品", { exact: true });
    const quantity = page.getByLabel("数量", { exact: true });
    const due = page.getByLabel("交货日期", { exact: true });

    await page.getByRole("button", { name: "提交订单" }).click();
    await expect(page.locator(".field .error")).toHaveText(["请选择产品", "请填写此项", "请填写此项"]);
    await expect(product).toHaveAttribute("aria-invalid", "true");

    // A past date with the product still empty: both messages together, the date's in the app's words.
    await quantity.fill("20");
    await due.fill(chinaDay(-1));
    await page.getByRole("button", { name: "提交订单" }).click();
    await expect(page.locator(".field .error")).toHaveText(["请选择产品", "日期不能早于今天"]);
    await expect(page).toHaveURL("/partner/orders/new");
    await context.close();
  }

  // The same in English.
  const { context, page } = await openAs(browser, baseURL, PHONE, people.partner.phone);
  await switchLanguage(page, "English");
  await page.goto("/partner/orders/new");
  await waitForHydration(page);
  // One click on a fresh form, straight after typing the date, shows every error (it used to show only the date's).
  await page.getByLabel("Due date", { exact: true }).fill(chinaDay(-1));
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.locator(".field .error")).toHaveText([
    "Choose a product",
    "This field is required",
    "The date cannot be before today",
  ]);
  await switchLanguage(page, "中文");
  await context.close();
});

test("7 · the assign form says 请选择手工者 and reports the past date with the other errors", async ({
  browser,
  baseURL,
}) => {
  const partner = await openAs(browser, baseURL, PHONE, people.partner.phone);
  const orderId = orderIdOf(await placeRoses(partner.page, 10));
  await partner.context.close();
  const { context, page } = await openAs(browser, baseURL, PHONE, people.coordinator.phone);
  await page.goto(`/coordinator/orders/${orderId}`);
  await page.getByRole("button", { name: "接受订单" }).click();
  const assign = page.getByRole("region", { name: "派给手工者" });
  await assign.getByLabel("交件日期").fill(chinaDay(-1));
  await assign.getByRole("button", { name: "派工" }).click();
  await expect(assign.locator(".field .error")).toHaveText(["请选择手工者", "请填写此项", "日期不能早于今天"]);
  await context.close();
});

test("2 · the partner's orders are cards on a phone, status and progress first and on screen; a table on a wide screen", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await openAs(browser, baseURL, PHONE, people.partner.phone);
  await expect(page).toHaveURL("/partner");
  await expectNoHorizontalScroll(page);
  await expect(page.getByRole("table")).toHaveCount(0);
  const cards = page.getByRole("listitem").filter({ hasText: ROSES });
  expect(await cards.count()).toBeGreaterThanOrEqual(4);
  const accepted = cards.filter({ hasText: "已接单" }).filter({ hasText: "100 盒" }).first();
  for (const card of [cards.first(), accepted]) {
    const status = card.locator(".tag");
    await expectFullyVisible(status, 390);
    const statusBox = await status.boundingBox();
    const quantityBox = await card.getByText("数量", { exact: true }).boundingBox();
    expect(statusBox && quantityBox && statusBox.y < quantityBox.y, "status above the other facts").toBe(true);
  }
  const figures = accepted.getByRole("definition");
  await expect(accepted.getByRole("term")).toContainText(["已派工", "已自领", "待领取", "未安排"]);
  await expect(figures.first()).toHaveText("30");
  for (const figure of await figures.all()) await expectFullyVisible(figure, 390);
  await context.close();

  // On a wide screen, a table whose every column is on screen, in both languages.
  const desk = await openAs(browser, baseURL, DESK_1280, people.partner.phone);
  const headers = desk.page.getByRole("table").getByRole("columnheader");
  const columns = {
    中文: ["产品", "数量", "交货日期", "订单金额", "状态", "进度"],
    English: ["Product", "Quantity", "Due date", "Order value", "Status", "Progress"],
  };
  for (const language of ["中文", "English"] as const) {
    if (language === "English") await switchLanguage(desk.page, "English");
    await expect(headers).toHaveText(columns[language]);
    for (const header of await headers.all()) await expectFullyVisible(header, 1280);
    for (const tag of await desk.page.getByRole("table").locator(".tag").all()) await expectFullyVisible(tag, 1280);
    for (const figure of await desk.page.getByRole("table").getByRole("definition").all())
      await expectFullyVisible(figure, 1280);
    await expectNoHorizontalScroll(desk.page, 1280);
  }
  await switchLanguage(desk.page, "中文");
  await desk.context.close();
});

test("10 · on a phone the partner's name is whole in the header, and the English order page keeps each value on one line", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await openAs(browser, baseURL, PHONE, people.partner.phone);
  for (const language of ["中文", "English"] as const) {
    if (language === "English") await switchLanguage(page, "English");
    const who = page.getByRole("banner").getByText(people.partner.name);
    await expectFullyVisible(who, 390);
    expect(await who.evaluate((el) => el.scrollWidth <= el.clientWidth), "name not cut off").toBe(true);
  }
  // An order page in English: each value fits on its line, none runs off the screen.
  await page.getByRole("listitem").filter({ hasText: "Accepted" }).first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/partner\/orders\//);
  const values = page.locator(".order-facts dd");
  expect(await values.count()).toBeGreaterThanOrEqual(5);
  for (const value of await values.all()) {
    const lines = await value.evaluate((el) => {
      // One client rect per line the text is laid out on.
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, `"${await value.textContent()}" on one line`).toBe(1);
    await expectFullyVisible(value, 390);
  }
  await expectNoHorizontalScroll(page);
  await switchLanguage(page, "中文");
  await context.close();
});

test("3 · every item of the coordinator's menu is visible at 1280 and 1440 px in both languages, and reachable at 390 px", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const items = {
    中文: [
      "首页",
      "通知",
      "订单",
      "收货",
      "质检",
      "工资",
      "手工者",
      "产品",
      "物料",
      "合作企业",
      "设置",
      "操作记录",
      "我的",
    ],
    English: [
      "Home",
      "Notices",
      "Orders",
      "Receiving",
      "Quality",
      "Pay",
      "Workers",
      "Products",
      "Materials",
      "Partners",
      "Settings",
      "Audit trail",
      "Account",
    ],
  };
  for (const device of [DESK_1280, DESK_1440]) {
    const width = device.viewport?.width ?? 0;
    const { context, page } = await openAs(browser, baseURL, device, people.coordinator.phone);
    for (const language of ["English", "中文"] as const) {
      if ((await page.locator("html").getAttribute("lang")) !== (language === "English" ? "en" : "zh-CN"))
        await switchLanguage(page, language);
      const nav = page.getByRole("navigation", { name: language === "English" ? "Main navigation" : "主导航" });
      const links = nav.getByRole("link");
      await expect(links).toHaveCount(items[language].length);
      for (const [i, label] of items[language].entries()) {
        const link = links.nth(i);
        await expect(link).toContainText(label);
        await expectFullyVisible(link, width);
      }
      for (const tool of [page.getByRole("banner").getByRole("button"), page.getByRole("banner").getByText("周敏")])
        for (const each of await tool.all()) await expectFullyVisible(each, width);
    }
    await context.close();
  }

  // On a phone the menu is one strip: the current page's item is in view, and each item can be reached and used.
  const { context, page } = await openAs(browser, baseURL, PHONE, people.coordinator.phone);
  await switchLanguage(page, "English");
  await page.goto("/coordinator/settings");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expectFullyVisible(nav.getByRole("link", { name: "Settings" }), 390);
  await expectNoHorizontalScroll(page);
  for (const label of items.English) {
    const link = nav.getByRole("link", { name: new RegExp(`^${label}`) });
    await link.scrollIntoViewIfNeeded();
    await expectFullyVisible(link, 390);
    expect((await link.boundingBox())?.height ?? 0, `${label} tap target`).toBeGreaterThanOrEqual(44);
  }
  await nav.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL("/account");
  // Her order list is cards on a phone too: every status on screen, no sideways scrolling.
  await nav.getByRole("link", { name: /^Orders/ }).click();
  await expect(page).toHaveURL("/coordinator/orders");
  await expectNoHorizontalScroll(page);
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  const statuses = page.getByRole("main").getByRole("listitem").locator(".tag");
  await expect(statuses.first()).toBeVisible();
  for (const status of (await statuses.all()).slice(0, 6)) await expectFullyVisible(status, 390);
  await switchLanguage(page, "中文");
  await context.close();
});
