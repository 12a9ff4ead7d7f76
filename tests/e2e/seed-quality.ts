// Data for the quality journey (tests/e2e/quality.spec.ts), written into the
// journey's database: in the demo workshop, a worker of its own (a name and
// number no other journey uses), an accepted soap order of 10 from the demo
// partner given to her, and one piece log of 10 received as logged (through
// the real receiving model), so a lot waits for its check. Prints
// {"orderId", "lotId", "workerName", "workerPhone"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-quality.ts
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { receiveLog } from "../../app/models/receiving.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
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
  const suffix = String(Date.now() % 100_000_000).padStart(8, "0");
  const workerPhone = `136${suffix}`;
  const workerName = `周敏${suffix.slice(-3)}`;
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
      quantity: 10,
      dueOn: "2099-06-30",
      unitPriceE4: 68_000n,
      status: "accepted",
      createdById: coordinator.id,
    },
  });
  const assignmentId = await retryBusy(() =>
    createAssignmentRow({
      workshopId: workshop.id,
      orderId: order.id,
      productId: soap.id,
      workerId: worker.id,
      createdById: coordinator.id,
      quantity: 10,
    }),
  );
  const logId = await retryBusy(() =>
    createSubmittedLog(assignmentId, { quantity: 10, pieceRateId: rate.id, rateE4: rate.rateE4 }),
  );
  const received = await retryBusy(() =>
    receiveLog(
      { workshopId: workshop.id, userId: coordinator.id },
      assignmentId,
      { pieceLogId: logId, counted: 10, reason: "" },
      new Date(),
      newSubmissionKey(),
    ),
  );
  if (!received.ok || !received.id) throw new Error(`seed: the receipt was refused: ${JSON.stringify(received)}`);
  process.stdout.write(JSON.stringify({ orderId: order.id, lotId: received.id, workerName, workerPhone }));
}

main().finally(() => disconnectDb());
