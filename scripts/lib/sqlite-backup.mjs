// What `npm run backup` and `npm run restore` share: where the SQLite database
// is, an online copy through SQLite's backup API, the checks a copy must pass,
// and which processes have the database open. See docs/decisions/013-operations.md.
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { databaseEngine, resolveDatabaseUrl, sqliteFilePath } from "../../app/infra/database-url.ts";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const MIGRATIONS = join(root, "prisma/migrations");
/** Pages per backup step: all of them, so the copy is taken in one step under one read lock (see the ADR). */
const ALL_PAGES = 0x7fffffff;
/** How long to wait for a writer to finish before giving up, like the app's own busy timeout. */
const BUSY_TIMEOUT_MS = 10_000;

export class Refusal extends Error {}
/** DATABASE_URL names PostgreSQL: these commands do not apply (exit code 2). */
export class PostgresDatabase extends Refusal {}

/** A path given on the command line: `npm run` runs in the project folder, so relative paths are taken from where npm was started. */
export function fromCommandLine(path) {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** The SQLite database file DATABASE_URL names (default data/piecework.db); for PostgreSQL, the pg_dump/pg_restore advice. */
export function sqliteDatabase() {
  const url = resolveDatabaseUrl(process.env, root);
  if (databaseEngine(url) === "postgresql") {
    throw new PostgresDatabase(
      [
        "DATABASE_URL names a PostgreSQL database: back it up and restore it with PostgreSQL's own tools.",
        '  backup:  pg_dump -Fc --file=piecework-$(date +%Y%m%d-%H%M%S).dump "$DATABASE_URL"',
        '  restore: pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" piecework-….dump',
        "docs/deploy.md has the details (stop the server before pg_restore).",
      ].join("\n"),
    );
  }
  return sqliteFilePath(url, root);
}

/** e.g. 2026-12-01T07-10-19Z: sorts by time, safe in file names. */
export function timestamp(date = new Date()) {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}

export function formatSize(bytes) {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Copies a live database to `destination` with SQLite's online backup API:
 * a consistent snapshot even while other processes write (they wait for the
 * one read lock the copy takes). Written to a temporary file first and renamed,
 * so `destination` is either absent or complete. Never overwrites a file.
 */
export async function onlineCopy(source, destination) {
  if (existsSync(destination)) throw new Refusal(`${destination} exists already; not overwriting it.`);
  const partial = `${destination}.partial-${process.pid}`;
  // Not read-only: a journal left by a crash must be rolled back (by this connection if need be) before copying.
  const db = new Database(source, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    await db.backup(partial, { progress: () => ALL_PAGES });
    syncFile(partial);
    replaceFile(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

/** Renames `from` over `to` (atomic on one file system) and makes the rename durable. */
export function replaceFile(from, to) {
  renameSync(from, to);
  syncFile(dirname(to));
}

function syncFile(path) {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

function hasSqliteHeader(file) {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Opens a copy read-only and runs PRAGMA integrity_check; throws a Refusal naming the first problems. */
export function checkIntegrity(file) {
  if (!existsSync(file) || !statSync(file).isFile()) throw new Refusal(`${file} does not exist or is not a file.`);
  if (!hasSqliteHeader(file)) throw new Refusal(`${file} is not a SQLite database (its header is wrong).`);
  let problems;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      problems = db
        .pragma("integrity_check")
        .flatMap((row) => row.integrity_check.split("\n"))
        .map((line) => line.trim())
        .filter((line) => line !== "ok" && !line.startsWith("***"));
    } finally {
      db.close();
    }
  } catch (error) {
    throw new Refusal(`${file} cannot be read as a SQLite database: ${error.message}`);
  }
  if (problems.length > 0) {
    throw new Refusal(`${file} fails PRAGMA integrity_check:\n  ${problems.slice(0, 5).join("\n  ")}`);
  }
}

/** The migrations in this checkout (prisma/migrations), oldest first, with Prisma's checksum (sha256 of migration.sql). */
export function repoMigrations() {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      name,
      checksum: createHash("sha256")
        .update(readFileSync(join(MIGRATIONS, name, "migration.sql")))
        .digest("hex"),
    }));
}

/** The migrations a database file records as applied (not rolled back), oldest first. */
export function appliedMigrations(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) throw new Refusal(`${file} is not a Piecework database: it has no _prisma_migrations table.`);
    return db
      .prepare(
        "SELECT migration_name AS name, checksum, finished_at AS finishedAt FROM _prisma_migrations " +
          "WHERE rolled_back_at IS NULL ORDER BY migration_name",
      )
      .all();
  } finally {
    db.close();
  }
}

/**
 * Whether a database with these applied migrations can be put back under this
 * checkout: they must be the repo's first migrations, unchanged and finished.
 * Returns how many of the repo's migrations are still to apply, or a reason.
 */
export function compareMigrations(applied, repo) {
  for (const [index, migration] of applied.entries()) {
    const expected = repo[index];
    if (!repo.some((m) => m.name === migration.name)) {
      return {
        ok: false,
        reason: `it was written by a newer or different version of the app: migration ${migration.name} is not in this checkout's prisma/migrations.`,
      };
    }
    if (!expected || expected.name !== migration.name) {
      return { ok: false, reason: `its migrations are not this checkout's in order (found ${migration.name}).` };
    }
    if (expected.checksum !== migration.checksum) {
      return { ok: false, reason: `migration ${migration.name} was applied from a different migration.sql.` };
    }
    if (!migration.finishedAt) return { ok: false, reason: `migration ${migration.name} did not finish.` };
  }
  return { ok: true, pending: repo.length - applied.length };
}

/**
 * Processes that have the database (or its journal) open, from /proc: the
 * running app keeps its SQLite file open for as long as it runs. Throws when
 * there is no /proc to look in. `hidden` lists processes of the file's owner
 * whose open files this user may not see (e.g. an ssh-agent; the app itself
 * when restore runs as another user): the caller warns about them.
 */
export function processesUsing(file) {
  if (!existsSync("/proc/self/fd")) {
    throw new Refusal(
      "Cannot see which processes have the database open on this system (no /proc). Stop the server and " +
        "run again with --server-stopped.",
    );
  }
  const real = existsSync(file) ? realpathSync(file) : file;
  const paths = new Set(["", "-journal", "-wal", "-shm"].map((suffix) => real + suffix));
  const owner = existsSync(file) ? statSync(file).uid : process.getuid?.();
  const users = [];
  const hidden = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    if (Number(pid) === process.pid) continue;
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch (error) {
      if (error.code === "EACCES" && processUid(pid) === owner) hidden.push(pid);
      continue; // EACCES for other users' processes; ENOENT when it exited meanwhile
    }
    const holds = fds.some((fd) => {
      try {
        return paths.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (holds) users.push({ pid: Number(pid), command: commandLine(pid) });
  }
  return { users, hidden: hidden.map((pid) => ({ pid: Number(pid), command: commandLine(pid) })) };
}

function processUid(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith("Uid:"));
    return Number(line?.split(/\s+/)[1]);
  } catch {
    return undefined;
  }
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ").slice(0, 200);
  } catch {
    return "?";
  }
}
