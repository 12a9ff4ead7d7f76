import { defineConfig } from "vitest/config";

// The production-start test (tests/production/): the documented production path
// on PostgreSQL, against the build. It needs `npm run build` to have run and a
// PostgreSQL server in TEST_POSTGRES_URL, so it is not one of the default
// projects in vitest.config.ts; scripts/test.mjs runs it after the browser
// journeys (which build): `npx vitest run --config vitest.production.config.ts`.
export default defineConfig({
  test: {
    name: "production",
    include: ["tests/production/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/setup/fail-on-console.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
