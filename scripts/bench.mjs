// `npm run bench`: benchmarks printed as ratios against a baseline run in the
// same process (not timed tests). Runs the TypeScript bench files with tsx.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [join(root, "scripts/generate.mjs")], { stdio: ["ignore", "ignore", "inherit"] });
for (const file of ["tests/bench/money.bench.ts", "tests/bench/allocation.bench.ts"]) {
  execFileSync(process.execPath, ["--import", "tsx", join(root, file)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "test" },
  });
}
