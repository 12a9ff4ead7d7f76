// Archiving and restoring catalogue and partner records. An archived product,
// material or partner firm stays in history (orders, rates, the audit trail
// keep pointing at it) but takes no new orders, offers or BOM lines. One
// function for all three: the rule, the audit entry and the "first archived"
// date are the same.
import type { Actor } from "../domain/access.ts";
import type { Tx } from "../infra/db.server.ts";
import { db } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { fail, ok, type Result } from "./result.ts";

export type Archivable = "product" | "material" | "partner";

const ENTITY: Record<Archivable, string> = { product: "Product", material: "Material", partner: "Partner" };

/** The part of a table's client this needs; the three generated delegates all have it. */
type ArchiveTable = {
  findFirst(args: {
    where: { id: string; workshopId: string };
    select: { archivedAt: true };
  }): Promise<{ archivedAt: Date | null } | null>;
  update(args: { where: { id: string }; data: { archivedAt: Date | null } }): Promise<unknown>;
};

function table(tx: Tx, kind: Archivable): ArchiveTable {
  if (kind === "product") return tx.product;
  if (kind === "material") return tx.material;
  return tx.partner;
}

/**
 * Archives (or restores) a record of the actor's workshop. Archiving again
 * keeps the first date. notFound: no such record in the workshop.
 */
export function setArchived(
  actor: Actor,
  kind: Archivable,
  id: string,
  archived: boolean,
  now: Date,
): Promise<Result<object, "notFound">> {
  return db().$transaction(async (tx) => {
    const rows = table(tx, kind);
    const row = await rows.findFirst({ where: { id, workshopId: actor.workshopId }, select: { archivedAt: true } });
    if (!row) return fail("notFound");
    const archivedAt = archived ? (row.archivedAt ?? now) : null;
    await rows.update({ where: { id }, data: { archivedAt } });
    await recordAudit(tx, actor, {
      action: `${kind}.${archived ? "archive" : "restore"}`,
      entityType: ENTITY[kind],
      entityId: id,
      before: { archivedAt: row.archivedAt },
      after: { archivedAt },
    });
    return ok();
  });
}
