// The request's Content-Security-Policy nonce (app/http/headers.ts), handed
// from the server's load context to the inline scripts Remix renders. In the
// browser it is "": browsers hide a nonce attribute's value once the page has
// loaded, so "" is also what hydration finds there.
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
