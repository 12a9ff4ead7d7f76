// Opening a notice (ADR 026): marks it read and leads to its page. The one GET that changes state,
// and only this: her own notice's read mark (idempotent). Another person's notice, or an id that is
// not one, leads to her own list, exactly like an id that does not exist: nothing of it is shown or
// changed, and the answer does not tell whether it exists.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { openNotice } from "../models/notice.server.ts";
import { requireScope } from "../utils/auth.server.ts";

export const access = {
  roles: ["worker", "coordinator", "partner"],
} satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireScope(request, ["worker", "coordinator", "partner"]);
  const id = /^\d{1,9}$/.test(params.noticeId ?? "") ? Number.parseInt(params.noticeId ?? "", 10) : null;
  const path = id === null ? null : await openNotice(user.id, id, new Date());
  return redirect(path ?? "/notices", { headers: { "Cache-Control": "no-store" } });
}
