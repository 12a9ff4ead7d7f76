// The worker's pages are light on a cheap phone: the first load of each
// (everything the browser fetches: HTML, CSS, every script and module) is at
// most 100 KB with Brotli; no page loads decimal.js; the worker's home loads no
// form library. Sizes are what this browser actually fetched, compressed here
// with Brotli 11 (as precompressed assets would be sent).
// Accounts: 刘晓燕 13800000012 (changes nothing).
import { expect, test, type Page } from "@playwright/test";
import { FORM_LIBRARIES, WORKER_PAGE_BUDGET_BYTES, sizesOf } from "../support/page-weight.ts";
import { logIn } from "./support.ts";

type Fetched = { url: string; type: string; body: Buffer };

/** Opens `path` as a fresh page load and returns every same-origin response the page fetched. */
async function firstLoad(page: Page, path: string): Promise<Fetched[]> {
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  const fetched: Promise<Fetched | null>[] = [];
  const onResponse = (response: import("@playwright/test").Response) => {
    if (new URL(response.url()).origin !== origin) return;
    fetched.push(
      response
        .body()
        .then((body) => ({ url: response.url(), type: response.request().resourceType(), body }))
        .catch(() => null),
    );
  };
  page.on("response", onResponse);
  // A cold cache: what a phone fetches the first time.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await page.goto(path, { waitUntil: "networkidle" });
  page.off("response", onResponse);
  return (await Promise.all(fetched)).filter((f): f is Fetched => f !== null);
}

function report(path: string, fetched: Fetched[]) {
  const rows = fetched.map((f) => ({ ...f, ...sizesOf(f.body) }));
  const total = rows.reduce((sum, r) => sum + r.brotli, 0);
  console.log(
    `${path}: ${total} bytes with Brotli\n` +
      rows.map((r) => `  ${r.type.padEnd(10)} ${String(r.brotli).padStart(7)} ${new URL(r.url).pathname}`).join("\n"),
  );
  return total;
}

test("every worker page (home, claim, account) loads at most 100 KB with Brotli the first time", async ({ page }) => {
  await page.goto("/login");
  await logIn(page, "13800000012");
  await expect(page).toHaveURL("/worker");

  for (const [path, heading] of [
    ["/worker", "刘晓燕，您好"],
    ["/worker/claim", "接活"],
    ["/account", "我的账号"],
  ] as const) {
    const fetched = await firstLoad(page, path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    expect(fetched.some((f) => f.type === "document")).toBe(true);
    expect(fetched.some((f) => f.type === "stylesheet")).toBe(true);
    expect(report(path, fetched), `first load of ${path}, Brotli bytes`).toBeLessThanOrEqual(WORKER_PAGE_BUDGET_BYTES);
    if (path === "/worker") {
      const scripts = fetched.filter((f) => f.type === "script").map((f) => f.body.toString("utf8"));
      const found = FORM_LIBRARIES.filter((lib) => scripts.some((s) => s.includes(lib.marker))).map((l) => l.name);
      expect(found, "form libraries on the worker's home").toEqual([]);
    }
  }
});

test("the login page validates in the browser with zod and react-hook-form, without decimal.js", async ({ page }) => {
  const fetched = await firstLoad(page, "/login");
  const scripts = fetched.filter((f) => f.type === "script").map((f) => f.body.toString("utf8"));
  const present = (marker: string) => scripts.some((s) => s.includes(marker));
  // The markers are right: the form libraries are found where they are used...
  expect(FORM_LIBRARIES.filter((lib) => present(lib.marker)).map((lib) => lib.name)).toEqual([
    "react-hook-form",
    "zod",
  ]);
  // ...and the money arithmetic (decimal.js) stays on the server.
  expect(present("[DecimalError]")).toBe(false);
});
