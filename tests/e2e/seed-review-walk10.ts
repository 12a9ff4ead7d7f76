// Data for tests/e2e/review-walk10.spec.ts (review walk 10 of issue 10's pages), written into the
// journey's database beside the running server: a workshop of this run's own, its coordinator and
// one worker 欧阳秀英 whose last 24 ended months are all settled with a payslip each (so a
// statement over the default 12 months has 12 table rows); the notices the settlement writes
// (payslip.ready of the last month, as noticePayslipsReady words it) for her, three order.placed
// notices for the coordinator (unread), and an admin reading Chinese. All with the demo password.
// Prints {"worker","coordinator","admin","workshop","last"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-review-walk10.ts
import { addMonths, chinaMonth } from "../../app/domain/dates.ts";
import { noticeTarget } from "../../app/domain/notices.ts";
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
      data: { name: `走查十工坊 ${suffix}`, district: "九龙坡区石桥铺街道" },
      select: { id: true, name: true },
    }),
  );
  const person = (role: string, phone: string, name: string, workshopId: string | null = workshop.id) =>
    retryBusy(() =>
      client.user.create({
        data: { role, name, phone, workshopId, password: { create: { hash } } },
        select: { id: true, name: true, phone: true },
      }),
    );
  const coordinator = await person("coordinator", `135${suffix}`, `走查协调员${suffix.slice(-3)}`);
  const worker = await person("worker", `137${suffix}`, "欧阳秀英");
  const admin = await person("admin", `139${suffix}`, "区就业中心 走查", null);
  const current = chinaMonth(new Date());
  const last = addMonths(current, -1);
  for (let offset = -24; offset <= -1; offset++) {
    const month = addMonths(current, offset);
    const net = 100_000n + BigInt(offset + 24) * 1_111n;
    await retryBusy(() =>
      client.$transaction(async (tx) => {
        const period = await tx.payPeriod.create({
          data: {
            workshopId: workshop.id,
            month,
            workerCount: 1,
            grossFen: net,
            taxFen: 0n,
            chargesFen: 0n,
            netFen: net,
            settledById: coordinator.id,
          },
        });
        const slip = await tx.payslip.create({
          data: {
            workshopId: workshop.id,
            payPeriodId: period.id,
            workerId: worker.id,
            month,
            payFen: net,
            remunerationFen: net,
            taxFen: 0n,
            chargesFen: 0n,
            netFen: net,
            withheld: false,
          },
          select: { id: true },
        });
        if (month === last) {
          const { path } = noticeTarget({ kind: "payslip.ready", payslipId: slip.id, month });
          await tx.notice.create({
            data: {
              workshopId: workshop.id,
              recipientId: worker.id,
              kind: "payslip.ready",
              subjectId: slip.id,
              path,
              params: JSON.stringify({ month }),
            },
          });
        }
      }),
    );
  }
  for (let i = 0; i < 3; i++) {
    await retryBusy(() =>
      client.notice.create({
        data: {
          workshopId: workshop.id,
          recipientId: coordinator.id,
          kind: "order.placed",
          subjectId: `walk10-${suffix}-${i}`,
          path: "/coordinator/orders",
          params: JSON.stringify({ partner: "重庆山城香皂有限公司", product: "手工皂礼盒", n: 500 }),
        },
      }),
    );
  }
  process.stdout.write(JSON.stringify({ worker, coordinator, admin, workshop, last }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
