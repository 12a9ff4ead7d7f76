// Server entry: Remix's Node streaming renderer. The configuration is validated
// when this module loads, so a production start without SESSION_SECRET fails at
// boot rather than at the first request. Every inline script carries the
// request's CSP nonce (from the load context, app/http/server.server.ts); the
// security headers are set by the HTTP layer for every response.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce.ts";
import { getEnv } from "./infra/env.server.ts";

getEnv();

// The HTTP server (server.mjs takes it from the build: build.entry.module).
export { createAppServer } from "./http/app-server.server.ts";

export const streamTimeout = 5_000;

/**
 * Unexpected errors are logged once, with the request they belong to. Expected
 * answers are not errors: a request the client abandoned, and 4xx answers such
 * as an unknown address or an old-style `?_data=` request (the app uses single
 * fetch), which Remix reports here too; logging those filled the request log
 * with stack traces for every probe.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(
    JSON.stringify({ level: "error", method: request.method, path: new URL(request.url).pathname, error: text }),
  );
};

/**
 * Pages and their data are about the person asking: never kept in the browser's
 * cache (private, no-store), so after logging out the Back button, or the next
 * person on a shared phone, finds nothing of hers. The worker's offline copies
 * are the service worker's own (public/sw.js), emptied at the login page. A
 * route may still set its own Cache-Control.
 */
function neverKept(headers: Headers) {
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-store");
}

export function handleDataRequest(response: Response) {
  neverKept(response.headers);
  return response;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce || undefined} />
      </NonceProvider>,
      {
        nonce: nonce || undefined,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          neverKept(responseHeaders);
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}
