// The worker's phone: home in both languages, log out from "我的", the login
// redirect, the phone-first layout and the 403 page.
// Accounts: 张秀英 13800000011 (changes her language, then restores it) and
// 刘晓燕 13800000012 (never changes anything).
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

test("worker 张秀英 sees her home in Chinese, switches to English, it is remembered, switches back and logs out from 我的", async ({
  page,
}) => {
  await page.goto("/login");
  await logIn(page, "13800000011");

  await expect(page).toHaveURL("/worker");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "张秀英，您好" })).toBeVisible();
  await expect(page.getByText("民安华福社区巧手梦工坊")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^本月（\d+月）$/ })).toBeVisible();
  await expect(page.getByText("本月还没有报工。")).toBeVisible();
  await expect(page.getByRole("heading", { name: "我的任务" })).toBeVisible();
  await expect(page.getByText("暂时没有任务。协调员派工后会显示在这里。")).toBeVisible();
  await screenshot(page, "worker-home-zh");

  await page.getByRole("banner").getByText("English", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL("/worker");
  await expect(page.getByRole("heading", { name: "Hello, 张秀英" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "My tasks" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Account" }),
  ).toBeVisible();

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Hello, 张秀英" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "My tasks" })).toBeVisible();

  await page.getByRole("banner").getByText("中文", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "张秀英，您好" })).toBeVisible();

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的" }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("heading", { name: "我的账号" })).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();

  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("status")).toHaveText("您已退出登录。");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.goto("/worker");
  await expect(page).toHaveURL("/login?redirectTo=%2Fworker");
});

test("opening /worker when logged out goes to the login page, and logging in lands on /worker", async ({ page }) => {
  await page.goto("/worker");
  await expect(page).toHaveURL("/login?redirectTo=%2Fworker");
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();

  await logIn(page, "13800000012");

  await expect(page).toHaveURL("/worker");
  await expect(page.getByRole("heading", { name: "刘晓燕，您好" })).toBeVisible();
});

test("the worker's pages are phone-first: bottom navigation with big tap targets and no sideways scrolling at 390px", async ({
  page,
}) => {
  await page.goto("/login");
  await logIn(page, "13800000012");
  await expect(page).toHaveURL("/worker");

  const bottomNav = page.getByRole("navigation", { name: "主导航" });
  await expect(bottomNav).toBeVisible();
  await expect(bottomNav).toBeInViewport();
  const links = bottomNav.getByRole("link");
  await expect(links).toHaveText([/任务/, /接活/, /我的/]);
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    expect(box, "bottom navigation link has a box").not.toBeNull();
    expect(box!.height, "tap target height").toBeGreaterThanOrEqual(48);
    expect(box!.width, "tap target width").toBeGreaterThanOrEqual(48);
  }
  await expectNoHorizontalScroll(page);

  await links.filter({ hasText: "我的" }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("heading", { name: "我的账号" })).toBeVisible();
  await expect(bottomNav).toBeInViewport();
  await expectNoHorizontalScroll(page);
});

test("a worker who opens the coordinator's or the admin's pages gets 没有权限 with HTTP 403", async ({ page }) => {
  await page.goto("/login");
  await logIn(page, "13800000012");
  await expect(page).toHaveURL("/worker");

  const coordinator = await page.goto("/coordinator");
  expect(coordinator?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  await expect(page.getByText("您的账号不能打开这个页面。")).toBeVisible();
  await expect(page.getByText("民安华福社区巧手梦工坊")).toHaveCount(0);

  const admin = await page.goto("/admin");
  expect(admin?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  await expect(page.getByText("工坊总览")).toHaveCount(0);

  await page.getByRole("link", { name: "回到首页" }).click();
  await expect(page).toHaveURL("/worker");
  await expect(page.getByRole("heading", { name: "刘晓燕，您好" })).toBeVisible();
});
