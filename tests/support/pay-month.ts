// A generated month of pay for one workshop, written straight into the
// database in bulk (createMany), for the settlement tests and `npm run bench`:
// workers, products with 4-decimal rates (several versions), one assignment
// per worker and product, and checked lots whose passed / rework / rejected
// counts add up, dated in the month and (as noise that must be ignored) in the
// months around it; some rework lots that passed later; bonuses, corrections
// and material-loss deductions. Everything the settlement reads, and the
// expectation, are returned in plain integers for an oracle.
import { randomUUID } from "node:crypto";
import { addMonths } from "../../app/domain/dates.ts";
import { db, Prisma } from "../../app/infra/db.server.ts";

/** A small deterministic random source (mulberry32), so a failing month can be generated again. */
export function random(seed: number) {
  let a = seed >>> 0;
  return (max: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % max;
  };
}

export type GeneratedPassed = { workerId: string; key: string; rateE4: bigint; pieces: number };

export type GeneratedMonth = {
  workshopId: string;
  coordinatorId: string;
  month: string;
  workerIds: string[];
  /** Passed pieces in the month, per lot (the oracle groups them). */
  passed: GeneratedPassed[];
  bonuses: { workerId: string; amountFen: bigint }[];
  corrections: { workerId: string; amountFen: bigint }[];
  charges: { workerId: string; amountFen: bigint }[];
};

export type MonthShape = {
  workers: number;
  products: number;
  /** Lots per worker in the month (average); each lot has 1..`maxLot` pieces. */
  lotsPerWorker: number;
  maxLot?: number;
  seed?: number;
  month?: string;
  withholdsTax?: boolean;
  /** Bonuses, corrections, deductions: roughly one in `every` workers gets one of each. */
  adjustEvery?: number;
  /** Rows per createMany. */
  chunk?: number;
  /** Keep the passed pieces for an oracle (a benchmark of a million lots does not). */
  keepPassed?: boolean;
};

async function inChunks<T>(rows: T[], size: number, write: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Writes a month into a new workshop and answers what the oracle needs. */
export async function generateMonth(shape: MonthShape): Promise<GeneratedMonth> {
  const rnd = random(shape.seed ?? 1);
  const month = shape.month ?? "2026-10";
  const chunk = shape.chunk ?? 5_000;
  const client = db();
  const tag = randomUUID().slice(0, 8);
  const workshop = await client.workshop.create({
    data: { name: `结算测试工坊 ${tag}`, withholdsTax: shape.withholdsTax ?? true },
    select: { id: true },
  });
  const coordinator = await client.user.create({
    data: {
      role: "coordinator",
      name: "结算协调员",
      phone: `19${String(Date.now() % 1e9).padStart(9, "0")}`,
      workshopId: workshop.id,
    },
    select: { id: true },
  });
  const partner = await client.partner.create({
    data: { workshopId: workshop.id, name: `企业 ${tag}` },
    select: { id: true },
  });

  const productIds: string[] = [];
  const rates: { productId: string; id: string; rateE4: bigint }[][] = [];
  const productRows = [];
  const rateRows = [];
  for (let p = 0; p < shape.products; p++) {
    const id = randomUUID();
    productIds.push(id);
    productRows.push({ id, workshopId: workshop.id, name: `产品 ${p + 1}`, unit: "piece", standardMinutesE2: 600 });
    // Two or three versions of 4-decimal rates (e.g. 1.2345 yuan).
    const versions: { productId: string; id: string; rateE4: bigint }[] = [];
    const count = 2 + rnd(2);
    for (let v = 0; v < count; v++) {
      const rateId = randomUUID();
      const rateE4 = BigInt(1 + rnd(60_000));
      rateRows.push({
        id: rateId,
        workshopId: workshop.id,
        productId: id,
        rateE4,
        effectiveOn: `2026-0${1 + v}-01`,
        reason: "generated",
        setById: coordinator.id,
        usedAt: new Date(),
      });
      versions.push({ productId: id, id: rateId, rateE4 });
    }
    rates.push(versions);
  }
  await client.product.createMany({ data: productRows });
  await client.pieceRate.createMany({ data: rateRows });
  const orders = productIds.map((productId) => ({
    id: randomUUID(),
    workshopId: workshop.id,
    partnerId: partner.id,
    productId,
    quantity: 1_000_000_000,
    dueOn: "2099-12-31",
    unitPriceE4: 100_000n,
    status: "accepted",
    createdById: coordinator.id,
  }));
  await client.order.createMany({ data: orders });

  const workerIds: string[] = [];
  const users = [];
  for (let w = 0; w < shape.workers; w++) {
    const id = randomUUID();
    workerIds.push(id);
    users.push({
      id,
      role: "worker",
      name: `工人 ${w + 1}`,
      phone: "",
      workshopId: workshop.id,
    });
  }
  // Phones are unique across the database: 1 + 10 digits from the random id.
  for (const u of users)
    u.phone = `1${(BigInt(`0x${u.id.replace(/-/g, "").slice(0, 15)}`) % 10_000_000_000n).toString().padStart(10, "0")}`;
  await inChunks(users, chunk, (part) => client.user.createMany({ data: part }));

  const passed: GeneratedPassed[] = [];
  const assignments: Record<string, unknown>[] = [];
  type LotRow = {
    id: string;
    workshopId: string;
    orderId: string;
    assignmentId: string;
    workerId: string;
    productId: string;
    processStepId: string | null;
    pieceLogId: string | null;
    originLogId: string;
    reworkOfLotId: string | null;
    loggedQuantity: number;
    quantity: number;
    pieceRateId: string;
    rateE4: bigint;
    status: string;
    receivedById: string;
    receivedOn: string;
    passedQuantity: number;
    reworkQuantity: number;
    rejectedQuantity: number;
    checkedById: string;
    checkedOn: string;
  };
  const lots: LotRow[] = [];
  const assignmentOf = new Map<string, string>();
  let assignmentsWritten = 0;
  /** Lots are written as they are made (assignments they point to first): memory stays flat. */
  const flush = async (force: boolean) => {
    if (!force && lots.length < chunk) return;
    const fresh = assignments.slice(assignmentsWritten);
    assignmentsWritten = assignments.length;
    await inChunks(fresh, chunk, (part) => client.assignment.createMany({ data: part as never }));
    // Lots by multi-row INSERT (createMany writes about 2,400 rows a second on SQLite; a million would take minutes).
    await inChunks(
      lots.splice(0),
      1_000,
      (part) =>
        client.$executeRaw`INSERT INTO "Lot" ("id", "workshopId", "orderId", "assignmentId", "workerId", "productId", "processStepId", "pieceLogId", "originLogId", "reworkOfLotId", "loggedQuantity", "quantity", "pieceRateId", "rateE4", "status", "receivedById", "receivedOn", "passedQuantity", "reworkQuantity", "rejectedQuantity", "checkedById", "checkedOn") VALUES ${Prisma.join(
          part.map(
            (l) =>
              Prisma.sql`(${l.id}, ${l.workshopId}, ${l.orderId}, ${l.assignmentId}, ${l.workerId}, ${l.productId}, ${l.processStepId}, ${l.pieceLogId}, ${l.originLogId}, ${l.reworkOfLotId}, ${l.loggedQuantity}, ${l.quantity}, ${l.pieceRateId}, ${l.rateE4}, ${l.status}, ${l.receivedById}, ${l.receivedOn}, ${l.passedQuantity}, ${l.reworkQuantity}, ${l.rejectedQuantity}, ${l.checkedById}, ${l.checkedOn})`,
          ),
        )}`,
    );
  };
  const assignmentFor = (workerId: string, p: number) => {
    const k = `${workerId}:${p}`;
    let id = assignmentOf.get(k);
    if (!id) {
      id = randomUUID();
      assignmentOf.set(k, id);
      assignments.push({
        id,
        workshopId: workshop.id,
        orderId: orders[p]!.id,
        productId: productIds[p]!,
        workerId,
        quantity: 1_000_000,
        dueOn: "2099-12-31",
        source: "assigned",
        createdById: coordinator.id,
      });
    }
    return id;
  };
  const maxLot = shape.maxLot ?? 40;
  const day = (m: string) => `${m}-${String(1 + rnd(28)).padStart(2, "0")}`;
  for (const workerId of workerIds) {
    const n = rnd(shape.lotsPerWorker * 2 + 1);
    // She works on one to three products in a month (as a mother at home does), so her payslip has a few lines.
    const hers = Array.from({ length: 1 + rnd(3) }, () => rnd(productIds.length));
    for (let i = 0; i < n; i++) {
      const p = hers[rnd(hers.length)]!;
      const version = rates[p]![rnd(rates[p]!.length)]!;
      const quantity = 1 + rnd(maxLot);
      const passedQuantity = rnd(5) === 0 ? rnd(quantity + 1) : quantity;
      const reworkQuantity = rnd(quantity - passedQuantity + 1);
      const rejectedQuantity = quantity - passedQuantity - reworkQuantity;
      // One lot in ten is checked in the month before or after: never in this month's pay.
      const where = rnd(10);
      const checkedMonth = where === 0 ? addMonths(month, -1) : where === 1 ? addMonths(month, 1) : month;
      // One in twenty is a rework lot that passed later (it has no log of its own).
      const isRework = rnd(20) === 0;
      const assignmentId = assignmentFor(workerId, p);
      const logId = randomUUID();
      lots.push({
        id: randomUUID(),
        workshopId: workshop.id,
        orderId: orders[p]!.id,
        assignmentId,
        workerId,
        productId: productIds[p]!,
        processStepId: null,
        pieceLogId: null,
        originLogId: logId,
        reworkOfLotId: isRework ? logId : null,
        loggedQuantity: quantity,
        quantity,
        pieceRateId: version.id,
        rateE4: version.rateE4,
        status: "checked",
        receivedById: coordinator.id,
        receivedOn: day(checkedMonth),
        passedQuantity,
        reworkQuantity,
        rejectedQuantity,
        checkedById: coordinator.id,
        checkedOn: day(checkedMonth),
      });
      await flush(false);
      if (checkedMonth === month && passedQuantity > 0 && shape.keepPassed !== false) {
        passed.push({
          workerId,
          key: `${productIds[p]}::${version.id}`,
          rateE4: version.rateE4,
          pieces: passedQuantity,
        });
      }
    }
  }

  // Bonuses, corrections (signed) and charged deductions, for some workers; plus noise in other months.
  const every = shape.adjustEvery ?? 7;
  const bonuses: GeneratedMonth["bonuses"] = [];
  const corrections: GeneratedMonth["corrections"] = [];
  const charges: GeneratedMonth["charges"] = [];
  const adjustments: Record<string, unknown>[] = [];
  const deductions: Record<string, unknown>[] = [];
  const material = await client.material.create({
    data: { workshopId: workshop.id, name: `皂基 ${tag}`, unit: "kg", unitCostE4: 280_000n },
    select: { id: true },
  });
  for (const workerId of workerIds) {
    if (rnd(every) === 0) {
      const amountFen = BigInt(1 + rnd(20_000));
      bonuses.push({ workerId, amountFen });
      adjustments.push({
        workshopId: workshop.id,
        workerId,
        month,
        kind: "bonus",
        amountFen,
        reason: "全勤奖",
        createdById: coordinator.id,
      });
    }
    if (rnd(every) === 0) {
      const amountFen = BigInt(rnd(2) === 0 ? -(1 + rnd(5_000)) : 1 + rnd(5_000));
      corrections.push({ workerId, amountFen });
      adjustments.push({
        workshopId: workshop.id,
        workerId,
        month,
        kind: "correction",
        amountFen,
        reason: "上月少算",
        correctsMonth: addMonths(month, -1),
        createdById: coordinator.id,
      });
    }
    if (rnd(every * 3) === 0) {
      adjustments.push({
        workshopId: workshop.id,
        workerId,
        month: addMonths(month, 1),
        kind: "bonus",
        amountFen: 100n,
        reason: "下月",
        createdById: coordinator.id,
      });
    }
    if (rnd(every) === 0) {
      const amountFen = BigInt(rnd(3) === 0 ? 0 : 1 + rnd(3_000));
      const assignmentId = assignmentFor(workerId, 0);
      if (amountFen > 0n) charges.push({ workerId, amountFen });
      deductions.push({
        workshopId: workshop.id,
        workerId,
        assignmentId,
        materialId: material.id,
        proposedFen: amountFen,
        amountFen,
        status: amountFen > 0n ? "charged" : "waived",
        reason: amountFen > 0n ? "" : "免了",
        month,
        decidedById: coordinator.id,
      });
    }
  }
  await flush(true);
  await inChunks(adjustments, chunk, (part) => client.payAdjustment.createMany({ data: part as never }));
  await inChunks(deductions, chunk, (part) => client.materialDeduction.createMany({ data: part as never }));
  return {
    workshopId: workshop.id,
    coordinatorId: coordinator.id,
    month,
    workerIds,
    passed,
    bonuses,
    corrections,
    charges,
  };
}
