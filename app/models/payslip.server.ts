// Payslips 工资条 after settlement, and what feeds an open month besides
// passed pieces (ADR 022): bonuses and corrections (PayAdjustment), entered by
// a coordinator for a worker of her workshop in a month that is not settled; a
// correction of an earlier, settled month's pay names that month. A worker
// reads her own payslips, each line down to the lots and piece logs behind
// it, acknowledges one, or raises a query the coordinator answers; both kept.
import type { Actor } from "../domain/access.ts";
import { chinaDate } from "../domain/dates.ts";
import { db } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { notify } from "./notice.server.ts";
import { fail, ok, type Result } from "./result.ts";
import { refuseInTransaction } from "./refusal.server.ts";
import { lockWorkshopPay, MONTH_PATTERN, monthSettled } from "./settlement.server.ts";
import { onceOk } from "./submission.server.ts";

export type AdjustmentInput = {
  workerId: string;
  month: string;
  kind: "bonus" | "correction";
  amountFen: bigint;
  reason: string;
  /** For a correction: the settled month whose pay it corrects. */
  correctsMonth: string;
};

export type AdjustmentRefusal =
  | "notFound"
  | "badMonth"
  | "monthSettled"
  | "reasonRequired"
  | "bonusNotPositive"
  | "correctionZero"
  | "correctsUnsettled";

/**
 * A bonus (> 0) or a correction (signed, not 0, naming an earlier settled month)
 * for a worker of the actor's workshop in an open month. Refused once the
 * month is settled (the workshop's pay lock makes a race with settling safe).
 */
export function addAdjustment(actor: Actor, input: AdjustmentInput, submissionKey: string) {
  return onceOk(actor.userId, submissionKey, "pay.adjust", input.workerId, async (tx) => {
    const result = await (async (): Promise<Result<{ id: string }, AdjustmentRefusal>> => {
      if (!MONTH_PATTERN.test(input.month)) return fail("badMonth");
      const worker = await tx.user.findFirst({
        where: { id: input.workerId, workshopId: actor.workshopId, role: "worker" },
        select: { id: true },
      });
      if (!worker) return fail("notFound");
      const reason = input.reason.trim();
      if (reason === "") return fail("reasonRequired");
      if (input.kind === "bonus" && input.amountFen <= 0n) return fail("bonusNotPositive");
      if (input.kind === "correction" && input.amountFen === 0n) return fail("correctionZero");
      await lockWorkshopPay(tx, actor.workshopId);
      if (await monthSettled(tx, actor.workshopId, input.month)) refuseInTransaction(fail("monthSettled"));
      let correctsPayslipId: string | null = null;
      if (input.kind === "correction") {
        if (!MONTH_PATTERN.test(input.correctsMonth) || input.correctsMonth >= input.month) {
          refuseInTransaction(fail("correctsUnsettled"));
        }
        if (!(await monthSettled(tx, actor.workshopId, input.correctsMonth))) {
          refuseInTransaction(fail("correctsUnsettled"));
        }
        const slip = await tx.payslip.findFirst({
          where: { workshopId: actor.workshopId, workerId: worker.id, month: input.correctsMonth },
          select: { id: true },
        });
        correctsPayslipId = slip?.id ?? null;
      }
      const data = {
        workshopId: actor.workshopId,
        workerId: worker.id,
        month: input.month,
        kind: input.kind,
        amountFen: input.amountFen,
        reason,
        correctsMonth: input.kind === "correction" ? input.correctsMonth : "",
        correctsPayslipId,
        createdById: actor.userId,
      };
      const saved = await tx.payAdjustment.create({ data, select: { id: true } });
      await recordAudit(tx, actor, {
        action: `pay.${input.kind}`,
        entityType: "PayAdjustment",
        entityId: saved.id,
        after: data,
      });
      return ok({ id: saved.id });
    })();
    return result;
  });
}

/** The adjustments entered for a month of the workshop (for the coordinator's month page). */
export function listAdjustments(workshopId: string, month: string) {
  return db().payAdjustment.findMany({
    where: { workshopId, month },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      workerId: true,
      kind: true,
      amountFen: true,
      reason: true,
      correctsMonth: true,
      createdAt: true,
    },
  });
}

const PAYSLIP_SELECT = {
  id: true,
  workerId: true,
  month: true,
  payFen: true,
  remunerationFen: true,
  taxFen: true,
  chargesFen: true,
  netFen: true,
  withheld: true,
  acknowledgedAt: true,
  createdAt: true,
  lines: {
    orderBy: { sortOrder: "asc" as const },
    select: {
      id: true,
      kind: true,
      productId: true,
      processStepId: true,
      pieceRateId: true,
      rateE4: true,
      pieces: true,
      amountFen: true,
      label: true,
      reason: true,
    },
  },
  queries: {
    orderBy: { createdAt: "asc" as const },
    select: { id: true, text: true, createdAt: true, answer: true, answeredAt: true },
  },
};

/** A worker's own payslips, newest first (her pay page). */
export function listWorkerPayslips(worker: Actor) {
  return db().payslip.findMany({
    where: { workshopId: worker.workshopId, workerId: worker.userId },
    orderBy: { month: "desc" },
    select: { id: true, month: true, netFen: true, acknowledgedAt: true },
  });
}

/** One payslip: the worker's own (`workerId` = her), or any of the coordinator's workshop. */
export function getPayslip(scope: { workshopId: string; workerId?: string }, month: string, workerId: string) {
  if (scope.workerId !== undefined && scope.workerId !== workerId) return Promise.resolve(null);
  return db().payslip.findFirst({
    where: { workshopId: scope.workshopId, workerId, month },
    select: PAYSLIP_SELECT,
  });
}

/** The payslips of a settled month of the workshop, with the workers' names (coordinator, exports, print). */
export async function listMonthPayslips(workshopId: string, month: string) {
  const slips = await db().payslip.findMany({
    where: { workshopId, month },
    select: PAYSLIP_SELECT,
  });
  const workers = await db().user.findMany({
    where: { id: { in: slips.map((s) => s.workerId) }, workshopId },
    select: { id: true, name: true, phone: true },
  });
  const byId = new Map(workers.map((w) => [w.id, w]));
  return slips
    .map((s) => ({
      ...s,
      workerName: byId.get(s.workerId)?.name ?? "",
      workerPhone: byId.get(s.workerId)?.phone ?? "",
    }))
    .sort((a, b) => a.workerName.localeCompare(b.workerName, "zh-CN") || a.workerId.localeCompare(b.workerId));
}

/**
 * What is behind one piece line of her payslip: the checks (lots) that passed
 * those pieces in the month, each with the piece log it traces back to.
 */
export async function linePieces(scope: { workshopId: string; workerId?: string }, payslipLineId: string) {
  const line = await db().payslipLine.findFirst({
    where: { id: payslipLineId, workshopId: scope.workshopId, kind: "piece" },
    select: {
      productId: true,
      processStepId: true,
      pieceRateId: true,
      payslip: { select: { workerId: true, month: true } },
    },
  });
  if (!line || (scope.workerId !== undefined && line.payslip.workerId !== scope.workerId)) return null;
  const month = line.payslip.month;
  const lots = await db().lot.findMany({
    where: {
      workshopId: scope.workshopId,
      workerId: line.payslip.workerId,
      productId: line.productId ?? undefined,
      processStepId: line.processStepId,
      pieceRateId: line.pieceRateId,
      checkedOn: { gte: `${month}-01`, lte: `${month}-31` },
      passedQuantity: { gt: 0 },
    },
    orderBy: [{ checkedOn: "asc" }, { id: "asc" }],
    select: {
      id: true,
      checkedOn: true,
      quantity: true,
      passedQuantity: true,
      reworkQuantity: true,
      rejectedQuantity: true,
      originLogId: true,
      reworkOfLotId: true,
    },
  });
  const logs = await db().pieceLog.findMany({
    where: { id: { in: lots.map((l) => l.originLogId) }, workshopId: scope.workshopId },
    select: { id: true, loggedOn: true, quantity: true, assignmentId: true },
  });
  const logById = new Map(logs.map((l) => [l.id, l]));
  return { month, lots: lots.map((l) => ({ ...l, log: logById.get(l.originLogId) ?? null })) };
}

/** She has read her payslip and agrees (kept with the time; a second tap changes nothing). */
export async function acknowledgePayslip(worker: Actor, payslipId: string, now: Date) {
  return db().$transaction(async (tx) => {
    const updated = await tx.payslip.updateMany({
      where: { id: payslipId, workshopId: worker.workshopId, workerId: worker.userId, acknowledgedAt: null },
      data: { acknowledgedAt: now },
    });
    if (updated.count === 0) {
      const mine = await tx.payslip.count({
        where: { id: payslipId, workshopId: worker.workshopId, workerId: worker.userId },
      });
      return mine ? ok({ id: payslipId, already: true }) : fail("notFound");
    }
    await recordAudit(tx, worker, {
      action: "payslip.acknowledge",
      entityType: "Payslip",
      entityId: payslipId,
      after: { acknowledgedAt: now, on: chinaDate(now) },
    });
    return ok({ id: payslipId, already: false });
  });
}

export const QUERY_MAX = 1_000;

/** She asks about her payslip, in her words (1..1000 characters). */
export function raiseQuery(worker: Actor, payslipId: string, text: string, submissionKey: string) {
  return onceOk(worker.userId, submissionKey, "payslip.query", payslipId, async (tx) => {
    const slip = await tx.payslip.findFirst({
      where: { id: payslipId, workshopId: worker.workshopId, workerId: worker.userId },
      select: { id: true, month: true },
    });
    if (!slip) return fail("notFound");
    const body = text.trim();
    if (body === "" || body.length > QUERY_MAX) return fail("badText");
    const saved = await tx.payslipQuery.create({
      data: { workshopId: worker.workshopId, payslipId, workerId: worker.userId, text: body },
      select: { id: true },
    });
    await recordAudit(tx, worker, {
      action: "payslip.query",
      entityType: "PayslipQuery",
      entityId: saved.id,
      after: { text: body },
    });
    const asker = await tx.user.findUniqueOrThrow({ where: { id: worker.userId }, select: { name: true } });
    await notify(
      tx,
      worker.workshopId,
      { coordinators: true },
      { kind: "query.raised", queryId: saved.id, month: slip.month, workerId: worker.userId },
      { worker: asker.name, month: slip.month },
    );
    return ok({ id: saved.id });
  });
}

/** The coordinator answers a query of her workshop, once (an answer is kept, not overwritten). */
export async function answerQuery(actor: Actor, queryId: string, answer: string, now: Date) {
  const body = answer.trim();
  if (body === "" || body.length > QUERY_MAX) return fail("badText");
  return db().$transaction(async (tx) => {
    const updated = await tx.payslipQuery.updateMany({
      where: { id: queryId, workshopId: actor.workshopId, answeredAt: null },
      data: { answer: body, answeredById: actor.userId, answeredAt: now },
    });
    if (updated.count === 0) {
      const exists = await tx.payslipQuery.findFirst({
        where: { id: queryId, workshopId: actor.workshopId },
        select: { answer: true },
      });
      if (!exists) return fail("notFound");
      return exists.answer === body ? ok({ id: queryId }) : fail("alreadyAnswered");
    }
    await recordAudit(tx, actor, {
      action: "payslip.answer",
      entityType: "PayslipQuery",
      entityId: queryId,
      after: { answer: body },
    });
    const query = await tx.payslipQuery.findUniqueOrThrow({
      where: { id: queryId },
      select: { workerId: true, payslip: { select: { month: true } } },
    });
    await notify(
      tx,
      actor.workshopId,
      { worker: query.workerId },
      { kind: "query.answered", queryId, month: query.payslip.month },
      { month: query.payslip.month },
    );
    return ok({ id: queryId });
  });
}

/** Open queries of the workshop, oldest first (the coordinator's list). */
export function listOpenQueries(workshopId: string) {
  return db().payslipQuery.findMany({
    where: { workshopId, answeredAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      text: true,
      createdAt: true,
      workerId: true,
      payslip: { select: { month: true } },
    },
  });
}
