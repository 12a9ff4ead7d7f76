// What the district view (app/routes/admin.district.tsx) sends to the browser, and the
// period and place it reads from the address. Counts are plain numbers; money is text
// formatted here from exact minor units (docs/conventions.md §2). The charts draw whole
// yuan: integers computed here from fen in BigInt (half-up), exact as JavaScript numbers,
// for drawing only; the tables beside them hold the exact amounts.
import {
  areaFigures,
  defaultPeriod,
  monthsOf,
  parsePeriod,
  periodOf,
  shiftPeriod,
  trendMonths,
  type AreaFigures,
  type Period,
} from "../domain/district.ts";
import { addMonths, chinaMonth } from "../domain/dates.ts";
import { amountToMinor, formatAmount, type Amount } from "../domain/money.ts";
import { permilleText } from "../domain/quality.ts";
import { formatMonth } from "../i18n/format.ts";
import { translator, type Translate } from "../i18n/index.ts";
import { toLocale, type Locale } from "../i18n/locales.ts";
import { districtReport, type DistrictReport, type Level } from "../models/district.server.ts";
import { notFound, requireScope } from "./auth.server.ts";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The level asked for in the address (?town= / ?community= / ?workshop=), or null when malformed. */
export function levelOf(url: URL): Level | null {
  const workshop = url.searchParams.get("workshop");
  const community = url.searchParams.get("community");
  const town = url.searchParams.get("town");
  const given = [workshop, community, town].filter((v) => v !== null);
  if (given.length > 1 || given.some((v) => !ID.test(v!))) return null;
  if (workshop !== null) return { kind: "workshop", workshopId: workshop };
  if (community !== null) return { kind: "community", communityId: community };
  if (town !== null) return { kind: "town", townId: town };
  return { kind: "district" };
}

/** The period asked for (?period=2026-11 | 2026-Q4 | 2026), the last ended month when none; null when malformed. */
export function periodFrom(url: URL, now: Date): Period | null {
  const key = url.searchParams.get("period");
  return key === null || key === "" ? defaultPeriod(now) : parsePeriod(key);
}

export function periodMonths(period: Period) {
  const trend = trendMonths(period);
  return {
    period: { first: period.first, last: period.last, months: monthsOf(period) },
    trend: { ...trend, months: monthsOf(trend) },
  };
}

export function periodLabel(period: Pick<Period, "kind" | "key">, t: Translate): string {
  const year = period.key.slice(0, 4);
  if (period.kind === "month") {
    return t("district.periodMonth", { year, month: String(Number.parseInt(period.key.slice(5, 7), 10)) });
  }
  if (period.kind === "quarter") return t("district.periodQuarter", { year, quarter: period.key.slice(6) });
  return t("district.periodYear", { year });
}

/** The choices of the period picker: the last 24 months, 8 quarters and 4 years, newest first. */
export function periodChoices(now: Date, t: Translate) {
  const last = addMonths(chinaMonth(now), -1);
  const months = Array.from({ length: 24 }, (_, i) => parsePeriod(addMonths(last, -i)));
  const quarter = periodOf("quarter", last)!;
  const year = periodOf("year", last)!;
  const quarters = Array.from({ length: 8 }, (_, i) => shiftPeriod(quarter, -i));
  const years = Array.from({ length: 4 }, (_, i) => shiftPeriod(year, -i));
  const options = (ps: (Period | null)[]) =>
    ps.filter((p): p is Period => p !== null).map((p) => ({ value: p.key, label: periodLabel(p, t) }));
  return { months: options(months), quarters: options(quarters), years: options(years) };
}

/** A chart's month: 26年1月 / Jan 26. */
function shortMonth(month: string, locale: Locale): string {
  const full = formatMonth(month, locale);
  return locale === "en" ? `${full.slice(0, 3)} ${month.slice(2, 4)}` : full.slice(2);
}

/** Whole yuan, half-up, as an integer for a chart (from fen in BigInt; |value| stays far below 2^53). */
function chartYuan(a: Amount | null): number {
  if (a === null) return 0;
  const fen = amountToMinor(a);
  const yuan = fen >= 0n ? (fen + 50n) / 100n : -((-fen + 50n) / 100n);
  return Number(yuan);
}

export type FigureRow = {
  key: string;
  name: string;
  /** Where the row drills down to (null: a workshop's month, or the unplaced workshops) */
  href: string | null;
  earners: number;
  payslips: number;
  periods: number;
  net: string;
  gross: string;
  average: string | null;
  median: string | null;
  pieces: number;
  passRate: string | null;
  partners: number;
  orders: number;
  loss: string;
  charges: string;
};

function figureRow(key: string, name: string, href: string | null, f: AreaFigures, locale: Locale): FigureRow {
  return {
    key,
    name,
    href,
    earners: f.earners,
    payslips: f.payslips,
    periods: f.periods,
    net: formatAmount(f.net, locale),
    gross: formatAmount(f.gross, locale),
    average: f.average && formatAmount(f.average, locale),
    median: f.median && formatAmount(f.median, locale),
    pieces: f.piecesPassed,
    passRate: f.passRatePermille === null ? null : permilleText(f.passRatePermille),
    partners: f.partners,
    orders: f.orders,
    loss: formatAmount(f.loss, locale),
    charges: formatAmount(f.charges, locale),
  };
}

/** The address of a place at a period. */
export function districtHref(period: string, place?: { kind: "town" | "community" | "workshop"; id: string }) {
  const params = new URLSearchParams({ period });
  if (place) params.set(place.kind, place.id);
  return `/admin/district?${params.toString()}`;
}

const CHILD: Record<Level["kind"], "town" | "community" | "workshop" | null> = {
  district: "town",
  town: "community",
  community: "workshop",
  workshop: null,
};

export function districtView(
  report: DistrictReport,
  level: Level,
  period: Period,
  t: Translate,
  locale: Locale,
  now: Date = new Date(),
) {
  const child = CHILD[level.kind];
  const previous = shiftPeriod(period, -1);
  const next = shiftPeriod(period, 1);
  const lastEnded = addMonths(chinaMonth(now), -1);
  const rows = report.rows.map((r) =>
    figureRow(
      r.key,
      r.key === "" ? t("district.unplaced") : level.kind === "workshop" ? formatMonth(r.name, locale) : r.name,
      child && r.key !== "" ? districtHref(period.key, { kind: child, id: r.key }) : null,
      areaFigures(r.sums),
      locale,
    ),
  );
  const total = areaFigures(report.total);
  const trend = report.trend.map((m) => {
    const f = areaFigures(m.sums);
    return {
      month: m.month,
      /** The table's month (2026年1月 / January 2026) and the chart's short one (26年1月 / Jan 26). */
      monthLabel: formatMonth(m.month, locale),
      label: shortMonth(m.month, locale),
      earners: f.earners,
      net: formatAmount(f.net, locale),
      gross: formatAmount(f.gross, locale),
      average: f.average && formatAmount(f.average, locale),
      netYuan: chartYuan(f.net),
      averageYuan: chartYuan(f.average),
    };
  });
  const place = report.workshop ?? report.community ?? report.town;
  const crumbs = [
    { name: t("district.whole"), href: level.kind === "district" ? null : districtHref(period.key) },
    ...(report.town
      ? [
          {
            name: report.town.name,
            href: level.kind === "town" ? null : districtHref(period.key, { kind: "town", id: report.town.id }),
          },
        ]
      : []),
    ...(report.community
      ? [
          {
            name: report.community.name,
            href:
              level.kind === "community"
                ? null
                : districtHref(period.key, { kind: "community", id: report.community.id }),
          },
        ]
      : []),
    ...(report.workshop ? [{ name: report.workshop.name, href: null }] : []),
  ];
  const placeQuery = level.kind === "district" ? "" : `&${level.kind}=${encodeURIComponent(place?.id ?? "")}`;
  return {
    level: level.kind,
    rowKind: (child ?? "month") as "town" | "community" | "workshop" | "month",
    placeName: place?.name ?? t("district.whole"),
    place: level.kind === "district" ? null : { kind: level.kind, id: place?.id ?? "" },
    period: { key: period.key, label: periodLabel(period, t) },
    previous: previous ? `${districtHref(previous.key)}${placeQuery}` : null,
    // No link into months that have not ended (nothing there can be settled yet).
    next: next && next.first <= lastEnded ? `${districtHref(next.key)}${placeQuery}` : null,
    xlsx: `/admin/district.xlsx?period=${encodeURIComponent(period.key)}${placeQuery}`,
    crumbs,
    rows,
    total: figureRow("", t("district.total"), null, total, locale),
    trend,
  };
}

export type DistrictView = ReturnType<typeof districtView>;

/** The level, period and report the address asks for; 404 (thrown) for a malformed address or an unknown place. */
export async function readDistrict(url: URL, now: Date) {
  const level = levelOf(url);
  const period = periodFrom(url, now);
  if (!level || !period) notFound();
  const { period: months, trend } = periodMonths(period);
  const report = await districtReport(level, months, trend);
  if (!report) notFound();
  return { level, period, report, trend };
}

/** The file name's place and period: "全区 2026年11月" / "Whole district 2026-11". */
export function districtTitle(report: DistrictReport, period: Period, t: Translate): string {
  const place = report.workshop ?? report.community ?? report.town;
  return t("district.heading", { place: place?.name ?? t("district.whole"), period: periodLabel(period, t) });
}

/** What the page's loader answers (admins only): the report of the place and period asked for, as the page shows it. */
export async function districtPage(request: Request, now: Date) {
  const { user } = await requireScope(request, ["admin"]);
  const locale = toLocale(user.locale);
  const t = translator(locale);
  const { level, period, report, trend } = await readDistrict(new URL(request.url), now);
  return {
    view: districtView(report, level, period, t, locale, now),
    choices: periodChoices(now, t),
    trendFrom: formatMonth(trend.first, locale),
    trendTo: formatMonth(trend.last, locale),
  };
}
