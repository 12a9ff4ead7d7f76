// A generated district (ADR 024) written straight into the database in bulk, for the district
// view's tests and `npm run bench -- district`: towns/streets, communities (spread over the
// towns), workshops (spread over the communities, a few not placed), per workshop a partner
// firm or two, a product, orders and an assignment each, its workers, and per month: a pay
// period with a payslip for most of its workers (net pay mostly above 0, some 0 or below), a
// checked lot per payslip (passed / rework / rejected adding up; some rework lots), and a few
// material-loss decisions. Some workshop-months are left unsettled (no PayPeriod) but still
// have checked lots, payslip-like noise is impossible there (payslips only exist when settled),
// and loss decisions: the view must leave them out. Big tables by multi-row INSERT.
import { randomUUID } from "node:crypto";
import { db, Prisma } from "../../app/infra/db.server.ts";
import { random } from "./pay-month.ts";

export type DistrictShape = {
  towns: number;
  communities: number;
  workshops: number;
  /** Workshops left without a community */
  unplaced?: number;
  workers: number;
  months: string[];
  /** One workshop-month in `unsettledEvery` is left unsettled (0: none) */
  unsettledEvery?: number;
  seed?: number;
  /** Rows per INSERT statement */
  rows?: number;
  log?: (line: string) => void;
};

export type District = {
  tag: string;
  townIds: string[];
  communityIds: string[];
  workshopIds: string[];
  payslips: number;
  lots: number;
};

async function insert(table: string, columns: string[], rows: unknown[][], per: number): Promise<void> {
  const client = db();
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    await client.$executeRaw`${head}${Prisma.join(part.map((r) => Prisma.sql`(${Prisma.join(r)})`))}`;
  }
}

export async function generateDistrict(shape: DistrictShape): Promise<District> {
  const rnd = random(shape.seed ?? 7);
  const per = shape.rows ?? 1_000;
  const tag = randomUUID().slice(0, 6);
  const client = db();
  const now = new Date();
  const log = shape.log ?? (() => {});

  const townIds = Array.from({ length: shape.towns }, () => randomUUID());
  await client.town.createMany({ data: townIds.map((id, i) => ({ id, name: `镇街${tag}-${i + 1}` })) });
  const communityIds = Array.from({ length: shape.communities }, () => randomUUID());
  await client.community.createMany({
    data: communityIds.map((id, i) => ({ id, townId: townIds[i % townIds.length]!, name: `村居${tag}-${i + 1}` })),
  });
  const unplaced = shape.unplaced ?? 0;
  const workshopIds = Array.from({ length: shape.workshops }, () => randomUUID());
  await client.workshop.createMany({
    data: workshopIds.map((id, i) => ({
      id,
      name: `工坊${tag}-${i + 1}`,
      communityId: i < unplaced ? null : communityIds[i % communityIds.length]!,
    })),
  });

  // Per workshop: a coordinator, two partner firms, a product, three orders (the third for the
  // second firm), an assignment per order.
  const coordinators = workshopIds.map(() => randomUUID());
  const partners = workshopIds.map(() => [randomUUID(), randomUUID()] as const);
  const products = workshopIds.map(() => randomUUID());
  const orders = workshopIds.map(() => [randomUUID(), randomUUID(), randomUUID()] as const);
  const assignments = orders.map((o) => o.map(() => randomUUID()));
  const phone = (n: number) => `17${String(rnd(1000)).padStart(3, "0")}${String(n).padStart(6, "0")}`;
  let phoneNo = 0;
  const phones = new Set<string>();
  const nextPhone = () => {
    for (;;) {
      const p = phone(phoneNo++ % 1_000_000);
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  };
  await insert(
    "User",
    ["id", "phone", "name", "role", "workshopId", "updatedAt"],
    workshopIds.map((w, i) => [coordinators[i], nextPhone(), "协调员", "coordinator", w, now]),
    per,
  );
  await client.partner.createMany({
    data: workshopIds.flatMap((w, i) => partners[i]!.map((id, k) => ({ id, workshopId: w, name: `企业${k + 1}` }))),
  });
  await client.product.createMany({
    data: workshopIds.map((w, i) => ({ id: products[i]!, workshopId: w, name: "手工皂" })),
  });
  await client.order.createMany({
    data: workshopIds.flatMap((w, i) =>
      orders[i]!.map((id, k) => ({
        id,
        workshopId: w,
        partnerId: partners[i]![k === 2 ? 1 : 0]!,
        productId: products[i]!,
        quantity: 1_000_000,
        dueOn: "2099-12-31",
        unitPriceE4: 50_000n,
        status: "accepted",
        createdById: coordinators[i]!,
      })),
    ),
  });
  await client.assignment.createMany({
    data: workshopIds.flatMap((w, i) =>
      orders[i]!.map((orderId, k) => ({
        id: assignments[i]![k]!,
        workshopId: w,
        orderId,
        productId: products[i]!,
        workerId: coordinators[i]!,
        quantity: 1_000_000,
        dueOn: "2099-12-31",
        source: "assigned",
        createdById: coordinators[i]!,
      })),
    ),
  });

  // Workers, spread over the workshops.
  const workersOf: string[][] = workshopIds.map(() => []);
  const workerRows: unknown[][] = [];
  for (let n = 0; n < shape.workers; n++) {
    const w = n % workshopIds.length;
    const id = randomUUID();
    workersOf[w]!.push(id);
    workerRows.push([id, nextPhone(), `手工者${n + 1}`, "worker", workshopIds[w], now]);
  }
  await insert("User", ["id", "phone", "name", "role", "workshopId", "updatedAt"], workerRows, per);
  log(`    ${shape.workers} workers written`);

  let payslips = 0;
  let lots = 0;
  const unsettledEvery = shape.unsettledEvery ?? 0;
  for (const [mi, month] of shape.months.entries()) {
    const periodRows: unknown[][] = [];
    const slipRows: unknown[][] = [];
    const lotRows: unknown[][] = [];
    const lossRows: unknown[][] = [];
    for (const [w, workshopId] of workshopIds.entries()) {
      const settled = !(unsettledEvery > 0 && (w + mi) % unsettledEvery === 0);
      const periodId = randomUUID();
      let count = 0;
      let gross = 0n;
      let tax = 0n;
      let charges = 0n;
      let net = 0n;
      for (const workerId of workersOf[w]!) {
        if (rnd(100) < 15) continue; // no work that month
        const pay = BigInt(rnd(400_000));
        const bonus = rnd(10) === 0 ? BigInt(rnd(20_000)) : 0n;
        const correction = rnd(20) === 0 ? BigInt(rnd(10_000)) - 5_000n : 0n;
        const remuneration = pay + bonus + correction;
        const t = remuneration > 400_000n ? remuneration / 10n : 0n;
        const charge = rnd(12) === 0 ? BigInt(rnd(60_000)) : 0n;
        const n = remuneration - t - charge;
        const day = String(1 + rnd(28)).padStart(2, "0");
        const passed = rnd(80);
        const rework = rnd(5) === 0 ? rnd(6) : 0;
        const rejected = rnd(8) === 0 ? rnd(4) : 0;
        const k = rnd(3);
        lotRows.push([
          randomUUID(),
          workshopId,
          orders[w]![k],
          assignments[w]![k],
          workerId,
          products[w],
          randomUUID(),
          rnd(7) === 0 ? randomUUID() : null,
          passed + rework + rejected,
          passed + rework + rejected,
          35_000n,
          "checked",
          coordinators[w],
          `${month}-${day}`,
          passed,
          rework,
          rejected,
          `${month}-${day}`,
        ]);
        if (rnd(40) === 0) {
          lossRows.push([
            randomUUID(),
            workshopId,
            workerId,
            assignments[w]![k],
            randomUUID(),
            BigInt(rnd(5_000)),
            charge,
            charge > 0n ? "charged" : "waived",
            month,
            coordinators[w],
            now,
          ]);
        }
        if (!settled) continue;
        count++;
        gross += remuneration;
        tax += t;
        charges += charge;
        net += n;
        slipRows.push([randomUUID(), workshopId, periodId, workerId, month, pay, remuneration, t, charge, n, false]);
      }
      if (settled && count > 0) {
        periodRows.push([periodId, workshopId, month, "settled", count, gross, tax, charges, net, coordinators[w]]);
      }
    }
    await insert(
      "PayPeriod",
      [
        "id",
        "workshopId",
        "month",
        "status",
        "workerCount",
        "grossFen",
        "taxFen",
        "chargesFen",
        "netFen",
        "settledById",
      ],
      periodRows,
      per,
    );
    await insert(
      "Payslip",
      [
        "id",
        "workshopId",
        "payPeriodId",
        "workerId",
        "month",
        "payFen",
        "remunerationFen",
        "taxFen",
        "chargesFen",
        "netFen",
        "withheld",
      ],
      slipRows,
      per,
    );
    await insert(
      "Lot",
      [
        "id",
        "workshopId",
        "orderId",
        "assignmentId",
        "workerId",
        "productId",
        "originLogId",
        "reworkOfLotId",
        "loggedQuantity",
        "quantity",
        "rateE4",
        "status",
        "receivedById",
        "receivedOn",
        "passedQuantity",
        "reworkQuantity",
        "rejectedQuantity",
        "checkedOn",
      ],
      lotRows,
      per,
    );
    await insert(
      "MaterialDeduction",
      [
        "id",
        "workshopId",
        "workerId",
        "assignmentId",
        "materialId",
        "proposedFen",
        "amountFen",
        "status",
        "month",
        "decidedById",
        "updatedAt",
      ],
      lossRows,
      per,
    );
    payslips += slipRows.length;
    lots += lotRows.length;
    log(`    ${month}: ${slipRows.length} payslips, ${lotRows.length} lots`);
  }
  return { tag, townIds, communityIds, workshopIds, payslips, lots };
}
