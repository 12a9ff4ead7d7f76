// With JavaScript off, the forms still work: the server validates, answers
// 400/401 with the messages in place, logs in, switches the language and
// logs out with plain form posts.
// Accounts: 陈美华 13800000013 (switches her language, then restores it).
import { expect, test } from "@playwright/test";
import { logIn } from "./support.ts";

test.use({ javaScriptEnabled: false });

test("without JavaScript, a phone number that is not 11 digits gets 请输入 11 位手机号 from the server (HTTP 400)", async ({
  page,
}) => {
  await page.goto("/login");

  const answer = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/login",
  );
  await logIn(page, "123", "qiaoshou123");
  expect((await answer).status()).toBe(400);

  await expect(page).toHaveURL("/login");
  await expect(page.getByText("请输入 11 位手机号")).toBeVisible();
  const phone = page.getByLabel("手机号", { exact: true });
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveValue("123");
  await expect(page.getByLabel("密码", { exact: true })).toHaveValue("");
});

test("without JavaScript, a wrong password shows 手机号或密码不对 (HTTP 401) and stays on the login page", async ({
  page,
}) => {
  await page.goto("/login");

  const answer = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/login",
  );
  await logIn(page, "13800000013", "not-her-password");
  expect((await answer).status()).toBe(401);

  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("alert")).toContainText("手机号或密码不对");
  await expect(page.getByLabel("手机号", { exact: true })).toHaveValue("13800000013");
});

test("without JavaScript, a worker logs in, switches to English and back, and logs out", async ({ page }) => {
  await page.goto("/login");
  await logIn(page, "13800000013");

  await expect(page).toHaveURL("/worker");
  await expect(page.getByRole("heading", { name: "陈美华，您好" })).toBeVisible();

  await page.getByRole("banner").getByText("English", { exact: true }).click();
  await expect(page).toHaveURL("/worker");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Hello, 陈美华" })).toBeVisible();

  await page.getByRole("banner").getByText("中文", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "陈美华，您好" })).toBeVisible();

  await page.getByRole("link", { name: "我的", exact: true }).click();
  await expect(page).toHaveURL("/account");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("status")).toHaveText("您已退出登录。");
  // The notice is shown once: a reload (or the address shared) shows no stale "logged out".
  await page.reload();
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
});
