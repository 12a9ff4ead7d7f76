// Piece-rate versions through the model (app/models/rates.server.ts) on a real
// database: versions by effective date, in-place correction only while unused,
// frozen once used, the fair-rate confirmation with its audit trail, and
// workshop isolation. docs/domain.md step 2 and "Money rules".
import { expect, test } from "vitest";
import { rateToString } from "../../app/domain/money.ts";
import {
  checkFairRate,
  listRateVersions,
  markRateUsed,
  rateInForceOn,
  setRate,
  type SetRateInput,
} from "../../app/models/rates.server.ts";
import { db } from "../../app/infra/db.server.ts";
import {
  NOW,
  TODAY,
  actorOf,
  auditJsonOf,
  auditOf,
  createTestProduct,
  rateOf,
  setMinimumWage,
} from "../support/catalogue-fixtures.ts";
import { createCoordinatorUser, createWorkshopWithStaff } from "../support/fixtures.ts";

function input(productId: string, rate: string, effectiveOn: string, extra: Partial<SetRateInput> = {}): SetRateInput {
  return {
    productId,
    processStepId: null,
    rate: rateOf(rate),
    effectiveOn,
    reason: `调价 ${rate}`,
    confirmBelowMinimum: false,
    belowMinimumReason: "",
    ...extra,
  };
}

async function setup(options: { minimumFen?: bigint | null; standardMinutesE2?: number | null } = {}) {
  const { workshop, coordinator } = await createWorkshopWithStaff();
  await setMinimumWage(workshop.id, options.minimumFen ?? null);
  const product = await createTestProduct(workshop.id, {
    standardMinutesE2: options.standardMinutesE2 === undefined ? 600 : options.standardMinutesE2,
  });
  return { workshop, coordinator, actor: actorOf(coordinator), product };
}

async function rateRows(productId: string) {
  return db().pieceRate.findMany({ where: { productId }, orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }] });
}

async function inForce(workshopId: string, productId: string, date: string) {
  const found = await rateInForceOn(workshopId, productId, null, date);
  return found && { rate: rateToString(found.rate), effectiveOn: found.effectiveOn, id: found.id };
}

async function markUsed(workshopId: string, rateId: string) {
  await db().$transaction(async (tx) => {
    await markRateUsed(tx, workshopId, rateId, NOW);
  });
}

test("a rate is in force from its effective date on, and not before", async () => {
  const { workshop, actor, product } = await setup();
  const result = await setRate(actor, input(product.id, "0.3500", "2026-03-01"), NOW);
  expect(result).toMatchObject({ ok: true, replaced: false });

  expect(await inForce(workshop.id, product.id, "2026-02-28")).toBeNull();
  expect(await inForce(workshop.id, product.id, "2026-03-01")).toMatchObject({
    rate: "0.3500",
    effectiveOn: "2026-03-01",
  });
  expect(await inForce(workshop.id, product.id, "2026-12-31")).toMatchObject({
    rate: "0.3500",
    effectiveOn: "2026-03-01",
  });

  const [row] = await rateRows(product.id);
  expect(row).toMatchObject({
    rateE4: 3500n,
    effectiveOn: "2026-03-01",
    workshopId: workshop.id,
    setById: actor.userId,
    belowMinimum: false,
    usedAt: null,
  });
});

test("a later version supersedes from its date on; the history keeps both", async () => {
  const { workshop, actor, product } = await setup();
  const first = await setRate(actor, input(product.id, "0.3500", "2026-03-01"), NOW);
  const second = await setRate(actor, input(product.id, "0.4000", "2026-03-20"), NOW);
  expect(first.ok && second.ok).toBe(true);
  expect(first.ok && second.ok && first.id !== second.id).toBe(true);

  expect(await inForce(workshop.id, product.id, "2026-03-19")).toMatchObject({ rate: "0.3500" });
  expect(await inForce(workshop.id, product.id, "2026-03-20")).toMatchObject({ rate: "0.4000" });
  expect(await inForce(workshop.id, product.id, "2027-01-01")).toMatchObject({ rate: "0.4000" });

  const history = await listRateVersions(workshop.id, product.id);
  expect(history.map((h) => [h.effectiveOn, h.rateE4])).toEqual([
    ["2026-03-20", 4000n],
    ["2026-03-01", 3500n],
  ]);
  expect(history.every((h) => h.used === false)).toBe(true);
});

test("setting the same effective date again while unused corrects the version in place, audited as rate.update with before/after", async () => {
  const { workshop, actor, product } = await setup();
  const first = await setRate(actor, input(product.id, "0.3500", "2026-03-01"), NOW);
  if (!first.ok) throw new Error("setup");
  const second = await setRate(actor, input(product.id, "0.3800", "2026-03-01", { reason: "时间测试后更正" }), NOW);
  expect(second).toMatchObject({ ok: true, id: first.id, replaced: true });

  const rows = await rateRows(product.id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ id: first.id, rateE4: 3800n, reason: "时间测试后更正" });
  expect(await inForce(workshop.id, product.id, "2026-03-01")).toMatchObject({ rate: "0.3800", id: first.id });

  const events = await auditOf(first.id);
  expect(events.map((e) => e.action)).toEqual(["rate.create", "rate.update"]);
  const update = events[1];
  expect(update).toMatchObject({ actorId: actor.userId, workshopId: workshop.id, entityType: "PieceRate" });
  expect(auditJsonOf(update?.before)).toMatchObject({ rateE4: "3500", reason: "调价 0.3500" });
  expect(auditJsonOf(update?.after)).toMatchObject({
    rateE4: "3800",
    reason: "时间测试后更正",
    effectiveOn: "2026-03-01",
    productId: product.id,
  });
});

test("once used, a version is frozen: the same-day change is refused and the row stays byte-identical", async () => {
  const { workshop, actor, product } = await setup();
  const first = await setRate(actor, input(product.id, "0.3500", "2026-03-01"), NOW);
  if (!first.ok) throw new Error("setup");
  await markUsed(workshop.id, first.id);
  const before = await db().pieceRate.findUniqueOrThrow({ where: { id: first.id } });
  expect(before.usedAt?.getTime()).toBe(NOW.getTime());
  const auditBefore = await db().auditEvent.count();

  const result = await setRate(actor, input(product.id, "0.3000", "2026-03-01"), NOW);
  expect(result).toEqual({ ok: false, code: "rateUsed" });

  const after = await db().pieceRate.findUniqueOrThrow({ where: { id: first.id } });
  expect(after).toStrictEqual(before);
  expect(await rateRows(product.id)).toHaveLength(1);
  expect(await db().auditEvent.count()).toBe(auditBefore);
  expect((await listRateVersions(workshop.id, product.id))[0]?.used).toBe(true);
});

test("a retroactive version taking over a used day is refused; a future-dated version is accepted", async () => {
  const { workshop, actor, product } = await setup();
  const first = await setRate(actor, input(product.id, "0.3500", "2026-03-01"), NOW);
  if (!first.ok) throw new Error("setup");
  await markUsed(workshop.id, first.id);

  for (const date of ["2026-03-05", TODAY, "2026-02-01"]) {
    expect(await setRate(actor, input(product.id, "0.3000", date), NOW), date).toEqual({ ok: false, code: "rateUsed" });
  }
  expect(await rateRows(product.id)).toHaveLength(1);

  const future = await setRate(actor, input(product.id, "0.4200", "2026-03-11"), NOW);
  expect(future).toMatchObject({ ok: true, replaced: false });
  expect(await inForce(workshop.id, product.id, TODAY)).toMatchObject({ rate: "0.3500", id: first.id });
  expect(await inForce(workshop.id, product.id, "2026-03-11")).toMatchObject({ rate: "0.4200" });
  expect(await rateRows(product.id)).toHaveLength(2);
});

test("an unused version may still be corrected after an older version was used", async () => {
  const { workshop, actor, product } = await setup();
  const old = await setRate(actor, input(product.id, "0.3500", "2026-02-01"), NOW);
  const current = await setRate(actor, input(product.id, "0.3600", "2026-03-01"), NOW);
  if (!old.ok || !current.ok) throw new Error("setup");
  await markUsed(workshop.id, old.id);

  expect(await setRate(actor, input(product.id, "0.3700", "2026-03-01"), NOW)).toMatchObject({
    ok: true,
    id: current.id,
    replaced: true,
  });
  expect(await setRate(actor, input(product.id, "0.3650", "2026-03-05"), NOW)).toMatchObject({
    ok: true,
    replaced: false,
  });
  expect(await inForce(workshop.id, product.id, "2026-03-04")).toMatchObject({ rate: "0.3700" });
  expect(await inForce(workshop.id, product.id, "2026-03-05")).toMatchObject({ rate: "0.3650" });
  expect(await inForce(workshop.id, product.id, "2026-02-15")).toMatchObject({ rate: "0.3500", id: old.id });
});

test("markRateUsed keeps the first use: a second call does not move usedAt", async () => {
  const { workshop, actor, product } = await setup();
  const first = await setRate(actor, input(product.id, "0.3500", "2026-03-01"), NOW);
  if (!first.ok) throw new Error("setup");
  await markUsed(workshop.id, first.id);
  await db().$transaction(async (tx) => {
    await markRateUsed(tx, workshop.id, first.id, new Date(NOW.getTime() + 86_400_000));
  });
  const row = await db().pieceRate.findUniqueOrThrow({ where: { id: first.id } });
  expect(row.usedAt?.getTime()).toBe(NOW.getTime());
});

test("below the minimum wage without confirmation: needsConfirmation, and nothing is written", async () => {
  const { actor, product } = await setup({ minimumFen: 2300n, standardMinutesE2: 600 });
  const audit = await db().auditEvent.count();

  const result = await setRate(actor, input(product.id, "2.00", "2026-03-01"), NOW);
  expect(result.ok).toBe(false);
  if (result.ok || result.code !== "needsConfirmation")
    throw new Error(
      `expected needsConfirmation, got ${JSON.stringify(result, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))}`,
    );
  expect(result.check.status).toBe("belowMinimum");
  if (result.check.status === "unknown") throw new Error("unreachable");
  expect(result.check.impliedHourly.minor).toBe(2000n);
  expect(result.check.minimum.minor).toBe(2300n);

  // Confirming without a reason (or a blank one) is not enough either.
  for (const belowMinimumReason of ["", "   ", "\u3000"]) {
    expect(
      await setRate(
        actor,
        input(product.id, "2.00", "2026-03-01", { confirmBelowMinimum: true, belowMinimumReason }),
        NOW,
      ),
    ).toMatchObject({
      ok: false,
      code: "needsConfirmation",
    });
  }
  // A reason without the confirmation neither.
  expect(
    await setRate(actor, input(product.id, "2.00", "2026-03-01", { belowMinimumReason: "试产期" }), NOW),
  ).toMatchObject({ ok: false, code: "needsConfirmation" });

  expect(await rateRows(product.id)).toHaveLength(0);
  expect(await db().auditEvent.count()).toBe(audit);
});

test("below the minimum wage with confirmation and a reason: stored as belowMinimum, audited with the reason and the figures", async () => {
  const { workshop, actor, product } = await setup({ minimumFen: 2300n, standardMinutesE2: 600 });
  const result = await setRate(
    actor,
    input(product.id, "2.00", "2026-03-01", {
      confirmBelowMinimum: true,
      belowMinimumReason: " 新品试产，两周后按时间测试调整 ",
    }),
    NOW,
  );
  expect(result).toMatchObject({ ok: true, replaced: false });
  if (!result.ok) throw new Error("unreachable");

  const rows = await rateRows(product.id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    id: result.id,
    rateE4: 20_000n,
    belowMinimum: true,
    belowMinimumReason: "新品试产，两周后按时间测试调整",
  });

  const events = await auditOf(result.id);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    action: "rate.create.belowMinimum",
    actorId: actor.userId,
    workshopId: workshop.id,
    entityType: "PieceRate",
    before: null,
  });
  const after = auditJsonOf(events[0]?.after);
  expect(after).toMatchObject({
    belowMinimum: true,
    belowMinimumReason: "新品试产，两周后按时间测试调整",
    rateE4: "20000",
    effectiveOn: "2026-03-01",
    fairCheck: { status: "belowMinimum", impliedHourlyFen: "2000", minimumFen: "2300", fairTargetFen: "2760" },
  });

  const check = await checkFairRate(workshop.id, product.id, rateOf("2.00"));
  expect(check?.status).toBe("belowMinimum");
});

test("at or above the minimum no confirmation is needed; the check is kept in the audit (belowFair / fair / unknown)", async () => {
  const { actor, product } = await setup({ minimumFen: 2300n, standardMinutesE2: 600 });
  const atMinimum = await setRate(actor, input(product.id, "2.30", "2026-03-01"), NOW);
  expect(atMinimum).toMatchObject({ ok: true, check: { status: "belowFair" } });
  const fair = await setRate(actor, input(product.id, "2.76", "2026-03-02"), NOW);
  expect(fair).toMatchObject({ ok: true, check: { status: "fair" } });
  if (!atMinimum.ok || !fair.ok) throw new Error("unreachable");
  expect(auditJsonOf((await auditOf(atMinimum.id))[0]?.after)).toMatchObject({
    belowMinimum: false,
    belowMinimumReason: "",
    fairCheck: { status: "belowFair", impliedHourlyFen: "2300" },
  });
  expect((await rateRows(product.id)).map((r) => r.belowMinimum)).toEqual([false, false]);

  // Without standard minutes the check is unknown and the rate is stored without a flag.
  const unmeasured = await setup({ minimumFen: 2300n, standardMinutesE2: null });
  const unknown = await setRate(unmeasured.actor, input(unmeasured.product.id, "0.0100", "2026-03-01"), NOW);
  expect(unknown).toMatchObject({ ok: true, check: { status: "unknown", reason: "noStandardMinutes" } });
});

test("a coordinator of another workshop can neither set nor read a rate on this product", async () => {
  const { workshop, actor, product } = await setup({ minimumFen: 2300n });
  const mine = await setRate(actor, input(product.id, "2.5000", "2026-03-01"), NOW);
  if (!mine.ok) throw new Error("setup");
  const other = await createWorkshopWithStaff();
  const outsider = actorOf(other.coordinator);
  const audit = await db().auditEvent.count();

  expect(await setRate(outsider, input(product.id, "9.0000", "2026-03-01"), NOW)).toEqual({
    ok: false,
    code: "notFound",
  });
  expect(await setRate(outsider, input(product.id, "9.0000", "2026-03-20"), NOW)).toEqual({
    ok: false,
    code: "notFound",
  });
  expect(await rateInForceOn(other.workshop.id, product.id, null, "2026-03-05")).toBeNull();
  expect(await listRateVersions(other.workshop.id, product.id)).toEqual([]);
  expect(await checkFairRate(other.workshop.id, product.id, rateOf("1.00"))).toBeNull();

  const rows = await rateRows(product.id);
  expect(rows.map((r) => [r.id, r.rateE4])).toEqual([[mine.id, 25_000n]]);
  expect(await db().auditEvent.count()).toBe(audit);
  // A second coordinator of the SAME workshop can (the scope is the workshop, not the person).
  const colleague = await createCoordinatorUser(workshop.id);
  expect(await setRate(actorOf(colleague), input(product.id, "2.6000", "2026-03-01"), NOW)).toMatchObject({
    ok: true,
    replaced: true,
    id: mine.id,
  });
});

test("archived products, unknown products and other products' steps take no rates", async () => {
  const { workshop, actor } = await setup();
  const archived = await createTestProduct(workshop.id, { archived: true });
  expect(await setRate(actor, input(archived.id, "0.3500", "2026-03-01"), NOW)).toEqual({
    ok: false,
    code: "notFound",
  });
  expect(await setRate(actor, input("no-such-product", "0.3500", "2026-03-01"), NOW)).toEqual({
    ok: false,
    code: "notFound",
  });

  const soap = await createTestProduct(workshop.id);
  const flowers = await createTestProduct(workshop.id);
  const step = await db().processStep.create({
    data: { workshopId: workshop.id, productId: flowers.id, name: "包装" },
    select: { id: true },
  });
  expect(await setRate(actor, input(soap.id, "0.3500", "2026-03-01", { processStepId: step.id }), NOW)).toEqual({
    ok: false,
    code: "notFound",
  });
  // On its own product the step takes a rate, separate from the whole-product rate.
  expect(
    await setRate(actor, input(flowers.id, "0.1200", "2026-03-01", { processStepId: step.id }), NOW),
  ).toMatchObject({ ok: true });
  expect(await rateInForceOn(workshop.id, flowers.id, step.id, "2026-03-02")).toMatchObject({
    effectiveOn: "2026-03-01",
  });
  expect(await rateInForceOn(workshop.id, flowers.id, null, "2026-03-02")).toBeNull();
  expect(await db().pieceRate.count({ where: { productId: { in: [archived.id, soap.id] } } })).toBe(0);
});
