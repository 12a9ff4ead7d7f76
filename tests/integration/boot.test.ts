// Configuration is validated once, at boot: a production start without its
// own SESSION_SECRET refuses to run (rather than signing cookies with the
// built-in demo secret), unless PIECEWORK_DEMO=1 asks for a demo.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, test } from "vitest";
import { parseEnv } from "../../app/infra/env.server.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const LONG_SECRET = "a-production-secret-of-forty-chars-long!";
const OTHER_LONG_SECRET = "the-previous-production-secret-of-40-ch";

test("production without SESSION_SECRET and without PIECEWORK_DEMO=1 refuses to boot, naming SESSION_SECRET", () => {
  expect(() => parseEnv({ NODE_ENV: "production" }, root)).toThrow(/SESSION_SECRET/);
  expect(() => parseEnv({ NODE_ENV: "production", PIECEWORK_DEMO: "0" }, root)).toThrow(/SESSION_SECRET/);
  expect(() => parseEnv({ NODE_ENV: "production", PIECEWORK_DEMO: "", SESSION_SECRET: " , " }, root)).toThrow(
    /SESSION_SECRET/,
  );
});

test("production with PIECEWORK_DEMO=1 boots as a demo with the built-in secret and no Secure-only cookies", () => {
  const env = parseEnv({ NODE_ENV: "production", PIECEWORK_DEMO: "1" }, root);
  expect(env.demo).toBe(true);
  expect(env.nodeEnv).toBe("production");
  expect(env.sessionSecrets).toHaveLength(1);
  expect(env.sessionSecrets[0]?.length).toBeGreaterThan(0);
  expect(env.secureCookies).toBe(false);
});

test("production with a secret shorter than 32 characters refuses to boot", () => {
  expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "short-secret" }, root)).toThrow(
    /SESSION_SECRET.*32/,
  );
  // Every secret in a rotation list must be long enough.
  expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: `${LONG_SECRET},short` }, root)).toThrow(/32/);
  expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(31) }, root)).toThrow(/32/);
});

test("production with a long secret boots as a real deployment: no demo, Secure cookies, the given secrets newest first", () => {
  const single = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }, root);
  expect(single).toMatchObject({ demo: false, secureCookies: true, sessionSecrets: ["x".repeat(32)] });
  const rotated = parseEnv({ NODE_ENV: "production", SESSION_SECRET: ` ${LONG_SECRET} , ${OTHER_LONG_SECRET} ` }, root);
  expect(rotated.sessionSecrets).toEqual([LONG_SECRET, OTHER_LONG_SECRET]);
  expect(rotated.demo).toBe(false);
});

test("development (the default) and test run as a demo on the embedded SQLite file", () => {
  const development = parseEnv({}, root);
  expect(development).toMatchObject({
    nodeEnv: "development",
    demo: true,
    secureCookies: false,
    databaseEngine: "sqlite",
  });
  expect(development.databaseUrl).toBe(`file:${path.join(root, "data/piecework.db")}`);
  expect(development.sessionSecrets).toHaveLength(1);
  expect(parseEnv({ NODE_ENV: "test" }, root).demo).toBe(true);
});

test("the database engine follows DATABASE_URL, and nonsense configuration is refused", () => {
  const pg = parseEnv({ NODE_ENV: "test", DATABASE_URL: "postgresql://u@127.0.0.1:5432/db" }, root);
  expect(pg.databaseEngine).toBe("postgresql");
  expect(() => parseEnv({ NODE_ENV: "test", DATABASE_URL: "mysql://u@h/db" }, root)).toThrow(/DATABASE_URL/);
  expect(() => parseEnv({ NODE_ENV: "staging" }, root)).toThrow(/NODE_ENV/);
  expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: LONG_SECRET, PIECEWORK_DEMO: "yes" }, root)).toThrow(
    /PIECEWORK_DEMO/,
  );
});

// ---------------------------------------------------------------------------
// The real server process

beforeAll(() => {
  if (existsSync(path.join(root, "build/index.js"))) return;
  const result = spawnSync(path.join(root, "node_modules/.bin/remix"), ["build"], {
    cwd: root,
    encoding: "utf8",
    timeout: 110_000,
  });
  if (result.status !== 0) throw new Error(`remix build failed:\n${result.stdout}\n${result.stderr}`);
}, 120_000);

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; timedOut: boolean };

/** Starts `node server.mjs`; resolves when it exits, or (killing it) when it says it is listening, or after 15 s. */
function startServer(env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "server.mjs")], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, 15_000);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("listening")) child.kill("SIGTERM");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

function serverEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", ...overrides };
  if (!("SESSION_SECRET" in overrides)) delete env.SESSION_SECRET;
  if (!("PIECEWORK_DEMO" in overrides)) delete env.PIECEWORK_DEMO;
  return env;
}

test(
  "`node server.mjs` in production without SESSION_SECRET exits non-zero at boot, saying SESSION_SECRET",
  { timeout: 20_000 },
  async () => {
    const run = await startServer(serverEnv({}));
    expect(run.timedOut).toBe(false);
    expect(run.stdout).not.toContain("listening");
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.stderr).toContain("SESSION_SECRET");
  },
);

test(
  "the same start with PIECEWORK_DEMO=1 does listen (so the refusal above is about the secret)",
  { timeout: 20_000 },
  async () => {
    const run = await startServer(serverEnv({ PIECEWORK_DEMO: "1" }));
    expect(run.timedOut).toBe(false);
    expect(run.stdout).toContain("listening");
    expect(run.stderr).not.toContain("SESSION_SECRET");
  },
);
