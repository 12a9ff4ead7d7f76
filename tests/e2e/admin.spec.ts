// The district admin: the workshops overview in both languages.
// Account: 区就业中心 李主任 13800000001 (changes the language, then restores it).
import { expect, test } from "@playwright/test";
import { logIn, screenshot } from "./support.ts";

test("admin 李主任 sees the workshops overview in Chinese, switches to English, it is remembered, switches back and logs out", async ({
  page,
}) => {
  await page.goto("/login");
  await logIn(page, "13800000001");

  await expect(page).toHaveURL("/admin");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "工坊总览", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "民安华福社区巧手梦工坊" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "工坊名称" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "新建工坊" })).toBeVisible();
  await screenshot(page, "admin-home-zh");

  await page.getByRole("banner").getByText("English", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL("/admin");
  await expect(page.getByRole("heading", { name: "Workshops", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Workshop name" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "New workshop" })).toBeVisible();

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Workshops", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();

  await page.getByRole("banner").getByText("中文", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "工坊总览", level: 1 })).toBeVisible();

  await page.getByRole("banner").getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("status")).toHaveText("您已退出登录。");
});
