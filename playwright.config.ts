// Browser journeys in Debian's Chromium (Playwright's own browser downloads
// cannot work on these machines), at the size of a cheap Android phone.
// Run them with `node scripts/e2e.mjs` (npm run test:e2e): it builds the app,
// seeds a throwaway SQLite database, starts the server on a free port and
// passes its address here as E2E_BASE_URL. There is deliberately no
// `webServer` entry: the runner owns the server's life cycle.
import { defineConfig } from "@playwright/test";

const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) {
  throw new Error(
    "E2E_BASE_URL is not set. Run the browser tests with `node scripts/e2e.mjs` (it starts the app and sets it).",
  );
}

/** Journeys that leave orders or tasks on the shared demo accounts. */
const CHANGES_DEMO_DATA = [
  /orders\.spec\.ts$/,
  /friction\.spec\.ts$/,
  /receiving\.spec\.ts$/,
  /piece-log\.spec\.ts$/,
  /piece-log-review\.spec\.ts$/,
];
/**
 * Journeys that leave an order of the partner's own soap on the demo accounts,
 * which orders.spec.ts (expecting one soap order on the partner's list) must not see.
 */
const CHANGES_PARTNER_ORDERS = [/materials\.spec\.ts$/];
/**
 * Journeys whose seed script writes many rows from a process of its own: a second
 * SQLite writer next to the server, whose transactions can meet another's in a
 * lock neither waits out (SQLITE_BUSY at once: a 500 for the other journey, or a
 * failed seed). They run last and alone.
 */
// review-walk8 runs the piece-log seed beside the server (as piece-log.spec does): beside other journeys,
// a login waited out SQLite's 10 s lock while the two seeds wrote.
const SEEDS_ALONE = [
  /worker-month\.spec\.ts$/,
  /quality\.spec\.ts$/,
  /pay\.spec\.ts$/,
  /dashboard\.spec\.ts$/,
  /district\.spec\.ts$/,
  /review-walk8\.spec\.ts$/,
  /review-walk9\.spec\.ts$/,
  /notices\.spec\.ts$/,
  /statement\.spec\.ts$/,
  /review-walk10\.spec\.ts$/,
];
/**
 * Journeys whose seed script makes a workshop of their own (its coordinator,
 * stock and orders), so they change nothing the others look at; their seed
 * writes beside the server (retried on SQLITE_BUSY), so they run after the first group.
 */
const OWN_WORKSHOP = [/coordinator-review-fixes\.spec\.ts$/, /onboard\.spec\.ts$/, /review-walk-import\.spec\.ts$/];

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  // The demo accounts are shared between files: each file uses its own
  // accounts (see the comments at the top of each spec), so two files may run
  // side by side, while the tests inside one file run in order.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    browserName: "chromium",
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "off",
    video: "off",
    launchOptions: {
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
    },
  },
  projects: [
    {
      name: "chromium-phone",
      testIgnore: [...CHANGES_DEMO_DATA, ...CHANGES_PARTNER_ORDERS, ...SEEDS_ALONE, ...OWN_WORKSHOP],
    },
    // Journeys that change what the others look at (orders and tasks of the
    // demo accounts, which the home-page journeys expect to be empty) run after them,
    // with the journeys of a workshop of their own (their seed writes beside the server).
    {
      name: "chromium-phone-after",
      testMatch: [...CHANGES_DEMO_DATA, ...OWN_WORKSHOP],
      dependencies: ["chromium-phone"],
    },
    { name: "chromium-phone-last", testMatch: CHANGES_PARTNER_ORDERS, dependencies: ["chromium-phone-after"] },
    // One at a time: each seeds beside the server, and two seeds at once wait out SQLite's lock.
    { name: "chromium-phone-alone", testMatch: SEEDS_ALONE, dependencies: ["chromium-phone-last"], workers: 1 },
  ],
});
