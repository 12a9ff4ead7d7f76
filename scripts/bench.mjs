// `npm run bench`: benchmarks printed as ratios against a baseline run in the
// same process (not timed tests). Runs the TypeScript bench files with tsx.
//   npm run bench                  every bench
//   npm run bench -- http money    only the named ones (money, allocation, http, settlement, district)
// The HTTP bench builds when needed and serves the production build on a
// throwaway database (tests/bench/http.bench.ts); BENCH_SECONDS sets its time per route.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const benches = ["money", "allocation", "http", "settlement", "district"];
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !benches.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(", ")}; choose from ${benches.join(", ")}.`);
  process.exit(2);
}
execFileSync(process.execPath, [join(root, "scripts/generate.mjs")], { stdio: ["ignore", "ignore", "inherit"] });
for (const name of benches.filter((b) => wanted.length === 0 || wanted.includes(b))) {
  execFileSync(process.execPath, ["--import", "tsx", join(root, `tests/bench/${name}.bench.ts`)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "test" },
  });
}
