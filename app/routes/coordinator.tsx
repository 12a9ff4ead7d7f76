// Layout of the coordinator area. Each child route checks the role itself too: a
// layout loader runs in parallel with its children and protects nothing alone.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary.tsx";
import { RoleShell } from "../components/role-shell.tsx";
import { countPendingOrders } from "../models/order.server.ts";
import { countUnread } from "../models/notice.server.ts";
import { countOpenQueries } from "../models/pay-desk.server.ts";
import { countLotsToCheck } from "../models/quality.server.ts";
import { countLogsToReceive } from "../models/receiving.server.ts";
import { requireScope } from "../utils/auth.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireScope(request, ["coordinator"]);
  // The badges on 订单 (orders waiting for her to accept or decline), 收货 (piece logs waiting to be received)
  // 质检 (lots waiting for the quality check) and 工资 (payslip queries waiting for an answer).
  // And 通知: her unread notices (ADR 026).
  const [pendingOrders, logsToReceive, lotsToCheck, payQueries, unreadNotices] = await Promise.all([
    countPendingOrders(scope.workshopId),
    countLogsToReceive(scope.workshopId),
    countLotsToCheck(scope.workshopId),
    countOpenQueries(scope.workshopId),
    countUnread(user.id),
  ]);
  return { userName: user.name, pendingOrders, logsToReceive, lotsToCheck, payQueries, unreadNotices };
}

export default function CoordinatorLayout() {
  const { userName, pendingOrders, logsToReceive, lotsToCheck, payQueries, unreadNotices } =
    useLoaderData<typeof loader>();
  return (
    <RoleShell
      role="coordinator"
      userName={userName}
      unreadNotices={unreadNotices}
      badges={{
        "/coordinator/orders": { count: pendingOrders, label: "coordinator.nav.ordersWaiting" },
        "/coordinator/receiving": { count: logsToReceive, label: "coordinator.nav.receivingWaiting" },
        "/coordinator/quality": { count: lotsToCheck, label: "coordinator.nav.qualityWaiting" },
        "/coordinator/pay": { count: payQueries, label: "coordinator.nav.payQueries" },
      }}
    >
      <Outlet />
    </RoleShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
