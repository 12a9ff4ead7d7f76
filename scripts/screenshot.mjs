// Developer tool: screenshots of pages in Debian's Chromium at a phone or
// desktop viewport, to look at before calling a page done.
//   node scripts/screenshot.mjs <baseUrl> <outDir> <phone|-> <path> [<path>...] [--desktop]
import { chromium } from "@playwright/test";

const [baseUrl = "http://localhost:3000", outDir = "/tmp/shots", phone = "-", ...rest] = process.argv.slice(2);
const desktop = rest.includes("--desktop");
const paths = rest.filter((p) => !p.startsWith("--"));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const context = await browser.newContext(
  desktop
    ? { viewport: { width: 1280, height: 800 } }
    : { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
);
const page = await context.newPage();
if (phone !== "-") {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="phone"]').fill(phone);
  await page.locator('input[name="password"]').fill(process.env.PASSWORD ?? "qiaoshou123");
  await page.locator('button[type="submit"]').last().click();
  await page.waitForLoadState("networkidle");
}
for (const path of paths) {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForLoadState("networkidle");
  const file = `${outDir}/${phone === "-" ? "anon" : phone}${path.replace(/[^a-z0-9]+/gi, "_")}${desktop ? "_desk" : ""}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
