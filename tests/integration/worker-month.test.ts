// "Her month" on the worker's home page (issue 8, app/models/worker-month.server.ts)
// against a real database, SQLite and PostgreSQL: the month is the China
// calendar month (a log at 00:30 on the 1st, China time, is the previous day
// in UTC and counts in the new month; December rolls into January); cancelled
// logs count nowhere but are listed as cancelled; received pieces are the
// counted ones of lots received this month; quality figures are 0 and say
// "not checked yet" until a lot is checked; the material she holds is exact
// to 0.001; another worker's logs, lots and material never show. Logs are
// written the way the logging path writes them (tests/support/piece-log-fixtures.ts),
// receipts and materials through their models.
import { expect, test } from "vitest";
import { db } from "../../app/infra/db.server.ts";
import { issueMaterial, returnMaterial } from "../../app/models/material-stock.server.ts";
import { listWorkerAssignments } from "../../app/models/order.server.ts";
import { cancelReceipt, receiveLog } from "../../app/models/receiving.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { getWorkerMonth, MONTH_LOGS_SHOWN } from "../../app/models/worker-month.server.ts";
import { loader as workerHomeLoader } from "../../app/routes/worker._index.tsx";
import {
  actorOf,
  createOrderRow,
  createOrderWorld,
  workerScopeOf,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";
import { callLoader, loginAs } from "../support/fixtures.ts";
import { createAssignmentRow, createSubmittedLog } from "../support/piece-log-fixtures.ts";
import { createMaterialRow, e3 } from "../support/stock-fixtures.ts";

async function assignmentFor(world: OrderWorld, quantity = 100, workerIndex = 0): Promise<string> {
  const orderId = await createOrderRow(world, { quantity: 1000, dueOn: "2099-12-31" });
  return createAssignmentRow({
    workshopId: world.workshop.id,
    orderId,
    productId: world.product.id,
    workerId: world.workers[workerIndex]!.id,
    createdById: world.coordinator.id,
    quantity,
  });
}

async function receive(world: OrderWorld, assignmentId: string, pieceLogId: string, counted: number, at: Date) {
  const { quantity } = await db().pieceLog.findUniqueOrThrow({ where: { id: pieceLogId } });
  const result = await receiveLog(
    actorOf(world.coordinator),
    assignmentId,
    { pieceLogId, counted, reason: counted === quantity ? "" : "2 块有裂纹" },
    at,
    newSubmissionKey(),
  );
  if (!result.ok || !result.id) throw new Error(`test setup: receipt refused: ${JSON.stringify(result)}`);
  return result.id;
}

// 2026-04-01 00:30 in China is 2026-03-31 16:30 UTC.
const APRIL_FIRST_0030 = new Date("2026-03-31T16:30:00Z");
const MARCH_31_2330 = new Date("2026-03-31T15:30:00Z");

test("the month is China's: a log at 00:30 on the 1st (the day before in UTC) counts in the new month, one at 23:30 the night before in the old", async () => {
  const world = await createOrderWorld();
  const a = await assignmentFor(world);
  const lateMarch = await createSubmittedLog(a, { quantity: 7, at: MARCH_31_2330 });
  const earlyApril = await createSubmittedLog(a, { quantity: 5, at: APRIL_FIRST_0030 });
  const worker = workerScopeOf(world.workers[0]!);

  const april = await getWorkerMonth(worker, APRIL_FIRST_0030);
  expect(april.month).toBe("2026-04");
  expect(april.logged).toBe(5);
  expect(april.logs.map((l) => [l.id, l.loggedOn])).toEqual([[earlyApril, "2026-04-01"]]);

  // One minute before midnight in China it is still March.
  const march = await getWorkerMonth(worker, new Date("2026-03-31T15:59:00Z"));
  expect(march.month).toBe("2026-03");
  expect(march.logged).toBe(7);
  expect(march.logs.map((l) => [l.id, l.loggedOn])).toEqual([[lateMarch, "2026-03-31"]]);
});

test("received pieces are those of lots received this month (China time), whenever they were logged", async () => {
  const world = await createOrderWorld();
  const a = await assignmentFor(world);
  const worker = workerScopeOf(world.workers[0]!);
  const marchLog = await createSubmittedLog(a, { quantity: 10, at: new Date("2026-03-20T02:00:00Z") });
  const receivedInMarch = await createSubmittedLog(a, { quantity: 4, at: new Date("2026-03-20T03:00:00Z") });
  await receive(world, a, receivedInMarch, 4, MARCH_31_2330);
  // Logged in March, received at 00:30 on 1 April (China): April's.
  await receive(world, a, marchLog, 10, APRIL_FIRST_0030);

  const april = await getWorkerMonth(worker, APRIL_FIRST_0030);
  expect(april).toMatchObject({ logged: 0, received: 10, logs: [], logCount: 0 });
  const march = await getWorkerMonth(worker, MARCH_31_2330);
  expect(march).toMatchObject({ logged: 14, received: 4, logCount: 2 });
  expect(march.logs.map((l) => [l.id, l.status, l.receivedQuantity])).toEqual([
    [receivedInMarch, "received", 4],
    [marchLog, "received", 10],
  ]);
});

test("December rolls into January: the month's bounds cross the year", async () => {
  const world = await createOrderWorld();
  const a = await assignmentFor(world);
  const worker = workerScopeOf(world.workers[0]!);
  await createSubmittedLog(a, { quantity: 3, at: new Date("2026-12-31T15:00:00Z") }); // 23:00 on 31 Dec in China
  const newYear = await createSubmittedLog(a, { quantity: 8, at: new Date("2026-12-31T16:05:00Z") }); // 00:05 on 1 Jan
  await createSubmittedLog(a, { quantity: 2, at: new Date("2027-01-31T16:00:00Z") }); // 00:00 on 1 Feb

  const january = await getWorkerMonth(worker, new Date("2027-01-15T04:00:00Z"));
  expect(january.month).toBe("2027-01");
  expect(january.logged).toBe(8);
  expect(january.logs.map((l) => l.id)).toEqual([newYear]);
  const december = await getWorkerMonth(worker, new Date("2026-12-31T15:30:00Z"));
  expect(december).toMatchObject({ month: "2026-12", logged: 3 });
});

test("a cancelled log counts nowhere but is listed as cancelled with its reason; a short count shows the counted pieces and why", async () => {
  const world = await createOrderWorld();
  const a = await assignmentFor(world);
  const worker = workerScopeOf(world.workers[0]!);
  const at = (day: string, hour: string) => new Date(`2026-03-${day}T${hour}:00:00Z`);
  const short = await createSubmittedLog(a, { quantity: 30, at: at("02", "01") });
  const cancelled = await createSubmittedLog(a, { quantity: 12, at: at("03", "01") });
  const waiting = await createSubmittedLog(a, { quantity: 6, at: at("04", "01") });
  await receive(world, a, short, 28, at("05", "02"));
  const lot = await receive(world, a, cancelled, 12, at("05", "03"));
  const cancel = await cancelReceipt(
    actorOf(world.coordinator),
    a,
    { lotId: lot, reason: "收错了人" },
    newSubmissionKey(),
  );
  expect(cancel.ok).toBe(true);

  const month = await getWorkerMonth(worker, at("10", "02"));

  expect(month).toMatchObject({ month: "2026-03", logged: 30 + 6, received: 28, logCount: 3 });
  expect(month.logs).toEqual([
    expect.objectContaining({
      id: waiting,
      status: "submitted",
      quantity: 6,
      receivedQuantity: null,
      differenceReason: "",
    }),
    expect.objectContaining({
      id: cancelled,
      status: "cancelled",
      quantity: 12,
      receivedQuantity: null,
      cancelReason: "收错了人",
    }),
    expect.objectContaining({
      id: short,
      assignmentId: a,
      loggedOn: "2026-03-02",
      productName: world.product.name,
      productUnit: "piece",
      stepName: null,
      status: "received",
      quantity: 30,
      receivedQuantity: 28,
      differenceReason: "2 块有裂纹",
      cancelReason: "",
    }),
  ]);
  // The task card's "已报 X" is the assignment's own count: the 2 not counted went back to her, the cancelled 12 too.
  const [task] = await listWorkerAssignments(worker, at("10", "02"));
  expect(task).toMatchObject({ id: a, logged: 28 + 6, passed: 0 });
});

test("quality figures are 0 and marked unchecked until one of her lots of the month is checked", async () => {
  const world = await createOrderWorld();
  const a = await assignmentFor(world);
  const worker = workerScopeOf(world.workers[0]!);
  const when = new Date("2026-03-10T02:00:00Z");
  const log = await createSubmittedLog(a, { quantity: 9, at: when });
  const lot = await receive(world, a, log, 9, when);

  expect((await getWorkerMonth(worker, when)).quality).toEqual({
    checked: false,
    passed: 0,
    rework: 0,
    rejected: 0,
    reworkAtHome: 0,
  });
  // What the quality check does to a lot (ADR 021: it counts in the month of checkedOn); a checked lot still counts as received.
  await db().lot.update({
    where: { id: lot },
    data: { status: "checked", passedQuantity: 9, checkedOn: "2026-03-10", checkedAt: when },
  });
  const month = await getWorkerMonth(worker, when);
  expect(month.quality).toMatchObject({ checked: true, passed: 9 });
  expect(month.received).toBe(9);
});

test("another worker's logs, lots and material never show, in her workshop or under another workshop's scope", async () => {
  const world = await createOrderWorld({ workers: 2 });
  const mine = await assignmentFor(world, 100, 0);
  const theirs = await assignmentFor(world, 100, 1);
  const when = new Date("2026-03-10T02:00:00Z");
  const myLog = await createSubmittedLog(mine, { quantity: 2, at: when });
  const theirLog = await createSubmittedLog(theirs, { quantity: 50, at: when });
  await receive(world, theirs, theirLog, 50, when);
  const material = await createMaterialRow(world.workshop.id, { stockE3: e3("100") });
  const issued = await issueMaterial(actorOf(world.coordinator), theirs, material.id, e3("7.5"), newSubmissionKey());
  expect(issued.ok).toBe(true);

  const month = await getWorkerMonth(workerScopeOf(world.workers[0]!), when);
  expect(month).toMatchObject({ logged: 2, received: 0, logCount: 1, materials: [] });
  expect(month.logs.map((l) => l.id)).toEqual([myLog]);

  const elsewhere = await createOrderWorld();
  const foreign = await getWorkerMonth({ workshopId: elsewhere.workshop.id, userId: world.workers[1]!.id }, when);
  expect(foreign).toMatchObject({ logged: 0, received: 0, logCount: 0, logs: [], materials: [] });
});

test("the material she holds now is issued − returned across her assignments, exact to 0.001; what came back in full is not listed", async () => {
  const world = await createOrderWorld();
  const first = await assignmentFor(world);
  const second = await assignmentFor(world);
  const coordinator = actorOf(world.coordinator);
  const base = await createMaterialRow(world.workshop.id, { name: "皂基", unit: "kg", stockE3: e3("100") });
  const oil = await createMaterialRow(world.workshop.id, { name: "薰衣草精油", unit: "ml", stockE3: e3("100") });
  const box = await createMaterialRow(world.workshop.id, { name: "包装盒", unit: "piece", stockE3: e3("100") });
  const move = async (kind: "issue" | "return", assignmentId: string, materialId: string, q: string) => {
    const fn = kind === "issue" ? issueMaterial : returnMaterial;
    const result = await fn(coordinator, assignmentId, materialId, e3(q), newSubmissionKey());
    if (!result.ok) throw new Error(`test setup: ${kind} refused: ${JSON.stringify(result)}`);
  };
  await move("issue", first, base.id, "10.001");
  await move("return", first, base.id, "3.333");
  await move("issue", second, base.id, "0.001");
  await move("issue", first, oil.id, "0.3");
  await move("issue", second, box.id, "20");
  await move("return", second, box.id, "20");

  const month = await getWorkerMonth(workerScopeOf(world.workers[0]!), new Date("2026-03-10T02:00:00Z"));

  // In the ledger's order: by name as Chinese sorts it (薰 xūn before 皂 zào).
  expect(month.materials).toEqual([
    { materialId: oil.id, materialName: "薰衣草精油", unit: "ml", heldE3: 300n },
    { materialId: base.id, materialName: "皂基", unit: "kg", heldE3: 6_669n },
  ]);
});

test("at most the newest 20 logs are listed (newest first), the figures count them all", async () => {
  const world = await createOrderWorld();
  const a = await assignmentFor(world, 500);
  const worker = workerScopeOf(world.workers[0]!);
  const ids: string[] = [];
  for (let n = 0; n < MONTH_LOGS_SHOWN + 2; n++) {
    // Two logs a day from 1 March, 08:00 and 09:00 China time.
    const day = String(1 + Math.floor(n / 2)).padStart(2, "0");
    const at = new Date(`2026-03-${day}T0${n % 2}:00:00Z`);
    ids.push(await createSubmittedLog(a, { quantity: n + 1, at }));
  }

  const month = await getWorkerMonth(worker, new Date("2026-03-20T02:00:00Z"));

  expect(month.logCount).toBe(MONTH_LOGS_SHOWN + 2);
  expect(month.logged).toBe(((MONTH_LOGS_SHOWN + 2) * (MONTH_LOGS_SHOWN + 3)) / 2);
  expect(month.logs.map((l) => l.id)).toEqual(ids.slice(2).reverse());
});

test("a log of a process step names the step", async () => {
  const world = await createOrderWorld();
  const a = await assignmentFor(world);
  const step = await db().processStep.create({
    data: { workshopId: world.workshop.id, productId: world.product.id, name: "包装" },
    select: { id: true },
  });
  await createSubmittedLog(a, { quantity: 4, at: new Date("2026-03-09T02:00:00Z"), processStepId: step.id });

  const month = await getWorkerMonth(workerScopeOf(world.workers[0]!), new Date("2026-03-10T02:00:00Z"));
  expect(month.logs).toEqual([expect.objectContaining({ stepName: "包装", quantity: 4 })]);
});

test("the home page's loader sends her month as text: the month's name, the days, the material in its unit", async () => {
  const world = await createOrderWorld();
  const a = await assignmentFor(world, 40);
  const now = new Date();
  const log = await createSubmittedLog(a, { quantity: 3, at: now });
  const material = await createMaterialRow(world.workshop.id, { name: "丝带", unit: "m", stockE3: e3("10") });
  const issued = await issueMaterial(actorOf(world.coordinator), a, material.id, e3("1.25"), newSubmissionKey());
  expect(issued.ok).toBe(true);
  const cookie = await loginAs(world.workers[0]!);

  const home = await callLoader(workerHomeLoader, "/worker", cookie);

  expect(home.status).toBe(200);
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const monthNumber = china.getUTCMonth() + 1;
  expect(home.data).toMatchObject({
    month: {
      month: `${monthNumber}月`,
      logged: 3,
      received: 0,
      quality: { checked: false, passed: 0 },
      materials: [{ id: material.id, name: "丝带", unit: "m", quantity: "1.25" }],
      logs: [{ id: log, assignmentId: a, day: `${monthNumber}月${china.getUTCDate()}日`, status: "submitted" }],
      logCount: 1,
    },
    tasks: [{ id: a, logged: 3, quantity: 40, active: true, done: false }],
  });
});

test("her month lists the deductions charged to her for months not settled yet, with the reason; not waived ones, not a settled month's, not another worker's", async () => {
  const world = await createOrderWorld({ workers: 2 });
  const material = await createMaterialRow(world.workshop.id, { name: "皂基", unitCostE4: 280_000n });
  const now = new Date("2026-11-20T04:00:00Z");
  const row = async (workerIndex: number, month: string, amountFen: bigint, status: string, reason: string) => {
    const assignmentId = await assignmentFor(world, 10, workerIndex);
    await db().materialDeduction.create({
      data: {
        workshopId: world.workshop.id,
        workerId: world.workers[workerIndex]!.id,
        assignmentId,
        materialId: material.id,
        proposedFen: amountFen,
        amountFen,
        status,
        reason,
        month,
        decidedById: world.coordinator.id,
      },
    });
  };
  await row(0, "2026-11", 2_800n, "charged", "");
  await row(0, "2026-12", 150n, "charged", "少扣一半");
  await row(0, "2026-11", 0n, "waived", "料有瑕疵");
  await row(0, "2026-09", 999n, "charged", "");
  await row(0, "2026-10", 500n, "charged", "");
  await row(1, "2026-11", 777n, "charged", "");
  await db().payPeriod.create({
    data: {
      workshopId: world.workshop.id,
      month: "2026-10",
      workerCount: 0,
      grossFen: 0n,
      taxFen: 0n,
      chargesFen: 0n,
      netFen: 0n,
      settledById: world.coordinator.id,
    },
  });
  const month = await getWorkerMonth(workerScopeOf(world.workers[0]!), now);
  expect(month.deductions.map((d) => [d.month, d.amountFen, d.reason, d.materialName])).toEqual([
    ["2026-11", 2_800n, "", "皂基"],
    ["2026-12", 150n, "少扣一半", "皂基"],
  ]);
});
