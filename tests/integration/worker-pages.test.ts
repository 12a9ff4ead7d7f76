// The worker's pages read their data in single SQL queries (the task list and
// the claim list each with the rate in force, the account from the viewer
// lookup): these tests pin what those queries answer, on both engines, so the
// speed-up changes nothing a worker sees.
import { expect, test } from "vitest";
import { maskPhone } from "../../app/domain/phone.ts";
import { listOpenWork, listWorkerAssignments } from "../../app/models/order.server.ts";
import { loader as accountLoader } from "../../app/routes/account.tsx";
import { loader as claimLoader } from "../../app/routes/worker.claim.tsx";
import { loader as workerHomeLoader } from "../../app/routes/worker._index.tsx";
import { db } from "../../app/infra/db.server.ts";
import {
  NOW,
  createOrderRow,
  createOrderWorld,
  createTestProduct,
  workerScopeOf,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";
import {
  callLoader,
  createAdminUser,
  createPartnerFirm,
  createPartnerUser,
  createTestWorkshop,
  createWorkerUser,
  loginAs,
} from "../support/fixtures.ts";

type RateRow = { effectiveOn: string; rateE4: bigint; processStepId?: string; workshopId?: string };

async function setRates(world: OrderWorld, productId: string, rows: RateRow[]) {
  for (const row of rows) {
    await db().pieceRate.create({
      data: {
        workshopId: row.workshopId ?? world.workshop.id,
        productId,
        processStepId: row.processStepId ?? null,
        rateE4: row.rateE4,
        effectiveOn: row.effectiveOn,
        reason: "test",
        setById: world.coordinator.id,
      },
    });
  }
}

/** The rate history the lists must read: in force on 2026-03-10 (China) is 2.60. */
async function rateHistory(world: OrderWorld, productId: string) {
  const step = await db().processStep.create({
    data: { workshopId: world.workshop.id, productId, name: "包装" },
    select: { id: true },
  });
  await setRates(world, productId, [
    { effectiveOn: "2026-01-01", rateE4: 20_000n },
    { effectiveOn: "2026-03-01", rateE4: 26_000n },
    { effectiveOn: "2026-02-01", rateE4: 25_000n },
    // Not yet in force (tomorrow in China), and a process step's rate: neither counts.
    { effectiveOn: "2026-03-11", rateE4: 99_000n },
    { effectiveOn: "2026-03-05", rateE4: 88_000n, processStepId: step.id },
  ]);
}

async function assignmentRow(
  world: OrderWorld,
  input: { orderId: string; productId: string; workerIndex: number; quantity: number; dueOn: string; status?: string },
) {
  const row = await db().assignment.create({
    data: {
      workshopId: world.workshop.id,
      orderId: input.orderId,
      productId: input.productId,
      workerId: world.workers[input.workerIndex]!.id,
      quantity: input.quantity,
      dueOn: input.dueOn,
      source: "assigned",
      status: input.status ?? "active",
      createdById: world.coordinator.id,
    },
    select: { id: true },
  });
  return row.id;
}

test("the task list: her own active and done tasks (open first, soonest due first), each with the rate in force today", async () => {
  const world = await createOrderWorld();
  const unrated = await createTestProduct(world.workshop.id, { name: "永生玫瑰礼盒" });
  await rateHistory(world, world.product.id);
  const orderId = await createOrderRow(world, { quantity: 1000 });
  const base = { orderId, productId: world.product.id, workerIndex: 0 };
  const later = await assignmentRow(world, { ...base, quantity: 30, dueOn: "2026-03-20" });
  const sooner = await assignmentRow(world, { ...base, quantity: 20, dueOn: "2026-03-12" });
  const done = await assignmentRow(world, { ...base, quantity: 10, dueOn: "2026-03-01", status: "done" });
  await assignmentRow(world, { ...base, quantity: 40, dueOn: "2026-03-11", status: "cancelled" });
  const noRate = await assignmentRow(world, { ...base, productId: unrated.id, quantity: 5, dueOn: "2026-03-15" });
  // Another worker's task in the same workshop.
  await assignmentRow(world, { ...base, workerIndex: 1, quantity: 99, dueOn: "2026-03-10" });

  const list = await listWorkerAssignments(workerScopeOf(world.workers[0]!), NOW);

  expect(list.map((a) => [a.id, a.quantity, a.status, a.rate?.minor ?? null])).toEqual([
    [sooner, 20, "active", 26_000n],
    [noRate, 5, "active", null],
    [later, 30, "active", 26_000n],
    [done, 10, "done", 26_000n],
  ]);
  expect(list[0]).toMatchObject({ productName: world.product.name, productUnit: "piece", dueOn: "2026-03-12" });
  expect(list[1]).toMatchObject({ productName: "永生玫瑰礼盒" });
});

test("a rate set by another workshop for the same product id never prices her tasks", async () => {
  const world = await createOrderWorld();
  const elsewhere = await createTestWorkshop();
  await setRates(world, world.product.id, [{ effectiveOn: "2026-01-01", rateE4: 55_000n, workshopId: elsewhere.id }]);
  const orderId = await createOrderRow(world, { quantity: 100 });
  await assignmentRow(world, {
    orderId,
    productId: world.product.id,
    workerIndex: 0,
    quantity: 10,
    dueOn: "2026-03-12",
  });

  const [task] = await listWorkerAssignments(workerScopeOf(world.workers[0]!), NOW);
  expect(task?.rate).toBeNull();
});

test("the claim list: accepted orders with open pieces, soonest due first, with the rate in force today", async () => {
  const world = await createOrderWorld();
  await rateHistory(world, world.product.id);
  const open = async (dueOn: string, openQuantity: number, status = "accepted") => {
    const id = await createOrderRow(world, { quantity: 500, dueOn, status });
    await db().order.update({ where: { id }, data: { openQuantity, allocatedQuantity: openQuantity } });
    return id;
  };
  const later = await open("2026-04-30", 25);
  const sooner = await open("2026-03-31", 10);
  await open("2026-03-20", 0); // nothing open
  await open("2026-03-20", 30, "pending"); // not accepted

  const list = await listOpenWork(workerScopeOf(world.workers[0]!), NOW);

  expect(list.map((w) => [w.orderId, w.open, w.dueOn, w.rate?.minor ?? null])).toEqual([
    [sooner, 10, "2026-03-31", 26_000n],
    [later, 25, "2026-04-30", 26_000n],
  ]);
  expect(list[0]).toMatchObject({ productName: world.product.name, productUnit: "piece" });
});

test("the worker's pages answer with her workshop, her tasks and the money as text", async () => {
  const world = await createOrderWorld();
  await setRates(world, world.product.id, [{ effectiveOn: "2026-01-01", rateE4: 25_000n }]);
  const orderId = await createOrderRow(world, { quantity: 1000, dueOn: "2099-12-31" });
  await db().order.update({ where: { id: orderId }, data: { openQuantity: 100, allocatedQuantity: 100 } });
  await assignmentRow(world, {
    orderId,
    productId: world.product.id,
    workerIndex: 0,
    quantity: 41,
    dueOn: "2099-12-31",
  });
  const cookie = await loginAs(world.workers[0]!);

  const home = await callLoader(workerHomeLoader, "/worker", cookie);
  expect(home.status).toBe(200);
  expect(home.data).toMatchObject({
    name: world.workers[0]!.name,
    workshopName: world.workshop.name,
    tasks: [{ quantity: 41, rate: "¥2.50", estimate: "¥102.50", due: "later", source: "assigned", done: false }],
  });

  const claim = await callLoader(claimLoader, "/worker/claim", cookie);
  expect(claim.data).toMatchObject({ work: [{ orderId, open: 100, rate: "¥2.50" }] });
});

test("the account page shows each person's own name, masked phone, workshop and firm", async () => {
  const workshop = await createTestWorkshop();
  const worker = await createWorkerUser(workshop.id);
  const firm = await createPartnerFirm(workshop.id);
  const partner = await createPartnerUser(firm);
  const admin = await createAdminUser();

  const of = async (user: typeof worker) => (await callLoader(accountLoader, "/account", await loginAs(user))).data;

  expect(await of(worker)).toEqual({
    role: "worker",
    mustChangePassword: false,
    unreadNotices: 0,
    account: {
      name: worker.name,
      phone: maskPhone(worker.phone),
      workshopName: workshop.name,
      partnerName: null,
    },
  });
  expect(await of(partner)).toMatchObject({
    role: "partner",
    account: { name: partner.name, workshopName: workshop.name, partnerName: firm.name },
  });
  expect(await of(admin)).toMatchObject({ role: "admin", account: { workshopName: null, partnerName: null } });
});
