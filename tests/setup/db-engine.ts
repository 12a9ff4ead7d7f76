// Which database the "db" test project runs against: SQLite by default,
// PostgreSQL when TEST_DATABASE=postgresql (with TEST_POSTGRES_URL naming a
// server; scripts/test.mjs starts one). Both run in `npm test` and in CI.
export type TestEngine = "sqlite" | "postgresql";

export function testEngine(): TestEngine {
  const value = process.env.TEST_DATABASE ?? "sqlite";
  if (value !== "sqlite" && value !== "postgresql")
    throw new Error(`TEST_DATABASE must be sqlite or postgresql, not ${value}`);
  return value;
}

export function postgresServerUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error("TEST_DATABASE=postgresql needs TEST_POSTGRES_URL (see scripts/pg-cluster.sh)");
  return url;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
