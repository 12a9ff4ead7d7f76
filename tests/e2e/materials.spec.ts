// Material out and back, on the coordinator's phone (390 px, zh-CN): the
// partner orders 100 soaps; the coordinator accepts and assigns them to 张秀英,
// receives 25 kg of soap base into stock, hands out 10.000 kg against the
// assignment, takes back 0.300, and sees the stock page (in 25, out 10, back
// 0.3, on hand 15.3) and the reconciliation row (9.7 kg with her, in progress).
// Accounts: 赵经理 13800000021 (partner), 王协调员 13800000002 (coordinator);
// 张秀英 13800000011 is given the work but does not log in. This journey leaves
// a soap order, a task and soap-base stock on the demo accounts, so
// playwright.config.ts runs it last, after orders.spec.ts (which expects the
// partner's only soap order to be its own) and the journeys that expect none.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function personAt(browser: Browser, baseURL: string | undefined, phone: string, home: string) {
  const context = await browser.newContext({ ...PHONE, baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, phone);
  await expect(page).toHaveURL(home);
  return { context, page };
}

/** A due date a month from now, as <input type="date"> takes it. */
function inAMonth(): string {
  return new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** One of the two material forms on the assignment page, by its heading (发料 or 退料). */
function materialForm(page: Page, heading: "发料" | "退料") {
  return page
    .getByRole("region", { name: "物料（发料 / 退料）" })
    .locator(".subform")
    .filter({ has: page.getByRole("heading", { name: heading, exact: true }) });
}

test("the coordinator receives soap base, hands out 10.000 kg against an assignment, takes back 0.300, and sees stock and reconciliation", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);

  // 1. The partner orders 100 lavender soaps.
  const partner = await personAt(browser, baseURL, "13800000021", "/partner");
  await partner.page.goto("/partner/orders/new");
  await partner.page.getByLabel("产品", { exact: true }).selectOption({ label: "薰衣草手工皂 100g（¥6.80/件）" });
  await partner.page.getByLabel("数量", { exact: true }).fill("100");
  await partner.page.getByLabel("交货日期", { exact: true }).fill(inAMonth());
  await partner.page.getByRole("button", { name: "提交订单" }).click();
  await expect(partner.page.getByRole("status")).toHaveText("订单已提交，等待工坊确认。");
  const orderId = new URL(partner.page.url()).pathname.split("/").pop() ?? "";
  await partner.context.close();

  // 2. The coordinator accepts it and assigns all 100 to 张秀英, then opens the assignment.
  const { context, page } = await personAt(browser, baseURL, "13800000002", "/coordinator");
  await page.goto(`/coordinator/orders/${orderId}`);
  await page.getByRole("button", { name: "接受订单" }).click();
  await expect(page.getByRole("status")).toHaveText("已接受订单，现在可以派工或开放自领了。");
  const assign = page.getByRole("region", { name: "派给手工者" });
  await assign.getByLabel("手工者", { exact: true }).selectOption({ label: "张秀英（尾号 0011）" });
  await assign.getByLabel("数量", { exact: true }).fill("100");
  await assign.getByRole("button", { name: "派工" }).click();
  await expect(page.getByRole("status")).toHaveText("已派工 100 件。");
  await page.getByRole("link", { name: "查看 张秀英 的派工" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("张秀英 · 薰衣草手工皂 100g 进行中");
  const assignmentPath = new URL(page.url()).pathname;
  await expect(page.getByRole("region", { name: "物料（发料 / 退料）" })).toContainText("还没有发料。");

  // 3. She receives 25 kg of soap base into stock from the material's page.
  await page.goto("/coordinator/materials");
  await page.getByRole("link", { name: "皂基", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("皂基 库存");
  await page.getByLabel("数量（千克）").fill("25");
  await expect(page.getByLabel("来源")).toHaveValue("bought");
  await page.getByRole("button", { name: "入库", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("已入库 25 千克皂基。");

  // 4. She hands out 10.000 kg against the assignment, then takes 0.300 back.
  await page.goto(assignmentPath);
  const handOut = materialForm(page, "发料");
  await handOut.getByLabel("物料", { exact: true }).selectOption({ label: "皂基（库存 25 千克，物料清单内）" });
  await handOut.getByLabel("数量（千克）").fill("10.000");
  await handOut.getByRole("button", { name: "发料" }).click();
  await expect(page.getByRole("status")).toHaveText("已发料 10 千克皂基。");

  const takeBack = materialForm(page, "退料");
  await takeBack.getByLabel("物料", { exact: true }).selectOption({ label: "皂基（她手上 10 千克）" });
  await takeBack.getByLabel("数量（千克）").fill("0.300");
  await takeBack.getByRole("button", { name: "退料" }).click();
  await expect(page.getByRole("status")).toHaveText("已退料 0.3 千克皂基。");
  const materials = page.getByRole("region", { name: "物料（发料 / 退料）" });
  await expect(materials.getByRole("row").filter({ hasText: "皂基" }).getByRole("cell")).toHaveText([
    "皂基（千克）",
    "10",
    "0.3",
    "9.7",
  ]);
  // The BOM snapshot taken at the first hand-out.
  await expect(materials.getByRole("listitem").filter({ hasText: "皂基" })).toContainText("0.105 千克/件");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "materials-assignment");

  // Asking for more than she holds is refused in words, and nothing changes.
  await takeBack.getByLabel("物料", { exact: true }).selectOption({ label: "皂基（她手上 9.7 千克）" });
  await takeBack.getByLabel("数量（千克）").fill("9.701");
  await takeBack.getByRole("button", { name: "退料" }).click();
  await expect(takeBack.getByText("退料不能多于她手上的 9.7 千克")).toBeVisible();

  // 5. The stock page: in 25, out 10, back 0.3, on hand 15.3, and the three movements.
  await page.goto("/coordinator/materials");
  await expect(page.getByRole("row").filter({ hasText: "皂基" }).first()).toContainText("库存 15.3 千克");
  await page.getByRole("link", { name: "皂基", exact: true }).click();
  const figures = page.getByRole("definition");
  await expect(figures).toHaveText(["25 千克", "10 千克", "0.3 千克", "15.3 千克"]);
  const movements = page.getByRole("region", { name: "出入记录" }).getByRole("listitem");
  await expect(movements).toHaveCount(3);
  await expect(movements.nth(0)).toContainText("退料");
  await expect(movements.nth(0)).toContainText("+0.3 千克");
  await expect(movements.nth(0)).toContainText("张秀英 · 薰衣草手工皂 100g");
  await expect(movements.nth(1)).toContainText("−10 千克");
  await expect(movements.nth(2)).toContainText("工坊采购");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "materials-stock");

  // 6. Reconciliation: her row, 9.7 kg out and not back, in progress until the pieces come in.
  await page.goto("/coordinator/materials");
  await page.getByRole("link", { name: "物料对账" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("物料对账");
  const row = page.getByRole("listitem", { name: "张秀英 · 薰衣草手工皂 100g · 皂基" });
  await expect(row).toContainText("进行中");
  await expect(row.getByRole("definition")).toContainText(["0", "10 千克", "0.3 千克", "0 千克", "9.7 千克"]);
  await expect(row).toContainText("已收 0 / 100 件");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "materials-reconciliation");

  await context.close();
});
