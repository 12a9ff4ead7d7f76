import { expect, test } from "vitest";
import { db } from "../../app/infra/db.server.ts";

test("each test file gets its own migrated, empty database", async () => {
  expect(await db().user.count()).toBe(0);
  await db().workshop.create({ data: { name: "测试工坊", hourlyMinimumWageFen: 2_500n } });
  const row = await db().workshop.findFirstOrThrow({ where: { name: "测试工坊" } });
  expect(row.hourlyMinimumWageFen).toBe(2_500n);
});
