// Data for the dashboard journey (tests/e2e/dashboard.spec.ts), in a workshop of this run's
// own: a generated month of lots (tests/support/pay-month.ts) for last month, settled, so the
// pay distribution and the minimum-wage view have figures; the workshop's hourly minimum; one
// product without a time test; piece logs over the last days. A coordinator with the demo
// password. Prints {"phone"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-dashboard.ts
import { addDays, addMonths, chinaDate, chinaMonth } from "../../app/domain/dates.ts";
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { settleMonth } from "../../app/models/settlement.server.ts";
import { DEMO_PASSWORD } from "../../app/utils/demo.ts";
import { generateMonth } from "../support/pay-month.ts";
import { createSubmittedLog } from "../support/piece-log-fixtures.ts";

async function main() {
  const now = new Date();
  const month = addMonths(chinaMonth(now), -1);
  const generated = await generateMonth({ workers: 24, products: 4, lotsPerWorker: 5, seed: 11, month });
  const client = db();
  const { workshopId } = generated;
  await client.workshop.update({
    where: { id: workshopId },
    data: { hourlyMinimumWageFen: 2330n, minimumWageSource: "渝府发〔2025〕示例" },
  });
  const products = await client.product.findMany({
    where: { workshopId },
    orderBy: { name: "asc" },
    select: { id: true },
  });
  await client.product.update({
    where: { id: products[0]!.id },
    data: { standardMinutesE2: null, name: "永生花礼盒" },
  });
  await client.product.update({ where: { id: products[1]!.id }, data: { name: "薰衣草手工皂" } });
  const settled = await settleMonth({ workshopId, userId: generated.coordinatorId }, month, now);
  if (!settled.ok) throw new Error(`seed-dashboard: settle refused ${JSON.stringify(settled)}`);
  // Logs over the last 20 days against the first worker's assignments.
  const assignments = await client.assignment.findMany({ where: { workshopId }, take: 3, select: { id: true } });
  const today = chinaDate(now);
  for (let d = 0; d < 20; d++) {
    for (const a of assignments) {
      await createSubmittedLog(a.id, { quantity: 3 + ((d * 7 + a.id.length) % 11), loggedOn: addDays(today, -d) });
    }
  }
  const phone = `139${String(Date.now() % 1e8).padStart(8, "0")}`;
  await client.user.create({
    data: {
      role: "coordinator",
      name: "看板协调员",
      phone,
      workshopId,
      password: { create: { hash: await hashPassword(DEMO_PASSWORD) } },
    },
  });
  process.stdout.write(JSON.stringify({ phone, month }));
  await disconnectDb();
}

await main();
