// Small steps shared by the journeys. Everything else is spelled out in the
// specs, with the Chinese (and English) a person sees on the screen.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "qiaoshou123";

/** Fills in the login form (in Chinese) and submits it. */
/**
 * Fills and sends the login form. Unless `sent: false` (the browser's own check stops the form), waits for
 * the login's answer: the password hash is slow on purpose, slower still on a busy machine, so the caller's
 * next 5 s expectation measures the page, not the hash.
 */
export async function logIn(page: Page, phone: string, password = DEMO_PASSWORD, { sent = true } = {}) {
  await page.getByLabel("手机号", { exact: true }).fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(password);
  if (!sent) {
    await page.getByRole("button", { name: "登录", exact: true }).click();
    return;
  }
  // The answer is seen as the login POST's response, or (when the page's service worker fetched it, whose
  // responses the page does not always report) as the page leaving /login.
  const seen = (wait: Promise<unknown>) =>
    wait.then(
      () => true,
      () => false,
    );
  const outcomes = [
    seen(
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/login"), {
        timeout: 30_000,
      }),
    ),
    seen(page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 30_000 })),
  ];
  await page.getByRole("button", { name: "登录", exact: true }).click();
  expect(await Promise.race(outcomes), "the login was answered within 30 s").toBe(true);
}

/** A full-page picture for a human to look at, kept in test-results/screens/. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** The page has no horizontal scroll at the phone's width (or the given one). */
export async function expectNoHorizontalScroll(page: Page, viewportWidth = 390) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "document scrollWidth").toBeLessThanOrEqual(viewportWidth);
}

/**
 * Waits until React has hydrated the page's form, so that what follows runs
 * the browser-side validation rather than a plain form post.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const form = document.querySelector("form[method='post']");
    return form !== null && Object.keys(form).some((key) => key.startsWith("__reactProps"));
  });
}
