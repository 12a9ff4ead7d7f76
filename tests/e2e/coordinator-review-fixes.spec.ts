// Fixes from the independent review of the coordinator's side (branch fix8):
//   1. the 取消派工 confirmation (and the reduce form) say what material she
//      still holds and point to the 退料 form on the same page;
//   2. the materials pages say where hand-out happens, and the hand-out and
//      return forms label the quantity with the chosen material's unit;
//   3. the order page with assignments (and the other pages with tables) does
//      not scroll sideways on a 390 px phone;
//   4. no space between a unit and the Chinese after it; the worker's due date
//      on labels and the receiving desk is 交件, not 交货.
// Data: tests/e2e/seed-coordinator-review.ts, a workshop of this run's own with
// its own coordinator, so no other journey's stock or lists change.
import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

type Seed = {
  suffix: string;
  coordinator: { name: string; phone: string };
  workers: { a: { name: string; phone: string }; b: { name: string; phone: string } };
  orderId: string;
  productId: string;
  partnerId: string;
  workerIds: { a: string; b: string };
  tasks: { holding: string; plain: string };
  materials: { base: string; oil: string };
};

let seed: Seed;
test.beforeAll(() => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-coordinator-review.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  seed = JSON.parse(out) as Seed;
});

async function coordinatorAt(browser: Browser, width: number, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 844 },
    isMobile: width < 600,
    hasTouch: width < 600,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled,
  });
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, seed.coordinator.phone);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

async function switchLanguage(page: Page, to: "English" | "中文") {
  await page.getByRole("banner").getByRole("button", { name: to, exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to === "English" ? "en" : "zh-CN");
}

const issueForm = (page: Page) => page.locator("form:has(input[name=intent][value=issue])");
const returnForm = (page: Page) => page.locator("form:has(input[name=intent][value=return])");

test("the order page with assignments, and the other pages with tables, fit a 390 px phone in Chinese and English", async ({
  browser,
}) => {
  test.setTimeout(120_000); // 24 pages and two language switches: 13 s alone, 35 s beside other journeys (16 pages)
  const page = await coordinatorAt(browser, 390);
  const pages = [
    `/coordinator/orders/${seed.orderId}`,
    `/coordinator/assignments/${seed.tasks.holding}`,
    "/coordinator/materials",
    `/coordinator/materials/${seed.materials.base}`,
    "/coordinator/reconciliation",
    "/coordinator/orders",
    "/coordinator/products",
    `/coordinator/products/${seed.productId}`,
    "/coordinator/partners",
    `/coordinator/partners/${seed.partnerId}`,
    "/coordinator/workers",
    `/coordinator/workers/${seed.workerIds.a}`,
  ];
  for (const language of ["中文", "English"] as const) {
    if (language === "English") await switchLanguage(page, "English");
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await test.step(`${path} in ${language}`, () => expectNoHorizontalScroll(page));
    }
  }
  await page.goto(`/coordinator/orders/${seed.orderId}`);
  await expect(page.getByRole("link", { name: `Open ${seed.workers.a.name}'s assignment` })).toBeVisible();
  await switchLanguage(page, "中文");
  await page.context().close();
});

test("the materials pages say where material is handed out; the hand-out and return forms name the unit of the chosen material", async ({
  browser,
}) => {
  test.setTimeout(90_000); // two browsers (with and without JavaScript) and two language switches
  const page = await coordinatorAt(browser, 390);
  await page.goto("/coordinator/materials");
  await expect(page.getByText("发料、退料在派工页：订单 → 派工 → 发料 / 退料。")).toBeVisible();
  await page.getByRole("link", { name: "皂基", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("皂基 库存");
  await expect(page.getByText("发料、退料在派工页：订单 → 派工 → 发料 / 退料。")).toBeVisible();
  await page.getByRole("link", { name: "去订单" }).click();
  await expect(page).toHaveURL(/\/coordinator\/orders$/);

  await page.goto(`/coordinator/assignments/${seed.tasks.holding}`);
  const issue = issueForm(page);
  // Two materials in different units: until one is chosen the label says the unit follows it.
  await expect(issue.getByLabel("数量（按所选物料的单位）")).toBeVisible();
  await expect(issue.locator("select[name=materialId] option")).toHaveText([
    "请选择物料",
    "皂基（库存 8.95 千克，物料清单内）",
    "精油（库存 490 毫升，物料清单内）",
  ]);
  await issue.getByLabel("物料", { exact: true }).selectOption({ label: "皂基（库存 8.95 千克，物料清单内）" });
  await expect(issue.getByLabel("数量（千克）")).toBeVisible();
  await issue.getByLabel("物料", { exact: true }).selectOption({ label: "精油（库存 490 毫升，物料清单内）" });
  await expect(issue.getByLabel("数量（毫升）")).toBeVisible();
  const back = returnForm(page);
  await back.getByLabel("物料", { exact: true }).selectOption({ label: "精油（她手上 10 毫升）" });
  await expect(back.getByLabel("数量（毫升）")).toBeVisible();
  await screenshot(page, "review-fixes-assignment-phone");

  await switchLanguage(page, "English");
  await page.goto("/coordinator/materials");
  await expect(
    page.getByText(
      "Material is handed out and taken back on the assignment page: Orders → assignment → Hand out / Take back.",
    ),
  ).toBeVisible();
  await page.goto(`/coordinator/assignments/${seed.tasks.holding}`);
  await expect(issueForm(page).getByLabel("Quantity (in the material's unit)")).toBeVisible();
  await issueForm(page).getByLabel("Material", { exact: true }).selectOption({ index: 1 });
  await expect(issueForm(page).getByLabel("Quantity (kg)")).toBeVisible();
  await switchLanguage(page, "中文");
  await page.context().close();

  // Without JavaScript: the label names the unit once the server knows the material (here, after a refusal).
  const plain = await coordinatorAt(browser, 390, false);
  await plain.goto(`/coordinator/assignments/${seed.tasks.holding}`);
  await expect(issueForm(plain).getByLabel("数量（按所选物料的单位）")).toBeVisible();
  await issueForm(plain)
    .getByLabel("物料", { exact: true })
    .selectOption({ label: "精油（库存 490 毫升，物料清单内）" });
  await issueForm(plain).getByLabel("数量（按所选物料的单位）").fill("9999");
  await issueForm(plain).getByRole("button", { name: "发料" }).click();
  await expect(issueForm(plain).getByText("库存不够：只有 490 毫升")).toBeVisible();
  await expect(issueForm(plain).getByLabel("数量（毫升）")).toHaveValue("9999");
  await plain.context().close();
});

test("the 取消派工 confirmation says what material she still holds and points to the 退料 form; so does the reduce form", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await coordinatorAt(browser, 390);
  await page.goto(`/coordinator/assignments/${seed.tasks.holding}`);
  const change = page.getByRole("region", { name: "调整派工" });
  await expect(change).toContainText("她手上还有物料：精油 10 毫升、皂基 1.05 千克。");

  await page.getByRole("link", { name: "取消派工" }).click();
  const confirm = page.locator("#cancel-confirm");
  await expect(confirm).toContainText(
    "她手上还有物料：精油 10 毫升、皂基 1.05 千克。没用完的请先退料再取消，否则会算作损耗。",
  );
  await expect(confirm).toContainText("物料");
  await screenshot(page, "review-fixes-cancel-confirm-phone");
  await confirm.getByRole("link", { name: "去退料" }).click();
  await expect(page).toHaveURL(/#material-return$/);
  const back = returnForm(page);
  await expect(back).toBeInViewport();

  // She gives back all the soap base; the confirmation then names only the oil.
  await back.getByLabel("物料", { exact: true }).selectOption({ label: "皂基（她手上 1.05 千克）" });
  await back.getByLabel("数量（千克）").fill("1.05");
  await back.getByRole("button", { name: "退料" }).click();
  await expect(page.getByRole("status")).toHaveText("已退料 1.05 千克皂基。");
  await page.getByRole("link", { name: "取消派工" }).click();
  await expect(confirm).toContainText("她手上还有物料：精油 10 毫升。");
  await expect(confirm).not.toContainText("皂基");

  await switchLanguage(page, "English");
  await page.goto(`/coordinator/assignments/${seed.tasks.holding}?cancel=confirm`);
  await expect(page.locator("#cancel-confirm")).toContainText(
    "She still holds material: 10 ml of 精油. Take back what she has not used before cancelling, or it counts as a loss.",
  );
  await switchLanguage(page, "中文");

  // The other task: nothing handed out, so the confirmation says nothing about material.
  await page.goto(`/coordinator/assignments/${seed.tasks.plain}?cancel=confirm`);
  await expect(page.locator("#cancel-confirm")).toBeVisible();
  await expect(page.locator("#cancel-confirm")).not.toContainText("物料");
  await page.context().close();
});

test("a unit is followed by the Chinese after it without a space, and the worker's due date on labels and the receiving desk is 交件", async ({
  browser,
}) => {
  const page = await coordinatorAt(browser, 390);
  await page.goto(`/coordinator/assignments/${seed.tasks.plain}`);
  const reassign = page.locator("form:has(input[name=intent][value=reassign])");
  await reassign.getByLabel("手工者", { exact: true }).selectOption({ index: 1 });
  await reassign.getByLabel("数量", { exact: true }).fill("4");
  await reassign.getByRole("button", { name: "改派" }).click();
  await expect(page.getByRole("status")).toHaveText(`已把 4 件改派给 ${seed.workers.a.name}。`);

  await page.goto(`/coordinator/labels/${seed.tasks.holding}`);
  const label = page.getByRole("article", { name: seed.workers.a.name });
  await expect(label.getByRole("term")).toHaveText(["数量", "交件"]);

  await page.goto(`/coordinator/receiving/${seed.tasks.holding}`);
  await expect(page.getByText(/派工 20 件 · .+ 交件$/)).toBeVisible();
  await page.context().close();
});
