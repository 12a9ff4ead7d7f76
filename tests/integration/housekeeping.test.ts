import { expect, test } from "vitest";
import {
  purgeStaleLoginData,
  SESSION_TTL_MS,
  SUBMISSION_KEY_TTL_MS,
  createSession,
} from "../../app/models/session.server.ts";
import { db } from "../../app/infra/db.server.ts";
import { createTestWorkshop, createWorkerUser } from "../support/fixtures.ts";

test("housekeeping removes expired sessions, old throttle counters and week-old form keys, and keeps live ones", async () => {
  const workshop = await createTestWorkshop();
  const worker = await createWorkerUser(workshop.id);
  const now = new Date("2026-11-26T08:00:00Z");
  const live = await createSession(worker.id, now);
  const expired = await createSession(worker.id, new Date(now.getTime() - SESSION_TTL_MS - 1));
  const day = 24 * 60 * 60 * 1000;
  await db().loginThrottle.createMany({
    data: [
      { key: "phone:old", failures: 3, windowStartedAt: new Date(now.getTime() - 2 * day), lockedUntil: null },
      { key: "phone:recent", failures: 3, windowStartedAt: new Date(now.getTime() - 60_000), lockedUntil: null },
      {
        key: "phone:locked",
        failures: 0,
        windowStartedAt: new Date(now.getTime() - 2 * day),
        lockedUntil: new Date(now.getTime() + 60_000),
      },
    ],
  });
  await db().formSubmission.createMany({
    data: [
      {
        key: `${worker.id}:old`,
        userId: worker.id,
        action: "assignment.claim",
        resultId: "a",
        createdAt: new Date(now.getTime() - SUBMISSION_KEY_TTL_MS - 1),
      },
      {
        key: `${worker.id}:new`,
        userId: worker.id,
        action: "assignment.claim",
        resultId: "b",
        createdAt: new Date(now.getTime() - day),
      },
    ],
  });

  await purgeStaleLoginData(now);

  expect((await db().session.findMany({ select: { id: true } })).map((s) => s.id)).toEqual([live.id]);
  expect(await db().session.findUnique({ where: { id: expired.id } })).toBeNull();
  expect((await db().loginThrottle.findMany({ orderBy: { key: "asc" } })).map((t) => t.key)).toEqual([
    "phone:locked",
    "phone:recent",
  ]);
  expect((await db().formSubmission.findMany()).map((f) => f.key)).toEqual([`${worker.id}:new`]);
});
