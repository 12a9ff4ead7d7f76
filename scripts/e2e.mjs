// `npm run test:e2e`: the browser journeys (tests/e2e) in Debian's Chromium.
//   node scripts/e2e.mjs [playwright test arguments...]
// 1. fails (never skips) when /usr/bin/chromium is missing
// 2. builds the app (Prisma clients + remix build)
// 3. migrates and seeds a fresh SQLite database in tests/.tmp/
// 4. starts `node server.mjs` on a free loopback port and waits for /login
// 5. runs `playwright test` against it (extra arguments are passed on)
// 6. always stops the server and deletes the database and its photo folder; exits with Playwright's code
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CHROMIUM = "/usr/bin/chromium";
const READY_TIMEOUT_MS = 30_000;
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (text) => console.log(`[e2e ${seconds()}] ${text}`);

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium is needed for the browser tests and ${CHROMIUM} does not exist.`);
  console.error(
    "Install it (with the Chinese fonts the screenshots need):  apt-get install -y chromium fonts-noto-cjk",
  );
  process.exit(1);
}

const tmpDir = join(root, "tests/.tmp");
const dbFile = join(tmpDir, `e2e-${process.pid}.db`);
const databaseUrl = `file:${dbFile}`;
const photoDir = join(tmpDir, `e2e-${process.pid}-photos`);
let server = null;
let playwright = null;
let serverLog = "";
/**
 * The server's output for a failure report: everything but its one-line-per-request
 * JSON log (thousands of lines in a full run), except requests that got a 5xx.
 */
function serverOutput() {
  const lines = serverLog.trimEnd().split("\n");
  const requests = lines.filter((line) => line.startsWith('{"time"')).length;
  const kept = lines.filter((line) => !line.startsWith('{"time"') || /"status":5\d\d/.test(line));
  return `${kept.join("\n")}\n(${requests} request log lines, only those with a 5xx shown)`;
}
let cleanup = null;

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Deletes this run's database and photos, and those left by runs that were killed (their pid is gone). */
function deleteDatabase({ stale = false } = {}) {
  if (!existsSync(tmpDir)) return;
  for (const name of readdirSync(tmpDir)) {
    const match = /^e2e-(\d+)(\.db(-.*)?|-photos)$/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || (stale && !isRunning(pid))) rmSync(join(tmpDir, name), { recursive: true, force: true });
  }
}

/** Stops Playwright and the server and deletes the database; every caller awaits the same run of it. */
function cleanUp() {
  cleanup ??= (async () => {
    if (playwright && playwright.exitCode === null && playwright.signalCode === null) playwright.kill("SIGTERM");
    await stopServer();
    deleteDatabase();
  })();
  return cleanup;
}

async function fail(message, code = 1) {
  console.error(`\n✗ ${message}`);
  if (serverLog) console.error(`--- server output ---\n${serverOutput()}\n---------------------`);
  await cleanUp();
  process.exit(code);
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the browser tests and the server…`);
    void cleanUp().then(() => process.exit(130));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForLogin(baseUrl) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server exited (${server.exitCode ?? server.signalCode}) before answering`);
    }
    try {
      const response = await fetch(`${baseUrl}/login`, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`GET ${baseUrl}/login did not return 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${last})`);
}

try {
  log("building (npm run build)…");
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) await fail(`the build failed (exit ${build.status ?? build.signal})`, build.status || 1);

  mkdirSync(tmpDir, { recursive: true });
  deleteDatabase({ stale: true });
  const env = { ...process.env, DATABASE_URL: databaseUrl, PHOTO_DIR: photoDir };
  log(`migrating and seeding ${dbFile}…`);
  const { migrate } = await import("./db-migrate.mjs");
  migrate(env);
  execFileSync(process.execPath, ["--import", "tsx", join(root, "prisma/seed.ts")], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`starting node server.mjs on ${baseUrl}…`);
  server = spawn(process.execPath, [join(root, "server.mjs")], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", PIECEWORK_DEMO: "1", PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (chunk) => (serverLog += chunk));
  server.stderr.on("data", (chunk) => (serverLog += chunk));
  await waitForLogin(baseUrl);
  log("server ready; running playwright test");

  playwright = spawn(join(root, "node_modules/.bin/playwright"), ["test", ...process.argv.slice(2)], {
    cwd: root,
    // E2E_DATABASE_URL (and the server's PHOTO_DIR): for journeys that need data no page can make yet
    // (tests/e2e/seed-receiving.ts).
    env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_DATABASE_URL: databaseUrl, E2E_PHOTO_DIR: photoDir },
    stdio: "inherit",
  });
  const code = await new Promise((resolve) => playwright.once("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  if (code !== 0 && serverLog.trim()) {
    console.error(`--- server output ---\n${serverOutput()}\n---------------------`);
  }
  await cleanUp();
  log(code === 0 ? "browser tests passed" : `browser tests failed (exit ${code})`);
  process.exit(interrupted ? 130 : code);
} catch (error) {
  await fail(error instanceof Error ? error.message : String(error));
}
