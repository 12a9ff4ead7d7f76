// `npm run backup [-- --out file]`: a consistent copy of the SQLite database
// DATABASE_URL names, taken while the app keeps running and writing (SQLite's
// online backup API), then checked with PRAGMA integrity_check. By default it
// goes to backups/ next to the database (data/backups/ for the default
// data/piecework.db) with a timestamped name. Prints the copy's path and size.
// For PostgreSQL it says to use pg_dump. Exit codes: 0 written and checked,
// 1 failed, 2 not a SQLite database.
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import {
  PostgresDatabase,
  Refusal,
  checkIntegrity,
  formatSize,
  fromCommandLine,
  onlineCopy,
  sqliteDatabase,
  timestamp,
} from "./lib/sqlite-backup.mjs";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const database = sqliteDatabase();
  if (!existsSync(database)) throw new Refusal(`There is no database at ${database} to back up.`);
  const out = values.out
    ? fromCommandLine(values.out)
    : join(dirname(database), "backups", `piecework-${timestamp()}.db`);
  mkdirSync(dirname(out), { recursive: true });

  const started = Date.now();
  await onlineCopy(database, out);
  try {
    checkIntegrity(out);
  } catch (error) {
    rmSync(out, { force: true });
    throw error;
  }
  console.log(`Backed up ${database}`);
  console.log(`       to ${out}`);
  console.log(`     size ${formatSize(statSync(out).size)}, integrity_check ok, ${Date.now() - started} ms`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Refusal ? error.message : error);
  process.exitCode = error instanceof PostgresDatabase ? 2 : 1;
}
