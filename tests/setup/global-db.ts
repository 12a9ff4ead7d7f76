// Migrates a template database once per run; each test file then gets its own
// copy (tests/setup/per-file-db.ts): a copied SQLite file, or a PostgreSQL
// database created from the template.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../../scripts/db-migrate.mjs";
import { postgresServerUrl, testEngine, withDatabase } from "./db-engine.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dbEngine: "sqlite" | "postgresql";
    templateDb: string;
  }
}

const tmpDir = path.resolve("tests/.tmp");

export default async function setup(project: TestProject) {
  const engine = testEngine();
  mkdirSync(tmpDir, { recursive: true });
  if (engine === "sqlite") {
    const template = path.join(tmpDir, `template-${process.pid}.db`);
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(template + suffix)) rmSync(template + suffix);
    migrate({ ...process.env, DATABASE_URL: `file:${template}` });
    project.provide("dbEngine", engine);
    project.provide("templateDb", template);
    return () => {
      rmSync(template, { force: true });
    };
  }
  const server = postgresServerUrl();
  const template = `piecework_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  migrate({ ...process.env, DATABASE_URL: withDatabase(server, template) });
  project.provide("dbEngine", engine);
  project.provide("templateDb", template);
  return async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.end();
  };
}
