import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { homePath } from "../domain/access.ts";
import { getViewer } from "../utils/auth.server.ts";

export const access = { public: true } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  throw redirect(viewer ? homePath(viewer.scope.role) : "/login");
}
