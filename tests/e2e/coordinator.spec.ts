// The coordinator: her home in both languages, and creating a worker account.
// Account: 王协调员 13800000002, the only demo coordinator, so both journeys are
// in this file and run one after the other; the language one restores Chinese.
import { expect, test } from "@playwright/test";
import { logIn, screenshot } from "./support.ts";

test("coordinator 王协调员 sees her workshop in Chinese, switches to English, it is remembered, switches back and logs out", async ({
  page,
}) => {
  await page.goto("/login");
  await logIn(page, "13800000002");

  await expect(page).toHaveURL("/coordinator");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "民安华福社区巧手梦工坊" })).toBeVisible();
  await expect(page.getByText("九龙坡区 华岩镇 · 工坊概况")).toBeVisible();
  await expect(page.getByRole("banner").getByText("王协调员 · 协调员")).toBeVisible();
  await expect(page.getByRole("link", { name: /^\d+ 手工者$/ })).toBeVisible();
  await screenshot(page, "coordinator-home-zh");

  await page.getByRole("banner").getByText("English", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL("/coordinator");
  await expect(page.getByRole("heading", { name: "民安华福社区巧手梦工坊" })).toBeVisible();
  await expect(page.getByText("九龙坡区 华岩镇 · Workshop overview")).toBeVisible();
  await expect(page.getByRole("banner").getByText("王协调员 · Coordinator")).toBeVisible();

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("九龙坡区 华岩镇 · Workshop overview")).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();

  await page.getByRole("banner").getByText("中文", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByText("九龙坡区 华岩镇 · 工坊概况")).toBeVisible();

  await page.getByRole("banner").getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("status")).toHaveText("您已退出登录。");
});

test("a coordinator creates a worker account, sees it in the list, and the new worker can log in with that password", async ({
  page,
}) => {
  const run = String(Date.now()).slice(-8);
  const phone = `139${run}`;
  const name = `何桂兰${run.slice(-4)}`;
  const password = `guilan${run.slice(-4)}`;

  await page.goto("/login");
  await logIn(page, "13800000002");
  await expect(page).toHaveURL("/coordinator");
  await page.getByRole("banner").getByRole("link", { name: "手工者" }).click();
  await expect(page).toHaveURL("/coordinator/workers");
  await expect(page.getByRole("heading", { name: "手工者", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "张秀英" })).toBeVisible();

  const form = page.locator("section").filter({ has: page.getByRole("heading", { name: "新建手工者账号" }) });
  await form.getByLabel("姓名").fill(name);
  await form.getByLabel("手机号").fill(phone);
  await form.getByLabel("初始密码").fill(password);
  await expect(form.getByText("请当面或电话告诉她，并提醒她登录后修改。")).toBeVisible();
  await form.getByRole("button", { name: "创建账号" }).click();

  await expect(page.getByRole("status")).toHaveText(`已为 ${name} 创建账号。`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
  await expect(row).toContainText(`139****${phone.slice(7)}`);
  await expect(row).toContainText("正常");
  // The new worker's initial password does not stay on screen after the account is created.
  await expect(form.getByLabel("初始密码")).toHaveValue("");
  await expect(form.getByLabel("手机号")).toHaveValue("");
  await screenshot(page, "coordinator-workers-created-zh");
  // The notice belongs to that moment: the next page and the way back show it no more.
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
  await page.getByRole("link", { name: "返回手工者列表" }).click();
  await expect(page.getByRole("heading", { name: "手工者", level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);

  await page.getByRole("banner").getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL("/login");

  await logIn(page, phone, password);
  await expect(page).toHaveURL("/worker");
  await expect(page.getByRole("heading", { name: `${name}，您好` })).toBeVisible();
  await expect(page.getByText("民安华福社区巧手梦工坊")).toBeVisible();
});
