// Which database engine a DATABASE_URL names. Shared by the app
// (app/infra/env.server.ts), the Prisma CLI (prisma.config.ts) and the scripts,
// so that "SQLite by default, PostgreSQL for a postgres URL" is decided once.
import path from "node:path";

export type DatabaseEngine = "sqlite" | "postgresql";

export const DEFAULT_SQLITE_FILE = "data/piecework.db";

export function databaseEngine(url: string): DatabaseEngine {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (/^file:/i.test(url)) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.slice(0, 20)}..."`,
  );
}

/** The URL to use: DATABASE_URL if set, else the embedded SQLite file. */
export function resolveDatabaseUrl(env: Record<string, string | undefined>, projectRoot: string): string {
  const url = env.DATABASE_URL?.trim();
  if (url) return url;
  return `file:${path.join(projectRoot, DEFAULT_SQLITE_FILE)}`;
}

/** The filesystem path of a file: URL (relative paths are taken from projectRoot). */
export function sqliteFilePath(url: string, projectRoot: string): string {
  const raw = url.replace(/^file:/i, "").replace(/\?.*$/, "");
  return path.isAbsolute(raw) ? raw : path.join(projectRoot, raw);
}
