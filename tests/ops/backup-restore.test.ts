// `npm run backup` and `npm run restore` on SQLite (docs/decisions/013-operations.md):
// a backup taken while another process keeps committing rows holds every row
// whose commit was acknowledged before the backup started; restore refuses
// while a process has the database open, puts the copy back, and the app's
// models read it; restore refuses a file that is not a database, a corrupt
// one and one from a newer schema, changing nothing. The scripts run as an
// operator runs them (npm run …) against a database of their own.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "../../scripts/db-migrate.mjs";
import { compareMigrations } from "../../scripts/lib/sqlite-backup.mjs";

const root = path.resolve(".");
mkdirSync(path.join(root, "tests/.tmp"), { recursive: true });
const dir = mkdtempSync(path.join(root, "tests/.tmp/ops-"));
const database = path.join(dir, "piecework.db");
const backups = path.join(dir, "backups");
process.env.DATABASE_URL = `file:${database}`;

type Run = { code: number | null; output: string };

function npmRun(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script, "--", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** The entity ids of the writer's rows in a database file, read without the app. */
function writerRows(file: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT entityId FROM AuditEvent WHERE action = 'backup-test.write'").all() as {
      entityId: string;
    }[];
    return new Set(rows.map((r) => r.entityId));
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("\n");
  } finally {
    db.close();
  }
}

let workshopId = "";
let validBackup = "";

beforeAll(async () => {
  migrate({ ...process.env, DATABASE_URL: `file:${database}` });
  const { seedDemo } = await import("../../prisma/seed.ts");
  const { db, disconnectDb } = await import("../../app/infra/db.server.ts");
  await seedDemo();
  const workshop = await db().workshop.findFirstOrThrow({ select: { id: true } });
  workshopId = workshop.id;
  // Some bulk, so that the copy is not instantaneous: 4,000 audit rows of ~1 KB (about 6 MB).
  const payload = JSON.stringify({ note: "x".repeat(1000) });
  for (let batch = 0; batch < 4; batch++) {
    await db().auditEvent.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({
        workshopId,
        action: "backup-test.bulk",
        entityType: "Test",
        entityId: `bulk-${batch}-${i}`,
        after: payload,
      })),
    });
  }
  await disconnectDb(); // the test process must not hold the database when restore looks for users of it
  validBackup = path.join(dir, "valid.db");
  const made = await npmRun("backup", ["--out", validBackup]);
  expect(made.code, made.output).toBe(0);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function startWriter(): { child: ChildProcess; committed: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/ops/writer.ts"], {
    cwd: root,
    env: { ...process.env, WRITER_WORKSHOP_ID: workshopId },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const committed: string[] = [];
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith("committed ")) committed.push(`row-${line.slice(10)}`);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, committed, exited };
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test("a backup taken while another process writes holds every acknowledged row; restore puts it back for the app", async () => {
  const writer = startWriter();
  try {
    await until(() => writer.committed.length >= 50, "the writer's first 50 commits");
    const acknowledgedBefore = [...writer.committed];
    const copy = path.join(dir, "during-writes.db");
    const backup = npmRun("backup", ["--out", copy]);
    const countAtStart = writer.committed.length;
    const made = await backup;
    const writtenDuringBackup = writer.committed.length - countAtStart;

    expect(made.code, made.output).toBe(0);
    expect(made.output).toContain(copy);
    expect(made.output).toMatch(/size \d+(\.\d)? (KB|MB), integrity_check ok/);
    expect(writtenDuringBackup, "the writer kept committing while the backup ran").toBeGreaterThan(0);
    expect(integrity(copy)).toBe("ok");
    const inCopy = writerRows(copy);
    expect(acknowledgedBefore.filter((id) => !inCopy.has(id))).toEqual([]);

    // While the writer (standing in for the server) has the database open, restore refuses and changes nothing.
    const refused = await npmRun("restore", [copy]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`pid ${writer.child.pid}`);
    expect(refused.output).toMatch(/Stop the server/);
    writer.child.kill("SIGTERM");
    expect(await writer.exited).toBe(0);
    const liveRows = writerRows(database);
    expect(writer.committed.filter((id) => !liveRows.has(id))).toEqual([]); // the live database was left alone
    expect(liveRows.size).toBeGreaterThan(inCopy.size); // it kept writing after the backup

    const restored = await npmRun("restore", [copy]);
    expect(restored.code, restored.output).toBe(0);
    const migrations = readdirSync(path.join(root, "prisma/migrations")).filter((name) => /^\d+_/.test(name)).length;
    expect(restored.output).toContain(`${migrations} of ${migrations} migrations applied`);
    const safetyCopy = /kept in (\S+)/.exec(restored.output)?.[1] ?? "";
    expect(path.dirname(safetyCopy)).toBe(backups);
    expect(writerRows(safetyCopy)).toEqual(liveRows);

    // The app's own models read the restored database.
    const { listWorkshopAudit } = await import("../../app/models/audit.server.ts");
    const { listWorkers } = await import("../../app/models/user.server.ts");
    const { disconnectDb } = await import("../../app/infra/db.server.ts");
    try {
      const audit = await listWorkshopAudit(workshopId, 100_000);
      const readBack = new Set(audit.filter((e) => e.action === "backup-test.write").map((e) => e.entityId));
      expect(readBack).toEqual(inCopy);
      expect(audit.filter((e) => e.action === "backup-test.bulk")).toHaveLength(4000);
      expect((await listWorkers(workshopId)).map((w) => w.name)).toEqual(["张秀英", "刘晓燕", "陈美华"]);
    } finally {
      await disconnectDb();
    }
  } finally {
    if (writer.child.exitCode === null) writer.child.kill("SIGKILL");
  }
}, 120_000);

async function expectRefused(file: string, message: RegExp): Promise<void> {
  const before = sha256(database);
  const listBackups = () => (existsSync(backups) ? readdirSync(backups) : []);
  const backupsBefore = listBackups();
  const result = await npmRun("restore", [file]);
  expect(result.code, result.output).toBe(1);
  expect(result.output).toMatch(message);
  expect(sha256(database)).toBe(before);
  expect(listBackups()).toEqual(backupsBefore); // not even a safety copy was made
}

test("restore refuses a file that is not a SQLite database", async () => {
  const file = path.join(dir, "notes.txt");
  writeFileSync(file, "这不是数据库 / not a database\n".repeat(100));
  await expectRefused(file, /is not a SQLite database/);
});

test("restore refuses a corrupt database", async () => {
  const file = path.join(dir, "corrupt.db");
  copyFileSync(validBackup, file);
  const db = new Database(file, { readonly: true });
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'User'").get() as {
    rootpage: number;
  };
  db.close();
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  const page = (rootpage - 1) * pageSize;
  bytes.fill(0xa5, page + 12, page + pageSize); // the accounts' page scrambled after its header; the file still opens
  writeFileSync(file, bytes);
  await expectRefused(file, /fails PRAGMA integrity_check:\n {2}Tree \d+ page \d+ cell/);
});

test("restore refuses a database from a newer version of the app (an unknown migration)", async () => {
  const file = path.join(dir, "newer.db");
  copyFileSync(validBackup, file);
  const db = new Database(file);
  db.prepare(
    "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) " +
      "VALUES ('future', 'abc', '99990101000000_from_a_newer_version', 0, 0, 1)",
  ).run();
  db.close();
  await expectRefused(file, /newer or different version of the app: migration 99990101000000_from_a_newer_version/);
});

test("restore refuses a SQLite database of another application", async () => {
  const file = path.join(dir, "other.db");
  const db = new Database(file);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
  db.close();
  await expectRefused(file, /no _prisma_migrations table/);
});

test("applied migrations must be the checkout's first ones, unchanged and finished", () => {
  const repo = [
    { name: "1_init", checksum: "a" },
    { name: "2_more", checksum: "b" },
    { name: "3_last", checksum: "c" },
  ];
  const applied = (names: string[], checksum = (i: number) => repo[i]?.checksum ?? "d") =>
    names.map((name, i) => ({ name, checksum: checksum(i), finishedAt: "2026-12-01" }));
  expect(compareMigrations(applied(["1_init", "2_more", "3_last"]), repo)).toEqual({ ok: true, pending: 0 });
  expect(compareMigrations(applied(["1_init"]), repo)).toEqual({ ok: true, pending: 2 });
  expect(compareMigrations(applied(["1_init", "3_last"]), repo)).toMatchObject({ ok: false });
  expect(compareMigrations(applied(["1_init", "2_more", "3_last", "4_new"]), repo)).toMatchObject({
    ok: false,
    reason: expect.stringMatching(/newer/),
  });
  expect(
    compareMigrations(
      applied(["1_init"], () => "edited"),
      repo,
    ),
  ).toMatchObject({ ok: false });
  expect(compareMigrations([{ name: "1_init", checksum: "a", finishedAt: null }], repo)).toMatchObject({ ok: false });
});

test("on PostgreSQL both commands point to pg_dump and pg_restore instead", async () => {
  const env = { DATABASE_URL: "postgresql://piecework@127.0.0.1:1/piecework" };
  const backup = await npmRun("backup", [], env);
  expect(backup.code).toBe(2);
  expect(backup.output).toMatch(/pg_dump -Fc/);
  const restore = await npmRun("restore", ["x.dump"], env);
  expect(restore.code).toBe(2);
  expect(restore.output).toMatch(/pg_restore --clean --if-exists/);
});

test("backup never overwrites an existing file", async () => {
  const before = sha256(validBackup);
  const result = await npmRun("backup", ["--out", validBackup]);
  expect(result.code).toBe(1);
  expect(result.output).toMatch(/exists already/);
  expect(sha256(validBackup)).toBe(before);
  expect(readdirSync(dir).filter((name) => name.includes(".partial-"))).toEqual([]);
});
