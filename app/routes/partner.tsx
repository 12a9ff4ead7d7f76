// Layout of the partner area. Each child route checks the role itself too: a
// layout loader runs in parallel with its children and protects nothing alone.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary.tsx";
import { RoleShell } from "../components/role-shell.tsx";
import { countUnread } from "../models/notice.server.ts";
import { requireScope } from "../utils/auth.server.ts";

export const access = { roles: ["partner"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireScope(request, ["partner"]);
  // The 通知 badge: one indexed COUNT of her unread notices (ADR 026).
  return { userName: user.name, unreadNotices: await countUnread(user.id) };
}

export default function PartnerLayout() {
  const { userName, unreadNotices } = useLoaderData<typeof loader>();
  return (
    <RoleShell role="partner" userName={userName} unreadNotices={unreadNotices}>
      <Outlet />
    </RoleShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
