// The access matrix (issue 6, "Done when"): every module in app/routes
// declares who may use it (`export const access`, type RouteAccess in
// app/domain/access.ts), and its loader and action are called as nobody, a
// worker, a coordinator, a partner and an admin (real sessions from the
// fixtures; $params filled with real ids of the callers' own workshop, firm and
// order). Roles not declared get 403 (nobody: a redirect to /login) and change
// nothing; declared roles are served. The list of routes is read from the
// folder, so a new route without a declaration fails here.
import { stageWorkerImport } from "../../app/models/worker-import.server.ts";
import { csvBytes } from "../support/import-sheets.ts";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { ROLES, type Role, type RouteAccess } from "../../app/domain/access.ts";
import { createOrderRow, createOrderWorld } from "../support/catalogue-fixtures.ts";
import { claimedWork, createMaterialRow } from "../support/stock-fixtures.ts";
import { loggedWithPhoto } from "../support/photo-fixtures.ts";
import { deliveryRow, lotWithCheckPhoto } from "../support/quality-fixtures.ts";
import { checkedLot, createRate } from "../support/pay-fixtures.ts";
import { addMonths, chinaMonth } from "../../app/domain/dates.ts";
import { db } from "../../app/infra/db.server.ts";
import { settleMonth } from "../../app/models/settlement.server.ts";
import { issueStatement } from "../../app/models/statement.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import {
  callAction,
  callLoader,
  createAdminUser,
  location,
  loginAs,
  rowCounts,
  type RouteFunction,
} from "../support/fixtures.ts";

const routesDir = fileURLToPath(new URL("../../app/routes/", import.meta.url));
const FILES = readdirSync(routesDir)
  .filter((f) => /\.(tsx|ts)$/.test(f))
  .sort();

type RouteModule = { access?: unknown; loader?: RouteFunction; action?: RouteFunction };

const MODULES = new Map<string, RouteModule>();
for (const file of FILES) MODULES.set(file, (await import(path.join(routesDir, file))) as RouteModule);

function isRouteAccess(value: unknown): value is RouteAccess {
  const v = value as { public?: unknown; roles?: unknown } | null;
  if (typeof v !== "object" || v === null) return false;
  if (v.public === true) return !("roles" in v);
  return (
    Array.isArray(v.roles) &&
    v.roles.length > 0 &&
    v.roles.every((r) => (ROLES as readonly unknown[]).includes(r)) &&
    new Set(v.roles).size === v.roles.length
  );
}

/**
 * Remix flat routes: "coordinator.orders.$orderId.tsx" is /coordinator/orders/:orderId; "_index" is its parent;
 * a trailing "_" ("$orderId_.labels") only opts out of the parent's layout and is not part of the URL;
 * brackets escape a dot that belongs to the URL ("statement[.csv]" is /statement.csv, ADR 023).
 */
function routeOf(file: string): { segments: string[]; params: string[] } {
  const segments = file
    .replace(/\.(tsx|ts)$/, "")
    .replace(/\[\.([^\]]*)\]/g, "\u0000$1")
    .split(".")
    .map((s) => s.replace("\u0000", "."))
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""));
  return { segments, params: segments.filter((s) => s.startsWith("$")).map((s) => s.slice(1)) };
}

async function makeWorld() {
  const world = await createOrderWorld();
  const admin = await createAdminUser();
  const orderId = await createOrderRow(world, { quantity: 100, status: "pending", dueOn: "2099-12-31" });
  // The worker caller's own claim (on another, accepted order), and a material of the workshop.
  const { assignmentId } = await claimedWork(world, world.workers[0]!, 5, 10, 10);
  const material = await createMaterialRow(world.workshop.id);
  // A piece log of the worker caller's, with a photo (/photos/<logId>).
  const logId = await loggedWithPhoto(world, world.workers[0]!);
  // A lot of that log, awaiting its check, whose check photo is the log's (/check-photos/<lotId>, ADR 021).
  const lotId = await lotWithCheckPhoto(world, logId);
  // A delivery of the caller's order to the caller's firm (/coordinator|partner/deliveries/<id>).
  const deliveryId = await deliveryRow(world, orderId);
  // A settled month with a payslip for the worker caller and for the coordinator's $workerId
  // (/coordinator/pay/<month>[/<workerId>|/print], /worker/pay/<month>[/lines/<lineId>], ADR 022).
  const month = addMonths(chinaMonth(new Date()), -2);
  const payOrderId = await createOrderRow(world, { quantity: 100, dueOn: "2099-12-31" });
  const rateId = await createRate(world, 3_500n);
  for (const worker of [world.workers[0]!, world.workers[1]!]) {
    const day = new Date(`${month}-05T02:00:00Z`);
    await checkedLot(world, payOrderId, {
      workerId: worker.id,
      quantity: 4,
      rateId,
      rateE4: 3_500n,
      loggedAt: day,
      checkedAt: day,
    });
  }
  const settled = await settleMonth({ workshopId: world.workshop.id, userId: world.coordinator.id }, month, new Date());
  if (!settled.ok) throw new Error(`test setup: settle refused ${JSON.stringify(settled)}`);
  const line = await db().payslipLine.findFirstOrThrow({
    where: { kind: "piece", payslip: { workerId: world.workers[0]!.id, month } },
    select: { id: true },
  });
  // A notice of the worker caller's (her payslip is ready); opening one leads anyone else to their own list (ADR 026).
  const notice = await db().notice.findFirstOrThrow({
    where: { recipientId: world.workers[0]!.id },
    select: { id: true },
  });
  // An income statement of the worker caller (/worker/statements/<id>, ADR 027).
  const statement = await issueStatement(
    { workshopId: world.workshop.id, userId: world.workers[0]!.id },
    { from: month, to: month },
    new Date(),
    newSubmissionKey(),
  );
  if (!statement.ok || !statement.id) throw new Error(`test setup: statement refused ${JSON.stringify(statement)}`);
  const users = {
    worker: world.workers[0]!,
    coordinator: world.coordinator,
    partner: world.partnerUser,
    admin,
  } satisfies Record<Role, unknown>;
  // A worker import staged by the workshop's coordinator (ADR 025), for /coordinator/workers/import/$importId.
  const staged = await stageWorkerImport(
    { userId: world.coordinator.id, workshopId: world.workshop.id },
    { name: "matrix.csv", bytes: csvBytes([{ name: "王芳", phone: "13700000001" }]) },
    new Date(),
  );
  if (!staged.ok) throw new Error(`test setup: import refused ${staged.code}`);
  // Real ids from the callers' own tenant, so that a declared role is served, not given a 404.
  const ids: Record<string, string> = {
    importId: staged.id,
    workshopId: world.workshop.id,
    orderId,
    partnerId: world.partner.id,
    productId: world.product.id,
    workerId: world.workers[1]!.id,
    assignmentId,
    materialId: material.id,
    logId,
    lotId,
    deliveryId,
    month,
    lineId: line.id,
    noticeId: String(notice.id),
    statementId: statement.id,
    code: "ABCD-EFGH-JKLM-NPQR-STUV",
  };
  const cookies = {} as Record<Role, string>;
  for (const role of ROLES) cookies[role] = await loginAs(users[role]);
  return { world, users, ids, cookies };
}
type World = Awaited<ReturnType<typeof makeWorld>>;
let shared: Promise<World> | undefined;
const world = () => (shared ??= makeWorld());

function paramsOf(file: string, w: World): { url: string; params: Record<string, string> } {
  const { segments, params } = routeOf(file);
  const values: Record<string, string> = {};
  for (const name of params) {
    const id = w.ids[name];
    if (!id) throw new Error(`${file}: no fixture id for $${name}; add one to makeWorld() in this test`);
    values[name] = id;
  }
  const url = `/${segments.map((s) => (s.startsWith("$") ? values[s.slice(1)] : s)).join("/")}`;
  return { url, params: values };
}

type Caller = "anonymous" | Role;
const CALLERS: Caller[] = ["anonymous", ...ROLES];

test("app/routes was read, and every route module declares who may use it", () => {
  expect(FILES.length).toBeGreaterThan(20);
  expect(FILES).toEqual(expect.arrayContaining(["login.tsx", "coordinator.products.$productId.tsx"]));
  const undeclared = FILES.filter((f) => !isRouteAccess(MODULES.get(f)?.access));
  expect(undeclared, "add `export const access = { roles: [...] }` or `{ public: true }`").toEqual([]);
});

test("a role area's routes are declared for that role only; only login, logout, language, / and the verify pages are public", () => {
  for (const file of FILES) {
    const access = MODULES.get(file)?.access as RouteAccess;
    const area = file.split(".")[0] as string;
    if ((ROLES as readonly string[]).includes(area)) expect(access, file).toEqual({ roles: [area] });
    if ("public" in access)
      expect(["_index.tsx", "language.tsx", "login.tsx", "logout.tsx", "v._index.tsx", "v.$code.tsx"]).toContain(file);
  }
});

/** Routes whose loader sends every caller it serves on to another page: a label's address (ADR 019), the queue's address opened in a browser (ADR 020). */
const REDIRECTS = new Set(["l.$assignmentId.tsx", "worker.tasks.$assignmentId_.logs.ts", "notices.$noticeId.tsx"]);

const CASES = FILES.flatMap((file) => {
  const module = MODULES.get(file) ?? {};
  const kinds = (["loader", "action"] as const).filter((k) => typeof module[k] === "function");
  return kinds.flatMap((kind) => CALLERS.map((caller) => [file, kind, caller] as const));
});

test.each(CASES)("%s %s as %s", async (file, kind, caller) => {
  const w = await world();
  const module = MODULES.get(file)!;
  const access = module.access as RouteAccess;
  const allowed = "public" in access || (caller !== "anonymous" && access.roles.includes(caller));
  const { url, params } = paramsOf(file, w);
  // An action may end the session (logout): log in afresh for each one.
  const cookie = caller === "anonymous" ? null : kind === "action" ? await loginAs(w.users[caller]) : w.cookies[caller];
  const before = await rowCounts();

  // An empty form for actions: enough to reach the role check, and it changes nothing when the role is let in.
  const outcome =
    kind === "loader"
      ? await callLoader(module.loader!, url, cookie, { params })
      : await callAction(module.action!, url, {}, cookie, { params });

  expect(outcome.status, JSON.stringify(outcome.data)).toBeLessThan(500);
  if (allowed) {
    expect(outcome.status).not.toBe(403);
    if (!("public" in access)) {
      // Served, not sent to log in: a page (200) or, for an empty form, a 400 with its messages.
      expect(location(outcome) ?? "").not.toMatch(/^\/login/);
      if (kind === "loader" && REDIRECTS.has(file)) expect(outcome.status).toBe(302);
      else expect(outcome.status).toBe(kind === "loader" ? 200 : 400);
    }
    return;
  }
  if (caller === "anonymous") {
    expect(outcome.status).toBe(302);
    expect(location(outcome)).toMatch(/^\/login(\?|$)/);
  } else {
    expect(outcome.status).toBe(403);
    expect(outcome.data).toEqual({ reason: "forbidden" });
  }
  expect(outcome.thrown).toBe(true);
  expect(await rowCounts()).toEqual(before);
});
