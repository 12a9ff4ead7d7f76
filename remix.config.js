// The Remix classic compiler's configuration (the design card's choice; see
// docs/decisions/004-route-naming.md for the flat dot-route convention).
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  // Leave serverDependenciesToBundle unset: the generated Prisma clients live in
  // app/generated and are bundled; @prisma/client stays external.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
