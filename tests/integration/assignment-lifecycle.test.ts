// The life of an assignment (app/models/assignment.server.ts, ADR 018): the
// coordinator reduces, cancels or reassigns it; a worker gives back a claim she
// has not logged against. Exactly the unlogged pieces go back (assigned ones to
// "not given out", claimed ones to the claim pool), never below what was
// logged, also while piece logs are written at the same moment
// (takeLoggedPieces, app/models/assignment-pieces.server.ts); every change is
// audited and takes effect once per submission key. An assignment is never due
// after its order. docs/domain.md flow step 3 and ADR 010.
import { expect, test } from "vitest";
import {
  cancelAssignment,
  getWorkshopAssignment,
  giveBackClaim,
  reassignAssignment,
  reduceAssignment,
} from "../../app/models/assignment.server.ts";
import { releaseLoggedPieces, takeLoggedPieces } from "../../app/models/assignment-pieces.server.ts";
import { assignToWorker, getWorkshopOrder } from "../../app/models/order.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { db } from "../../app/infra/db.server.ts";
import {
  NOW,
  actorOf,
  createOrderRow,
  createOrderWorld,
  rounds,
  settleAll,
  workerScopeOf,
} from "../support/catalogue-fixtures.ts";
import { createWorkerUser } from "../support/fixtures.ts";
import { FAR_DUE, assignedWork, claimedWork, expectCountersConsistent } from "../support/stock-fixtures.ts";

/** Logs n pieces against an assignment the way the piece-log model does (its own transaction). */
function logPieces(assignmentId: string, n: number) {
  return db().$transaction((tx) => takeLoggedPieces(tx, assignmentId, n));
}

async function assignment(id: string) {
  return db().assignment.findUniqueOrThrow({
    where: { id },
    select: { quantity: true, loggedQuantity: true, status: true, workerId: true, source: true, dueOn: true },
  });
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await db().auditEvent.findMany({ where: { entityId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => r.action);
}

test("reducing an assigned assignment frees exactly the pieces taken off, back to 'not given out'; never below what is logged", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const { orderId, assignmentId } = await assignedWork(world, world.workers[0]!, 40, 100);
  await logPieces(assignmentId, 12);

  expect(await reduceAssignment(actor, assignmentId, 25, newSubmissionKey())).toEqual({
    ok: true,
    id: assignmentId,
    freed: 15,
    to: "order",
  });
  expect(await assignment(assignmentId)).toMatchObject({ quantity: 25, loggedQuantity: 12, status: "active" });
  expect(await expectCountersConsistent(orderId)).toMatchObject({ allocatedQuantity: 25, openQuantity: 0 });
  const view = await getWorkshopOrder(world.workshop.id, orderId);
  expect(view?.progress).toMatchObject({ assigned: 25, claimed: 0, open: 0 });

  const key = newSubmissionKey();
  const unchanged = await db().assignment.findUniqueOrThrow({ where: { id: assignmentId } });
  expect(await reduceAssignment(actor, assignmentId, 11, key)).toEqual({ ok: false, code: "belowLogged", logged: 12 });
  // A refusal writes nothing, not even the lock taken on the row.
  expect(await db().assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toEqual(unchanged);
  expect(await reduceAssignment(actor, assignmentId, 25, newSubmissionKey())).toEqual({ ok: false, code: "notLess" });
  expect(await reduceAssignment(actor, assignmentId, 30, newSubmissionKey())).toEqual({ ok: false, code: "notLess" });
  // The refused key was not kept: corrected, the same form goes through.
  expect(await reduceAssignment(actor, assignmentId, 12, key)).toMatchObject({ ok: true, freed: 13 });
  // Sent again (double tap), it answers the first success and changes nothing.
  expect(await reduceAssignment(actor, assignmentId, 12, key)).toMatchObject({ ok: true, replayed: true });
  expect(await assignment(assignmentId)).toMatchObject({ quantity: 12, loggedQuantity: 12 });
  expect(await expectCountersConsistent(orderId)).toMatchObject({ allocatedQuantity: 12 });
  expect(await auditActions(assignmentId)).toEqual(["assignment.create", "assignment.reduce", "assignment.reduce"]);
});

test("reducing a claimed assignment puts the freed pieces back in the claim pool", async () => {
  const world = await createOrderWorld();
  const { orderId, assignmentId } = await claimedWork(world, world.workers[0]!, 30, 50, 80);
  expect(await reduceAssignment(actorOf(world.coordinator), assignmentId, 10, newSubmissionKey())).toMatchObject({
    ok: true,
    freed: 20,
    to: "pool",
  });
  const counters = await expectCountersConsistent(orderId);
  expect(counters).toMatchObject({ allocatedQuantity: 50, openQuantity: 40 });
  expect((await getWorkshopOrder(world.workshop.id, orderId))?.progress).toMatchObject({
    assigned: 0,
    claimed: 10,
    open: 40,
  });
});

test("cancelling with nothing logged cancels and frees everything; with pieces logged it keeps those and frees the rest; all logged frees nothing", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const first = await assignedWork(world, world.workers[0]!, 40, 100);
  expect(await cancelAssignment(actor, first.assignmentId, newSubmissionKey())).toEqual({
    ok: true,
    id: first.assignmentId,
    freed: 40,
    to: "order",
    cancelled: true,
    keptLogged: 0,
  });
  expect(await assignment(first.assignmentId)).toMatchObject({ status: "cancelled", quantity: 40 });
  expect(await expectCountersConsistent(first.orderId)).toMatchObject({ allocatedQuantity: 0 });
  expect(await cancelAssignment(actor, first.assignmentId, newSubmissionKey())).toEqual({
    ok: false,
    code: "notActive",
  });
  // The cancelled assignment can no longer be logged against.
  expect(await logPieces(first.assignmentId, 1)).toEqual({ taken: false, remaining: 0 });

  const second = await assignedWork(world, world.workers[1]!, 40, 100);
  await logPieces(second.assignmentId, 7);
  expect(await cancelAssignment(actor, second.assignmentId, newSubmissionKey())).toMatchObject({
    ok: true,
    freed: 33,
    cancelled: false,
    keptLogged: 7,
  });
  expect(await assignment(second.assignmentId)).toMatchObject({ status: "active", quantity: 7, loggedQuantity: 7 });
  expect(await cancelAssignment(actor, second.assignmentId, newSubmissionKey())).toEqual({
    ok: false,
    code: "allLogged",
  });
  expect(await expectCountersConsistent(second.orderId)).toMatchObject({ allocatedQuantity: 7 });

  const claimed = await claimedWork(world, world.workers[0]!, 20, 20, 20);
  expect(await cancelAssignment(actor, claimed.assignmentId, newSubmissionKey())).toMatchObject({
    ok: true,
    freed: 20,
    to: "pool",
    cancelled: true,
  });
  expect(await expectCountersConsistent(claimed.orderId)).toMatchObject({ allocatedQuantity: 20, openQuantity: 20 });
  expect(await auditActions(first.assignmentId)).toEqual(["assignment.create", "assignment.cancel"]);
});

test("reassigning moves unlogged pieces to another worker in one step: the old assignment keeps its logged pieces, the order's figures stay", async () => {
  const world = await createOrderWorld({ workers: 3 });
  const actor = actorOf(world.coordinator);
  const { orderId, assignmentId } = await assignedWork(world, world.workers[0]!, 50, 60);
  await logPieces(assignmentId, 20);
  const due = "2099-06-30";

  const moved = await reassignAssignment(
    actor,
    assignmentId,
    { workerId: world.workers[1]!.id, quantity: 30, dueOn: due },
    NOW,
    newSubmissionKey(),
  );
  expect(moved).toMatchObject({ ok: true, moved: 30 });
  const newId = moved.ok ? moved.id! : "";
  expect(await assignment(assignmentId)).toMatchObject({ quantity: 20, loggedQuantity: 20, status: "active" });
  expect(await assignment(newId)).toMatchObject({
    quantity: 30,
    loggedQuantity: 0,
    status: "active",
    workerId: world.workers[1]!.id,
    source: "assigned",
    dueOn: due,
  });
  expect(await expectCountersConsistent(orderId)).toMatchObject({ allocatedQuantity: 50, openQuantity: 0 });
  expect(await auditActions(assignmentId)).toEqual(["assignment.create", "assignment.reassign"]);
  expect(await auditActions(newId)).toEqual(["assignment.create"]);

  const ask = (input: Partial<{ workerId: string; quantity: number; dueOn: string }>) =>
    reassignAssignment(
      actor,
      newId,
      { workerId: world.workers[2]!.id, quantity: 5, dueOn: due, ...input },
      NOW,
      newSubmissionKey(),
    );
  expect(await ask({ quantity: 31 })).toEqual({ ok: false, code: "exceedsUnlogged", unlogged: 30 });
  expect(await ask({ workerId: world.workers[1]!.id })).toEqual({ ok: false, code: "sameWorker" });
  const stranger = await createOrderWorld();
  expect(await ask({ workerId: stranger.workers[0]!.id })).toEqual({ ok: false, code: "workerNotFound" });
  const inactive = await createWorkerUser(world.workshop.id, { active: false });
  expect(await ask({ workerId: inactive.id })).toEqual({ ok: false, code: "workerNotFound" });
  expect(await ask({ workerId: world.coordinator.id })).toEqual({ ok: false, code: "workerNotFound" });
  expect(await ask({ dueOn: "2100-01-01" })).toEqual({ ok: false, code: "dueAfterOrder", orderDueOn: FAR_DUE });
  expect(await ask({ dueOn: "2026-03-09" })).toEqual({ ok: false, code: "dueInPast" });
  expect(await expectCountersConsistent(orderId)).toMatchObject({ allocatedQuantity: 50 });
  expect(await db().assignment.count({ where: { orderId } })).toBe(2);

  // All of an unlogged assignment: it is cancelled and the other worker has them all.
  const whole = await ask({ quantity: 30 });
  expect(whole).toMatchObject({ ok: true, moved: 30 });
  expect(await assignment(newId)).toMatchObject({ status: "cancelled" });
  expect(await expectCountersConsistent(orderId)).toMatchObject({ allocatedQuantity: 50 });
});

test("reassigning claimed pieces makes them assigned; the pool does not change", async () => {
  const world = await createOrderWorld();
  const { orderId, assignmentId } = await claimedWork(world, world.workers[0]!, 30, 40, 40);
  const moved = await reassignAssignment(
    actorOf(world.coordinator),
    assignmentId,
    { workerId: world.workers[1]!.id, quantity: 12, dueOn: FAR_DUE },
    NOW,
    newSubmissionKey(),
  );
  expect(moved.ok).toBe(true);
  expect(await expectCountersConsistent(orderId)).toMatchObject({ allocatedQuantity: 40, openQuantity: 10 });
  expect((await getWorkshopOrder(world.workshop.id, orderId))?.progress).toMatchObject({
    assigned: 12,
    claimed: 18,
    open: 10,
  });
});

test("a worker gives back a claim she has not logged against: the pieces go back to the pool; never someone else's, an assigned one, or a logged one", async () => {
  const world = await createOrderWorld();
  const me = world.workers[0]!;
  const { orderId, assignmentId } = await claimedWork(world, me, 25, 30, 30);

  expect(await giveBackClaim(workerScopeOf(world.workers[1]!), assignmentId, newSubmissionKey())).toEqual({
    ok: false,
    code: "notFound",
  });
  const key = newSubmissionKey();
  expect(await giveBackClaim(workerScopeOf(me), assignmentId, key)).toEqual({ ok: true, id: assignmentId, freed: 25 });
  expect(await giveBackClaim(workerScopeOf(me), assignmentId, key)).toMatchObject({ ok: true, replayed: true });
  expect(await giveBackClaim(workerScopeOf(me), assignmentId, newSubmissionKey())).toEqual({
    ok: false,
    code: "notActive",
  });
  expect(await assignment(assignmentId)).toMatchObject({ status: "cancelled" });
  expect(await expectCountersConsistent(orderId)).toMatchObject({ allocatedQuantity: 30, openQuantity: 30 });
  expect(await auditActions(assignmentId)).toEqual(["assignment.claim", "assignment.giveBack"]);

  const logged = await claimedWork(world, me, 10, 10, 10);
  await logPieces(logged.assignmentId, 1);
  expect(await giveBackClaim(workerScopeOf(me), logged.assignmentId, newSubmissionKey())).toEqual({
    ok: false,
    code: "logged",
  });
  // A cancelled log gives the pieces back; then she may give the claim back.
  await db().$transaction((tx) => releaseLoggedPieces(tx, logged.assignmentId, 1));
  expect((await giveBackClaim(workerScopeOf(me), logged.assignmentId, newSubmissionKey())).ok).toBe(true);

  const assigned = await assignedWork(world, me, 5);
  expect(await giveBackClaim(workerScopeOf(me), assigned.assignmentId, newSubmissionKey())).toEqual({
    ok: false,
    code: "notClaimed",
  });
});

test("a coordinator cannot reduce, cancel or reassign another workshop's assignment", async () => {
  const world = await createOrderWorld();
  const other = await createOrderWorld();
  const { orderId, assignmentId } = await assignedWork(other, other.workers[0]!, 10);
  const actor = actorOf(world.coordinator);
  expect(await reduceAssignment(actor, assignmentId, 5, newSubmissionKey())).toEqual({ ok: false, code: "notFound" });
  expect(await cancelAssignment(actor, assignmentId, newSubmissionKey())).toEqual({ ok: false, code: "notFound" });
  expect(
    await reassignAssignment(
      actor,
      assignmentId,
      { workerId: world.workers[0]!.id, quantity: 1, dueOn: FAR_DUE },
      NOW,
      newSubmissionKey(),
    ),
  ).toEqual({ ok: false, code: "notFound" });
  expect(await getWorkshopAssignment(world.workshop.id, assignmentId)).toBeNull();
  expect(await assignment(assignmentId)).toMatchObject({ quantity: 10, status: "active" });
  expect(await expectCountersConsistent(orderId)).toMatchObject({ allocatedQuantity: 10 });
});

test("assigning refuses a due date after the order's; a claim takes the order's due date", async () => {
  const world = await createOrderWorld();
  const orderId = await createOrderRow(world, { quantity: 20, dueOn: "2026-04-30" });
  const assign = (dueOn: string) =>
    assignToWorker(
      actorOf(world.coordinator),
      orderId,
      { workerId: world.workers[0]!.id, quantity: 5, dueOn },
      NOW,
      newSubmissionKey(),
    );
  expect(await assign("2026-05-01")).toEqual({ ok: false, code: "dueAfterOrder" });
  expect((await assign("2026-04-30")).ok).toBe(true);
  expect(await expectCountersConsistent(orderId)).toMatchObject({ allocatedQuantity: 5 });
  const claimed = await claimedWork(world, world.workers[1]!, 3, 3, 3);
  const order = await db().order.findUniqueOrThrow({ where: { id: claimed.orderId } });
  expect((await assignment(claimed.assignmentId)).dueOn).toBe(order.dueOn);
});

test("reductions, cancellations and reassignments racing piece logs never go below what was logged, and give back exactly the unlogged pieces", async () => {
  const world = await createOrderWorld({ workers: 3 });
  const actor = actorOf(world.coordinator);
  await rounds(5, async (round) => {
    const { orderId, assignmentId } =
      round % 2 === 0
        ? await assignedWork(world, world.workers[0]!, 30, 40)
        : await claimedWork(world, world.workers[0]!, 30, 40, 40);
    // 16 logs of 2 pieces (32: more than the 30 there are) against reductions, a cancel and a reassignment.
    const logs = Array.from({ length: 16 }, () => logPieces(assignmentId, 2));
    const changes = [
      reduceAssignment(actor, assignmentId, 20 - round, newSubmissionKey()),
      reduceAssignment(actor, assignmentId, 9 + round, newSubmissionKey()),
      cancelAssignment(actor, assignmentId, newSubmissionKey()),
      reassignAssignment(
        actor,
        assignmentId,
        { workerId: world.workers[1]!.id, quantity: 4, dueOn: FAR_DUE },
        NOW,
        newSubmissionKey(),
      ),
    ];
    const [logged, changed] = await Promise.all([settleAll(logs), settleAll<unknown>(changes)]);
    expect([...logged.errors, ...changed.errors], `round ${round}: exceptions escaped`).toEqual([]);
    const taken = logged.values.filter((v) => v.taken).length * 2;
    const after = await assignment(assignmentId);
    expect(after.loggedQuantity, `round ${round}`).toBe(taken);
    expect(after.loggedQuantity).toBeLessThanOrEqual(after.quantity);
    const counters = await expectCountersConsistent(orderId);
    // Every piece is somewhere: with the worker (active assignments), back in the pool, or not given out.
    const notGivenOut = counters.quantity - counters.allocatedQuantity;
    expect(counters.held + counters.openQuantity + notGivenOut).toBe(counters.quantity);
    // What was logged was never freed: the logged pieces are still with active assignments.
    const activeLogged = counters.assignments
      .filter((a) => a.status === "active")
      .reduce((s, a) => s + a.loggedQuantity, 0);
    expect(activeLogged).toBe(taken);
  });
});

test("a give-back racing a piece log: exactly one of them wins, and the pool gets the pieces only when nothing was logged", async () => {
  const world = await createOrderWorld();
  const me = world.workers[0]!;
  await rounds(6, async (round) => {
    const { orderId, assignmentId } = await claimedWork(world, me, 10, 10, 10);
    const [logged, given] = await Promise.all([
      logPieces(assignmentId, 1 + (round % 3)),
      giveBackClaim(workerScopeOf(me), assignmentId, newSubmissionKey()),
    ]);
    expect(logged.taken !== given.ok, `round ${round}: exactly one wins`).toBe(true);
    const after = await assignment(assignmentId);
    const counters = await expectCountersConsistent(orderId);
    if (given.ok) {
      expect(after).toMatchObject({ status: "cancelled", loggedQuantity: 0 });
      expect(counters.openQuantity).toBe(10);
    } else {
      expect(given).toEqual({ ok: false, code: "logged" });
      expect(after).toMatchObject({ status: "active", quantity: 10, loggedQuantity: 1 + (round % 3) });
      expect(counters.openQuantity).toBe(0);
    }
  });
});
