// `npm run restore -- <file>`: puts a backup back in place of the SQLite
// database DATABASE_URL names. Nothing changes unless every check passes:
//   1. the file is a SQLite database that passes PRAGMA integrity_check;
//   2. its applied migrations (_prisma_migrations) are this checkout's first
//      migrations, unchanged (an older backup is fine: run `npm run db:migrate`
//      after restoring; a newer one is refused);
//   3. no process has the database open: the server must be stopped. Read from
//      /proc (the running app keeps its database file open); where there is no
//      /proc, stop the server and pass --server-stopped.
// Then it keeps a safety copy of the current database (backups/ next to it),
// writes the backup to a temporary file beside the database and renames it
// over the database (atomic), after removing the old journal files.
// For PostgreSQL it says to use pg_restore. Exit codes: 0 restored, 1 refused
// or failed, 2 not a SQLite database.
import { existsSync, mkdirSync, realpathSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import {
  PostgresDatabase,
  Refusal,
  appliedMigrations,
  checkIntegrity,
  compareMigrations,
  fromCommandLine,
  onlineCopy,
  processesUsing,
  replaceFile,
  repoMigrations,
  sqliteDatabase,
  timestamp,
} from "./lib/sqlite-backup.mjs";

function serverStopped(database, assumeStopped) {
  let found;
  try {
    found = processesUsing(database);
  } catch (error) {
    if (assumeStopped && error instanceof Refusal) return;
    throw error;
  }
  if (found.users.length > 0) {
    const list = found.users.map((p) => `  pid ${p.pid}: ${p.command}`).join("\n");
    throw new Refusal(
      `Not restoring: ${database} is open in\n${list}\nStop the server (e.g. systemctl stop piecework) and run again.`,
    );
  }
  for (const p of found.hidden) {
    console.warn(`Warning: cannot see the open files of pid ${p.pid} (${p.command}); make sure it is not the server.`);
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { "server-stopped": { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const database = sqliteDatabase();
  if (positionals.length !== 1) throw new Refusal("Usage: npm run restore -- <backup file> [--server-stopped]");
  const file = fromCommandLine(positionals[0]);

  checkIntegrity(file);
  const repo = repoMigrations();
  const verdict = compareMigrations(appliedMigrations(file), repo);
  if (!verdict.ok) throw new Refusal(`Not restoring ${file}: ${verdict.reason}`);
  if (existsSync(database) && realpathSync(file) === realpathSync(database)) {
    throw new Refusal(`${file} is the database itself.`);
  }
  serverStopped(database, values["server-stopped"]);

  mkdirSync(dirname(database), { recursive: true });
  let safetyCopy = null;
  if (existsSync(database)) {
    safetyCopy = join(dirname(database), "backups", `before-restore-${timestamp()}-${process.pid}.db`);
    mkdirSync(dirname(safetyCopy), { recursive: true });
    await onlineCopy(database, safetyCopy);
  }
  const incoming = `${database}.restoring-${process.pid}`;
  try {
    await onlineCopy(file, incoming);
    checkIntegrity(incoming);
    // A journal left beside the old file would be applied to the new one when it is next opened.
    for (const suffix of ["-journal", "-wal", "-shm"]) rmSync(database + suffix, { force: true });
    replaceFile(incoming, database);
  } finally {
    rmSync(incoming, { force: true });
  }

  console.log(`Restored ${file}`);
  console.log(`      to ${database} (${repo.length - verdict.pending} of ${repo.length} migrations applied)`);
  if (safetyCopy) console.log(`The database it replaced is kept in ${safetyCopy}`);
  if (verdict.pending > 0) {
    console.log(`The backup predates ${verdict.pending} migration(s): run \`npm run db:migrate\` before starting.`);
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Refusal ? error.message : error);
  process.exitCode = error instanceof PostgresDatabase ? 2 : 1;
}
