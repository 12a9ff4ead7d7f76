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
import { PrismaClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client.ts";
import { getEnv, projectRoot } from "./env.server.ts";
import { sqliteFilePath } from "./database-url.ts";

export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

declare global {
  var __pieceworkDb: { url: string; client: Db } | undefined;
}

function createClient(url: string): Db {
  if (getEnv().databaseEngine === "postgresql") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
    return client as unknown as Db;
  }
  const file = sqliteFilePath(url, projectRoot());
  // timeout: wait up to 10 s for the writer lock instead of failing at once.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 }) });
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
  globalThis.__pieceworkDb = undefined;
  if (current) await current.client.$disconnect();
}
