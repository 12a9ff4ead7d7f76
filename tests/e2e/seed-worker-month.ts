// Data for the worker's month journey (tests/e2e/worker-month.spec.ts), written
// into the journey's database: in the demo workshop, a worker of this run's
// own and a partner firm of its own (so no other journey's lists change), a
// soap order of 60 given to her as three tasks:
//   - 40 assigned: logs of 30 (received as 28, "2 块有裂纹"), 5 (received, then
//     the receipt cancelled, "收错了人") and 4 (waiting to be received);
//   - 10 she claimed and has not logged against;
//   - 6 assigned, all 6 logged (waiting);
// and material handed out to her: 4.2 kg soap base (0.075 back) and 80 ml oil.
// The piece logs are made the way the logging path makes them
// (tests/support/piece-log-fixtures.ts); receipts and material through their
// models, as the coordinator. Prints {"workerName", "workerPhone", "tasks"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-worker-month.ts
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { issueMaterial, receiveMaterial, returnMaterial } from "../../app/models/material-stock.server.ts";
import { cancelReceipt, receiveLog } from "../../app/models/receiving.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { DEMO_PASSWORD, DEMO_WORKSHOP } from "../../app/utils/demo.ts";
import { createAssignmentRow, createSubmittedLog } from "../support/piece-log-fixtures.ts";

function must<T extends { ok: boolean }>(what: string, result: T): T {
  if (!result.ok) throw new Error(`seed-worker-month: ${what} refused: ${JSON.stringify(result)}`);
  return result;
}

async function main() {
  const client = db();
  const workshop = await client.workshop.findFirstOrThrow({ where: { name: DEMO_WORKSHOP.name } });
  const coordinator = await client.user.findFirstOrThrow({ where: { workshopId: workshop.id, role: "coordinator" } });
  const actor = { workshopId: workshop.id, userId: coordinator.id };
  const soap = await client.product.findFirstOrThrow({ where: { workshopId: workshop.id, name: "薰衣草手工皂 100g" } });
  const rate = await client.pieceRate.findFirstOrThrow({ where: { productId: soap.id, processStepId: null } });
  const suffix = String(Date.now() % 100_000_000).padStart(8, "0");
  const workerPhone = `135${suffix}`;
  const workerName = `周月${suffix.slice(-3)}`;
  const worker = await client.user.create({
    data: {
      role: "worker",
      name: workerName,
      phone: workerPhone,
      workshopId: workshop.id,
      password: { create: { hash: await hashPassword(DEMO_PASSWORD) } },
    },
  });
  const partner = await client.partner.create({ data: { workshopId: workshop.id, name: `本月测试企业${suffix}` } });
  const order = await client.order.create({
    data: {
      workshopId: workshop.id,
      partnerId: partner.id,
      productId: soap.id,
      quantity: 60,
      dueOn: "2099-06-30",
      unitPriceE4: 68_000n,
      status: "accepted",
      createdById: coordinator.id,
    },
  });
  const task = (quantity: number, source: "assigned" | "claimed") =>
    createAssignmentRow({
      workshopId: workshop.id,
      orderId: order.id,
      productId: soap.id,
      workerId: worker.id,
      createdById: coordinator.id,
      quantity,
      source,
    });
  const main40 = await task(40, "assigned");
  const claimed10 = await task(10, "claimed");
  const full6 = await task(6, "assigned");

  const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000);
  const log = (assignmentId: string, quantity: number, secondsAgo: number) =>
    createSubmittedLog(assignmentId, { quantity, at: at(secondsAgo), pieceRateId: rate.id, rateE4: rate.rateE4 });
  const log30 = await log(main40, 30, 50);
  const log5 = await log(main40, 5, 40);
  await log(main40, 4, 30);
  await log(full6, 6, 20);
  const receive = async (pieceLogId: string, counted: number, reason: string) => {
    const result = must(
      "receiveLog",
      await receiveLog(actor, main40, { pieceLogId, counted, reason }, new Date(), newSubmissionKey()),
    );
    return "id" in result && result.id ? result.id : "";
  };
  await receive(log30, 28, "2 块有裂纹");
  const lot5 = await receive(log5, 5, "");
  must("cancelReceipt", await cancelReceipt(actor, main40, { lotId: lot5, reason: "收错了人" }, newSubmissionKey()));

  const material = (name: string) => client.material.findFirstOrThrow({ where: { workshopId: workshop.id, name } });
  const base = await material("皂基");
  const oil = await material("薰衣草精油");
  for (const [m, quantityE3] of [
    [base, 4_200n],
    [oil, 80_000n],
  ] as const) {
    const input = { quantityE3, source: "bought" as const, orderId: null, note: "" };
    must("receiveMaterial", await receiveMaterial(actor, m.id, input, newSubmissionKey()));
    must("issueMaterial", await issueMaterial(actor, main40, m.id, quantityE3, newSubmissionKey()));
  }
  must("returnMaterial", await returnMaterial(actor, main40, base.id, 75n, newSubmissionKey()));

  process.stdout.write(JSON.stringify({ workerName, workerPhone, tasks: { main40, claimed10, full6 } }));
}

main().finally(() => disconnectDb());
