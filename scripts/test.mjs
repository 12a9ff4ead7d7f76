// `npm test`: the whole suite, as CI runs it. Nothing is skipped:
//   1. install (when node_modules is missing) and generate the Prisma clients
//   2. typecheck and lint
//   3. unit tests (domain, i18n, schemas), db tests on SQLite, and the
//      operator's SQLite commands (backup, restore)
//   4. the same db tests on PostgreSQL (TEST_POSTGRES_URL, or a throwaway
//      cluster started by scripts/pg-cluster.sh)
//   5. browser journeys in Debian's Chromium (scripts/e2e.mjs, which builds)
//   6. the production start on PostgreSQL, against that build
//      (tests/production, vitest.production.config.ts)
// A missing PostgreSQL or Chromium is a failure, never a skip.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules/.bin", name);
const started = Date.now();
const totals = { passed: 0, failed: 0 };

function step(title, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${title}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
    process.exit(1);
  }
  console.log(`✓ ${title} (${seconds} s)`);
}

function vitest(title, args, env = {}) {
  const report = join(root, "tests/.tmp", `vitest-${Date.now()}.json`);
  step(
    title,
    bin("vitest"),
    ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
  );
  const json = JSON.parse(readFileSync(report, "utf8"));
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  rmSync(report, { force: true });
}

mkdirSync(join(root, "tests/.tmp"), { recursive: true });
if (!existsSync(bin("vitest"))) step("install dependencies", "npm", ["ci", "--no-audit", "--no-fund"]);
// Before generating (which rewrites it): the committed PostgreSQL schema must match the SQLite source.
step("PostgreSQL schema is in sync with prisma/schema.prisma", process.execPath, [
  join(root, "scripts/schema-sync.mjs"),
  "--check",
]);
step("generate Prisma clients", process.execPath, [join(root, "scripts/generate.mjs")]);
step("typecheck", bin("tsc"), ["--noEmit"]);
step("lint", bin("eslint"), [".", "--max-warnings=0"]);
step("format (Prettier)", bin("prettier"), ["--check", "."]);
vitest("unit, db tests on SQLite, backup/restore", ["--project", "unit", "--project", "db", "--project", "ops"], {
  TEST_DATABASE: "sqlite",
});

let postgresUrl = process.env.TEST_POSTGRES_URL;
if (!postgresUrl) {
  try {
    const out = execFileSync("bash", [join(root, "scripts/pg-cluster.sh"), "start"], { encoding: "utf8" });
    postgresUrl = out.trim().replace(/^export TEST_POSTGRES_URL=/, "");
  } catch (error) {
    console.error(
      "PostgreSQL is needed for the db tests: install it (apt-get install -y postgresql) or set TEST_POSTGRES_URL.",
    );
    console.error(String(error));
    console.log(`${totals.passed} passed, 1 failed`);
    process.exit(1);
  }
}
vitest("db tests on PostgreSQL", ["--project", "db"], { TEST_DATABASE: "postgresql", TEST_POSTGRES_URL: postgresUrl });

const e2eReport = join(root, "tests/.tmp", `e2e-${Date.now()}.json`);
step("browser journeys (Chromium)", process.execPath, [join(root, "scripts/e2e.mjs"), "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
});
if (existsSync(e2eReport)) {
  const stats = JSON.parse(readFileSync(e2eReport, "utf8")).stats ?? {};
  totals.passed += stats.expected ?? 0;
  totals.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  rmSync(e2eReport, { force: true });
}

vitest(
  "production start on PostgreSQL (migrate, admin:create, login, /healthz, SIGTERM)",
  ["--config", "vitest.production.config.ts"],
  { TEST_POSTGRES_URL: postgresUrl },
);

console.log(`\nAll suites passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
if (totals.failed > 0) process.exit(1);
