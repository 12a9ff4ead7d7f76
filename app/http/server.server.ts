// The HTTP layer in front of Remix (ADR 012): one Express app that, in order,
//   1. writes one JSON log line per request (request-log.ts),
//   2. sets the headers every response carries (headers.ts),
//   3. refuses cross-site writes on every path (origin.ts),
//   4. answers GET /healthz,
//   5. compresses (Brotli/gzip) and serves static files, precompressed where
//      scripts/precompress.mjs left a copy,
//   6. gives pages a per-request CSP nonce,
//   7. hands the request to Remix, after checking a write's body: a form, of
//      bounded size, read into memory while counting (body.ts).
// It replaces @remix-run/express's adapter (which streams any body of any
// size and type into the app). Everything it needs comes in as options, so the
// tests start it with a stand-in for Remix.
import { randomBytes } from "node:crypto";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import path from "node:path";
import type { Readable } from "node:stream";
import { TLSSocket } from "node:tls";
import { constants as zlibConstants } from "node:zlib";
import { writeReadableStreamToWritable, type AppLoadContext } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import { bodyLimitFor, checkBodyHeaders, type BodyLimit, LARGER_BODY_LIMITS } from "./body.ts";
import { ENCODING_SUFFIX, PRECOMPRESSED_TYPES, preferredEncoding } from "./encoding.ts";
import { baseSecurityHeaders, contentSecurityPolicy, LOCKED_DOWN_CSP } from "./headers.ts";
import { crossSiteVerdict, isReadOnlyMethod, siteOrigin } from "./origin.ts";
import { refusal, wantsPage, type RefusalReason } from "./refusal.ts";
import { requestLogLine } from "./request-log.ts";

/** How long /healthz waits for the database before it answers 503. */
export const HEALTH_TIMEOUT_MS = 3_000;
/**
 * Brotli for answers compressed on the fly: quality 4 (compression's default)
 * with a 64 KB window instead of zlib's 4 MB, which every answer would
 * otherwise allocate: that took /login from ~290 to ~95 req/s here, while a
 * page (7 KB for /login) compresses to the same size with the small window.
 */
const DYNAMIC_BROTLI = { [zlibConstants.BROTLI_PARAM_QUALITY]: 4, [zlibConstants.BROTLI_PARAM_LGWIN]: 16 };

/** How long a shutdown waits for requests in flight before it closes their connections. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

export type HttpServerOptions = {
  /** Answers a request as Remix does: `createRequestHandler(build, mode)`. */
  handleRequest: (request: Request, context: AppLoadContext) => Promise<Response>;
  /** The folder of static files (`public/`); fingerprinted assets are under its `build/`. */
  publicDir: string;
  /** TRUST_PROXY=1: one reverse proxy in front sets X-Forwarded-For/-Proto/-Host. */
  trustProxy: boolean;
  /** Send Strict-Transport-Security (when the session cookie is Secure). */
  hsts: boolean;
  /** `remix dev`'s origin in development (REMIX_DEV_ORIGIN), for the CSP. */
  devOrigin?: string | undefined;
  /** A trivial database query: resolves true when the database answers. */
  healthCheck: () => Promise<boolean>;
  /** Told why a health check failed (the answer itself never says). */
  onHealthError?: (error: unknown) => void;
  /** Runs once all connections are closed on shutdown (disconnects the database). */
  onShutdown?: () => Promise<void>;
  /** Where request log lines go (default: stdout); null for none. */
  log?: ((line: string) => void) | null;
  /** Per-path body limits above the form limit (default: LARGER_BODY_LIMITS). */
  bodyLimits?: readonly BodyLimit[];
};

export type HttpServer = {
  server: Server;
  /**
   * Stops accepting connections, lets requests in flight finish (closing
   * each connection as it falls idle), then runs onShutdown. After
   * `timeoutMs` it closes the remaining connections. Resolves with the exit
   * code: 0 when everything finished, 1 when connections had to be cut.
   */
  shutdown: (timeoutMs?: number) => Promise<0 | 1>;
};

type Locals = { cspNonce: string };

// ---------------------------------------------------------------------------
// Small pieces

/** One header's value as a string (repeated headers joined, as Node does for most). */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function siteOf(req: IncomingMessage, trustProxy: boolean): string | null {
  return siteOrigin({
    host: header(req, "host"),
    forwardedHost: header(req, "x-forwarded-host"),
    forwardedProto: header(req, "x-forwarded-proto"),
    encrypted: req.socket instanceof TLSSocket,
    trustProxy,
  });
}

/** After refusing a write, how much of its body is still read and thrown away, and for how long, before the connection is cut. */
export const DISCARD_LIMIT = { bytes: 8 * 1024 * 1024, ms: 5_000 };

/**
 * Reads and throws away the rest of a refused request's body, so that the
 * client (still sending) sees the answer instead of a reset connection (as
 * nginx's lingering close does); cuts the connection once DISCARD_LIMIT is
 * reached. Nothing is kept.
 */
function discardRest(req: IncomingMessage) {
  if (req.complete) return;
  let discarded = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, DISCARD_LIMIT.ms);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT.bytes) {
      clearTimeout(timer);
      cut();
    }
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

/** Answers a refusal in both languages; the body of a refused write is never read into memory. */
function refuse(
  req: ExpressRequest,
  res: ExpressResponse,
  status: number,
  reason: RefusalReason,
  options: { limit?: number } = {},
) {
  const answer = refusal(status, reason, {
    page: wantsPage(req.originalUrl, header(req, "accept")),
    limit: options.limit,
  });
  res.status(status);
  res.setHeader("Content-Type", answer.contentType);
  res.setHeader("Content-Security-Policy", LOCKED_DOWN_CSP);
  res.setHeader("Cache-Control", "no-store");
  res.end(answer.body);
  discardRest(req);
}

export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: "tooLarge" | "aborted" };

/**
 * Reads a request body into memory, counting as it reads: stops at the first
 * byte over `limit` (whatever Content-Length said, also for chunked bodies)
 * and keeps nothing more.
 */
export function readLimitedBody(stream: Readable, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onAborted);
      stream.off("close", onAborted);
      if (!result.ok) chunks.length = 0;
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle({ ok: false, reason: "tooLarge" });
      else chunks.push(chunk);
    };
    const onEnd = () => settle({ ok: true, body: Buffer.concat(chunks, size) });
    const onAborted = () => settle({ ok: false, reason: "aborted" });
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onAborted);
    stream.on("close", onAborted);
  });
}

/** Whether a multipart body parses (as the action's request.formData() will parse it). */
async function multipartParses(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<boolean> {
  try {
    await new Response(body, { headers: { "Content-Type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (!values || name === "transfer-encoding" || name === "content-length") continue;
    for (const value of values) headers.append(name, value);
  }
  return headers;
}

async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function byteLength(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === "string") {
    return Buffer.byteLength(chunk, Buffer.isEncoding(String(encoding)) ? (encoding as BufferEncoding) : "utf8");
  }
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------
// The server

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const log = options.log === undefined ? (line: string) => process.stdout.write(`${line}\n`) : options.log;
  const bodyLimits = options.bodyLimits ?? LARGER_BODY_LIMITS;
  const securityHeaders = baseSecurityHeaders({ hsts: options.hsts });
  const buildDir = path.join(options.publicDir, "build");
  let draining = false;

  const app = express();
  app.disable("x-powered-by");
  // res.send() answers (refusals, /healthz) must never be answered 304 from an ETag.
  app.set("etag", false);
  // Behind one reverse proxy, take the client address it appended to
  // X-Forwarded-For; never the left-most entry, which any client can forge.
  if (options.trustProxy) app.set("trust proxy", 1);

  // 1. One log line per request, written when the answer is complete or the client left.
  if (log) {
    app.use((req, res, next) => {
      const started = process.hrtime.bigint();
      let bytes = 0;
      const write = res.write;
      const end = res.end;
      res.write = function (this: ExpressResponse, chunk: unknown, ...rest: unknown[]) {
        bytes += byteLength(chunk, rest[0]);
        return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      } as typeof res.write;
      res.end = function (this: ExpressResponse, chunk?: unknown, ...rest: unknown[]) {
        if (typeof chunk !== "function") bytes += byteLength(chunk, rest[0]);
        return (end as (...args: unknown[]) => ExpressResponse).call(this, chunk, ...rest);
      } as typeof res.end;
      let logged = false;
      const done = () => {
        if (logged) return;
        logged = true;
        log(
          requestLogLine({
            time: new Date(),
            method: req.method,
            url: req.originalUrl,
            status: res.statusCode,
            durationMs: Number(process.hrtime.bigint() - started) / 1e6,
            bytes: req.method === "HEAD" ? 0 : bytes,
            client: req.ip ?? req.socket.remoteAddress ?? "unknown",
            aborted: !res.writableFinished,
          }),
        );
      };
      res.once("finish", done);
      res.once("close", done);
      next();
    });
  }

  // 2. Headers for every response; during a shutdown, no new keep-alive.
  app.use((_req, res, next) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    if (draining) res.setHeader("Connection", "close");
    next();
  });

  // 3. Writes only from this site's own pages, on every path.
  app.use((req, res, next) => {
    const verdict = crossSiteVerdict({
      method: req.method,
      origin: header(req, "origin"),
      secFetchSite: header(req, "sec-fetch-site"),
      site: siteOf(req, options.trustProxy),
    });
    if (verdict.allowed) next();
    else refuse(req, res, 403, "crossSite");
  });

  // 4. Health: a trivial database query; no secrets, no versions, never cached.
  app.get("/healthz", async (_req, res) => {
    let ok = false;
    try {
      ok = await withTimeout(options.healthCheck(), HEALTH_TIMEOUT_MS);
    } catch (error) {
      options.onHealthError?.(error);
    }
    res.status(ok ? 200 : 503);
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Security-Policy", LOCKED_DOWN_CSP);
    res.type("application/json").send(JSON.stringify({ status: ok ? "ok" : "unavailable" }));
  });

  // 5. Compression for everything compressible (pages, data, scripts, styles);
  // precompressed copies of the fingerprinted assets where the build left them.
  app.use(compression({ brotli: { params: DYNAMIC_BROTLI } }));
  app.use("/build", async (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const type = PRECOMPRESSED_TYPES[path.extname(req.path)];
    if (!type) return next();
    res.vary("Accept-Encoding");
    const encoding = preferredEncoding(header(req, "accept-encoding"));
    if (!encoding) return next();
    let file: string;
    try {
      file = path.join(buildDir, decodeURIComponent(req.path));
    } catch {
      return next();
    }
    if (!file.startsWith(buildDir + path.sep)) return next();
    const copy = file + ENCODING_SUFFIX[encoding];
    const found = await stat(copy).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!found) return next();
    res.setHeader("Content-Type", type);
    res.setHeader("Content-Encoding", encoding);
    res.sendFile(copy, { maxAge: "1y", immutable: true }, (error) => {
      if (error && !res.headersSent) {
        res.removeHeader("Content-Encoding");
        next();
      }
    });
  });
  app.use("/build", express.static(buildDir, { immutable: true, maxAge: "1y" }));
  app.use(express.static(options.publicDir, { maxAge: "1h" }));

  // 6. The app's pages: a fresh nonce for Remix's inline scripts, and the policy naming it.
  app.use((_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    (res.locals as Locals).cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy({ nonce, devOrigin: options.devOrigin }));
    next();
  });

  // 7. Remix, with a write's body checked and read first.
  app.all("*", async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const site = siteOf(req, options.trustProxy);
      if (site === null || !req.originalUrl.startsWith("/")) return refuse(req, res, 400, "badHost");
      // Concatenated, not resolved: "//other.example/x" is a path here, never another host.
      const url = new URL(`${site}${req.originalUrl}`);
      let body: Uint8Array<ArrayBuffer> | undefined;
      if (!isReadOnlyMethod(req.method)) {
        const limit = bodyLimitFor(url.pathname, bodyLimits);
        const contentType = header(req, "content-type");
        const verdict = checkBodyHeaders(
          {
            contentType,
            contentLength: header(req, "content-length"),
            transferEncoding: header(req, "transfer-encoding"),
          },
          limit,
        );
        if (!verdict.ok) return refuse(req, res, verdict.status, verdict.reason, { limit });
        const read = await readLimitedBody(req, limit);
        if (!read.ok) {
          if (read.reason === "tooLarge") return refuse(req, res, 413, "tooLarge", { limit });
          return void res.destroy();
        }
        // A view of the bytes read (the pooled Buffer's ArrayBuffer may be larger), as fetch's BodyInit.
        body = new Uint8Array(read.body.buffer as ArrayBuffer, read.body.byteOffset, read.body.byteLength);
        if (verdict.kind === "multipart" && !(await multipartParses(body, contentType ?? ""))) {
          return refuse(req, res, 400, "malformed");
        }
      }
      const controller = new AbortController();
      res.once("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const headers = requestHeaders(req);
      if (body) headers.set("Content-Length", String(body.byteLength));
      const request = new Request(url, { method: req.method, headers, body, signal: controller.signal });
      const context: AppLoadContext = {
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        cspNonce: (res.locals as Locals).cspNonce,
      };
      await sendResponse(res, await options.handleRequest(request, context));
    } catch (error) {
      next(error);
    }
  });

  const server = createServer(app);

  let shuttingDown: Promise<0 | 1> | undefined;
  function shutdown(timeoutMs = SHUTDOWN_TIMEOUT_MS): Promise<0 | 1> {
    shuttingDown ??= new Promise<0 | 1>((resolve) => {
      draining = true;
      let code: 0 | 1 = 0;
      // Connections fall idle as their last answer completes: close each then.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const force = setTimeout(() => {
        code = 1;
        server.closeAllConnections();
      }, timeoutMs);
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(force);
        const after = options.onShutdown?.() ?? Promise.resolve();
        after.then(
          () => resolve(code),
          () => resolve(1),
        );
      });
    });
    return shuttingDown;
  }

  return { server, shutdown };
}
