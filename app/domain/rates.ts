// Piece-rate versions (计件单价) and the fair-rate check. Pure: every input,
// including today's date, is passed in.
//
// A product (or one of its process steps) has a history of rate versions, each
// in force from its effectiveOn date until the next version's. The rate in
// force on a date is the version with the latest effectiveOn not after it;
// there is at most one version per (product, step, effectiveOn), so it is
// unambiguous. A version that has been used to price a piece log is frozen:
// it is never edited, and no new version may take over any day it already
// covers up to today (that would change what was paid for); corrections to
// past pay are settlement adjustments, not rate edits.
import {
  amountToMinor,
  impliedHourlyPay,
  percentOfAmount,
  rateToMinor,
  scaledToString,
  type Amount,
  type Rate,
} from "./money.ts";

export type RateVersion = { id: string; effectiveOn: string; used: boolean };

/** The version in force on `date` (YYYY-MM-DD), or null before the first one. */
export function rateInForce<V extends RateVersion>(versions: readonly V[], date: string): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveOn <= date && (best === null || v.effectiveOn > best.effectiveOn)) best = v;
  }
  return best;
}

/** A version of a product's rate: for the whole product (processStepId null) or for one process step. */
export type StepRateVersion = RateVersion & { processStepId: string | null };

/**
 * The versions in force on `date`, one per group: the whole product's (key null)
 * and each process step's. A group with no version effective yet is absent.
 */
export function inForcePerStep<V extends StepRateVersion>(versions: readonly V[], date: string): Map<string | null, V> {
  const groups = new Map<string | null, V[]>();
  for (const v of versions) groups.set(v.processStepId, [...(groups.get(v.processStepId) ?? []), v]);
  const inForce = new Map<string | null, V>();
  for (const [stepId, group] of groups) {
    const current = rateInForce(group, date);
    if (current) inForce.set(stepId, current);
  }
  return inForce;
}

export type RateState = "inForce" | "scheduled" | "past";

/** A version is in force, scheduled (starts after `date`) or past (replaced by a later one). */
export function rateState(
  version: StepRateVersion,
  inForce: ReadonlyMap<string | null, StepRateVersion>,
  date: string,
) {
  if (inForce.get(version.processStepId)?.id === version.id) return "inForce" as const;
  return version.effectiveOn > date ? ("scheduled" as const) : ("past" as const);
}

/**
 * The order a rate history is read in: the whole product's versions first, then
 * each step's in the steps' own order (`stepIds`; unknown steps last), newest
 * effective date first within each group. Stable for equal keys.
 */
export function sortRateHistory<V extends StepRateVersion>(versions: readonly V[], stepIds: readonly string[]): V[] {
  const position = new Map(stepIds.map((id, i) => [id, i]));
  const group = (stepId: string | null) => (stepId === null ? -1 : (position.get(stepId) ?? stepIds.length));
  return [...versions].sort(
    (a, b) =>
      group(a.processStepId) - group(b.processStepId) ||
      (a.effectiveOn < b.effectiveOn ? 1 : a.effectiveOn > b.effectiveOn ? -1 : 0),
  );
}

/**
 * How a product is priced on `date`: the whole product's version in force, or
 * when there is none, whether some process step has a version in force
 * ("priced by step") rather than no rate at all.
 */
export function productPricing<V extends StepRateVersion>(
  versions: readonly V[],
  date: string,
): { whole: V | null; stepPriced: boolean } {
  const inForce = inForcePerStep(versions, date);
  const whole = inForce.get(null) ?? null;
  return { whole, stepPriced: whole === null && inForce.size > 0 };
}

/**
 * Implied hourly pay of a rate (rate x 60 / standard minutes, to the fen), or
 * null when it cannot be judged: no time test, or a process step's rate (a step
 * has no time test of its own, so the whole piece's minutes do not apply).
 */
export function impliedHourlyOf(
  rate: Rate,
  standardMinutesE2: number | null,
  processStepId: string | null = null,
): Amount | null {
  if (processStepId !== null || standardMinutesE2 === null || standardMinutesE2 <= 0) return null;
  return impliedHourlyPay(rate, scaledToString(BigInt(standardMinutesE2), 2));
}

export type RateChangePlan =
  | { kind: "create" }
  /** An unused version with the same effective date: corrected in place (audited). */
  | { kind: "replace"; id: string }
  /** A used version covers a day this change would take over. */
  | { kind: "refuse"; code: "rateUsed"; usedVersionId: string };

/**
 * What setting a new version from `effectiveOn` does, given today's date.
 * Days from effectiveOn up to today that are covered by a used version may not
 * change; future days always may.
 */
export function planRateChange(versions: readonly RateVersion[], effectiveOn: string, today: string): RateChangePlan {
  const sameDay = versions.find((v) => v.effectiveOn === effectiveOn);
  if (sameDay?.used) return { kind: "refuse", code: "rateUsed", usedVersionId: sameDay.id };
  if (effectiveOn <= today) {
    // Versions covering some day in [effectiveOn, today]: the one in force on
    // effectiveOn, and every version starting after it up to today.
    const inForce = rateInForce(versions, effectiveOn);
    const covering = versions.filter((v) => v === inForce || (v.effectiveOn > effectiveOn && v.effectiveOn <= today));
    const used = covering.find((v) => v.used && v.id !== sameDay?.id);
    if (used) return { kind: "refuse", code: "rateUsed", usedVersionId: used.id };
  }
  return sameDay ? { kind: "replace", id: sameDay.id } : { kind: "create" };
}

/** Percent of the minimum wage that the UK fair-piece-rate practice targets for the average worker. */
export const FAIR_RATE_PERCENT = "120";

export type FairRateCheck =
  | { status: "unknown"; reason: "noStandardMinutes" | "noMinimumWage" }
  | {
      status: "belowMinimum" | "belowFair" | "fair";
      impliedHourly: Amount;
      minimum: Amount;
      fairTarget: Amount;
    };

/**
 * Implied hourly pay = rate x 60 / standard minutes per piece, compared with
 * the workshop's hourly minimum wage and 120 % of it.
 */
export function fairRateCheck(input: {
  rate: Rate;
  standardMinutesE2: number | null;
  minimumHourly: Amount | null;
}): FairRateCheck {
  if (input.standardMinutesE2 === null || input.standardMinutesE2 <= 0)
    return { status: "unknown", reason: "noStandardMinutes" };
  if (input.minimumHourly === null) return { status: "unknown", reason: "noMinimumWage" };
  const minutesE2 = BigInt(input.standardMinutesE2);
  // Displayed figures are rounded to the fen; the status is decided exactly, so
  // a rate that pays 22.999 yuan an hour is below a 23.00 minimum.
  const impliedHourly = impliedHourlyPay(input.rate, scaledToString(minutesE2, 2));
  const fairTarget = percentOfAmount(input.minimumHourly, FAIR_RATE_PERCENT);
  // implied hourly pay in fen = rateE4 x 60 / minutesE2 (exact rational); compare cross-multiplied.
  const payTimesMinutes = rateToMinor(input.rate) * 60n;
  const minimumFen = amountToMinor(input.minimumHourly);
  const status =
    payTimesMinutes < minimumFen * minutesE2
      ? "belowMinimum"
      : payTimesMinutes * 100n < minimumFen * BigInt(FAIR_RATE_PERCENT) * minutesE2
        ? "belowFair"
        : "fair";
  return { status, impliedHourly, minimum: input.minimumHourly, fairTarget };
}
