// The quality check 质检 (app/models/quality.server.ts, ADR 021) against a real
// database: counts that add up, reasons, inspector and China date, audited in
// the same transaction; exactly once under double submits and parallel checks;
// rework goes back to the worker as a lot with the same rate, is taken back and
// checked again, and its passed pieces count in the month of that check; the
// worker's month, her logs and the order's progress show the results; another
// workshop's coordinator reaches nothing. docs/domain.md flow step 6.
import { expect, test } from "vitest";
import { db } from "../../app/infra/db.server.ts";
import {
  getOrderDesk,
  getPartnerOrder,
  getWorkshopOrder,
  listWorkerAssignments,
} from "../../app/models/order.server.ts";
import {
  addReason,
  checkLot,
  countLotsToCheck,
  getLotForCheck,
  getQualityDesk,
  listReasons,
  reasonsForOrder,
  setReasonArchived,
  takeBackRework,
  type CheckInput,
} from "../../app/models/quality.server.ts";
import { monthPieces } from "../../app/models/month-pieces.server.ts";
import { cancelReceipt, getReceivingDesk, receivedPiecesByAssignment } from "../../app/models/receiving.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { getWorkerMonth } from "../../app/models/worker-month.server.ts";
import { createWorkshop } from "../../app/models/workshop.server.ts";
import {
  actorOf,
  auditJsonOf,
  auditOf,
  createOrderRow,
  createOrderWorld,
  partnerScopeOf,
  rounds,
  settleAll,
  workerScopeOf,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";
import { createAdminUser } from "../support/fixtures.ts";
import { assignmentPieces } from "../support/piece-log-fixtures.ts";
import { addReasons, receivedLot } from "../support/quality-fixtures.ts";

const MARCH = new Date("2026-03-10T02:00:00Z");
// 23:30 on 31 March in UTC is already 1 April in China.
const APRIL_IN_CHINA = new Date("2026-03-31T23:30:00Z");

async function setUp(options: { quantity?: number; rateE4?: bigint } = {}) {
  const world = await createOrderWorld();
  const reasons = await addReasons(world.workshop.id);
  const orderId = await createOrderRow(world, { quantity: 100, dueOn: "2099-12-31" });
  const lot = await receivedLot(world, orderId, {
    quantity: options.quantity ?? 10,
    rateE4: options.rateE4,
    at: MARCH,
  });
  return { world, reasons, orderId, ...lot };
}

function input(lotId: string, counts: Partial<CheckInput>): CheckInput {
  return { lotId, passed: 0, rework: 0, rejected: 0, reworkReasonId: "", rejectedReasonId: "", note: "", ...counts };
}

async function lotRow(id: string) {
  return db().lot.findUniqueOrThrow({ where: { id } });
}

/** Receipts only make up the assignment's logged pieces (ADR 019), whatever the checks did (ADR 021). */
async function expectLoggedConsistent(assignmentId: string) {
  const [submitted, lots, pieces] = await Promise.all([
    db().pieceLog.aggregate({ where: { assignmentId, status: "submitted" }, _sum: { quantity: true } }),
    db().lot.aggregate({
      where: { assignmentId, status: { not: "cancelled" }, reworkOfLotId: null },
      _sum: { quantity: true },
    }),
    assignmentPieces(assignmentId),
  ]);
  expect(pieces.loggedQuantity).toBe((submitted._sum.quantity ?? 0) + (lots._sum.quantity ?? 0));
}

test("a check records the counts, reasons, note, photo, inspector and China date, audited; rework becomes a lot at the worker's with the same rate", async () => {
  const { world, reasons, orderId, lotId, assignmentId } = await setUp({ quantity: 10, rateE4: 12_345n });
  const coordinator = actorOf(world.coordinator);
  expect(await countLotsToCheck(world.workshop.id)).toBe(1);

  const result = await checkLot(
    coordinator,
    input(lotId, {
      passed: 7,
      rework: 2,
      rejected: 1,
      reworkReasonId: reasons.get("有裂纹")!,
      rejectedReasonId: reasons.get("尺寸不符")!,
      note: "  边上有裂，磨平再交  ",
    }),
    "2026/03/check.jpg",
    APRIL_IN_CHINA,
    newSubmissionKey(),
  );

  expect(result).toMatchObject({ ok: true, id: lotId });
  const lot = await lotRow(lotId);
  expect(lot).toMatchObject({
    status: "checked",
    passedQuantity: 7,
    reworkQuantity: 2,
    rejectedQuantity: 1,
    reworkReason: "有裂纹",
    rejectedReason: "尺寸不符",
    checkNote: "边上有裂，磨平再交",
    checkPhotoPath: "2026/03/check.jpg",
    checkedById: world.coordinator.id,
    checkedOn: "2026-04-01",
  });
  const reworkLotId = result.ok && "reworkLotId" in result ? result.reworkLotId : null;
  expect(reworkLotId).not.toBeNull();
  expect(await lotRow(reworkLotId!)).toMatchObject({
    status: "rework",
    reworkOfLotId: lotId,
    pieceLogId: null,
    originLogId: lot.originLogId,
    quantity: 2,
    rateE4: 12_345n,
    pieceRateId: lot.pieceRateId,
    workerId: world.workers[0]!.id,
    assignmentId,
    orderId,
  });
  const audit = await auditOf(lotId);
  expect(audit.map((a) => a.action)).toEqual(["lot.receive", "lot.check"]);
  expect(auditJsonOf(audit[1]!.after)).toMatchObject({ passed: 7, rework: 2, rejected: 1, reworkLotId });
  // Nothing of the receipt's accounting moves: the rework lot is not a second receipt.
  await expectLoggedConsistent(assignmentId);
  expect((await receivedPiecesByAssignment(world.workshop.id, [assignmentId])).get(assignmentId)).toBe(10);
  const desk = await getReceivingDesk(world.workshop.id, assignmentId);
  expect(desk!.lots.map((l) => l.id)).toEqual([lotId]);
  expect(await countLotsToCheck(world.workshop.id)).toBe(0);
  expect((await getQualityDesk(world.workshop.id)).atWorkers.map((l) => l.id)).toEqual([reworkLotId]);

  // The order and the partner see it; reasons per piece.
  const order = await getWorkshopOrder(world.workshop.id, orderId);
  expect(order!.progress).toMatchObject({
    handedIn: 10,
    passed: 7,
    rejected: 1,
    reworkPending: 2,
    firstInspected: 10,
    firstPassed: 7,
  });
  expect((await getPartnerOrder(partnerScopeOf(world.partnerUser), orderId))!.progress.passed).toBe(7);
  expect(await reasonsForOrder(world.workshop.id, orderId)).toEqual([
    { reason: "有裂纹", other: false, rework: 2, rejected: 0 },
    { reason: "尺寸不符", other: false, rework: 0, rejected: 1 },
  ]);
  const tasks = await listWorkerAssignments(workerScopeOf(world.workers[0]!), MARCH);
  expect(tasks.find((t) => t.id === assignmentId)?.passed).toBe(7);
});

test("counts that do not add up, missing reasons, 'other' without a note, an archived or another workshop's reason are refused and change nothing", async () => {
  const { world, reasons, lotId } = await setUp({ quantity: 10 });
  const stranger = await createOrderWorld();
  const strangerReasons = await addReasons(stranger.workshop.id);
  await setReasonArchived(actorOf(world.coordinator), reasons.get("包装破损")!, true, MARCH);
  const cases: [Partial<CheckInput>, string][] = [
    [{ passed: 9 }, "countsDoNotAddUp"],
    [{ passed: 9, rework: 2 }, "countsDoNotAddUp"],
    [{ passed: 8, rework: 2 }, "reworkReasonRequired"],
    [{ passed: 8, rejected: 2 }, "rejectedReasonRequired"],
    [{ passed: 8, rework: 2, reworkReasonId: "other", note: "  " }, "noteRequired"],
    [{ passed: 8, rejected: 2, rejectedReasonId: reasons.get("包装破损")! }, "reasonNotFound"],
    [{ passed: 8, rejected: 2, rejectedReasonId: strangerReasons.get("有裂纹")! }, "reasonNotFound"],
  ];
  const before = await db().auditEvent.count();
  for (const [counts, code] of cases) {
    const result = await checkLot(actorOf(world.coordinator), input(lotId, counts), null, MARCH, newSubmissionKey());
    expect(result, JSON.stringify(counts)).toEqual({ ok: false, code });
  }
  expect(await lotRow(lotId)).toMatchObject({ status: "awaiting", passedQuantity: 0, checkedOn: null });
  expect(await db().lot.count({ where: { reworkOfLotId: lotId } })).toBe(0);
  expect(await db().auditEvent.count()).toBe(before);
  // A reason for 0 pieces is not kept; "other" with a note is fine.
  const ok = await checkLot(
    actorOf(world.coordinator),
    input(lotId, {
      passed: 9,
      rejected: 1,
      rejectedReasonId: "other",
      reworkReasonId: reasons.get("有裂纹")!,
      note: "掉地上摔坏了",
    }),
    null,
    MARCH,
    newSubmissionKey(),
  );
  expect(ok.ok).toBe(true);
  expect(await lotRow(lotId)).toMatchObject({
    reworkReasonId: null,
    reworkReason: "",
    rejectedReasonId: null,
    rejectedReason: "",
  });
  expect(await reasonsForOrder(world.workshop.id, (await lotRow(lotId)).orderId)).toEqual([
    { reason: "", other: true, rework: 0, rejected: 1 },
  ]);
});

test("a lot that is not awaiting (checked, cancelled, at rework) cannot be checked; another workshop's coordinator gets notFound", async () => {
  const { world, reasons, orderId, lotId, assignmentId } = await setUp({ quantity: 5 });
  const coordinator = actorOf(world.coordinator);
  const stranger = await createOrderWorld();
  const strangerActor = actorOf(stranger.coordinator);
  expect(await checkLot(strangerActor, input(lotId, { passed: 5 }), null, MARCH, newSubmissionKey())).toEqual({
    ok: false,
    code: "notFound",
  });
  expect(await getLotForCheck(stranger.workshop.id, lotId)).toBeNull();

  const first = await checkLot(
    coordinator,
    input(lotId, { passed: 3, rework: 2, reworkReasonId: reasons.get("颜色不均")! }),
    null,
    MARCH,
    newSubmissionKey(),
  );
  expect(first.ok).toBe(true);
  expect(await checkLot(coordinator, input(lotId, { passed: 5 }), null, MARCH, newSubmissionKey())).toEqual({
    ok: false,
    code: "notAwaiting",
  });
  const reworkId = (await db().lot.findFirstOrThrow({ where: { reworkOfLotId: lotId } })).id;
  // At the worker's: not checkable until taken back; the stranger cannot take it back either.
  expect(await checkLot(coordinator, input(reworkId, { passed: 2 }), null, MARCH, newSubmissionKey())).toEqual({
    ok: false,
    code: "notAwaiting",
  });
  expect(await takeBackRework(strangerActor, reworkId, MARCH, newSubmissionKey())).toEqual({
    ok: false,
    code: "notFound",
  });
  // A receipt cancelled before its check is never checked.
  const cancelled = await receivedLot(world, orderId, { quantity: 4, assignmentId: undefined, at: MARCH });
  const cancel = await cancelReceipt(
    coordinator,
    cancelled.assignmentId,
    { lotId: cancelled.lotId, reason: "点错了" },
    newSubmissionKey(),
  );
  expect(cancel.ok).toBe(true);
  expect(await checkLot(coordinator, input(cancelled.lotId, { passed: 4 }), null, MARCH, newSubmissionKey())).toEqual({
    ok: false,
    code: "notAwaiting",
  });
  await expectLoggedConsistent(assignmentId);
});

test("a double-submitted check form checks once; parallel checks of one lot with different keys make exactly one check and one rework lot", async () => {
  const { world, reasons, orderId } = await setUp({ quantity: 1 });
  const other = await createOrderWorld();
  void other;
  await rounds(4, async (round) => {
    const { lotId } = await receivedLot(world, orderId, { quantity: 6, at: MARCH });
    const key = newSubmissionKey();
    const check = (k: string, passed: number) =>
      checkLot(
        actorOf(world.coordinator),
        input(lotId, { passed, rework: 6 - passed, reworkReasonId: reasons.get("有裂纹")! }),
        null,
        MARCH,
        k,
      );
    const { values, errors } = await settleAll([
      check(key, 4),
      check(key, 4),
      check(key, 4),
      check(newSubmissionKey(), 5),
      check(newSubmissionKey(), 3),
    ]);
    expect(errors, `round ${round}`).toEqual([]);
    const refused = values.filter((v) => !v.ok);
    expect(refused.every((v) => !v.ok && v.code === "notAwaiting")).toBe(true);
    const lot = await lotRow(lotId);
    expect(lot.status).toBe("checked");
    expect(lot.passedQuantity + lot.reworkQuantity).toBe(6);
    const reworkLots = await db().lot.findMany({ where: { reworkOfLotId: lotId } });
    expect(reworkLots).toHaveLength(1);
    expect(reworkLots[0]!.quantity).toBe(lot.reworkQuantity);
    expect((await auditOf(lotId)).filter((a) => a.action === "lot.check")).toHaveLength(1);
    // The three copies of one form all answer success when theirs won, else all fail alike.
    const sameKey = values.slice(0, 3);
    expect(new Set(sameKey.map((v) => v.ok)).size).toBe(1);
  });
});

test("rework lifecycle: taken back once (double submits too), checked again, its passed pieces paid in the month of that check at the original rate; the worker's month and logs show it", async () => {
  const { world, reasons, orderId, lotId, logId } = await setUp({ quantity: 10, rateE4: 6_500n });
  const coordinator = actorOf(world.coordinator);
  const worker = workerScopeOf(world.workers[0]!);
  await checkLot(
    coordinator,
    input(lotId, {
      passed: 6,
      rework: 3,
      rejected: 1,
      reworkReasonId: reasons.get("有裂纹")!,
      rejectedReasonId: "other",
      note: "碎了",
    }),
    null,
    MARCH,
    newSubmissionKey(),
  );
  const rework = await db().lot.findFirstOrThrow({ where: { reworkOfLotId: lotId } });

  const march = await getWorkerMonth(worker, MARCH);
  expect(march.quality).toEqual({ checked: true, passed: 6, rework: 3, rejected: 1, reworkAtHome: 3 });
  expect(march.received).toBe(10);
  expect(march.logs.find((l) => l.id === logId)?.check).toEqual({
    passed: 6,
    rework: 3,
    rejected: 1,
    reworkReason: "有裂纹",
    rejectedReason: "",
    note: "碎了",
  });

  const key = newSubmissionKey();
  const backs = await Promise.all([
    takeBackRework(coordinator, rework.id, APRIL_IN_CHINA, key),
    takeBackRework(coordinator, rework.id, APRIL_IN_CHINA, key),
  ]);
  expect(backs.every((b) => b.ok)).toBe(true);
  expect(await takeBackRework(coordinator, rework.id, APRIL_IN_CHINA, newSubmissionKey())).toEqual({
    ok: false,
    code: "notAtWorker",
  });
  expect(await lotRow(rework.id)).toMatchObject({ status: "awaiting", receivedOn: "2026-04-01" });
  expect((await auditOf(rework.id)).map((a) => a.action)).toEqual(["lot.reworkBack"]);

  const again = await checkLot(coordinator, input(rework.id, { passed: 3 }), null, APRIL_IN_CHINA, newSubmissionKey());
  expect(again.ok).toBe(true);
  expect(await lotRow(rework.id)).toMatchObject({
    status: "checked",
    passedQuantity: 3,
    checkedOn: "2026-04-01",
    rateE4: 6_500n,
  });

  // Settlement's read: each month's passed pieces at the rate on the lots.
  const inMarch = await monthPieces(db(), world.workshop.id, "2026-03");
  const inApril = await monthPieces(db(), world.workshop.id, "2026-04");
  const key0 = { workerId: world.workers[0]!.id, productId: world.product.id, processStepId: null, rateE4: 6_500n };
  expect(inMarch).toEqual([expect.objectContaining({ ...key0, passed: 6, rework: 3 })]);
  expect(inApril).toEqual([expect.objectContaining({ ...key0, passed: 3, rework: 0 })]);

  const april = await getWorkerMonth(worker, APRIL_IN_CHINA);
  expect(april.quality).toEqual({ checked: true, passed: 3, rework: 0, rejected: 0, reworkAtHome: 0 });
  // March's log now shows everything that became of its pieces.
  const marchAgain = await getWorkerMonth(worker, MARCH);
  expect(marchAgain.logs.find((l) => l.id === logId)?.check).toMatchObject({ passed: 9, rework: 0, rejected: 1 });
  const order = await getWorkshopOrder(world.workshop.id, orderId);
  expect(order!.progress).toMatchObject({
    handedIn: 10,
    passed: 9,
    rejected: 1,
    reworkPending: 0,
    firstInspected: 10,
    firstPassed: 6,
  });
  // The rework lot's page names the lot it came from.
  expect(await getLotForCheck(world.workshop.id, rework.id)).toMatchObject({
    isRework: true,
    reworkOfLotId: lotId,
    originLogId: logId,
  });
});

test("the reason list: new workshops get the defaults; add (a duplicate refused, a resent form once), archive and restore, scoped to the workshop", async () => {
  const admin = await createAdminUser();
  const created = await createWorkshop(admin.id, { name: `质检工坊 ${Date.now()}`, district: "九龙坡区" });
  expect(created.ok).toBe(true);
  const labels = (await listReasons(created.ok ? created.id : "")).map((r) => r.label);
  expect(labels).toEqual(["尺寸不符", "有裂纹", "颜色不均", "包装破损", "表面有瑕疵"]);

  const world: OrderWorld = await createOrderWorld();
  const stranger = await createOrderWorld();
  const coordinator = actorOf(world.coordinator);
  const key = newSubmissionKey();
  const [a, b] = await Promise.all([addReason(coordinator, "气泡太多", key), addReason(coordinator, "气泡太多", key)]);
  expect(a.ok && b.ok).toBe(true);
  expect(await addReason(coordinator, "气泡太多", newSubmissionKey())).toEqual({ ok: false, code: "reasonTaken" });
  const [reason] = await listReasons(world.workshop.id);
  expect(reason).toMatchObject({ label: "气泡太多", archived: false });
  expect(await listReasons(stranger.workshop.id)).toEqual([]);
  expect(await setReasonArchived(actorOf(stranger.coordinator), reason!.id, true, MARCH)).toEqual({
    ok: false,
    code: "notFound",
  });
  expect((await setReasonArchived(coordinator, reason!.id, true, MARCH)).ok).toBe(true);
  expect(await listReasons(world.workshop.id)).toEqual([]);
  expect(await listReasons(world.workshop.id, { archived: true })).toEqual([
    { id: reason!.id, label: "气泡太多", archived: true },
  ]);
  expect((await setReasonArchived(coordinator, reason!.id, false, MARCH)).ok).toBe(true);
  expect((await listReasons(world.workshop.id))[0]).toMatchObject({ archived: false });
  expect((await auditOf(reason!.id)).map((e) => e.action)).toEqual([
    "qualityReason.create",
    "qualityReason.archive",
    "qualityReason.restore",
  ]);
  // The order desk still reads (the progress figures come from the lots).
  expect((await getOrderDesk(world.workshop.id)).pending).toEqual([]);
});
