// Data for the log-page review journeys (tests/e2e/piece-log-review.spec.ts),
// written into the journey's database: in the demo workshop, two workers of
// this run's own (numbers and names no other journey uses), a partner firm of
// its own (so no other journey's lists change), and one accepted soap order
// per journey, each given to worker a as one task with nothing logged yet
// (worker b only logs in on the shared phone). The task of the "yesterday"
// journey was given three days ago, so a log her phone made yesterday may be
// dated yesterday (a log is never dated before its task existed). Prints
// {"suffix", "workers", "tasks", "orders"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-piece-log-review.ts
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { DEMO_PASSWORD, DEMO_WORKSHOP } from "../../app/utils/demo.ts";
import { createAssignmentRow } from "../support/piece-log-fixtures.ts";
import { retryBusy } from "./seed-support.ts";

/** The tasks, one order each, all worker a's: how many pieces. */
const TASKS = {
  jsLogin: 20,
  label: 20,
  back: 10,
  shared: 20,
  stale: 20,
  refused: 10,
  photo: 10,
  yesterday: 10,
} as const;
type TaskName = keyof typeof TASKS;

const DAY_MS = 24 * 60 * 60 * 1000;

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
        data: { role: "worker", name, phone, workshopId: workshop.id, password: { create: { hash } } },
      }),
    );
  const workers = {
    a: { name: `冯复核${suffix.slice(-3)}`, phone: `132${suffix}` },
    b: { name: `蒋复核${suffix.slice(-3)}`, phone: `131${suffix}` },
  };
  const workerA = await makeWorker(workers.a.phone, workers.a.name);
  await makeWorker(workers.b.phone, workers.b.name);
  const partner = await retryBusy(() =>
    client.partner.create({ data: { workshopId: workshop.id, name: `报工复核企业${suffix}` } }),
  );
  const tasks = {} as Record<TaskName, string>;
  const orders = {} as Record<TaskName, string>;
  for (const [name, quantity] of Object.entries(TASKS) as [TaskName, number][]) {
    const order = await retryBusy(() =>
      client.order.create({
        data: {
          workshopId: workshop.id,
          partnerId: partner.id,
          productId: soap.id,
          quantity,
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
        workerId: workerA.id,
        createdById: coordinator.id,
        quantity,
      }),
    );
  }
  await retryBusy(() =>
    client.assignment.update({
      where: { id: tasks.yesterday },
      data: { createdAt: new Date(Date.now() - 3 * DAY_MS) },
    }),
  );
  process.stdout.write(JSON.stringify({ suffix, workers, tasks, orders }));
}

main().finally(() => disconnectDb());
