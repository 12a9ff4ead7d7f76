// `npm start`: the one command that runs the app on a fresh clone. Installs
// dependencies when they are missing, generates the Prisma clients, builds,
// migrates the embedded SQLite database, seeds the demo data, prints the demo
// logins and serves on http://localhost:3000 (PORT to change).
// Uses only Node built-ins until the install step has run.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { cwd: root, stdio: "inherit", env });

if (!existsSync(join(root, "node_modules/.bin/remix")) || !existsSync(join(root, "node_modules/.bin/prisma"))) {
  console.log("Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

const demo = process.env.PIECEWORK_DEMO ?? (process.env.SESSION_SECRET ? "0" : "1");
const env = { ...process.env, NODE_ENV: "production", PIECEWORK_DEMO: demo };

console.log("Generating the database clients and building…");
run("npm", ["run", "--silent", "build"], env);

const { migrate } = await import("./db-migrate.mjs");
migrate(env);

if (demo === "1") {
  run(process.execPath, ["--import", "tsx", join(root, "prisma/seed.ts")], env);
}

const server = spawn(process.execPath, [join(root, "server.mjs")], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
