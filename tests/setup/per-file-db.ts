// A fresh database for each test file, copied from the migrated template.
// DATABASE_URL is set before the test file imports any app module, and so is
// PHOTO_DIR: each file's photos go to a folder of its own (made when the
// first is stored), deleted after.
import { randomBytes } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { postgresServerUrl, withDatabase } from "./db-engine.ts";

const engine = inject("dbEngine");
const template = inject("templateDb");
const id = `${process.pid}_${randomBytes(4).toString("hex")}`;

async function pgAdmin(sql: string) {
  const client = new pg.Client({ connectionString: postgresServerUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const photoDir = path.resolve("tests/.tmp", `photos-${id}`);
process.env.PHOTO_DIR = photoDir;

let cleanup: () => Promise<void> | void;
if (engine === "sqlite") {
  const file = path.resolve("tests/.tmp", `test-${id}.db`);
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  cleanup = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  };
} else {
  const name = `piecework_test_${id}`;
  // CREATE DATABASE ... TEMPLATE fails while another session is connected to the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await pgAdmin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
    }
  }
  process.env.DATABASE_URL = withDatabase(postgresServerUrl(), name);
  cleanup = () => pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

afterAll(async () => {
  const { disconnectDb } = await import("../../app/infra/db.server.ts");
  await disconnectDb();
  await cleanup();
  rmSync(photoDir, { recursive: true, force: true });
});
