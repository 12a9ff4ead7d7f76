// Review of issue 7 ("routes never import the database client"): two ways
// around the layering rule that ESLint does not report today. Each probe is
// linted with the project's own configuration at a path that does not exist.
import { ESLint } from "eslint";
import { beforeAll, expect, test } from "vitest";

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function errorsAt(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

test("a route may not reach the database client through a dynamic import()", async () => {
  const errors = await errorsAt(
    "app/routes/review-probe.tsx",
    'export async function loader() {\n  const { db } = await import("../infra/db.server.ts");\n  return db().user.findMany();\n}',
  );
  expect(errors.length).toBeGreaterThan(0);
});

test("app/utils may not import the database client (else a util re-exports it to the routes)", async () => {
  // utils -> models -> infra (ADR 014): a request-level helper calls a model, never Prisma itself.
  const errors = await errorsAt("app/utils/review-probe.server.ts", 'export { db } from "../infra/db.server.ts";');
  expect(errors.length).toBeGreaterThan(0);
});
