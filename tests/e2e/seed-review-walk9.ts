// Data for tests/e2e/review-walk9.spec.ts, written into the journey's database:
// a workshop of this run's own (no other journey's lists change) with its
// coordinator, two workers, a partner firm with its login, a soap and an
// accepted order of the firm. Worker a has 20 rate versions' worth of lots
// checked two months ago (so that month has ended and waits to be settled: a
// payslip of 20 piece lines) and 4 bonuses with long reasons; worker b one lot.
// 10 of the order are delivered (a delivery written directly), so the partner
// has a statement. The workshop does not withhold tax (the default). A lot of
// 10 from worker b waits for its quality check.
// Prints {"suffix", "month", "coordinator", "a", "b", "partner", "orderId", "deliveryId", "lotId"} as JSON.
//   DATABASE_URL=file:... node --import tsx tests/e2e/seed-review-walk9.ts
import { addMonths, chinaDate, chinaMonth } from "../../app/domain/dates.ts";
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import { hashPassword } from "../../app/infra/password.server.ts";
import { addAdjustment } from "../../app/models/payslip.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { DEMO_PASSWORD } from "../../app/utils/demo.ts";
import { checkedLot } from "../support/pay-fixtures.ts";
import { receivedLot } from "../support/quality-fixtures.ts";
import { retryBusy } from "./seed-support.ts";

const LINES = 20;

async function main() {
  const client = db();
  const suffix = String(Date.now() % 100_000_000).padStart(8, "0");
  const hash = await hashPassword(DEMO_PASSWORD);
  const workshop = await retryBusy(() => client.workshop.create({ data: { name: `九号复核工坊${suffix}` } }));
  const partnerFirm = await retryBusy(() =>
    client.partner.create({ data: { workshopId: workshop.id, name: `九号合作企业${suffix}` } }),
  );
  const person = (role: "coordinator" | "worker" | "partner", phone: string, name: string) =>
    retryBusy(() =>
      client.user.create({
        data: {
          role,
          name,
          phone,
          workshopId: workshop.id,
          partnerId: role === "partner" ? partnerFirm.id : null,
          password: { create: { hash } },
        },
        select: { id: true, name: true, phone: true },
      }),
    );
  const coordinator = await person("coordinator", `137${suffix}`, `钟协调${suffix.slice(-3)}`);
  const a = await person("worker", `138${suffix}`, `何秀兰${suffix.slice(-3)}`);
  const b = await person("worker", `139${suffix}`, `罗玉梅${suffix.slice(-3)}`);
  const partner = await person("partner", `135${suffix}`, `九号经理${suffix.slice(-3)}`);
  const product = await retryBusy(() =>
    client.product.create({
      data: { workshopId: workshop.id, name: "玫瑰手工皂 80g", unit: "piece", standardMinutesE2: 600 },
    }),
  );
  const order = await retryBusy(() =>
    client.order.create({
      data: {
        workshopId: workshop.id,
        partnerId: partnerFirm.id,
        productId: product.id,
        quantity: 5_000,
        dueOn: "2099-06-30",
        unitPriceE4: 68_000n,
        status: "accepted",
        createdById: coordinator.id,
      },
    }),
  );
  const world = { workshop, coordinator, workers: [a, b], product };
  const month = addMonths(chinaMonth(new Date()), -2);
  const at = (day: string) => new Date(`${month}-${day}T02:00:00Z`);
  let assignmentId: string | undefined;
  for (let i = 0; i < LINES; i++) {
    const rateE4 = BigInt(3_500 + i * 1_111);
    const rate = await retryBusy(() =>
      client.pieceRate.create({
        data: {
          workshopId: workshop.id,
          productId: product.id,
          rateE4,
          effectiveOn: "2020-01-01",
          reason: "复核",
          setById: coordinator.id,
        },
      }),
    );
    // One task of 1,000 for her (the fixture's size), all 20 logs against it: the order is not over-assigned.
    const lot = await retryBusy(() =>
      checkedLot(world, order.id, {
        workerId: a.id,
        quantity: 10 + i,
        rateId: rate.id,
        rateE4,
        loggedAt: at("03"),
        checkedAt: at("05"),
        assignmentId,
      }),
    );
    assignmentId = lot.assignmentId;
  }
  const rate = await retryBusy(() => client.pieceRate.findFirstOrThrow({ where: { productId: product.id } }));
  await retryBusy(() =>
    checkedLot(world, order.id, {
      workerId: b.id,
      quantity: 30,
      rateId: rate.id,
      rateE4: rate.rateE4,
      loggedAt: at("07"),
      checkedAt: at("08"),
    }),
  );
  const actor = { workshopId: workshop.id, userId: coordinator.id };
  for (let i = 0; i < 4; i++) {
    const added = await retryBusy(() =>
      addAdjustment(
        actor,
        {
          workerId: a.id,
          month,
          kind: "bonus",
          amountFen: BigInt(1_025 + i * 100),
          reason: `全勤奖和质量奖：本月按时交货、没有返工，特此奖励（第 ${i + 1} 项）`,
          correctsMonth: "",
        },
        newSubmissionKey(),
      ),
    );
    if (!added.ok) throw new Error(`seed-review-walk9: bonus refused ${JSON.stringify(added)}`);
  }
  const delivery = await retryBusy(() =>
    client.$transaction(async (tx) => {
      await tx.order.update({ where: { id: order.id }, data: { deliveredQuantity: { increment: 10 } } });
      return tx.delivery.create({
        data: {
          workshopId: workshop.id,
          orderId: order.id,
          partnerId: partnerFirm.id,
          sequence: 1,
          quantity: 10,
          unitPriceE4: order.unitPriceE4,
          deliveredOn: chinaDate(new Date()),
          createdById: coordinator.id,
        },
      });
    }),
  );
  // A lot of 10 from worker b, received today, waiting for its check.
  const waiting = await retryBusy(() => receivedLot(world, order.id, { quantity: 10, workerIndex: 1 }));
  process.stdout.write(
    JSON.stringify({
      suffix,
      month,
      coordinator,
      a,
      b,
      partner,
      orderId: order.id,
      deliveryId: delivery.id,
      lotId: waiting.lotId,
    }),
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
