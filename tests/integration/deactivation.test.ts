import { expect, test } from "vitest";
import * as partnerDetail from "../../app/routes/coordinator.partners.$partnerId.tsx";
import * as workerDetail from "../../app/routes/coordinator.workers.$workerId.tsx";
import * as newOrder from "../../app/routes/partner.orders.new.tsx";
import { getViewer } from "../../app/utils/auth.server.ts";
import { db } from "../../app/infra/db.server.ts";
import { createOrderWorld } from "../support/catalogue-fixtures.ts";

const FAR_DUE = "2099-12-31";
import {
  callAction,
  callLoader,
  createWorkshopWithStaff,
  getRequest,
  loginAs,
  postLogin,
  rowCounts,
} from "../support/fixtures.ts";

test("a coordinator deactivates a worker: her sessions end at once, she cannot log in, and it is audited; reactivating restores her", async () => {
  const { workshop, coordinator, worker } = await createWorkshopWithStaff();
  const workerCookie = await loginAs(worker);
  const cookie = await loginAs(coordinator);
  const params = { workerId: worker.id };

  const off = await callAction(
    workerDetail.action,
    `/coordinator/workers/${worker.id}`,
    { intent: "deactivate" },
    cookie,
    { params },
  );
  expect(off.status).toBe(302);
  expect(await getViewer(getRequest("/worker", workerCookie))).toBeNull();
  expect((await postLogin({ phone: worker.phone, password: worker.password })).status).toBe(401);
  const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: worker.id, action: "user.deactivate" } });
  expect(audit).toMatchObject({ actorId: coordinator.id, workshopId: workshop.id });

  const on = await callAction(
    workerDetail.action,
    `/coordinator/workers/${worker.id}`,
    { intent: "reactivate" },
    cookie,
    { params },
  );
  expect(on.status).toBe(302);
  expect((await postLogin({ phone: worker.phone, password: worker.password })).status).toBe(302);
});

test("a coordinator cannot deactivate another workshop's worker (404, nothing changes)", async () => {
  const mine = await createWorkshopWithStaff();
  const theirs = await createWorkshopWithStaff();
  const cookie = await loginAs(mine.coordinator);
  const before = await rowCounts();
  const outcome = await callAction(
    workerDetail.action,
    `/coordinator/workers/${theirs.worker.id}`,
    { intent: "deactivate" },
    cookie,
    {
      params: { workerId: theirs.worker.id },
    },
  );
  expect(outcome.status).toBe(404);
  expect(await rowCounts()).toEqual(before);
  expect((await db().user.findUniqueOrThrow({ where: { id: theirs.worker.id } })).active).toBe(true);
});

test("a coordinator stops a partner login and archives the firm: it can place no new order until restored", async () => {
  const world = await createOrderWorld();
  const cookie = await loginAs(world.coordinator);
  const partnerCookie = await loginAs(world.partnerUser);
  const params = { partnerId: world.partner.id };

  const archived = await callAction(
    partnerDetail.action,
    `/coordinator/partners/${world.partner.id}`,
    { intent: "archive" },
    cookie,
    { params },
  );
  expect(archived.status).toBe(302);
  const form = await callLoader(newOrder.loader, "/partner/orders/new", partnerCookie);
  const submissionKey = (form.data as { submissionKey: string }).submissionKey;
  const refused = await callAction(
    newOrder.action,
    "/partner/orders/new",
    { productId: world.product.id, quantity: "10", dueOn: FAR_DUE, notes: "", submissionKey },
    partnerCookie,
  );
  expect(refused.status).toBe(400);
  expect(await db().order.count({ where: { partnerId: world.partner.id } })).toBe(0);

  const restored = await callAction(
    partnerDetail.action,
    `/coordinator/partners/${world.partner.id}`,
    { intent: "restore" },
    cookie,
    { params },
  );
  expect(restored.status).toBe(302);

  const stopped = await callAction(
    partnerDetail.action,
    `/coordinator/partners/${world.partner.id}`,
    { intent: "deactivate", accountId: world.partnerUser.id },
    cookie,
    { params },
  );
  expect(stopped.status).toBe(302);
  expect(await getViewer(getRequest("/partner", partnerCookie))).toBeNull();
  const actions = (
    await db().auditEvent.findMany({ where: { workshopId: world.workshop.id }, select: { action: true } })
  ).map((a) => a.action);
  expect(actions).toEqual(expect.arrayContaining(["partner.archive", "partner.restore", "user.deactivate"]));
});

test("the partner page cannot stop an account that is not one of this firm's logins (404)", async () => {
  const world = await createOrderWorld();
  const cookie = await loginAs(world.coordinator);
  const outcome = await callAction(
    partnerDetail.action,
    `/coordinator/partners/${world.partner.id}`,
    { intent: "deactivate", accountId: world.workers[0]!.id },
    cookie,
    { params: { partnerId: world.partner.id } },
  );
  expect(outcome.status).toBe(404);
  expect((await db().user.findUniqueOrThrow({ where: { id: world.workers[0]!.id } })).active).toBe(true);
});
