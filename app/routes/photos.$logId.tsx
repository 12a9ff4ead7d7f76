// A piece log's photo (issue 8): the image itself, for the worker who logged
// it and the coordinators of her workshop; everyone else logged in as a
// worker or coordinator gets the same 404 as for a log that does not exist
// (or has no photo), partners and admins 403, nobody the login page. The type
// is the one sniffed from the stored bytes, and the browser is told not to
// guess another (nosniff) and to show it rather than download it. Never kept
// by the browser (no-store): on a shared phone the next person, or the Back
// button after logging out, must not find her photo in the cache.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPieceLogPhoto } from "../models/piece-log-photo.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { resourceRefusal } from "../utils/resource-route.server.ts";

export const access = { roles: ["worker", "coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const { scope } = await requireScope(request, ["worker", "coordinator"]);
    const photo = await findPieceLogPhoto(scope, params.logId ?? "");
    if (!photo) notFound();
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        "Content-Type": photo.contentType,
        "Content-Length": String(photo.bytes.byteLength),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "inline",
      },
    });
  } catch (thrown) {
    throw resourceRefusal(thrown);
  }
}
