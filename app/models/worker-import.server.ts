// Importing a community's workers at once (issue 10, ADR 025). Three steps:
//   1. stage: the sheet is read and its rows kept on the server under a random
//      one-time id, for the coordinator who uploaded it in her workshop, for an
//      hour; nothing else is written;
//   2. preview: the rows, each checked now (so a number registered since the
//      upload shows as registered);
//   3. confirm: checked again; when the rows that would be created are not the
//      ones the preview showed, nothing is written ("changed": she looks again);
//      else every valid row gets an 8-digit initial password, hashed with the
//      slow hash before the transaction (a few at a time), and one transaction
//      creates the accounts, their passwords, their import records and audit
//      events (multi-row inserts) and deletes the staged import, so a confirm
//      happens once. The passwords are answered once, to that request only.
import { createHash, randomBytes, randomInt } from "node:crypto";
import type { Actor } from "../domain/access.ts";
import {
  IMPORT_TTL_MS,
  decodeSheetText,
  initialPassword,
  parseCsv,
  sniffSheet,
  tableToRows,
  type ImportRefusal,
  type RawRow,
} from "../domain/worker-import.ts";
import { checkImportRows, importPhones, type CheckedRow } from "../forms/worker-import.ts";
import { db, type Db, type Tx } from "../infra/db.server.ts";
import { DEFAULT_COST, hashPassword } from "../infra/password.server.ts";
import { readXlsxTable } from "../infra/xlsx-reader.server.ts";
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
  const sheet = await readImportSheet(file.bytes);
  if (!sheet.ok) return fail(sheet.code);
  const id = randomBytes(24).toString("base64url");
  await db().$transaction(async (tx) => {
    await tx.workerImport.deleteMany({ where: { expiresAt: { lte: now } } });
    await tx.workerImport.create({
      data: {
        id,
        workshopId: actor.workshopId,
        coordinatorId: actor.userId,
        fileName: cleanFileName(file.name),
        rows: JSON.stringify(sheet.rows),
        createdAt: now,
        expiresAt: new Date(now.getTime() + IMPORT_TTL_MS),
      },
    });
  });
  return ok({ id, encoding: sheet.encoding });
}

type Staged = { id: string; fileName: string; rows: RawRow[]; expiresAt: Date };

/** A staged import of this coordinator in this workshop, not expired; null for anyone else's or a used one. */
async function findStaged(client: Tx | Db, actor: Actor, id: string, now: Date): Promise<Staged | null> {
  if (id === "" || id.length > 64) return null;
  const row = await client.workerImport.findFirst({
    where: { id, workshopId: actor.workshopId, coordinatorId: actor.userId, expiresAt: { gt: now } },
    select: { id: true, fileName: true, rows: true, expiresAt: true },
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
};

/** The staged import with each row checked now; null when it is not hers, used or expired. */
export async function previewWorkerImport(actor: Actor, id: string, now: Date): Promise<ImportPreview | null> {
  const staged = await findStaged(db(), actor, id, now);
  if (!staged) return null;
  const rows = checkImportRows(staged.rows, await registeredAmong(db(), importPhones(staged.rows)));
  const okCount = rows.filter((r) => !r.error).length;
  return {
    id: staged.id,
    fileName: staged.fileName,
    expiresAt: staged.expiresAt,
    rows,
    okCount,
    errorCount: rows.length - okCount,
    digest: okDigest(rows),
  };
}

/** Discards a staged import (hers only); nothing else changes. */
export async function discardWorkerImport(actor: Actor, id: string): Promise<void> {
  await db().workerImport.deleteMany({ where: { id, workshopId: actor.workshopId, coordinatorId: actor.userId } });
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
/** Thrown inside the confirm's transaction to roll it back when the request is gone. */
class Abandoned extends Error {}

export type ConfirmOptions = {
  cost?: { N: number; r: number; p: number };
  concurrency?: number;
  /** Called once the passwords are hashed, just before the transaction (the crash test's cue). */
  onHashed?: () => void | Promise<void>;
  /**
   * The request's signal: when she is gone before the accounts are committed (a proxy's timeout, a
   * dropped signal, a closed screen), nothing is written and the staged import stays for her to confirm
   * again, since the one-time passwords could never be shown (abandoned).
   */
  signal?: AbortSignal;
};

/**
 * Creates the staged import's valid rows as workers of the actor's workshop, all
 * or none. notFound: not hers, already confirmed, discarded or expired.
 * changed: the rows that would be created differ from what the preview showed
 * (`seen`), e.g. a number registered meanwhile: nothing is written, the staged
 * import stays for her to look at again. nothingToImport: no valid row.
 */
export async function confirmWorkerImport(
  actor: Actor,
  id: string,
  seen: string,
  now: Date,
  options: ConfirmOptions = {},
): Promise<
  Result<{ workers: CreatedWorker[]; skipped: number }, "notFound" | "changed" | "nothingToImport" | "abandoned">
> {
  const preview = await previewWorkerImport(actor, id, now);
  if (!preview) return fail("notFound");
  if (preview.digest !== seen) return fail("changed");
  const valid = preview.rows.filter((row) => !row.error);
  if (valid.length === 0) return fail("nothingToImport");
  const passwords = valid.map(() => initialPassword((max) => randomInt(max)));
  const hashes = await mapLimited(passwords, options.concurrency ?? HASH_CONCURRENCY, (password) =>
    hashPassword(password, options.cost ?? DEFAULT_COST),
  );
  await options.onHashed?.();
  if (options.signal?.aborted) return fail("abandoned");
  try {
    return await db().$transaction(
      async (tx) => {
        // Checked again inside the transaction: still hers and unused, still no account on these numbers.
        const staged = await findStaged(tx, actor, id, now);
        if (!staged) return fail("notFound");
        const taken = await registeredAmong(
          tx,
          valid.map((row) => row.phone),
        );
        if (taken.size > 0) return fail("changed");
        const { count } = await tx.workerImport.deleteMany({ where: { id, workshopId: actor.workshopId } });
        if (count !== 1) return fail("notFound");
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
        await recordAudit(tx, actor, {
          action: "worker.import",
          entityType: "WorkerImport",
          entityId: id,
          after: { fileName: staged.fileName, created: valid.length, refusedRows: preview.errorCount },
        });
        // One user.create event per account, as a coordinator's single "add worker" records (recordAudit's shape, in one insert).
        await tx.auditEvent.createMany({
          data: valid.map((row) => ({
            actorId: actor.userId,
            workshopId: actor.workshopId,
            action: "user.create",
            entityType: "User",
            entityId: userId(row.phone),
            before: null,
            after: auditJson({
              role: "worker",
              name: row.name,
              phone: row.phone,
              note: row.note,
              source: `import ${id}`,
            }),
            createdAt: now,
          })),
        });
        // Gone while the rows were written: roll it all back (the passwords could never be shown).
        if (options.signal?.aborted) throw new Abandoned();
        return ok({
          workers: valid.map((row, i) => ({ name: row.name, phone: row.phone, password: passwords[i]! })),
          skipped: preview.errorCount,
        });
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof Abandoned) return fail("abandoned");
    // A number taken by a concurrent request between the check and the insert: nothing was written.
    if (isUniqueViolation(error)) return fail("changed");
    throw error;
  }
}

/** Whether the account still has the initial password an import printed for it (she is asked to choose her own). */
export async function hasInitialPassword(userId: string): Promise<boolean> {
  const row = await db().importedWorker.findUnique({ where: { userId }, select: { initialPassword: true } });
  return row?.initialPassword ?? false;
}

/** Marks the initial password as replaced (in the caller's transaction: a password change or reset). */
export async function clearInitialPassword(tx: Tx, userId: string): Promise<void> {
  await tx.importedWorker.updateMany({ where: { userId, initialPassword: true }, data: { initialPassword: false } });
}

/** The notes an import left on a workshop's workers, by user id. */
export async function importNotes(workshopId: string): Promise<Map<string, string>> {
  const rows = await db().importedWorker.findMany({
    where: { workshopId, note: { not: "" } },
    select: { userId: true, note: true },
  });
  return new Map(rows.map((row) => [row.userId, row.note]));
}
