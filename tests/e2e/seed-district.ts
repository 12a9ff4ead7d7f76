// Data for the district journey (tests/e2e/district.spec.ts): a small generated district of this
// run's own (tests/support/district-data.ts: 2 towns/streets, 4 communities, 6 workshops, 90
// workers, the last three ended months settled), and two admins with the demo password, one
// reading Chinese and one English. Prints {"zh","en","period","town","community"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-district.ts
import { addMonths, chinaMonth } from "../../app/domain/dates.ts";
import { periodOf } from "../../app/domain/district.ts";
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { DEMO_PASSWORD } from "../../app/utils/demo.ts";
import { generateDistrict } from "../support/district-data.ts";

async function main() {
  const last = addMonths(chinaMonth(new Date()), -1);
  const months = [addMonths(last, -2), addMonths(last, -1), last];
  const district = await generateDistrict({
    towns: 2,
    communities: 4,
    workshops: 6,
    workers: 90,
    months,
    seed: 5,
    rows: 200,
  });
  const client = db();
  const town = await client.town.findUniqueOrThrow({ where: { id: district.townIds[0]! }, select: { name: true } });
  const community = await client.community.findFirstOrThrow({
    where: { townId: district.townIds[0]! },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  const hash = await hashPassword(DEMO_PASSWORD);
  const stamp = String(Date.now() % 1e7).padStart(7, "0");
  const zh = `1661${stamp}`;
  const en = `1662${stamp}`;
  await client.user.create({ data: { role: "admin", name: "区就业中心", phone: zh, password: { create: { hash } } } });
  await client.user.create({
    data: { role: "admin", name: "District centre", phone: en, locale: "en", password: { create: { hash } } },
  });
  process.stdout.write(
    JSON.stringify({ zh, en, period: periodOf("year", last)!.key, town: town.name, community: community.name }),
  );
  await disconnectDb();
}

await main();
