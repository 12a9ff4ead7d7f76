// Layout of the coordinator area. Each child route checks the role itself too: a
// layout loader runs in parallel with its children and protects nothing alone.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary.tsx";
import { RoleShell } from "../components/role-shell.tsx";
import { countPendingOrders } from "../models/order.server.ts";
import { requireScope } from "../utils/auth.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireScope(request, ["coordinator"]);
  // The badge on 订单: orders waiting for her to accept or decline.
  return { userName: user.name, pendingOrders: await countPendingOrders(scope.workshopId) };
}

export default function CoordinatorLayout() {
  const { userName, pendingOrders } = useLoaderData<typeof loader>();
  return (
    <RoleShell
      role="coordinator"
      userName={userName}
      badges={{ "/coordinator/orders": { count: pendingOrders, label: "coordinator.nav.ordersWaiting" } }}
    >
      <Outlet />
    </RoleShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
