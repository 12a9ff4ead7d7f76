import type { ReactNode } from "react";
import type { Role } from "../domain/access.ts";
import { DeskShell, WorkerShell, type NavBadge, type NavItem } from "./shell.tsx";

const NAV: Record<Role, NavItem[]> = {
  worker: [
    { to: "/worker", label: "worker.nav.tasks", end: true, icon: "▦" },
    { to: "/worker/claim", label: "worker.nav.claim", icon: "＋" },
    { to: "/account", label: "nav.account", icon: "◉" },
  ],
  coordinator: [
    { to: "/coordinator", label: "nav.home", end: true },
    // Second: on a phone the menu is a strip that scrolls sideways; her notices' badge must show without scrolling.
    { to: "/notices", label: "notices.nav" },
    { to: "/coordinator/orders", label: "coordinator.nav.orders" },
    { to: "/coordinator/receiving", label: "coordinator.nav.receiving" },
    { to: "/coordinator/quality", label: "coordinator.nav.quality" },
    { to: "/coordinator/pay", label: "coordinator.nav.pay" },
    { to: "/coordinator/workers", label: "coordinator.nav.workers" },
    { to: "/coordinator/products", label: "coordinator.nav.products" },
    { to: "/coordinator/materials", label: "coordinator.nav.materials" },
    { to: "/coordinator/partners", label: "coordinator.nav.partners" },
    { to: "/coordinator/settings", label: "coordinator.nav.settings" },
    { to: "/coordinator/audit", label: "coordinator.nav.audit" },
  ],
  partner: [
    { to: "/partner", label: "partner.nav.orders", end: true },
    { to: "/partner/orders/new", label: "partner.nav.newOrder" },
    { to: "/notices", label: "notices.nav" },
  ],
  admin: [
    { to: "/admin", label: "admin.nav.workshops", end: true },
    { to: "/admin/district", label: "district.nav" },
  ],
};

/** The shell for a role: the phone layout for workers, the desk layout for everyone else. */
export function RoleShell({
  role,
  userName,
  badges,
  unreadNotices = 0,
  children,
}: {
  role: Role;
  userName: string;
  /** Counts on navigation items, by path (e.g. the coordinator's orders waiting for a decision). */
  badges?: Partial<Record<string, NavBadge>>;
  /** Her notices not opened yet: the badge on 通知 (ADR 026). */
  unreadNotices?: number;
  children: ReactNode;
}) {
  const notices: NavBadge = { count: unreadNotices, label: "notices.unread" };
  if (role === "worker")
    return (
      <WorkerShell nav={NAV.worker} notices={notices}>
        {children}
      </WorkerShell>
    );
  return (
    <DeskShell
      nav={NAV[role]}
      userName={userName}
      roleLabel={`role.${role}`}
      badges={{ ...badges, "/notices": notices }}
    >
      {children}
    </DeskShell>
  );
}
