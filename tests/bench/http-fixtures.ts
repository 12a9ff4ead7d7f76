// Work for the HTTP bench's worker, on top of the demo seed: two accepted
// orders, six tasks assigned to 陈美华 (13800000013), one she claimed herself,
// and open pieces on both orders for /worker/claim. Written through the models,
// as a coordinator, partner and worker would, so the pages read real rows.
import { addDays, chinaDate } from "../../app/domain/dates.ts";
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
      must(
        "assignToWorker",
        await assignToWorker(
          actor,
          placed.id,
          { workerId: worker.id, quantity: 40 + 10 * n + i, dueOn: addDays(today, n * 3) },
          now,
          newSubmissionKey(),
        ),
      );
      tasks++;
    }
    must("openForClaiming", await openForClaiming(actor, placed.id, 200, newSubmissionKey()));
    if (i === 0) {
      must("claimOpenWork", await claimOpenWork({ workshopId, userId: worker.id }, placed.id, 25, newSubmissionKey()));
      tasks++;
    }
  }
  return { tasks, openOrders: products.length };
}
