// The SQLite schema is the one source of truth; the PostgreSQL schema is
// generated from it, and each engine has its own migrations
// (docs/decisions/003-schema-sync.md). These tests fail when the two schemas
// drift, when the migration folders disagree, or when a schema change has no
// migration (checked with the engine under test, against a real database).
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const engine = (process.env.DATABASE_URL ?? "").startsWith("file:") ? "sqlite" : "postgresql";
const SQLITE_SCHEMA = path.join(root, "prisma/schema.prisma");
const PG_SCHEMA = path.join(root, "prisma/postgresql/schema.prisma");
const SQLITE_MIGRATIONS = path.join(root, "prisma/migrations");
const PG_MIGRATIONS = path.join(root, "prisma/postgresql/migrations");

const scratch = mkdtempSync(path.join(tmpdir(), "piecework-schema-sync-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? root,
    env: options.env ?? process.env,
    encoding: "utf8",
    timeout: 55_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function migrationNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort();
}

function migrateDiff(migrations: string, schema: string) {
  return run(
    path.join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-migrations", migrations, "--to-schema-datamodel", schema, "--exit-code"],
    { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
  );
}

test("scripts/schema-sync.mjs --check passes: the PostgreSQL schema is up to date", () => {
  const result = run(process.execPath, [path.join(root, "scripts/schema-sync.mjs"), "--check"]);
  expect(result.output.trim()).toBe("");
  expect(result.status).toBe(0);
});

test("the --check fails when the generated schema has drifted (so the check above means something)", () => {
  const copy = path.join(scratch, "drifted-project");
  mkdirSync(path.join(copy, "scripts"), { recursive: true });
  mkdirSync(path.join(copy, "prisma/postgresql"), { recursive: true });
  copyFileSync(path.join(root, "scripts/schema-sync.mjs"), path.join(copy, "scripts/schema-sync.mjs"));
  copyFileSync(SQLITE_SCHEMA, path.join(copy, "prisma/schema.prisma"));
  writeFileSync(
    path.join(copy, "prisma/postgresql/schema.prisma"),
    readFileSync(PG_SCHEMA, "utf8").replace("model Workshop {", "model Workshop {\n  handEdited String?"),
  );
  const result = run(process.execPath, [path.join(copy, "scripts/schema-sync.mjs"), "--check"], { cwd: copy });
  expect(result.status).toBe(1);
  expect(result.output).toContain("out of date");
});

test("the PostgreSQL schema differs from the SQLite one only in its header comment, provider and output lines", () => {
  const sqlite = readFileSync(SQLITE_SCHEMA, "utf8").split("\n");
  const [header, ...pg] = readFileSync(PG_SCHEMA, "utf8").split("\n");
  expect(header).toMatch(/^\/\/ GENERATED from prisma\/schema\.prisma/);
  expect(pg).toHaveLength(sqlite.length);
  const differing = sqlite
    .map((line, i) => ({ sqlite: line, pg: pg[i] ?? "" }))
    .filter((pair) => pair.sqlite !== pair.pg);
  expect(differing).toHaveLength(2);
  expect(differing[0]?.sqlite).toMatch(/^\s*output\s*= "\.\.\/app\/generated\/sqlite"$/);
  expect(differing[0]?.pg).toMatch(/^\s*output\s*= "\.\.\/\.\.\/app\/generated\/postgresql"$/);
  expect(differing[1]?.sqlite).toMatch(/^\s*provider = "sqlite"$/);
  expect(differing[1]?.pg).toMatch(/^\s*provider = "postgresql"$/);
});

test("both engines have the same migrations, each with its own provider lock", () => {
  const sqlite = migrationNames(SQLITE_MIGRATIONS);
  const pg = migrationNames(PG_MIGRATIONS);
  expect(sqlite.length).toBeGreaterThan(0);
  expect(pg).toEqual(sqlite);
  for (const [dir, names] of [
    [SQLITE_MIGRATIONS, sqlite],
    [PG_MIGRATIONS, pg],
  ] as const) {
    for (const name of names) {
      const sql = path.join(dir, name, "migration.sql");
      expect(existsSync(sql), `${sql} is missing`).toBe(true);
      expect(readFileSync(sql, "utf8").trim().length).toBeGreaterThan(0);
    }
  }
  expect(readFileSync(path.join(SQLITE_MIGRATIONS, "migration_lock.toml"), "utf8")).toMatch(/provider = "sqlite"/);
  expect(readFileSync(path.join(PG_MIGRATIONS, "migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);
});

const migrations = engine === "sqlite" ? SQLITE_MIGRATIONS : PG_MIGRATIONS;
const schema = engine === "sqlite" ? SQLITE_SCHEMA : PG_SCHEMA;

test(
  `applying every ${engine} migration gives exactly the current schema (migrate diff --exit-code is 0)`,
  { timeout: 60_000 },
  () => {
    const result = migrateDiff(migrations, schema);
    expect(result.output).toContain("No difference detected");
    expect(result.status).toBe(0);
  },
);

test(`the ${engine} drift check fails (exit 2) for a schema change that has no migration`, { timeout: 60_000 }, () => {
  const drifted = path.join(scratch, "drifted.prisma");
  const text = readFileSync(schema, "utf8");
  expect(text).toContain("model Workshop {");
  writeFileSync(drifted, text.replace("model Workshop {", "model Workshop {\n  driftCheckField String?"));
  const result = migrateDiff(migrations, drifted);
  expect(result.output).toContain("driftCheckField");
  expect(result.status).toBe(2);
});
