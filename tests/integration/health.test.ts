// What /healthz asks of the database (app/models/health.server.ts), on the
// engine under test: a trivial query answers, and after a disconnect the
// client reconnects for the next one.
import { expect, test } from "vitest";
import { databaseAnswers, disconnectDatabase } from "../../app/models/health.server.ts";

test("the database answers the health query, also after a disconnect", async () => {
  await expect(databaseAnswers()).resolves.toBe(true);
  await disconnectDatabase();
  await expect(databaseAnswers()).resolves.toBe(true);
});
