// One viewer lookup per request: the root, layout and page loaders of one
// request ask who is asking at the same time and share one cookie check and one
// database read; nothing is kept once the read is done, so a logout,
// deactivation or expiry is seen by the very next lookup.
import { expect, test, vi } from "vitest";
import { readSession } from "../../app/models/session.server.ts";
import { loader as rootLoader } from "../../app/root.tsx";
import { loader as workerLayoutLoader } from "../../app/routes/worker.tsx";
import { loader as workerHomeLoader } from "../../app/routes/worker._index.tsx";
import { getViewer, viewerLookupsInFlight } from "../../app/utils/auth.server.ts";
import { db } from "../../app/infra/db.server.ts";
import {
  callLoader,
  createAdminUser,
  createPartnerFirm,
  createPartnerUser,
  createWorkshopWithStaff,
  getRequest,
  loginAs,
} from "../support/fixtures.ts";

// The real readSession, counted.
vi.mock("../../app/models/session.server.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../app/models/session.server.ts")>();
  return { ...real, readSession: vi.fn(real.readSession) };
});
const reads = vi.mocked(readSession);

test("the root, layout and page loaders of one request read the session once, and agree on who it is", async () => {
  const { worker } = await createWorkshopWithStaff();
  const cookie = await loginAs(worker);
  reads.mockClear();

  // As Remix runs them for GET /worker: side by side, each with its own Request object.
  const [root, layout, home] = await Promise.all([
    callLoader(rootLoader, "/worker", cookie),
    callLoader(workerLayoutLoader, "/worker", cookie),
    callLoader(workerHomeLoader, "/worker", cookie),
  ]);

  expect(reads).toHaveBeenCalledTimes(1);
  expect(root.data).toMatchObject({ viewer: { name: worker.name, role: "worker" } });
  expect(layout.data).toEqual({ userName: worker.name, unreadNotices: 0 });
  expect(home.data).toMatchObject({ name: worker.name });
  expect(viewerLookupsInFlight()).toBe(0);
});

test("lookups one after the other each read again: a logout or a deactivation shows at once", async () => {
  const { worker } = await createWorkshopWithStaff();
  const cookie = await loginAs(worker);
  reads.mockClear();

  expect((await getViewer(getRequest("/worker", cookie)))?.user.id).toBe(worker.id);
  await db().user.update({ where: { id: worker.id }, data: { active: false } });
  expect(await getViewer(getRequest("/worker", cookie))).toBeNull();
  await db().user.update({ where: { id: worker.id }, data: { active: true } });
  expect((await getViewer(getRequest("/worker", cookie)))?.user.id).toBe(worker.id);
  await db().session.deleteMany({ where: { userId: worker.id } });
  expect(await getViewer(getRequest("/worker", cookie))).toBeNull();

  expect(reads).toHaveBeenCalledTimes(4);
});

test("different people asking at the same time never share a lookup", async () => {
  const staff = await createWorkshopWithStaff();
  const partner = await createPartnerUser(await createPartnerFirm(staff.workshop.id));
  const admin = await createAdminUser();
  const people = [staff.worker, staff.coordinator, partner, admin];
  const cookies = await Promise.all(people.map((person) => loginAs(person)));
  reads.mockClear();

  const viewers = await Promise.all(cookies.map((cookie) => getViewer(getRequest("/", cookie))));

  expect(viewers.map((v) => v?.user.id)).toEqual(people.map((p) => p.id));
  expect(viewers.map((v) => v?.scope.role)).toEqual(["worker", "coordinator", "partner", "admin"]);
  expect(reads).toHaveBeenCalledTimes(people.length);
});

test("a shared lookup judges expiry by each caller's own clock", async () => {
  const { worker } = await createWorkshopWithStaff();
  const cookie = await loginAs(worker);
  const session = await db().session.findFirstOrThrow({ where: { userId: worker.id }, select: { expiresAt: true } });
  const before = new Date(session.expiresAt.getTime() - 1);
  reads.mockClear();

  const [early, late] = await Promise.all([
    getViewer(getRequest("/", cookie), before),
    getViewer(getRequest("/", cookie), session.expiresAt),
  ]);

  expect(reads).toHaveBeenCalledTimes(1);
  expect(early?.user.id).toBe(worker.id);
  expect(late).toBeNull();
});

test("a failed read fails every loader that shared it, and is not remembered: the next request reads again", async () => {
  const { worker } = await createWorkshopWithStaff();
  const cookie = await loginAs(worker);
  reads.mockClear();
  reads.mockRejectedValueOnce(new Error("database unavailable"));

  const outcomes = await Promise.allSettled([
    getViewer(getRequest("/worker", cookie)),
    getViewer(getRequest("/worker", cookie)),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
  expect(viewerLookupsInFlight()).toBe(0);

  expect((await getViewer(getRequest("/worker", cookie)))?.user.id).toBe(worker.id);
  expect(reads).toHaveBeenCalledTimes(2);
});

test("no cookie, or a cookie without a valid session, reads nothing or finds nobody", async () => {
  reads.mockClear();
  expect(await getViewer(getRequest("/"))).toBeNull();
  expect(await getViewer(getRequest("/", "piecework_lang=en"))).toBeNull();
  expect(reads).toHaveBeenCalledTimes(0);
});
