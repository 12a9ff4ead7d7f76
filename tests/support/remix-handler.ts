// Remix's own request handler over a few route modules, for tests that must
// see the HTTP answer Remix would send (a resource route's return value, a
// header that cannot be built, an error turned into a 500) without building
// the app. The routes are the real modules; the document renderer is a stub
// that answers "document" with the status Remix chose.
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { DEFAULT_ADDRESS } from "./fixtures.ts";

type RouteModule = Record<string, unknown>;

/** A handler for `routes` (path → module), e.g. `{ login: loginModule }`, under an empty root. */
export function remixHandler(routes: Record<string, RouteModule>) {
  const manifest: Record<string, unknown> = { root: { id: "root", path: "", module: { default: () => null } } };
  for (const [path, module] of Object.entries(routes)) {
    const id = `routes/${path}`;
    manifest[id] = { id, parentId: "root", path, module };
  }
  const build = {
    mode: "production",
    entry: {
      module: {
        default: (_request: Request, status: number, headers: Headers) => new Response("document", { status, headers }),
        // Remix logs an unexpected error here; the test sees it as the 500 it causes.
        handleError: () => undefined,
      },
    },
    routes: manifest,
    assets: { routes: {}, entry: { module: "", imports: [] }, url: "", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_singleFetch: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
  const handle = createRequestHandler(build, "production");
  return (request: Request, address = DEFAULT_ADDRESS) => handle(request, { clientAddress: address });
}
