// The partner firm's contact: home in both languages.
// Account: 赵经理（山城香皂） 13800000021 (changes the language, then restores it).
import { expect, test } from "@playwright/test";
import { logIn, screenshot } from "./support.ts";

test("partner 赵经理 sees the firm's page in Chinese, switches to English, it is remembered, switches back and logs out", async ({
  page,
}) => {
  await page.goto("/login");
  await logIn(page, "13800000021");

  await expect(page).toHaveURL("/partner");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "重庆山城香皂有限公司" })).toBeVisible();
  await expect(page.getByText("合作工坊: 民安华福社区巧手梦工坊")).toBeVisible();
  await expect(page.getByRole("heading", { name: "订单概况" })).toBeVisible();
  await expect(page.getByText("还没有订单。下单后可以在这里跟进进度、质检和交付。")).toBeVisible();
  await screenshot(page, "partner-home-zh");

  await page.getByRole("banner").getByText("English", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL("/partner");
  await expect(page.getByRole("heading", { name: "重庆山城香皂有限公司" })).toBeVisible();
  await expect(page.getByText("Workshop: 民安华福社区巧手梦工坊")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();

  await page.getByRole("banner").getByText("中文", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "订单概况" })).toBeVisible();

  await page.getByRole("banner").getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("status")).toHaveText("您已退出登录。");
});
