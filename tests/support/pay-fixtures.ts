// A small month of real lots for the pay pages' tests and journeys (ADR 022):
// a rate version of the world's product, an assignment per worker, piece logs
// priced at that version, received through the real receiving model and
// checked through the real quality model on a day of the month, so a payslip
// line traces back to real lots and logs. Imports no vitest (the journey's
// seed uses it too).
import { db } from "../../app/infra/db.server.ts";
import { checkLot } from "../../app/models/quality.server.ts";
import { receiveLog } from "../../app/models/receiving.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { createAssignmentRow, createSubmittedLog } from "./piece-log-fixtures.ts";

export type PayWorld = {
  workshop: { id: string };
  coordinator: { id: string };
  workers: { id: string }[];
  product: { id: string };
};

/** A rate version of the world's product (whole product), effective long before any test month. */
export async function createRate(world: PayWorld, rateE4: bigint): Promise<string> {
  const rate = await db().pieceRate.create({
    data: {
      workshopId: world.workshop.id,
      productId: world.product.id,
      rateE4,
      effectiveOn: "2020-01-01",
      reason: "test",
      setById: world.coordinator.id,
    },
    select: { id: true },
  });
  return rate.id;
}

export type CheckedLot = { lotId: string; logId: string; assignmentId: string };

/**
 * A log of `quantity` by the worker on `loggedAt`, priced at the rate, received as logged on that day and
 * checked on `checkedAt`: `rejected` pieces rejected ("other", with a note), the rest passed.
 */
export async function checkedLot(
  world: PayWorld,
  orderId: string,
  options: {
    workerId: string;
    quantity: number;
    rateId: string;
    rateE4: bigint;
    loggedAt: Date;
    checkedAt: Date;
    rejected?: number;
    assignmentId?: string;
  },
): Promise<CheckedLot> {
  const actor = { workshopId: world.workshop.id, userId: world.coordinator.id };
  const assignmentId =
    options.assignmentId ??
    (await createAssignmentRow({
      workshopId: world.workshop.id,
      orderId,
      productId: world.product.id,
      workerId: options.workerId,
      createdById: world.coordinator.id,
      quantity: 1_000,
      dueOn: "2099-12-31",
    }));
  const logId = await createSubmittedLog(assignmentId, {
    quantity: options.quantity,
    pieceRateId: options.rateId,
    rateE4: options.rateE4,
    at: options.loggedAt,
  });
  const received = await receiveLog(
    actor,
    assignmentId,
    { pieceLogId: logId, counted: options.quantity, reason: "" },
    options.loggedAt,
    newSubmissionKey(),
  );
  if (!received.ok || !received.id) throw new Error(`test setup: receipt refused ${JSON.stringify(received)}`);
  const rejected = options.rejected ?? 0;
  const checked = await checkLot(
    actor,
    {
      lotId: received.id,
      passed: options.quantity - rejected,
      rework: 0,
      rejected,
      reworkReasonId: "",
      rejectedReasonId: rejected > 0 ? "other" : "",
      note: rejected > 0 ? "边上有裂纹" : "",
    },
    null,
    options.checkedAt,
    newSubmissionKey(),
  );
  if (!checked.ok) throw new Error(`test setup: check refused ${JSON.stringify(checked)}`);
  return { lotId: received.id, logId, assignmentId };
}
