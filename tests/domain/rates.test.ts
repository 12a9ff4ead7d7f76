// Piece-rate versions, the fair-rate check and China calendar dates (pure).
// docs/domain.md step 2 ("a rate that has been used is never edited in place"),
// "Money rules" (fair-rate check) and app/domain/dates.ts.
import fc from "fast-check";
import { expect, test } from "vitest";
import { addDays, chinaDate, isIsoDate } from "../../app/domain/dates.ts";
import { amountFromMinor, parseRate, rateFromMinor, type Rate } from "../../app/domain/money.ts";
import {
  FAIR_RATE_PERCENT,
  fairRateCheck,
  impliedHourlyOf,
  inForcePerStep,
  planRateChange,
  productPricing,
  rateInForce,
  rateState,
  sortRateHistory,
  type RateChangePlan,
  type RateVersion,
  type StepRateVersion,
} from "../../app/domain/rates.ts";

function rate(text: string): Rate {
  const parsed = parseRate(text);
  if (!parsed.ok) throw new Error(`test setup: rate ${text} did not parse: ${parsed.error.code}`);
  return parsed.value;
}

function v(id: string, effectiveOn: string, used = false): RateVersion {
  return { id, effectiveOn, used };
}

// ---------------------------------------------------------------------------
// rateInForce

const HISTORY = [v("jan", "2026-01-01"), v("feb", "2026-02-01"), v("mar", "2026-03-15")];

test("rateInForce: null before the first version", () => {
  expect(rateInForce(HISTORY, "2025-12-31")).toBeNull();
  expect(rateInForce([], "2026-01-01")).toBeNull();
});

test("rateInForce: a version is in force on its own effective date", () => {
  expect(rateInForce(HISTORY, "2026-01-01")?.id).toBe("jan");
  expect(rateInForce(HISTORY, "2026-02-01")?.id).toBe("feb");
  expect(rateInForce(HISTORY, "2026-03-15")?.id).toBe("mar");
});

test("rateInForce: between versions the earlier one holds until the day before the next", () => {
  expect(rateInForce(HISTORY, "2026-01-31")?.id).toBe("jan");
  expect(rateInForce(HISTORY, "2026-02-14")?.id).toBe("feb");
  expect(rateInForce(HISTORY, "2026-03-14")?.id).toBe("feb");
});

test("rateInForce: after the last version the last one stays in force", () => {
  expect(rateInForce(HISTORY, "2026-03-16")?.id).toBe("mar");
  expect(rateInForce(HISTORY, "2030-12-31")?.id).toBe("mar");
});

test("rateInForce: the order of the input does not matter", () => {
  const shuffled = [HISTORY[2]!, HISTORY[0]!, HISTORY[1]!];
  const reversed = [...HISTORY].reverse();
  for (const list of [shuffled, reversed]) {
    expect(rateInForce(list, "2025-12-31")).toBeNull();
    expect(rateInForce(list, "2026-01-20")?.id).toBe("jan");
    expect(rateInForce(list, "2026-02-01")?.id).toBe("feb");
    expect(rateInForce(list, "2026-04-01")?.id).toBe("mar");
  }
});

test("rateInForce: agrees with a brute-force oracle on random histories (fast-check)", () => {
  const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays("2026-01-01", n));
  fc.assert(
    fc.property(fc.uniqueArray(day, { maxLength: 8 }), day, (dates, date) => {
      const versions = dates.map((d, i) => v(`v${i}`, d));
      const candidates = versions
        .filter((x) => x.effectiveOn <= date)
        .sort((a, b) => (a.effectiveOn < b.effectiveOn ? 1 : -1));
      expect(rateInForce(versions, date)?.id ?? null).toBe(candidates[0]?.id ?? null);
    }),
    { numRuns: 300 },
  );
});

// ---------------------------------------------------------------------------
// A product's rates per process step: in force, state, history order, pricing

function sv(id: string, processStepId: string | null, effectiveOn: string): StepRateVersion {
  return { id, processStepId, effectiveOn, used: false };
}

// The whole product: jan, mar (today 2026-03-10 → jan), may (scheduled); step "pack": feb; step "dry": only from April.
const STEPPED = [
  sv("w-may", null, "2026-05-01"),
  sv("pack-feb", "pack", "2026-02-01"),
  sv("w-jan", null, "2026-01-01"),
  sv("dry-apr", "dry", "2026-04-01"),
  sv("w-mar", null, "2026-03-10"),
];

test("inForcePerStep: one version per group (whole product under null), none for a group not started yet", () => {
  const before = inForcePerStep(STEPPED, "2026-03-09");
  expect(Object.fromEntries([...before].map(([k, v]) => [String(k), v.id]))).toEqual({
    null: "w-jan",
    pack: "pack-feb",
  });
  const today = inForcePerStep(STEPPED, "2026-03-10");
  expect(today.get(null)?.id).toBe("w-mar");
  expect(today.has("dry")).toBe(false);
  expect(inForcePerStep(STEPPED, "2026-04-01").get("dry")?.id).toBe("dry-apr");
  expect(inForcePerStep([], "2026-03-10").size).toBe(0);
});

test("inForcePerStep agrees with rateInForce applied to each group alone (fast-check)", () => {
  const version = fc.record({
    id: fc.uuid(),
    processStepId: fc.constantFrom(null, "a", "b"),
    effectiveOn: fc.integer({ min: 0, max: 60 }).map((n) => addDays("2026-01-01", n)),
    used: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(version, { maxLength: 12 }), fc.integer({ min: -5, max: 70 }), (versions, offset) => {
      const date = addDays("2026-01-01", offset);
      const map = inForcePerStep(versions, date);
      for (const step of [null, "a", "b"]) {
        const expected = rateInForce(
          versions.filter((v) => v.processStepId === step),
          date,
        );
        expect(map.get(step)?.effectiveOn ?? null).toBe(expected?.effectiveOn ?? null);
      }
    }),
    { numRuns: 300 },
  );
});

test("rateState: in force, scheduled (starts after the date) or past (replaced)", () => {
  const inForce = inForcePerStep(STEPPED, "2026-03-10");
  const states = Object.fromEntries(STEPPED.map((v) => [v.id, rateState(v, inForce, "2026-03-10")]));
  expect(states).toEqual({
    "w-may": "scheduled",
    "pack-feb": "inForce",
    "w-jan": "past",
    "dry-apr": "scheduled",
    "w-mar": "inForce",
  });
});

test("sortRateHistory: whole product first, then steps in their own order (unknown last), newest first within each", () => {
  const unknown = sv("ghost", "gone", "2026-06-01");
  const sorted = sortRateHistory([unknown, ...STEPPED, sv("pack-jan", "pack", "2026-01-15")], ["dry", "pack"]);
  expect(sorted.map((v) => v.id)).toEqual(["w-may", "w-mar", "w-jan", "dry-apr", "pack-feb", "pack-jan", "ghost"]);
  // The input is left as it was.
  expect(STEPPED[0]?.id).toBe("w-may");
});

test.each([
  { name: "a whole-product rate in force", versions: STEPPED, date: "2026-03-10", whole: "w-mar", stepPriced: false },
  {
    name: "only a step's rate in force: priced by step",
    versions: STEPPED.filter((v) => v.processStepId !== null),
    date: "2026-03-10",
    whole: null,
    stepPriced: true,
  },
  {
    name: "only versions that start later: no rate yet",
    versions: [sv("w-may", null, "2026-05-01"), sv("dry-apr", "dry", "2026-04-01")],
    date: "2026-03-10",
    whole: null,
    stepPriced: false,
  },
  { name: "no versions at all", versions: [], date: "2026-03-10", whole: null, stepPriced: false },
])("productPricing: $name", ({ versions, date, whole, stepPriced }) => {
  const pricing = productPricing(versions, date);
  expect(pricing.whole?.id ?? null).toBe(whole);
  expect(pricing.stepPriced).toBe(stepPriced);
});

test("impliedHourlyOf: rate x 60 / standard minutes for a whole-product rate; null for a step's rate or without a time test", () => {
  expect(impliedHourlyOf(rate("2.50"), 600)).toEqual(amountFromMinor(2500n));
  expect(impliedHourlyOf(rate("0.30"), 75)).toEqual(amountFromMinor(2400n));
  expect(impliedHourlyOf(rate("2.50"), 600, "pack")).toBeNull();
  expect(impliedHourlyOf(rate("2.50"), null)).toBeNull();
  expect(impliedHourlyOf(rate("2.50"), 0)).toBeNull();
});

// ---------------------------------------------------------------------------
// planRateChange

const TODAY = "2026-03-10";

type PlanCase = { name: string; versions: RateVersion[]; effectiveOn: string; expected: RateChangePlan };

const PLAN_CASES: PlanCase[] = [
  {
    name: "no versions yet, past date → create",
    versions: [],
    effectiveOn: "2026-01-01",
    expected: { kind: "create" },
  },
  {
    name: "no versions yet, future date → create",
    versions: [],
    effectiveOn: "2026-04-01",
    expected: { kind: "create" },
  },
  {
    name: "same day, unused → replace in place",
    versions: [v("a", "2026-03-01"), v("b", "2026-03-10")],
    effectiveOn: "2026-03-10",
    expected: { kind: "replace", id: "b" },
  },
  {
    name: "same (past) day, unused, even while an earlier version is used → replace",
    versions: [v("a", "2026-02-01", true), v("b", "2026-03-01")],
    effectiveOn: "2026-03-01",
    expected: { kind: "replace", id: "b" },
  },
  {
    name: "same day, used → refuse",
    versions: [v("a", "2026-03-01", true)],
    effectiveOn: "2026-03-01",
    expected: { kind: "refuse", code: "rateUsed", usedVersionId: "a" },
  },
  {
    name: "same day in the future, unused → replace",
    versions: [v("a", "2026-03-01", true), v("b", "2026-04-01")],
    effectiveOn: "2026-04-01",
    expected: { kind: "replace", id: "b" },
  },
  {
    name: "future date → create even though the current version is used",
    versions: [v("a", "2026-03-01", true)],
    effectiveOn: "2026-03-11",
    expected: { kind: "create" },
  },
  {
    name: "today, current version used → refuse (today's pieces may already be priced)",
    versions: [v("a", "2026-03-01", true)],
    effectiveOn: TODAY,
    expected: { kind: "refuse", code: "rateUsed", usedVersionId: "a" },
  },
  {
    name: "past date covered by a used version → refuse",
    versions: [v("a", "2026-02-01", true)],
    effectiveOn: "2026-02-15",
    expected: { kind: "refuse", code: "rateUsed", usedVersionId: "a" },
  },
  {
    name: "past date before the first version, a later used version starts before today → refuse",
    versions: [v("a", "2026-02-01", true)],
    effectiveOn: "2026-01-15",
    expected: { kind: "refuse", code: "rateUsed", usedVersionId: "a" },
  },
  {
    name: "past date, a used version starts later in [date, today] → refuse",
    versions: [v("a", "2026-01-01"), v("b", "2026-03-05", true)],
    effectiveOn: "2026-02-01",
    expected: { kind: "refuse", code: "rateUsed", usedVersionId: "b" },
  },
  {
    name: "past date where only unused versions cover [date, today] → create",
    versions: [v("a", "2026-01-01"), v("b", "2026-03-01")],
    effectiveOn: "2026-02-10",
    expected: { kind: "create" },
  },
  {
    name: "past date on an unused version's day, only unused versions cover [date, today] → replace",
    versions: [v("a", "2026-01-01"), v("b", "2026-02-10"), v("c", "2026-03-01")],
    effectiveOn: "2026-02-10",
    expected: { kind: "replace", id: "b" },
  },
  {
    name: "a used version whose span ends before the new date → create",
    versions: [v("a", "2026-01-01", true), v("b", "2026-02-01")],
    effectiveOn: "2026-02-15",
    expected: { kind: "create" },
  },
  {
    name: "a used version whose span ends the day before the new date (next version starts that day) → replace",
    versions: [v("a", "2026-01-01", true), v("b", "2026-02-01")],
    effectiveOn: "2026-02-01",
    expected: { kind: "replace", id: "b" },
  },
  {
    name: "a used version starting after today cannot block a past change (not in [date, today])",
    versions: [v("a", "2026-01-01"), v("z", "2026-03-11", true)],
    effectiveOn: "2026-02-01",
    expected: { kind: "create" },
  },
];

test.each(PLAN_CASES)("planRateChange: $name", ({ versions, effectiveOn, expected }) => {
  expect(planRateChange(versions, effectiveOn, TODAY)).toEqual(expected);
  // The order of the history never changes the plan.
  expect(planRateChange([...versions].reverse(), effectiveOn, TODAY)).toEqual(expected);
});

test("planRateChange never refuses a future date unless that very day's version is used, and never lets a change take over a used day up to today (fast-check)", () => {
  const offset = fc.integer({ min: -40, max: 20 });
  const history = fc.uniqueArray(fc.record({ day: offset, used: fc.boolean() }), {
    selector: (x) => x.day,
    maxLength: 6,
  });
  fc.assert(
    fc.property(history, offset, (entries, newDay) => {
      // A version can only have been used if it started on or before today.
      const versions = entries.map((e, i) => v(`v${i}`, addDays(TODAY, e.day), e.used && e.day <= 0));
      const effectiveOn = addDays(TODAY, newDay);
      const plan = planRateChange(versions, effectiveOn, TODAY);
      // Oracle: days effectiveOn..today (none when in the future), each priced by the version in force.
      let takesOverUsedDay = versions.some((x) => x.effectiveOn === effectiveOn && x.used);
      for (let d = effectiveOn; d <= TODAY; d = addDays(d, 1)) {
        if (rateInForce(versions, d)?.used) takesOverUsedDay = true;
      }
      const sameDay = versions.find((x) => x.effectiveOn === effectiveOn);
      if (takesOverUsedDay) expect(plan.kind).toBe("refuse");
      else if (sameDay) expect(plan).toEqual({ kind: "replace", id: sameDay.id });
      else expect(plan).toEqual({ kind: "create" });
    }),
    { numRuns: 500 },
  );
});

// ---------------------------------------------------------------------------
// Rates are > 0 (docs/domain.md "Money rules"): 0 and negative values never become a Rate.

test("a rate of 0 or below cannot be parsed or constructed", () => {
  expect(parseRate("0")).toEqual({ ok: false, error: { code: "zero" } });
  expect(parseRate("0.0000")).toEqual({ ok: false, error: { code: "zero" } });
  expect(parseRate("-0.5")).toEqual({ ok: false, error: { code: "negative" } });
  expect(parseRate("0.00005")).toEqual({ ok: false, error: { code: "tooManyDecimals", maxDecimals: 4 } });
  expect(() => rateFromMinor(0n)).toThrow(RangeError);
  expect(() => rateFromMinor(-1n)).toThrow(RangeError);
  expect(parseRate("0.0001").ok).toBe(true);
});

// ---------------------------------------------------------------------------
// fairRateCheck

const MIN_23 = amountFromMinor(2300n); // ¥23.00 an hour
const SIX_MINUTES = 600; // standardMinutesE2

test("fairRateCheck: unknown without standard minutes (null or not positive)", () => {
  for (const standardMinutesE2 of [null, 0, -600]) {
    expect(fairRateCheck({ rate: rate("2.00"), standardMinutesE2, minimumHourly: MIN_23 })).toEqual({
      status: "unknown",
      reason: "noStandardMinutes",
    });
  }
});

test("fairRateCheck: unknown without a minimum wage", () => {
  expect(fairRateCheck({ rate: rate("2.00"), standardMinutesE2: SIX_MINUTES, minimumHourly: null })).toEqual({
    status: "unknown",
    reason: "noMinimumWage",
  });
});

function check(rateText: string, minutesE2 = SIX_MINUTES, minimum = MIN_23) {
  const result = fairRateCheck({ rate: rate(rateText), standardMinutesE2: minutesE2, minimumHourly: minimum });
  if (result.status === "unknown") throw new Error(`unexpected unknown: ${result.reason}`);
  return {
    status: result.status,
    impliedFen: result.impliedHourly.minor,
    minimumFen: result.minimum.minor,
    fairTargetFen: result.fairTarget.minor,
  };
}

test("fairRateCheck: clearly below the minimum (2.00 per 6-minute piece = ¥20.00/h)", () => {
  expect(check("2.00")).toEqual({ status: "belowMinimum", impliedFen: 2000n, minimumFen: 2300n, fairTargetFen: 2760n });
});

test("fairRateCheck: exactly the minimum is NOT below it (2.30 → ¥23.00/h is belowFair)", () => {
  expect(check("2.30")).toEqual({ status: "belowFair", impliedFen: 2300n, minimumFen: 2300n, fairTargetFen: 2760n });
});

test("fairRateCheck: one minor unit under the minimum is below it (2.2999 → ¥22.999/h)", () => {
  // The exact implied pay is 22.999 < 23.00: under the minimum, even though it rounds to ¥23.00 for display.
  expect(check("2.2999").status).toBe("belowMinimum");
  expect(check("2.2995").status).toBe("belowMinimum");
  expect(check("2.2949").status).toBe("belowMinimum");
});

test("fairRateCheck: exactly the 120 % target is fair (2.76 → ¥27.60/h), and above it too", () => {
  expect(FAIR_RATE_PERCENT).toBe("120");
  expect(check("2.76")).toEqual({ status: "fair", impliedFen: 2760n, minimumFen: 2300n, fairTargetFen: 2760n });
  expect(check("2.7601").status).toBe("fair");
  expect(check("9.00").status).toBe("fair");
});

test("fairRateCheck: one minor unit under the 120 % target is belowFair (2.7599 → ¥27.599/h)", () => {
  expect(check("2.7599").status).toBe("belowFair");
  expect(check("2.7550").status).toBe("belowFair");
  expect(check("2.7500").status).toBe("belowFair");
  expect(check("2.3001").status).toBe("belowFair");
});

test("fairRateCheck: fractional standard minutes (0.75 min, rate 0.30 → ¥24.00/h) and a non-round minimum", () => {
  expect(check("0.30", 75)).toEqual({
    status: "belowFair",
    impliedFen: 2400n,
    minimumFen: 2300n,
    fairTargetFen: 2760n,
  });
  // Minimum ¥21.01: fair target is 25.212 → reported ¥25.21.
  const min2101 = amountFromMinor(2101n);
  expect(check("2.101", SIX_MINUTES, min2101).status).toBe("belowFair");
  expect(check("2.1009", SIX_MINUTES, min2101).status).toBe("belowMinimum");
  expect(check("2.5212", SIX_MINUTES, min2101).status).toBe("fair");
  expect(check("2.5211", SIX_MINUTES, min2101).status).toBe("belowFair");
});

/** Half-up division of non-negative bigints. */
function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/**
 * Oracle: implied hourly pay in fen = rateE4 x 60 / minutesE2 (rate in 0.0001 yuan,
 * minutes in 0.01 min), reported rounded half-up to the fen; the status compares the
 * EXACT implied pay with the minimum and with exactly 120 % of it (a rate that pays
 * under the minimum is flagged even when the shortfall is under half a fen).
 */
function oracle(rateE4: bigint, minutesE2: bigint, minimumFen: bigint) {
  const impliedFen = divHalfUp(rateE4 * 60n, minutesE2);
  const fairTargetFen = divHalfUp(minimumFen * 120n, 100n);
  // exact implied = rateE4*60/minutesE2 fen; compare by cross-multiplying (all positive).
  const belowMinimum = rateE4 * 60n < minimumFen * minutesE2;
  const belowFair = rateE4 * 60n * 100n < minimumFen * 120n * minutesE2;
  const status = belowMinimum ? "belowMinimum" : belowFair ? "belowFair" : "fair";
  return { status, impliedFen, minimumFen, fairTargetFen };
}

test("fairRateCheck agrees with a BigInt oracle on random rates, minutes and minimum wages (fast-check)", () => {
  const arbitrary = fc.record({
    rateE4: fc.bigInt({ min: 1n, max: 99_999_999n }),
    minutesE2: fc.bigInt({ min: 1n, max: 100_000n }),
    minimumFen: fc.bigInt({ min: 0n, max: 10_000n }),
  });
  // Rates within a few minor units of either threshold, where rounding could change the verdict.
  const nearThreshold = fc
    .record({
      minutesE2: fc.bigInt({ min: 1n, max: 6_000n }),
      minimumFen: fc.bigInt({ min: 1n, max: 10_000n }),
      fair: fc.boolean(),
      delta: fc.bigInt({ min: -3n, max: 3n }),
    })
    .map(({ minutesE2, minimumFen, fair, delta }) => {
      // The smallest rate (E4) meeting the threshold: ceil(threshold x minutes / 60).
      const numerator = (fair ? 120n : 100n) * minimumFen * minutesE2;
      const threshold = (numerator + 5_999n) / 6_000n;
      const rateE4 = threshold + delta < 1n ? 1n : threshold + delta;
      return { rateE4, minutesE2, minimumFen };
    })
    .filter(({ rateE4, minutesE2 }) => rateE4 <= 99_999_999n && (rateE4 * 60n) / minutesE2 <= 99_999_999_999_999n);
  fc.assert(
    fc.property(fc.oneof(arbitrary, nearThreshold), ({ rateE4, minutesE2, minimumFen }) => {
      const result = fairRateCheck({
        rate: rateFromMinor(rateE4),
        standardMinutesE2: Number(minutesE2),
        minimumHourly: amountFromMinor(minimumFen),
      });
      if (result.status === "unknown") throw new Error("unexpected unknown");
      expect({
        status: result.status,
        impliedFen: result.impliedHourly.minor,
        minimumFen: result.minimum.minor,
        fairTargetFen: result.fairTarget.minor,
      }).toEqual(oracle(rateE4, minutesE2, minimumFen));
    }),
    { numRuns: 1000 },
  );
});

test("fairRateCheck: the implied hourly pay is reported rounded half-up to the fen (BigInt oracle, fast-check)", () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: 1n, max: 99_999_999n }),
      fc.bigInt({ min: 1n, max: 100_000n }),
      (rateE4, minutesE2) => {
        const result = fairRateCheck({
          rate: rateFromMinor(rateE4),
          standardMinutesE2: Number(minutesE2),
          minimumHourly: MIN_23,
        });
        if (result.status === "unknown") throw new Error("unexpected unknown");
        expect(result.impliedHourly.minor).toBe(divHalfUp(rateE4 * 60n, minutesE2));
      },
    ),
    { numRuns: 500 },
  );
});

// ---------------------------------------------------------------------------
// dates.ts

test("chinaDate: 15:59:59Z is still the same China day, 16:00:00Z is the next (China midnight)", () => {
  expect(chinaDate(new Date("2026-03-09T15:59:59.999Z"))).toBe("2026-03-09");
  expect(chinaDate(new Date("2026-03-09T16:00:00.000Z"))).toBe("2026-03-10");
  expect(chinaDate(new Date("2026-03-09T00:00:00.000Z"))).toBe("2026-03-09");
  // Across the year end and a leap day.
  expect(chinaDate(new Date("2026-12-31T15:59:59Z"))).toBe("2026-12-31");
  expect(chinaDate(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  expect(chinaDate(new Date("2028-02-28T16:00:00Z"))).toBe("2028-02-29");
});

test("isIsoDate: real calendar dates only, written YYYY-MM-DD", () => {
  expect(isIsoDate("2026-02-28")).toBe(true);
  expect(isIsoDate("2026-02-29")).toBe(false);
  expect(isIsoDate("2028-02-29")).toBe(true);
  expect(isIsoDate("2100-02-29")).toBe(false);
  expect(isIsoDate("2000-02-29")).toBe(true);
  expect(isIsoDate("2026-02-30")).toBe(false);
  expect(isIsoDate("2026-04-31")).toBe(false);
  expect(isIsoDate("2026-13-01")).toBe(false);
  expect(isIsoDate("2026-00-10")).toBe(false);
  expect(isIsoDate("2026-12-31")).toBe(true);
  for (const bad of [
    "2026-3-1",
    "2026/03/01",
    "20260301",
    "2026-03-01T00:00:00Z",
    " 2026-03-01",
    "",
    "２０２６-03-01",
  ]) {
    expect(isIsoDate(bad), bad).toBe(false);
  }
});

test("addDays: across month ends, year ends and leap days, in both directions", () => {
  expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
  expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  expect(addDays("2028-02-29", 1)).toBe("2028-03-01");
  expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
  expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  expect(addDays("2026-03-10", 0)).toBe("2026-03-10");
  expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
  expect(addDays("2028-01-01", 366)).toBe("2029-01-01");
  expect(addDays("2026-03-10", -40)).toBe("2026-01-29");
});

test("addDays round-trips and always yields a valid ISO date (fast-check)", () => {
  const start = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays("2000-01-01", n));
  fc.assert(
    fc.property(start, fc.integer({ min: -1000, max: 1000 }), (date, days) => {
      const moved = addDays(date, days);
      expect(isIsoDate(moved)).toBe(true);
      expect(addDays(moved, -days)).toBe(date);
      if (days > 0) expect(moved > date).toBe(true);
      if (days < 0) expect(moved < date).toBe(true);
    }),
    { numRuns: 300 },
  );
});
