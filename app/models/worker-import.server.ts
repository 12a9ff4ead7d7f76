// Importing a community's workers at once (issue 10, ADR 025). Four steps:
//   1. stage: the sheet is read and its rows kept on the server under a random
//      one-time id, for the coordinator who uploaded it in her workshop, for an
//      hour; nothing else is written (at most IMPORT_DAILY_UPLOADS a day each);
//   2. preview: the rows, each checked now (so a number registered since the
//      upload shows as registered);
//   3. confirm (startWorkerImport): checked again; when the rows that would be
//      created are not the ones the preview showed, nothing is written
//      ("changed": she looks again); else the import is marked running, once;
//   4. the background job (runWorkerImport, one at a time per process): every
//      valid row gets a one-time initial password hashed with the slow hash
//      (about a minute for 2,000, with no transaction open), then one short
//      transaction creates the accounts, their passwords, their import records
//      and one audit event, and marks the import done with the password sheet
//      sealed. Her page follows the progress and opens the sheet once.
import { createHash, randomBytes, randomInt } from "node:crypto";
import type { Actor } from "../domain/access.ts";
import {
  IMPORT_DAILY_UPLOADS,
  IMPORT_TTL_MS,
  INITIAL_PASSWORD_TTL_MS,
  decodeSheetText,
  initialPassword,
  initialPasswordExpired,
  parseCsv,
  sniffSheet,
  tableToRows,
  type ImportRefusal,
  type RawRow,
} from "../domain/worker-import.ts";
import { chinaDate } from "../domain/dates.ts";
import { checkImportRows, importPhones, type CheckedRow } from "../forms/worker-import.ts";
import { db, type Db, type Tx } from "../infra/db.server.ts";
import { DEFAULT_COST, hashPassword } from "../infra/password.server.ts";
import { readXlsxTable } from "../infra/xlsx-reader.server.ts";
import { seal, unseal } from "../infra/sealed.server.ts";
import { auditJson, recordAudit } from "./audit.server.ts";
import { isUniqueViolation } from "./errors.server.ts";
import { fail, ok, type Result } from "./result.ts";

export type SheetRows = { ok: true; rows: RawRow[]; encoding: string } | { ok: false; code: ImportRefusal };

/** A sheet's people as raw rows, or why the file is refused. Reads the bytes only (never the name or type). */
export async function readImportSheet(bytes: Uint8Array): Promise<SheetRows> {
  const kind = sniffSheet(bytes);
  if (!kind.ok) return kind;
  if (kind.kind === "xlsx") {
    const xlsx = await readXlsxTable(bytes);
    if (!xlsx.ok) return xlsx;
    const rows = tableToRows(xlsx.table, xlsx.lines);
    return rows.ok ? { ok: true, rows: rows.rows, encoding: "xlsx" } : rows;
  }
  const text = decodeSheetText(bytes);
  if (!text.ok) return text;
  const csv = parseCsv(text.text);
  if (!csv.ok) return csv;
  const rows = tableToRows(csv.records);
  return rows.ok ? { ok: true, rows: rows.rows, encoding: text.encoding } : rows;
}

function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return [...name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").trim()].slice(-80).join("") || "-";
}

/**
 * Reads the sheet and keeps its rows for the coordinator's confirmation; the
 * answer is the one-time id. Expired staged imports of anyone are removed on the way.
 */
export async function stageWorkerImport(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  now: Date,
): Promise<Result<{ id: string; encoding: string }, ImportRefusal>> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const uploads = await db().auditEvent.count({
    where: {
      workshopId: actor.workshopId,
      createdAt: { gt: dayAgo },
      actorId: actor.userId,
      action: "worker.import.upload",
    },
  });
  if (uploads >= IMPORT_DAILY_UPLOADS) return fail("tooManyUploads");
  const sheet = await readImportSheet(file.bytes);
  if (!sheet.ok) return fail(sheet.code);
  const id = randomBytes(24).toString("base64url");
  const fileName = cleanFileName(file.name);
  await db().$transaction(async (tx) => {
    await tx.workerImport.deleteMany({ where: { expiresAt: { lte: now } } });
    await tx.workerImport.create({
      data: {
        id,
        workshopId: actor.workshopId,
        coordinatorId: actor.userId,
        fileName,
        rows: JSON.stringify(sheet.rows),
        createdAt: now,
        expiresAt: new Date(now.getTime() + IMPORT_TTL_MS),
      },
    });
    // Counted for the daily limit; also who uploaded which sheet, when.
    await tx.auditEvent.create({
      data: {
        actorId: actor.userId,
        workshopId: actor.workshopId,
        action: "worker.import.upload",
        entityType: "WorkerImport",
        entityId: id,
        after: auditJson({ fileName, rows: sheet.rows.length }),
        createdAt: now,
      },
    });
  });
  return ok({ id, encoding: sheet.encoding });
}

type Staged = { id: string; fileName: string; rows: RawRow[]; expiresAt: Date; problem: string | null };

/** A running import whose heartbeat is older than this was interrupted (the process stopped): she may confirm again. */
export const IMPORT_STALE_MS = 60_000;
/** How often a running import writes its heartbeat and progress. */
export const IMPORT_HEARTBEAT_MS = 3_000;

/** Where an import of this coordinator is confirmable: staged, or running with a heartbeat that stopped. */
function confirmable(now: Date) {
  return [{ status: "staged" }, { status: "running", heartbeatAt: { lt: new Date(now.getTime() - IMPORT_STALE_MS) } }];
}

/**
 * A staged import of this coordinator in this workshop, not expired, in the given state; null for
 * anyone else's or a used one.
 */
async function findStaged(
  client: Tx | Db,
  actor: Actor,
  id: string,
  now: Date,
  state: "confirmable" | "running",
): Promise<Staged | null> {
  if (id === "" || id.length > 64) return null;
  const row = await client.workerImport.findFirst({
    where: {
      id,
      workshopId: actor.workshopId,
      coordinatorId: actor.userId,
      expiresAt: { gt: now },
      ...(state === "running" ? { status: "running" } : { OR: confirmable(now) }),
    },
    select: { id: true, fileName: true, rows: true, expiresAt: true, problem: true },
  });
  return row ? { ...row, rows: JSON.parse(row.rows) as RawRow[] } : null;
}

async function registeredAmong(client: Tx | Db, phones: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // In chunks: a 2,000-number IN list stays under every engine's parameter limit.
  for (let i = 0; i < phones.length; i += 500) {
    const rows = await client.user.findMany({
      where: { phone: { in: phones.slice(i, i + 500) } },
      select: { phone: true },
    });
    for (const row of rows) found.add(row.phone);
  }
  return found;
}

/** A digest of the rows that would be created (line and number): what the preview showed, posted back. */
export function okDigest(rows: readonly CheckedRow[]): string {
  const hash = createHash("sha256");
  for (const row of rows) if (!row.error) hash.update(`${row.line}:${row.phone}:${row.name}\n`);
  return hash.digest("base64url").slice(0, 32);
}

export type ImportPreview = {
  id: string;
  fileName: string;
  expiresAt: Date;
  rows: CheckedRow[];
  okCount: number;
  errorCount: number;
  digest: string;
  /** Why the last confirm wrote nothing: "changed" (a number was registered meanwhile), "failed", "interrupted". */
  problem: string | null;
};

async function checkedPreview(client: Tx | Db, staged: Staged): Promise<ImportPreview> {
  const rows = checkImportRows(staged.rows, await registeredAmong(client, importPhones(staged.rows)));
  const okCount = rows.filter((r) => !r.error).length;
  return {
    id: staged.id,
    fileName: staged.fileName,
    expiresAt: staged.expiresAt,
    rows,
    okCount,
    errorCount: rows.length - okCount,
    digest: okDigest(rows),
    problem: staged.problem,
  };
}

/** The staged import with each row checked now; null when it is not hers, running, used or expired. */
export async function previewWorkerImport(actor: Actor, id: string, now: Date): Promise<ImportPreview | null> {
  const staged = await findStaged(db(), actor, id, now, "confirmable");
  return staged ? checkedPreview(db(), staged) : null;
}

/** What her import page shows: the preview, the progress of the running job, or the finished import. */
export type ImportState =
  | { kind: "preview"; preview: ImportPreview }
  | { kind: "running"; fileName: string; total: number; progress: number }
  | {
      kind: "done";
      fileName: string;
      created: number;
      skipped: number;
      finishedAt: Date;
      /** The sheet can still be opened (once); else when it was shown. */
      sheetReady: boolean;
      sheetShownAt: Date | null;
      expiresAt: Date;
    };

/** Her import in whatever state it is; null when it is not hers, discarded or expired. */
export async function workerImportState(actor: Actor, id: string, now: Date): Promise<ImportState | null> {
  if (id === "" || id.length > 64) return null;
  const row = await db().workerImport.findFirst({
    where: { id, workshopId: actor.workshopId, coordinatorId: actor.userId, expiresAt: { gt: now } },
    select: {
      status: true,
      fileName: true,
      total: true,
      progress: true,
      heartbeatAt: true,
      sheet: true,
      created: true,
      skipped: true,
      finishedAt: true,
      sheetShownAt: true,
      expiresAt: true,
    },
  });
  if (!row) return null;
  if (row.status === "done") {
    return {
      kind: "done",
      fileName: row.fileName,
      created: row.created,
      skipped: row.skipped,
      finishedAt: row.finishedAt ?? now,
      sheetReady: row.sheet !== null,
      sheetShownAt: row.sheetShownAt,
      expiresAt: row.expiresAt,
    };
  }
  const stale = row.heartbeatAt !== null && row.heartbeatAt.getTime() < now.getTime() - IMPORT_STALE_MS;
  if (row.status === "running" && !stale) {
    return { kind: "running", fileName: row.fileName, total: row.total, progress: row.progress };
  }
  const preview = await previewWorkerImport(actor, id, now);
  if (!preview) return null;
  return { kind: "preview", preview: stale ? { ...preview, problem: "interrupted" } : preview };
}

/** Discards a staged import (hers only, not while its job runs); nothing else changes. */
export async function discardWorkerImport(actor: Actor, id: string, now: Date): Promise<boolean> {
  const { count } = await db().workerImport.deleteMany({
    where: { id, workshopId: actor.workshopId, coordinatorId: actor.userId, OR: confirmable(now) },
  });
  return count === 1;
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the answers. */
export async function mapLimited<T, U>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<U>,
): Promise<U[]> {
  const out = new Array<U>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      out[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return out;
}

/**
 * How many passwords are hashed at once: scrypt runs on libuv's thread pool (4
 * threads by default); 2 at a time keeps two threads free for other people's
 * logins and file reads while an import hashes.
 */
export const HASH_CONCURRENCY = 2;

export type CreatedWorker = { name: string; phone: string; password: string };
export type PasswordSheetData = {
  skipped: number;
  /** The last day the initial passwords work (YYYY-MM-DD, China time). */
  validUntil: string;
  workers: CreatedWorker[];
};
const SHEET_PURPOSE = "worker-import-sheet";
/** How long a finished import's sheet waits to be opened (then it is purged, and the passwords with it). */
export const SHEET_TTL_MS = 60 * 60 * 1000;

export type StartRefusal = "notFound" | "changed" | "nothingToImport";

/**
 * Her confirm: checks the rows again against what the preview showed (`seen`)
 * and marks the import running, at most once (a second confirm, a parallel
 * retry or a reload finds it running and starts nothing). The accounts are made
 * by `runWorkerImport` (launched in the background by `launchWorkerImport`),
 * since hashing 2,000 passwords with the slow hash takes about a minute.
 * notFound: not hers, used, running, discarded or expired. changed: the rows
 * differ from the preview (a number registered meanwhile). nothingToImport: no valid row.
 */
export async function startWorkerImport(
  actor: Actor,
  id: string,
  seen: string,
  now: Date,
): Promise<Result<{ total: number }, StartRefusal>> {
  const preview = await previewWorkerImport(actor, id, now);
  if (!preview) return fail("notFound");
  if (preview.digest !== seen) return fail("changed");
  if (preview.okCount === 0) return fail("nothingToImport");
  const { count } = await db().workerImport.updateMany({
    where: { id, workshopId: actor.workshopId, coordinatorId: actor.userId, OR: confirmable(now) },
    data: {
      status: "running",
      total: preview.okCount,
      progress: 0,
      heartbeatAt: now,
      problem: null,
      expiresAt: new Date(now.getTime() + IMPORT_TTL_MS),
    },
  });
  return count === 1 ? ok({ total: preview.okCount }) : fail("notFound");
}

export type RunOptions = {
  /** The digest of the rows she confirmed: when the rows to create differ when the job starts, it writes nothing. */
  seen?: string;
  cost?: { N: number; r: number; p: number };
  concurrency?: number;
  heartbeatMs?: number;
  /** Called once the passwords are hashed, just before the transaction (the crash test's cue). */
  onHashed?: () => void | Promise<void>;
  /** Called inside the transaction after the accounts are written (a test's chance to fail it). */
  beforeCommit?: () => void | Promise<void>;
};

/** Thrown inside the job's transaction to roll it back. */
class Rollback extends Error {
  constructor(readonly code: "notFound" | "changed") {
    super(code);
  }
}

/**
 * The background job of a confirmed (running) import: hashes a one-time
 * initial password for every valid row with the slow hash (no transaction, no
 * lock held, heartbeat and progress written every few seconds), then one short
 * transaction creates the accounts, their passwords and import records, one
 * audit event for the import (naming every account) and marks the import done
 * with the password sheet sealed: all or none. When a number was registered
 * meanwhile nothing is written and the import goes back to her preview
 * ("changed"); when it was discarded nothing is written.
 */
export async function runWorkerImport(
  actor: Actor,
  id: string,
  options: RunOptions = {},
): Promise<Result<{ created: number; skipped: number }, "notFound" | "changed">> {
  const started = await findStaged(db(), actor, id, new Date(), "running");
  if (!started) return fail("notFound");
  const preview = await checkedPreview(db(), started);
  const valid = preview.rows.filter((row) => !row.error);
  // A number registered while the import waited its turn: not what she confirmed, so nothing is made.
  if (valid.length === 0 || (options.seen !== undefined && preview.digest !== options.seen)) {
    await backToPreview(id, "changed");
    return fail("changed");
  }
  const passwords = valid.map(() => initialPassword((max) => randomInt(max)));
  let hashed = 0;
  let gone = false;
  const beat = async () => {
    const { count } = await db().workerImport.updateMany({
      where: { id, status: "running" },
      data: { heartbeatAt: new Date(), progress: hashed, expiresAt: new Date(Date.now() + IMPORT_TTL_MS) },
    });
    if (count === 0) gone = true;
  };
  const timer = setInterval(() => void beat().catch(() => undefined), options.heartbeatMs ?? IMPORT_HEARTBEAT_MS);
  let hashes: string[];
  try {
    hashes = await mapLimited(passwords, options.concurrency ?? HASH_CONCURRENCY, async (password) => {
      if (gone) return "";
      const hash = await hashPassword(password, options.cost ?? DEFAULT_COST);
      hashed += 1;
      return hash;
    });
  } finally {
    clearInterval(timer);
  }
  if (gone) return fail("notFound");
  await options.onHashed?.();
  const now = new Date();
  const sheet = seal(
    JSON.stringify({
      skipped: preview.errorCount,
      validUntil: chinaDate(new Date(now.getTime() + INITIAL_PASSWORD_TTL_MS)),
      workers: valid.map((row, i) => ({ name: row.name, phone: row.phone, password: passwords[i]! })),
    } satisfies PasswordSheetData),
    SHEET_PURPOSE,
  );
  try {
    await db().$transaction(
      async (tx) => {
        // Checked again inside the transaction: still hers and running, still no account on these numbers.
        if (!(await findStaged(tx, actor, id, now, "running"))) throw new Rollback("notFound");
        const taken = await registeredAmong(
          tx,
          valid.map((row) => row.phone),
        );
        if (taken.size > 0) throw new Rollback("changed");
        const users = await tx.user.createManyAndReturn({
          data: valid.map((row) => ({
            role: "worker",
            name: row.name,
            phone: row.phone,
            workshopId: actor.workshopId,
            createdAt: now,
          })),
          select: { id: true, phone: true },
        });
        const idOf = new Map(users.map((user) => [user.phone, user.id]));
        const userId = (phone: string) => idOf.get(phone)!;
        await tx.password.createMany({
          data: valid.map((row, i) => ({ userId: userId(row.phone), hash: hashes[i]! })),
        });
        await tx.importedWorker.createMany({
          data: valid.map((row) => ({
            userId: userId(row.phone),
            workshopId: actor.workshopId,
            note: row.note,
            importedById: actor.userId,
            createdAt: now,
          })),
        });
        // One event for the import, naming every account it made (a 2,000-row import is one act of hers).
        await recordAudit(tx, actor, {
          action: "worker.import",
          entityType: "WorkerImport",
          entityId: id,
          after: {
            fileName: started.fileName,
            created: valid.length,
            refusedRows: preview.errorCount,
            workers: valid.map((row) => ({ id: userId(row.phone), name: row.name, phone: row.phone, note: row.note })),
          },
        });
        await options.beforeCommit?.();
        const { count } = await tx.workerImport.updateMany({
          where: { id, status: "running" },
          data: {
            status: "done",
            rows: "[]",
            sheet,
            created: valid.length,
            skipped: preview.errorCount,
            progress: valid.length,
            finishedAt: now,
            expiresAt: new Date(now.getTime() + SHEET_TTL_MS),
          },
        });
        if (count !== 1) throw new Rollback("notFound");
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // A number taken by a concurrent request between the check and the insert: nothing was written.
    const code = error instanceof Rollback ? error.code : isUniqueViolation(error) ? "changed" : null;
    if (code === null) throw error;
    if (code === "changed") await backToPreview(id, "changed");
    return fail(code);
  }
  return ok({ created: valid.length, skipped: preview.errorCount });
}

/** A running import that wrote nothing goes back to her preview, saying why. */
async function backToPreview(id: string, problem: "changed" | "failed"): Promise<void> {
  await db().workerImport.updateMany({
    where: { id, status: "running" },
    data: { status: "staged", problem, progress: 0, heartbeatAt: null },
  });
}

/** The one running job of this process: imports hash one after another, so two never take both cores. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Queues `runWorkerImport` in this process and returns at once (the answer is
 * the queued run, for tests). While it waits its turn, its heartbeat is kept.
 * Any error sends the import back to her preview ("failed"), with nothing written.
 */
export function launchWorkerImport(actor: Actor, id: string, options: RunOptions = {}): Promise<unknown> {
  // While it waits its turn its heartbeat is kept, and its expiry too (a long queue never expires it unrun).
  const waiting = setInterval(
    () =>
      void db()
        .workerImport.updateMany({
          where: { id, status: "running" },
          data: { heartbeatAt: new Date(), expiresAt: new Date(Date.now() + IMPORT_TTL_MS) },
        })
        .catch(() => undefined),
    options.heartbeatMs ?? IMPORT_HEARTBEAT_MS,
  );
  const run = queue.then(async () => {
    clearInterval(waiting);
    try {
      await runWorkerImport(actor, id, options);
    } catch (error) {
      console.error(`worker import ${id} failed:`, error);
      await backToPreview(id, "failed").catch(() => undefined);
    }
  });
  queue = run;
  return run;
}

export type OpenImport = {
  id: string;
  fileName: string;
  createdAt: Date;
  expiresAt: Date;
  /** staged: waiting for her confirm; running; done: the sheet not yet opened. */
  status: "staged" | "running" | "done";
  total: number;
  progress: number;
  created: number;
};

/**
 * Her imports still needing her (newest first): staged ones waiting for a confirm, running
 * ones, and finished ones whose password sheet is not opened yet (it is purged unopened an
 * hour after the job ends, so she must find her way back to it).
 */
export async function openImports(actor: Actor, now: Date): Promise<OpenImport[]> {
  const rows = await db().workerImport.findMany({
    where: {
      workshopId: actor.workshopId,
      coordinatorId: actor.userId,
      expiresAt: { gt: now },
      OR: [{ status: { in: ["staged", "running"] } }, { status: "done", sheetShownAt: null }],
    },
    select: {
      id: true,
      fileName: true,
      createdAt: true,
      expiresAt: true,
      status: true,
      total: true,
      progress: true,
      created: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 20,
  });
  return rows.map((row) => ({
    ...row,
    status: row.status === "done" ? "done" : row.status === "running" ? "running" : "staged",
  }));
}

/** Settles when every import queued in this process so far has finished (tests; a graceful stop). */
export function workerImportsIdle(): Promise<void> {
  return queue.then(() => undefined);
}

/**
 * Opens a finished import's password sheet, once: the sealed sheet is emptied
 * in the same step, so a second opening (a reload, a parallel request) gets null.
 */
export async function openImportSheet(actor: Actor, id: string, now: Date): Promise<PasswordSheetData | null> {
  if (id === "" || id.length > 64) return null;
  return db().$transaction(async (tx) => {
    const row = await tx.workerImport.findFirst({
      where: { id, workshopId: actor.workshopId, coordinatorId: actor.userId, status: "done", expiresAt: { gt: now } },
      select: { sheet: true },
    });
    if (!row?.sheet) return null;
    const { count } = await tx.workerImport.updateMany({
      where: { id, sheetShownAt: null },
      data: { sheet: null, sheetShownAt: now },
    });
    if (count !== 1) return null;
    const text = unseal(row.sheet, SHEET_PURPOSE);
    return text === null ? null : (JSON.parse(text) as PasswordSheetData);
  });
}

/**
 * Whether the account still has the initial password an import printed for it
 * (she is made to choose her own), and whether that password has expired
 * (INITIAL_PASSWORD_TTL_MS after the import: the login is refused).
 */
export async function initialPasswordState(userId: string, now: Date): Promise<"none" | "active" | "expired"> {
  const row = await db().importedWorker.findUnique({
    where: { userId },
    select: { initialPassword: true, createdAt: true },
  });
  if (!row?.initialPassword) return "none";
  return initialPasswordExpired(row.createdAt, now) ? "expired" : "active";
}

/** Marks the initial password as replaced (in the caller's transaction: a password change or reset). */
export async function clearInitialPassword(tx: Tx, userId: string): Promise<void> {
  await tx.importedWorker.updateMany({ where: { userId, initialPassword: true }, data: { initialPassword: false } });
}

/** What an import left on these workers of the workshop: the sheet's note, and where her initial password stands. */
export async function importedInfo(
  workshopId: string,
  userIds: string[],
  now: Date,
): Promise<Map<string, { note: string; initial: "none" | "active" | "expired" }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db().importedWorker.findMany({
    where: { workshopId, userId: { in: userIds } },
    select: { userId: true, note: true, initialPassword: true, createdAt: true },
  });
  return new Map(
    rows.map((row) => [
      row.userId,
      {
        note: row.note,
        initial: !row.initialPassword ? "none" : initialPasswordExpired(row.createdAt, now) ? "expired" : "active",
      },
    ]),
  );
}
