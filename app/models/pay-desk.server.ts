// What the pay pages need besides the settlement and payslip models (ADR 022):
// settling from the confirm page once per form (ADR 010), and the count of
// open payslip queries for the coordinator's menu badge.
import type { Actor } from "../domain/access.ts";
import { db } from "../infra/db.server.ts";
import { isUniqueViolation } from "./errors.server.ts";
import { settleMonth } from "./settlement.server.ts";

const SETTLE_ACTION = "pay.settle";

/**
 * settleMonth for the confirm form: the same form sent again (a double tap, a
 * retry after a lost answer) answers the first settle ({ replayed: true })
 * instead of "settled". Settling itself happens once whatever the key (the
 * period is unique per workshop and month); the key only tells a resend from
 * a second, separate attempt.
 */
export async function settleMonthOnce(
  actor: Actor,
  month: string,
  now: Date,
  expectedNetFen: bigint,
  submissionKey: string,
) {
  const key = `${actor.userId}:${SETTLE_ACTION}:${submissionKey}`;
  const earlier = () => db().formSubmission.findUnique({ where: { key }, select: { resultId: true } });
  if (await earlier()) return { ok: true as const, replayed: true as const };
  const result = await settleMonth(actor, month, now, expectedNetFen);
  if (result.ok) {
    try {
      await db().formSubmission.create({
        data: { key, userId: actor.userId, action: SETTLE_ACTION, resultId: result.periodId },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return { ...result, replayed: false as const };
  }
  if (result.code === "settled" && (await earlier())) return { ok: true as const, replayed: true as const };
  return result;
}

/** Payslip queries of the workshop not answered yet (the badge on 工资). */
export function countOpenQueries(workshopId: string): Promise<number> {
  return db().payslipQuery.count({ where: { workshopId, answeredAt: null } });
}
