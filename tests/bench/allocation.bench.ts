// Allocation under contention: concurrent claims of open pieces through the
// model (transaction + conditional update + assignment + audit row + once-only
// key), against plain single-row inserts on the same database as a baseline.
// Runs on a fresh SQLite file (or PostgreSQL when BENCH_DATABASE_URL is a postgres URL).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "../../scripts/db-migrate.mjs";

const url =
  process.env.BENCH_DATABASE_URL ?? `file:${join(mkdtempSync(join(tmpdir(), "piecework-bench-")), "bench.db")}`;
process.env.DATABASE_URL = url;
migrate({ ...process.env, DATABASE_URL: url });

const { db, disconnectDb } = await import("../../app/infra/db.server.ts");
const { claimOpenWork } = await import("../../app/models/order.server.ts");
const { newSubmissionKey } = await import("../../app/models/submission.server.ts");

const CLAIMS = 400;
const CONCURRENCY = 8;
const client = db();
const workshop = await client.workshop.create({ data: { name: "bench" } });
const partner = await client.partner.create({ data: { workshopId: workshop.id, name: "bench" } });
const product = await client.product.create({ data: { workshopId: workshop.id, name: "bench" } });
const workers = await Promise.all(
  Array.from({ length: CONCURRENCY }, (_, i) =>
    client.user.create({
      data: { role: "worker", name: `w${i}`, phone: `1390000${String(i).padStart(4, "0")}`, workshopId: workshop.id },
    }),
  ),
);
const order = await client.order.create({
  data: {
    workshopId: workshop.id,
    partnerId: partner.id,
    productId: product.id,
    quantity: CLAIMS,
    dueOn: "2099-01-01",
    unitPriceE4: 10_000n,
    status: "accepted",
    allocatedQuantity: CLAIMS,
    openQuantity: CLAIMS,
    createdById: workers[0]!.id,
  },
});

async function run(label: string, task: (worker: { id: string }, i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    workers.map(async (worker) => {
      while (next < CLAIMS) {
        const i = next++;
        await task(worker, i);
      }
    }),
  );
  const ms = performance.now() - t0;
  console.log(`  ${label.padEnd(34)} ${(CLAIMS / (ms / 1000)).toFixed(0)} per second`);
  return ms;
}

console.log(
  `allocation: ${CLAIMS} requests, ${CONCURRENCY} at a time, on ${url.startsWith("file:") ? "SQLite" : "PostgreSQL"}`,
);
const baseline = await run("baseline: plain audit-row insert", (worker, i) =>
  client.auditEvent.create({
    data: { workshopId: workshop.id, actorId: worker.id, action: "bench", entityType: "Bench", entityId: String(i) },
  }),
);
const claims = await run("claimOpenWork (1 piece each)", (worker) =>
  claimOpenWork({ workshopId: workshop.id, userId: worker.id }, order.id, 1, newSubmissionKey()),
);
const after = await client.order.findUniqueOrThrow({ where: { id: order.id } });
const assigned = await client.assignment.aggregate({ where: { orderId: order.id }, _sum: { quantity: true } });
console.log(
  `  claims cost ${(claims / baseline).toFixed(1)}x the baseline; open left ${after.openQuantity}, claimed ${assigned._sum.quantity} (must be 0 and ${CLAIMS})`,
);
if (after.openQuantity !== 0 || assigned._sum.quantity !== CLAIMS) throw new Error("over- or under-allocation");
await disconnectDb();
