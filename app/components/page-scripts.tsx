// The plain scripts of a worker's pages. Her pages ship no React runtime (ADR
// 015); where JavaScript runs, small hand-written scripts from public/ add what
// only a script can: the offline queue and service worker (/outbox.js, on
// every worker page) and a route's own (`handle.scripts`, e.g. the photo
// shrinker on the log page). Scripts from this site need no nonce under the
// pages' Content-Security-Policy.
import { useMatches } from "@remix-run/react";

export type PageHandle = { scripts?: string[] };

export const WORKER_SCRIPTS = ["/outbox.js"];

export function PageScripts() {
  const matches = useMatches();
  const fromRoutes = matches.flatMap((m) => (m.handle as PageHandle | undefined)?.scripts ?? []);
  const all = [...new Set([...fromRoutes, ...WORKER_SCRIPTS])];
  return (
    <>
      {all.map((src) => (
        <script key={src} src={src} defer />
      ))}
    </>
  );
}
