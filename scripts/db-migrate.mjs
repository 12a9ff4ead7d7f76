// Applies the migrations of the engine DATABASE_URL names (default: the
// embedded SQLite file data/piecework.db), creating the SQLite folder if needed.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export function migrate(env = process.env) {
  const url = env.DATABASE_URL?.trim() || `file:${join(root, "data/piecework.db")}`;
  if (url.startsWith("file:")) {
    const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
    mkdirSync(dirname(isAbsolute(file) ? file : join(root, file)), { recursive: true });
  }
  execFileSync(join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...env, DATABASE_URL: url },
  });
  return url;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = migrate();
  console.log(`Migrated ${url.startsWith("file:") ? url : url.replace(/\/\/[^@]*@/, "//***@")}`);
}
