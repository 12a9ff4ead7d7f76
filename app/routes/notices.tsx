// 通知: her notices, newest first (ADR 026). Reading the list changes nothing; opening a notice
// (/notices/<id>) marks it read; the one form marks all read.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageNotice } from "../components/notice.tsx";
import { NoticeList, type NoticeView } from "../components/notices.tsx";
import { RoleShell } from "../components/role-shell.tsx";
import { NOTICES_SHOWN } from "../domain/notices.ts";
import { useT } from "../i18n/use-t.ts";
import { countUnread, listNotices, markAllRead } from "../models/notice.server.ts";
import { requireScope } from "../utils/auth.server.ts";
import { formError, readFormData } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = {
  roles: ["worker", "coordinator", "partner"],
} satisfies import("../domain/access.ts").RouteAccess;

const ROLES = ["worker", "coordinator", "partner"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ROLES);
  const [notices, unread] = await Promise.all([listNotices(user.id), countUnread(user.id)]);
  return {
    role: scope.role,
    userName: user.name,
    unread,
    shown: NOTICES_SHOWN,
    notices: notices.map((n): NoticeView => ({
      id: n.id,
      kind: n.kind,
      params: n.params,
      unread: n.unread,
      at: n.createdAt.toISOString(),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireScope(request, ROLES);
  const formData = await readFormData(request);
  if (formData.get("intent") !== "markAllRead") return formError("error.unknownIntent", {});
  await markAllRead(user.id, new Date());
  return redirectWithNotice("/notices", { key: "notices.markedAllRead" });
}

export default function NoticesPage() {
  const t = useT();
  const { role, userName, unread, shown, notices } = useLoaderData<typeof loader>();
  return (
    <RoleShell role={role} userName={userName} unreadNotices={unread}>
      <h1>{t("notices.title")}</h1>
      <PageNotice />
      <NoticeList notices={notices} unread={unread} shown={shown} />
    </RoleShell>
  );
}
