// Every action, called the way Remix calls it, with bodies that are not a web
// form: JSON, text/plain, none at all, multipart with a broken boundary. Each
// answers 415/400 (or, where the route first looks up what its URL names, a
// 4xx for that) and never crashes, and nothing changes. The list of actions
// is read from app/routes, so a new action is covered without touching this
// file; an action that reads its body with `request.formData()` instead of
// `readFormData()` fails here. The HTTP layer refuses these bodies before the
// app (tests/e2e/http-hardening.spec.ts); this is the app's own guard.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ActionFunctionArgs } from "@remix-run/node";
import { expect, test } from "vitest";
import { createOrderRow, createOrderWorld } from "../support/catalogue-fixtures.ts";
import { createAdminUser, DEFAULT_ADDRESS, loginAs, ORIGIN, rowCounts } from "../support/fixtures.ts";

const ROUTES_DIR = "app/routes";

type ActionRoute = { file: string; source: string; path: string; params: string[] };

function actionRoutes(): ActionRoute[] {
  return readdirSync(ROUTES_DIR)
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => ({ file: name, source: readFileSync(join(ROUTES_DIR, name), "utf8") }))
    .filter(({ source }) => /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(source))
    .map(({ file, source }) => {
      const segments = file
        .replace(/\.tsx?$/, "")
        .split(".")
        .filter((s) => s !== "_index");
      return {
        file,
        source,
        path: `/${segments.join("/")}`,
        params: segments.filter((s) => s.startsWith("$")).map((s) => s.slice(1)),
      };
    });
}

const BODIES: { name: string; body: string | null; contentType?: string; status: number }[] = [
  { name: "JSON", body: '{"phone":"13800000002","locale":"en"}', contentType: "application/json", status: 415 },
  { name: "text/plain", body: "phone=13800000002&locale=en", contentType: "text/plain", status: 415 },
  { name: "no Content-Type", body: null, status: 415 },
  {
    name: "multipart with a broken boundary",
    body: '--other\r\nContent-Disposition: form-data; name="locale"\r\n\r\nen\r\n--other--\r\n',
    contentType: "multipart/form-data; boundary=expected",
    status: 400,
  },
];

/** Actions that look up a settled payslip before they read the form (the world below settles no month). */
const NEEDS_PAYSLIP = new Set(["coordinator.pay.$month_.$workerId.tsx", "worker.pay.$month.tsx"]);

async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const value = await run();
    if (value instanceof Response) return value.status;
    const init = (value as { init?: { status?: number } | null } | null)?.init;
    return init?.status ?? 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    // A refusal thrown as Remix `data(…, { status })` (notFound(), forbidden()).
    const init = (error as { init?: { status?: number } | null } | null)?.init;
    if (typeof init?.status === "number") return init.status;
    throw error;
  }
}

test("the actions are found in app/routes, and none reads its body with request.formData()", () => {
  const routes = actionRoutes();
  expect(routes.map((r) => r.file)).toEqual(
    expect.arrayContaining(["login.tsx", "language.tsx", "logout.tsx", "coordinator.settings.tsx"]),
  );
  expect(routes.filter((r) => r.source.includes("request.formData()")).map((r) => r.file)).toEqual([]);
});

test("every action answers a body that is not a web form with 415/400, never an error, and changes nothing", async () => {
  const world = await createOrderWorld({ workers: 1 });
  const admin = await createAdminUser();
  const orderId = await createOrderRow(world, { quantity: 10, status: "pending" });
  const worker = world.workers[0]!;
  const cookies: Record<string, string | null> = {
    coordinator: await loginAs(world.coordinator),
    worker: await loginAs(worker),
    partner: await loginAs(world.partnerUser),
    admin: await loginAs(admin),
  };
  const params: Record<string, string> = {
    workshopId: world.workshop.id,
    workerId: worker.id,
    partnerId: world.partner.id,
    productId: world.product.id,
    orderId,
    month: "2026-10",
  };
  const cookieFor = (path: string) => {
    const area = path.split("/")[1] ?? "";
    if (area in cookies) return cookies[area] ?? null;
    // Pages every role has (the account, the notices): as a worker.
    return path === "/account" || path === "/notices" ? cookies.worker! : null;
  };

  const before = await rowCounts();
  const wrong: string[] = [];
  let checked = 0;
  for (const route of actionRoutes()) {
    const module = (await import(`../../app/routes/${route.file}`)) as {
      action: (args: ActionFunctionArgs) => Promise<unknown>;
    };
    const readsForm = route.source.includes("readFormData(request)");
    for (const body of BODIES) {
      const headers = new Headers();
      if (body.contentType) headers.set("Content-Type", body.contentType);
      const cookie = cookieFor(route.path);
      if (cookie) headers.set("Cookie", cookie);
      const path = route.path.replace(/\$(\w+)/g, (_, name: string) => params[name] ?? "unknown");
      const request = new Request(`${ORIGIN}${path}`, { method: "POST", body: body.body, headers });
      const routeParams = Object.fromEntries(route.params.map((name) => [name, params[name] ?? "unknown"]));
      const status = await statusOf(() =>
        module.action({ request, params: routeParams, context: { clientAddress: DEFAULT_ADDRESS } }),
      );
      checked += 1;
      // An action that reads no form (logout) answers as it always does; one that does must refuse the body.
      // A payslip's forms find the payslip first; this world has no settled month, so they answer 404.
      const ok = readsForm ? status === body.status || (NEEDS_PAYSLIP.has(route.file) && status === 404) : status < 500;
      if (!ok) wrong.push(`${body.name} → ${route.file}: ${status}`);
    }
  }
  expect(wrong).toEqual([]);
  expect(checked).toBe(actionRoutes().length * BODIES.length);
  expect(await rowCounts()).toEqual(before);
});
