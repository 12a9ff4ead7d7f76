// The shared pieces of the model layer (docs/decisions/014-house-rules.md):
// one archive/restore for products, materials and partner firms; one account
// creation for workers, coordinators and partner logins; the audit entry
// names the actor and its workshop; refuse() turns a refusal into the page's
// answer.
import { expect, test } from "vitest";
import { db } from "../../app/infra/db.server.ts";
import { setArchived, type Archivable } from "../../app/models/archive.server.ts";
import { fail, ok } from "../../app/models/result.ts";
import { createPartnerAccount } from "../../app/models/partner.server.ts";
import { createAccount, createCoordinator, createWorker } from "../../app/models/user.server.ts";
import { refuse } from "../../app/utils/forms.server.ts";
import { NOW, actorOf, auditJsonOf, auditOf, createTestProduct } from "../support/catalogue-fixtures.ts";
import {
  createAdminUser,
  createPartnerFirm,
  createWorkshopWithStaff,
  rowCounts,
  toFormData,
  uniquePhone,
} from "../support/fixtures.ts";

async function archivable(kind: Archivable, workshopId: string): Promise<string> {
  if (kind === "product") return (await createTestProduct(workshopId)).id;
  if (kind === "partner") return (await createPartnerFirm(workshopId)).id;
  const material = await db().material.create({
    data: { workshopId, name: `皂基 ${kind}`, unit: "kg", unitCostE4: 1n },
  });
  return material.id;
}

async function archivedAtOf(kind: Archivable, id: string): Promise<Date | null> {
  const where = { where: { id }, select: { archivedAt: true } } as const;
  const row =
    kind === "product"
      ? await db().product.findUniqueOrThrow(where)
      : kind === "material"
        ? await db().material.findUniqueOrThrow(where)
        : await db().partner.findUniqueOrThrow(where);
  return row.archivedAt;
}

test.each(["product", "material", "partner"] as const)(
  "setArchived(%s): archive keeps the first date, restore clears it, each change audited by the actor",
  async (kind) => {
    const { workshop, coordinator } = await createWorkshopWithStaff();
    const actor = actorOf(coordinator);
    const id = await archivable(kind, workshop.id);
    const later = new Date(NOW.getTime() + 86_400_000);

    expect(await setArchived(actor, kind, id, true, NOW)).toEqual({ ok: true });
    expect(await setArchived(actor, kind, id, true, later)).toEqual({ ok: true });
    expect(await archivedAtOf(kind, id)).toEqual(NOW);
    expect(await setArchived(actor, kind, id, false, later)).toEqual({ ok: true });
    expect(await archivedAtOf(kind, id)).toBeNull();

    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual([`${kind}.archive`, `${kind}.archive`, `${kind}.restore`]);
    for (const e of events) {
      expect(e.actorId).toBe(coordinator.id);
      expect(e.workshopId).toBe(workshop.id);
    }
    expect(auditJsonOf(events[2]?.before)).toEqual({ archivedAt: NOW.toISOString() });
    expect(auditJsonOf(events[2]?.after)).toEqual({ archivedAt: null });
  },
);

test.each(["product", "material", "partner"] as const)(
  "setArchived(%s) of another workshop's record answers notFound and writes nothing",
  async (kind) => {
    const mine = await createWorkshopWithStaff();
    const theirs = await createWorkshopWithStaff();
    const id = await archivable(kind, theirs.workshop.id);
    const before = await rowCounts();
    expect(await setArchived(actorOf(mine.coordinator), kind, id, true, NOW)).toEqual({
      ok: false,
      code: "notFound",
    });
    expect(await archivedAtOf(kind, id)).toBeNull();
    expect(await rowCounts()).toEqual(before);
  },
);

test("one account creation: worker, coordinator (by an admin for a workshop) and partner login, each audited by the actor", async () => {
  const { workshop, coordinator } = await createWorkshopWithStaff();
  const admin = await createAdminUser();
  const firm = await createPartnerFirm(workshop.id);
  const actor = actorOf(coordinator);
  const input = () => ({ name: "张秀英", phone: uniquePhone(), password: "secret-pass-1" });

  const worker = await createWorker(actor, input());
  const boss = await createCoordinator({ userId: admin.id, workshopId: workshop.id }, input());
  const login = await createPartnerAccount(actor, firm.id, input());
  for (const created of [worker, boss, login]) expect(created.ok).toBe(true);
  const ids = [worker, boss, login].map((c) => (c.ok ? c.id : ""));
  const users = await db().user.findMany({
    where: { id: { in: ids } },
    select: { id: true, role: true, partnerId: true },
  });
  expect(users.map((u) => [u.role, u.partnerId]).sort()).toEqual([
    ["coordinator", null],
    ["partner", firm.id],
    ["worker", null],
  ]);
  const events = await db().auditEvent.findMany({ where: { entityId: { in: ids }, action: "user.create" } });
  const by = new Map(events.map((e) => [e.entityId, e.actorId]));
  expect(ids.map((id) => by.get(id))).toEqual([coordinator.id, admin.id, coordinator.id]);
  for (const e of events) expect(e.workshopId).toBe(workshop.id);
});

test("account creation refuses a taken phone and another workshop's firm, writing nothing", async () => {
  const mine = await createWorkshopWithStaff();
  const theirs = await createWorkshopWithStaff();
  const theirFirm = await createPartnerFirm(theirs.workshop.id);
  const before = await rowCounts();
  const actor = actorOf(mine.coordinator);
  expect(await createWorker(actor, { name: "重名", phone: mine.worker.phone, password: "secret-pass-1" })).toEqual({
    ok: false,
    code: "phoneTaken",
  });
  expect(
    await createAccount(actor, {
      role: "partner",
      partnerId: theirFirm.id,
      name: "外人",
      phone: uniquePhone(),
      password: "secret-pass-1",
    }),
  ).toEqual({ ok: false, code: "notFound" });
  expect(
    await createCoordinator(
      { userId: mine.coordinator.id, workshopId: "no-such-workshop" },
      {
        name: "无",
        phone: uniquePhone(),
        password: "secret-pass-1",
      },
    ),
  ).toEqual({ ok: false, code: "notFound" });
  expect(await rowCounts()).toEqual(before);
});

test("ok() and fail() build the one result shape; a refusal's extra fields ride along", () => {
  expect(ok()).toEqual({ ok: true });
  expect(ok({ id: "x" })).toEqual({ ok: true, id: "x" });
  expect(fail("nameTaken")).toEqual({ ok: false, code: "nameTaken" });
  expect(fail("needsConfirmation", { check: { status: "unknown" } })).toEqual({
    ok: false,
    code: "needsConfirmation",
    check: { status: "unknown" },
  });
});

type Answer400 = { type: string; data: Record<string, unknown>; init: { status: number } };

test("refuse(): the answer for the code at a field or for the form, 400, what was typed minus passwords; notFound is a 404", () => {
  const form = toFormData({ intent: "account", name: "赵经理", phone: "13800000021", password: "secret-pass-1" });
  const atField = refuse(
    fail("phoneTaken"),
    { phoneTaken: { phone: "error.phoneTaken" } },
    form,
  ) as unknown as Answer400;
  expect(atField.init.status).toBe(400);
  expect(atField.data).toEqual({
    ok: false,
    fieldErrors: { phone: "error.phoneTaken" },
    formError: undefined,
    values: { intent: "account", name: "赵经理", phone: "13800000021" },
  });
  const forForm = refuse(
    fail("notPending"),
    { notPending: "orders.notPending" },
    { intent: "cancel" },
  ) as unknown as Answer400;
  expect(forForm.data).toMatchObject({ formError: "orders.notPending", fieldErrors: {}, values: { intent: "cancel" } });

  let thrown: unknown;
  try {
    refuse(fail("notFound"), {}, form);
  } catch (error) {
    thrown = error;
  }
  expect((thrown as Answer400).init.status).toBe(404);
  // A page may answer notFound itself (an unknown material is a field error on the BOM form).
  const answered = refuse(
    fail("notFound"),
    { notFound: { materialId: "products.materialUnavailable" } },
    {},
  ) as unknown as Answer400;
  expect(answered.init.status).toBe(400);
});
