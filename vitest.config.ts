import { defineConfig } from "vitest/config";

// Three projects: "unit" runs pure code (domain, i18n, schemas) with no database;
// "db" runs models, loaders and actions against a real migrated database
// (a fresh SQLite file per test file, or a fresh PostgreSQL database when
// TEST_DATABASE=postgresql; see tests/setup/); "ops" runs the operator's
// SQLite commands (npm run backup / restore). The production-start test has
// its own configuration (vitest.production.config.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/domain/**/*.test.ts", "tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console.ts"],
          // Property tests, ESLint runs and 24 MB bodies take seconds; on a busy 2-core machine over 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "db",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/fail-on-console.ts", "tests/setup/per-file-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The operator's commands (backup, restore) run as child processes against SQLite files of their own.
        test: {
          name: "ops",
          include: ["tests/ops/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
