// The phone's queue (public/outbox.js, ADR 020) sends a log here: the log
// page's own form, posted with its one-time key, answered as JSON
// ({ ok: true, replayed, quantity, message } or { ok: false, message }, in her
// language) so the script can show it next to the queued log. The rules are
// the log page's (app/utils/piece-log-actions.server.ts): a re-send with the
// same key answers the first log. No page here: opened in the browser (a GET),
// it sends her to the task's log page.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireScope } from "../utils/auth.server.ts";
import { readFormData } from "../utils/forms.server.ts";
import { queuedLogAction } from "../utils/piece-log-actions.server.ts";
import { resourceRefusal } from "../utils/resource-route.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireScope(request, ["worker"]);
  return redirect(`/worker/tasks/${encodeURIComponent(params.assignmentId ?? "")}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  try {
    const { scope, user } = await requireScope(request, ["worker"]);
    return await queuedLogAction({
      worker: scope,
      locale: user.locale,
      assignmentId: params.assignmentId ?? "",
      formData: await readFormData(request),
    });
  } catch (thrown) {
    throw resourceRefusal(thrown);
  }
}
