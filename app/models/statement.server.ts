// Income statements 收入证明 (ADR 027). A worker states her net pay per settled
// month over a period she chose; issuing writes a row with everything the
// statement prints (a snapshot: later corrections land in later months and
// never change an issued statement) and a random verification code. Only the
// worker herself issues and reads her statements (her user id and workshop
// scope every query); the public verify page looks a code up and learns four
// facts: that it exists, its period, its total and her masked name.
import { randomBytes } from "node:crypto";
import type { Actor } from "../domain/access.ts";
import { chinaDate, chinaMonth } from "../domain/dates.ts";
import {
  checkPeriod,
  codeFromBytes,
  CODE_LENGTH,
  maskName,
  maskPhone,
  monthsFromJson,
  monthsOf,
  monthsToJson,
  statementFigures,
  type Period,
  type PeriodRefusal,
  type StatementFigures,
} from "../domain/statement.ts";
import { db, type Tx } from "../infra/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { isUniqueViolation } from "./errors.server.ts";
import { fail, ok, type Result } from "./result.ts";
import { onceOk } from "./submission.server.ts";

type Reader = Tx | ReturnType<typeof db>;

/** A fresh code from the operating system's cryptographic RNG. */
export function newStatementCode(): string {
  return codeFromBytes(randomBytes(CODE_LENGTH));
}

async function figuresOf(reader: Reader, worker: Actor, period: Period): Promise<StatementFigures> {
  const months = monthsOf(period);
  const [periods, slips] = await Promise.all([
    reader.payPeriod.findMany({
      where: { workshopId: worker.workshopId, month: { in: months } },
      select: { month: true },
    }),
    reader.payslip.findMany({
      where: { workshopId: worker.workshopId, workerId: worker.userId, month: { in: months } },
      select: { month: true, netFen: true },
    }),
  ]);
  return statementFigures(period, new Set(periods.map((p) => p.month)), new Map(slips.map((s) => [s.month, s.netFen])));
}

export type PreviewRefusal = PeriodRefusal;

/** What a statement for the period would say (her page, before she issues it). */
export async function previewStatement(
  worker: Actor,
  period: Period,
  now: Date,
): Promise<Result<{ figures: StatementFigures }, PreviewRefusal>> {
  const refusal = checkPeriod(period, chinaMonth(now));
  if (refusal) return fail(refusal);
  return ok({ figures: await figuresOf(db(), worker, period) });
}

export type IssueRefusal = PeriodRefusal | "nothingSettled" | "notFound";

/**
 * Issues her statement for the period: one row with the figures, her name and
 * masked number, the workshop's name and place, the China date and a new code,
 * and the audit event, in one transaction. A resent form (same key) answers the
 * first statement. A period with no settled month is refused.
 */
export function issueStatement(worker: Actor, period: Period, now: Date, submissionKey: string) {
  return onceOk(worker.userId, submissionKey, "statement.issue", worker.userId, async (tx) => {
    return (async (): Promise<Result<{ id: string }, IssueRefusal>> => {
      const refusal = checkPeriod(period, chinaMonth(now));
      if (refusal) return fail(refusal);
      const me = await tx.user.findFirst({
        where: { id: worker.userId, workshopId: worker.workshopId, role: "worker", active: true },
        select: {
          name: true,
          phone: true,
          workshop: {
            select: {
              name: true,
              district: true,
              community: { select: { name: true, town: { select: { name: true } } } },
            },
          },
        },
      });
      if (!me?.workshop) return fail("notFound");
      const figures = await figuresOf(tx, worker, period);
      if (figures.months.length === 0) return fail("nothingSettled");
      const data = {
        workshopId: worker.workshopId,
        workerId: worker.userId,
        fromMonth: period.from,
        toMonth: period.to,
        totalFen: figures.totalFen,
        months: monthsToJson(figures.months),
        unsettledMonths: JSON.stringify(figures.unsettled),
        workerName: me.name,
        workerPhoneMasked: maskPhone(me.phone),
        workshopName: me.workshop.name,
        // Where the workshop is, as the admin set it (ADR 024): district, town/street, community.
        workshopLocation: [me.workshop.district, me.workshop.community?.town.name, me.workshop.community?.name]
          .filter((part): part is string => Boolean(part))
          .join(" "),
        issuedOn: chinaDate(now),
        issuedAt: now,
      };
      const saved = await createWithFreshCode(tx, data);
      await recordAudit(tx, worker, {
        action: "statement.issue",
        entityType: "IncomeStatement",
        entityId: saved.id,
        // The code is not audited: the audit log is read by staff, the code is hers to hand out.
        after: { fromMonth: data.fromMonth, toMonth: data.toMonth, totalFen: data.totalFen, months: data.months },
      });
      return ok({ id: saved.id });
    })();
  });
}

type StatementData = Omit<Parameters<Tx["incomeStatement"]["create"]>[0]["data"], "code">;

/**
 * Creates the row with a new code. A collision of two 100-bit codes does not
 * happen in practice; the unique index would refuse one, and the transaction
 * (already failed on PostgreSQL) is refused as a whole rather than retried inside.
 */
async function createWithFreshCode(tx: Tx, data: StatementData) {
  try {
    return await tx.incomeStatement.create({ data: { ...data, code: newStatementCode() }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Error("income statement: verification code collision");
    throw error;
  }
}

/** Her issued statements, newest first. */
export function listStatements(worker: Actor) {
  return db().incomeStatement.findMany({
    where: { workshopId: worker.workshopId, workerId: worker.userId },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    select: { id: true, fromMonth: true, toMonth: true, totalFen: true, issuedOn: true },
    take: 50,
  });
}

/** One of her statements as issued, or null (another worker's is not found). */
export async function getStatement(worker: Actor, statementId: string) {
  const row = await db().incomeStatement.findFirst({
    where: { id: statementId, workshopId: worker.workshopId, workerId: worker.userId },
    select: {
      id: true,
      fromMonth: true,
      toMonth: true,
      totalFen: true,
      months: true,
      unsettledMonths: true,
      workerName: true,
      workerPhoneMasked: true,
      workshopName: true,
      workshopLocation: true,
      code: true,
      issuedOn: true,
    },
  });
  if (!row) return null;
  const unsettled: unknown = JSON.parse(row.unsettledMonths);
  return {
    ...row,
    months: monthsFromJson(row.months),
    unsettledMonths: Array.isArray(unsettled) ? unsettled.filter((m): m is string => typeof m === "string") : [],
  };
}

export type VerifiedStatement = { fromMonth: string; toMonth: string; totalFen: bigint; maskedName: string };

/**
 * The verify page's four facts for a code (exact match of the stored code), or
 * null. Nothing else of the row leaves this function.
 */
export async function verifyStatement(code: string): Promise<VerifiedStatement | null> {
  const row = await db().incomeStatement.findUnique({
    where: { code },
    select: { fromMonth: true, toMonth: true, totalFen: true, workerName: true },
  });
  if (!row) return null;
  return {
    fromMonth: row.fromMonth,
    toMonth: row.toMonth,
    totalFen: row.totalFen,
    maskedName: maskName(row.workerName),
  };
}
