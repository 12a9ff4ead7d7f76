// A quality check's photo (ADR 021), like a piece log's (photos.$logId.tsx):
// the image itself, for the worker whose lot it is and the coordinators of her
// workshop; anyone else who is a worker or coordinator gets the same 404 as
// for a lot that does not exist or has no photo, partners and admins 403.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findLotCheckPhoto } from "../models/quality.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { resourceRefusal } from "../utils/resource-route.server.ts";

export const access = { roles: ["worker", "coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const { scope } = await requireScope(request, ["worker", "coordinator"]);
    const photo = await findLotCheckPhoto(scope, params.lotId ?? "");
    if (!photo) notFound();
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        "Content-Type": photo.contentType,
        "Content-Length": String(photo.bytes.byteLength),
        "Cache-Control": "private, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "inline",
      },
    });
  } catch (thrown) {
    throw resourceRefusal(thrown);
  }
}
