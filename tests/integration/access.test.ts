// Who may see and change what: the login redirect, the role check on every
// protected loader and action, and tenant isolation between workshops and
// partner firms (docs/domain.md, "Rules that protect people's pay and data").
import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import type { Role } from "../../app/domain/access.ts";
import * as account from "../../app/routes/account.tsx";
import * as adminHome from "../../app/routes/admin._index.tsx";
import * as adminLayout from "../../app/routes/admin.tsx";
import * as adminWorkshop from "../../app/routes/admin.workshops.$workshopId.tsx";
import * as coordinatorHome from "../../app/routes/coordinator._index.tsx";
import * as coordinatorAudit from "../../app/routes/coordinator.audit.tsx";
import * as coordinatorLayout from "../../app/routes/coordinator.tsx";
import * as workerDetail from "../../app/routes/coordinator.workers.$workerId.tsx";
import * as workerList from "../../app/routes/coordinator.workers._index.tsx";
import * as partnerHome from "../../app/routes/partner._index.tsx";
import * as partnerLayout from "../../app/routes/partner.tsx";
import * as workerHome from "../../app/routes/worker._index.tsx";
import * as workerLayout from "../../app/routes/worker.tsx";
import { db } from "../../app/infra/db.server.ts";
import {
  callAction,
  callLoader,
  createAdminUser,
  createCoordinatorUser,
  createPartnerFirm,
  createPartnerUser,
  createTestWorkshop,
  createUser,
  createWorkerUser,
  getRequest,
  location,
  noticeOf,
  loginAs,
  passwordHashOf,
  postLogin,
  rowCounts,
  uniquePhone,
  type Fields,
  type RouteFunction,
} from "../support/fixtures.ts";
import { getViewer } from "../../app/utils/auth.server.ts";

/** Two workshops, each with a coordinator, workers, a partner firm and its account; and an admin. */
async function twoWorkshops() {
  const a = await createTestWorkshop({ name: `工坊甲 ${randomUUID().slice(0, 8)}` });
  const b = await createTestWorkshop({ name: `工坊乙 ${randomUUID().slice(0, 8)}` });
  const coordinatorA = await createCoordinatorUser(a.id);
  const coordinatorB = await createCoordinatorUser(b.id);
  const workerA1 = await createWorkerUser(a.id);
  const workerA2 = await createWorkerUser(a.id);
  const workerB = await createWorkerUser(b.id);
  const firmA = await createPartnerFirm(a.id, "山城香皂");
  const firmB = await createPartnerFirm(b.id, "渝州花艺");
  const partnerA = await createPartnerUser(firmA);
  const partnerB = await createPartnerUser(firmB);
  const admin = await createAdminUser();
  return { a, b, coordinatorA, coordinatorB, workerA1, workerA2, workerB, firmA, firmB, partnerA, partnerB, admin };
}

type World = Awaited<ReturnType<typeof twoWorkshops>>;

let shared: Promise<{ world: World; cookies: Record<Role, string> }> | undefined;
/** One world for the role-matrix tests (they only read, or are refused). */
function sharedWorld() {
  shared ??= (async () => {
    const world = await twoWorkshops();
    const cookies: Record<Role, string> = {
      worker: await loginAs(world.workerA1),
      coordinator: await loginAs(world.coordinatorA),
      partner: await loginAs(world.partnerA),
      admin: await loginAs(world.admin),
    };
    return { world, cookies };
  })();
  return shared;
}

type ProtectedRoute = {
  name: string;
  fn: RouteFunction;
  kind: "loader" | "action";
  path: (w: World) => string;
  params?: (w: World) => Record<string, string>;
  /** For actions: a valid form, so that a missing check would change something. */
  fields?: (w: World) => Fields;
  allowed: Role[];
};

const ROUTES: ProtectedRoute[] = [
  { name: "worker layout", fn: workerLayout.loader, kind: "loader", path: () => "/worker", allowed: ["worker"] },
  { name: "worker home", fn: workerHome.loader, kind: "loader", path: () => "/worker", allowed: ["worker"] },
  {
    name: "coordinator layout",
    fn: coordinatorLayout.loader,
    kind: "loader",
    path: () => "/coordinator",
    allowed: ["coordinator"],
  },
  {
    name: "coordinator home",
    fn: coordinatorHome.loader,
    kind: "loader",
    path: () => "/coordinator",
    allowed: ["coordinator"],
  },
  {
    name: "worker list",
    fn: workerList.loader,
    kind: "loader",
    path: () => "/coordinator/workers",
    allowed: ["coordinator"],
  },
  {
    name: "create worker",
    fn: workerList.action,
    kind: "action",
    path: () => "/coordinator/workers",
    fields: () => ({ name: "新手工者", phone: uniquePhone(), password: "initial-pass-1" }),
    allowed: ["coordinator"],
  },
  {
    name: "worker detail",
    fn: workerDetail.loader,
    kind: "loader",
    path: (w) => `/coordinator/workers/${w.workerA2.id}`,
    params: (w) => ({ workerId: w.workerA2.id }),
    allowed: ["coordinator"],
  },
  {
    name: "reset worker password",
    fn: workerDetail.action,
    kind: "action",
    path: (w) => `/coordinator/workers/${w.workerA2.id}`,
    params: (w) => ({ workerId: w.workerA2.id }),
    fields: () => ({ password: "taken-over-123" }),
    allowed: ["coordinator"],
  },
  {
    name: "coordinator audit",
    fn: coordinatorAudit.loader,
    kind: "loader",
    path: () => "/coordinator/audit",
    allowed: ["coordinator"],
  },
  { name: "partner layout", fn: partnerLayout.loader, kind: "loader", path: () => "/partner", allowed: ["partner"] },
  { name: "partner home", fn: partnerHome.loader, kind: "loader", path: () => "/partner", allowed: ["partner"] },
  { name: "admin layout", fn: adminLayout.loader, kind: "loader", path: () => "/admin", allowed: ["admin"] },
  { name: "admin home", fn: adminHome.loader, kind: "loader", path: () => "/admin", allowed: ["admin"] },
  {
    name: "create workshop",
    fn: adminHome.action,
    kind: "action",
    path: () => "/admin",
    fields: () => ({ name: `冒名工坊 ${uniquePhone()}`, district: "" }),
    allowed: ["admin"],
  },
  {
    name: "admin workshop",
    fn: adminWorkshop.loader,
    kind: "loader",
    path: (w) => `/admin/workshops/${w.a.id}`,
    params: (w) => ({ workshopId: w.a.id }),
    allowed: ["admin"],
  },
  {
    name: "create coordinator",
    fn: adminWorkshop.action,
    kind: "action",
    path: (w) => `/admin/workshops/${w.a.id}`,
    params: (w) => ({ workshopId: w.a.id }),
    fields: () => ({ name: "冒名协调员", phone: uniquePhone(), password: "initial-pass-1" }),
    allowed: ["admin"],
  },
  {
    name: "account page",
    fn: account.loader,
    kind: "loader",
    path: () => "/account",
    allowed: ["worker", "coordinator", "partner", "admin"],
  },
];

function run(route: ProtectedRoute, world: World, cookie: string | null) {
  const path = route.path(world);
  const options = { params: route.params?.(world) ?? {} };
  return route.kind === "loader"
    ? callLoader(route.fn, path, cookie, options)
    : callAction(route.fn, path, route.fields?.(world) ?? {}, cookie, options);
}

test.each(ROUTES.map((r) => [`${r.name} ${r.kind}`, r] as const))(
  "%s without a session redirects to /login?redirectTo=<the page>",
  async (_name, route) => {
    const { world } = await sharedWorld();
    const before = await rowCounts();
    const outcome = await run(route, world, null);
    expect(outcome.status).toBe(302);
    expect(outcome.thrown).toBe(true);
    expect(location(outcome)).toBe(`/login?${new URLSearchParams({ redirectTo: route.path(world) })}`);
    expect(await rowCounts()).toEqual(before);
  },
);

test("the login redirect keeps the query string of the page that was asked for", async () => {
  const outcome = await callLoader(workerList.loader, "/coordinator/workers?page=2&month=2026-11", null);
  expect(outcome.status).toBe(302);
  const target = new URL(location(outcome) ?? "", "http://localhost");
  expect(target.pathname).toBe("/login");
  expect(target.searchParams.get("redirectTo")).toBe("/coordinator/workers?page=2&month=2026-11");
});

const REFUSALS = ROUTES.flatMap((route) =>
  (["worker", "coordinator", "partner", "admin"] as const)
    .filter((role) => !route.allowed.includes(role))
    .map((role) => [role, `${route.name} ${route.kind}`, route] as const),
);

test.each(REFUSALS)("a %s calling the %s gets 403 and changes nothing", async (role, _name, route) => {
  const { world, cookies } = await sharedWorld();
  const hashBefore = await passwordHashOf(world.workerA2.id);
  const before = await rowCounts();
  const outcome = await run(route, world, cookies[role]);
  expect(outcome.status).toBe(403);
  expect(outcome.thrown).toBe(true);
  expect(outcome.data).toEqual({ reason: "forbidden" });
  expect(await rowCounts()).toEqual(before);
  expect(await passwordHashOf(world.workerA2.id)).toBe(hashBefore);
});

test.each(ROUTES.map((r) => [`${r.name} ${r.kind}`, r] as const))(
  "the %s answers its own role (the refusals above are not a broken route)",
  async (_name, route) => {
    const { world, cookies } = await sharedWorld();
    const outcome = await run(route, world, cookies[route.allowed[0] ?? "admin"]);
    expect([200, 302]).toContain(outcome.status);
    expect(outcome.thrown).toBe(false);
    if (route.kind === "action") expect(location(outcome)).toMatch(/^\//);
  },
);

test("a coordinator's worker list shows her own workshop's workers only, with masked phones", async () => {
  const w = await twoWorkshops();
  const cookie = await loginAs(w.coordinatorA);
  const outcome = await callLoader(workerList.loader, "/coordinator/workers", cookie);
  expect(outcome.status).toBe(200);
  const { workers } = outcome.data as { workers: { id: string; phone: string }[] };
  expect(workers.map((x) => x.id).sort()).toEqual([w.workerA1.id, w.workerA2.id].sort());
  for (const row of workers) {
    expect(row.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  }
  expect(JSON.stringify(outcome.data)).not.toContain(w.workerA1.phone);

  const other = await callLoader(workerList.loader, "/coordinator/workers", await loginAs(w.coordinatorB));
  expect((other.data as { workers: { id: string }[] }).workers.map((x) => x.id)).toEqual([w.workerB.id]);
});

test("a coordinator opening another workshop's worker gets 404", async () => {
  const w = await twoWorkshops();
  const cookie = await loginAs(w.coordinatorA);
  const outcome = await callLoader(workerDetail.loader, `/coordinator/workers/${w.workerB.id}`, cookie, {
    params: { workerId: w.workerB.id },
  });
  expect(outcome.status).toBe(404);
  expect(outcome.data).toEqual({ reason: "notFound" });
  expect(JSON.stringify(outcome.data)).not.toContain(w.workerB.name);

  // Her own worker opens (so the 404 above is about the workshop).
  const own = await callLoader(workerDetail.loader, `/coordinator/workers/${w.workerA1.id}`, cookie, {
    params: { workerId: w.workerA1.id },
  });
  expect(own.status).toBe(200);
  expect((own.data as { worker: { id: string } }).worker.id).toBe(w.workerA1.id);
});

test("a coordinator cannot reset the password of another workshop's worker: 404, hash, sessions and audit untouched", async () => {
  const w = await twoWorkshops();
  const victimCookie = await loginAs(w.workerB);
  const cookie = await loginAs(w.coordinatorA);
  const hashBefore = await passwordHashOf(w.workerB.id);
  const before = await rowCounts();

  const outcome = await callAction(
    workerDetail.action,
    `/coordinator/workers/${w.workerB.id}`,
    { password: "taken-over-123" },
    cookie,
    { params: { workerId: w.workerB.id } },
  );
  expect(outcome.status).toBe(404);
  expect(await passwordHashOf(w.workerB.id)).toBe(hashBefore);
  expect(await rowCounts()).toEqual(before);
  expect(await db().auditEvent.count({ where: { entityId: w.workerB.id } })).toBe(0);
  expect((await getViewer(getRequest("/", victimCookie)))?.user.id).toBe(w.workerB.id);
});

test.each([
  ["her own workshop's coordinator", (w: World) => w.coordinatorA.id],
  ["the admin", (w: World) => w.admin.id],
  ["her own workshop's partner account", (w: World) => w.partnerA.id],
])("a coordinator cannot open or reset the password of %s (workers only): 404", async (_who, target) => {
  const w = await twoWorkshops();
  const cookie = await loginAs(w.coordinatorA);
  const id = target(w);
  const hashBefore = await passwordHashOf(id);
  const view = await callLoader(workerDetail.loader, `/coordinator/workers/${id}`, cookie, {
    params: { workerId: id },
  });
  expect(view.status).toBe(404);
  const reset = await callAction(
    workerDetail.action,
    `/coordinator/workers/${id}`,
    { password: "taken-over-123" },
    cookie,
    {
      params: { workerId: id },
    },
  );
  expect(reset.status).toBe(404);
  expect(await passwordHashOf(id)).toBe(hashBefore);
});

test("a new worker always lands in the coordinator's own workshop as a worker, whatever else is posted", async () => {
  const w = await twoWorkshops();
  const cookie = await loginAs(w.coordinatorA);
  const phone = uniquePhone();
  const outcome = await callAction(
    workerList.action,
    "/coordinator/workers",
    {
      name: "李桂兰",
      phone,
      password: "initial-pass-1",
      workshopId: w.b.id,
      role: "admin",
      partnerId: w.firmB.id,
      active: "false",
      locale: "en",
    },
    cookie,
  );
  expect(outcome.status).toBe(302);
  const created = await db().user.findUniqueOrThrow({ where: { phone } });
  expect(created).toMatchObject({
    role: "worker",
    workshopId: w.a.id,
    partnerId: null,
    active: true,
    locale: "zh-CN",
    name: "李桂兰",
  });
  expect(await db().user.count({ where: { workshopId: w.b.id, role: "worker" } })).toBe(1);
});

test("a worker of workshop A posting to the coordinator actions changes nothing at all", async () => {
  const w = await twoWorkshops();
  const cookie = await loginAs(w.workerA1);
  const hashA2 = await passwordHashOf(w.workerA2.id);
  const hashSelf = await passwordHashOf(w.workerA1.id);
  const before = await rowCounts();

  const create = await callAction(
    workerList.action,
    "/coordinator/workers",
    { name: "冒名", phone: uniquePhone(), password: "initial-pass-1" },
    cookie,
  );
  const resetOther = await callAction(
    workerDetail.action,
    `/coordinator/workers/${w.workerA2.id}`,
    { password: "taken-over-123" },
    cookie,
    { params: { workerId: w.workerA2.id } },
  );
  const resetSelf = await callAction(
    workerDetail.action,
    `/coordinator/workers/${w.workerA1.id}`,
    { password: "taken-over-123" },
    cookie,
    { params: { workerId: w.workerA1.id } },
  );
  expect([create.status, resetOther.status, resetSelf.status]).toEqual([403, 403, 403]);
  expect(await rowCounts()).toEqual(before);
  expect(await passwordHashOf(w.workerA2.id)).toBe(hashA2);
  expect(await passwordHashOf(w.workerA1.id)).toBe(hashSelf);
});

test("a partner sees only its own firm and workshop on the partner home", async () => {
  const w = await twoWorkshops();
  const outcome = await callLoader(partnerHome.loader, "/partner", await loginAs(w.partnerA));
  expect(outcome.status).toBe(200);
  expect(outcome.data).toMatchObject({ firmName: w.firmA.name, workshopName: w.a.name });

  const other = await callLoader(partnerHome.loader, "/partner", await loginAs(w.partnerB));
  expect(other.data).toMatchObject({ firmName: w.firmB.name, workshopName: w.b.name });
});

test("a partner account pointing at another workshop's firm sees nothing of that firm (404)", async () => {
  const w = await twoWorkshops();
  const crossed = await createUser("partner", { workshopId: w.a.id, partnerId: w.firmB.id });
  const outcome = await callLoader(partnerHome.loader, "/partner", await loginAs(crossed));
  expect(outcome.status).toBe(404);
  expect(JSON.stringify(outcome.data)).not.toContain(w.firmB.name);
});

test("an account whose role lacks its tenant (a coordinator with no workshop) is refused, never given a wider scope", async () => {
  await twoWorkshops();
  const orphan = await createUser("coordinator", { workshopId: null });
  const sessionsBefore = await db().session.count();
  // The right password gets a clear refusal instead of a session that only loops back to login.
  const refused = await postLogin({ phone: orphan.phone, password: orphan.password });
  expect(refused.status).toBe(403);
  expect((refused.data as { formError?: string }).formError).toBe("login.accountIncomplete");
  expect(refused.headers.get("Set-Cookie")).toBeNull();
  expect(await db().session.count()).toBe(sessionsBefore);
  // And a session that exists anyway (e.g. created before the workshop was removed) gives no scope.
  const { createSession } = await import("../../app/models/session.server.ts");
  const { commitCookieSession, getCookieSession } = await import("../../app/utils/session.server.ts");
  const cookieSession = await getCookieSession(getRequest("/"));
  cookieSession.set("sessionId", (await createSession(orphan.id, new Date())).id);
  const cookie = (await commitCookieSession(cookieSession)).split(";")[0] ?? "";
  expect(await getViewer(getRequest("/", cookie))).toBeNull();
  const outcome = await callLoader(workerList.loader, "/coordinator/workers", cookie);
  expect(outcome.status).toBe(302);
  expect(location(outcome)).toMatch(/^\/login\?/);
});

test("an admin creates a workshop, then a coordinator for it, who can log in and sees that workshop", async () => {
  const admin = await createAdminUser();
  const cookie = await loginAs(admin);

  const created = await callAction(
    adminHome.action,
    "/admin",
    { name: "白市驿镇巧手梦工坊", district: "九龙坡区 白市驿镇" },
    cookie,
  );
  expect(created.status).toBe(302);
  const workshop = await db().workshop.findFirstOrThrow({ where: { name: "白市驿镇巧手梦工坊" } });
  expect(workshop.district).toBe("九龙坡区 白市驿镇");
  expect(location(created)).toBe(`/admin/workshops/${workshop.id}`);
  expect(await noticeOf(created, cookie)).toMatchObject({
    key: "workshops.created",
    params: { name: "白市驿镇巧手梦工坊" },
  });

  const list = await callLoader(adminHome.loader, "/admin", cookie);
  expect((list.data as { workshops: { id: string }[] }).workshops.map((x) => x.id)).toContain(workshop.id);

  const phone = uniquePhone();
  const coordinator = await callAction(
    adminWorkshop.action,
    `/admin/workshops/${workshop.id}`,
    { name: "周协调员", phone, password: "coordinator-pass-1" },
    cookie,
    { params: { workshopId: workshop.id } },
  );
  expect(coordinator.status).toBe(302);
  const user = await db().user.findUniqueOrThrow({ where: { phone } });
  expect(user).toMatchObject({ role: "coordinator", workshopId: workshop.id, partnerId: null, active: true });

  const detail = await callLoader(adminWorkshop.loader, `/admin/workshops/${workshop.id}`, cookie, {
    params: { workshopId: workshop.id },
  });
  expect((detail.data as { coordinators: { id: string }[] }).coordinators.map((c) => c.id)).toEqual([user.id]);

  const coordinatorCookie = await loginAs({ ...user, role: "coordinator", password: "coordinator-pass-1" });
  const home = await callLoader(coordinatorHome.loader, "/coordinator", coordinatorCookie);
  expect(home.status).toBe(200);
  expect((home.data as { workshop: { id: string; name: string } }).workshop).toMatchObject({
    id: workshop.id,
    name: "白市驿镇巧手梦工坊",
  });
});

test("an admin creating a coordinator for a workshop that does not exist gets 404 and creates nothing", async () => {
  const admin = await createAdminUser();
  const cookie = await loginAs(admin);
  const before = await rowCounts();
  const outcome = await callAction(
    adminWorkshop.action,
    "/admin/workshops/no-such-workshop",
    { name: "周协调员", phone: uniquePhone(), password: "coordinator-pass-1" },
    cookie,
    { params: { workshopId: "no-such-workshop" } },
  );
  expect(outcome.status).toBe(404);
  expect(await rowCounts()).toEqual(before);
});

test("a coordinator cannot reach the admin routes (403) nor create a workshop or a coordinator", async () => {
  const w = await twoWorkshops();
  const cookie = await loginAs(w.coordinatorA);
  const before = await rowCounts();
  const outcomes = await Promise.all([
    callLoader(adminLayout.loader, "/admin", cookie),
    callLoader(adminHome.loader, "/admin", cookie),
    callLoader(adminWorkshop.loader, `/admin/workshops/${w.b.id}`, cookie, { params: { workshopId: w.b.id } }),
    callAction(adminHome.action, "/admin", { name: "自建工坊" }, cookie),
    callAction(
      adminWorkshop.action,
      `/admin/workshops/${w.a.id}`,
      { name: "自封协调员", phone: uniquePhone(), password: "coordinator-pass-1" },
      cookie,
      { params: { workshopId: w.a.id } },
    ),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual([403, 403, 403, 403, 403]);
  expect(await rowCounts()).toEqual(before);
});
