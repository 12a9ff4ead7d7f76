// What the dashboard and the minimum-wage view send to the browser: counts as plain
// numbers, money only as text formatted here from exact minor units (docs/conventions.md §2).
import { dailyOutput, lastDays, payBands } from "../domain/dashboard.ts";
import { hoursText, minutesText } from "../domain/minimum-wage.ts";
import { amountToMinor, formatAmount, type Amount } from "../domain/money.ts";
import { passRatePermille, permilleText } from "../domain/quality.ts";
import type { Translate } from "../i18n/index.ts";
import type { Locale } from "../i18n/locales.ts";
import type { MinimumWageMonth } from "../models/minimum-wage.server.ts";

export const DASHBOARD_DAYS = 30;

export type DayRow = { day: string; label: string; logged: number; passed: number };
export type PassRateRow = {
  productId: string;
  name: string;
  passed: number;
  checked: number;
  permille: number;
  percent: string;
};
export type PayBandRow = { label: string; workers: number; total: string };

export function outputView(
  today: string,
  rows: { logged: { day: string; pieces: number }[]; passed: { day: string; pieces: number }[] },
): DayRow[] {
  return dailyOutput(lastDays(today, DASHBOARD_DAYS), rows.logged, rows.passed).map((d) => ({
    ...d,
    label: d.day.slice(5),
  }));
}

export function passRateView(
  rows: { productId: string; name: string; passed: number; checked: number }[],
): PassRateRow[] {
  return rows.map((r) => {
    const permille = passRatePermille(r.passed, r.checked) ?? 0;
    return { ...r, permille, percent: permilleText(permille) };
  });
}

/** Whole yuan of an edge, grouped ("¥1,000"), for band labels (edges are whole yuan). */
function edgeText(a: Amount, locale: Locale): string {
  return formatAmount(a, locale).replace(/\.00$/, "");
}

/** The last settled month's pay in bands of net pay, or null when no month is settled yet. */
export function payView(
  settled: { month: string; total: Amount; nets: Amount[] } | null,
  t: Translate,
  locale: Locale,
) {
  if (settled === null) return null;
  return {
    month: settled.month,
    payslips: settled.nets.length,
    total: formatAmount(settled.total, locale),
    bands: bandRows(settled.nets, t, locale),
  };
}

function bandRows(nets: Amount[], t: Translate, locale: Locale): PayBandRow[] {
  return payBands(nets).map((b) => ({
    label:
      b.from === null
        ? t("dashboard.bandUnder", { to: edgeText(b.to!, locale) })
        : b.to === null
          ? t("dashboard.bandOver", { from: edgeText(b.from, locale) })
          : t("dashboard.bandRange", { from: edgeText(b.from, locale), to: edgeText(b.to, locale) }),
    workers: b.workers,
    total: formatAmount(b.total, locale),
  }));
}

export type MinimumWageProductView = {
  key: string;
  name: string;
  passed: number;
  rework: number;
  unpriced: number;
  earnings: string;
  perPiece: string | null;
  step: boolean;
  time: string | null;
};

export type MinimumWageWorkerView = {
  workerId: string;
  name: string;
  passed: number;
  rework: number;
  unpriced: number;
  untimed: number;
  earnings: string;
  timedEarnings: string | null;
  hours: string | null;
  hourly: string | null;
  status: "below" | "atOrAbove" | "noMinimum" | "noTimeTest";
  products: MinimumWageProductView[];
};

export function minimumWageView(data: MinimumWageMonth, locale: Locale) {
  const workers: MinimumWageWorkerView[] = data.workers.map((w) => ({
    workerId: w.workerId,
    name: w.name,
    passed: w.passed,
    rework: w.rework,
    unpriced: w.unpriced,
    untimed: w.untimedPieces,
    earnings: formatAmount(w.earnings, locale),
    // Shown apart only when some earnings are left out of the hourly figure.
    timedEarnings:
      w.timedMinutesE2 === 0n || amountToMinor(w.timedEarnings) === amountToMinor(w.earnings)
        ? null
        : formatAmount(w.timedEarnings, locale),
    hours: w.timedMinutesE2 > 0n ? hoursText(w.timedMinutesE2) : null,
    hourly: w.hourly === null ? null : formatAmount(w.hourly, locale),
    status: w.status,
    products: w.products.map((p) => ({
      key: `${p.productId}:${p.processStepId ?? ""}`,
      name:
        (data.products.get(p.productId)?.name ?? "") +
        (p.processStepId === null ? "" : ` · ${data.steps.get(p.processStepId) ?? ""}`),
      passed: p.passed,
      rework: p.rework,
      unpriced: p.unpriced,
      earnings: formatAmount(p.earnings, locale),
      perPiece: p.standardMinutesE2 === null ? null : minutesText(BigInt(p.standardMinutesE2)),
      step: p.processStepId !== null,
      time: p.minutesE2 === null ? null : minutesText(p.minutesE2),
    })),
  }));
  return {
    month: data.month,
    settled: data.settled,
    minimum: data.minimumHourly === null ? null : formatAmount(data.minimumHourly, locale),
    minimumSource: data.minimumSource,
    below: workers.filter((w) => w.status === "below").length,
    workers,
  };
}
