// The Remix classic compiler's configuration (the design card's choice; see
// docs/decisions/004-route-naming.md for the flat dot-route convention).
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  // The generated Prisma clients live in app/generated and are bundled; @prisma/client stays
  // external. uPlot is bundled only so that its stylesheet import (`uplot/dist/uPlot.min.css?url`,
  // app/routes/coordinator.dashboard.tsx) becomes a URL on the server too, instead of a .css file
  // Node cannot import; its script is loaded by import() in the browser alone.
  serverDependenciesToBundle: [/^uplot(\/|$)/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
