// An order from the firm to the mothers' phones and back: the partner orders
// 500 soaps; the coordinator accepts, assigns 200 + 200 and opens 100 for
// claiming; a worker claims 60 from her phone and sees them on her home page;
// the partner follows the progress (assigned 400, claimed 60, open 40).
// Accounts: 赵经理 13800000021 (partner), 王协调员 13800000002 (coordinator),
// 张秀英 13800000011 and 刘晓燕 13800000012 (given work), 陈美华 13800000013
// (claims). Each person has her own browser context; nobody's password or
// language is changed. This journey changes what those people see (an order,
// tasks), so playwright.config.ts runs it after the other journeys, which
// expect the demo accounts to have no orders and no tasks.
import { expect, test, type Browser } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

const DESK = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function personAt(
  browser: Browser,
  baseURL: string | undefined,
  device: typeof DESK | typeof PHONE,
  phone: string,
) {
  const context = await browser.newContext({ ...device, baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, phone);
  return { context, page };
}

/** A due date a month from now, as <input type="date"> takes it. */
function inAMonth(): string {
  return new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

test("partner orders 500 soaps, the coordinator assigns 200 + 200 and opens 100, a worker claims 60 on her phone, the partner sees 400 assigned, 60 claimed and 40 open", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);

  // 1. The partner firm orders 500 lavender soaps at the agreed price.
  const partner = await personAt(browser, baseURL, DESK, "13800000021");
  await expect(partner.page).toHaveURL("/partner");
  await partner.page.getByRole("banner").getByRole("link", { name: "下单", exact: true }).click();
  await expect(partner.page).toHaveURL("/partner/orders/new");
  await partner.page.getByLabel("产品", { exact: true }).selectOption({ label: "薰衣草手工皂 100g（¥6.80/件）" });
  await partner.page.getByLabel("数量", { exact: true }).fill("500");
  await partner.page.getByLabel("交货日期", { exact: true }).fill(inAMonth());
  await partner.page.getByRole("button", { name: "提交订单" }).click();

  await expect(partner.page.getByRole("status")).toHaveText("订单已提交，等待工坊确认。");
  await expect(partner.page.getByRole("heading", { level: 1 })).toHaveText("薰衣草手工皂 100g 待确认");
  await expect(partner.page.getByRole("definition")).toContainText(["500 件", "¥6.80", "¥3,400.00"]);
  const orderPath = new URL(partner.page.url()).pathname;
  const orderId = orderPath.split("/").pop() ?? "";
  expect(orderPath).toMatch(/^\/partner\/orders\/[\w-]+$/);

  // 2. The coordinator finds it waiting, accepts it and gives the work out.
  const coordinator = await personAt(browser, baseURL, DESK, "13800000002");
  await expect(coordinator.page).toHaveURL("/coordinator");
  await coordinator.page.getByRole("banner").getByRole("link", { name: /^订单/ }).click();
  await expect(coordinator.page).toHaveURL("/coordinator/orders");
  const waiting = coordinator.page.getByRole("region", { name: /^待确认/ });
  await expect(
    waiting.getByRole("row").filter({ hasText: "重庆山城香皂有限公司" }).filter({ hasText: "500 件" }),
  ).toBeVisible();
  await coordinator.page.goto(`/coordinator/orders/${orderId}`);
  await expect(coordinator.page.getByRole("heading", { level: 1 })).toHaveText("薰衣草手工皂 100g 待确认");
  await coordinator.page.getByRole("button", { name: "接受订单" }).click();
  await expect(coordinator.page.getByRole("status")).toHaveText("已接受订单，现在可以派工或开放自领了。");
  await expect(coordinator.page.getByText("还有 500 件未安排。")).toBeVisible();

  const assign = coordinator.page.getByRole("region", { name: "派给手工者" });
  for (const [worker, tail] of [
    ["张秀英", "0011"],
    ["刘晓燕", "0012"],
  ]) {
    await assign.getByLabel("手工者", { exact: true }).selectOption({ label: `${worker}（尾号 ${tail}）` });
    await assign.getByLabel("数量", { exact: true }).fill("200");
    await assign.getByRole("button", { name: "派工" }).click();
    await expect(coordinator.page.getByRole("status")).toHaveText("已派工 200 件。");
    await expect(coordinator.page.getByRole("row").filter({ hasText: worker })).toContainText("200 件");
  }
  await expect(coordinator.page.getByText("还有 100 件未安排。")).toBeVisible();

  const pool = coordinator.page.getByRole("region", { name: "开放给手工者自领" });
  await pool.getByLabel("开放数量").fill("100");
  await pool.getByRole("button", { name: "开放自领" }).click();
  await expect(coordinator.page.getByRole("status")).toHaveText("已开放 100 件供手工者自领。");
  await expect(coordinator.page.getByText("都已安排，但还有 100 件在自领池里等人领取。")).toBeVisible();
  await expect(coordinator.page.getByRole("region", { name: "派给手工者" })).toHaveCount(0);

  // 3. 陈美华 claims 60 of the open 100 from her phone and sees them on her home page.
  const worker = await personAt(browser, baseURL, PHONE, "13800000013");
  await expect(worker.page).toHaveURL("/worker");
  await worker.page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接活" }).click();
  await expect(worker.page).toHaveURL("/worker/claim");
  const soap = worker.page
    .getByRole("listitem")
    .filter({ has: worker.page.getByRole("heading", { name: "薰衣草手工皂 100g" }) });
  await expect(soap).toContainText("可领 100 件");
  await expect(soap).toContainText("每件 ¥2.50");
  await expectNoHorizontalScroll(worker.page);
  await screenshot(worker.page, "orders-worker-claim");
  const claimButton = soap.getByRole("button", { name: "领取" });
  const tap = await claimButton.boundingBox();
  expect(tap?.height ?? 0, "claim button tap target height").toBeGreaterThanOrEqual(48);
  await soap.getByLabel("领多少").fill("60");
  await claimButton.click();

  await expect(worker.page).toHaveURL("/worker");
  await expect(worker.page.getByRole("status")).toHaveText("已领取 60 件「薰衣草手工皂 100g」");
  const task = worker.page.getByRole("listitem").filter({ hasText: "自领" });
  await expect(task).toContainText("薰衣草手工皂 100g");
  await expect(task).toContainText("60 件");
  await expect(task).toContainText("每件 ¥2.50");
  await expect(task).toContainText("预计 ¥150.00");
  await expectNoHorizontalScroll(worker.page);
  await screenshot(worker.page, "orders-worker-home");

  // The coordinator sees who has what: 200 + 200 assigned, 60 claimed.
  await coordinator.page.reload();
  const assignments = coordinator.page.getByRole("region", { name: "派工和自领记录" });
  const expected: [string, string, string][] = [
    ["张秀英", "200 件", "派工"],
    ["刘晓燕", "200 件", "派工"],
    ["陈美华", "60 件", "自领"],
  ];
  for (const [name, quantity, source] of expected) {
    const row = assignments.getByRole("row").filter({ hasText: name });
    await expect(row.getByRole("cell")).toContainText([name, quantity, source]);
  }

  // 4. The partner follows the order: 400 assigned, 60 claimed, 40 still open, nothing handed in yet.
  await partner.page.goto("/partner");
  await expect(
    partner.page.getByRole("row").filter({ has: partner.page.getByRole("link", { name: "薰衣草手工皂 100g" }) }),
  ).toContainText("已接单");
  await partner.page.getByRole("link", { name: "薰衣草手工皂 100g" }).click();
  await expect(partner.page).toHaveURL(orderPath);
  const progress = partner.page.getByRole("region", { name: "进度" });
  await expect(progress.getByRole("term")).toHaveText([
    "已派工",
    "已自领",
    "待领取",
    "未安排",
    "已交件",
    "合格",
    "已交付",
  ]);
  await expect(progress.getByRole("definition")).toHaveText(["400", "60", "40", "0", "0", "0", "0"]);
  await expect(partner.page.getByRole("button", { name: "取消订单" })).toHaveCount(0);
  await screenshot(partner.page, "orders-partner-progress");

  await Promise.all([partner.context.close(), coordinator.context.close(), worker.context.close()]);
});
