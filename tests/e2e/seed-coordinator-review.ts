// Data for tests/e2e/coordinator-review-fixes.spec.ts, written into the
// journey's database: a workshop of this run's own (so no other journey's
// stock, orders or lists change), with its coordinator, two workers, a partner
// firm, two materials in different units (皂基 in kg, 精油 in ml) on the soap's
// bill of materials, and one accepted order of 30 soaps given out as two tasks:
//   - "holding": 20 to worker a, with 1.05 kg 皂基 and 10 ml 精油 handed out;
//   - "plain": 10 to worker b, nothing handed out.
// Stock left after the hand-out: 皂基 8.95 kg, 精油 490 ml. The material
// moves go through their model, as the coordinator.
// Prints {"suffix", "coordinator", "workers", "orderId", "productId", "partnerId", "workerIds", "tasks",
// "materials"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-coordinator-review.ts
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { issueMaterial, receiveMaterial } from "../../app/models/material-stock.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { DEMO_PASSWORD } from "../../app/utils/demo.ts";
import { createAssignmentRow } from "../support/piece-log-fixtures.ts";
import { retryBusy } from "./seed-support.ts";

function must<T extends { ok: boolean }>(what: string, result: T): T {
  if (!result.ok) throw new Error(`seed-coordinator-review: ${what} refused: ${JSON.stringify(result)}`);
  return result;
}

async function main() {
  const client = db();
  const suffix = String(Date.now() % 100_000_000).padStart(8, "0");
  const hash = await hashPassword(DEMO_PASSWORD);
  const workshop = await retryBusy(() => client.workshop.create({ data: { name: `复核工坊${suffix}` } }));
  const person = (role: "coordinator" | "worker", phone: string, name: string) =>
    retryBusy(() =>
      client.user.create({
        data: { role, name, phone, workshopId: workshop.id, password: { create: { hash } } },
      }),
    );
  const coordinator = { name: `林协调${suffix.slice(-3)}`, phone: `137${suffix}` };
  const workers = {
    a: { name: `何秀兰${suffix.slice(-3)}`, phone: `138${suffix}` },
    b: { name: `陈美华${suffix.slice(-3)}`, phone: `139${suffix}` },
  };
  const coordinatorId = (await person("coordinator", coordinator.phone, coordinator.name)).id;
  const a = await person("worker", workers.a.phone, workers.a.name);
  const b = await person("worker", workers.b.phone, workers.b.name);
  const actor = { workshopId: workshop.id, userId: coordinatorId };

  const material = (name: string, unit: string, unitCostE4: bigint) =>
    retryBusy(() => client.material.create({ data: { workshopId: workshop.id, name, unit, unitCostE4 } }));
  const base = await material("皂基", "kg", 280_000n);
  const oil = await material("精油", "ml", 5_000n);
  const soap = await retryBusy(() =>
    client.product.create({
      data: {
        workshopId: workshop.id,
        name: "复核手工皂",
        unit: "piece",
        lossAllowanceE2: 300,
        bom: {
          create: [
            { workshopId: workshop.id, materialId: base.id, quantityPerPieceE3: 105n },
            { workshopId: workshop.id, materialId: oil.id, quantityPerPieceE3: 500n },
          ],
        },
      },
    }),
  );
  const partner = await retryBusy(() =>
    client.partner.create({ data: { workshopId: workshop.id, name: `复核企业${suffix}` } }),
  );
  const order = await retryBusy(() =>
    client.order.create({
      data: {
        workshopId: workshop.id,
        partnerId: partner.id,
        productId: soap.id,
        quantity: 30,
        dueOn: "2099-06-30",
        unitPriceE4: 68_000n,
        status: "accepted",
        createdById: coordinatorId,
      },
    }),
  );
  const task = (workerId: string, quantity: number) =>
    retryBusy(() =>
      createAssignmentRow({
        workshopId: workshop.id,
        orderId: order.id,
        productId: soap.id,
        workerId,
        createdById: coordinatorId,
        quantity,
        dueOn: "2099-06-20",
      }),
    );
  const holding = await task(a.id, 20);
  const plain = await task(b.id, 10);

  for (const [m, stockE3, issuedE3] of [
    [base, 10_000n, 1_050n],
    [oil, 500_000n, 10_000n],
  ] as const) {
    const input = { quantityE3: stockE3, source: "bought" as const, orderId: null, note: "" };
    // One submission key per move, kept across retries: a retried move takes effect once (ADR 010).
    const [receiveKey, issueKey] = [newSubmissionKey(), newSubmissionKey()];
    must("receiveMaterial", await retryBusy(() => receiveMaterial(actor, m.id, input, receiveKey)));
    must("issueMaterial", await retryBusy(() => issueMaterial(actor, holding, m.id, issuedE3, issueKey)));
  }

  process.stdout.write(
    JSON.stringify({
      suffix,
      coordinator,
      workers,
      orderId: order.id,
      productId: soap.id,
      partnerId: partner.id,
      workerIds: { a: a.id, b: b.id },
      tasks: { holding, plain },
      materials: { base: base.id, oil: oil.id },
    }),
  );
}

main().finally(() => disconnectDb());
