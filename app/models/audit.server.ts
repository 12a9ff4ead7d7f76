// The audit trail: one helper through which every change is recorded, inside
// the same transaction as the change itself, so a change without its audit
// entry (or the reverse) cannot be committed.
import { db, type Db, type Tx } from "../infra/db.server.ts";

/** What happened to which record, and the record's fields before and after. */
export type AuditEvent = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Who an event is by: a person acting in a workshop (an `Actor`; an admin's
 * action on a workshop names that workshop), or the system (`userId: null`:
 * seed, scripts) for a workshop or none.
 */
export type AuditBy = { userId: string | null; workshopId: string | null };

/** JSON with bigints as strings and dates as ISO text; keys in a stable order. */
export function auditJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return v.toString();
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

/** Records `event` by `by`, in the caller's transaction (so the change and its entry commit together). */
export async function recordAudit(tx: Tx | Db, by: AuditBy, event: AuditEvent): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: by.userId,
      workshopId: by.workshopId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: auditJson(event.before),
      after: auditJson(event.after),
    },
  });
}

export type AuditRow = {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  before: string | null;
  after: string | null;
};

/** A workshop's audit trail, newest first. */
export async function listWorkshopAudit(workshopId: string, take = 200): Promise<AuditRow[]> {
  const client = db();
  const rows = await client.auditEvent.findMany({
    where: { workshopId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const actors = await client.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    before: r.before,
    after: r.after,
  }));
}
