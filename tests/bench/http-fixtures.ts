// Work for the HTTP bench's worker, on top of the demo seed: two accepted
// orders, six tasks assigned to 陈美华 (13800000013), one she claimed herself,
// and open pieces on both orders for /worker/claim; and a month under way:
// twelve piece logs on three tasks, eight of them received (one short-counted
// with a reason), and three materials handed out, one partly returned, so her
// home page's month reads real rows. Written through the models, as a
// coordinator, partner and worker would (the piece logs through the test
// stand-in of the logging path, tests/support/piece-log-fixtures.ts).
import { addDays, chinaDate } from "../../app/domain/dates.ts";
import { issueMaterial, receiveMaterial, returnMaterial } from "../../app/models/material-stock.server.ts";
import { receiveLog } from "../../app/models/receiving.server.ts";
import { createSubmittedLog } from "../support/piece-log-fixtures.ts";
import {
  assignToWorker,
  claimOpenWork,
  decideOrder,
  openForClaiming,
  placeOrder,
} from "../../app/models/order.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { db } from "../../app/infra/db.server.ts";

export const BENCH_WORKER_PHONE = "13800000013";

function must<T extends { ok: boolean }>(what: string, result: T): T & { ok: true } {
  if (!result.ok) throw new Error(`bench fixtures: ${what} failed: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

/** Returns how many tasks the worker has and how many orders are open for claiming. */
export async function createWorkerTasks(now = new Date()): Promise<{ tasks: number; openOrders: number }> {
  const client = db();
  const person = (phone: string) =>
    client.user.findUniqueOrThrow({ where: { phone }, select: { id: true, workshopId: true, partnerId: true } });
  const coordinator = await person("13800000002");
  const partner = await person("13800000021");
  const worker = await person(BENCH_WORKER_PHONE);
  const workshopId = coordinator.workshopId!;
  const products = await client.product.findMany({
    where: { workshopId },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  const today = chinaDate(now);
  const actor = { workshopId, userId: coordinator.id };
  let tasks = 0;
  const assignmentIds: string[] = [];
  for (const [i, product] of products.entries()) {
    const placed = must(
      "placeOrder",
      await placeOrder(
        { workshopId, partnerId: partner.partnerId!, userId: partner.id },
        { productId: product.id, quantity: 1_000, dueOn: addDays(today, 30), notes: "bench" },
        now,
        newSubmissionKey(),
      ),
    );
    must("decideOrder", await decideOrder(actor, placed.id, "accept", "bench", now));
    for (let n = 0; n < 3; n++) {
      const assigned = must(
        "assignToWorker",
        await assignToWorker(
          actor,
          placed.id,
          { workerId: worker.id, quantity: 40 + 10 * n + i, dueOn: addDays(today, n * 3) },
          now,
          newSubmissionKey(),
        ),
      );
      if (assigned.id) assignmentIds.push(assigned.id);
      tasks++;
    }
    must("openForClaiming", await openForClaiming(actor, placed.id, 200, newSubmissionKey()));
    if (i === 0) {
      must("claimOpenWork", await claimOpenWork({ workshopId, userId: worker.id }, placed.id, 25, newSubmissionKey()));
      tasks++;
    }
  }
  await monthUnderWay(actor, workshopId, assignmentIds.slice(0, 3), now);
  return { tasks, openOrders: products.length };
}

/** Twelve logs of 3 pieces on three tasks over the last days, eight received; three materials handed out. */
async function monthUnderWay(
  actor: { workshopId: string; userId: string },
  workshopId: string,
  assignmentIds: string[],
  now: Date,
): Promise<void> {
  const logs: { assignmentId: string; id: string }[] = [];
  for (let n = 0; n < 12; n++) {
    const assignmentId = assignmentIds[n % assignmentIds.length]!;
    const at = new Date(now.getTime() - (12 - n) * 3_600_000);
    logs.push({ assignmentId, id: await createSubmittedLog(assignmentId, { quantity: 3, at }) });
  }
  for (const [n, log] of logs.slice(0, 8).entries()) {
    const counted = n === 2 ? 2 : 3;
    must(
      "receiveLog",
      await receiveLog(
        actor,
        log.assignmentId,
        { pieceLogId: log.id, counted, reason: counted === 3 ? "" : "bench: one cracked" },
        now,
        newSubmissionKey(),
      ),
    );
  }
  const materials = await db().material.findMany({
    where: { workshopId },
    select: { id: true },
    orderBy: { name: "asc" },
    take: 3,
  });
  for (const [n, material] of materials.entries()) {
    const key = newSubmissionKey();
    const input = { quantityE3: 100_000n, source: "bought" as const, orderId: null, note: "bench" };
    must("receiveMaterial", await receiveMaterial(actor, material.id, input, key));
    const assignmentId = assignmentIds[n % assignmentIds.length]!;
    must("issueMaterial", await issueMaterial(actor, assignmentId, material.id, 5_250n, newSubmissionKey()));
    if (n === 0)
      must("returnMaterial", await returnMaterial(actor, assignmentId, material.id, 1_125n, newSubmissionKey()));
  }
}
