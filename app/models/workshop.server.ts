// Workshops (the tenants). Admins create and list them; everyone else only
// ever sees their own.
import type { Actor, PartnerActor } from "../domain/access.ts";
import { db } from "../infra/db.server.ts";
import { addDefaultReasons } from "./quality.server.ts";
import { recordAudit } from "./audit.server.ts";
import { nameTakenOnConflict } from "./errors.server.ts";
import { fail, ok, type Result } from "./result.ts";

export type WorkshopSummary = {
  id: string;
  name: string;
  district: string;
  workers: number;
  coordinators: number;
  partners: number;
  products: number;
};

async function summarize(where: { id?: string }): Promise<WorkshopSummary[]> {
  const workshops = await db().workshop.findMany({
    where: { ...where, archivedAt: null },
    select: { id: true, name: true, district: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const ids = workshops.map((w) => w.id);
  const [roles, partners, products] = await Promise.all([
    db().user.groupBy({
      by: ["workshopId", "role"],
      where: { workshopId: { in: ids }, active: true },
      _count: { _all: true },
    }),
    db().partner.groupBy({
      by: ["workshopId"],
      where: { workshopId: { in: ids }, archivedAt: null },
      _count: { _all: true },
    }),
    db().product.groupBy({
      by: ["workshopId"],
      where: { workshopId: { in: ids }, archivedAt: null },
      _count: { _all: true },
    }),
  ]);
  const count = (workshopId: string, role: string) =>
    roles.find((r) => r.workshopId === workshopId && r.role === role)?._count._all ?? 0;
  return workshops.map((w) => ({
    ...w,
    workers: count(w.id, "worker"),
    coordinators: count(w.id, "coordinator"),
    partners: partners.find((p) => p.workshopId === w.id)?._count._all ?? 0,
    products: products.find((p) => p.workshopId === w.id)?._count._all ?? 0,
  }));
}

/** Admin: every workshop with head counts. */
export function listWorkshops(): Promise<WorkshopSummary[]> {
  return summarize({});
}

/** The caller's own workshop, with head counts. */
export async function getWorkshopSummary(workshopId: string): Promise<WorkshopSummary | null> {
  const [row] = await summarize({ id: workshopId });
  return row ?? null;
}

/** An admin creates a workshop (the audit entry belongs to the new workshop). */
export function createWorkshop(
  adminId: string,
  input: { name: string; district: string },
): Promise<Result<{ id: string }, "nameTaken">> {
  return nameTakenOnConflict(() =>
    db().$transaction(async (tx) => {
      const taken = await tx.workshop.findFirst({ where: { name: input.name }, select: { id: true } });
      if (taken) return fail("nameTaken");
      const workshop = await tx.workshop.create({
        data: { name: input.name, district: input.district },
        select: { id: true },
      });
      // Every workshop starts with a few quality-check reasons (ADR 021).
      await addDefaultReasons(tx, workshop.id);
      await recordAudit(
        tx,
        { userId: adminId, workshopId: workshop.id },
        { action: "workshop.create", entityType: "Workshop", entityId: workshop.id, after: input },
      );
      return ok({ id: workshop.id });
    }),
  );
}

export type CoordinatorRow = { id: string; name: string; phone: string; active: boolean };

/** Admin: one workshop with its coordinators, or null. */
export async function getWorkshopForAdmin(
  workshopId: string,
): Promise<{ workshop: WorkshopSummary; coordinators: CoordinatorRow[] } | null> {
  const workshop = await getWorkshopSummary(workshopId);
  if (!workshop) return null;
  const coordinators = await db().user.findMany({
    where: { workshopId, role: "coordinator" },
    select: { id: true, name: true, phone: true, active: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { workshop, coordinators };
}

/** A partner's own firm and its workshop. */
export async function getPartnerHome(
  scope: Pick<PartnerActor, "workshopId" | "partnerId">,
): Promise<{ firmName: string; workshopName: string } | null> {
  const partner = await db().partner.findFirst({
    where: { id: scope.partnerId, workshopId: scope.workshopId },
    select: { name: true, workshop: { select: { name: true } } },
  });
  return partner ? { firmName: partner.name, workshopName: partner.workshop.name } : null;
}

export type WorkshopSettings = { name: string; hourlyMinimumWageFen: bigint | null; minimumWageSource: string };

export async function getWorkshopSettings(workshopId: string): Promise<WorkshopSettings | null> {
  return db().workshop.findUnique({
    where: { id: workshopId },
    select: { name: true, hourlyMinimumWageFen: true, minimumWageSource: true },
  });
}

/** Sets the local hourly minimum wage used by the fair-rate check (audited). */
export function setMinimumWage(
  actor: Actor,
  input: { hourlyMinimumWageFen: bigint; minimumWageSource: string },
): Promise<Result> {
  return db().$transaction(async (tx) => {
    const before = await tx.workshop.findUniqueOrThrow({
      where: { id: actor.workshopId },
      select: { hourlyMinimumWageFen: true, minimumWageSource: true },
    });
    await tx.workshop.update({ where: { id: actor.workshopId }, data: input });
    await recordAudit(tx, actor, {
      action: "workshop.minimumWage",
      entityType: "Workshop",
      entityId: actor.workshopId,
      before,
      after: input,
    });
    return ok();
  });
}
