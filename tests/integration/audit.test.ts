// The audit trail: every change of an account is recorded (who, when, what,
// before, after) in the same transaction, never with a password or its hash,
// and a coordinator sees only her own workshop's trail.
import { expect, test } from "vitest";
import * as auditPage from "../../app/routes/coordinator.audit.tsx";
import * as workerDetail from "../../app/routes/coordinator.workers.$workerId.tsx";
import * as workerList from "../../app/routes/coordinator.workers._index.tsx";
import { db } from "../../app/infra/db.server.ts";
import {
  callAction,
  callLoader,
  createWorkshopWithStaff,
  location,
  loginAs,
  passwordHashOf,
  uniquePhone,
} from "../support/fixtures.ts";

/** Nothing that looks like a password, a hash, or the given secrets. */
function expectNoSecrets(json: string | null, secrets: string[]) {
  const text = json ?? "";
  expect(text).not.toMatch(/password"\s*:\s*"|hash|scrypt\$/i);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

test("creating a worker writes exactly one 'user.create' event: actor, workshop, the new phone, and no password", async () => {
  const { workshop, coordinator } = await createWorkshopWithStaff();
  const cookie = await loginAs(coordinator);
  const phone = uniquePhone();
  const before = await db().auditEvent.count();
  const startedAt = new Date(Date.now() - 1000);

  const outcome = await callAction(
    workerList.action,
    "/coordinator/workers",
    { name: "何淑芬", phone, password: "initial-pass-9" },
    cookie,
  );
  expect(outcome.status).toBe(302);
  const worker = await db().user.findUniqueOrThrow({ where: { phone } });

  expect(await db().auditEvent.count()).toBe(before + 1);
  const [event] = await db().auditEvent.findMany({ where: { entityId: worker.id } });
  expect(event).toMatchObject({
    actorId: coordinator.id,
    workshopId: workshop.id,
    action: "user.create",
    entityType: "User",
    entityId: worker.id,
    before: null,
  });
  expect(event?.createdAt.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
  const after = JSON.parse(event?.after ?? "null") as Record<string, unknown>;
  expect(after).toMatchObject({ phone, name: "何淑芬", role: "worker" });
  expectNoSecrets(event?.after ?? null, ["initial-pass-9", await passwordHashOf(worker.id)]);
});

test("a refused creation (phone taken) writes no audit event", async () => {
  const { coordinator, worker } = await createWorkshopWithStaff();
  const cookie = await loginAs(coordinator);
  const before = await db().auditEvent.count();
  const outcome = await callAction(
    workerList.action,
    "/coordinator/workers",
    { name: "重复", phone: worker.phone, password: "initial-pass-9" },
    cookie,
  );
  expect(outcome.status).toBe(400);
  expect(await db().auditEvent.count()).toBe(before);
});

test("a password reset writes one 'user.password.reset' event with no hash or password in before/after", async () => {
  const { workshop, coordinator, worker } = await createWorkshopWithStaff();
  const oldHash = await passwordHashOf(worker.id);
  await loginAs(worker);
  const cookie = await loginAs(coordinator);
  const before = await db().auditEvent.count();

  const outcome = await callAction(
    workerDetail.action,
    `/coordinator/workers/${worker.id}`,
    { password: "reset-pass-77" },
    cookie,
    { params: { workerId: worker.id } },
  );
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe(`/coordinator/workers/${worker.id}`);

  expect(await db().auditEvent.count()).toBe(before + 1);
  const events = await db().auditEvent.findMany({ where: { entityId: worker.id, action: "user.password.reset" } });
  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event).toMatchObject({ actorId: coordinator.id, workshopId: workshop.id, entityType: "User" });
  const newHash = await passwordHashOf(worker.id);
  expect(newHash).not.toBe(oldHash);
  for (const json of [event?.before ?? null, event?.after ?? null]) {
    expectNoSecrets(json, ["reset-pass-77", worker.password, oldHash, newHash]);
  }
  expect(JSON.parse(event?.after ?? "null")).toMatchObject({ passwordReset: true, sessionsEnded: 1 });
});

test("the coordinator's audit page lists only her own workshop's events", async () => {
  const a = await createWorkshopWithStaff();
  const b = await createWorkshopWithStaff();
  const cookieA = await loginAs(a.coordinator);
  const cookieB = await loginAs(b.coordinator);

  const phoneA = uniquePhone();
  const phoneB = uniquePhone();
  expect(
    (
      await callAction(
        workerList.action,
        "/coordinator/workers",
        { name: "甲工坊新人", phone: phoneA, password: "initial-pass-9" },
        cookieA,
      )
    ).status,
  ).toBe(302);
  expect(
    (
      await callAction(
        workerList.action,
        "/coordinator/workers",
        { name: "乙工坊新人", phone: phoneB, password: "initial-pass-9" },
        cookieB,
      )
    ).status,
  ).toBe(302);
  expect(
    (
      await callAction(
        workerDetail.action,
        `/coordinator/workers/${b.worker.id}`,
        { password: "reset-pass-77" },
        cookieB,
        { params: { workerId: b.worker.id } },
      )
    ).status,
  ).toBe(302);
  const newA = await db().user.findUniqueOrThrow({ where: { phone: phoneA } });
  const newB = await db().user.findUniqueOrThrow({ where: { phone: phoneB } });

  const outcome = await callLoader(auditPage.loader, "/coordinator/audit", cookieA);
  expect(outcome.status).toBe(200);
  const { events } = outcome.data as {
    events: { id: string; action: string; entityId: string; actorName: string | null }[];
  };
  expect(events.map((e) => e.entityId)).toContain(newA.id);
  expect(events.map((e) => e.entityId)).not.toContain(newB.id);
  expect(events.map((e) => e.entityId)).not.toContain(b.worker.id);
  const ownRows = await db().auditEvent.findMany({
    where: { id: { in: events.map((e) => e.id) } },
    select: { workshopId: true },
  });
  expect(ownRows).toHaveLength(events.length);
  expect(new Set(ownRows.map((r) => r.workshopId))).toEqual(new Set([a.workshop.id]));
  expect(events.find((e) => e.entityId === newA.id)).toMatchObject({
    action: "user.create",
    actorName: a.coordinator.name,
  });
  expect(JSON.stringify(outcome.data)).not.toContain("乙工坊新人");

  // And the other way round.
  const other = await callLoader(auditPage.loader, "/coordinator/audit", cookieB);
  const otherIds = (other.data as { events: { entityId: string }[] }).events.map((e) => e.entityId);
  expect(otherIds).toEqual(expect.arrayContaining([newB.id, b.worker.id]));
  expect(otherIds).not.toContain(newA.id);
});
