// A label's address (ADR 019): the QR code on an assignment's label opens
// /l/<assignmentId>. The worker who owns the assignment goes on to her log
// page, a coordinator of its workshop to its receiving page. Nobody logged in
// goes to the login page and comes back here after it (safeRedirect allows
// /l/<id> for workers and coordinators). Partners and admins get 403 whatever
// the id; a worker or coordinator to whom the assignment does not belong gets
// the same 404 as for an id that does not exist, so a label never tells a
// stranger that an assignment is there.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "../components/error-boundary.tsx";
import { labelDestinationFor } from "../models/labels.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";

export const access = { roles: ["worker", "coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireScope(request, ["worker", "coordinator"]);
  const to = await labelDestinationFor(scope, params.assignmentId ?? "");
  if (!to) notFound();
  return redirect(to);
}

// The loader always redirects or refuses; this renders only if a client navigation somehow lands here.
export default function LabelAddress() {
  return null;
}

export function ErrorBoundary() {
  return (
    <main className="content narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
