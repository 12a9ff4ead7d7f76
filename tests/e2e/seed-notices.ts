// Data for the notices journey (tests/e2e/notices.spec.ts, ADR 026), written into the journey's
// database: a workshop of this run's own (so settling its month touches no other journey's month),
// its coordinator and one worker (the demo password), a product with a rate, an accepted order, and
// a lot logged, received and checked through the real models two months ago, so that month has ended
// and waits to be settled. Prints {"month", "coordinator", "worker"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-notices.ts
import { addMonths, chinaMonth } from "../../app/domain/dates.ts";
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { DEMO_PASSWORD } from "../../app/utils/demo.ts";
import { checkedLot } from "../support/pay-fixtures.ts";
import { retryBusy } from "./seed-support.ts";

async function main() {
  const client = db();
  const suffix = String(Date.now() % 100_000_000).padStart(8, "0");
  const hash = await hashPassword(DEMO_PASSWORD);
  const workshop = await retryBusy(() =>
    client.workshop.create({ data: { name: `通知工坊 ${suffix}` }, select: { id: true } }),
  );
  const person = (role: "coordinator" | "worker", phone: string, name: string) =>
    retryBusy(() =>
      client.user.create({
        data: { role, name, phone, workshopId: workshop.id, password: { create: { hash } } },
        select: { id: true, name: true, phone: true },
      }),
    );
  const coordinator = await person("coordinator", `136${suffix}`, `周协调员${suffix.slice(-3)}`);
  const worker = await person("worker", `134${suffix}`, `林秀${suffix.slice(-3)}`);
  const partner = await retryBusy(() =>
    client.partner.create({ data: { workshopId: workshop.id, name: `通知企业 ${suffix}` }, select: { id: true } }),
  );
  const product = await retryBusy(() =>
    client.product.create({
      data: { workshopId: workshop.id, name: "竹编杯垫", unit: "piece", standardMinutesE2: 600 },
      select: { id: true },
    }),
  );
  const rate = await retryBusy(() =>
    client.pieceRate.create({
      data: {
        workshopId: workshop.id,
        productId: product.id,
        rateE4: 25_000n,
        effectiveOn: "2020-01-01",
        reason: "seed",
        setById: coordinator.id,
      },
      select: { id: true, rateE4: true },
    }),
  );
  const order = await retryBusy(() =>
    client.order.create({
      data: {
        workshopId: workshop.id,
        partnerId: partner.id,
        productId: product.id,
        quantity: 100,
        dueOn: "2099-06-30",
        unitPriceE4: 68_000n,
        status: "accepted",
        createdById: coordinator.id,
      },
      select: { id: true },
    }),
  );
  const month = addMonths(chinaMonth(new Date()), -2);
  const at = (day: string) => new Date(`${month}-${day}T02:00:00Z`);
  const world = { workshop, coordinator, workers: [worker], product };
  await retryBusy(() =>
    checkedLot(world, order.id, {
      rateId: rate.id,
      rateE4: rate.rateE4,
      workerId: worker.id,
      quantity: 20,
      loggedAt: at("03"),
      checkedAt: at("05"),
    }),
  );
  // The receipt and the check told her already: those notices are read, so the badge counts only what the journey adds.
  await retryBusy(() => client.notice.updateMany({ where: { recipientId: worker.id }, data: { readAt: new Date() } }));
  process.stdout.write(JSON.stringify({ month, coordinator, worker }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
