// Reconciliation 对账 (docs/domain.md "Money rules", material loss): per worker,
// assignment and material, what was handed out and returned against what the
// pieces received should have used, by the BOM snapshot taken at the first
// hand-out (ADR 017). The arithmetic is app/domain/materials.ts reconcile();
// this module gathers its inputs and records the coordinator's decision on an
// over-allowance loss: a deduction 扣款 for a month (MaterialDeduction), which
// the settlement reads.
//
// Pieces received are the counted quantities of the assignment's lots (Lot,
// written by receiving); until pieces are received, expected use is 0.
//
// A loss is only a loss once the work is over: while an active assignment still
// has pieces to come in, what she holds is material in use, not lost. Such a row
// is "in progress": its figures are shown, but it is not flagged and no
// deduction can be decided until every piece is received or the assignment is
// reduced or cancelled (ADR 018).
import type { Actor } from "../domain/access.ts";
import { addMonths, chinaMonth } from "../domain/dates.ts";
import { amountToMinor } from "../domain/money.ts";
import { reconcile, type Reconciliation } from "../domain/materials.ts";
import { db, type Tx } from "../infra/db.server.ts";
import { noticeTarget } from "../domain/notices.ts";
import { recordAudit } from "./audit.server.ts";
import { noticeExists, notify } from "./notice.server.ts";
import { receivedPiecesByAssignment } from "./receiving.server.ts";
import { lockWorkshopPay, monthSettled } from "./settlement.server.ts";
import { fail, ok, type Fail, type Result } from "./result.ts";
import { refuseInTransaction } from "./refusal.server.ts";
import { onceOk } from "./submission.server.ts";

type Client = Tx | ReturnType<typeof db>;

export type DeductionRow = {
  status: "charged" | "waived";
  proposedFen: bigint;
  amountFen: bigint;
  reason: string;
  month: string;
  decidedAt: Date;
};

export type ReconciliationRow = {
  assignmentId: string;
  orderId: string;
  workerId: string;
  workerName: string;
  productName: string;
  productUnit: string;
  assignmentStatus: string;
  assignmentQuantity: number;
  /** The assignment is active and not all of its pieces are received yet: nothing is flagged or deducted. */
  inProgress: boolean;
  /** Over the allowance and no longer in progress: flagged on the coordinator's list, may become a deduction. */
  flagged: boolean;
  materialId: string;
  materialName: string;
  materialUnit: string;
  unitCostE4: bigint;
  piecesReceived: number;
  perPieceE3: bigint;
  issuedE3: bigint;
  returnedE3: bigint;
  allowanceE2: number;
  figures: Reconciliation;
  deduction: DeductionRow | null;
};

type Scope = { workshopId: string; assignmentId?: string; workerId?: string; materialId?: string };

/**
 * The reconciliation rows of the workshop (or of one assignment, worker or
 * material): one per assignment and material with any hand-out, figures exact.
 */
async function gather(client: Client, scope: Scope): Promise<ReconciliationRow[]> {
  const where = {
    workshopId: scope.workshopId,
    ...(scope.workerId ? { workerId: scope.workerId } : {}),
    ...(scope.materialId ? { materialId: scope.materialId } : {}),
    kind: { in: ["issue", "return"] },
    assignmentId: scope.assignmentId ?? { not: null },
  };
  const sums = await client.materialMovement.groupBy({
    by: ["assignmentId", "materialId", "kind"],
    where,
    _sum: { quantityE3: true },
  });
  const assignmentIds = [...new Set(sums.map((s) => s.assignmentId).filter((id): id is string => id !== null))];
  if (assignmentIds.length === 0) return [];
  const materialIds = [...new Set(sums.map((s) => s.materialId))];
  const [assignments, materials, snapshot, received, deductions] = await Promise.all([
    client.assignment.findMany({
      where: { id: { in: assignmentIds }, workshopId: scope.workshopId },
      select: {
        id: true,
        orderId: true,
        workerId: true,
        status: true,
        quantity: true,
        worker: { select: { name: true } },
        product: { select: { name: true, unit: true, lossAllowanceE2: true } },
      },
    }),
    client.material.findMany({
      where: { id: { in: materialIds }, workshopId: scope.workshopId },
      select: { id: true, name: true, unit: true, unitCostE4: true },
    }),
    client.assignmentBomLine.findMany({
      where: { assignmentId: { in: assignmentIds }, workshopId: scope.workshopId },
      select: { assignmentId: true, materialId: true, quantityPerPieceE3: true },
    }),
    receivedPiecesByAssignment(scope.workshopId, assignmentIds, client),
    client.materialDeduction.findMany({
      where: { assignmentId: { in: assignmentIds }, workshopId: scope.workshopId },
      select: {
        assignmentId: true,
        materialId: true,
        status: true,
        proposedFen: true,
        amountFen: true,
        reason: true,
        month: true,
        updatedAt: true,
      },
    }),
  ]);
  const assignmentById = new Map(assignments.map((a) => [a.id, a]));
  const materialById = new Map(materials.map((m) => [m.id, m]));
  const perPiece = new Map(snapshot.map((l) => [`${l.assignmentId}:${l.materialId}`, l.quantityPerPieceE3]));
  const decided = new Map(deductions.map((d) => [`${d.assignmentId}:${d.materialId}`, d]));
  const totals = new Map<string, { issued: bigint; returned: bigint }>();
  for (const s of sums) {
    if (!s.assignmentId) continue;
    const key = `${s.assignmentId}:${s.materialId}`;
    const t = totals.get(key) ?? { issued: 0n, returned: 0n };
    const q = BigInt(s._sum.quantityE3 ?? 0n);
    if (s.kind === "issue") t.issued += q;
    else t.returned += q;
    totals.set(key, t);
  }
  const rows: ReconciliationRow[] = [];
  for (const [key, t] of totals) {
    const [assignmentId = "", materialId = ""] = key.split(":");
    const a = assignmentById.get(assignmentId);
    const m = materialById.get(materialId);
    if (!a || !m) continue;
    const piecesReceived = received.get(assignmentId) ?? 0;
    const perPieceE3 = perPiece.get(key) ?? 0n;
    const figures = reconcile({
      piecesReceived,
      perPieceE3,
      issuedE3: t.issued,
      returnedE3: t.returned,
      allowanceE2: a.product.lossAllowanceE2,
      unitCostE4: m.unitCostE4,
    });
    const d = decided.get(key);
    const inProgress = a.status === "active" && piecesReceived < a.quantity;
    rows.push({
      assignmentId,
      orderId: a.orderId,
      workerId: a.workerId,
      workerName: a.worker.name,
      productName: a.product.name,
      productUnit: a.product.unit,
      assignmentStatus: a.status,
      assignmentQuantity: a.quantity,
      inProgress,
      flagged: figures.overAllowance && !inProgress,
      materialId,
      materialName: m.name,
      materialUnit: m.unit,
      unitCostE4: m.unitCostE4,
      piecesReceived,
      perPieceE3,
      issuedE3: t.issued,
      returnedE3: t.returned,
      allowanceE2: a.product.lossAllowanceE2,
      figures,
      deduction: d
        ? {
            status: d.status === "waived" ? "waived" : "charged",
            proposedFen: d.proposedFen,
            amountFen: d.amountFen,
            reason: d.reason,
            month: d.month,
            decidedAt: d.updatedAt,
          }
        : null,
    });
  }
  return rows.sort(
    (x, y) =>
      Number(y.flagged) - Number(x.flagged) ||
      x.workerName.localeCompare(y.workerName, "zh-CN") ||
      x.productName.localeCompare(y.productName, "zh-CN") ||
      x.assignmentId.localeCompare(y.assignmentId) ||
      x.materialName.localeCompare(y.materialName, "zh-CN"),
  );
}

/** The workshop's reconciliation: every assignment and material with a hand-out, flagged losses first. */
export function listReconciliation(
  workshopId: string,
  filter: { workerId?: string } = {},
): Promise<ReconciliationRow[]> {
  return gather(db(), { workshopId, ...filter });
}

/** One assignment's reconciliation, per material handed out. */
export function assignmentReconciliation(workshopId: string, assignmentId: string): Promise<ReconciliationRow[]> {
  return gather(db(), { workshopId, assignmentId });
}

export type DeductionDecision =
  | { decision: "charge"; reason: string; month: string }
  | { decision: "lower"; amountFen: bigint; reason: string; month: string }
  | { decision: "waive"; reason: string; month: string };

export type DeductionResult =
  | Result<{ id?: string; amountFen?: bigint }, "notFound" | "inProgress" | "nothingToDeduct" | "reasonRequired">
  | Fail<"aboveProposal", { proposedFen: bigint }>
  | Fail<"monthSettled", { month: string }>
  | Fail<"monthOutOfRange", { from: string; to: string }>;

/**
 * The coordinator decides an over-allowance loss of one assignment and
 * material: charge the proposal (from reconcile(), computed again here from
 * the figures now), lower it (below the proposal, with a reason), or waive it
 * (with a reason), for a month. A later decision replaces the earlier one
 * (audited with both); never above the proposal. inProgress: pieces are still
 * to come in, so nothing is lost yet. A refusal writes nothing.
 */
export function decideDeduction(
  actor: Actor,
  assignmentId: string,
  materialId: string,
  input: DeductionDecision,
  submissionKey: string,
  now: Date = new Date(),
): Promise<DeductionResult | { ok: true; id?: string; replayed: true }> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month)) throw new RangeError(`month must be YYYY-MM, got ${input.month}`);
  // Charged to this month's pay, last month's (while it is not settled) or next month's: not a month long
  // past, nor years ahead, where nobody would look for it.
  const from = addMonths(chinaMonth(now), -1);
  const to = addMonths(chinaMonth(now), 1);
  if (input.month < from || input.month > to) return Promise.resolve(fail("monthOutOfRange", { from, to }));
  return onceOk(actor.userId, submissionKey, "deduction.decide", assignmentId, async (tx): Promise<DeductionResult> => {
    const assignment = await tx.assignment.findFirst({
      where: { id: assignmentId, workshopId: actor.workshopId },
      select: { id: true, workerId: true },
    });
    if (!assignment) return fail("notFound");
    // Decisions on one assignment run one after the other (its row is locked until commit).
    await tx.assignment.update({ where: { id: assignment.id }, data: { updatedAt: new Date() } });
    const [row] = await gather(tx, { workshopId: actor.workshopId, assignmentId, materialId });
    // Refusals from here roll back the lock's write too.
    if (!row) refuseInTransaction(fail("notFound"));
    if (row.inProgress) refuseInTransaction(fail("inProgress"));
    const proposedFen = amountToMinor(row.figures.proposedDeduction);
    const before = await tx.materialDeduction.findUnique({
      where: { assignmentId_materialId: { assignmentId, materialId: row.materialId } },
      select: { proposedFen: true, amountFen: true, status: true, reason: true, month: true },
    });
    // Within the allowance there is nothing to charge; an earlier decision can still be lowered or waived.
    if (proposedFen <= 0n && (!before || input.decision === "charge")) refuseInTransaction(fail("nothingToDeduct"));
    const reason = input.reason.trim();
    if (input.decision !== "charge" && reason === "") refuseInTransaction(fail("reasonRequired"));
    // A settled month's pay is final (ADR 022): neither the month charged now nor the one of an
    // earlier decision may be settled. The pay lock orders this against a settle running now.
    await lockWorkshopPay(tx, actor.workshopId);
    for (const month of new Set([input.month, before?.month].filter((m): m is string => Boolean(m)))) {
      if (await monthSettled(tx, actor.workshopId, month)) refuseInTransaction(fail("monthSettled", { month }));
    }
    let amountFen = proposedFen;
    if (input.decision === "waive") amountFen = 0n;
    if (input.decision === "lower") {
      if (input.amountFen < 0n || input.amountFen > proposedFen) {
        refuseInTransaction(fail("aboveProposal", { proposedFen }));
      }
      amountFen = input.amountFen;
    }
    const status = amountFen === 0n ? "waived" : "charged";
    const data = { proposedFen, amountFen, status, reason, month: input.month, decidedById: actor.userId };
    const saved = await tx.materialDeduction.upsert({
      where: { assignmentId_materialId: { assignmentId, materialId: row.materialId } },
      create: {
        ...data,
        workshopId: actor.workshopId,
        workerId: assignment.workerId,
        assignmentId,
        materialId: row.materialId,
      },
      update: data,
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: `deduction.${input.decision}`,
      entityType: "MaterialDeduction",
      entityId: saved.id,
      before: before ?? undefined,
      after: { ...data, assignmentId, materialId: row.materialId, workerId: assignment.workerId },
    });
    return ok({ id: saved.id, amountFen });
  });
}

/**
 * A charge is never above what the figures now propose (docs/domain.md, material loss). A return of
 * material or a receipt of more pieces lowers the loss; any charged decision of this assignment that
 * is now above the proposal is lowered to it (waived at 0) in the caller's transaction, and audited
 * (deduction.capped). A decision in a settled month is final and left alone (a later correction is
 * an adjustment, ADR 022).
 */
export async function capDeductionsToProposal(tx: Tx, actor: Actor, assignmentId: string): Promise<void> {
  const charged = await tx.materialDeduction.findMany({
    where: { workshopId: actor.workshopId, assignmentId, status: "charged" },
    select: { id: true, materialId: true, amountFen: true, reason: true, month: true, status: true },
  });
  if (charged.length === 0) return;
  const rows = await gather(tx, { workshopId: actor.workshopId, assignmentId });
  for (const d of charged) {
    const row = rows.find((r) => r.materialId === d.materialId);
    const proposedFen = row ? amountToMinor(row.figures.proposedDeduction) : 0n;
    if (d.amountFen <= proposedFen) continue;
    if (await monthSettled(tx, actor.workshopId, d.month)) continue;
    const after = {
      amountFen: proposedFen < 0n ? 0n : proposedFen,
      proposedFen: proposedFen < 0n ? 0n : proposedFen,
      status: proposedFen > 0n ? "charged" : "waived",
    };
    await tx.materialDeduction.update({ where: { id: d.id }, data: after });
    await recordAudit(tx, actor, {
      action: "deduction.capped",
      entityType: "MaterialDeduction",
      entityId: d.id,
      before: { amountFen: d.amountFen, status: d.status },
      after,
    });
  }
}

/** A worker's deductions of a month (for the settlement): charged ones only, in fen. */
export async function chargedDeductions(workshopId: string, workerId: string, month: string) {
  return db().materialDeduction.findMany({
    where: { workshopId, workerId, month, status: "charged" },
    select: { id: true, assignmentId: true, materialId: true, amountFen: true, reason: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/**
 * Tells the workshop's coordinators, once, of each material of the assignment that is flagged now
 * (over the allowance and no longer in progress), in the caller's transaction: called after the
 * events that can raise a flag (a receipt or its correction, a reduction or cancellation, a
 * hand-out). An assignment without hand-outs costs one query (ADR 026).
 */
export async function noticeOverAllowance(tx: Tx, actor: Actor, assignmentId: string): Promise<void> {
  const rows = await gather(tx, { workshopId: actor.workshopId, assignmentId });
  for (const row of rows) {
    if (!row.flagged) continue;
    const subject = { kind: "material.overAllowance", assignmentId, materialId: row.materialId } as const;
    if (await noticeExists(tx, actor.workshopId, subject.kind, noticeTarget(subject).subjectId)) continue;
    await notify(tx, actor.workshopId, { coordinators: true }, subject, {
      worker: row.workerName,
      material: row.materialName,
      product: row.productName,
    });
  }
}
