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
  globalThis.__pieceworkDb = undefined;
  globalThis.__pieceworkReader = undefined;
  if (current) await current.client.$disconnect();
  if (reader) await (await reader.adapter).dispose();
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
  const url = getEnv().databaseUrl;
  if (!globalThis.__pieceworkReader || globalThis.__pieceworkReader.url !== url) {
    globalThis.__pieceworkReader = { url, adapter: connectReader(url) };
  }
  const adapter = await globalThis.__pieceworkReader.adapter;
  const sql = getEnv().databaseEngine === "postgresql" ? query.text : query.sql;
  const result = await adapter.queryRaw({ sql, args: query.values, argTypes: query.values.map(argType) });
  return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, i) => [name, row[i]])));
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
