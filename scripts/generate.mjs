// Generates both Prisma clients (app/generated/sqlite and app/generated/postgresql)
// after regenerating the PostgreSQL schema from the SQLite one. prisma.config.ts
// picks the schema from DATABASE_URL, so each run names its engine's URL (no
// connection is made by generate).
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [join(root, "scripts/schema-sync.mjs")], { stdio: "inherit" });
const prisma = join(root, "node_modules/.bin/prisma");
for (const url of ["file:./data/generate-only.db", "postgresql://generate-only@127.0.0.1:1/none"]) {
  execFileSync(prisma, ["generate"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
console.log("Generated the SQLite and PostgreSQL clients.");
