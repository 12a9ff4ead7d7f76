// Configuration, read and validated once (docs/conventions.md §8). Defaults run the app
// on embedded SQLite with no set-up. Demo accounts and the built-in session
// secret exist only in development, test, or when PIECEWORK_DEMO=1 is given:
// started for production without it, the app refuses to boot without its own
// SESSION_SECRET.
import path from "node:path";
import { z } from "zod";
import { databaseEngine, resolveDatabaseUrl, sqliteFilePath, type DatabaseEngine } from "./database-url.ts";

const DEMO_SESSION_SECRET = "piecework-demo-secret-not-for-production";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  PIECEWORK_DEMO: z.enum(["0", "1", ""]).optional(),
  TRUST_PROXY: z.enum(["0", "1", ""]).optional(),
  PHOTO_DIR: z.string().optional(),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string;
  databaseEngine: DatabaseEngine;
  /** Signing secrets, newest first (SESSION_SECRET may list several, comma-separated, for rotation). */
  sessionSecrets: string[];
  demo: boolean;
  secureCookies: boolean;
  trustProxy: boolean;
  /** The folder photos are stored in (absolute): PHOTO_DIR, else photos/ beside the SQLite file (data/photos). */
  photoDir: string;
};

export function parseEnv(raw: Record<string, string | undefined>, projectRoot: string): Env {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const e = parsed.data;
  const demo = e.PIECEWORK_DEMO === "1" || e.NODE_ENV !== "production";
  const secrets = (e.SESSION_SECRET ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (secrets.length === 0) {
    if (!demo) {
      throw new Error(
        "SESSION_SECRET is required in production. Set SESSION_SECRET to a long random string " +
          "(or PIECEWORK_DEMO=1 for a demo with the built-in secret and demo accounts).",
      );
    }
    secrets.push(DEMO_SESSION_SECRET);
  } else if (secrets.some((s) => s.length < 32) && !demo) {
    throw new Error("SESSION_SECRET must be at least 32 characters long.");
  }
  const databaseUrl = resolveDatabaseUrl(raw, projectRoot);
  const engine = databaseEngine(databaseUrl);
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl,
    databaseEngine: engine,
    sessionSecrets: secrets,
    demo,
    secureCookies: e.NODE_ENV === "production" && e.PIECEWORK_DEMO !== "1",
    trustProxy: e.TRUST_PROXY === "1",
    photoDir: resolvePhotoDir(e.PHOTO_DIR, databaseUrl, engine, projectRoot),
  };
}

/**
 * Where photos live: PHOTO_DIR (a relative one is taken from the project
 * root); by default a photos/ folder beside the SQLite database file, so the
 * default data/piecework.db keeps its photos in data/photos; with PostgreSQL,
 * data/photos in the project.
 */
function resolvePhotoDir(
  configured: string | undefined,
  databaseUrl: string,
  engine: DatabaseEngine,
  projectRoot: string,
): string {
  const dir = configured?.trim();
  if (dir) return path.resolve(projectRoot, dir);
  if (engine === "sqlite") return path.join(path.dirname(sqliteFilePath(databaseUrl, projectRoot)), "photos");
  return path.join(projectRoot, "data", "photos");
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env, process.cwd());
  return cached;
}

export function projectRoot(): string {
  return path.resolve(process.cwd());
}
