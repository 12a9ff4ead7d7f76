import { defineConfig } from "vitest/config";

// Two projects: "unit" runs pure code (domain, i18n, schemas) with no database;
// "db" runs models, loaders and actions against a real migrated database
// (a fresh SQLite file per test file, or a fresh PostgreSQL database when
// TEST_DATABASE=postgresql). See tests/setup/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/domain/**/*.test.ts", "tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console.ts"],
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
    ],
  },
});
