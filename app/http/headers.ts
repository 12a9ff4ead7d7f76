// Response headers every answer carries (issue 6, defect 9), and the
// Content-Security-Policy of the app's pages. Pure.

/** A year: browsers remember HTTPS-only for this long once they saw it over HTTPS. */
export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Headers for every response, static files included. HSTS only where the
 * session cookie is Secure (a real HTTPS deployment): over the demo's plain
 * http://localhost it would be ignored at best and pin the name at worst.
 */
export function baseSecurityHeaders(options: { hsts: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
  };
  if (options.hsts) headers["Strict-Transport-Security"] = `max-age=${HSTS_MAX_AGE_SECONDS}`;
  return headers;
}

export type CspOptions = {
  /** The per-request nonce Remix's and React's inline scripts carry. */
  nonce: string;
  /** In development, `remix dev`'s origin (REMIX_DEV_ORIGIN): the HMR runtime and its socket live there. */
  devOrigin?: string | undefined;
};

/**
 * The pages' policy: scripts only from this site or inline with this
 * request's nonce (Remix's hydration scripts, React's streaming scripts);
 * styles from this site's stylesheets, plus `style` attributes (React renders
 * computed widths as attributes; an attribute cannot load or run anything);
 * no plugins, no framing, forms post only here.
 */
export function contentSecurityPolicy({ nonce, devOrigin }: CspOptions): string {
  const dev = devOrigin ? devSources(devOrigin) : null;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, ...(dev ? [dev.http] : [])],
    ["style-src", "'self'"],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(dev ? [dev.http, dev.ws] : [])],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ["base-uri", "'none'"],
    ["object-src", "'none'"],
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** For answers that are not pages of the app (refusals, health): nothing may load. */
export const LOCKED_DOWN_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function devSources(devOrigin: string): { http: string; ws: string } {
  const url = new URL(devOrigin);
  return { http: url.origin, ws: `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}` };
}
