// Typed loader data with single fetch, and the server's load context.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    clientAddress: string;
    /** The Content-Security-Policy nonce of this request (set by app/http/server.server.ts). */
    cspNonce?: string;
  }
}

declare module "*.css?url" {
  const href: string;
  export default href;
}

export {};
