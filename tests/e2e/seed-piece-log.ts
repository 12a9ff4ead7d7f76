// Data for the piece-log journeys (tests/e2e/piece-log.spec.ts), written into
// the journey's database: in the demo workshop, two workers of this run's own
// (numbers and names no other journey uses) and a partner firm of its own (so
// no other journey's lists change), and one accepted soap order per journey,
// each given to a worker as one task with nothing logged yet (the label
// sheet's order has a second task, the other worker's). The journeys then log
// through the phone. Prints {"suffix", "workers", "tasks", "orders"}
// as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-piece-log.ts
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { DEMO_PASSWORD, DEMO_WORKSHOP } from "../../app/utils/demo.ts";
import { createAssignmentRow } from "../support/piece-log-fixtures.ts";
import { retryBusy } from "./seed-support.ts";

/** The tasks, one order each: which worker, and how many pieces. */
const TASKS = {
  offline: { worker: "a", quantity: 60 },
  flaky: { worker: "a", quantity: 30 },
  plain: { worker: "a", quantity: 40 },
  label: { worker: "a", quantity: 10 }, // its order: 15 (a second task of 5 for worker b, below)
  english: { worker: "b", quantity: 20 },
} as const;
type TaskName = keyof typeof TASKS;

async function main() {
  const client = db();
  const workshop = await client.workshop.findFirstOrThrow({ where: { name: DEMO_WORKSHOP.name } });
  const coordinator = await client.user.findFirstOrThrow({ where: { workshopId: workshop.id, role: "coordinator" } });
  const soap = await client.product.findFirstOrThrow({ where: { workshopId: workshop.id, name: "薰衣草手工皂 100g" } });
  const suffix = String(Date.now() % 100_000_000).padStart(8, "0");
  const hash = await hashPassword(DEMO_PASSWORD);
  const makeWorker = (phone: string, name: string) =>
    retryBusy(() =>
      client.user.create({
        data: {
          role: "worker",
          name,
          phone,
          workshopId: workshop.id,
          password: { create: { hash } },
        },
      }),
    );
  const workers = {
    a: { name: `吴报工${suffix.slice(-3)}`, phone: `134${suffix}` },
    b: { name: `郑报工${suffix.slice(-3)}`, phone: `133${suffix}` },
  };
  const ids = {
    a: (await makeWorker(workers.a.phone, workers.a.name)).id,
    b: (await makeWorker(workers.b.phone, workers.b.name)).id,
  };
  const partner = await retryBusy(() =>
    client.partner.create({ data: { workshopId: workshop.id, name: `报工测试企业${suffix}` } }),
  );
  const tasks = {} as Record<TaskName, string>;
  const orders = {} as Record<TaskName, string>;
  for (const [name, task] of Object.entries(TASKS) as [TaskName, (typeof TASKS)[TaskName]][]) {
    const order = await retryBusy(() =>
      client.order.create({
        data: {
          workshopId: workshop.id,
          partnerId: partner.id,
          productId: soap.id,
          quantity: name === "label" ? task.quantity + 5 : task.quantity,
          dueOn: "2099-06-30",
          unitPriceE4: 68_000n,
          status: "accepted",
          createdById: coordinator.id,
        },
      }),
    );
    orders[name] = order.id;
    // Retried whole on SQLITE_BUSY: this script writes beside the running server (another
    // process on the same SQLite file), and a transaction that read first cannot then write.
    tasks[name] = await retryBusy(() =>
      createAssignmentRow({
        workshopId: workshop.id,
        orderId: order.id,
        productId: soap.id,
        workerId: ids[task.worker],
        createdById: coordinator.id,
        quantity: task.quantity,
      }),
    );
  }
  // The label sheet's order gets a second label: the other worker's task of 5.
  const labelB = await retryBusy(() =>
    createAssignmentRow({
      workshopId: workshop.id,
      orderId: orders.label,
      productId: soap.id,
      workerId: ids.b,
      createdById: coordinator.id,
      quantity: 5,
    }),
  );
  process.stdout.write(JSON.stringify({ suffix, workers, tasks: { ...tasks, labelB }, orders }));
}

main().finally(() => disconnectDb());
