// What the catalogue's product pages send to the browser: every figure already
// formatted on the server from the exact stored units (money crosses the wire
// as strings), and every rule (which rate is in force, the history's order,
// implied hourly pay) taken from app/domain/rates.ts, not decided here.
import { chinaDate } from "../domain/dates.ts";
import {
  formatAmount,
  formatQuantity,
  formatRate,
  parseRate,
  quantityFromMinor,
  rateFromMinor,
  scaledToString,
  type MoneyLocale,
  type Rate,
} from "../domain/money.ts";
import { impliedHourlyOf, inForcePerStep, rateState, sortRateHistory, type FairRateCheck } from "../domain/rates.ts";
import { listMaterials, listProducts, type ProductDetail } from "../models/catalogue.server.ts";
import { checkFairRate, listRateVersions, pricingOn } from "../models/rates.server.ts";

/** A fair-rate check as the page shows it. */
export type CheckView =
  | { status: "unknown"; reason: "noStandardMinutes" | "noMinimumWage"; rate: string }
  | {
      status: "belowMinimum" | "belowFair" | "fair";
      rate: string;
      impliedHourly: string;
      minimum: string;
      fairTarget: string;
      minutes: string;
    };

export function checkView(
  check: FairRateCheck,
  rate: Rate,
  standardMinutesE2: number | null,
  locale: MoneyLocale,
): CheckView {
  if (check.status === "unknown") return { status: "unknown", reason: check.reason, rate: formatRate(rate, locale) };
  return {
    status: check.status,
    rate: formatRate(rate, locale),
    impliedHourly: formatAmount(check.impliedHourly, locale),
    minimum: formatAmount(check.minimum, locale),
    fairTarget: formatAmount(check.fairTarget, locale),
    minutes: hundredths(standardMinutesE2 ?? 0),
  };
}

/**
 * The check for a rate as typed into the set-rate form, or null when it does
 * not parse or is a process step's rate (like setRate: a step has no time test
 * to be judged against).
 */
export async function enteredRateCheck(
  workshopId: string,
  product: Pick<ProductDetail, "id" | "standardMinutesE2">,
  values: Record<string, string>,
  locale: MoneyLocale,
): Promise<CheckView | null> {
  const parsed = parseRate(values.rate);
  if (!parsed.ok || values.processStepId) return null;
  const check = await checkFairRate(workshopId, product.id, parsed.value);
  return check && checkView(check, parsed.value, product.standardMinutesE2, locale);
}

/** Minutes and percentages are stored in hundredths ("E2"): 650 is "6.5". */
function hundredths(valueE2: number): string {
  return scaledToString(BigInt(valueE2), 2);
}

/** The product list: each product with today's whole-product rate (one rate query for the whole list). */
export async function productListView(
  workshopId: string,
  locale: MoneyLocale,
  options: { includeArchived: boolean },
  now: Date,
) {
  const products = await listProducts(workshopId, options);
  const pricing = await pricingOn(
    workshopId,
    products.map((p) => p.id),
    chinaDate(now),
  );
  return products.map((p) => {
    const priced = pricing.get(p.id);
    return {
      id: p.id,
      name: p.name,
      unit: p.unit,
      standardMinutes: p.standardMinutesE2 === null ? null : hundredths(p.standardMinutesE2),
      lossAllowance: hundredths(p.lossAllowanceE2),
      rate: priced?.whole
        ? { amount: formatRate(priced.whole.rate, locale), effectiveOn: priced.whole.effectiveOn }
        : null,
      stepPriced: priced?.stepPriced ?? false,
      archived: p.archivedAt !== null,
    };
  });
}

/** Everything the product page shows: details, bill of materials, steps, rate history and today's fair-rate check. */
export async function productPageView(workshopId: string, product: ProductDetail, locale: MoneyLocale, now: Date) {
  const today = chinaDate(now);
  const [versions, materials] = await Promise.all([
    listRateVersions(workshopId, product.id),
    listMaterials(workshopId),
  ]);
  const inForce = inForcePerStep(versions, today);
  const stepName = new Map(product.steps.map((s) => [s.id, s.name]));
  const rates = sortRateHistory(
    versions,
    product.steps.map((s) => s.id),
  ).map((v) => {
    const rate = rateFromMinor(v.rateE4);
    // The fair-rate figure of every whole-piece version (steps have no time test of their own yet).
    const impliedHourly = impliedHourlyOf(rate, product.standardMinutesE2, v.processStepId);
    return {
      id: v.id,
      stepName: v.processStepId === null ? null : (stepName.get(v.processStepId) ?? ""),
      rate: formatRate(rate, locale),
      impliedHourly: impliedHourly && formatAmount(impliedHourly, locale),
      effectiveOn: v.effectiveOn,
      reason: v.reason,
      setByName: v.setByName,
      used: v.used,
      belowMinimum: v.belowMinimum,
      belowMinimumReason: v.belowMinimumReason,
      state: rateState(v, inForce, today),
    };
  });

  const whole = inForce.get(null);
  let current: { rate: string; effectiveOn: string; check: CheckView } | null = null;
  if (whole) {
    const rate = rateFromMinor(whole.rateE4);
    const check = await checkFairRate(workshopId, product.id, rate);
    if (check)
      current = {
        rate: formatRate(rate, locale),
        effectiveOn: whole.effectiveOn,
        check: checkView(check, rate, product.standardMinutesE2, locale),
      };
  }

  return {
    today,
    product: {
      id: product.id,
      name: product.name,
      unit: product.unit,
      qualityStandard: product.qualityStandard,
      standardMinutes: product.standardMinutesE2 === null ? "" : hundredths(product.standardMinutesE2),
      lossAllowance: hundredths(product.lossAllowanceE2),
      archived: product.archivedAt !== null,
    },
    bom: product.bom.map((b) => ({
      id: b.id,
      materialName: b.materialName,
      materialUnit: b.materialUnit,
      quantity: formatQuantity(quantityFromMinor(b.quantityPerPieceE3), locale),
    })),
    steps: product.steps.map((s) => ({ id: s.id, name: s.name, archived: s.archivedAt !== null })),
    materials: materials.map((m) => ({ id: m.id, name: m.name, unit: m.unit })),
    rates,
    current,
  };
}

export type ProductPageView = Awaited<ReturnType<typeof productPageView>>;
