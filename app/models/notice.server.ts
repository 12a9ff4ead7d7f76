// Notices 通知 (ADR 026). Written only here, always inside the transaction of the event they tell of
// (the caller's `tx`), so an event never lacks its notice and a rolled-back event leaves none. One
// row per recipient, chosen in SQL by one INSERT ... SELECT scoped to the event's workshop: a
// workshop's coordinators, a partner firm's users, or one worker of that workshop, never anyone
// of another workshop. Reads are by the recipient's own id only.
import {
  isAppPath,
  isNoticeKind,
  noticeTarget,
  NOTICES_SHOWN,
  parseNoticeParams,
  type NoticeKind,
  type NoticeParams,
  type NoticeSubject,
} from "../domain/notices.ts";
import { db, intOf, Prisma, readRows, type Tx } from "../infra/db.server.ts";

/** Who receives a notice: one worker, every coordinator, or every user of one partner firm (of the workshop). */
export type Recipients = { worker: string } | { coordinators: true } | { partner: string };

function recipientsWhere(workshopId: string, to: Recipients): Prisma.Sql {
  if ("worker" in to) return Prisma.sql`"workshopId" = ${workshopId} AND "role" = 'worker' AND "id" = ${to.worker}`;
  if ("partner" in to)
    return Prisma.sql`"workshopId" = ${workshopId} AND "role" = 'partner' AND "partnerId" = ${to.partner} AND "active" = TRUE`;
  return Prisma.sql`"workshopId" = ${workshopId} AND "role" = 'coordinator' AND "active" = TRUE`;
}

/**
 * Writes the notice of an event to its recipients, in the event's transaction: one statement
 * whatever their number. Returns how many were written.
 */
export async function notify(
  tx: Tx,
  workshopId: string,
  to: Recipients,
  subject: NoticeSubject,
  params: NoticeParams = {},
): Promise<number> {
  const { subjectId, path } = noticeTarget(subject);
  return tx.$executeRaw`INSERT INTO "Notice" ("workshopId", "recipientId", "kind", "subjectId", "path", "params")
    SELECT ${workshopId}, "id", ${subject.kind}, ${subjectId}, ${path}, ${JSON.stringify(params)}
    FROM "User" WHERE ${recipientsWhere(workshopId, to)}`;
}

/**
 * "Your payslip is ready" to every worker of a settled pay period: one INSERT ... SELECT from the
 * period's payslips, in the settlement's transaction, however many workers (ADR 022, ADR 026).
 */
export async function noticePayslipsReady(tx: Tx, workshopId: string, periodId: string, month: string) {
  const kind: NoticeKind = "payslip.ready";
  const { path } = noticeTarget({ kind, payslipId: "", month });
  return tx.$executeRaw`INSERT INTO "Notice" ("workshopId", "recipientId", "kind", "subjectId", "path", "params")
    SELECT "workshopId", "workerId", ${kind}, "id", ${path}, ${JSON.stringify({ month })}
    FROM "Payslip" WHERE "payPeriodId" = ${periodId} AND "workshopId" = ${workshopId}`;
}

/** Whether a notice of this kind about this subject was written in the workshop already (a flag raised once). */
export async function noticeExists(tx: Tx, workshopId: string, kind: NoticeKind, subjectId: string) {
  const found = await tx.notice.findFirst({ where: { subjectId, workshopId, kind }, select: { id: true } });
  return found !== null;
}

/**
 * The badge: how many of her notices she has not opened. One COUNT on the (recipientId, readAt)
 * index, a hot read (ADR 015: no Prisma query plan on every page load).
 */
export async function countUnread(userId: string): Promise<number> {
  const [row] = await readRows(
    Prisma.sql`SELECT COUNT(*) AS "n" FROM "Notice" WHERE "recipientId" = ${userId} AND "readAt" IS NULL`,
  );
  return row ? intOf(row.n) : 0;
}

export type NoticeRow = {
  id: number;
  kind: NoticeKind;
  params: NoticeParams;
  unread: boolean;
  createdAt: Date;
};

/** Her newest notices (never anyone else's). Reading them changes nothing. */
export async function listNotices(userId: string): Promise<NoticeRow[]> {
  const rows = await db().notice.findMany({
    where: { recipientId: userId },
    orderBy: { id: "desc" },
    take: NOTICES_SHOWN,
    select: { id: true, kind: true, params: true, readAt: true, createdAt: true },
  });
  return rows.flatMap((r) =>
    isNoticeKind(r.kind)
      ? [
          {
            id: r.id,
            kind: r.kind,
            params: parseNoticeParams(r.params),
            unread: r.readAt === null,
            createdAt: r.createdAt,
          },
        ]
      : [],
  );
}

/**
 * Opens one of her notices: marks it read (the one state a GET changes, ADR 026) and answers the
 * path it leads to; null when it is not hers (another person's notice is not found).
 */
export async function openNotice(userId: string, noticeId: number, now: Date): Promise<string | null> {
  const client = db();
  const notice = await client.notice.findFirst({
    where: { id: noticeId, recipientId: userId },
    select: { path: true, readAt: true },
  });
  if (!notice) return null;
  if (notice.readAt === null) {
    await client.notice.updateMany({
      where: { id: noticeId, recipientId: userId, readAt: null },
      data: { readAt: now },
    });
  }
  return isAppPath(notice.path) ? notice.path : "/notices";
}

/** Marks all her unread notices read (the list's "mark all read" form); how many were. */
export async function markAllRead(userId: string, now: Date): Promise<number> {
  const { count } = await db().notice.updateMany({
    where: { recipientId: userId, readAt: null },
    data: { readAt: now },
  });
  return count;
}
