// A settled month is final (ADR 022): nothing that fed it can change, each refused in words.
// - A check begun on the month's last evening and saved after the month was settled (midnight) is
//   refused (monthSettled) under the pay lock settling takes; the lot still waits, nothing written.
// - A lot checked in the settled month cannot be checked again, its receipt neither corrected nor
//   cancelled; the worker cannot change or cancel her log behind it; its used rate version cannot change.
import { expect, test } from "vitest";
import { rateFromMinor } from "../../app/domain/money.ts";
import { db } from "../../app/infra/db.server.ts";
import { cancelPieceLog, correctPieceLog } from "../../app/models/piece-log.server.ts";
import { checkLot } from "../../app/models/quality.server.ts";
import { markRateUsed, setRate } from "../../app/models/rates.server.ts";
import { cancelReceipt, correctReceipt } from "../../app/models/receiving.server.ts";
import { settleMonth } from "../../app/models/settlement.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { createOrderRow, createOrderWorld } from "../support/catalogue-fixtures.ts";
import { checkedLot, createRate } from "../support/pay-fixtures.ts";
import { receivedLot } from "../support/quality-fixtures.ts";

test("after 2026-10 is settled, a check dated 2026-10-31, a second check, a receipt's correction or cancel, her log's change and the used rate's change are all refused; nothing changes", async () => {
  const world = await createOrderWorld();
  const actor = { workshopId: world.workshop.id, userId: world.coordinator.id };
  const orderId = await createOrderRow(world, { quantity: 10_000, dueOn: "2099-12-31" });
  const rateId = await createRate(world, 25_000n);
  const worker = world.workers[0]!;
  const checked = await checkedLot(world, orderId, {
    workerId: worker.id,
    quantity: 10,
    rateId,
    rateE4: 25_000n,
    loggedAt: new Date("2026-10-10T02:00:00Z"),
    checkedAt: new Date("2026-10-20T02:00:00Z"),
  });
  // The fixture writes the log directly; the real log page marks its rate version used in the same transaction.
  await db().$transaction((tx) => markRateUsed(tx, world.workshop.id, rateId, new Date("2026-10-10T02:00:00Z")));
  const waiting = await receivedLot(world, orderId, {
    quantity: 5,
    workerIndex: 1,
    at: new Date("2026-10-30T02:00:00Z"),
  });
  const settled = await settleMonth(actor, "2026-10", new Date("2026-11-01T00:00:05+08:00"));
  expect(settled.ok).toBe(true);
  const lotsBefore = await db().lot.findMany({ where: { workshopId: world.workshop.id }, orderBy: { id: "asc" } });

  const lateCheck = await checkLot(
    actor,
    { lotId: waiting.lotId, passed: 5, rework: 0, rejected: 0, reworkReasonId: "", rejectedReasonId: "", note: "" },
    null,
    new Date("2026-10-31T23:59:50+08:00"),
    newSubmissionKey(),
  );
  expect(lateCheck).toMatchObject({ ok: false, code: "monthSettled" });

  const again = await checkLot(
    actor,
    {
      lotId: checked.lotId,
      passed: 0,
      rework: 0,
      rejected: 10,
      reworkReasonId: "",
      rejectedReasonId: "other",
      note: "x",
    },
    null,
    new Date("2026-11-02T02:00:00Z"),
    newSubmissionKey(),
  );
  expect(again.ok).toBe(false);
  const corrected = await correctReceipt(
    actor,
    checked.assignmentId,
    { lotId: checked.lotId, counted: 9, reason: "数错了" },
    newSubmissionKey(),
  );
  expect(corrected.ok).toBe(false);
  const cancelled = await cancelReceipt(
    actor,
    checked.assignmentId,
    { lotId: checked.lotId, reason: "收错了" },
    newSubmissionKey(),
  );
  expect(cancelled.ok).toBe(false);
  const herActor = { workshopId: world.workshop.id, userId: worker.id };
  expect((await correctPieceLog(herActor, checked.assignmentId, checked.logId, 20)).ok).toBe(false);
  expect((await cancelPieceLog(herActor, checked.assignmentId, checked.logId)).ok).toBe(false);
  const rate = await setRate(
    actor,
    {
      productId: world.product.id,
      processStepId: null,
      rate: rateFromMinor(30_000n),
      effectiveOn: "2020-01-01",
      reason: "涨价",
      confirmBelowMinimum: true,
      belowMinimumReason: "test",
    },
    new Date("2026-11-02T02:00:00Z"),
  );
  expect(rate).toMatchObject({ ok: false, code: "rateUsed" });

  const lotsAfter = await db().lot.findMany({ where: { workshopId: world.workshop.id }, orderBy: { id: "asc" } });
  expect(lotsAfter).toEqual(lotsBefore);
  expect((await db().pieceRate.findUniqueOrThrow({ where: { id: rateId } })).rateE4).toBe(25_000n);
  expect((await db().pieceLog.findUniqueOrThrow({ where: { id: checked.logId } })).quantity).toBe(10);
});
