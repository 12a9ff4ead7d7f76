// The single Prisma client (docs/conventions.md §3: one client, kept on globalThis so that
// `remix dev` re-imports do not pile clients up). The engine comes from
// DATABASE_URL at run time; only the active query compiler is loaded (at the
// first query).
//
// The two generated clients have the same API but TypeScript cannot use them
// as a union (TS2349), so model code is typed against the SQLite client and the
// PostgreSQL one is cast once, here (docs/decisions/003-schema-sync.md).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { Prisma, PrismaClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client.ts";
import { getEnv, projectRoot } from "./env.server.ts";
import { sqliteFilePath } from "./database-url.ts";

export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

declare global {
  var __pieceworkDb: { url: string; client: Db } | undefined;
  var __pieceworkReader: { url: string; adapter: Promise<Adapter> } | undefined;
  var __pieceworkSnapshot: { url: string; file?: Database; helper?: Promise<Adapter> } | undefined;
}

/**
 * A burst of writes (a workshop's workers all logging pieces in the evening, a
 * phone re-sending its offline queue) waits for a pooled connection up to
 * 10 s instead of failing after Prisma's default 2 s; a transaction may then
 * run up to 15 s.
 */
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

function createClient(url: string): Db {
  if (getEnv().databaseEngine === "postgresql") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions });
    return client as unknown as Db;
  }
  const file = sqliteFilePath(url, projectRoot());
  // timeout: wait up to 10 s for the writer lock instead of failing at once.
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 }),
    transactionOptions,
  });
}

/** The application's database client. Only app/models and scripts use it. */
export function db(): Db {
  const url = getEnv().databaseUrl;
  if (!globalThis.__pieceworkDb || globalThis.__pieceworkDb.url !== url) {
    globalThis.__pieceworkDb = { url, client: createClient(url) };
  }
  return globalThis.__pieceworkDb.client;
}

export async function disconnectDb(): Promise<void> {
  const current = globalThis.__pieceworkDb;
  const reader = globalThis.__pieceworkReader;
  const snapshot = globalThis.__pieceworkSnapshot;
  globalThis.__pieceworkDb = undefined;
  globalThis.__pieceworkReader = undefined;
  globalThis.__pieceworkSnapshot = undefined;
  if (current) await current.client.$disconnect();
  if (reader) await (await reader.adapter).dispose();
  await closeSnapshot(snapshot);
}

// ---------------------------------------------------------------------------
// Hot reads
//
// The Prisma client (JS engine) spends about 0.25 ms of CPU on every call, raw
// SQL included (it compiles a query plan in WebAssembly and interprets it),
// while the query itself takes microseconds. The reads made on almost every
// request (who is asking) and by the worker's pages go straight to a driver
// adapter of their own instead (the same adapter classes the client uses, via
// their public queryRaw): about 0.06 ms. Read-only, outside transactions, with
// SQL written for both engines. docs/decisions/015-worker-page-weight-and-speed.md

function connectReader(url: string): Promise<Adapter> {
  if (getEnv().databaseEngine === "postgresql") {
    return new PrismaPg({ connectionString: url, max: 4 }).connect() as Promise<Adapter>;
  }
  const file = sqliteFilePath(url, projectRoot());
  return new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 }).connect();
}

function argType(value: unknown) {
  const scalarType = typeof value === "number" ? "int" : typeof value === "bigint" ? "bigint" : "string";
  return { scalarType, arity: "scalar" } as const;
}

/**
 * The rows of a read-only query, as objects keyed by column name. Values come
 * as the driver gives them (dates, big integers and booleans often as text):
 * read them with the decoders below. Write `query` with Prisma.sql; never use
 * this inside a transaction (it reads on its own connection).
 */
export async function readRows(query: Prisma.Sql): Promise<Record<string, unknown>[]> {
  return rowsOf(await reader(), query);
}

function reader(): Promise<Adapter> {
  const url = getEnv().databaseUrl;
  if (!globalThis.__pieceworkReader || globalThis.__pieceworkReader.url !== url) {
    globalThis.__pieceworkReader = { url, adapter: connectReader(url) };
  }
  return globalThis.__pieceworkReader.adapter;
}

type Queryable = Pick<Adapter, "queryRaw">;

async function rowsOf(on: Queryable, query: Prisma.Sql): Promise<Record<string, unknown>[]> {
  const sql = getEnv().databaseEngine === "postgresql" ? query.text : query.sql;
  const result = await on.queryRaw({ sql, args: query.values, argTypes: query.values.map(argType) });
  return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, i) => [name, row[i]])));
}

/**
 * Tests only (tests/integration/district-snapshot.test.ts): called after each query of a
 * snapshot but the last (by index), to land a write between two of its reads. On SQLite it
 * must be synchronous (the snapshot is read in one go, below).
 */
export const snapshotSeam: { between: ((index: number) => void | Promise<void>) | null } = { between: null };

/**
 * The rows of several read-only queries, all read from ONE snapshot of the database, so that
 * figures read by different queries agree with each other (a month settled meanwhile is in all
 * of them or in none). Like readRows: no Prisma query plan, values as the driver gives them
 * (read them with the decoders below), SQL written for both engines, never inside a transaction.
 * Put the slowest queries first (PostgreSQL runs two at a time, in the order given).
 * - PostgreSQL: READ ONLY, REPEATABLE READ transactions (every statement sees the snapshot taken
 *   at the first; READ COMMITTED would take one per statement): one on a reader connection, which
 *   exports its snapshot (pg_export_snapshot, as pg_dump does), and one on a helper connection
 *   that imports it (SET TRANSACTION SNAPSHOT), so two queries run at once as they did before
 *   (the report's two slowest each take about as long as all the others). The helper comes from
 *   a pool of its own: a read holds one reader and waits for at most one helper, and a helper's
 *   holder waits for nothing, so concurrent reads can never wait on each other in a circle.
 * - SQLite: BEGIN … COMMIT on a read-only connection of its own, every query run synchronously
 *   in between: the shared lock held from the first read to COMMIT keeps any other connection
 *   from committing in the meantime (rollback journal; in WAL mode the transaction would read
 *   one snapshot instead). Nothing else in this process runs in between either, because
 *   better-sqlite3 does not yield: a write of this process (Prisma's connection) can never wait
 *   synchronously for a lock that only our next step, stuck behind it, would release.
 */
export async function readSnapshot(queries: readonly Prisma.Sql[]): Promise<Record<string, unknown>[][]> {
  if (getEnv().databaseEngine === "postgresql") return readPostgresSnapshot(queries);
  const file = snapshotFile();
  file.exec("BEGIN");
  try {
    const results = queries.map((query, i) => {
      const rows = file.prepare(query.sql).all(...query.values) as Record<string, unknown>[];
      if (i < queries.length - 1 && snapshotSeam.between?.(i) instanceof Promise) {
        throw new TypeError("a snapshot's seam must be synchronous on SQLite");
      }
      return rows;
    });
    file.exec("COMMIT");
    return results;
  } catch (error) {
    if (file.inTransaction) file.exec("ROLLBACK");
    throw error;
  }
}

type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A READ ONLY, REPEATABLE READ transaction; with `snapshot`, reading that exported snapshot. */
async function snapshotTransaction(adapter: Adapter, snapshot?: string): Promise<Transaction> {
  const tx = await adapter.startTransaction("REPEATABLE READ");
  try {
    await command(tx, "SET TRANSACTION READ ONLY");
    if (snapshot !== undefined) await command(tx, `SET TRANSACTION SNAPSHOT '${snapshot}'`);
    return tx;
  } catch (error) {
    await end(tx, "ROLLBACK");
    throw error;
  }
}

function command(tx: Transaction, sql: string) {
  return tx.executeRaw({ sql, args: [], argTypes: [] });
}

/** Ends a transaction and gives its connection back (the adapter leaves COMMIT/ROLLBACK to its caller). */
async function end(tx: Transaction, how: "COMMIT" | "ROLLBACK"): Promise<void> {
  try {
    await command(tx, how);
  } finally {
    await (how === "COMMIT" ? tx.commit() : tx.rollback());
  }
}

async function readPostgresSnapshot(queries: readonly Prisma.Sql[]): Promise<Record<string, unknown>[][]> {
  const lead = await snapshotTransaction(await reader());
  const open: Transaction[] = [lead];
  let failed = false;
  try {
    const results: Record<string, unknown>[][] = [];
    if (queries.length > 1) {
      const [exported] = await rowsOf(lead, Prisma.sql`SELECT pg_export_snapshot() AS "id"`);
      const id = textOf(exported?.id);
      if (!/^[0-9A-F]+(-[0-9A-F]+)+$/i.test(id)) throw new Error(`unexpected snapshot id ${id}`);
      open.push(await snapshotTransaction(await snapshotHelper(), id));
    }
    // Each connection takes the next query as soon as it is free.
    let next = 0;
    const work = async (tx: Transaction) => {
      try {
        for (let i = next++; i < queries.length; i = next++) {
          results[i] = await rowsOf(tx, queries[i]!);
          if (i < queries.length - 1) await snapshotSeam.between?.(i);
        }
      } catch (error) {
        next = queries.length; // the other connection stops too
        throw error;
      }
    };
    const done = await Promise.allSettled(open.map(work));
    const refused = done.find((d) => d.status === "rejected");
    if (refused) throw refused.reason;
    return results;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // The helper first: it reads the lead's exported snapshot only while the lead is open.
    for (const tx of open.reverse()) await end(tx, failed ? "ROLLBACK" : "COMMIT").catch(() => {});
  }
}

/** PostgreSQL: the pool snapshot reads take their helper connection from (see readSnapshot). */
function snapshotHelper(): Promise<Adapter> {
  const url = getEnv().databaseUrl;
  if (!globalThis.__pieceworkSnapshot || globalThis.__pieceworkSnapshot.url !== url) {
    closeSnapshot(globalThis.__pieceworkSnapshot);
    const helper = new PrismaPg({ connectionString: url, max: 2 }).connect() as Promise<Adapter>;
    globalThis.__pieceworkSnapshot = { url, helper };
  }
  return globalThis.__pieceworkSnapshot.helper!;
}

/** SQLite: the connection snapshots are read on: read-only, integers as BigInt (the decoders take them). */
function snapshotFile(): Database {
  const url = getEnv().databaseUrl;
  if (!globalThis.__pieceworkSnapshot || globalThis.__pieceworkSnapshot.url !== url) {
    closeSnapshot(globalThis.__pieceworkSnapshot);
    const path = sqliteFilePath(url, projectRoot());
    const file = new Database(path, { readonly: true, fileMustExist: true, timeout: 10_000 });
    file.defaultSafeIntegers(true);
    globalThis.__pieceworkSnapshot = { url, file };
  }
  return globalThis.__pieceworkSnapshot.file!;
}

function closeSnapshot(snapshot: typeof globalThis.__pieceworkSnapshot): Promise<void> {
  snapshot?.file?.close();
  return snapshot?.helper ? snapshot.helper.then((a) => a.dispose()).catch(() => {}) : Promise.resolve();
}

export { Prisma };

function unexpected(what: string, value: unknown): never {
  throw new TypeError(`unexpected ${what} from the database: ${typeof value} ${String(value)}`);
}

export function textOf(value: unknown): string {
  return typeof value === "string" ? value : unexpected("text", value);
}

export function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : textOf(value);
}

export function intOf(value: unknown): number {
  const n = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n)
    ? n
    : typeof n === "bigint"
      ? intOf(Number(n))
      : unexpected("integer", value);
}

export function bigintOrNull(value: unknown): bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  return unexpected("big integer", value);
}

export function bigintOf(value: unknown): bigint {
  return bigintOrNull(value) ?? unexpected("big integer", value);
}

export function booleanOf(value: unknown): boolean {
  if (value === true || value === 1 || value === "1" || value === "true" || value === "t") return true;
  if (value === false || value === 0 || value === "0" || value === "false" || value === "f") return false;
  return unexpected("boolean", value);
}

/** A timestamp: a Date, epoch milliseconds, or ISO text (SQLite's "YYYY-MM-DD HH:MM:SS" is UTC too). */
export function dateOf(value: unknown): Date {
  const text =
    typeof value === "string" && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)
      ? `${value.replace(" ", "T")}Z`
      : value;
  const date =
    text instanceof Date ? text : typeof text === "string" || typeof text === "number" ? new Date(text) : null;
  return date && !Number.isNaN(date.getTime()) ? date : unexpected("date", value);
}
