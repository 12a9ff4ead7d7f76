// Cross-site writes (issue 6, defect 1). A browser tells us where a request
// comes from: `Origin` on every POST it sends, and `Sec-Fetch-Site` on
// requests from modern browsers. A write (any method but GET/HEAD) is
// accepted only when it comes from this site's own pages; SameSite=Lax cookies
// alone are not enough (another port of the same host is "same site"), and
// Remix's own check skips `?_data=` and resource routes. Clients that send
// neither header are not browsers (curl, the integration tests), and a
// cross-site attacker cannot make a victim's browser drop both. Pure: no
// Node or Express types, so it is unit-tested on its own.

/** Methods that only read; everything else may change something. */
export function isReadOnlyMethod(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/** A Host header value: a DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The last entry of a comma-separated header: what the one trusted proxy in front of us set or appended. */
function lastValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const last = value.split(",").pop()?.trim();
  return last ? last : undefined;
}

export type SiteRequest = {
  /** The Host header. */
  host: string | undefined;
  /** X-Forwarded-Host and X-Forwarded-Proto, only read when the proxy is trusted. */
  forwardedHost?: string | undefined;
  forwardedProto?: string | undefined;
  /** Whether the connection to this server is TLS. */
  encrypted: boolean;
  /** TRUST_PROXY=1: one reverse proxy in front of us sets the forwarded headers. */
  trustProxy: boolean;
};

/**
 * This site's origin (scheme://host[:port]) as the browser addressed it, or
 * null when the request names no usable host. Behind a trusted proxy the
 * proxy's X-Forwarded-Proto and X-Forwarded-Host (else Host) say it.
 */
export function siteOrigin(request: SiteRequest): string | null {
  const host = (request.trustProxy ? lastValue(request.forwardedHost) : undefined) ?? request.host;
  const proto =
    (request.trustProxy ? lastValue(request.forwardedProto)?.toLowerCase() : undefined) ??
    (request.encrypted ? "https" : "http");
  if (!host || !HOST.test(host) || (proto !== "http" && proto !== "https")) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/** An Origin header as an origin, or null when it is `null`, malformed, repeated or not http(s). */
function parseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

export type WriteRequest = {
  method: string;
  /** The Origin header (undefined when absent). */
  origin: string | undefined;
  /** The Sec-Fetch-Site header (undefined when absent). */
  secFetchSite: string | undefined;
  /** This site's origin (siteOrigin), null when unknown. */
  site: string | null;
};

export type CrossSiteVerdict = { allowed: true } | { allowed: false; reason: "origin" | "fetchSite" };

/**
 * Whether a request may go on. Reads always may. A write with an Origin must
 * name exactly this site (scheme, host and port; `null` never does); without
 * an Origin, Sec-Fetch-Site must be `same-origin` (or `none`: typed into the
 * address bar, a bookmark); with neither it is not a browser's and may.
 */
export function crossSiteVerdict(request: WriteRequest): CrossSiteVerdict {
  if (isReadOnlyMethod(request.method)) return { allowed: true };
  if (request.origin !== undefined) {
    const origin = parseOrigin(request.origin.trim());
    return origin !== null && request.site !== null && origin === request.site
      ? { allowed: true }
      : { allowed: false, reason: "origin" };
  }
  if (request.secFetchSite !== undefined) {
    const site = request.secFetchSite.trim().toLowerCase();
    return site === "same-origin" || site === "none" ? { allowed: true } : { allowed: false, reason: "fetchSite" };
  }
  return { allowed: true };
}
