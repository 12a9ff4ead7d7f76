// The documented production path (README "Production", docs/deploy.md), end to
// end: the build from `npm run build`, a fresh PostgreSQL database migrated
// with `npm run db:migrate`, the first admin made with the README's own
// admin:create command, `node server.mjs` with NODE_ENV=production and a
// SESSION_SECRET (no demo), a login through the real login form, /healthz,
// and SIGTERM while a slow request is in flight: it completes with its normal
// answer and the server exits 0.
// Needs the build and TEST_POSTGRES_URL; `npm test` runs it after the browser
// journeys (which build): `npx vitest run --config vitest.production.config.ts`.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { postgresServerUrl, withDatabase } from "../setup/db-engine.ts";

const root = path.resolve(".");
const databaseName = `piecework_production_${process.pid}`;
let databaseUrl = "";
const sessionSecret = randomBytes(32).toString("base64url");
let server: ChildProcess | null = null;
let serverExit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null;
let serverLog = "";
let origin = "";
let admin = { phone: "", name: "", password: "" };
let sessionCookie = "";

async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresServerUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The environment of an operator's shell: no test or demo settings, DATABASE_URL exported. */
function operatorEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, ...extra };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|PIECEWORK_|TEST_)/.test(key) || key === "NODE_ENV" || key === "TRUST_PROXY") delete env[key];
  }
  return { ...env, ...extra };
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  expect(
    existsSync(path.join(root, "build/index.js")),
    "the production build is missing: run `npm run build` first",
  ).toBe(true);
  await pgAdmin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await pgAdmin(`CREATE DATABASE "${databaseName}"`);
  databaseUrl = withDatabase(postgresServerUrl(), databaseName);
});

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  await pgAdmin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

test("npm run db:migrate creates the tables on a fresh PostgreSQL database", async () => {
  const result = await run("npm", ["run", "--silent", "db:migrate"], operatorEnv());
  expect(result.code, result.output).toBe(0);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const applied = await client.query(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
    );
    const expected = readdirSync(path.join(root, "prisma/postgresql/migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(applied.rows.map((r) => r.migration_name)).toEqual(expected);
    expect((await client.query('SELECT count(*)::int AS n FROM "User"')).rows[0].n).toBe(0);
  } finally {
    await client.end();
  }
});

test("the README's admin:create command creates the first admin", async () => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const command = /^PIECEWORK_ADMIN_PHONE=.*npm run admin:create$/m.exec(readme)?.[0];
  expect(command, "README.md shows the admin:create command with its variables on one line").toBeDefined();
  admin = {
    phone: /PIECEWORK_ADMIN_PHONE=(\d+)/.exec(command!)?.[1] ?? "",
    name: /PIECEWORK_ADMIN_NAME="([^"]+)"/.exec(command!)?.[1] ?? "",
    password: /PIECEWORK_ADMIN_PASSWORD="([^"]+)"/.exec(command!)?.[1] ?? "",
  };
  expect(admin.phone).toMatch(/^1\d{10}$/);
  expect(admin.password.length).toBeGreaterThanOrEqual(8);

  const result = await run("sh", ["-c", command!], operatorEnv());
  expect(result.code, result.output).toBe(0);
  expect(result.output).toContain(`Created admin ${admin.name}`);
  expect(result.output).not.toContain(admin.password);
});

test("node server.mjs starts in production mode on PostgreSQL, without demo accounts; /healthz answers", async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: operatorEnv({ NODE_ENV: "production", SESSION_SECRET: sessionSecret, PORT: String(port), HOST: "127.0.0.1" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  serverExit = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  child.stdout!.on("data", (chunk) => (serverLog += chunk));
  child.stderr!.on("data", (chunk) => (serverLog += chunk));

  const deadline = Date.now() + 30_000;
  let login: Response | null = null;
  while (!login && Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${serverLog}`);
    login = await fetch(`${origin}/login`).catch(() => null);
    if (!login) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(login?.status, serverLog).toBe(200);
  expect(await login!.text()).not.toContain("qiaoshou123"); // no demo logins offered

  const health = await fetch(`${origin}/healthz`);
  expect(health.status, serverLog).toBe(200);
  const body = await health.text();
  expect(JSON.parse(body)).toEqual({ status: "ok" });
  expect(body).not.toContain(sessionSecret);
  expect(body).not.toContain("postgres");
});

/** The field names of each form on a page, read from its HTML. */
function formsOf(html: string): string[][] {
  return [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((form) =>
    [...form[1]!.matchAll(/<input[^>]*\bname="([^"]+)"/g)].map((m) => m[1]!).sort(),
  );
}

test("the first admin logs in through the login form", async () => {
  const page = await fetch(`${origin}/login`);
  expect(formsOf(await page.text())).toContainEqual(["password", "phone", "redirectTo"]);
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ redirectTo: "", phone: admin.phone, password: admin.password }),
  });
  expect(response.status, serverLog).toBe(302);
  expect(response.headers.get("location")).toBe("/admin");
  const setCookie = response.headers.get("set-cookie") ?? "";
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/Secure/i); // production cookies
  const cookie = setCookie.split(";")[0]!;
  sessionCookie = cookie;

  const home = await fetch(`${origin}/admin`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(home.status).toBe(200);
  expect(await home.text()).toContain(admin.name);
});

/** Sends a request by hand: headers and the first part of the body now, the rest when `finish` is called. */
function slowPost(url: string, body: string, splitAt: number) {
  const target = new URL(url);
  let resolveResponse: (value: { status: number; location: string | undefined; body: string }) => void;
  let rejectResponse: (error: Error) => void;
  const answer = new Promise<{ status: number; location: string | undefined; body: string }>((resolve, reject) => {
    resolveResponse = resolve;
    rejectResponse = reject;
  });
  const request = http.request(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: "POST",
      agent: false,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Origin: origin,
      },
    },
    (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () =>
        resolveResponse({ status: response.statusCode ?? 0, location: response.headers.location, body: text }),
      );
    },
  );
  request.on("error", (error) => rejectResponse(error));
  request.write(body.slice(0, splitAt));
  return { answer, finish: () => request.end(body.slice(splitAt)) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("SIGTERM during a slow request: the request completes with its normal answer, new connections are refused, exit 0", async () => {
  const body = new URLSearchParams({ redirectTo: "", phone: admin.phone, password: admin.password }).toString();
  const slow = slowPost(`${origin}/login`, body, Math.floor(body.length / 2));
  await pause(300); // the server has the headers and half the body
  server!.kill("SIGTERM");
  await pause(300);

  const refused = await fetch(`${origin}/login`, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => `answered ${response.status}`,
    (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
  );
  expect(refused, "a new connection after SIGTERM").toBe("ECONNREFUSED");

  await pause(400);
  slow.finish(); // the rest of the body, about 1 s after the first half
  const answer = await slow.answer;
  expect(answer.status, serverLog).toBe(302); // the login's normal answer
  expect(answer.location).toBe("/admin");

  const exit = await Promise.race([serverExit!, pause(15_000).then(() => "still running after 15 s")]);
  expect(exit, serverLog).toEqual({ code: 0, signal: null });
});

test("nothing the server wrote contains the password, the session cookie or the session secret", () => {
  expect(serverLog.length).toBeGreaterThan(0);
  expect(serverLog).not.toContain(admin.password);
  expect(serverLog).not.toContain(sessionCookie.split("=")[1]);
  expect(serverLog).not.toContain(sessionSecret);
});
