// Data for the receiving journey (tests/e2e/receiving.spec.ts), written into
// the journey's database: in the demo workshop, a worker of its own (a name and
// number no other journey uses), an accepted soap order of 40 from the demo
// partner given to her, and two submitted piece logs of 30 and 8 made the way
// the logging path makes them (tests/support/piece-log-fixtures.ts). Until the
// worker's log page lands the journey cannot log through the phone, so it
// starts from here. Prints {"assignmentId", "orderId", "workerName",
// "workerPhone"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-receiving.ts
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { DEMO_PASSWORD, DEMO_WORKSHOP } from "../../app/utils/demo.ts";
import { createAssignmentRow, createSubmittedLog } from "../support/piece-log-fixtures.ts";
import { retryBusy } from "./seed-support.ts";

async function main() {
  const client = db();
  const workshop = await client.workshop.findFirstOrThrow({ where: { name: DEMO_WORKSHOP.name } });
  const coordinator = await client.user.findFirstOrThrow({ where: { workshopId: workshop.id, role: "coordinator" } });
  // The demo partner 赵经理's firm (other journeys add firms to the demo workshop: never "the first").
  const partner = await client.partner.findFirstOrThrow({
    where: { workshopId: workshop.id, users: { some: { phone: "13800000021" } } },
  });
  const soap = await client.product.findFirstOrThrow({ where: { workshopId: workshop.id, name: "薰衣草手工皂 100g" } });
  const rate = await client.pieceRate.findFirstOrThrow({ where: { productId: soap.id, processStepId: null } });
  // A number of this run's own (the journey logs in with it), and a name nobody else has.
  const suffix = String(Date.now() % 100_000_000).padStart(8, "0");
  const workerPhone = `137${suffix}`;
  const workerName = `黄丽${suffix.slice(-3)}`;
  const worker = await client.user.create({
    data: {
      role: "worker",
      name: workerName,
      phone: workerPhone,
      workshopId: workshop.id,
      password: { create: { hash: await hashPassword(DEMO_PASSWORD) } },
    },
  });
  const order = await client.order.create({
    data: {
      workshopId: workshop.id,
      partnerId: partner.id,
      productId: soap.id,
      quantity: 40,
      dueOn: "2099-06-30",
      unitPriceE4: 68_000n,
      status: "accepted",
      createdById: coordinator.id,
    },
  });
  // Retried whole on SQLITE_BUSY, as the logs below are (it reads, then writes).
  const assignmentId = await retryBusy(() =>
    createAssignmentRow({
      workshopId: workshop.id,
      orderId: order.id,
      productId: soap.id,
      workerId: worker.id,
      createdById: coordinator.id,
      quantity: 40,
    }),
  );
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  for (const [quantity, minutesAgo] of [
    [30, 90],
    [8, 20],
  ] as const) {
    // This script writes beside the running server (another process on the same SQLite file): a
    // transaction that read before another process wrote cannot then write (SQLITE_BUSY, which the
    // adapter reports as a timeout) and is retried whole; it wrote nothing.
    await retryBusy(() =>
      createSubmittedLog(assignmentId, {
        quantity,
        at: at(minutesAgo),
        pieceRateId: rate.id,
        rateE4: rate.rateE4,
      }),
    );
  }
  process.stdout.write(JSON.stringify({ assignmentId, orderId: order.id, workerName, workerPhone }));
}

main().finally(() => disconnectDb());
