// The worker's log page 报工 (issue 8, ADR 020) on a 390 px phone: a log made
// with no signal waits on the phone (待发送), survives closing the page, and
// is sent once when the signal is back; a send whose answer was lost is sent
// again and still recorded once; without JavaScript the plain forms log,
// refuse too many, correct, cancel (after a confirm step) and never log a
// resent form twice; the order's label sheet leads her to her log page and
// nobody else; and the queue speaks English.
// Accounts: two workers of this run's own and their orders (one per journey),
// made by tests/e2e/seed-piece-log.ts; 王协调员 13800000002 only looks (the
// receiving list, the label sheet) and changes nothing. It leaves orders and
// logs in the demo workshop, so playwright.config.ts runs it with the journeys
// that change demo data.
import { execFileSync } from "node:child_process";
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";
import { expectNoHorizontalScroll, logIn, screenshot } from "./support.ts";

type Seed = {
  suffix: string;
  workers: { a: { name: string; phone: string }; b: { name: string; phone: string } };
  tasks: { offline: string; flaky: string; plain: string; label: string; labelB: string; english: string };
  orders: { offline: string; flaky: string; plain: string; label: string; english: string };
};

function seedPieceLog(): Seed {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys with `node scripts/e2e.mjs`.");
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/seed-piece-log.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Seed;
}

let seed: Seed;
test.beforeAll(() => {
  seed = seedPieceLog();
});

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
};

/** A person on a phone of her own, logged in and on `home`. */
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

/** The log page's parts, in Chinese or English. */
function logPage(page: Page, language: "zh" | "en" = "zh") {
  const zh = language === "zh";
  return {
    quantity: page.getByLabel(zh ? "这次做好了多少？" : "How many did you finish?"),
    submit: page.getByRole("button", { name: zh ? "提交报工" : "Send", exact: true }),
    outbox: page.locator("#outbox"),
    queued: page.locator("#outbox").getByRole("listitem"),
    sent: page.locator("#outbox").getByRole("status"),
    history: page.getByRole("region", { name: zh ? "这个任务的报工记录" : "Logs for this task" }),
    entries: page.getByRole("region", { name: zh ? "这个任务的报工记录" : "Logs for this task" }).getByRole("listitem"),
  };
}

/** Logs of `n` pieces in her history ("<date> · n 件"). */
function entriesOf(page: Page, n: number) {
  return logPage(page)
    .entries.locator("strong")
    .filter({ hasText: new RegExp(` · ${n} 件$`) });
}

/** What the phone still keeps in its queue (IndexedDB), for this worker. */
async function queuedOnPhone(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("piecework-outbox", 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction("logs", "readonly").objectStore("logs").count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

test("with no signal a log waits on the phone as 待发送, survives closing the page, and is sent once when the signal is back", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const { context, page } = await personAt(browser, baseURL, seed.workers.a.phone, "/worker");
  const here = `/worker/tasks/${seed.tasks.offline}`;
  await page.goto(here);
  const log = logPage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("薰衣草手工皂 100g");
  await expect(page.getByText("共 60 件，已报 0 件")).toBeVisible();

  // 1. Online: 30 pieces, recorded at once.
  await log.quantity.fill("30");
  await log.submit.click();
  await expect(log.sent).toHaveText("已记录 30 件，等协调员收货。");
  await expect(page.getByText("共 60 件，已报 30 件")).toBeVisible();
  await expect(entriesOf(page, 30)).toHaveCount(1);

  // The page cache: the service worker is ready and controls the page, and the page is kept.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), "controlled by sw.js").toBe(true);
  await page.reload();
  await expect
    .poll(() => page.evaluate(async () => (await caches.match(location.href)) !== undefined), {
      message: "the log page is in the service worker's cache",
    })
    .toBe(true);

  // 2. No signal: 12 pieces wait on the phone.
  await context.setOffline(true);
  await expect(page.locator("#outbox").getByRole("heading", { name: "待发送" })).toBeVisible();
  await log.quantity.fill("12");
  await log.submit.click();
  await expect(log.queued).toHaveText(["12 件 · 待发送"]);
  await expect(log.queued, "she sees it where she tapped").toBeInViewport();
  await expect(log.outbox).toContainText("没有网络，报工先存在手机上。有网后会自动发送，不会重复记。");
  await expect(log.quantity).toHaveValue("");
  await expect(page.getByText("共 60 件，已报 30 件")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/piece-log-offline-zh-viewport.png" });

  // 3. She closes the page and opens it again, still with no signal: the kept page, and her 12 still waiting.
  await page.close();
  const again = await context.newPage();
  await again.goto(here);
  const log2 = logPage(again);
  await expect(again.getByRole("heading", { level: 1 })).toHaveText("薰衣草手工皂 100g");
  await expect(log2.queued).toHaveText(["12 件 · 待发送"]);
  await expect(entriesOf(again, 30)).toHaveCount(1);
  await expect(entriesOf(again, 12)).toHaveCount(0);
  await expectNoHorizontalScroll(again);
  await screenshot(again, "piece-log-offline-zh");

  // 4. The signal is back: the 12 is sent, the page says so and lists it once.
  await context.setOffline(false);
  await expect(log2.sent).toHaveText("已记录 12 件，等协调员收货。", { timeout: 25_000 });
  await expect(again.getByText("共 60 件，已报 42 件")).toBeVisible();
  await expect(entriesOf(again, 12)).toHaveCount(1);
  await expect(entriesOf(again, 30)).toHaveCount(1);
  await expect(log2.entries).toHaveCount(2);
  await expect(log2.queued).toHaveCount(0);
  expect(await queuedOnPhone(again), "nothing left in the phone's queue").toBe(0);

  // 5. The coordinator sees the two logs, 30 and 12, once each.
  const coordinator = await personAt(browser, baseURL, "13800000002", "/coordinator");
  await coordinator.page.goto("/coordinator/receiving");
  const row = coordinator.page
    .getByRole("listitem")
    .filter({ has: coordinator.page.locator(`a[href="/coordinator/receiving/${seed.tasks.offline}"]`) });
  await expect(row).toContainText(seed.workers.a.name);
  await expect(row).toContainText("2 条报工 · 42 件");
  await row.getByRole("link", { name: `为 ${seed.workers.a.name} 收货` }).click();
  await expect(coordinator.page).toHaveURL(`/coordinator/receiving/${seed.tasks.offline}`);
  const waiting = coordinator.page.getByRole("region", { name: /^待收货/ });
  await expect(waiting.getByRole("heading", { level: 3 })).toHaveText(["报工 30 件", "报工 12 件"]);

  // Her page loaded once more (every load sends what waits): still one 12, nothing sent again.
  await again.reload();
  await expect(log2.entries).toHaveCount(2);
  await coordinator.page.reload();
  await expect(waiting.getByRole("heading", { level: 3 })).toHaveText(["报工 30 件", "报工 12 件"]);
  await coordinator.context.close();
  await context.close();
});

test("a log whose answer was lost on the way back is sent again and recorded once", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const { context, page } = await personAt(browser, baseURL, seed.workers.a.phone, "/worker");
  const here = `/worker/tasks/${seed.tasks.flaky}`;
  await page.goto(here);
  const log = logPage(page);
  await expect(page.getByText("共 30 件，已报 0 件")).toBeVisible();

  // The first post reaches the server, which records it; its answer never reaches the phone.
  // Later posts go through; every answer the server gave is kept here, with the key that was sent.
  type Answer = { ok: boolean; replayed: boolean; quantity: number; message: string };
  const posts: { key: string; answer: Answer }[] = [];
  await page.route(`**/worker/tasks/${seed.tasks.flaky}/logs`, async (route) => {
    const key = /name="clientKey"\r\n\r\n([^\r]+)/.exec(route.request().postData() ?? "")?.[1] ?? "?";
    const response = await route.fetch();
    posts.push({ key, answer: (await response.json()) as Answer });
    if (posts.length === 1) await route.abort("connectionreset");
    else await route.fulfill({ response });
  });
  await log.quantity.fill("7");
  await log.submit.click();
  await expect(log.queued).toHaveText(["7 件 · 待发送"]);
  expect(posts.map((p) => p.answer)).toEqual([
    { ok: true, replayed: false, quantity: 7, message: "已记录 7 件，等协调员收货。" },
  ]);
  await expect(page.getByText("共 30 件，已报 0 件")).toBeVisible();

  // The phone tries again by itself (every 20 s), with the same key: the server answers with the first log.
  await expect(log.sent).toHaveText("已记录 7 件，等协调员收货。", { timeout: 25_000 });
  expect(posts).toHaveLength(2);
  expect(posts[1]).toMatchObject({ key: posts[0]!.key, answer: { ok: true, replayed: true, quantity: 7 } });
  await expect(page.getByText("共 30 件，已报 7 件")).toBeVisible();
  await expect(entriesOf(page, 7)).toHaveCount(1);
  await expect(log.entries).toHaveCount(1);
  expect(await queuedOnPhone(page)).toBe(0);
  await context.close();
});

test("without JavaScript she logs, is told when it is too many, corrects, cancels after a confirm step, and a form sent twice logs once", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const { context, page } = await personAt(browser, baseURL, seed.workers.a.phone, "/worker", {
    javaScriptEnabled: false,
  });
  const here = `/worker/tasks/${seed.tasks.plain}`;
  await page.goto(here);
  const log = logPage(page);
  await expect(page.getByText("还可以报 40 件")).toBeVisible();

  // A log: the confirmation, and the log in her history.
  await log.quantity.fill("15");
  await log.submit.click();
  await expect(page).toHaveURL(here);
  await expect(page.getByRole("status")).toHaveText("已记录 15 件，等协调员收货。");
  await expect(page.getByText("共 40 件，已报 15 件")).toBeVisible();
  await expect(log.entries).toHaveCount(1);
  await expect(log.entries.first()).toContainText("待收货");

  // Too many: the clear message, what she typed kept, nothing recorded.
  await log.quantity.fill("30");
  const refused = page.waitForResponse((r) => r.request().method() === "POST");
  await log.submit.click();
  // The page's own plain post (not the queue's /logs), refused with 400.
  expect(new URL((await refused).url()).pathname).toBe(here);
  expect((await refused).status()).toBe(400);
  await expect(page.getByText("这个任务只剩 25 件可以报了。")).toBeVisible();
  await expect(log.quantity).toHaveValue("30");
  await expect(log.quantity).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("共 40 件，已报 15 件")).toBeVisible();
  await expect(log.entries).toHaveCount(1);

  // Correcting the 15 to 12.
  await page.goto(here);
  await log.entries.first().getByRole("link", { name: "改数量" }).click();
  await page.getByLabel("改成").fill("12");
  await log.entries.first().getByRole("button", { name: "改数量" }).click();
  await expect(page.getByRole("status")).toHaveText("已改为 12 件。");
  await expect(entriesOf(page, 12)).toHaveCount(1);
  await expect(entriesOf(page, 15)).toHaveCount(0);
  await expect(page.getByText("共 40 件，已报 12 件")).toBeVisible();

  // A log of 5, then cancelled: the first tap only asks.
  await log.quantity.fill("5");
  await log.submit.click();
  await expect(page.getByRole("status")).toHaveText("已记录 5 件，等协调员收货。");
  const five = log.entries.filter({ has: page.locator("strong", { hasText: / · 5 件$/ }) });
  await five.getByRole("link", { name: "撤销这条" }).click();
  const confirm = page.getByRole("region", { name: "撤销这条报工？" });
  await expect(confirm).toContainText("报的 5 件不再算已报，可以重新报。");
  await expect(page.getByText("共 40 件，已报 17 件")).toBeVisible();
  await expect(five).toContainText("待收货");
  await confirm.getByRole("button", { name: "确认撤销" }).click();
  await expect(page.getByRole("status")).toHaveText("已撤销 5 件的报工。");
  await expect(five).toContainText("已撤销");
  await expect(page.getByText("共 40 件，已报 12 件")).toBeVisible();

  // The same form sent twice: the server records her 8, but the answer is lost on the way back (the
  // browser shows its error page); she reloads, and the browser sends the same form again, with the
  // same one-time key: one log, and the page says it was already recorded. (Going Back to the form
  // cannot show this in Chromium: the answer's redirect to the same address replaces the form's
  // history entry.)
  const keysSent: string[] = [];
  page.on("request", (request) => {
    if (request.method() !== "POST" || new URL(request.url()).pathname !== here) return;
    keysSent.push(/name="clientKey"\r\n\r\n([^\r]+)/.exec(request.postData() ?? "")?.[1] ?? "?");
  });
  const firstAnswers: number[] = [];
  await page.route(`**${here}`, async (route) => {
    if (route.request().method() !== "POST" || firstAnswers.length > 0) return route.fallback();
    firstAnswers.push((await route.fetch({ maxRedirects: 0 })).status());
    await route.abort("connectionreset");
  });
  const key = await page.locator('form[data-outbox] input[name="clientKey"]').inputValue();
  await log.quantity.fill("8");
  await log.submit.click();
  await expect(page).toHaveURL(/^chrome-error:/);
  expect(firstAnswers, "the first send reached the server and was recorded (302 to the page)").toEqual([302]);
  await page.reload();
  await expect(page).toHaveURL(here);
  await expect(page.getByRole("status")).toHaveText("这次报工已经记录过了（8 件），没有重复记。");
  expect(keysSent).toEqual([key, key]);
  await expect(entriesOf(page, 8)).toHaveCount(1);
  await expect(page.getByText("共 40 件，已报 20 件")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "piece-log-no-js");
  await context.close();
});

test("the order's label sheet lists her task; its address opens her log page, and is a 404 for another worker", async ({
  browser,
  baseURL,
}) => {
  const coordinator = await personAt(browser, baseURL, "13800000002", "/coordinator");
  await coordinator.page.goto(`/coordinator/orders/${seed.orders.label}`);
  await coordinator.page.getByRole("link", { name: "打印标签" }).click();
  await expect(coordinator.page).toHaveURL(`/coordinator/orders/${seed.orders.label}/labels`);
  const labels = coordinator.page.getByRole("article");
  await expect(labels).toHaveCount(2);
  const label = coordinator.page.getByRole("article", { name: seed.workers.a.name });
  await expect(label).toContainText("薰衣草手工皂 100g");
  await expect(label).toContainText("10 件");
  const address = await label.getByRole("img", { name: /^二维码/ }).getAttribute("data-url");
  expect(address).toBe(`${baseURL}/l/${seed.tasks.label}`);
  const other = coordinator.page.getByRole("article", { name: seed.workers.b.name });
  expect(await other.getByRole("img", { name: /^二维码/ }).getAttribute("data-url")).toBe(
    `${baseURL}/l/${seed.tasks.labelB}`,
  );
  await coordinator.context.close();

  // Her phone scans it: her log page for that task.
  const worker = await personAt(browser, baseURL, seed.workers.a.phone, "/worker");
  await worker.page.goto(address!);
  await expect(worker.page).toHaveURL(`/worker/tasks/${seed.tasks.label}`);
  await expect(worker.page.getByRole("heading", { level: 1 })).toHaveText("薰衣草手工皂 100g");
  await expect(worker.page.getByText("共 10 件，已报 0 件")).toBeVisible();
  await expect(logPage(worker.page).quantity).toBeVisible();
  await worker.context.close();

  // Another worker scans it: not found, as for an address that does not exist; her own label works.
  const stranger = await personAt(browser, baseURL, seed.workers.b.phone, "/worker");
  const refused = await stranger.page.goto(address!);
  expect(refused?.status()).toBe(404);
  await expect(stranger.page.getByText("薰衣草手工皂 100g")).toHaveCount(0);
  const direct = await stranger.page.goto(`/worker/tasks/${seed.tasks.label}`);
  expect(direct?.status()).toBe(404);
  await stranger.page.goto(`/l/${seed.tasks.labelB}`);
  await expect(stranger.page).toHaveURL(`/worker/tasks/${seed.tasks.labelB}`);
  await expect(stranger.page.getByText("共 5 件，已报 0 件")).toBeVisible();
  await stranger.context.close();
});

test("in English the queue says 'waiting to send', then the log is sent", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const { context, page } = await personAt(browser, baseURL, seed.workers.b.phone, "/worker");
  await page.getByRole("banner").getByText("English", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto(`/worker/tasks/${seed.tasks.english}`);
  const log = logPage(page, "en");
  await expect(page.getByText("20 pieces in all, 0 pieces logged")).toBeVisible();

  await context.setOffline(true);
  await log.quantity.fill("5");
  await log.submit.click();
  await expect(log.queued).toHaveText(["5 pieces · waiting to send"]);
  await expect(log.queued).toBeInViewport();
  await expect(page.locator("#outbox").getByRole("heading", { name: "Waiting to send" })).toBeVisible();
  await expect(log.outbox).toContainText("No connection: your log is kept on this phone");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "piece-log-offline-en");
  await page.screenshot({ path: "test-results/screens/piece-log-offline-en-viewport.png" });

  await context.setOffline(false);
  await expect(log.sent).toHaveText("Logged 5 pieces. Your coordinator will count them when you hand them in.");
  await expect(page.getByText("20 pieces in all, 5 pieces logged")).toBeVisible();
  await expect(log.entries).toHaveCount(1);
  await context.close();
});
