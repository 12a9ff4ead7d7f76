// One structured line per request (issue 6, "Deploying"): JSON an operator can
// grep and a log shipper can parse. It names what was asked and how it went,
// never who asked beyond the address: no query string (it may carry a
// redirect target or a search), no headers (cookies), no body (passwords). Pure.

export type RequestLogEntry = {
  time: Date;
  method: string;
  /** The request target as received; only its path is logged. */
  url: string;
  status: number;
  durationMs: number;
  /** Body bytes sent (after compression). */
  bytes: number;
  client: string;
  /** The client went away before the answer was complete. */
  aborted?: boolean;
};

/** Longest path written: enough for every route here, bounded against junk. */
export const MAX_LOGGED_PATH = 256;

/** A verification code's address (ADR 027): the code is a secret the log must not keep. */
const VERIFY_PATH = /^\/v\/[^/]+/;

/**
 * The path of a request target without its query or fragment, cut to MAX_LOGGED_PATH characters;
 * an income statement's verify address is logged as /v/… (its code is not written to the log).
 */
export function loggedPath(url: string): string {
  const end = url.search(/[?#]/);
  const path = (end < 0 ? url : url.slice(0, end)).replace(VERIFY_PATH, "/v/…");
  return path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path;
}

export function requestLogLine(entry: RequestLogEntry): string {
  return JSON.stringify({
    time: entry.time.toISOString(),
    method: entry.method.slice(0, 16),
    path: loggedPath(entry.url),
    status: entry.status,
    ms: Math.round(entry.durationMs * 10) / 10,
    bytes: entry.bytes,
    client: entry.client,
    ...(entry.aborted ? { aborted: true } : {}),
  });
}
