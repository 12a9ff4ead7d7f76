// Data for the income statement journey (tests/e2e/statement.spec.ts, ADR 027),
// written into the journey's database beside the running server: a workshop
// of its own (so no other journey's pay months are touched), its coordinator,
// and a worker 张秀英 with a number of this run's own, whose last six months
// are: −1 ¥1,234.56, −2 ¥987.65, −3 settled without her payslip (¥0.00),
// −4 not settled, −5 ¥2,000.00, −6 ¥88.88; a neighbour with payslips of her own.
// Prints {"worker", "workshop", "months", "total"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-statement.ts
import { addMonths, chinaMonth } from "../../app/domain/dates.ts";
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { DEMO_PASSWORD } from "../../app/utils/demo.ts";
import { retryBusy } from "./seed-support.ts";

async function main() {
  const client = db();
  const suffix = String(Date.now() % 100_000_000).padStart(8, "0");
  const hash = await hashPassword(DEMO_PASSWORD);
  const workshop = await retryBusy(() =>
    client.workshop.create({
      data: { name: `石桥铺巧手工坊 ${suffix}`, district: "九龙坡区石桥铺街道" },
      select: { id: true, name: true, district: true },
    }),
  );
  const person = (role: string, phone: string, name: string) =>
    retryBusy(() =>
      client.user.create({
        data: { role, name, phone, workshopId: workshop.id, password: { create: { hash } } },
        select: { id: true, name: true, phone: true },
      }),
    );
  const coordinator = await person("coordinator", `133${suffix}`, `周协调员${suffix.slice(-3)}`);
  const worker = await person("worker", `136${suffix}`, "张秀英");
  const neighbour = await person("worker", `134${suffix}`, `吴敏${suffix.slice(-3)}`);
  const current = chinaMonth(new Date());
  const mine: [number, bigint | null][] = [
    [-1, 123_456n],
    [-2, 98_765n],
    [-3, null],
    [-5, 200_000n],
    [-6, 8_888n],
  ];
  for (const [offset, net] of mine) {
    const month = addMonths(current, offset);
    await retryBusy(() =>
      client.$transaction(async (tx) => {
        const slips = [
          ...(net === null ? [] : [{ workerId: worker.id, net }]),
          { workerId: neighbour.id, net: 55_555n },
        ];
        const total = slips.reduce((sum, s) => sum + s.net, 0n);
        const period = await tx.payPeriod.create({
          data: {
            workshopId: workshop.id,
            month,
            workerCount: slips.length,
            grossFen: total,
            taxFen: 0n,
            chargesFen: 0n,
            netFen: total,
            settledById: coordinator.id,
          },
        });
        for (const s of slips) {
          await tx.payslip.create({
            data: {
              workshopId: workshop.id,
              payPeriodId: period.id,
              workerId: s.workerId,
              month,
              payFen: s.net,
              remunerationFen: s.net,
              taxFen: 0n,
              chargesFen: 0n,
              netFen: s.net,
              withheld: false,
            },
          });
        }
      }),
    );
  }
  process.stdout.write(
    JSON.stringify({
      worker,
      workshop,
      months: mine.map(([offset]) => addMonths(current, offset)),
      total: "¥4,311.09",
    }),
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
