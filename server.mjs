// The production entry (`npm start`, scripts/e2e.mjs, systemd): loads the
// Remix server build and starts the app's HTTP server from it
// (app/http/app-server.server.ts: Express with cross-site and body checks,
// security headers, compression, /healthz and a JSON log line per request;
// see docs/decisions/012-http-layer.md). This file keeps only what belongs to
// the process: the port, the signals, the exit code.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { broadcastDevReady, installGlobals } from "@remix-run/node";

installGlobals({ nativeFetch: true });

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(root, "build/index.js"));
const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const host = process.env.HOST ?? "0.0.0.0";

const { server, shutdown } = build.entry.module.createAppServer({
  build,
  publicDir: path.join(root, "public"),
  mode: process.env.NODE_ENV,
  devOrigin: process.env.REMIX_DEV_ORIGIN,
});

server.listen(port, host, () => {
  console.log(`巧手计件 Piecework listening on http://localhost:${port}`);
  if (process.env.NODE_ENV === "development") broadcastDevReady(build);
});

// SIGTERM (systemd, the test runner) or Ctrl-C: stop accepting connections,
// let requests in flight finish, disconnect the database, exit 0; after 10 s
// cut what is left and exit 1. A second signal ends the process at once.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    console.log(`${signal}: finishing requests in flight, then stopping`);
    void shutdown().then((code) => {
      if (code !== 0) console.error("stopped after 10 s with requests still open");
      process.exit(code);
    });
  });
}
