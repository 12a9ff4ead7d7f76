// The review of the worker's log page 报工 (be3c6af, 711313c), on a 390 px
// phone: after a JavaScript login (from the login page, or from a label's
// address) her pages are whole documents that run their plain scripts (the
// offline queue, the service worker), not React; after logging out the Back
// button finds nothing of hers (pages and photos are never kept: private,
// no-store); on a shared phone a log queued for one worker waits while another
// is logged in and is sent once she is back; a cancel or correction refused
// because the coordinator received the log meanwhile says why at the top; a
// refused correction keeps her number; the coordinator's receiving card links
// her photo; and a log that waited on the phone overnight keeps the day she
// made it.
// Accounts: two workers of this run's own and their orders (one per journey),
// made by tests/e2e/seed-piece-log-review.ts; 王协调员 13800000002 receives
// some of worker a's logs. It leaves orders and logs in the demo workshop, so
// playwright.config.ts runs it with the journeys that change demo data.
import { execFileSync } from "node:child_process";
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";
import { TINY_JPEG } from "../support/images.ts";
import { logIn, screenshot, waitForHydration } from "./support.ts";

type Worker = { name: string; phone: string };
type TaskName = "jsLogin" | "label" | "back" | "shared" | "stale" | "refused" | "photo" | "yesterday";
type Seed = {
  suffix: string;
  workers: { a: Worker; b: Worker };
  tasks: Record<TaskName, string>;
  orders: Record<TaskName, string>;
};

function seedReview(): Seed {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-piece-log-review.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Seed;
}

let seed: Seed;
test.beforeAll(() => {
  seed = seedReview();
});

const COORDINATOR = "13800000002";

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
};

const DESK: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
};

/** A person on a device of her own, logged in and on `home`. */
async function personAt(
  browser: Browser,
  baseURL: string | undefined,
  phone: string,
  home: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, baseURL, ...options });
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, phone);
  await expect(page).toHaveURL(home);
  return { context, page };
}

/** The log page's parts. */
function logPage(page: Page) {
  const history = page.getByRole("region", { name: "这个任务的报工记录" });
  return {
    quantity: page.getByLabel("这次做好了多少？"),
    photo: page.getByLabel("拍张照片（可以不拍）"),
    submit: page.getByRole("button", { name: "提交报工", exact: true }),
    outbox: page.locator("#outbox"),
    queued: page.locator("#outbox").getByRole("listitem"),
    sent: page.locator("#outbox").getByRole("status"),
    history,
    entries: history.getByRole("listitem"),
  };
}

/** Her log of `n` pieces in her history ("<date> · n 件"). */
function entryOf(page: Page, n: number) {
  return logPage(page).entries.filter({ has: page.locator("strong", { hasText: new RegExp(` · ${n} 件$`) }) });
}

/** Checks that the page is a whole server-drawn document running the worker's plain scripts, not React. */
async function expectPlainPageWithQueue(page: Page) {
  expect(await page.evaluate(() => "__remixContext" in window), "no React runtime (window.__remixContext)").toBe(false);
  await expect(page.locator('script[src^="/build/"]')).toHaveCount(0);
  await expect(page.locator('script[src="/outbox.js"]')).toHaveCount(1);
  // /outbox.js ran: it registers the service worker that keeps her pages for offline use.
  await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => r !== undefined), null, {
    timeout: 10_000,
  });
}

/** Logs out from 我的 (/account) with 退出登录, on this page. */
async function logOut(page: Page) {
  await page.goto("/account");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("status")).toHaveText("您已退出登录。");
}

/** The coordinator receives the waiting log of `n` pieces on the task's receiving page, counted as logged. */
async function receive(page: Page, assignmentId: string, n: number) {
  await page.goto(`/coordinator/receiving/${assignmentId}`);
  await waitForHydration(page);
  const card = page
    .getByRole("region", { name: /^待收货/ })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: `报工 ${n} 件` }) });
  await card.getByRole("button", { name: "收货", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`已收货 ${n} 件（报工 ${n}）。`);
}

/** A date (YYYY-MM-DD) as her pages show it in Chinese. */
function shown(date: string) {
  return date.replaceAll("-", "/");
}

test("after a JavaScript login, from the login page or a label's address, her log page runs its plain scripts: the service worker and the offline queue", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  // 1. From the login page, with the form hydrated (React validates and submits it).
  const context = await browser.newContext({ ...PHONE, baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await waitForHydration(page);
  await logIn(page, seed.workers.a.phone);
  await expect(page).toHaveURL("/worker");
  const here = `/worker/tasks/${seed.tasks.jsLogin}`;
  await page.locator(`a[href="${here}"]`).click();
  await expect(page).toHaveURL(here);
  await expect(page.getByText("共 20 件，已报 0 件")).toBeVisible();
  await expectPlainPageWithQueue(page);

  // No signal: her 3 pieces wait on the phone, the page stays.
  await context.setOffline(true);
  const log = logPage(page);
  await log.quantity.fill("3");
  await log.submit.click();
  await expect(log.queued).toHaveText(["3 件 · 待发送"]);
  await expect(log.outbox.getByRole("heading", { name: "待发送" })).toBeVisible();
  await expect(page).toHaveURL(here);
  await context.close();

  // 2. Logged out, she scans her label: the login page, then (JavaScript login) her log page.
  const labelled = await browser.newContext({ ...PHONE, baseURL });
  const phone = await labelled.newPage();
  const address = `/l/${seed.tasks.label}`;
  await phone.goto(address);
  await expect(phone).toHaveURL(`/login?redirectTo=${encodeURIComponent(address)}`);
  await waitForHydration(phone);
  await logIn(phone, seed.workers.a.phone);
  const labelPage = `/worker/tasks/${seed.tasks.label}`;
  await expect(phone).toHaveURL(labelPage);
  await expect(phone.getByText("共 20 件，已报 0 件")).toBeVisible();
  await expectPlainPageWithQueue(phone);
  await labelled.setOffline(true);
  const log2 = logPage(phone);
  await log2.quantity.fill("3");
  await log2.submit.click();
  await expect(log2.queued).toHaveText(["3 件 · 待发送"]);
  await expect(phone).toHaveURL(labelPage);

  // The signal is back: it is sent, once.
  await labelled.setOffline(false);
  await expect(log2.sent).toHaveText("已记录 3 件，等协调员收货。", { timeout: 25_000 });
  await expect(phone.getByText("共 20 件，已报 3 件")).toBeVisible();
  await expect(entryOf(phone, 3)).toHaveCount(1);
  await labelled.close();
});

test("after she logs out, Back shows nothing of hers; her pages and her photo are never kept by the browser", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const { context, page } = await personAt(browser, baseURL, seed.workers.a.phone, "/worker");
  const here = `/worker/tasks/${seed.tasks.back}`;
  // The headers are checked softly, so that Back is tried whatever they say.
  const opened = await page.goto(here);
  expect.soft(opened?.headers()["cache-control"] ?? "", "the log page's Cache-Control").toContain("no-store");
  const home = await page.request.get("/worker");
  expect.soft(home.headers()["cache-control"] ?? "", "the home page's Cache-Control").toContain("no-store");

  // A log of 2 with a photo.
  const log = logPage(page);
  await log.photo.setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: TINY_JPEG });
  await log.quantity.fill("2");
  await log.submit.click();
  await expect(log.sent).toHaveText("已记录 2 件，等协调员收货。", { timeout: 15_000 });
  const photoLink = entryOf(page, 2).getByRole("link", { name: "看照片" });
  const photoPath = await photoLink.getAttribute("href");
  expect(photoPath).toMatch(/^\/photos\/[^/]+$/);
  const photo = await page.request.get(photoPath!);
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-type"]).toBe("image/jpeg");
  expect.soft(photo.headers()["cache-control"], "the photo's Cache-Control").toBe("private, no-store");

  // 我的: her name; she logs out there.
  const account = await page.goto("/account");
  expect.soft(account?.headers()["cache-control"] ?? "", "我的's Cache-Control").toContain("no-store");
  await expect(page.getByText(seed.workers.a.name)).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("status")).toHaveText("您已退出登录。");

  // Back: not her 我的 page from the browser's cache, the login page.
  await page.goBack();
  await expect(page).toHaveURL(/^[^?]*\/login(\?|$)/);
  await expect(page.locator("body")).not.toContainText(seed.workers.a.name);
  await expect(page.locator("body")).not.toContainText(seed.workers.a.phone);
  // Back once more, to where her log page was: the login page again, nothing of her task.
  await page.goBack();
  await expect(page).toHaveURL(/^[^?]*\/login(\?|$)/);
  await expect(page.locator("body")).not.toContainText("薰衣草手工皂");
  await expect(page.locator("body")).not.toContainText("已报 2 件");
  // And her photo's address is no longer hers to see.
  const after = await page.request.get(photoPath!, { maxRedirects: 0 });
  expect(after.status()).not.toBe(200);
  await context.close();
});

test("on a shared phone her queued log waits while another worker is logged in, and is sent once when she is back", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const { context, page: first } = await personAt(browser, baseURL, seed.workers.a.phone, "/worker");
  const here = `/worker/tasks/${seed.tasks.shared}`;
  const queueAddress = `**/worker/tasks/${seed.tasks.shared}/logs`;
  await first.goto(here);
  const log = logPage(first);
  await expect(first.getByText("共 20 件，已报 0 件")).toBeVisible();

  // Page 1: her log of 5 cannot be sent (its posts go nowhere); it waits on the phone.
  await first.route(queueAddress, (route) => route.abort());
  await log.quantity.fill("5");
  await log.submit.click();
  await expect(log.queued).toHaveText(["5 件 · 待发送"]);

  // Page 2, same phone: she logs out, worker b logs in.
  const second = await context.newPage();
  await logOut(second);
  await logIn(second, seed.workers.b.phone);
  await expect(second).toHaveURL("/worker");

  // Page 1 tries again (its posts go through now), under b's login: it still waits, and says why.
  await first.unroute(queueAddress);
  const answered = first.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/logs"));
  await log.outbox.getByRole("button", { name: "现在再试一次" }).click();
  expect((await answered).status()).toBe(409);
  await expect(log.queued).toHaveCount(1);
  await expect(log.queued).toContainText("5 件 · 待发送");
  // Soft: the rest of the journey still runs. Fails today (bug, reported): public/outbox.js sets the server's
  // message on the queued item in memory only (flush: `item.message = result.message`, never put back in
  // IndexedDB), and the panel is drawn from IndexedDB, so the message never shows.
  await expect
    .soft(log.queued, "the queue says why it waits")
    .toContainText("这条是在另一个账号下记的。用那个账号登录后会自动发送。");
  await expect(log.outbox).not.toContainText("没能记录");
  await expect(log.outbox.getByRole("button", { name: "删掉这条" })).toHaveCount(0);
  await screenshot(first, "piece-log-review-shared-phone");

  // Nothing was recorded for anyone: the coordinator has no log of hers to receive.
  const coordinator = await personAt(browser, baseURL, COORDINATOR, "/coordinator", DESK);
  await coordinator.page.goto(`/coordinator/receiving/${seed.tasks.shared}`);
  await expect(coordinator.page.getByRole("heading", { level: 1 })).toContainText(seed.workers.a.name);
  await expect(coordinator.page.getByRole("heading", { level: 3, name: /^报工/ })).toHaveCount(0);

  // b logs out and she logs in again on page 2 (whose own sends are held back, so page 1 is the one to send).
  await logOut(second);
  await second.route("**/logs", (route) => route.abort());
  await logIn(second, seed.workers.a.phone);
  await expect(second).toHaveURL("/worker");

  // Page 1 tries again: sent, recorded once.
  await log.outbox.getByRole("button", { name: "现在再试一次" }).click();
  await expect(log.sent).toHaveText("已记录 5 件，等协调员收货。", { timeout: 15_000 });
  await expect(first.getByText("共 20 件，已报 5 件")).toBeVisible();
  await expect(entryOf(first, 5)).toHaveCount(1);
  await expect(log.entries).toHaveCount(1);
  await expect(log.queued).toHaveCount(0);

  await coordinator.page.reload();
  await expect(coordinator.page.getByRole("heading", { level: 3, name: /^报工/ })).toHaveText(["报工 5 件"]);
  await coordinator.context.close();
  await context.close();
});

test("a cancel or a correction of a log the coordinator received meanwhile says why at the top", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const { context, page } = await personAt(browser, baseURL, seed.workers.a.phone, "/worker", {
    javaScriptEnabled: false,
  });
  const here = `/worker/tasks/${seed.tasks.stale}`;
  await page.goto(here);
  const log = logPage(page);
  for (const n of [4, 3]) {
    await log.quantity.fill(String(n));
    await log.submit.click();
    await expect(page.getByRole("status")).toHaveText(`已记录 ${n} 件，等协调员收货。`);
  }
  const coordinator = await personAt(browser, baseURL, COORDINATOR, "/coordinator", DESK);

  // Cancel: she opens the confirm step of her 4; meanwhile the coordinator receives it; she confirms.
  await entryOf(page, 4).getByRole("link", { name: "撤销这条" }).click();
  const confirm = page.getByRole("region", { name: "撤销这条报工？" });
  await expect(confirm).toBeVisible();
  await receive(coordinator.page, seed.tasks.stale, 4);
  await confirm.getByRole("button", { name: "确认撤销" }).click();
  // It names the log (its day and count): with two logs on the page she need not guess.
  await expect(page.getByRole("alert")).toHaveText(/^\S+ 报的 4 件已经收货，不能再改了。有问题请找协调员。$/);
  await expect(page.getByRole("alert")).toBeInViewport();
  await expect(entryOf(page, 4)).toContainText("已收货 4 件");
  await expect(confirm).toHaveCount(0);
  await screenshot(page, "piece-log-review-stale-cancel");

  // Correction: she opens 改数量 on her 3 and types 2; meanwhile it is received; she sends it.
  await page.goto(here);
  await entryOf(page, 3).getByRole("link", { name: "改数量" }).click();
  await page.getByLabel("改成").fill("2");
  await receive(coordinator.page, seed.tasks.stale, 3);
  await entryOf(page, 3).getByRole("button", { name: "改数量" }).click();
  await expect(page.getByRole("alert")).toHaveText(/^\S+ 报的 3 件已经收货，不能再改了。有问题请找协调员。$/);
  await expect(entryOf(page, 3)).toContainText("已收货 3 件");
  await expect(entryOf(page, 2)).toHaveCount(0);
  await expect(page.getByText("共 20 件，已报 7 件")).toBeVisible();
  await coordinator.context.close();
  await context.close();
});

test("a correction to more than the task allows is refused and keeps the number she typed", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await personAt(browser, baseURL, seed.workers.a.phone, "/worker", {
    javaScriptEnabled: false,
  });
  const here = `/worker/tasks/${seed.tasks.refused}`;
  await page.goto(here);
  const log = logPage(page);
  await log.quantity.fill("4");
  await log.submit.click();
  await expect(page.getByRole("status")).toHaveText("已记录 4 件，等协调员收货。");

  await entryOf(page, 4).getByRole("link", { name: "改数量" }).click();
  await page.getByLabel("改成").fill("99");
  await entryOf(page, 4).getByRole("button", { name: "改数量" }).click();
  // The most she can change it to (4 + the 6 left), not "6 left", which reads as "change it to 6".
  await expect(page.getByText("这条最多只能改成 10 件。")).toBeVisible();
  await expect(page.getByLabel("改成")).toHaveValue("99");
  await expect(page.getByLabel("改成")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("共 10 件，已报 4 件")).toBeVisible();
  await context.close();
});

test("the coordinator's receiving card links the photo she took, which opens as a picture", async ({
  browser,
  baseURL,
}) => {
  const worker = await personAt(browser, baseURL, seed.workers.a.phone, "/worker", { javaScriptEnabled: false });
  const here = `/worker/tasks/${seed.tasks.photo}`;
  await worker.page.goto(here);
  const log = logPage(worker.page);
  await log.photo.setInputFiles({ name: "IMG_0002.jpg", mimeType: "image/jpeg", buffer: TINY_JPEG });
  await log.quantity.fill("6");
  await log.submit.click();
  await expect(worker.page.getByRole("status")).toHaveText("已记录 6 件，等协调员收货。");
  const photoPath = await entryOf(worker.page, 6).getByRole("link", { name: "看照片" }).getAttribute("href");
  expect(photoPath).toMatch(/^\/photos\/[^/]+$/);
  await worker.context.close();

  const coordinator = await personAt(browser, baseURL, COORDINATOR, "/coordinator", DESK);
  await coordinator.page.goto(`/coordinator/receiving/${seed.tasks.photo}`);
  const card = coordinator.page
    .getByRole("region", { name: /^待收货/ })
    .getByRole("listitem")
    .filter({ has: coordinator.page.getByRole("heading", { name: "报工 6 件" }) });
  const link = card.getByRole("link", { name: "看她拍的照片" });
  await expect(link).toHaveAttribute("href", photoPath!);
  const answered = coordinator.context.waitForEvent("response", (r) => new URL(r.url()).pathname === photoPath);
  const opened = coordinator.context.waitForEvent("page");
  await link.click();
  const picture = await answered;
  await expect(await opened).toHaveURL(photoPath!);
  expect(picture.status()).toBe(200);
  expect(picture.headers()["content-type"]).toBe("image/jpeg");
  expect(Buffer.from(await picture.body()).equals(TINY_JPEG)).toBe(true);
  await coordinator.context.close();
});

test("a log kept on the phone since yesterday evening is dated yesterday when it is sent today", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const DAY_MS = 24 * 60 * 60 * 1000;
  const todayInChina = new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const yesterday = new Date(Date.parse(`${todayInChina}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  const { context, page } = await personAt(browser, baseURL, seed.workers.a.phone, "/worker");

  // Yesterday, 20:00 in China, on her phone's clock: no signal, she logs 7.
  await page.clock.setFixedTime(new Date(`${yesterday}T20:00:00+08:00`));
  const here = `/worker/tasks/${seed.tasks.yesterday}`;
  await page.goto(here);
  expect(await page.evaluate(() => new Date().toISOString())).toBe(new Date(`${yesterday}T12:00:00Z`).toISOString());
  await context.setOffline(true);
  const log = logPage(page);
  await log.quantity.fill("7");
  await log.submit.click();
  await expect(log.queued).toHaveText(["7 件 · 待发送"]);

  // Today: the clock is right again, the signal is back; the log is sent, dated yesterday.
  await page.clock.setFixedTime(new Date());
  await context.setOffline(false);
  await expect(log.sent).toHaveText("已记录 7 件，等协调员收货。", { timeout: 25_000 });
  await expect(entryOf(page, 7).locator("strong")).toHaveText(`${shown(yesterday)} · 7 件`);

  const coordinator = await personAt(browser, baseURL, COORDINATOR, "/coordinator", DESK);
  await coordinator.page.goto(`/coordinator/receiving/${seed.tasks.yesterday}`);
  const card = coordinator.page
    .getByRole("region", { name: /^待收货/ })
    .getByRole("listitem")
    .filter({ has: coordinator.page.getByRole("heading", { name: "报工 7 件" }) });
  await expect(card).toContainText(`${shown(yesterday)} 报工`);
  await expect(card).toContainText(`${shown(todayInChina)}`);
  await coordinator.context.close();
  await context.close();
});
