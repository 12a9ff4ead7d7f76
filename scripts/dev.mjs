// `npm run dev`: development server with live reload on the embedded SQLite
// database (migrated and seeded first).
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NODE_ENV: "development" };
execFileSync("npm", ["run", "--silent", "db:generate"], { cwd: root, stdio: "inherit", env });
const { migrate } = await import("./db-migrate.mjs");
migrate(env);
execFileSync(process.execPath, ["--import", "tsx", join(root, "prisma/seed.ts")], { cwd: root, stdio: "inherit", env });
execFileSync(join(root, "node_modules/.bin/remix"), ["dev", "-c", "node server.mjs"], {
  cwd: root,
  stdio: "inherit",
  env,
});
