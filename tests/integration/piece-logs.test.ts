// Piece logs 报工 (app/models/piece-log.server.ts, ADR 017 and 020) against a
// real database: a log is made once per key whatever the network does (200
// concurrent submissions with random retries), never beyond the assignment's
// pieces, priced with the rate version in force that day (China time), which
// is then frozen; a process-step product counts each step on its own; a
// worker reaches only her own assignments and logs; she may correct or cancel
// a log until it is received. docs/domain.md "Nothing a worker logged is ever
// lost or counted twice".
import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "../../app/infra/db.server.ts";
import { cancelPieceLog, correctPieceLog, createPieceLog, logPricingOn } from "../../app/models/piece-log.server.ts";
import { setRate } from "../../app/models/rates.server.ts";
import { cancelReceipt, receiveLog } from "../../app/models/receiving.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import {
  NOW,
  actorOf,
  auditJsonOf,
  auditOf,
  createOrderRow,
  createOrderWorld,
  rateOf,
  settleAll,
  workerScopeOf,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";
import { assignmentPieces, createAssignmentRow } from "../support/piece-log-fixtures.ts";

const key = () => randomBytes(16).toString("base64url");

async function assignmentFor(world: OrderWorld, quantity = 50, workerIndex = 0): Promise<string> {
  const orderId = await createOrderRow(world, { quantity: 2000, dueOn: "2099-12-31" });
  return createAssignmentRow({
    workshopId: world.workshop.id,
    orderId,
    productId: world.product.id,
    workerId: world.workers[workerIndex]!.id,
    createdById: world.coordinator.id,
    quantity,
  });
}

async function rateRow(world: OrderWorld, rateE4: bigint, effectiveOn: string, processStepId: string | null = null) {
  return db().pieceRate.create({
    data: {
      workshopId: world.workshop.id,
      productId: world.product.id,
      processStepId,
      rateE4,
      effectiveOn,
      reason: "test",
      setById: world.coordinator.id,
    },
    select: { id: true },
  });
}

async function stepOf(world: OrderWorld, name: string, sortOrder: number) {
  return db().processStep.create({
    data: { workshopId: world.workshop.id, productId: world.product.id, name, sortOrder },
    select: { id: true },
  });
}

function idOf(result: { ok: boolean; id?: string }): string {
  if (!result.ok || !result.id) throw new Error(`test setup: refused: ${JSON.stringify(result)}`);
  return result.id;
}

test("a log copies the China date and the day's rate, marks that rate used, takes the pieces and is audited", async () => {
  const world = await createOrderWorld();
  const old = await rateRow(world, 30_000n, "2026-01-01");
  const current = await rateRow(world, 35_000n, "2026-03-10");
  const assignmentId = await assignmentFor(world, 50);
  const worker = workerScopeOf(world.workers[0]!);
  // 17:30 UTC on the 9th is 01:30 on the 10th in China: the log is the 10th's, at the 10th's rate.
  const at = new Date("2026-03-09T17:30:00Z");
  const result = await createPieceLog(
    worker,
    assignmentId,
    { quantity: 30, processStepId: null, clientKey: key() },
    at,
  );
  expect(result).toMatchObject({ ok: true, replayed: false, quantity: 30, unit: "piece" });
  const log = await db().pieceLog.findUniqueOrThrow({ where: { id: idOf(result) } });
  expect(log).toMatchObject({
    loggedOn: "2026-03-10",
    pieceRateId: current.id,
    rateE4: 35_000n,
    status: "submitted",
    quantity: 30,
    workerId: worker.userId,
  });
  expect((await db().pieceRate.findUniqueOrThrow({ where: { id: current.id } })).usedAt).not.toBeNull();
  expect((await db().pieceRate.findUniqueOrThrow({ where: { id: old.id } })).usedAt).toBeNull();
  expect(await assignmentPieces(assignmentId)).toMatchObject({ quantity: 50, loggedQuantity: 30 });
  const [audit] = await auditOf(log.id);
  expect(audit?.action).toBe("pieceLog.create");
  expect(audit?.actorId).toBe(worker.userId);
  expect(auditJsonOf(audit?.after)).toMatchObject({ quantity: 30, rateE4: "35000", loggedOn: "2026-03-10" });
});

test("the rate version a log used can no longer be changed for that day", async () => {
  const world = await createOrderWorld();
  await rateRow(world, 35_000n, "2026-03-01");
  const assignmentId = await assignmentFor(world);
  await createPieceLog(
    workerScopeOf(world.workers[0]!),
    assignmentId,
    { quantity: 5, processStepId: null, clientKey: key() },
    NOW,
  );
  const change = await setRate(
    actorOf(world.coordinator),
    {
      productId: world.product.id,
      processStepId: null,
      rate: rateOf("0.4000"),
      effectiveOn: "2026-03-01",
      reason: "涨价",
      confirmBelowMinimum: false,
      belowMinimumReason: "",
    },
    NOW,
  );
  expect(change).toMatchObject({ ok: false, code: "rateUsed" });
  const rates = await db().pieceRate.findMany({ where: { productId: world.product.id } });
  expect(rates.map((r) => r.rateE4)).toEqual([35_000n]);
});

test("200 concurrent submissions, each sent one to three times in random order, make exactly one log per key", async () => {
  const world = await createOrderWorld();
  await rateRow(world, 35_000n, "2026-03-01");
  const assignmentId = await assignmentFor(world, 1000);
  const worker = workerScopeOf(world.workers[0]!);
  const submissions = Array.from({ length: 200 }, (_, i) => ({ clientKey: key(), quantity: 1 + (i % 4) }));
  const sends = submissions.flatMap((s) => Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => s));
  for (let i = sends.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [sends[i], sends[j]] = [sends[j]!, sends[i]!];
  }
  const { values, errors } = await settleAll(
    sends.map((s) => createPieceLog(worker, assignmentId, { ...s, processStepId: null }, NOW)),
  );
  expect(errors).toEqual([]);
  expect(values.every((v) => v.ok)).toBe(true);
  const logs = await db().pieceLog.findMany({ where: { assignmentId }, select: { id: true, clientKey: true } });
  expect(logs).toHaveLength(200);
  expect(new Set(logs.map((l) => l.clientKey))).toEqual(new Set(submissions.map((s) => s.clientKey)));
  // Every answer for a key names that key's one log.
  const idByKey = new Map(logs.map((l) => [l.clientKey, l.id]));
  values.forEach((v, i) => expect(v.ok && v.id).toBe(idByKey.get(sends[i]!.clientKey)));
  const total = submissions.reduce((sum, s) => sum + s.quantity, 0);
  expect(await assignmentPieces(assignmentId)).toMatchObject({ loggedQuantity: total });
  expect(await db().auditEvent.count({ where: { action: "pieceLog.create", actorId: worker.userId } })).toBe(200);
});

test("concurrent logs never take an assignment beyond its pieces; a refusal says how many remain and writes nothing", async () => {
  const world = await createOrderWorld();
  const assignmentId = await assignmentFor(world, 40);
  const worker = workerScopeOf(world.workers[0]!);
  const { values, errors } = await settleAll(
    Array.from({ length: 12 }, () =>
      createPieceLog(worker, assignmentId, { quantity: 7, processStepId: null, clientKey: key() }, NOW),
    ),
  );
  expect(errors).toEqual([]);
  expect(values.filter((v) => v.ok)).toHaveLength(5);
  expect(await assignmentPieces(assignmentId)).toMatchObject({ loggedQuantity: 35 });
  const refused = await createPieceLog(
    worker,
    assignmentId,
    { quantity: 6, processStepId: null, clientKey: key() },
    NOW,
  );
  expect(refused).toEqual({ ok: false, code: "tooMany", remaining: 5 });
  expect(await db().pieceLog.count({ where: { assignmentId } })).toBe(5);
});

test("a log without a rate in force is kept with no rate, to be flagged until one is set", async () => {
  const world = await createOrderWorld();
  await rateRow(world, 35_000n, "2026-04-01"); // only from next month
  const assignmentId = await assignmentFor(world);
  const result = await createPieceLog(
    workerScopeOf(world.workers[0]!),
    assignmentId,
    { quantity: 3, processStepId: null, clientKey: key() },
    NOW,
  );
  const log = await db().pieceLog.findUniqueOrThrow({ where: { id: idOf(result) } });
  expect(log).toMatchObject({ pieceRateId: null, rateE4: null, quantity: 3 });
});

test("a worker cannot log against another worker's assignment, or another workshop's; nothing is written", async () => {
  const world = await createOrderWorld();
  const other = await createOrderWorld();
  const hers = await assignmentFor(world, 20, 1);
  const elsewhere = await assignmentFor(other, 20, 0);
  const worker = workerScopeOf(world.workers[0]!);
  for (const id of [hers, elsewhere, "no-such-assignment"]) {
    expect(await createPieceLog(worker, id, { quantity: 1, processStepId: null, clientKey: key() }, NOW)).toEqual({
      ok: false,
      code: "notFound",
    });
  }
  expect(await db().pieceLog.count({ where: { workerId: worker.userId } })).toBe(0);
  expect((await assignmentPieces(hers)).loggedQuantity).toBe(0);
});

test("a key already used for one task is refused on another, and a cancelled task takes no logs", async () => {
  const world = await createOrderWorld();
  const first = await assignmentFor(world, 20);
  const second = await assignmentFor(world, 20);
  const worker = workerScopeOf(world.workers[0]!);
  const clientKey = key();
  idOf(await createPieceLog(worker, first, { quantity: 2, processStepId: null, clientKey }, NOW));
  expect(await createPieceLog(worker, second, { quantity: 2, processStepId: null, clientKey }, NOW)).toEqual({
    ok: false,
    code: "keyUsedElsewhere",
  });
  await db().assignment.update({ where: { id: second }, data: { status: "cancelled" } });
  expect(await createPieceLog(worker, second, { quantity: 1, processStepId: null, clientKey: key() }, NOW)).toEqual({
    ok: false,
    code: "notActive",
  });
});

test("she corrects a log up and down and cancels it while it waits; pieces follow; after receipt only the coordinator may", async () => {
  const world = await createOrderWorld();
  const assignmentId = await assignmentFor(world, 40);
  const worker = workerScopeOf(world.workers[0]!);
  const logId = idOf(
    await createPieceLog(worker, assignmentId, { quantity: 10, processStepId: null, clientKey: key() }, NOW),
  );
  expect(await correctPieceLog(worker, assignmentId, logId, 12)).toEqual({ ok: true, id: logId });
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(12);
  expect(await correctPieceLog(worker, assignmentId, logId, 41)).toEqual({
    ok: false,
    code: "tooMany",
    remaining: 28,
    most: 40,
  });
  expect((await db().pieceLog.findUniqueOrThrow({ where: { id: logId } })).quantity).toBe(12);
  expect(await correctPieceLog(worker, assignmentId, logId, 8)).toEqual({ ok: true, id: logId });
  expect(await correctPieceLog(worker, assignmentId, logId, 8)).toEqual({ ok: false, code: "unchanged" });
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(8);
  const audits = await auditOf(logId);
  expect(audits.map((a) => a.action)).toEqual(["pieceLog.create", "pieceLog.correct", "pieceLog.correct"]);

  // Another worker cannot touch it.
  const stranger = workerScopeOf(world.workers[1]!);
  expect(await cancelPieceLog(stranger, assignmentId, logId)).toEqual({ ok: false, code: "notFound" });
  expect(await correctPieceLog(stranger, assignmentId, logId, 1)).toEqual({ ok: false, code: "notFound" });

  expect(await cancelPieceLog(worker, assignmentId, logId)).toEqual({ ok: true, id: logId, alreadyCancelled: false });
  expect(await cancelPieceLog(worker, assignmentId, logId)).toEqual({ ok: true, id: logId, alreadyCancelled: true });
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(0);

  const received = idOf(
    await createPieceLog(worker, assignmentId, { quantity: 5, processStepId: null, clientKey: key() }, NOW),
  );
  idOf(
    await receiveLog(
      actorOf(world.coordinator),
      assignmentId,
      { pieceLogId: received, counted: 5, reason: "" },
      NOW,
      newSubmissionKey(),
    ),
  );
  expect(await correctPieceLog(worker, assignmentId, received, 4)).toEqual({ ok: false, code: "notSubmitted" });
  expect(await cancelPieceLog(worker, assignmentId, received)).toEqual({ ok: false, code: "notSubmitted" });
});

test("a product paid per process step: each step is counted on its own, the task's count is its busiest step's", async () => {
  const world = await createOrderWorld();
  const cut = await stepOf(world, "切皂", 1);
  const wrap = await stepOf(world, "包装", 2);
  const cutRate = await rateRow(world, 10_000n, "2026-03-01", cut.id);
  await rateRow(world, 5_000n, "2026-03-01", wrap.id);
  const assignmentId = await assignmentFor(world, 20);
  const worker = workerScopeOf(world.workers[0]!);

  const pricing = await logPricingOn(db(), world.workshop.id, world.product.id, "2026-03-10");
  expect(pricing.kind === "steps" && pricing.steps.map((s) => s.id)).toEqual([cut.id, wrap.id]);
  expect(
    await createPieceLog(worker, assignmentId, { quantity: 5, processStepId: null, clientKey: key() }, NOW),
  ).toEqual({ ok: false, code: "stepRequired" });
  expect(
    await createPieceLog(worker, assignmentId, { quantity: 5, processStepId: "other", clientKey: key() }, NOW),
  ).toEqual({ ok: false, code: "stepUnknown" });

  const cutLog = idOf(
    await createPieceLog(worker, assignmentId, { quantity: 15, processStepId: cut.id, clientKey: key() }, NOW),
  );
  idOf(await createPieceLog(worker, assignmentId, { quantity: 12, processStepId: wrap.id, clientKey: key() }, NOW));
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(15);
  expect(await db().pieceLog.findUniqueOrThrow({ where: { id: cutLog } })).toMatchObject({
    processStepId: cut.id,
    pieceRateId: cutRate.id,
    rateE4: 10_000n,
  });
  // Cutting has 5 left, wrapping 8.
  expect(
    await createPieceLog(worker, assignmentId, { quantity: 6, processStepId: cut.id, clientKey: key() }, NOW),
  ).toEqual({ ok: false, code: "tooMany", remaining: 5 });
  idOf(await createPieceLog(worker, assignmentId, { quantity: 8, processStepId: wrap.id, clientKey: key() }, NOW));
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(20);
  expect(await db().pieceLog.count({ where: { assignmentId, status: "submitted" } })).toBe(3);

  // Receiving 13 of the 15 cut gives 2 back to cutting; cancelling that receipt gives back the rest.
  const coordinator = actorOf(world.coordinator);
  const lot = idOf(
    await receiveLog(
      coordinator,
      assignmentId,
      { pieceLogId: cutLog, counted: 13, reason: "两块碎了" },
      NOW,
      newSubmissionKey(),
    ),
  );
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(20);
  idOf(await createPieceLog(worker, assignmentId, { quantity: 2, processStepId: cut.id, clientKey: key() }, NOW));
  expect(
    await cancelReceipt(coordinator, assignmentId, { lotId: lot, reason: "点错了" }, newSubmissionKey()),
  ).toMatchObject({
    ok: true,
  });
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(20); // wrapping still has all 20
});

test("concurrent logs of one step never take it beyond the task's pieces", async () => {
  const world = await createOrderWorld();
  const cut = await stepOf(world, "切皂", 1);
  await rateRow(world, 10_000n, "2026-03-01", cut.id);
  const assignmentId = await assignmentFor(world, 30);
  const worker = workerScopeOf(world.workers[0]!);
  const { values, errors } = await settleAll(
    Array.from({ length: 10 }, () =>
      createPieceLog(worker, assignmentId, { quantity: 4, processStepId: cut.id, clientKey: key() }, NOW),
    ),
  );
  expect(errors).toEqual([]);
  expect(values.filter((v) => v.ok)).toHaveLength(7);
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(28);
  const sum = await db().pieceLog.aggregate({ where: { assignmentId }, _sum: { quantity: true } });
  expect(sum._sum.quantity).toBe(28);
});
