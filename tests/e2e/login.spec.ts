// The login form with JavaScript on: mistakes are shown in Chinese, and a
// malformed phone number is caught in the browser before anything is sent.
// Accounts: 陈美华 13800000013 (one wrong password; nobody logs in as her here).
import { expect, test } from "@playwright/test";
import { logIn, waitForHydration } from "./support.ts";

test("a wrong password shows 手机号或密码不对 and stays on the login page", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "巧手计件" })).toBeVisible();
  await waitForHydration(page);

  await logIn(page, "13800000013", "not-her-password");

  await expect(page.getByRole("alert")).toHaveText("手机号或密码不对，请再试一次。忘记密码请找工坊协调员重置。");
  await expect(page).toHaveURL("/login");
  await expect(page.getByLabel("手机号", { exact: true })).toHaveValue("13800000013");
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
});

test("a phone number that is not 11 digits is caught in the browser: 请输入 11 位手机号, nothing is sent", async ({
  page,
}) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.goto("/login");
  await waitForHydration(page);

  await logIn(page, "123", "qiaoshou123", { sent: false });

  const phone = page.getByLabel("手机号", { exact: true });
  await expect(page.getByText("请输入 11 位手机号")).toBeVisible();
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveAccessibleDescription("请输入 11 位手机号");
  await expect(page).toHaveURL("/login");
  expect(posts, "requests sent for an invalid form").toEqual([]);

  await phone.fill("13800000013");
  await expect(page.getByText("请输入 11 位手机号")).toHaveCount(0);
});

test("the login page can be switched to English before logging in", async ({ page }) => {
  await page.goto("/login");
  await page.getByText("English", { exact: true }).click();

  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await expect(page.getByLabel("Mobile number")).toBeVisible();

  await page.getByText("中文", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByLabel("手机号", { exact: true })).toBeVisible();
});
