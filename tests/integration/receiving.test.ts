// Receiving 收货 (app/models/receiving.server.ts, ADR 019) against a real
// database: one lot per log, exactly once also under concurrent double submits
// and two coordinators at once; a count below the log needs a reason and gives
// the missing pieces back to the assignment; a count above it is refused;
// corrections and cancellations after receipt need a reason, keep the
// assignment's logged pieces right and are audited with before and after; a
// coordinator never reaches another workshop's logs. docs/domain.md flow step 5
// and "Nothing a worker logged is ever lost or counted twice".
import { expect, test } from "vitest";
import { db } from "../../app/infra/db.server.ts";
import { takeLoggedPieces } from "../../app/models/assignment-pieces.server.ts";
import {
  cancelReceipt,
  correctReceipt,
  countLogsToReceive,
  getReceivingDesk,
  listReceiptsForWorker,
  listWaitingToReceive,
  receiveAllAsLogged,
  receivedPiecesByAssignment,
  receiveLog,
} from "../../app/models/receiving.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import {
  NOW,
  actorOf,
  auditJsonOf,
  auditOf,
  createOrderRow,
  createOrderWorld,
  rounds,
  settleAll,
  workerScopeOf,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";
import { createCoordinatorUser } from "../support/fixtures.ts";
import {
  assignmentPieces,
  createAssignmentRow,
  createSubmittedLog,
  lotsOfLog,
  pieceLogState,
} from "../support/piece-log-fixtures.ts";

async function assignmentFor(world: OrderWorld, quantity = 50, workerIndex = 0): Promise<string> {
  const orderId = await createOrderRow(world, { quantity: 200, dueOn: "2099-12-31" });
  return createAssignmentRow({
    workshopId: world.workshop.id,
    orderId,
    productId: world.product.id,
    workerId: world.workers[workerIndex]!.id,
    createdById: world.coordinator.id,
    quantity,
  });
}

/**
 * The assignment's logged pieces always equal its submitted logs plus what was
 * counted of its received logs whose lot is not cancelled (ADR 019).
 */
async function expectLoggedConsistent(assignmentId: string): Promise<number> {
  const [submitted, lots, pieces] = await Promise.all([
    db().pieceLog.aggregate({ where: { assignmentId, status: "submitted" }, _sum: { quantity: true } }),
    db().lot.aggregate({ where: { assignmentId, status: { not: "cancelled" } }, _sum: { quantity: true } }),
    assignmentPieces(assignmentId),
  ]);
  expect(pieces.loggedQuantity).toBe((submitted._sum.quantity ?? 0) + (lots._sum.quantity ?? 0));
  return pieces.loggedQuantity;
}

/** The lot a receipt made (fails the set-up when it was refused). */
function lotIdOf(result: { ok: boolean; id?: string }): string {
  if (!result.ok || !result.id) throw new Error(`test setup: the receipt was refused: ${JSON.stringify(result)}`);
  return result.id;
}

async function tableCounts() {
  const [lots, logs, audit, submissions] = await Promise.all([
    db().lot.count(),
    db().pieceLog.count({ where: { status: "submitted" } }),
    db().auditEvent.count(),
    db().formSubmission.count(),
  ]);
  return { lots, logs, audit, submissions };
}

test("receiving a log as logged makes one awaiting lot with the log's rate; the log is received; nothing goes back to the assignment", async () => {
  const world = await createOrderWorld();
  const assignmentId = await assignmentFor(world);
  const logId = await createSubmittedLog(assignmentId, { quantity: 30, rateE4: 12_345n });

  const result = await receiveLog(
    actorOf(world.coordinator),
    assignmentId,
    { pieceLogId: logId, counted: 30, reason: "" },
    NOW,
    newSubmissionKey(),
  );

  expect(result.ok).toBe(true);
  const lots = await lotsOfLog(logId);
  expect(lots).toHaveLength(1);
  expect(lots[0]).toMatchObject({
    id: result.ok ? result.id : "",
    workshopId: world.workshop.id,
    assignmentId,
    workerId: world.workers[0]!.id,
    productId: world.product.id,
    loggedQuantity: 30,
    quantity: 30,
    differenceReason: "",
    rateE4: 12_345n,
    status: "awaiting",
    receivedById: world.coordinator.id,
    receivedOn: "2026-03-10",
  });
  expect(await pieceLogState(logId)).toMatchObject({ status: "received" });
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(30);
  await expectLoggedConsistent(assignmentId);
  const audit = await auditOf(lots[0]!.id);
  expect(audit.map((a) => a.action)).toEqual(["lot.receive"]);
  expect(audit[0]!.actorId).toBe(world.coordinator.id);
  expect(auditJsonOf(audit[0]!.before)).toMatchObject({ logStatus: "submitted", loggedQuantity: 30 });
  expect(auditJsonOf(audit[0]!.after)).toMatchObject({ logStatus: "received", quantity: 30, rateE4: "12345" });
});

test("a smaller count with a reason gives the missing pieces back (she can log them again) and the worker sees the count and the reason", async () => {
  const world = await createOrderWorld();
  const assignmentId = await assignmentFor(world, 30);
  const logId = await createSubmittedLog(assignmentId, { quantity: 30 });
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(30);

  const result = await receiveLog(
    actorOf(world.coordinator),
    assignmentId,
    { pieceLogId: logId, counted: 28, reason: "  2 块有裂纹，退回重做  " },
    NOW,
    newSubmissionKey(),
  );

  expect(result.ok).toBe(true);
  const [lot] = await lotsOfLog(logId);
  expect(lot).toMatchObject({ loggedQuantity: 30, quantity: 28, differenceReason: "2 块有裂纹，退回重做" });
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(28);
  await expectLoggedConsistent(assignmentId);
  // The two pieces are hers to log again (the assignment of 30 was full before).
  const again = await db().$transaction((tx) => takeLoggedPieces(tx, assignmentId, 2));
  expect(again).toEqual({ taken: true, remaining: 0 });

  const seen = await listReceiptsForWorker(workerScopeOf(world.workers[0]!));
  expect(seen).toEqual([
    expect.objectContaining({
      pieceLogId: logId,
      assignmentId,
      loggedQuantity: 30,
      receivedQuantity: 28,
      differenceReason: "2 块有裂纹，退回重做",
      status: "awaiting",
    }),
  ]);
  // Never another worker's.
  expect(await listReceiptsForWorker(workerScopeOf(world.workers[1]!))).toEqual([]);
});

test("a count of 0 with a reason is a receipt too: an empty lot, every piece back to the assignment", async () => {
  const world = await createOrderWorld();
  const assignmentId = await assignmentFor(world);
  const logId = await createSubmittedLog(assignmentId, { quantity: 12 });
  const result = await receiveLog(
    actorOf(world.coordinator),
    assignmentId,
    { pieceLogId: logId, counted: 0, reason: "没有带来" },
    NOW,
    newSubmissionKey(),
  );
  expect(result.ok).toBe(true);
  expect(await lotsOfLog(logId)).toEqual([expect.objectContaining({ quantity: 0, loggedQuantity: 12 })]);
  expect(await expectLoggedConsistent(assignmentId)).toBe(0);
});

test("a different count without a reason, a count above the log, another workshop's log or a log of another assignment are refused and change nothing", async () => {
  const world = await createOrderWorld();
  const assignmentId = await assignmentFor(world);
  const otherAssignment = await assignmentFor(world, 20, 1);
  const logId = await createSubmittedLog(assignmentId, { quantity: 30 });
  const stranger = await createOrderWorld();
  const before = await tableCounts();

  const attempt = (actor: ReturnType<typeof actorOf>, assignment: string, counted: number, reason: string) =>
    receiveLog(actor, assignment, { pieceLogId: logId, counted, reason }, NOW, newSubmissionKey());
  expect(await attempt(actorOf(world.coordinator), assignmentId, 28, "")).toEqual({
    ok: false,
    code: "reasonRequired",
  });
  expect(await attempt(actorOf(world.coordinator), assignmentId, 28, "   ")).toEqual({
    ok: false,
    code: "reasonRequired",
  });
  expect(await attempt(actorOf(world.coordinator), assignmentId, 31, "多了一件")).toEqual({
    ok: false,
    code: "countAboveLogged",
    logged: 30,
  });
  expect(await attempt(actorOf(stranger.coordinator), assignmentId, 30, "")).toEqual({ ok: false, code: "notFound" });
  expect(await attempt(actorOf(world.coordinator), otherAssignment, 30, "")).toEqual({ ok: false, code: "notFound" });

  expect(await tableCounts()).toEqual(before);
  expect(await pieceLogState(logId)).toMatchObject({ status: "submitted" });
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(30);
});

test("the same form sent twice receives once; both answers are the same success", async () => {
  const world = await createOrderWorld();
  const assignmentId = await assignmentFor(world);
  const logId = await createSubmittedLog(assignmentId, { quantity: 30 });
  const key = newSubmissionKey();
  const input = { pieceLogId: logId, counted: 27, reason: "少 3 件" };
  const first = await receiveLog(actorOf(world.coordinator), assignmentId, input, NOW, key);
  const second = await receiveLog(actorOf(world.coordinator), assignmentId, input, NOW, key);
  expect(first).toMatchObject({ ok: true });
  expect(second).toMatchObject({ ok: true, replayed: true, id: first.ok ? first.id : "?" });
  expect(await lotsOfLog(logId)).toHaveLength(1);
  expect(await expectLoggedConsistent(assignmentId)).toBe(27);
  // A second coordinator's form for a log already received is refused, not received again.
  const late = await receiveLog(actorOf(world.coordinator), assignmentId, input, NOW, newSubmissionKey());
  expect(late).toEqual({ ok: false, code: "notSubmitted" });
});

test("concurrent receipts of one log (double submits with one key, two coordinators with their own) make exactly one lot, every round", async () => {
  const world = await createOrderWorld();
  const second = await createCoordinatorUser(world.workshop.id);
  await rounds(6, async (round) => {
    const assignmentId = await assignmentFor(world, 40);
    const logId = await createSubmittedLog(assignmentId, { quantity: 40 });
    const keyA = newSubmissionKey();
    const keyB = newSubmissionKey();
    const counted = 35 + (round % 3);
    const input = { pieceLogId: logId, counted, reason: "有几件没做完" };
    const attempts = [
      ...Array.from({ length: 4 }, () => receiveLog(actorOf(world.coordinator), assignmentId, input, NOW, keyA)),
      ...Array.from({ length: 4 }, () => receiveLog(actorOf(second), assignmentId, input, NOW, keyB)),
      ...Array.from({ length: 2 }, () =>
        receiveLog(actorOf(second), assignmentId, { ...input, counted: 40, reason: "" }, NOW, newSubmissionKey()),
      ),
    ];
    const { values, errors } = await settleAll(attempts);
    expect(errors, `round ${round}: exceptions escaped`).toEqual([]);
    const lots = await lotsOfLog(logId);
    expect(lots, `round ${round}`).toHaveLength(1);
    const winners = values.filter((v) => v.ok && !("replayed" in v && v.replayed));
    expect(winners, `round ${round}`).toHaveLength(1);
    // Everyone else was told it is received (a copy of the winner's form) or that it already was.
    for (const v of values) if (!v.ok) expect(v.code).toBe("notSubmitted");
    expect(await auditOf(lots[0]!.id)).toHaveLength(1);
    expect(await pieceLogState(logId)).toMatchObject({ status: "received" });
    expect(await expectLoggedConsistent(assignmentId)).toBe(lots[0]!.quantity);
  });
});

test("receive all as logged takes the logs the coordinator saw that still wait; one received meanwhile is skipped, one sent later is left", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const assignmentId = await assignmentFor(world, 100);
  const seen = [
    await createSubmittedLog(assignmentId, { quantity: 10 }),
    await createSubmittedLog(assignmentId, { quantity: 20 }),
    await createSubmittedLog(assignmentId, { quantity: 5 }),
  ];
  await receiveLog(actor, assignmentId, { pieceLogId: seen[1]!, counted: 19, reason: "1 件破损" }, NOW, "k".repeat(16));
  const later = await createSubmittedLog(assignmentId, { quantity: 7 });

  const result = await receiveAllAsLogged(actor, assignmentId, seen, NOW, newSubmissionKey());

  expect(result).toEqual({ ok: true, id: assignmentId, logs: 2, pieces: 15 });
  expect((await lotsOfLog(seen[0]!))[0]).toMatchObject({ quantity: 10, loggedQuantity: 10, differenceReason: "" });
  expect((await lotsOfLog(seen[1]!))[0]).toMatchObject({ quantity: 19 });
  expect(await lotsOfLog(seen[2]!)).toHaveLength(1);
  expect(await lotsOfLog(later)).toHaveLength(0);
  expect(await pieceLogState(later)).toMatchObject({ status: "submitted" });
  expect(await expectLoggedConsistent(assignmentId)).toBe(10 + 19 + 5 + 7);
  // Nothing of the list left: refused, nothing written.
  const before = await tableCounts();
  expect(await receiveAllAsLogged(actor, assignmentId, seen, NOW, newSubmissionKey())).toEqual({
    ok: false,
    code: "nothingToReceive",
  });
  expect(await tableCounts()).toEqual(before);
  // Another workshop's coordinator finds nothing.
  const stranger = await createOrderWorld();
  expect(
    await receiveAllAsLogged(actorOf(stranger.coordinator), assignmentId, [later], NOW, newSubmissionKey()),
  ).toEqual({ ok: false, code: "notFound" });
  expect(await pieceLogState(later)).toMatchObject({ status: "submitted" });
});

test("receive-all and single receipts racing on the same logs still make one lot per log", async () => {
  const world = await createOrderWorld();
  const second = await createCoordinatorUser(world.workshop.id);
  await rounds(4, async (round) => {
    const assignmentId = await assignmentFor(world, 60);
    const logs = [
      await createSubmittedLog(assignmentId, { quantity: 10 }),
      await createSubmittedLog(assignmentId, { quantity: 15 }),
      await createSubmittedLog(assignmentId, { quantity: 20 }),
    ];
    const { errors } = await settleAll<{ ok: boolean }>([
      receiveAllAsLogged(actorOf(world.coordinator), assignmentId, logs, NOW, newSubmissionKey()),
      receiveAllAsLogged(actorOf(second), assignmentId, logs, NOW, newSubmissionKey()),
      ...logs.map((id) =>
        receiveLog(
          actorOf(second),
          assignmentId,
          { pieceLogId: id, counted: 9, reason: "少了" },
          NOW,
          newSubmissionKey(),
        ),
      ),
    ]);
    expect(errors, `round ${round}`).toEqual([]);
    for (const id of logs) expect(await lotsOfLog(id), `round ${round}`).toHaveLength(1);
    expect(await db().pieceLog.count({ where: { assignmentId, status: "submitted" } })).toBe(0);
    await expectLoggedConsistent(assignmentId);
  });
});

test("a correction after receipt needs a reason, stays within the log, moves pieces to or from the assignment, and is audited before/after", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const assignmentId = await assignmentFor(world, 40);
  const logId = await createSubmittedLog(assignmentId, { quantity: 30 });
  const received = await receiveLog(
    actor,
    assignmentId,
    { pieceLogId: logId, counted: 30, reason: "" },
    NOW,
    newSubmissionKey(),
  );
  const lotId = lotIdOf(received);
  const correct = (counted: number, reason: string, key = newSubmissionKey()) =>
    correctReceipt(actor, assignmentId, { lotId, counted, reason }, key);

  const before = await tableCounts();
  expect(await correct(25, "")).toEqual({ ok: false, code: "reasonRequired" });
  expect(await correct(31, "数错了")).toEqual({ ok: false, code: "countAboveLogged", logged: 30 });
  expect(await correct(30, "再数一遍")).toEqual({ ok: false, code: "unchanged" });
  const stranger = await createOrderWorld();
  expect(
    await correctReceipt(
      actorOf(stranger.coordinator),
      assignmentId,
      { lotId, counted: 1, reason: "x" },
      newSubmissionKey(),
    ),
  ).toEqual({
    ok: false,
    code: "notFound",
  });
  expect(await tableCounts()).toEqual(before);

  // Down: 5 pieces back to the assignment.
  expect(await correct(25, "复点少 5 件")).toEqual({ ok: true, id: lotId });
  expect((await lotsOfLog(logId))[0]).toMatchObject({ quantity: 25, differenceReason: "复点少 5 件" });
  expect(await pieceLogState(logId)).toMatchObject({ status: "received", changeReason: "复点少 5 件" });
  expect(await expectLoggedConsistent(assignmentId)).toBe(25);
  // Up again: the pieces are taken back from the assignment; a count equal to the log clears the difference reason.
  expect(await correct(30, "找到了 5 件")).toEqual({ ok: true, id: lotId });
  expect((await lotsOfLog(logId))[0]).toMatchObject({ quantity: 30, differenceReason: "" });
  expect(await expectLoggedConsistent(assignmentId)).toBe(30);

  const audit = (await auditOf(lotId)).filter((a) => a.action === "lot.correct");
  expect(audit).toHaveLength(2);
  expect(auditJsonOf(audit[0]!.before)).toMatchObject({ quantity: 30 });
  expect(auditJsonOf(audit[0]!.after)).toMatchObject({ quantity: 25, reason: "复点少 5 件", releasedPieces: 5 });
  expect(auditJsonOf(audit[1]!.before)).toMatchObject({ quantity: 25 });
  expect(auditJsonOf(audit[1]!.after)).toMatchObject({ quantity: 30, reason: "找到了 5 件", takenPieces: 5 });
});

test("a correction upwards is refused when she has logged the missing pieces again since, and nothing changes", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const assignmentId = await assignmentFor(world, 30);
  const logId = await createSubmittedLog(assignmentId, { quantity: 30 });
  const received = await receiveLog(
    actor,
    assignmentId,
    { pieceLogId: logId, counted: 26, reason: "少 4 件" },
    NOW,
    newSubmissionKey(),
  );
  const lotId = lotIdOf(received);
  await createSubmittedLog(assignmentId, { quantity: 4 });
  const before = await tableCounts();

  const result = await correctReceipt(
    actor,
    assignmentId,
    { lotId, counted: 30, reason: "其实够数" },
    newSubmissionKey(),
  );

  expect(result).toEqual({ ok: false, code: "piecesLoggedAgain" });
  expect(await tableCounts()).toEqual(before);
  expect((await lotsOfLog(logId))[0]).toMatchObject({ quantity: 26, differenceReason: "少 4 件" });
  expect(await pieceLogState(logId)).toMatchObject({ changeReason: "" });
  expect(await expectLoggedConsistent(assignmentId)).toBe(30);
});

test("cancelling a receipt needs a reason, cancels lot and log, gives the counted pieces back, once, and is audited; a cancelled lot is no longer awaiting", async () => {
  const world = await createOrderWorld();
  const actor = actorOf(world.coordinator);
  const assignmentId = await assignmentFor(world, 40);
  const logId = await createSubmittedLog(assignmentId, { quantity: 30 });
  const received = await receiveLog(
    actor,
    assignmentId,
    { pieceLogId: logId, counted: 28, reason: "少 2 件" },
    NOW,
    newSubmissionKey(),
  );
  const lotId = lotIdOf(received);

  const before = await tableCounts();
  expect(await cancelReceipt(actor, assignmentId, { lotId, reason: "  " }, newSubmissionKey())).toEqual({
    ok: false,
    code: "reasonRequired",
  });
  expect(await tableCounts()).toEqual(before);

  const key = newSubmissionKey();
  const [first, again] = await Promise.all([
    cancelReceipt(actor, assignmentId, { lotId, reason: "收错了人" }, key),
    cancelReceipt(actor, assignmentId, { lotId, reason: "收错了人" }, key),
  ]);
  expect(first.ok && again.ok).toBe(true);
  expect((await lotsOfLog(logId))[0]).toMatchObject({ status: "cancelled", quantity: 28 });
  expect(await pieceLogState(logId)).toMatchObject({ status: "cancelled", changeReason: "收错了人" });
  expect(await expectLoggedConsistent(assignmentId)).toBe(0);
  expect(await db().lot.count({ where: { assignmentId, status: "awaiting" } })).toBe(0);

  // Neither a correction nor another cancellation reaches a cancelled lot.
  expect(await cancelReceipt(actor, assignmentId, { lotId, reason: "再取消" }, newSubmissionKey())).toEqual({
    ok: false,
    code: "notAwaiting",
  });
  expect(await correctReceipt(actor, assignmentId, { lotId, counted: 10, reason: "x" }, newSubmissionKey())).toEqual({
    ok: false,
    code: "notAwaiting",
  });
  const audit = (await auditOf(lotId)).filter((a) => a.action === "lot.cancel");
  expect(audit).toHaveLength(1);
  expect(auditJsonOf(audit[0]!.before)).toMatchObject({ status: "awaiting", logStatus: "received", quantity: 28 });
  expect(auditJsonOf(audit[0]!.after)).toMatchObject({ status: "cancelled", reason: "收错了人", releasedPieces: 28 });
  // A cancelled receipt counts for nothing received (reconciliation's expected use).
  expect(await receivedPiecesByAssignment(world.workshop.id, [assignmentId])).toEqual(new Map());
  expect(await listReceiptsForWorker(workerScopeOf(world.workers[0]!))).toEqual([
    expect.objectContaining({ pieceLogId: logId, status: "cancelled", changeReason: "收错了人" }),
  ]);
});

test("a correction and a cancellation racing on one lot leave the assignment's pieces consistent", async () => {
  const world = await createOrderWorld();
  const second = await createCoordinatorUser(world.workshop.id);
  await rounds(5, async (round) => {
    const assignmentId = await assignmentFor(world, 50);
    const logId = await createSubmittedLog(assignmentId, { quantity: 50 });
    const received = await receiveLog(
      actorOf(world.coordinator),
      assignmentId,
      { pieceLogId: logId, counted: 50, reason: "" },
      NOW,
      newSubmissionKey(),
    );
    const lotId = lotIdOf(received);
    const { values, errors } = await settleAll<{ ok: boolean }>([
      correctReceipt(
        actorOf(world.coordinator),
        assignmentId,
        { lotId, counted: 40, reason: "少 10" },
        newSubmissionKey(),
      ),
      correctReceipt(actorOf(second), assignmentId, { lotId, counted: 45, reason: "少 5" }, newSubmissionKey()),
      cancelReceipt(actorOf(second), assignmentId, { lotId, reason: "收错" }, newSubmissionKey()),
    ]);
    expect(errors, `round ${round}`).toEqual([]);
    expect(values.some((v) => v.ok)).toBe(true);
    await expectLoggedConsistent(assignmentId);
  });
});

test("the receiving list groups waiting logs per order and worker, newest first, with counts; the badge counts the logs", async () => {
  const world = await createOrderWorld({ workers: 2 });
  const first = await assignmentFor(world, 50, 0);
  const secondOrderAssignment = await assignmentFor(world, 50, 1);
  const t = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  await createSubmittedLog(first, { quantity: 10, at: t(1) });
  await createSubmittedLog(first, { quantity: 5, at: t(3) });
  await createSubmittedLog(secondOrderAssignment, { quantity: 7, at: t(5) });
  const received = await createSubmittedLog(first, { quantity: 9, at: t(6) });
  await receiveLog(
    actorOf(world.coordinator),
    first,
    { pieceLogId: received, counted: 9, reason: "" },
    NOW,
    newSubmissionKey(),
  );
  const elsewhere = await createOrderWorld();
  await createSubmittedLog(await assignmentFor(elsewhere), { quantity: 3 });

  const list = await listWaitingToReceive(world.workshop.id);
  expect(list.map((o) => [o.logs, o.pieces])).toEqual([
    [1, 7],
    [2, 15],
  ]);
  expect(list[0]!.assignments).toEqual([
    expect.objectContaining({
      assignmentId: secondOrderAssignment,
      workerName: world.workers[1]!.name,
      logs: 1,
      pieces: 7,
    }),
  ]);
  expect(list[1]!.assignments[0]).toMatchObject({ assignmentId: first, logs: 2, pieces: 15, newestAt: t(3) });
  expect(await countLogsToReceive(world.workshop.id)).toBe(3);

  const desk = await getReceivingDesk(world.workshop.id, first);
  expect(desk?.submitted.map((l) => l.quantity)).toEqual([10, 5]);
  expect(desk?.lots.map((l) => [l.quantity, l.status, l.receivedByName])).toEqual([
    [9, "awaiting", world.coordinator.name],
  ]);
  expect(await getReceivingDesk(elsewhere.workshop.id, first)).toBeNull();
  expect(await receivedPiecesByAssignment(world.workshop.id, [first, secondOrderAssignment])).toEqual(
    new Map([[first, 9]]),
  );
  expect(await receivedPiecesByAssignment(elsewhere.workshop.id, [first])).toEqual(new Map());
});
