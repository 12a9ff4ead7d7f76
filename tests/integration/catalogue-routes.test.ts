// The coordinator's catalogue pages through their loaders and actions, as
// Remix calls them (a logged-in Request with FormData): products, bill of
// materials, piece rates with the fair-rate check and its below-minimum
// confirmation, materials and the minimum-wage setting. Bad input answers 400
// with dictionary keys and writes nothing; another workshop's product is a 404.
import { expect, test } from "vitest";
import { markRateUsed } from "../../app/models/rates.server.ts";
import * as materialsPage from "../../app/routes/coordinator.materials._index.tsx";
import * as productPage from "../../app/routes/coordinator.products.$productId.tsx";
import * as productList from "../../app/routes/coordinator.products._index.tsx";
import * as settingsPage from "../../app/routes/coordinator.settings.tsx";
import { db } from "../../app/infra/db.server.ts";
import { NOW, auditJsonOf, createTestProduct, setMinimumWage } from "../support/catalogue-fixtures.ts";
import {
  callAction,
  callLoader,
  createCoordinatorUser,
  createWorkshopWithStaff,
  location,
  loginAs,
  noticeOf,
  type Fields,
} from "../support/fixtures.ts";

/** A workshop (minimum wage 23.00/h) with a 6-minute soap, its coordinator logged in. */
async function setup() {
  const { workshop, coordinator, worker } = await createWorkshopWithStaff();
  await setMinimumWage(workshop.id, 2300n);
  const product = await createTestProduct(workshop.id, { standardMinutesE2: 600 });
  return { workshop, coordinator, worker, product, cookie: await loginAs(coordinator) };
}

type World = Awaited<ReturnType<typeof setup>>;

function postProduct(w: World, fields: Fields, cookie = w.cookie) {
  return callAction(productPage.action, `/coordinator/products/${w.product.id}`, fields, cookie, {
    params: { productId: w.product.id },
  });
}

function loadProduct(w: World, cookie = w.cookie) {
  return callLoader(productPage.loader, `/coordinator/products/${w.product.id}`, cookie, {
    params: { productId: w.product.id },
  });
}

function rateFields(rate: string, extra: Fields = {}): Fields {
  return { intent: "rate", processStepId: "", rate, effectiveOn: "2026-03-01", reason: "春季调价", ...extra };
}

function rateRows(productId: string) {
  return db().pieceRate.findMany({ where: { productId } });
}

type RateAnswer = {
  fieldErrors: Record<string, string>;
  formError?: string;
  needsConfirmation: boolean;
  rateCheck: { status: string; impliedHourly?: string; minimum?: string; fairTarget?: string } | null;
};

// ---------------------------------------------------------------------------
// Products

test("creating a product with an empty name and standard minutes 1.234 answers 400 with both errors and creates nothing", async () => {
  const w = await setup();
  const before = await db().product.count({ where: { workshopId: w.workshop.id } });
  const outcome = await callAction(
    productList.action,
    "/coordinator/products",
    { name: "", unit: "piece", standardMinutes: "1.234", lossAllowance: "3", qualityStandard: "" },
    w.cookie,
  );
  expect(outcome.status).toBe(400);
  expect(outcome.thrown).toBe(false);
  const answer = outcome.data as { fieldErrors: Record<string, string>; values: Record<string, string> };
  expect(answer.fieldErrors).toEqual({
    name: "error.required",
    standardMinutes: "error.tooManyDecimals?maxDecimals=2",
  });
  expect(answer.values.standardMinutes).toBe("1.234");
  expect(await db().product.count({ where: { workshopId: w.workshop.id } })).toBe(before);
});

test("a valid product is created exactly (minutes and loss as x100 integers) and the page redirects to it; a second one with the same name is refused", async () => {
  const w = await setup();
  const fields = {
    name: "永生花礼盒",
    unit: "box",
    standardMinutes: "12.5",
    lossAllowance: "3.5",
    qualityStandard: "花瓣完整",
  };
  const outcome = await callAction(productList.action, "/coordinator/products", fields, w.cookie);
  expect(outcome.status).toBe(302);
  const created = await db().product.findFirstOrThrow({ where: { workshopId: w.workshop.id, name: "永生花礼盒" } });
  expect(location(outcome)).toBe(`/coordinator/products/${created.id}`);
  expect(await noticeOf(outcome, w.cookie)).toMatchObject({ key: "products.created" });
  expect(created).toMatchObject({
    unit: "box",
    standardMinutesE2: 1250,
    lossAllowanceE2: 350,
    qualityStandard: "花瓣完整",
  });

  const again = await callAction(productList.action, "/coordinator/products", fields, w.cookie);
  expect(again.status).toBe(400);
  expect((again.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({ name: "catalogue.nameTaken" });
  expect(await db().product.count({ where: { workshopId: w.workshop.id, name: "永生花礼盒" } })).toBe(1);
});

test("the product list shows today's whole-piece rate as formatted text, and archived products only on request, after the active ones", async () => {
  const w = await setup();
  const archived = await createTestProduct(w.workshop.id, { archived: true });
  const later = await createTestProduct(w.workshop.id);
  await db().pieceRate.create({
    data: {
      workshopId: w.workshop.id,
      productId: w.product.id,
      rateE4: 25_000n,
      effectiveOn: "2026-01-01",
      reason: "定价",
      setById: w.coordinator.id,
    },
  });

  const plain = await callLoader(productList.loader, "/coordinator/products", w.cookie);
  const rows = (
    plain.data as {
      products: { id: string; rate: { amount: string; effectiveOn: string } | null; standardMinutes: string | null }[];
    }
  ).products;
  expect(rows.map((p) => p.id)).toEqual([w.product.id, later.id]);
  expect(rows[0]?.rate).toEqual({ amount: "¥2.50", effectiveOn: "2026-01-01" });
  expect(rows[0]?.standardMinutes).toBe("6");
  expect(rows[1]?.rate).toBeNull();

  const all = await callLoader(productList.loader, "/coordinator/products?archived=1", w.cookie);
  const allRows = (all.data as { products: { id: string; archived: boolean }[] }).products;
  expect(allRows.map((p) => [p.id, p.archived])).toEqual([
    [w.product.id, false],
    [later.id, false],
    [archived.id, true],
  ]);
});

test("editing details with a name another product has answers 400 nameTaken and changes nothing; archive and restore are audited", async () => {
  const w = await setup();
  const other = await createTestProduct(w.workshop.id);
  const outcome = await postProduct(w, {
    intent: "details",
    name: other.name,
    unit: "piece",
    standardMinutes: "7",
    lossAllowance: "",
  });
  expect(outcome.status).toBe(400);
  expect((outcome.data as { fieldErrors: Record<string, string>; values: Record<string, string> }).fieldErrors).toEqual(
    { name: "catalogue.nameTaken" },
  );
  expect((outcome.data as { values: Record<string, string> }).values.intent).toBe("details");
  expect(await db().product.findUniqueOrThrow({ where: { id: w.product.id } })).toMatchObject({
    name: w.product.name,
    standardMinutesE2: 600,
  });

  const archived = await postProduct(w, { intent: "archive" });
  expect(location(archived)).toBe(`/coordinator/products/${w.product.id}`);
  expect(await noticeOf(archived, w.cookie)).toMatchObject({ key: "products.archivedDone" });
  expect((await db().product.findUniqueOrThrow({ where: { id: w.product.id } })).archivedAt).not.toBeNull();
  const restored = await postProduct(w, { intent: "restore" });
  expect(location(restored)).toBe(`/coordinator/products/${w.product.id}`);
  expect(await noticeOf(restored, w.cookie)).toMatchObject({ key: "products.restoredDone" });
  expect((await db().product.findUniqueOrThrow({ where: { id: w.product.id } })).archivedAt).toBeNull();
  const actions = (
    await db().auditEvent.findMany({ where: { entityId: w.product.id }, orderBy: { createdAt: "asc" } })
  ).map((e) => e.action);
  expect(actions).toEqual(["product.archive", "product.restore"]);
});

test("an unknown intent answers 400 and changes nothing", async () => {
  const w = await setup();
  const outcome = await postProduct(w, { intent: "delete" });
  expect(outcome.status).toBe(400);
  expect((outcome.data as { formError: string }).formError).toBe("error.unknownIntent");
});

// ---------------------------------------------------------------------------
// Bill of materials and steps

test("a BOM line takes up to 3 decimals exactly; 4 decimals or another workshop's material is refused; remove deletes it", async () => {
  const w = await setup();
  const material = await db().material.create({
    data: { workshopId: w.workshop.id, name: "皂基", unit: "kg", unitCostE4: 280_000n },
  });
  const elsewhere = await createWorkshopWithStaff();
  const foreign = await db().material.create({ data: { workshopId: elsewhere.workshop.id, name: "皂基", unit: "kg" } });

  const tooPrecise = await postProduct(w, { intent: "bom", materialId: material.id, quantityPerPiece: "0.1055" });
  expect(tooPrecise.status).toBe(400);
  expect((tooPrecise.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
    quantityPerPiece: "error.tooManyDecimals?maxDecimals=3",
  });

  const stolen = await postProduct(w, { intent: "bom", materialId: foreign.id, quantityPerPiece: "1" });
  expect(stolen.status).toBe(400);
  expect((stolen.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
    materialId: "products.materialUnavailable",
  });
  expect(await db().bomLine.count({ where: { productId: w.product.id } })).toBe(0);

  const saved = await postProduct(w, { intent: "bom", materialId: material.id, quantityPerPiece: "0.105" });
  expect(location(saved)).toBe(`/coordinator/products/${w.product.id}#bom`);
  expect(await noticeOf(saved, w.cookie)).toMatchObject({ key: "products.bomSaved", at: "bom" });
  const line = await db().bomLine.findFirstOrThrow({ where: { productId: w.product.id } });
  expect(line.quantityPerPieceE3).toBe(105n);

  const page = await loadProduct(w);
  expect((page.data as { bom: unknown[] }).bom).toEqual([
    { id: line.id, materialName: "皂基", materialUnit: "kg", quantity: "0.105" },
  ]);

  const removed = await postProduct(w, { intent: "removeBom", bomLineId: line.id });
  expect(location(removed)).toBe(`/coordinator/products/${w.product.id}#bom`);
  expect(await noticeOf(removed, w.cookie)).toMatchObject({ key: "products.bomRemoved", at: "bom" });
  expect(await db().bomLine.count({ where: { productId: w.product.id } })).toBe(0);
  // Removing it again (a second tap) changes nothing and announces nothing.
  const again = await postProduct(w, { intent: "removeBom", bomLineId: line.id });
  expect(location(again)).toBe(`/coordinator/products/${w.product.id}#bom`);
  expect(await noticeOf(again, w.cookie)).toBeNull();
});

test("a process step is added once; the same name again is refused", async () => {
  const w = await setup();
  expect((await postProduct(w, { intent: "step", name: "包装" })).status).toBe(302);
  const again = await postProduct(w, { intent: "step", name: "包装" });
  expect(again.status).toBe(400);
  expect((again.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({ name: "catalogue.nameTaken" });
  expect(await db().processStep.count({ where: { productId: w.product.id } })).toBe(1);
});

// ---------------------------------------------------------------------------
// Piece rates

test("a rate with 5 decimals answers 400 error.tooManyDecimals?maxDecimals=4 and writes no PieceRate row", async () => {
  const w = await setup();
  const outcome = await postProduct(w, rateFields("2.12345"));
  expect(outcome.status).toBe(400);
  const answer = outcome.data as RateAnswer & { values: Record<string, string> };
  expect(answer.fieldErrors).toEqual({ rate: "error.tooManyDecimals?maxDecimals=4" });
  expect(answer.values.rate).toBe("2.12345");
  expect(answer.rateCheck).toBeNull();
  expect(await rateRows(w.product.id)).toHaveLength(0);
});

test("a rate below the minimum wage without confirmation answers 400 with the check for the entered rate, and writes nothing", async () => {
  const w = await setup();
  const auditBefore = await db().auditEvent.count({ where: { workshopId: w.workshop.id } });
  const outcome = await postProduct(w, rateFields("2.00"));
  expect(outcome.status).toBe(400);
  const answer = outcome.data as RateAnswer;
  expect(answer.needsConfirmation).toBe(true);
  expect(answer.formError).toBe("rates.needsConfirmation");
  // 2.00 x 60 / 6 = 20.00 an hour, under 23.00; fair target 27.60. Formatted on the server.
  expect(answer.rateCheck).toEqual({
    status: "belowMinimum",
    rate: "¥2.00",
    impliedHourly: "¥20.00",
    minimum: "¥23.00",
    fairTarget: "¥27.60",
    minutes: "6",
  });
  expect(await rateRows(w.product.id)).toHaveLength(0);
  expect(await db().auditEvent.count({ where: { workshopId: w.workshop.id } })).toBe(auditBefore);
});

test("ticking the confirmation without a reason, or giving a reason without the tick, still writes nothing", async () => {
  const w = await setup();
  const tickOnly = await postProduct(w, rateFields("2.00", { confirmBelowMinimum: "on", belowMinimumReason: "  " }));
  expect(tickOnly.status).toBe(400);
  expect((tickOnly.data as RateAnswer).fieldErrors).toEqual({ belowMinimumReason: "rates.belowMinimumReasonRequired" });
  expect((tickOnly.data as RateAnswer).rateCheck?.status).toBe("belowMinimum");

  const reasonOnly = await postProduct(w, rateFields("2.00", { belowMinimumReason: "试产" }));
  expect(reasonOnly.status).toBe(400);
  expect((reasonOnly.data as RateAnswer).fieldErrors).toEqual({ confirmBelowMinimum: "rates.confirmRequired" });
  expect(await rateRows(w.product.id)).toHaveLength(0);
});

test("a rate below the minimum with confirmation and a reason is stored as belowMinimum and audited as rate.create.belowMinimum with the reason", async () => {
  const w = await setup();
  const reason = "试产阶段，合作方只接受这个价，下月复核";
  const outcome = await postProduct(w, rateFields("2.00", { confirmBelowMinimum: "on", belowMinimumReason: reason }));
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe(`/coordinator/products/${w.product.id}#rates`);
  // Below the minimum but confirmed: saved; not "below the fair target" (that is for rates at or above the minimum).
  expect(await noticeOf(outcome, w.cookie)).toEqual({ id: expect.any(String), key: "rates.created", at: "rates" });

  const rows = await rateRows(w.product.id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    rateE4: 20_000n,
    effectiveOn: "2026-03-01",
    reason: "春季调价",
    belowMinimum: true,
    belowMinimumReason: reason,
    setById: w.coordinator.id,
  });

  const events = await db().auditEvent.findMany({ where: { entityId: rows[0]?.id } });
  expect(events.map((e) => e.action)).toEqual(["rate.create.belowMinimum"]);
  expect(events[0]).toMatchObject({ actorId: w.coordinator.id, workshopId: w.workshop.id });
  expect(events[0]?.after).toContain(reason);
  expect(auditJsonOf(events[0]?.after)).toMatchObject({
    belowMinimum: true,
    belowMinimumReason: reason,
    rateE4: "20000",
  });
});

test("a rate between the minimum and 120 % needs no confirmation; its notice says it is below the fair target", async () => {
  const w = await setup();
  const outcome = await postProduct(w, rateFields("2.50"));
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe(`/coordinator/products/${w.product.id}#rates`);
  expect(await noticeOf(outcome, w.cookie)).toMatchObject({
    key: "rates.created",
    at: "rates",
    note: "rates.savedBelowFair",
  });
  const [row] = await rateRows(w.product.id);
  expect(row).toMatchObject({ rateE4: 25_000n, belowMinimum: false, belowMinimumReason: "" });
});

test("a version already used for pay cannot be changed: 400 rates.rateUsed and the row is untouched; a later date is accepted", async () => {
  const w = await setup();
  const used = await db().pieceRate.create({
    data: {
      workshopId: w.workshop.id,
      productId: w.product.id,
      rateE4: 30_000n,
      effectiveOn: "2026-01-01",
      reason: "定价",
      setById: w.coordinator.id,
    },
  });
  await db().$transaction((tx) => markRateUsed(tx, w.workshop.id, used.id, NOW));
  const frozen = await db().pieceRate.findUniqueOrThrow({ where: { id: used.id } });

  const outcome = await postProduct(w, rateFields("3.20", { effectiveOn: "2026-01-01" }));
  expect(outcome.status).toBe(400);
  expect((outcome.data as RateAnswer).formError).toBe("rates.rateUsed");
  expect(await db().pieceRate.findUniqueOrThrow({ where: { id: used.id } })).toEqual(frozen);

  const future = await postProduct(w, rateFields("3.20", { effectiveOn: "2099-01-01" }));
  expect(future.status).toBe(302);
  expect(await rateRows(w.product.id)).toHaveLength(2);
});

test("the product page sends the rate history and today's fair-rate check as formatted strings", async () => {
  const w = await setup();
  await db().pieceRate.create({
    data: {
      workshopId: w.workshop.id,
      productId: w.product.id,
      rateE4: 25_000n,
      effectiveOn: "2026-01-01",
      reason: "定价",
      setById: w.coordinator.id,
    },
  });
  await db().pieceRate.create({
    data: {
      workshopId: w.workshop.id,
      productId: w.product.id,
      rateE4: 30_000n,
      effectiveOn: "2099-01-01",
      reason: "以后",
      setById: w.coordinator.id,
    },
  });
  const outcome = await loadProduct(w);
  expect(outcome.status).toBe(200);
  const page = outcome.data as {
    rates: {
      rate: string;
      effectiveOn: string;
      state: string;
      used: boolean;
      stepName: string | null;
      setByName: string;
    }[];
    current: { rate: string; effectiveOn: string; check: Record<string, string> } | null;
  };
  expect(page.rates.map((r) => [r.rate, r.effectiveOn, r.state, r.stepName])).toEqual([
    ["¥3.00", "2099-01-01", "scheduled", null],
    ["¥2.50", "2026-01-01", "inForce", null],
  ]);
  expect(page.rates[1]?.setByName).toBe(w.coordinator.name);
  expect(page.current).toEqual({
    rate: "¥2.50",
    effectiveOn: "2026-01-01",
    check: {
      status: "belowFair",
      rate: "¥2.50",
      impliedHourly: "¥25.00",
      minimum: "¥23.00",
      fairTarget: "¥27.60",
      minutes: "6",
    },
  });
});

test("a coordinator of another workshop gets 404 for this product's page and its forms, and nothing is written", async () => {
  const w = await setup();
  const other = await createWorkshopWithStaff();
  const stranger = await loginAs(await createCoordinatorUser(other.workshop.id));

  const page = await loadProduct(w, stranger);
  expect(page.status).toBe(404);
  expect(page.thrown).toBe(true);
  for (const fields of [
    rateFields("3.00"),
    { intent: "details", name: "改名", unit: "piece" },
    { intent: "archive" },
  ]) {
    const outcome = await postProduct(w, fields, stranger);
    expect(outcome.status).toBe(404);
  }
  expect(await rateRows(w.product.id)).toHaveLength(0);
  expect(await db().product.findUniqueOrThrow({ where: { id: w.product.id } })).toMatchObject({
    name: w.product.name,
    archivedAt: null,
  });
});

test("an unknown product id is a 404, and a worker is refused with 403", async () => {
  const w = await setup();
  const unknown = await callLoader(productPage.loader, "/coordinator/products/nope", w.cookie, {
    params: { productId: "nope" },
  });
  expect(unknown.status).toBe(404);
  const asWorker = await loadProduct(w, await loginAs(w.worker));
  expect(asWorker.status).toBe(403);
});

// ---------------------------------------------------------------------------
// Materials

test("materials: 5-decimal cost is refused; create, edit and archive work; archived ones show only on request, after active ones", async () => {
  const w = await setup();
  const path = "/coordinator/materials";
  const bad = await callAction(
    materialsPage.action,
    path,
    { intent: "create", name: "丝带", unit: "m", unitCost: "0.12345" },
    w.cookie,
  );
  expect(bad.status).toBe(400);
  expect((bad.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
    unitCost: "error.tooManyDecimals?maxDecimals=4",
  });
  expect(await db().material.count({ where: { workshopId: w.workshop.id } })).toBe(0);

  expect(
    (
      await callAction(
        materialsPage.action,
        path,
        { intent: "create", name: "丝带", unit: "m", unitCost: "0.3" },
        w.cookie,
      )
    ).status,
  ).toBe(302);
  expect(
    (
      await callAction(
        materialsPage.action,
        path,
        { intent: "create", name: "礼盒", unit: "box", unitCost: "" },
        w.cookie,
      )
    ).status,
  ).toBe(302);
  const ribbon = await db().material.findFirstOrThrow({ where: { workshopId: w.workshop.id, name: "丝带" } });
  expect(ribbon.unitCostE4).toBe(3_000n);

  const edited = await callAction(
    materialsPage.action,
    `${path}?edit=${ribbon.id}`,
    { intent: "update", materialId: ribbon.id, name: "缎带", unit: "m", unitCost: "0.35" },
    w.cookie,
  );
  expect(edited.status).toBe(302);
  expect(await db().material.findUniqueOrThrow({ where: { id: ribbon.id } })).toMatchObject({
    name: "缎带",
    unitCostE4: 3_500n,
  });

  const archived = await callAction(materialsPage.action, path, { intent: "archive", materialId: ribbon.id }, w.cookie);
  expect(location(archived)).toBe(path);
  expect(await noticeOf(archived, w.cookie)).toMatchObject({ key: "materials.archivedDone", params: { name: "缎带" } });

  const list = async (query: string) =>
    (
      (await callLoader(materialsPage.loader, `${path}${query}`, w.cookie)).data as {
        materials: { name: string; unitCost: string | null; archived: boolean }[];
      }
    ).materials;
  expect(await list("")).toEqual([expect.objectContaining({ name: "礼盒", unitCost: null, archived: false })]);
  expect((await list("?archived=1")).map((m) => [m.name, m.unitCost, m.archived])).toEqual([
    ["礼盒", null, false],
    ["缎带", "¥0.35", true],
  ]);
});

test("materials: another workshop's material cannot be edited or archived (404)", async () => {
  const w = await setup();
  const other = await createWorkshopWithStaff();
  const theirs = await db().material.create({ data: { workshopId: other.workshop.id, name: "皂基", unit: "kg" } });
  const edit = await callAction(
    materialsPage.action,
    "/coordinator/materials",
    { intent: "update", materialId: theirs.id, name: "我的", unit: "kg", unitCost: "1" },
    w.cookie,
  );
  expect(edit.status).toBe(404);
  const archive = await callAction(
    materialsPage.action,
    "/coordinator/materials",
    { intent: "archive", materialId: theirs.id },
    w.cookie,
  );
  expect(archive.status).toBe(404);
  const view = await callLoader(materialsPage.loader, `/coordinator/materials?edit=${theirs.id}`, w.cookie);
  expect(view.status).toBe(404);
  expect(await db().material.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
    name: "皂基",
    archivedAt: null,
  });
});

// ---------------------------------------------------------------------------
// Settings

test("the minimum wage takes 2 decimals and more than 0; a change is stored in fen and audited", async () => {
  const w = await setup();
  for (const [text, error] of [
    ["23.001", "error.tooManyDecimals?maxDecimals=2"],
    ["0", "error.zero"],
    ["", "error.required"],
  ] as const) {
    const outcome = await callAction(
      settingsPage.action,
      "/coordinator/settings",
      { hourlyMinimumWage: text, minimumWageSource: "" },
      w.cookie,
    );
    expect(outcome.status, text).toBe(400);
    expect((outcome.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({ hourlyMinimumWage: error });
  }
  expect((await db().workshop.findUniqueOrThrow({ where: { id: w.workshop.id } })).hourlyMinimumWageFen).toBe(2300n);

  const saved = await callAction(
    settingsPage.action,
    "/coordinator/settings",
    { hourlyMinimumWage: "24.5", minimumWageSource: "2026 年通知" },
    w.cookie,
  );
  expect(location(saved)).toBe("/coordinator/settings");
  expect(await noticeOf(saved, w.cookie)).toMatchObject({ key: "settings.saved" });
  expect(await db().workshop.findUniqueOrThrow({ where: { id: w.workshop.id } })).toMatchObject({
    hourlyMinimumWageFen: 2450n,
    minimumWageSource: "2026 年通知",
  });
  const [event] = await db().auditEvent.findMany({
    where: { workshopId: w.workshop.id, action: "workshop.minimumWage" },
  });
  expect(auditJsonOf(event?.before)).toMatchObject({ hourlyMinimumWageFen: "2300" });
  expect(auditJsonOf(event?.after)).toMatchObject({ hourlyMinimumWageFen: "2450", minimumWageSource: "2026 年通知" });

  const page = await callLoader(settingsPage.loader, "/coordinator/settings", w.cookie);
  expect(page.data).toEqual({
    minimum: { formatted: "¥24.50", fairTarget: "¥29.40", input: "24.50" },
    source: "2026 年通知",
  });
});
