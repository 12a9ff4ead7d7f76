// Prisma CLI configuration (Prisma 6.19.3, pinned). Only this version migrates
// offline here, through its early-access JS schema engine driven by a driver
// adapter (docs/decisions/002-prisma-offline-engine.md).
//
// The engine is picked from DATABASE_URL: file: -> SQLite (prisma/schema.prisma,
// prisma/migrations); postgresql:// -> PostgreSQL (prisma/postgresql/...).
// When DATABASE_URL is unset the embedded SQLite file is used; it is set here
// because without it the CLI falls back to the native engine and tries to
// download it.
//
// The three workarounds for faults of the early-access engine in 6.19.3 live
// here and nowhere else. Remove them when upgrading Prisma, and re-run
// tests/integration/schema-sync.test.ts on both engines.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseEngine, resolveDatabaseUrl, sqliteFilePath } from "./app/infra/database-url.ts";

const root = path.dirname(new URL(import.meta.url).pathname);
const url = resolveDatabaseUrl(process.env, root);
process.env.DATABASE_URL = url;
const engine = databaseEngine(url);

type AnyAdapter = {
  executeRaw(query: { sql: string; args: unknown[] }): Promise<number>;
  executeScript(script: string): Promise<void>;
};

// Workaround 1 (SQLite, migrate dev / diff --from-migrations): the shadow
// database is fed whole multi-statement migration files through executeRaw,
// which better-sqlite3 rejects ("P3006 ... External error id#0"). A statement
// batch without arguments goes through executeScript instead.
function acceptScripts<T extends AnyAdapter>(adapter: T): T {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && hasSeveralStatements(query.sql)) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

function hasSeveralStatements(sql: string): boolean {
  return sql.split(";").filter((part) => part.trim().length > 0).length > 1;
}

async function sqliteAdapter() {
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  const factory = new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url, root)}` });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => acceptScripts(await factory.connect()),
    connectToShadowDb: async () => acceptScripts(await factory.connectToShadowDb()),
  };
}

// Workaround 2 (PostgreSQL, migrate dev|deploy): "Column type 'name' could not
// be deserialized" (prisma/orm issue 27403; then the same for "char"): the
// migration engine reads catalog columns of types name (19), char (18) and
// their arrays (1003, 1002) that adapter-pg 6.19.3 cannot map. Report them as
// text (25) and text[] (1009), which is what they hold.
const CATALOG_TYPE_AS_TEXT: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

type PgField = { dataTypeID: number };
type PgResult = { fields?: PgField[] };

function fixFields<R>(result: R): R {
  const fields = (result as PgResult | undefined)?.fields;
  if (fields) {
    for (const field of fields) {
      const replacement = CATALOG_TYPE_AS_TEXT[field.dataTypeID];
      if (replacement !== undefined) field.dataTypeID = replacement;
    }
  }
  return result;
}

async function postgresAdapter() {
  const pg = (await import("pg")).default;
  const { PrismaPg } = await import("@prisma/adapter-pg");

  function patchedPool(connectionString: string) {
    const pool = new pg.Pool({ connectionString });
    pool.on("connect", (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
        const last = args[args.length - 1];
        if (typeof last === "function") {
          const callback = last as (err: unknown, res: unknown) => void;
          args[args.length - 1] = (err: unknown, res: unknown) => callback(err, fixFields(res));
          return query(...args);
        }
        const result = query(...args);
        return result instanceof Promise ? result.then(fixFields) : result;
      };
    });
    return pool;
  }

  const factory = new PrismaPg(patchedPool(url));
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    // Workaround 3 (PostgreSQL shadow database): the stock connectToShadowDb
    // keeps the main database when given a connection string, and drops its
    // throwaway database while its own pool still holds connections. Create a
    // throwaway database, and drop it WITH (FORCE) after closing the pool.
    connectToShadowDb: async () => {
      const name = `piecework_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const shadowPool = patchedPool(shadowUrl.toString());
      const shadow = new PrismaPg(shadowPool, { disposeExternalPool: true });
      const adapter = await shadow.connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      };
      return adapter;
    },
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: engine === "sqlite" ? "prisma/schema.prisma" : "prisma/postgresql/schema.prisma",
  migrations: {
    path: engine === "sqlite" ? "prisma/migrations" : "prisma/postgresql/migrations",
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's adapter type is internal
  adapter: (engine === "sqlite" ? sqliteAdapter : postgresAdapter) as any,
});
