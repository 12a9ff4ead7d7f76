// Data for the pay journey (tests/e2e/pay.spec.ts), written into the journey's
// database: in the demo workshop, two workers of this run's own (names and
// numbers no other journey uses), an accepted soap order, and real lots
// (logged, received and checked through the real models) checked two months
// ago, so that month has ended and waits to be settled: worker A 100 passed +
// 40 of 41 (1 rejected), worker B 30. Prints {"month", "a", "b"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-pay.ts
import { addMonths, chinaMonth } from "../../app/domain/dates.ts";
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { DEMO_PASSWORD, DEMO_WORKSHOP } from "../../app/utils/demo.ts";
import { checkedLot } from "../support/pay-fixtures.ts";

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
  const hash = await hashPassword(DEMO_PASSWORD);
  const worker = (phone: string, name: string) =>
    client.user.create({
      data: { role: "worker", name, phone, workshopId: workshop.id, password: { create: { hash } } },
      select: { id: true, name: true, phone: true },
    });
  const a = await worker(`137${suffix}`, `刘芳${suffix.slice(-3)}`);
  const b = await worker(`135${suffix}`, `陈静${suffix.slice(-3)}`);
  const order = await client.order.create({
    data: {
      workshopId: workshop.id,
      partnerId: partner.id,
      productId: soap.id,
      quantity: 3_000,
      dueOn: "2099-06-30",
      unitPriceE4: 68_000n,
      status: "accepted",
      createdById: coordinator.id,
    },
  });
  const month = addMonths(chinaMonth(new Date()), -2);
  const at = (day: string) => new Date(`${month}-${day}T02:00:00Z`);
  const world = { workshop, coordinator, workers: [a, b], product: soap };
  const base = { rateId: rate.id, rateE4: rate.rateE4 };
  const first = await checkedLot(world, order.id, {
    ...base,
    workerId: a.id,
    quantity: 100,
    loggedAt: at("03"),
    checkedAt: at("05"),
  });
  await checkedLot(world, order.id, {
    ...base,
    workerId: a.id,
    quantity: 41,
    rejected: 1,
    loggedAt: at("10"),
    checkedAt: at("12"),
    assignmentId: first.assignmentId,
  });
  await checkedLot(world, order.id, { ...base, workerId: b.id, quantity: 30, loggedAt: at("07"), checkedAt: at("08") });
  process.stdout.write(JSON.stringify({ month, a, b }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
