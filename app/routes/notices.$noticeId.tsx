// Opening a notice (ADR 026): marks it read and leads to its page (303). The one GET that changes
// state, and only this: her own notice's read mark (idempotent). Another person's notice, or an id
// that is not one, is not found.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { openNotice } from "../models/notice.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";

export const access = {
  roles: ["worker", "coordinator", "partner"],
} satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireScope(request, ["worker", "coordinator", "partner"]);
  const id = /^\d{1,9}$/.test(params.noticeId ?? "") ? Number.parseInt(params.noticeId ?? "", 10) : null;
  if (id === null) notFound();
  const path = await openNotice(user.id, id, new Date());
  if (path === null) notFound();
  return redirect(path, { status: 303, headers: { "Cache-Control": "no-store" } });
}
