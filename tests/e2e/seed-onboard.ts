// Data for tests/e2e/onboard.spec.ts, written into the journey's database: a
// workshop of this run's own with its coordinator (so the 47 workers each run
// imports change no other journey's lists), and a base for the phone numbers
// of the sheets the journey uploads (unique per run).
// Prints {"suffix", "workshop", "coordinator", "phoneBase"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-onboard.ts
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { DEMO_PASSWORD } from "../../app/utils/demo.ts";
import { retryBusy } from "./seed-support.ts";

async function main() {
  const client = db();
  const suffix = String(Date.now() % 10_000_000).padStart(7, "0");
  const hash = await hashPassword(DEMO_PASSWORD);
  const workshop = await retryBusy(() => client.workshop.create({ data: { name: `导入社区工坊${suffix}` } }));
  const coordinator = { name: `吴协调${suffix.slice(-3)}`, phone: `136${suffix}0` };
  await retryBusy(() =>
    client.user.create({
      data: {
        role: "coordinator",
        name: coordinator.name,
        phone: coordinator.phone,
        workshopId: workshop.id,
        password: { create: { hash } },
      },
    }),
  );
  // Sheets use 15<suffix><2 digits>, 17<suffix><2 digits>, ...: 100 numbers per prefix, unique per run.
  process.stdout.write(JSON.stringify({ suffix, workshop: workshop.name, coordinator, phoneBase: suffix }));
}

main().finally(() => disconnectDb());
