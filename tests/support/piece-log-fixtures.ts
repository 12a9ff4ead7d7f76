// Assignments and submitted piece logs for the receiving tests, written
// straight through the client (as the other fixtures are), with the
// assignment's loggedQuantity taken by the same conditional update the real
// logging path uses (takeLoggedPieces, ADR 017), in one transaction. Until the
// worker's piece-log model lands this stands in for it; it imports no vitest,
// so the browser journeys can run it too (tests/e2e/support/receiving-data.ts).
import { randomBytes } from "node:crypto";
import { chinaDate } from "../../app/domain/dates.ts";
import { db } from "../../app/infra/db.server.ts";
import { takeLoggedPieces } from "../../app/models/assignment-pieces.server.ts";

export type AssignmentSeed = {
  workshopId: string;
  orderId: string;
  productId: string;
  workerId: string;
  createdById: string;
  quantity: number;
  dueOn?: string;
  source?: "assigned" | "claimed";
};

/** An assignment of `quantity` pieces of the order to the worker, with the order's allocated count raised to match. */
export async function createAssignmentRow(seed: AssignmentSeed): Promise<string> {
  return db().$transaction(async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: seed.orderId }, select: { dueOn: true } });
    await tx.order.update({
      where: { id: seed.orderId },
      data: { allocatedQuantity: { increment: seed.quantity } },
    });
    const row = await tx.assignment.create({
      data: {
        workshopId: seed.workshopId,
        orderId: seed.orderId,
        productId: seed.productId,
        workerId: seed.workerId,
        quantity: seed.quantity,
        dueOn: seed.dueOn ?? order.dueOn,
        source: seed.source ?? "assigned",
        createdById: seed.createdById,
      },
      select: { id: true },
    });
    return row.id;
  });
}

export type LogSeed = {
  quantity: number;
  /** Defaults to the China date of `at` (or now). */
  loggedOn?: string;
  at?: Date;
  rateE4?: bigint | null;
  pieceRateId?: string | null;
  processStepId?: string | null;
  clientKey?: string;
};

/**
 * A submitted piece log of `quantity` against the assignment (its worker's),
 * taking the pieces from the assignment as the real path does; throws when
 * fewer remain (a test set-up error).
 */
export async function createSubmittedLog(assignmentId: string, seed: LogSeed): Promise<string> {
  return db().$transaction(async (tx) => {
    const a = await tx.assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { workshopId: true, orderId: true, workerId: true, productId: true },
    });
    const taken = await takeLoggedPieces(tx, assignmentId, seed.quantity);
    if (!taken.taken) throw new Error(`test setup: assignment ${assignmentId} has only ${taken.remaining} pieces left`);
    const at = seed.at ?? new Date();
    const log = await tx.pieceLog.create({
      data: {
        workshopId: a.workshopId,
        assignmentId,
        orderId: a.orderId,
        workerId: a.workerId,
        productId: a.productId,
        processStepId: seed.processStepId ?? null,
        quantity: seed.quantity,
        loggedOn: seed.loggedOn ?? chinaDate(at),
        pieceRateId: seed.pieceRateId ?? null,
        rateE4: seed.rateE4 === undefined ? 68_000n : seed.rateE4,
        status: "submitted",
        clientKey: seed.clientKey ?? randomBytes(12).toString("base64url"),
        createdAt: at,
      },
      select: { id: true },
    });
    return log.id;
  });
}

export async function assignmentPieces(assignmentId: string) {
  return db().assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: { quantity: true, loggedQuantity: true, status: true },
  });
}

export async function pieceLogState(pieceLogId: string) {
  return db().pieceLog.findUniqueOrThrow({
    where: { id: pieceLogId },
    select: { status: true, quantity: true, changeReason: true },
  });
}

export async function lotsOfLog(pieceLogId: string) {
  return db().lot.findMany({ where: { pieceLogId } });
}
