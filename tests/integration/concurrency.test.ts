// Concurrent requests against one order (app/models/order.server.ts): the
// conditional updates must keep allocated <= quantity and open >= 0 however the
// requests interleave, a refused request must write nothing, no database error
// may escape (SQLITE_BUSY, serialization failures, deadlocks, closed or timed-out
// transactions are all bugs here), and a resubmitted claim (same submission
// key) must take effect exactly once. Each race is repeated for several rounds
// so that a lucky interleaving cannot pass it. docs/domain.md step 3 and "Nothing a
// worker logged is ever lost or counted twice".
import { expect, test } from "vitest";
import {
  assignToWorker,
  cancelOrder,
  claimOpenWork,
  decideOrder,
  openForClaiming,
  type AllocationResult,
} from "../../app/models/order.server.ts";
import { setRate } from "../../app/models/rates.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { db } from "../../app/infra/db.server.ts";
import {
  NOW,
  actorOf,
  assignmentsOf,
  createOrderRow,
  createOrderWorld,
  expectOrderConsistent,
  orderState,
  partnerScopeOf,
  rateOf,
  rounds,
  settleAll,
  workerScopeOf,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";
import { createCoordinatorUser } from "../support/fixtures.ts";

const ROUNDS = 5;
const DUE = "2026-04-30";

function assign(world: OrderWorld, orderId: string, workerIndex: number, quantity: number): Promise<AllocationResult> {
  const worker = world.workers[workerIndex % world.workers.length]!;
  return assignToWorker(
    actorOf(world.coordinator),
    orderId,
    { workerId: worker.id, quantity, dueOn: DUE },
    NOW,
    newSubmissionKey(),
  );
}

/** An accepted order with `open` pieces already open for claiming (written directly). */
async function orderWithOpen(world: OrderWorld, quantity: number, open: number): Promise<string> {
  const id = await createOrderRow(world, { quantity });
  if (open > 0) await db().order.update({ where: { id }, data: { allocatedQuantity: open, openQuantity: open } });
  return id;
}

function codes(results: AllocationResult[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? "ok" : r.code;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

test("(a) 20 concurrent assignments of 10 pieces to an order of 100: exactly 10 succeed, 10 get exceedsOrder, and nothing is over-allocated", async () => {
  const world = await createOrderWorld({ workers: 2 });
  await rounds(ROUNDS, async (round) => {
    const orderId = await createOrderRow(world, { quantity: 100 });
    const auditBefore = await db().auditEvent.count({ where: { action: "assignment.create" } });

    const { values, errors } = await settleAll(Array.from({ length: 20 }, (_, i) => assign(world, orderId, i, 10)));

    expect(errors, `round ${round}: exceptions escaped`).toEqual([]);
    expect(codes(values), `round ${round}`).toEqual({ ok: 10, exceedsOrder: 10 });
    const state = await expectOrderConsistent(orderId);
    expect(state).toMatchObject({ quantity: 100, allocatedQuantity: 100, openQuantity: 0, assignedSum: 100 });
    const assignments = await assignmentsOf(orderId);
    expect(assignments).toHaveLength(10);
    expect(new Set(assignments.map((a) => a.id))).toEqual(
      new Set(values.map((v) => (v.ok ? v.id : undefined)).filter(Boolean)),
    );
    // Each granted request gave its own worker 10 pieces; only granted requests were audited.
    values.forEach((v, i) => {
      if (v.ok)
        expect(assignments.find((a) => a.id === v.id)).toMatchObject({
          workerId: world.workers[i % 2]!.id,
          quantity: 10,
          source: "assigned",
        });
    });
    expect(await db().auditEvent.count({ where: { action: "assignment.create" } })).toBe(auditBefore + 10);
  });
});

test("(b) mixed concurrent assignments and openings never push allocatedQuantity above the order", async () => {
  const world = await createOrderWorld({ workers: 3 });
  const actor = actorOf(world.coordinator);
  await rounds(ROUNDS, async (round) => {
    const quantity = 120 + round * 7;
    const orderId = await createOrderRow(world, { quantity });
    // Deterministic but varied sizes: 3..17 pieces per request, 24 requests (far more than the order).
    const sizes = Array.from({ length: 24 }, (_, i) => 3 + ((i * 7 + round * 5) % 15));
    type Outcome = { kind: "open" | "assign"; n: number; r: AllocationResult };
    const requests = sizes.map((n, i): Promise<Outcome> =>
      i % 3 === 2
        ? openForClaiming(actor, orderId, n, newSubmissionKey()).then((r) => ({ kind: "open" as const, n, r }))
        : assign(world, orderId, i, n).then((r) => ({ kind: "assign" as const, n, r })),
    );

    const { values, errors } = await settleAll(requests);

    expect(errors, `round ${round}: exceptions escaped`).toEqual([]);
    for (const v of values) if (!v.r.ok) expect(v.r.code).toBe("exceedsOrder");
    const granted = values.filter((v) => v.r.ok);
    const grantedTotal = granted.reduce((sum, v) => sum + v.n, 0);
    const openedTotal = granted.filter((v) => v.kind === "open").reduce((sum, v) => sum + v.n, 0);
    const state = await expectOrderConsistent(orderId);
    expect(state.allocatedQuantity).toBeLessThanOrEqual(quantity);
    expect(state.allocatedQuantity).toBe(grantedTotal);
    expect(state.openQuantity).toBe(openedTotal);
    expect(state.assignedSum).toBe(grantedTotal - openedTotal);
    // A refused request was refused because its pieces were not there.
    const smallestRefused = Math.min(...values.filter((v) => !v.r.ok).map((v) => v.n));
    expect(quantity - state.allocatedQuantity).toBeLessThan(smallestRefused);
  });
});

test("(c) 8 workers claiming 1..3 of 5 open pieces at once: never more than 5 claimed, and claimed + open = 5", async () => {
  const world = await createOrderWorld({ workers: 8 });
  await rounds(ROUNDS, async (round) => {
    const orderId = await orderWithOpen(world, 50, 5);
    const wants = world.workers.map((_, i) => 1 + ((i + round) % 3));

    const { values, errors } = await settleAll(
      world.workers.map((worker, i) =>
        claimOpenWork(workerScopeOf(worker), orderId, wants[i]!, newSubmissionKey()).then((r) => ({ i, r })),
      ),
    );

    expect(errors, `round ${round}: exceptions escaped`).toEqual([]);
    for (const v of values) if (!v.r.ok) expect(v.r.code).toBe("exceedsOpen");
    const claimed = values.filter((v) => v.r.ok).reduce((sum, v) => sum + wants[v.i]!, 0);
    const state = await expectOrderConsistent(orderId);
    expect(claimed).toBeLessThanOrEqual(5);
    expect(claimed).toBeGreaterThan(0);
    expect(state.openQuantity).toBeGreaterThanOrEqual(0);
    expect(state.openQuantity).toBe(5 - claimed);
    expect(state.allocatedQuantity).toBe(5);
    const assignments = await assignmentsOf(orderId);
    expect(assignments.every((a) => a.source === "claimed")).toBe(true);
    expect(assignments.reduce((sum, a) => sum + a.quantity, 0) + state.openQuantity).toBe(5);
    // Each successful claim belongs to the worker who made it, with the pieces she asked for.
    for (const v of values.filter((x) => x.r.ok)) {
      const a = assignments.find((x) => v.r.ok && x.id === v.r.id);
      expect(a).toMatchObject({ workerId: world.workers[v.i]!.id, quantity: wants[v.i] });
    }
    // Whatever is left open is less than any refused claim wanted.
    for (const v of values.filter((x) => !x.r.ok)) expect(state.openQuantity).toBeLessThan(wants[v.i]!);
  });
});

test("(c) two workers claiming the last 5 pieces at once: exactly one gets them", async () => {
  const world = await createOrderWorld({ workers: 2 });
  await rounds(ROUNDS, async (round) => {
    const orderId = await orderWithOpen(world, 20, 5);
    const { values, errors } = await settleAll(
      world.workers.map((w) => claimOpenWork(workerScopeOf(w), orderId, 5, newSubmissionKey())),
    );

    expect(errors, `round ${round}: exceptions escaped`).toEqual([]);
    expect(codes(values), `round ${round}`).toEqual({ ok: 1, exceedsOpen: 1 });
    expect(await orderState(orderId)).toMatchObject({ openQuantity: 0, allocatedQuantity: 5 });
    const assignments = await assignmentsOf(orderId);
    expect(assignments).toHaveLength(1);
    expect(assignments[0]?.quantity).toBe(5);
  });
});

test("(d) the same claim sent 5 times at once and once more afterwards (same key) claims once; every call reports ok", async () => {
  const world = await createOrderWorld({ workers: 1 });
  const worker = world.workers[0]!;
  const scope = workerScopeOf(worker);
  await rounds(ROUNDS, async (round) => {
    const orderId = await orderWithOpen(world, 100, 50);
    const key = newSubmissionKey();

    const { values, errors } = await settleAll(Array.from({ length: 5 }, () => claimOpenWork(scope, orderId, 4, key)));
    expect(errors, `round ${round}: exceptions escaped`).toEqual([]);
    const again = await claimOpenWork(scope, orderId, 4, key);

    const all = [...values, again];
    expect(
      all.map((r) => r.ok),
      `round ${round}: ${JSON.stringify(all)}`,
    ).toEqual([true, true, true, true, true, true]);
    expect(values.filter((r) => !r.replayed)).toHaveLength(1);
    expect(values.filter((r) => r.replayed === true)).toHaveLength(4);
    expect(again.replayed).toBe(true);
    const assignments = await assignmentsOf(orderId);
    expect(assignments).toHaveLength(1);
    // Every reply names the one assignment.
    for (const r of all) expect(r.ok && r.id).toBe(assignments[0]?.id);
    expect(await orderState(orderId)).toMatchObject({ openQuantity: 46, allocatedQuantity: 50 });
    expect(await db().auditEvent.count({ where: { action: "assignment.claim", entityId: assignments[0]!.id } })).toBe(
      1,
    );

    // A different key (a new claim form) claims again, normally.
    const second = await claimOpenWork(scope, orderId, 4, newSubmissionKey());
    expect(second).toMatchObject({ ok: true });
    expect(second.replayed).toBeUndefined();
    expect(await orderState(orderId)).toMatchObject({ openQuantity: 42 });
    expect(await assignmentsOf(orderId)).toHaveLength(2);
  });
});

test("(d) a double tap on claiming ALL the remaining pieces (same key, 5 at once) claims once and every call reports ok", async () => {
  const world = await createOrderWorld({ workers: 1 });
  const scope = workerScopeOf(world.workers[0]!);
  await rounds(ROUNDS, async (round) => {
    const orderId = await orderWithOpen(world, 20, 5);
    const key = newSubmissionKey();

    const { values, errors } = await settleAll(Array.from({ length: 5 }, () => claimOpenWork(scope, orderId, 5, key)));

    expect(errors, `round ${round}: exceptions escaped`).toEqual([]);
    // The copies of the one form must not tell her "not enough pieces open" about the claim that succeeded.
    expect(codes(values), `round ${round}: ${JSON.stringify(values)}`).toEqual({ ok: 5 });
    const assignments = await assignmentsOf(orderId);
    expect(assignments).toHaveLength(1);
    expect(await orderState(orderId)).toMatchObject({ openQuantity: 0, allocatedQuantity: 5 });
    for (const r of values) expect(r.ok && r.id).toBe(assignments[0]?.id);
  });
});

test("(d) a key used for a refused claim (exceedsOpen) is not kept: it works once more pieces are opened", async () => {
  const world = await createOrderWorld({ workers: 1 });
  const scope = workerScopeOf(world.workers[0]!);
  const actor = actorOf(world.coordinator);
  await rounds(ROUNDS, async (round) => {
    const orderId = await orderWithOpen(world, 100, 3);
    const key = newSubmissionKey();

    const refused = await settleAll(Array.from({ length: 3 }, () => claimOpenWork(scope, orderId, 10, key)));
    expect(refused.errors).toEqual([]);
    expect(codes(refused.values), `round ${round}`).toEqual({ exceedsOpen: 3 });
    expect(await db().formSubmission.count({ where: { key: `${world.workers[0]!.id}:${key}` } })).toBe(0);
    expect(await assignmentsOf(orderId)).toHaveLength(0);

    expect(await openForClaiming(actor, orderId, 17, newSubmissionKey())).toEqual({ ok: true });
    const reused = await claimOpenWork(scope, orderId, 10, key);
    expect(reused, `round ${round}`).toMatchObject({ ok: true });
    expect(reused.replayed).toBeUndefined();
    // From now on the key is kept: sending it again replays.
    const replay = await claimOpenWork(scope, orderId, 10, key);
    expect(replay).toEqual({ ok: true, id: reused.ok ? reused.id : "-", replayed: true });
    expect(await orderState(orderId)).toMatchObject({ openQuantity: 10, allocatedQuantity: 20 });
    expect(await assignmentsOf(orderId)).toHaveLength(1);
  });
});

test("(e) a partner cancelling while the coordinator accepts and another declines: exactly one decision wins, audited once", async () => {
  const world = await createOrderWorld({ workers: 1 });
  const actor = actorOf(world.coordinator);
  const scope = partnerScopeOf(world.partnerUser);
  await rounds(ROUNDS, async (round) => {
    const orderId = await createOrderRow(world, { quantity: 10, status: "pending" });
    const answer = (r: { ok: boolean; code?: string }) => (r.ok ? "done" : (r.code ?? "?"));
    const { values, errors } = await settleAll<string>([
      decideOrder(actor, orderId, "accept", "", NOW).then(answer),
      decideOrder(actor, orderId, "decline", "", NOW).then(answer),
      cancelOrder(scope, orderId).then(answer),
      decideOrder(actor, orderId, "accept", "", NOW).then(answer),
    ]);
    expect(errors, `round ${round}: exceptions escaped`).toEqual([]);
    expect(
      values.filter((v) => v === "done"),
      `round ${round}: ${values.join(",")}`,
    ).toHaveLength(1);
    expect(values.filter((v) => v === "notPending")).toHaveLength(3);
    const events = await db().auditEvent.findMany({ where: { entityId: orderId } });
    expect(events).toHaveLength(1);
    const { status } = await orderState(orderId);
    expect(status).toBe(JSON.parse(events[0]?.after ?? "{}").status);
  });
});

test("(e) two coordinators setting a rate for the same product and day at once leave one version for that day", async () => {
  const world = await createOrderWorld({ workers: 0 });
  const colleague = await createCoordinatorUser(world.workshop.id);
  await rounds(ROUNDS, async (round) => {
    const effectiveOn = `2026-04-${String(round + 1).padStart(2, "0")}`;
    const base = {
      productId: world.product.id,
      processStepId: null,
      effectiveOn,
      confirmBelowMinimum: false,
      belowMinimumReason: "",
    };
    const { values, errors } = await settleAll([
      setRate(actorOf(world.coordinator), { ...base, rate: rateOf("0.3500"), reason: "甲" }, NOW),
      setRate(actorOf(colleague), { ...base, rate: rateOf("0.3600"), reason: "乙" }, NOW),
    ]);
    expect(errors, `round ${round}: exceptions escaped`).toEqual([]);
    expect(
      values.every((v) => v.ok),
      `round ${round}`,
    ).toBe(true);
    const rows = await db().pieceRate.findMany({ where: { productId: world.product.id, effectiveOn } });
    expect(rows, `round ${round}: versions for ${effectiveOn}`).toHaveLength(1);
  });
});
