// Received lots for the quality-check and delivery tests (ADR 021): an
// assignment, a submitted log and its receipt through the real receiving model
// (so the lot is exactly what receiving makes), and the workshop's default
// reasons. Imports no vitest, so a browser journey's seed can use it too.
import { db } from "../../app/infra/db.server.ts";
import { checkLot } from "../../app/models/quality.server.ts";
import { receiveLog } from "../../app/models/receiving.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { DEFAULT_QUALITY_REASONS } from "../../app/domain/quality.ts";
import { createAssignmentRow, createSubmittedLog } from "./piece-log-fixtures.ts";

type World = {
  workshop: { id: string };
  coordinator: { id: string };
  workers: { id: string }[];
  product: { id: string };
};

/** The workshop's default reasons (createWorkshop adds them; the test fixtures' workshops do not). */
export async function addReasons(workshopId: string): Promise<Map<string, string>> {
  await db().qualityReason.createMany({
    data: DEFAULT_QUALITY_REASONS.map((label, i) => ({ workshopId, label, sortOrder: i + 1 })),
  });
  const rows = await db().qualityReason.findMany({ where: { workshopId }, select: { id: true, label: true } });
  return new Map(rows.map((r) => [r.label, r.id]));
}

/** An assignment of the order for a worker, a log of `quantity` at `rateE4`, received as logged: the lot's id. */
export async function receivedLot(
  world: World,
  orderId: string,
  options: { quantity: number; rateE4?: bigint; workerIndex?: number; at?: Date; assignmentId?: string },
): Promise<{ lotId: string; assignmentId: string; logId: string }> {
  const actor = { workshopId: world.workshop.id, userId: world.coordinator.id };
  const assignmentId =
    options.assignmentId ??
    (await createAssignmentRow({
      workshopId: world.workshop.id,
      orderId,
      productId: world.product.id,
      workerId: world.workers[options.workerIndex ?? 0]!.id,
      createdById: world.coordinator.id,
      quantity: Math.max(options.quantity, 1),
    }));
  const logId = await createSubmittedLog(assignmentId, {
    quantity: options.quantity,
    rateE4: options.rateE4,
    at: options.at,
  });
  const received = await receiveLog(
    actor,
    assignmentId,
    { pieceLogId: logId, counted: options.quantity, reason: "" },
    options.at ?? new Date(),
    newSubmissionKey(),
  );
  if (!received.ok || !received.id) throw new Error(`test setup: receipt refused ${JSON.stringify(received)}`);
  return { lotId: received.id, assignmentId, logId };
}

/** Checks a lot with every piece passed (a set-up step; fails loudly when refused). */
export async function passAll(world: World, lotId: string, quantity: number, at = new Date()): Promise<void> {
  const actor = { workshopId: world.workshop.id, userId: world.coordinator.id };
  const result = await checkLot(
    actor,
    { lotId, passed: quantity, rework: 0, rejected: 0, reworkReasonId: "", rejectedReasonId: "", note: "" },
    null,
    at,
    newSubmissionKey(),
  );
  if (!result.ok) throw new Error(`test setup: check refused ${JSON.stringify(result)}`);
}
