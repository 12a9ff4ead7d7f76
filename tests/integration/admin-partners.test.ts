import { expect, test } from "vitest";
import * as adminWorkshop from "../../app/routes/admin.workshops.$workshopId.tsx";
import { listPartners } from "../../app/models/partner.server.ts";
import { db } from "../../app/infra/db.server.ts";
import {
  callAction,
  createAdminUser,
  createCoordinatorUser,
  createTestWorkshop,
  location,
  noticeOf,
  loginAs,
  rowCounts,
} from "../support/fixtures.ts";

test("an admin adds a partner firm to a workshop; its coordinator then sees the firm, and the audit trail says who", async () => {
  const workshop = await createTestWorkshop();
  const other = await createTestWorkshop();
  const admin = await createAdminUser();
  const cookie = await loginAs(admin);

  const outcome = await callAction(
    adminWorkshop.action,
    `/admin/workshops/${workshop.id}`,
    { intent: "createPartner", name: "重庆花语礼品有限公司", contactName: "钱经理", contactPhone: "023-6868 0000" },
    cookie,
    { params: { workshopId: workshop.id } },
  );
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toBe(`/admin/workshops/${workshop.id}`);
  expect(await noticeOf(outcome, cookie)).toMatchObject({
    key: "partners.created",
    params: { name: "重庆花语礼品有限公司" },
    at: "partners",
  });

  expect((await listPartners(workshop.id)).map((p) => p.name)).toEqual(["重庆花语礼品有限公司"]);
  expect(await listPartners(other.id)).toEqual([]);
  const partner = await db().partner.findFirstOrThrow({ where: { workshopId: workshop.id } });
  const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: partner.id } });
  expect(audit).toMatchObject({ actorId: admin.id, workshopId: workshop.id, action: "partner.create" });

  const again = await callAction(
    adminWorkshop.action,
    `/admin/workshops/${workshop.id}`,
    { intent: "createPartner", name: "重庆花语礼品有限公司" },
    cookie,
    { params: { workshopId: workshop.id } },
  );
  expect(again.status).toBe(400);
  expect((again.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({ name: "partners.nameTaken" });
});

test("adding a partner firm with an empty name, or to a workshop that does not exist, changes nothing", async () => {
  const workshop = await createTestWorkshop();
  const cookie = await loginAs(await createAdminUser());
  const before = await rowCounts();

  const empty = await callAction(
    adminWorkshop.action,
    `/admin/workshops/${workshop.id}`,
    { intent: "createPartner", name: "  " },
    cookie,
    {
      params: { workshopId: workshop.id },
    },
  );
  expect(empty.status).toBe(400);
  expect((empty.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({ name: "error.required" });

  const missing = await callAction(
    adminWorkshop.action,
    "/admin/workshops/nope",
    { intent: "createPartner", name: "某公司" },
    cookie,
    {
      params: { workshopId: "nope" },
    },
  );
  expect(missing.status).toBe(404);
  expect(await rowCounts()).toEqual(before);
});

test("a coordinator cannot use the admin page to add a firm to any workshop (403)", async () => {
  const workshop = await createTestWorkshop();
  const coordinator = await createCoordinatorUser(workshop.id);
  const cookie = await loginAs(coordinator);
  const before = await rowCounts();
  const outcome = await callAction(
    adminWorkshop.action,
    `/admin/workshops/${workshop.id}`,
    { intent: "createPartner", name: "某公司" },
    cookie,
    { params: { workshopId: workshop.id } },
  );
  expect(outcome.status).toBe(403);
  expect(await rowCounts()).toEqual(before);
});
