// The HTTP server (app/http/server.server.ts) with a stand-in for Remix:
// what reaches the app, what is refused before it, the log line, /healthz,
// precompressed files, and a graceful shutdown that lets a slow upload finish.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from "node:zlib";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { FORM_BODY_LIMIT } from "../../app/http/body.ts";
import {
  createHttpServer,
  readLimitedBody,
  type HttpServer,
  type HttpServerOptions,
} from "../../app/http/server.server.ts";

type Seen = { request: Request; body: string; context: AppLoadContext };

let publicDir: string;
const servers: HttpServer[] = [];

beforeAll(() => {
  publicDir = mkdtempSync(join(tmpdir(), "piecework-http-"));
  mkdirSync(join(publicDir, "build"));
  const script = `console.log(${JSON.stringify("巧手".repeat(2000))});`;
  writeFileSync(join(publicDir, "build/app-ABC123.js"), script);
  writeFileSync(join(publicDir, "build/app-ABC123.js.br"), brotliCompressSync(script));
  writeFileSync(join(publicDir, "build/style-DEF456.css"), `body{color:red}\n`.repeat(200));
  writeFileSync(join(publicDir, "favicon.svg"), "<svg/>");
});

afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.server.closeAllConnections();
    await s.shutdown(100);
  }
});

async function start(options: Partial<HttpServerOptions> = {}) {
  const seen: Seen[] = [];
  const logs: string[] = [];
  const httpServer = createHttpServer({
    handleRequest: async (request, context) => {
      const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
      seen.push({ request, body, context });
      return new Response(`ok ${request.method}`, { headers: { "Content-Type": "text/plain", "Set-Cookie": "a=1" } });
    },
    publicDir,
    trustProxy: false,
    hsts: false,
    healthCheck: async () => true,
    log: (line) => logs.push(line),
    ...options,
  });
  servers.push(httpServer);
  await new Promise<void>((resolve) => httpServer.server.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.server.address() as AddressInfo;
  return { ...httpServer, base: `http://127.0.0.1:${port}`, port, seen, logs };
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A request with full control over headers and body (fetch would add its own); `body` may be written in slices. */
function send(
  base: string,
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer | (string | Buffer)[];
    delayMs?: number;
  } = {},
): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path, method: init.method ?? "GET", headers: init.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", reject);
    const parts = init.body === undefined ? [] : Array.isArray(init.body) ? init.body : [init.body];
    void (async () => {
      for (const part of parts) {
        req.write(part);
        if (init.delayMs) await new Promise((r) => setTimeout(r, init.delayMs));
      }
      req.end();
    })();
  });
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

// ---------------------------------------------------------------------------

test("a same-origin form post reaches the app whole, with the client's address and the page's CSP nonce", async () => {
  const app = await start();
  const answer = await send(app.base, "/login?redirectTo=%2Fworker", {
    method: "POST",
    headers: { ...FORM, Origin: app.base, Cookie: "s=1" },
    body: "phone=13800000002&password=secret",
  });
  expect(answer.status).toBe(200);
  expect(answer.body.toString()).toBe("ok POST");
  expect(answer.headers["set-cookie"]).toEqual(["a=1"]);
  expect(app.seen).toHaveLength(1);
  const [{ request, body, context }] = app.seen as [Seen];
  expect(request.url).toBe(`${app.base}/login?redirectTo=%2Fworker`);
  expect(body).toBe("phone=13800000002&password=secret");
  expect(request.headers.get("cookie")).toBe("s=1");
  expect(context.clientAddress).toBe("127.0.0.1");
  const policy = answer.headers["content-security-policy"] ?? "";
  expect(context.cspNonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(policy).toContain(`'nonce-${context.cspNonce}'`);
  expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers["strict-transport-security"]).toBeUndefined();
});

test("a request target that looks protocol-relative stays a path on this site", async () => {
  const app = await start();
  const answer = await send(app.base, "//attacker.example/login?x=1");
  expect(answer.status).toBe(200);
  expect(app.seen[0]?.request.url).toBe(`${app.base}//attacker.example/login?x=1`);
});

test("a chunked body is counted as it arrives: over the limit it is refused with 413 and the app never sees it", async () => {
  const app = await start();
  const piece = Buffer.alloc(16 * 1024, "a");
  const answer = await send(app.base, "/login", {
    method: "POST",
    headers: { ...FORM, "Transfer-Encoding": "chunked" },
    body: Array.from({ length: 8 }, () => piece),
  });
  expect(answer.status).toBe(413);
  expect(answer.body.toString()).toContain("Too large");
  expect(app.seen).toEqual([]);

  const within = await send(app.base, "/login", {
    method: "POST",
    headers: { ...FORM, "Transfer-Encoding": "chunked" },
    body: [Buffer.from("a="), Buffer.alloc(FORM_BODY_LIMIT - 2, "b")],
  });
  expect(within.status).toBe(200);
  expect(app.seen[0]?.body).toHaveLength(FORM_BODY_LIMIT);
});

/** A multipart form with one file field of `size` bytes (and a count), as the worker's log form sends it. */
function photoForm(size: number): { headers: Record<string, string>; body: Buffer } {
  const boundary = "----pieceworkPhoto7MA4YWxk";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="quantity"\r\n\r\n12\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="IMG_0001.JPG"\r\n` +
      `Content-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, Buffer.alloc(size, 0xab), tail]);
  return { headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body };
}

test("the queue's log address may carry an 8 MB photo and the log page's plain post 24 MB (refused by the app in her words); more is refused with 413, as is 100 KB anywhere else", async () => {
  const app = await start();
  const nine = photoForm(9 * 1024 * 1024);
  const announced = await send(app.base, "/worker/tasks/cm0assignment1/logs", {
    method: "POST",
    headers: { ...nine.headers, "Content-Length": String(nine.body.length) },
    body: nine.body,
  }).catch((error: Error) => ({ status: -1, error }));
  expect(announced.status).toBe(413);
  // Announcing nothing (chunked) does not help: the body is counted as it comes.
  const chunked = await send(app.base, "/worker/tasks/cm0assignment1/logs", {
    method: "POST",
    headers: { ...nine.headers, "Transfer-Encoding": "chunked" },
    body: Array.from({ length: 9 }, (_, i) =>
      nine.body.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024 + (i === 8 ? 1024 : 0)),
    ),
  }).catch((error: Error) => ({ status: -1, error }));
  expect(chunked.status).toBe(413);
  // The page's own post: 25 MB is refused before the app, announced or chunked.
  const huge = photoForm(25 * 1024 * 1024);
  const hugeAnnounced = await send(app.base, "/worker/tasks/cm0assignment1", {
    method: "POST",
    headers: { ...huge.headers, "Content-Length": String(huge.body.length) },
    body: huge.body,
  }).catch((error: Error) => ({ status: -1, error }));
  expect(hugeAnnounced.status).toBe(413);
  const hugeChunked = await send(app.base, "/worker/tasks/cm0assignment1", {
    method: "POST",
    headers: { ...huge.headers, "Transfer-Encoding": "chunked" },
    body: Array.from({ length: 26 }, (_, i) => huge.body.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024)),
  }).catch((error: Error) => ({ status: -1, error }));
  expect(hugeChunked.status).toBe(413);
  expect(app.seen).toEqual([]);

  const hundredKb = photoForm(100 * 1024);
  for (const path of [
    "/worker/tasks/cm0assignment1/give-back",
    "/worker/claim",
    "/coordinator/receiving/cm0assignment1",
  ]) {
    const answer = await send(app.base, path, {
      method: "POST",
      headers: { ...hundredKb.headers, "Content-Length": String(hundredKb.body.length) },
      body: hundredKb.body,
    }).catch((error: Error) => ({ status: -1, error }));
    expect(answer.status, path).toBe(413);
  }
  expect(app.seen).toEqual([]);

  // A full 8 MB photo with its form reaches the app whole.
  const eight = photoForm(8 * 1024 * 1024);
  const within = await send(app.base, "/worker/tasks/cm0assignment1", {
    method: "POST",
    headers: { ...eight.headers, "Content-Length": String(eight.body.length), Origin: app.base },
    body: eight.body,
  });
  expect(within.status).toBe(200);
  expect(app.seen).toHaveLength(1);
  // A 9 MB phone photo posted by the page without JavaScript reaches the app, which answers it on her page.
  const plain = await send(app.base, "/worker/tasks/cm0assignment1", {
    method: "POST",
    headers: { ...nine.headers, "Content-Length": String(nine.body.length), Origin: app.base },
    body: nine.body,
  });
  expect(plain.status).toBe(200);
  expect(app.seen).toHaveLength(2);
  expect(app.seen[0]?.body.length).toBe(eight.body.length);
}, 60_000);

test("readLimitedBody keeps nothing past the limit and stops listening", async () => {
  const chunks = Array.from({ length: 100 }, () => Buffer.alloc(1024, "x"));
  const stream = Readable.from(chunks);
  const result = await readLimitedBody(stream, 10 * 1024);
  expect(result).toEqual({ ok: false, reason: "tooLarge" });
  expect(stream.listenerCount("data")).toBe(0);
  const whole = await readLimitedBody(Readable.from([Buffer.from("a=1"), Buffer.from("&b=2")]), 1024);
  expect(whole.ok && whole.body.toString()).toBe("a=1&b=2");
});

test("refusals come before the app: cross-site 403, non-form 415, malformed multipart 400, announced size 413, bad Host 400", async () => {
  const app = await start();
  const cases: [string, Parameters<typeof send>[2], number][] = [
    ["/x", { method: "POST", headers: { ...FORM, Origin: "http://127.0.0.1:1" }, body: "a=1" }, 403],
    ["/x", { method: "POST", headers: { ...FORM, "Sec-Fetch-Site": "cross-site" }, body: "a=1" }, 403],
    ["/x?_data=routes%2Fx", { method: "DELETE", headers: { Origin: "null" } }, 403],
    ["/x", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }, 415],
    ["/x", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "a=1" }, 415],
    ["/x", { method: "POST", body: "a=1" }, 415],
    [
      "/x",
      {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data; boundary=right" },
        body: '--wrong\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--wrong--\r\n',
      },
      400,
    ],
    ["/x", { method: "POST", headers: { ...FORM, "Content-Length": String(FORM_BODY_LIMIT + 1) }, body: "a=1" }, 413],
    ["/x", { method: "POST", headers: { ...FORM, Host: "evil.example/x" }, body: "a=1" }, 400],
  ];
  for (const [path, init, status] of cases) {
    const answer = await send(app.base, path, init).catch((error: Error) => ({ status: -1, error }));
    expect(answer.status, JSON.stringify(init)).toBe(status);
  }
  expect(app.seen).toEqual([]);

  const multipart = await send(app.base, "/x", {
    method: "POST",
    headers: { "Content-Type": "multipart/form-data; boundary=right", Origin: app.base },
    body: '--right\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--right--\r\n',
  });
  expect(multipart.status).toBe(200);
  expect(app.seen).toHaveLength(1);
});

test("a refusal is a small page for a browser's page request and plain text for data requests", async () => {
  const app = await start();
  const page = await send(app.base, "/login", {
    method: "POST",
    headers: { ...FORM, Origin: "https://attacker.example", Accept: "text/html" },
    body: "a=1",
  });
  expect(page.status).toBe(403);
  expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(page.body.toString()).toContain("<h1>请求被拒绝</h1>");
  expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
  const data = await send(app.base, "/login?_data=routes%2Flogin", {
    method: "POST",
    headers: { ...FORM, Origin: "https://attacker.example", Accept: "text/html" },
    body: "a=1",
  });
  expect(data.headers["content-type"]).toBe("text/plain; charset=utf-8");
});

test("one JSON log line per request: no query string, no cookie, no body; refusals and static files too", async () => {
  const app = await start();
  await send(app.base, "/login?redirectTo=%2Fsecret-place", {
    method: "POST",
    headers: { ...FORM, Cookie: "__piecework_session=sekrit" },
    body: "password=hunter2",
  });
  await send(app.base, "/favicon.svg");
  await send(app.base, "/x", { method: "POST", headers: { Origin: "null" } });
  await expect.poll(() => app.logs.length).toBe(3);
  const [login, favicon, refused] = app.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(login).toMatchObject({ method: "POST", path: "/login", status: 200, bytes: 7, client: "127.0.0.1" });
  expect(Object.keys(login!).sort()).toEqual(["bytes", "client", "method", "ms", "path", "status", "time"]);
  expect(typeof login!.ms).toBe("number");
  expect(new Date(login!.time as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
  expect(favicon).toMatchObject({ method: "GET", path: "/favicon.svg", status: 200, bytes: 6 });
  expect(refused).toMatchObject({ method: "POST", path: "/x", status: 403 });
  const all = app.logs.join("\n");
  for (const secret of ["sekrit", "hunter2", "secret-place", "redirectTo"]) expect(all).not.toContain(secret);
});

test("behind a trusted proxy, the forwarded address, scheme and host are used; HSTS when cookies are Secure", async () => {
  const app = await start({ trustProxy: true, hsts: true });
  const answer = await send(app.base, "/page", {
    method: "POST",
    headers: {
      ...FORM,
      Origin: "https://piecework.example",
      "X-Forwarded-For": "203.0.113.9",
      "X-Forwarded-Proto": "https",
      "X-Forwarded-Host": "piecework.example",
    },
    body: "a=1",
  });
  expect(answer.status).toBe(200);
  expect(app.seen[0]?.request.url).toBe("https://piecework.example/page");
  expect(app.seen[0]?.context.clientAddress).toBe("203.0.113.9");
  expect(answer.headers["strict-transport-security"]).toMatch(/^max-age=\d+$/);
  // Without the proxy's word, the same Origin is a foreign one.
  const direct = await start({ trustProxy: false });
  const refused = await send(direct.base, "/page", {
    method: "POST",
    headers: { ...FORM, Origin: "https://piecework.example", "X-Forwarded-Host": "piecework.example" },
    body: "a=1",
  });
  expect(refused.status).toBe(403);
});

test("/healthz: 200 ok when the database answers, 503 unavailable when not; no-store, no details", async () => {
  const up = await start();
  const ok = await send(up.base, "/healthz");
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body.toString())).toEqual({ status: "ok" });
  expect(ok.headers["cache-control"]).toBe("no-store");
  expect(ok.headers.etag).toBeUndefined();

  const errors: unknown[] = [];
  const down = await start({
    healthCheck: async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432 password=hunter2");
    },
    onHealthError: (error) => errors.push(error),
  });
  const unavailable = await send(down.base, "/healthz");
  expect(unavailable.status).toBe(503);
  expect(unavailable.body.toString()).toBe('{"status":"unavailable"}');
  expect(unavailable.headers["cache-control"]).toBe("no-store");
  expect(errors).toHaveLength(1);
  expect(down.seen).toEqual([]);
});

test("fingerprinted assets are sent as their precompressed copy when accepted, else compressed on the fly", async () => {
  const app = await start();
  const br = await send(app.base, "/build/app-ABC123.js", { headers: { "Accept-Encoding": "gzip, br" } });
  expect(br.status).toBe(200);
  expect(br.headers["content-encoding"]).toBe("br");
  expect(br.headers["content-type"]).toBe("text/javascript; charset=utf-8");
  expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(br.headers.vary).toMatch(/Accept-Encoding/);
  const gzip = await send(app.base, "/build/style-DEF456.css", { headers: { "Accept-Encoding": "gzip" } });
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(gunzipSync(gzip.body).toString()).toContain("body{color:red}");
  const plain = await send(app.base, "/build/app-ABC123.js");
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.toString()).toContain("巧手");
  const outside = await send(app.base, "/build/..%2f..%2f..%2f..%2fetc%2fpasswd", {
    headers: { "Accept-Encoding": "br" },
  });
  // Not served from outside public/build: it falls through to the app (here the stand-in).
  expect(app.seen.map((s) => new URL(s.request.url).pathname)).toEqual(["/build/..%2f..%2f..%2f..%2fetc%2fpasswd"]);
  expect(brotliDecompressSync(outside.body).toString()).toBe("ok GET");
});

test("shutdown lets a slow upload in flight finish and get its answer, refuses new connections, then runs onShutdown", async () => {
  const events: string[] = [];
  const app = await start({
    handleRequest: async (request) => {
      const body = await request.text();
      events.push(`app read ${body.length} bytes`);
      return new Response(`ok ${request.method}`);
    },
    onShutdown: async () => {
      events.push("database disconnected");
    },
  });
  const slow = send(app.base, "/worker/upload", {
    method: "POST",
    headers: { ...FORM, "Content-Length": String(10 * 100) },
    body: Array.from({ length: 10 }, () => "a".repeat(100)),
    delayMs: 100,
  });
  await new Promise((r) => setTimeout(r, 250));
  const stopped = app.shutdown(5_000).then((code) => {
    events.push(`stopped ${code}`);
    return code;
  });
  await new Promise((r) => setTimeout(r, 50));
  await expect(send(app.base, "/login")).rejects.toThrow(/ECONNREFUSED/);
  const answer = await slow;
  expect(answer.status).toBe(200);
  expect(answer.body.toString()).toBe("ok POST");
  expect(await stopped).toBe(0);
  expect(events).toEqual(["app read 1000 bytes", "database disconnected", "stopped 0"]);
});

test("shutdown closes idle keep-alive connections at once, and cuts requests still open after the timeout (exit 1)", async () => {
  const idle = await start();
  const agent = new http.Agent({ keepAlive: true });
  await new Promise<void>((resolve) =>
    http.get(`${idle.base}/x`, { agent }, (res) => res.resume().on("end", () => resolve())),
  );
  const started = Date.now();
  expect(await idle.shutdown(5_000)).toBe(0);
  expect(Date.now() - started).toBeLessThan(1_000);
  agent.destroy();

  const stuck = await start({ handleRequest: () => new Promise<Response>(() => undefined) });
  const hanging = send(stuck.base, "/never").catch((error: Error) => error.message);
  await new Promise((r) => setTimeout(r, 100));
  const before = Date.now();
  expect(await stuck.shutdown(300)).toBe(1);
  expect(Date.now() - before).toBeGreaterThanOrEqual(250);
  expect(await hanging).toMatch(/socket hang up|ECONNRESET/);
});
