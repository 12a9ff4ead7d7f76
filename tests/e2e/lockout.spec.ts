// Lockout is no longer a weapon (issue 6, item 7; ADR 011), on the production
// build. Every browser here reaches the server from 127.0.0.1: one shared
// address, like a community Wi-Fi. A new worker (created by the coordinator,
// so no other journey's account is ever locked) logs in on her phone; a
// stranger on the same address guesses her password and is stopped after 5
// tries; she still logs in from her phone, and a neighbour on the same Wi-Fi
// logs in to her own account. Also: a hostile redirectTo is a normal login.
// Account: 王协调员 13800000002 (only creates the two workers; her page may be
// in English while coordinator.spec.ts runs, so fields are found by name).
import { expect, test, type Browser } from "@playwright/test";
import { logIn } from "./support.ts";

async function createWorker(browser: Browser, name: string, phone: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, "13800000002");
  await expect(page).toHaveURL("/coordinator");
  await page.goto("/coordinator/workers");
  const form = page.locator("form", { has: page.locator('input[name="phone"]') });
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="phone"]').fill(phone);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL("/coordinator/workers");
  await expect(page.getByRole("status")).toContainText(name);
  await context.close();
}

test("a worker still logs in from her own phone while a stranger on the same Wi-Fi guesses her password", async ({
  browser,
}) => {
  // Eleven logins, each a slow password hash and a whole new page: about 20 s alone, up to 56 s seen beside
  // other journeys and test suites on a 2-core machine.
  test.setTimeout(120_000);
  const run = Date.now().toString().slice(-7);
  const victim = { phone: `1370${run}`, password: `xiuying-${run}` };
  const neighbour = { phone: `1360${run}`, password: `meilan-${run}` };
  await createWorker(browser, `吴秀英${run.slice(-3)}`, victim.phone, victim.password);
  await createWorker(browser, `周美兰${run.slice(-3)}`, neighbour.phone, neighbour.password);

  // Her phone: she logs in once (a link with a hostile redirectTo lands on her home), then logs out.
  const herPhone = await browser.newContext();
  const her = await herPhone.newPage();
  await her.goto(`/login?redirectTo=${encodeURIComponent("/worker/../admin/订单")}`);
  await logIn(her, victim.phone, victim.password);
  await expect(her).toHaveURL("/worker");
  await her.goto("/account");
  await her.getByRole("button", { name: "退出登录" }).click();
  await expect(her).toHaveURL("/login");
  await expect(her.getByRole("status")).toHaveText("您已退出登录。");

  // A stranger on the same address: 5 wrong guesses, then stopped, even with the right password.
  const strangers = await browser.newContext();
  const stranger = await strangers.newPage();
  await stranger.goto("/login");
  for (let i = 1; i <= 5; i++) {
    await logIn(stranger, victim.phone, `guess-${i}-123`);
    await expect(stranger.getByRole("alert")).toContainText("手机号或密码不对");
  }
  await logIn(stranger, victim.phone, victim.password);
  await expect(stranger.getByRole("alert")).toContainText("尝试次数过多，请 15 分钟后再试。");
  await expect(stranger).toHaveURL("/login");

  // She logs in from her own phone, on the same address, while the stranger is locked out.
  await logIn(her, victim.phone, victim.password);
  await expect(her).toHaveURL("/worker");

  // Her neighbour on the same Wi-Fi, on a phone that never logged in here, is not locked out.
  const neighbours = await browser.newContext();
  const next = await neighbours.newPage();
  await next.goto("/login");
  await logIn(next, neighbour.phone, neighbour.password);
  await expect(next).toHaveURL("/worker");

  await Promise.all([herPhone.close(), strangers.close(), neighbours.close()]);
});
