// The HTTP layer on the production build (issue 6): cross-site writes are
// refused on every route, hostile and non-form bodies get a quick 4xx, pages
// carry a CSP whose nonce their scripts bear, answers are compressed, and
// /healthz answers. The route list is read from app/routes, so a new route is
// covered without touching this file.
// Accounts: 王协调员 13800000002 (logs in several times; changes nothing: every
// write it tries here is refused). Sessions are independent, so this runs
// alongside coordinator.spec.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, logIn, waitForHydration } from "./support.ts";

const COORDINATOR = "13800000002";
/** A quick refusal: the reproduced 5.9 MB login took 7 s and stalled everything else. */
const QUICK_MS = 2_000;

// ---------------------------------------------------------------------------
// The routes, from the files in app/routes (Remix flat routes)

type Route = {
  file: string;
  /** Remix's route id, as `?_data=` names it. */
  id: string;
  /** A URL path that reaches it (params filled with a made-up id). */
  path: string;
  index: boolean;
  hasAction: boolean;
  /** A route without a default export answers data only (logout, language). */
  resource: boolean;
};

function routes(): Route[] {
  const dir = "app/routes";
  return readdirSync(dir).flatMap((name): Route[] => {
    let file = join(dir, name);
    let base = name.replace(/\.[jt]sx?$/, "");
    if (statSync(file).isDirectory()) {
      const inner = readdirSync(file).find((f) => /^route\.[jt]sx?$/.test(f));
      if (!inner) return [];
      file = join(file, inner);
      base = name;
    } else if (!/\.[jt]sx?$/.test(name)) {
      return [];
    }
    const source = readFileSync(file, "utf8");
    const segments = base.split(/(?<!\[)\.(?![^[]*\])/);
    const index = segments.at(-1) === "_index";
    const pathSegments = segments
      .filter((s) => s !== "_index" && !s.startsWith("_"))
      .map((s) => (s.startsWith("$") ? "made-up-id" : s.replace(/_$/, "").replace(/[[\]]/g, "")));
    return [
      {
        file,
        id: `routes/${base}`,
        path: `/${pathSegments.join("/")}`,
        index,
        hasAction: /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(source),
        resource: !/export\s+default\b/.test(source),
      },
    ];
  });
}

const ROUTES = routes();
const ACTION_ROUTES = ROUTES.filter((r) => r.hasAction);

/** The three ways a write reaches a route: a document POST, an old-style `?_data=` fetch, a single-fetch `.data` fetch. */
function targets(route: Route): string[] {
  const index = route.index ? "index&" : "";
  const data = route.path === "/" ? "/_root.data" : `${route.path}.data`;
  return [
    route.index ? `${route.path}?index` : route.path,
    `${route.path}?${index}_data=${encodeURIComponent(route.id)}`,
    route.index ? `${data}?index` : data,
  ];
}

test("the route list covers the app: the pages, their actions and the resource routes", () => {
  const files = ROUTES.map((r) => r.id);
  expect(files).toEqual(expect.arrayContaining(["routes/login", "routes/logout", "routes/coordinator.settings"]));
  expect(ACTION_ROUTES.map((r) => r.id)).toEqual(
    expect.arrayContaining(["routes/login", "routes/logout", "routes/language", "routes/coordinator.settings"]),
  );
  expect(ROUTES.filter((r) => r.resource).map((r) => r.id)).toEqual(
    expect.arrayContaining(["routes/logout", "routes/language"]),
  );
  expect(ROUTES.length).toBeGreaterThanOrEqual(20);
});

// ---------------------------------------------------------------------------
// Helpers

function origins(baseURL: string) {
  const own = new URL(baseURL);
  const otherPort = new URL(baseURL);
  otherPort.port = String(Number(own.port) === 65535 ? 1024 : Number(own.port) + 1);
  const otherHost = new URL(baseURL);
  otherHost.hostname = own.hostname === "localhost" ? "127.0.0.1" : "localhost";
  return { own: own.origin, otherPort: otherPort.origin, otherHost: otherHost.origin };
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

/** A logged-in API context, logged in the way the browser does it (a same-origin form post). */
async function loggedIn(baseURL: string, phone: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const response = await context.post("/login", {
    headers: { ...FORM, Origin: new URL(baseURL).origin },
    data: new URLSearchParams({ phone, password: DEMO_PASSWORD }).toString(),
    maxRedirects: 0,
  });
  expect(response.status(), "same-origin login").toBe(302);
  return context;
}

/** Sends a POST over a raw socket: the headers as given (e.g. a huge Content-Length), then `body`; resolves with the status line. */
function rawPost(baseURL: string, path: string, headers: Record<string, string>, body: Buffer) {
  const url = new URL(baseURL);
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(url.port), url.hostname);
    let received = "";
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer within 10 s")));
    socket.on("error", reject);
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match) {
        resolve({ status: Number(match[1]), ms: Date.now() - started });
        socket.destroy();
      }
    });
    socket.on("connect", () => {
      const lines = [
        `POST ${path} HTTP/1.1`,
        `Host: ${url.host}`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      socket.write(body);
    });
  });
}

/** A chunked POST (no Content-Length) of `total` bytes in 64 KB pieces; resolves with the status. */
function chunkedPost(baseURL: string, path: string, total: number) {
  const url = new URL(baseURL);
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const started = Date.now();
    const req = http.request(
      { host: url.hostname, port: url.port, path, method: "POST", headers: { ...FORM, Origin: url.origin } },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, ms: Date.now() - started });
      },
    );
    req.on("error", (error) => (error.message.includes("EPIPE") ? undefined : reject(error)));
    const piece = Buffer.alloc(64 * 1024, "a");
    for (let sent = 0; sent < total; sent += piece.length) req.write(piece);
    req.end();
  });
}

/** GET with a chosen Accept-Encoding, returning the bytes as sent on the wire. */
function rawGet(baseURL: string, path: string, acceptEncoding: string, cookie?: string) {
  const url = new URL(baseURL);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const headers: Record<string, string> = { "Accept-Encoding": acceptEncoding };
    if (cookie) headers.Cookie = cookie;
    http
      .get({ host: url.hostname, port: url.port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

// ---------------------------------------------------------------------------
// 1. Cross-site writes

test("every route refuses a write from another origin (another port, another host, null) or a cross-site fetch: 403, also with _data and .data", async ({
  request,
  baseURL,
}) => {
  const { otherPort, otherHost } = origins(baseURL!);
  const attacks: { name: string; headers: Record<string, string> }[] = [
    { name: "Origin: another port", headers: { Origin: otherPort } },
    { name: "Origin: another host", headers: { Origin: otherHost } },
    { name: "Origin: attacker site", headers: { Origin: "https://attacker.example" } },
    { name: "Origin: null", headers: { Origin: "null" } },
    { name: "Sec-Fetch-Site: cross-site", headers: { "Sec-Fetch-Site": "cross-site" } },
    { name: "Sec-Fetch-Site: same-site", headers: { "Sec-Fetch-Site": "same-site" } },
  ];
  const wrong: string[] = [];
  let count = 0;
  for (const route of ROUTES) {
    for (const target of targets(route)) {
      for (const attack of attacks) {
        const response = await request.post(target, {
          headers: { ...FORM, ...attack.headers },
          data: "phone=13800000002&password=qiaoshou123&hourlyMinimumWage=0.01&locale=en",
          maxRedirects: 0,
        });
        count += 1;
        if (response.status() !== 403) wrong.push(`${attack.name} POST ${target} → ${response.status()}`);
        else if (!(await response.text()).includes("Request refused")) wrong.push(`${target}: 403 without the message`);
      }
    }
  }
  for (const method of ["PUT", "PATCH", "DELETE"]) {
    const response = await request.fetch("/coordinator/settings", {
      method,
      headers: { ...FORM, Origin: otherPort },
      data: "hourlyMinimumWage=0.01",
    });
    if (response.status() !== 403) wrong.push(`${method} /coordinator/settings → ${response.status()}`);
  }
  expect(wrong).toEqual([]);
  expect(count).toBe(ROUTES.length * 3 * attacks.length);
});

test("a cross-site form cannot change the coordinator's minimum wage (as reproduced: ?_data= from another port)", async ({
  baseURL,
}) => {
  const { otherPort, otherHost } = origins(baseURL!);
  const coordinator = await loggedIn(baseURL!, COORDINATOR);
  const read = async () => (await coordinator.get("/coordinator/settings.data")).text();
  const before = await read();
  expect(before).toContain('"input","23.00"');

  for (const target of [
    "/coordinator/settings?_data=routes%2Fcoordinator.settings",
    "/coordinator/settings.data",
    "/coordinator/settings",
  ]) {
    for (const origin of [otherPort, otherHost]) {
      const response = await coordinator.post(target, {
        headers: { ...FORM, Origin: origin },
        data: "hourlyMinimumWage=0.01&minimumWageSource=attack",
        maxRedirects: 0,
      });
      expect(response.status(), `${origin} → ${target}`).toBe(403);
    }
  }
  const after = await read();
  expect(after).toContain('"input","23.00"');
  expect(after).not.toContain("attack");
  await coordinator.dispose();
});

test("a cross-site login does not log the browser in: 403 and no session cookie", async ({ baseURL }) => {
  const { otherPort, otherHost } = origins(baseURL!);
  const victim = await playwrightRequest.newContext({ baseURL });
  for (const [target, headers] of [
    ["/login?_data=routes%2Flogin", { Origin: otherPort }],
    ["/login", { Origin: otherHost }],
    ["/login.data", { Origin: "null" }],
    ["/login", { "Sec-Fetch-Site": "cross-site" }],
  ] as const) {
    const response = await victim.post(target, {
      headers: { ...FORM, ...headers },
      data: new URLSearchParams({ phone: COORDINATOR, password: DEMO_PASSWORD }).toString(),
      maxRedirects: 0,
    });
    expect(response.status(), target).toBe(403);
    expect(response.headers()["set-cookie"], target).toBeUndefined();
  }
  expect((await victim.storageState()).cookies).toEqual([]);
  const home = await victim.get("/coordinator", { maxRedirects: 0 });
  expect(home.status()).toBe(302);
  expect(home.headers().location).toMatch(/^\/login/);
  await victim.dispose();
});

test("a cross-site POST to /logout does not log the victim out", async ({ baseURL }) => {
  const { otherPort } = origins(baseURL!);
  const coordinator = await loggedIn(baseURL!, COORDINATOR);
  const attacks: Record<string, string>[] = [{ Origin: otherPort }, { "Sec-Fetch-Site": "cross-site" }];
  for (const headers of attacks) {
    const response = await coordinator.post("/logout", { headers: { ...FORM, ...headers }, data: "", maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  }
  const home = await coordinator.get("/coordinator", { maxRedirects: 0 });
  expect(home.status()).toBe(200);
  await coordinator.dispose();
});

test("same-origin writes still work: with this Origin, with Sec-Fetch-Site same-origin, and from clients that send neither", async ({
  baseURL,
}) => {
  const own = new URL(baseURL!).origin;
  const sameOrigin: Record<string, string>[] = [{ Origin: own }, { "Sec-Fetch-Site": "same-origin" }, {}];
  for (const headers of sameOrigin) {
    const context = await playwrightRequest.newContext({ baseURL });
    const login = await context.post("/login", {
      headers: { ...FORM, ...headers },
      data: new URLSearchParams({ phone: COORDINATOR, password: DEMO_PASSWORD }).toString(),
      maxRedirects: 0,
    });
    expect(login.status(), JSON.stringify(headers)).toBe(302);
    expect(login.headers()["set-cookie"]).toContain("__piecework_session=");
    expect((await context.get("/coordinator", { maxRedirects: 0 })).status()).toBe(200);
    const logout = await context.post("/logout", { headers: { ...FORM, ...headers }, data: "", maxRedirects: 0 });
    expect(logout.status()).toBe(302);
    expect((await context.get("/coordinator", { maxRedirects: 0 })).status()).toBe(302);
    await context.dispose();
  }
});

// ---------------------------------------------------------------------------
// 2 and 3. Hostile and non-form bodies

test("every action answers JSON, text/plain, no Content-Type and broken multipart with a quick 415/400, never 500", async ({
  request,
  baseURL,
}) => {
  const own = new URL(baseURL!).origin;
  const bodies: { name: string; headers: Record<string, string>; data: string | Buffer; status: number }[] = [
    { name: "JSON", headers: { "Content-Type": "application/json" }, data: '{"phone":"13800000002"}', status: 415 },
    { name: "text/plain", headers: { "Content-Type": "text/plain" }, data: "phone=13800000002", status: 415 },
    { name: "no Content-Type", headers: {}, data: Buffer.from("phone=13800000002"), status: 415 },
    {
      name: "multipart, wrong boundary",
      headers: { "Content-Type": "multipart/form-data; boundary=expected" },
      data: '--other\r\nContent-Disposition: form-data; name="phone"\r\n\r\n1\r\n--other--\r\n',
      status: 400,
    },
    {
      name: "multipart, no boundary",
      headers: { "Content-Type": "multipart/form-data" },
      data: '--x\r\nContent-Disposition: form-data; name="phone"\r\n\r\n1\r\n--x--\r\n',
      status: 400,
    },
    {
      name: "multipart, unterminated",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      data: '--x\r\nContent-Disposition: form-data; name="phone"\r\n\r\n1',
      status: 400,
    },
  ];
  const wrong: string[] = [];
  for (const route of ACTION_ROUTES) {
    for (const target of targets(route)) {
      for (const body of bodies) {
        const started = Date.now();
        const response = await request.post(target, {
          headers: { ...body.headers, Origin: own },
          data: body.data,
          maxRedirects: 0,
        });
        const ms = Date.now() - started;
        if (response.status() !== body.status || ms > QUICK_MS) {
          wrong.push(`${body.name} → ${target}: ${response.status()} in ${ms} ms`);
        }
      }
    }
  }
  expect(wrong).toEqual([]);
});

test("oversized bodies are refused at once with 413: 5 MB sent, 50 MB announced, 1 MB chunked; the server keeps answering", async ({
  request,
  baseURL,
}) => {
  const own = new URL(baseURL!).origin;
  const fields = Buffer.from(`phone=1&${"a=1&".repeat(1_300_000)}`); // ~5.2 MB of fields, as in the reproduction
  for (const target of ["/login", "/login?_data=routes%2Flogin", "/coordinator/settings", "/logout"]) {
    const started = Date.now();
    const response = await request.post(target, { headers: { ...FORM, Origin: own }, data: fields, maxRedirects: 0 });
    expect(response.status(), target).toBe(413);
    expect(await response.text()).toContain("Too large");
    expect(Date.now() - started, target).toBeLessThan(QUICK_MS);
  }

  const announced = await rawPost(
    baseURL!,
    "/login",
    { ...FORM, Origin: own, "Content-Length": String(50 * 1024 * 1024) },
    Buffer.alloc(16 * 1024, "a"),
  );
  expect(announced.status).toBe(413);
  expect(announced.ms).toBeLessThan(QUICK_MS);

  const chunked = await chunkedPost(baseURL!, "/login", 1024 * 1024);
  expect(chunked.status).toBe(413);
  expect(chunked.ms).toBeLessThan(QUICK_MS);

  const started = Date.now();
  expect((await request.get("/login")).status()).toBe(200);
  expect(Date.now() - started).toBeLessThan(QUICK_MS);
});

test("a failed login echoes back only the login form's own fields, never the rest of what was posted", async ({
  request,
  baseURL,
}) => {
  const own = new URL(baseURL!).origin;
  const junk = "x".repeat(30_000);
  const response = await request.post("/login.data", {
    headers: { ...FORM, Origin: own },
    data: new URLSearchParams({ phone: "not-a-phone", password: "whatever", junk, other: "marker-123" }).toString(),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  const text = await response.text();
  expect(text).toContain("not-a-phone");
  expect(text).not.toContain("marker-123");
  expect(text).not.toContain("xxxxxxxxxx");
  expect(text).not.toContain("whatever");
  expect(text.length).toBeLessThan(2_000);
});

// ---------------------------------------------------------------------------
// 9. Headers and compression

test("pages carry a Content-Security-Policy whose fresh nonce every script bears, and the security headers", async ({
  request,
}) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/login");
    const policy = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce, policy).toBeTruthy();
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("'unsafe-inline' ");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["referrer-policy"]).toBe("same-origin");
    // The demo runs on plain http with non-Secure cookies: no HSTS there.
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  for (const path of ["/favicon.svg", "/no-such-page", "/healthz"]) {
    const response = await request.get(path);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
  }
});

test("with the CSP on, a coordinator logs in and clicks through her pages without a single violation", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Refused to load: CSP ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto("/login");
  await waitForHydration(page);
  await logIn(page, COORDINATOR);
  await expect(page).toHaveURL("/coordinator");
  for (const path of [
    "/coordinator/workers",
    "/coordinator/products",
    "/coordinator/materials",
    "/coordinator/orders",
    "/coordinator/partners",
    "/coordinator/settings",
    "/coordinator/audit",
    "/account",
  ]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
  }
  // Client-side navigation (the app's JavaScript ran) through the header's links.
  await page.goto("/coordinator");
  await waitForHydration(page);
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.locator('a[href="/coordinator/workers"]').first().click();
  await expect(page).toHaveURL("/coordinator/workers");
  expect(requests).toContain("/coordinator/workers.data");
  expect(violations).toEqual([]);
});

test("pages, data, scripts and styles are sent compressed with Brotli or gzip", async ({ baseURL }) => {
  const page = await rawGet(baseURL!, "/login", "identity");
  expect(page.headers["content-encoding"]).toBeUndefined();
  const html = page.body.toString("utf8");

  const br = await rawGet(baseURL!, "/login", "gzip, deflate, br");
  expect(br.headers["content-encoding"]).toBe("br");
  expect(br.headers.vary).toMatch(/Accept-Encoding/i);
  expect(brotliDecompressSync(br.body).toString("utf8")).toContain("<!DOCTYPE html>");
  expect(br.body.length).toBeLessThan(html.length / 2);

  const gz = await rawGet(baseURL!, "/login", "gzip");
  expect(gz.headers["content-encoding"]).toBe("gzip");
  expect(gunzipSync(gz.body).toString("utf8")).toContain("<!DOCTYPE html>");

  const assets = [...html.matchAll(/(?:src|href)="(\/build\/[^"?]+\.(?:js|css))(?:\?[^"]*)?"/g)].map((m) => m[1]!);
  expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
  expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
  for (const asset of assets) {
    const plain = await rawGet(baseURL!, asset, "identity");
    for (const [encoding, decode] of [
      ["br", brotliDecompressSync],
      ["gzip", gunzipSync],
    ] as const) {
      const packed = await rawGet(baseURL!, asset, encoding);
      expect(packed.status, asset).toBe(200);
      if (plain.body.length < 1024) continue;
      expect(packed.headers["content-encoding"], `${asset} ${encoding}`).toBe(encoding);
      expect(decode(packed.body).equals(plain.body), asset).toBe(true);
      expect(packed.headers["content-type"], asset).toMatch(asset.endsWith(".css") ? /^text\/css/ : /javascript/);
      expect(packed.headers["cache-control"], asset).toContain("immutable");
    }
  }

  const coordinator = await loggedIn(baseURL!, COORDINATOR);
  const cookie = (await coordinator.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const data = await rawGet(baseURL!, "/coordinator/settings.data", "br", cookie);
  expect(data.status).toBe(200);
  expect(data.headers["content-encoding"]).toBe("br");
  expect(brotliDecompressSync(data.body).toString("utf8")).toContain('"23.00"');
  await coordinator.dispose();
});

test("/healthz answers 200 {status: ok} to anyone, never cached, and says nothing else", async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const response = await anonymous.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers().etag).toBeUndefined();
  const cross = await anonymous.post("/healthz", {
    headers: { ...FORM, Origin: "https://attacker.example" },
    data: "",
  });
  expect(cross.status()).toBe(403);
  await anonymous.dispose();
});
