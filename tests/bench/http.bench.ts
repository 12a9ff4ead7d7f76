// The worker's pages over HTTP, on the production build, against the
// logged-out /login page as the baseline in the same run:
//   1. builds when build/ is missing or older than the sources (BENCH_BUILD=1 forces it)
//   2. migrates and seeds a throwaway SQLite database, and gives the demo worker
//      陈美华 six tasks and two orders to claim from (http-fixtures.ts)
//   3. starts `node server.mjs` (NODE_ENV=production, PIECEWORK_DEMO=1) on a free loopback port
//   4. logs her in (20 sessions, one per connection), checks each page answers 200 with her
//      data, warms up, then runs autocannon at 20 connections for BENCH_SECONDS (default 10)
//      per route, in BENCH_ROUNDS (default 6) interleaved rounds:
//      /login (logged out, the baseline), /worker, /worker/claim, /account
//   5. prints req/s, p50/p99, the server's CPU time per request, and the ratios against
//      the baseline (target: req/s >= 0.7x, p99 <= 2x), and the first-load bytes of each
//      worker page (raw, gzip -9, Brotli 11; budget 100 KB) with its assets
// Ratios are what count: other processes share the machine's cores. Where they
// are busy, req/s swings with the share of CPU the server gets; its CPU time
// per request (from /proc) is the steadier figure.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon, { type Result } from "autocannon";
import { migrate } from "../../scripts/db-migrate.mjs";
import {
  formLibrariesIn,
  measureFirstLoad,
  PHONE_USER_AGENT,
  WORKER_PAGE_BUDGET_BYTES,
  type PageWeight,
} from "../support/page-weight.ts";

const root = join(import.meta.dirname, "../..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const CONNECTIONS = 20;
const TARGET_RATE_RATIO = 0.7;
const TARGET_P99_RATIO = 2;
const PASSWORD = "qiaoshou123";

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === "generated") continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function buildIfNeeded(): void {
  const built = join(root, "build/index.js");
  const stale =
    !existsSync(built) ||
    statSync(built).mtimeMs < Math.max(newestMtime(join(root, "app")), newestMtime(join(root, "remix.config.js")));
  if (!stale && process.env.BENCH_BUILD !== "1") return;
  console.log("http: building (npm run build)…");
  // NODE_ENV=production: this process runs with NODE_ENV=test, and a build made under it renders with jsxDEV.
  const build = spawnSync("npm", ["run", "--silent", "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) throw new Error(`the build failed (exit ${build.status ?? build.signal})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      if ((await fetch(url, { redirect: "manual" })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200 within 30 s`);
}

async function logIn(baseUrl: string, phone: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ phone, password: PASSWORD, redirectTo: "" }),
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("__piecework_session="));
  if (response.status !== 302 || !cookie) throw new Error(`login as ${phone} failed: HTTP ${response.status}`);
  return cookie.split(";")[0]!;
}

/** The bytes this server actually sends for a path when the client accepts Brotli and gzip, and its encoding. */
function onTheWire(baseUrl: string, path: string, cookie?: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, baseUrl),
      {
        headers: {
          "Accept-Encoding": "br, gzip",
          "User-Agent": PHONE_USER_AGENT,
          ...(cookie ? { Cookie: cookie } : {}),
        },
      },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "identity") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** A route to load; `cookies` (one session each) are used in turn, request by request. */
type Route = { label: string; path: string; cookies?: string[]; mustContain: string[] };

/** CPU time (user + system) the server process has used so far, in ms, from /proc (Linux); null elsewhere. */
function serverCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // Fields 14 and 15 of stat (utime, stime), counted from the state field (3rd), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

type Run = Result & { cpuMsPerRequest: number | null };

async function load(baseUrl: string, route: Route, seconds: number, pid?: number): Promise<Run> {
  const cpuBefore = serverCpuMs(pid);
  const cookies = route.cookies ?? [];
  let next = 0;
  const result = await autocannon({
    url: `${baseUrl}${route.path}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { "user-agent": PHONE_USER_AGENT },
    requests: [
      {
        setupRequest: (req) =>
          cookies.length === 0
            ? req
            : { ...req, headers: { ...req.headers, cookie: cookies[next++ % cookies.length]! } },
      },
    ],
  });
  const cpuAfter = serverCpuMs(pid);
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${route.path}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers ` +
        `(${JSON.stringify(result.statusCodeStats)})`,
    );
  }
  const cpuMsPerRequest =
    cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / result.requests.total;
  return { ...result, cpuMsPerRequest };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function printWeight(weight: PageWeight, wire: { bytes: number; encoding: string }[]): void {
  const within = weight.total.brotli <= WORKER_PAGE_BUDGET_BYTES;
  const forms = formLibrariesIn(weight);
  console.log(
    `  ${weight.path.padEnd(14)} raw ${kb(weight.total.raw).padStart(9)}  gzip ${kb(weight.total.gzip).padStart(8)}  ` +
      `brotli ${kb(weight.total.brotli).padStart(8)}  (JS ${kb(weight.byKind.js.brotli)} br)  ` +
      `sent ${kb(wire.reduce((sum, w) => sum + w.bytes, 0))}  ` +
      `${within ? "within" : "OVER"} the ${kb(WORKER_PAGE_BUDGET_BYTES)} budget; form libraries: ${forms.join(", ") || "none"}`,
  );
  for (const [i, a] of weight.assets.entries()) {
    const w = wire[i]!;
    console.log(
      `      ${a.kind.padEnd(4)} ${a.path.padEnd(44)} ${String(a.raw).padStart(7)} ${String(a.gzip).padStart(7)} ` +
        `${String(a.brotli).padStart(7)}   sent ${String(w.bytes).padStart(7)} ${w.encoding}`,
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), "piecework-http-bench-"));
let server: ChildProcess | null = null;
try {
  buildIfNeeded();
  const databaseUrl = `file:${join(dir, "bench.db")}`;
  process.env.DATABASE_URL = databaseUrl;
  migrate({ ...process.env, DATABASE_URL: databaseUrl });
  const { seedDemo } = await import("../../prisma/seed.ts");
  const { BENCH_WORKER_PHONE, createWorkerTasks } = await import("./http-fixtures.ts");
  const { disconnectDb } = await import("../../app/infra/db.server.ts");
  await seedDemo();
  const fixtures = await createWorkerTasks();
  await disconnectDb();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(root, "server.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      PIECEWORK_DEMO: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor(`${baseUrl}/login`, server);
  // As many sessions as connections, used in turn: no two requests in flight
  // share a cookie, as on a real day (each phone has its own session).
  const cookies: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) cookies.push(await logIn(baseUrl, BENCH_WORKER_PHONE));
  const cookie = cookies[0]!;

  const baseline: Route = { label: "/login (logged out)", path: "/login", mustContain: ["<form"] };
  const routes: Route[] = [
    { label: "/worker", path: "/worker", cookies, mustContain: ["陈美华", "task-card"] },
    { label: "/worker/claim", path: "/worker/claim", cookies, mustContain: ["claim-card"] },
    { label: "/account (worker)", path: "/account", cookies, mustContain: ["陈美华"] },
  ];
  // Her log page 报工, for the first task on her home page.
  const home = await (await fetch(`${baseUrl}/worker`, { headers: { Cookie: cookie } })).text();
  const logPath = /href="(\/worker\/tasks\/[A-Za-z0-9_-]+)"/.exec(home)?.[1];
  if (!logPath) throw new Error("/worker: no task card links to a log page");
  routes.push({ label: "/worker/tasks/<id>", path: logPath, cookies, mustContain: ["log-quantity", "data-outbox"] });
  for (const route of [baseline, ...routes]) {
    const response = await fetch(`${baseUrl}${route.path}`, {
      headers: { "User-Agent": PHONE_USER_AGENT, ...(route.cookies ? { Cookie: cookie } : {}) },
      redirect: "manual",
    });
    const html = await response.text();
    const missing = route.mustContain.filter((text) => !html.includes(text));
    if (response.status !== 200 || missing.length > 0) {
      throw new Error(`${route.path}: HTTP ${response.status}, missing ${missing.join(", ")}`);
    }
  }
  const taskCards = (
    (await (await fetch(`${baseUrl}/worker`, { headers: { Cookie: cookie } })).text()).match(/class="task-card/g) ?? []
  ).length;

  console.log(
    `http: production build, SQLite, ${CONNECTIONS} connections, ${SECONDS} s per route; worker 陈美华 with ` +
      `${fixtures.tasks} tasks (${taskCards} cards on /worker), ${fixtures.openOrders} orders open for claiming`,
  );
  const pid = server.pid;
  for (const route of [baseline, ...routes]) await load(baseUrl, route, Math.min(2, SECONDS), pid); // warm up

  // BENCH_ROUNDS short runs per route, in the order A B C D, D C B A, A B C D...:
  // a change in the machine's load (other processes) weighs on all alike.
  const order = [baseline, ...routes];
  const runs = new Map<Route, Run[]>(order.map((route) => [route, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const route of round % 2 === 0 ? order : [...order].reverse()) {
      runs.get(route)!.push(await load(baseUrl, route, SECONDS / ROUNDS, pid));
    }
  }
  const mean = (route: Route, pick: (r: Run) => number) =>
    runs.get(route)!.reduce((sum, r) => sum + pick(r), 0) / runs.get(route)!.length;
  // Requests answered over the route's whole time, all rounds together.
  const rate = (route: Route) => mean(route, (r) => r.requests.total) / (SECONDS / ROUNDS);
  // Latencies: the median of the runs' percentiles, so that one run caught by a
  // stall of the machine (another process, a GC pause) does not speak for all.
  const median = (route: Route, pick: (r: Run) => number) => {
    const values = runs
      .get(route)!
      .map(pick)
      .sort((a, b) => a - b);
    const middle = values.length / 2;
    return values.length % 2 === 1 ? values[Math.floor(middle)]! : (values[middle - 1]! + values[middle]!) / 2;
  };
  const p50 = (route: Route) => median(route, (r) => r.latency.p50);
  const p99 = (route: Route) => median(route, (r) => r.latency.p99);
  const cpu = (route: Route) =>
    runs.get(route)!.every((r) => r.cpuMsPerRequest !== null) ? mean(route, (r) => r.cpuMsPerRequest!) : null;

  console.log(
    `  ${"route".padEnd(22)} ${"req/s".padStart(6)}  ${"p50".padStart(7)}  ${"p99".padStart(7)}  ${"server CPU".padStart(10)}`,
  );
  const line = (label: string, route: Route, extra = "") => {
    const cpuMs = cpu(route);
    console.log(
      `  ${label.padEnd(22)} ${rate(route).toFixed(0).padStart(6)}  ${p50(route).toFixed(0).padStart(4)} ms  ` +
        `${p99(route).toFixed(0).padStart(4)} ms  ${cpuMs === null ? "       n/a" : `${cpuMs.toFixed(2).padStart(5)} ms/req`}${extra}`,
    );
  };
  const baseRuns = runs.get(baseline)!.map((r) => (r.requests.total / (SECONDS / ROUNDS)).toFixed(0));
  line(baseline.label, baseline, `   baseline (its runs: ${baseRuns.join(", ")} req/s)`);
  for (const route of routes) {
    const rateRatio = rate(route) / rate(baseline);
    const p99Ratio = p99(route) / p99(baseline);
    const cpuRoute = cpu(route);
    const cpuBase = cpu(baseline);
    const cpuRatio = cpuRoute !== null && cpuBase !== null ? `; CPU ${(cpuRoute / cpuBase).toFixed(2)}x` : "";
    const met = rateRatio >= TARGET_RATE_RATIO && p99Ratio <= TARGET_P99_RATIO;
    line(
      route.label,
      route,
      `   ${rateRatio.toFixed(2)}x req/s, ${p99Ratio.toFixed(2)}x p99${cpuRatio}: ` +
        `${met ? "target met" : "target NOT met"} (>= ${TARGET_RATE_RATIO}x, <= ${TARGET_P99_RATIO}x)`,
    );
  }

  console.log(
    `http: first load (HTML + CSS + every JS module), bytes raw / gzip -9 / Brotli 11, and as sent by this server:`,
  );
  for (const route of routes) {
    const weight = await measureFirstLoad(baseUrl, route.path, cookie);
    const wire = [];
    for (const a of weight.assets) wire.push(await onTheWire(baseUrl, a.path, cookie));
    printWeight(weight, wire);
  }
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
