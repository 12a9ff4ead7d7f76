// The layering of app/ is a lint rule (eslint.config.js, ADR 014), not a hope:
// each deliberate violation below must be reported by ESLint with the project's
// own configuration, and the allowed imports next to it must pass. The files do
// not exist; ESLint lints the text as if it stood at that path.
import { ESLint } from "eslint";
import { beforeAll, expect, test } from "vitest";

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The messages of the layering rule for `code` placed at `filePath`. */
async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => `${m.severity === 2 ? "error" : "warn"}: ${m.message}`);
}

test.each([
  ['import { redirect as x } from "@remix-run/node";', "Remix"],
  ['import { useState as x } from "react";', "React"],
  ['import { PrismaClient as x } from "@prisma/client";', "Prisma"],
  ['import { db as x } from "../infra/db.server.ts";', "the database client"],
  ['import { getEnv as x } from "../infra/env.server.ts";', "configuration"],
  ['import { setRate as x } from "../models/rates.server.ts";', "a model"],
  ['import { badRequest as x } from "../utils/forms.server.ts";', "a util"],
  ['import { Notice as x } from "../components/forms.tsx";', "a component"],
])("app/domain may not import %s (%s)", async (code) => {
  const errors = await layeringErrors("app/domain/layering-probe.ts", code);
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(e).toMatch(/^error: /);
});

test("app/domain may import the rest of the domain and plain libraries", async () => {
  expect(await layeringErrors("app/domain/layering-probe.ts", 'import { parseRate as x } from "./money.ts";')).toEqual(
    [],
  );
  expect(await layeringErrors("app/domain/layering-probe.ts", 'import x from "decimal.js";')).toEqual([]);
});

test.each([
  ['import { badRequest as x } from "../utils/forms.server.ts";'],
  ['import { listWorkers as x } from "../models/user.server.ts";'],
  ['import { orderView as x } from "../utils/order-view.server.ts";'],
  ['import { db as x } from "../infra/db.server.ts";'],
  ['import { PrismaClient as x } from "@prisma/client";'],
])("app/components may not import a server module: %s", async (code) => {
  const errors = await layeringErrors("app/components/layering-probe.tsx", code);
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.some((e) => /^error: .*(browser|database)/.test(e))).toBe(true);
});

test("app/components may import the domain, forms, i18n and other components", async () => {
  const code = [
    'import { isOrderStatus as a } from "../domain/orders.ts";',
    'import { useT as b } from "../i18n/use-t.ts";',
    'import { Field as c } from "./forms.tsx";',
    'import { useLoaderData as d } from "@remix-run/react";',
    // A type is erased at build: a component may name the shape a server view module hands it.
    'import type { OrderView as e } from "../utils/order-view.server.ts";',
    "const x: [unknown, unknown, unknown, unknown, e?] = [a, b, c, d];",
  ].join("\n");
  expect(await layeringErrors("app/components/layering-probe.tsx", code)).toEqual([]);
});

test.each([
  ['import { db as x } from "../infra/db.server.ts";'],
  ['import { db as x } from "../utils/db.server.ts";'],
  ['import { PrismaClient as x } from "../generated/sqlite/client.ts";'],
  ['import { PrismaClient as x } from "@prisma/client";'],
])("app/routes never import the database client: %s", async (code) => {
  const errors = await layeringErrors("app/routes/coordinator.layering-probe.tsx", code);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^error: .*model/);
});

test("app/routes may import models, utils and configuration", async () => {
  const code = [
    'import { listWorkers as a } from "../models/user.server.ts";',
    'import { requireScope as b } from "../utils/auth.server.ts";',
    'import { getEnv as c } from "../infra/env.server.ts";',
    "const x = [a, b, c];",
  ].join("\n");
  expect(await layeringErrors("app/routes/coordinator.layering-probe.tsx", code)).toEqual([]);
});

test("one direction: utils -> models -> infra; models never import utils, infra never imports models", async () => {
  expect(
    await layeringErrors("app/models/probe.server.ts", 'import { requireScope as x } from "../utils/auth.server.ts";'),
  ).toHaveLength(1);
  expect(
    await layeringErrors(
      "app/infra/probe.server.ts",
      'import { getSessionUser as x } from "../models/session.server.ts";',
    ),
  ).toHaveLength(1);
  expect(
    await layeringErrors("app/models/probe.server.ts", 'import { db as x } from "../infra/db.server.ts";'),
  ).toEqual([]);
  expect(
    await layeringErrors(
      "app/utils/probe.server.ts",
      'import { getSessionUser as x } from "../models/session.server.ts";',
    ),
  ).toEqual([]);
});

test("code the browser loads keeps the classic-zod ban alongside the layering rules", async () => {
  expect(await layeringErrors("app/components/layering-probe.tsx", 'import { z as x } from "zod";')).toHaveLength(1);
  expect(await layeringErrors("app/domain/layering-probe.ts", 'import { z as x } from "zod";')).toHaveLength(1);
  expect(await layeringErrors("app/infra/probe.server.ts", 'import { z as x } from "zod";')).toEqual([]);
});

test("a route module over 300 lines is a lint error (thin routes)", async () => {
  const long = Array.from({ length: 301 }, (_, i) => `export const line${i} = ${i};`).join("\n");
  const [result] = await eslint.lintText(long, { filePath: "app/routes/too-long.tsx" });
  expect(result?.messages.map((m) => m.ruleId)).toContain("max-lines");
  const [domain] = await eslint.lintText(long, { filePath: "app/domain/long-is-fine.ts" });
  expect(domain?.messages.map((m) => m.ruleId)).not.toContain("max-lines");
});
