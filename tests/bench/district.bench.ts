// The district view at district scale (issue 10, ADR 024). Seeds 13 towns/streets, 154
// communities, 500 workshops and 50,000 workers with 12 settled months of payslips (about
// 510,000), a checked lot per payslip and some loss decisions (tests/support/district-data.ts,
// multi-row INSERTs), then times the district page's loader (app/routes/admin.district.tsx, with
// a real admin session: what the server does for the page, rendering aside; the loader is
// app/utils/district-view.server.ts districtPage) for a month, a
// quarter and a year at district level, and a year at town and community level: the median
// of BENCH_DISTRICT_RUNS runs (default 5) after one warm-up. The baseline, in the same run:
// one raw SQL aggregate (SUM of net pay over the year's payslips of settled periods, the least
// any such page must read). Ratios are page time / baseline.
// SQLite on a fresh file; PostgreSQL too when BENCH_POSTGRES_URL is given (a database the bench
// may fill). Sizes: BENCH_DISTRICT_WORKERS (default 50000), BENCH_DISTRICT_WORKSHOPS (500).
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "../../scripts/db-migrate.mjs";

const WORKERS = Number.parseInt(process.env.BENCH_DISTRICT_WORKERS ?? "50000", 10);
const WORKSHOPS = Number.parseInt(process.env.BENCH_DISTRICT_WORKSHOPS ?? "500", 10);
const RUNS = Number.parseInt(process.env.BENCH_DISTRICT_RUNS ?? "5", 10);
const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`);

// One engine per process (the app reads DATABASE_URL once): this file runs itself again for each.
if (!process.env.BENCH_DISTRICT_URL) {
  const urls = [`file:${join(mkdtempSync(join(tmpdir(), "piecework-district-")), "bench.db")}`];
  if (process.env.BENCH_POSTGRES_URL) urls.push(process.env.BENCH_POSTGRES_URL);
  for (const url of urls) {
    execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
      stdio: "inherit",
      env: { ...process.env, BENCH_DISTRICT_URL: url },
    });
  }
  process.exit(0);
}
const url = process.env.BENCH_DISTRICT_URL;
const isPg = url.startsWith("postgres");
process.env.DATABASE_URL = url;
migrate({ ...process.env, DATABASE_URL: url });

const { db, disconnectDb, Prisma, readRows } = await import("../../app/infra/db.server.ts");
const { createSession } = await import("../../app/models/session.server.ts");
const { commitCookieSession, getCookieSession } = await import("../../app/utils/session.server.ts");
const { districtPage } = await import("../../app/utils/district-view.server.ts");
const { generateDistrict } = await import("../support/district-data.ts");

const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  const h = Math.floor(v.length / 2);
  return v.length % 2 ? v[h]! : (v[h - 1]! + v[h]!) / 2;
};

console.log(`\nDistrict view on ${isPg ? "PostgreSQL" : "SQLite"}`);
const t0 = performance.now();
const district = await generateDistrict({
  towns: 13,
  communities: 154,
  workshops: WORKSHOPS,
  workers: WORKERS,
  months: MONTHS,
  seed: 2026,
  rows: isPg ? 2_000 : 1_000,
});
console.log(
  `  seeded 13 towns, 154 communities, ${WORKSHOPS} workshops, ${WORKERS} workers: ${district.payslips} payslips, ${district.lots} lots in 12 settled months, ${s(performance.now() - t0)}`,
);
// Fresh statistics, as a database that has lived a while has (both engines know ANALYZE).
await db().$executeRawUnsafe("ANALYZE");

const admin = await db().user.create({
  data: { role: "admin", name: "区就业中心", phone: "16600000001" },
  select: { id: true },
});
const session = await createSession(admin.id, new Date());
const cookieSession = await getCookieSession(new Request("http://localhost/"));
cookieSession.set("sessionId", session.id);
const cookie = (await commitCookieSession(cookieSession)).split(";")[0]!;

async function timeLoader(query: string): Promise<number> {
  const run = async () => {
    const request = new Request(`http://localhost/admin/district?${query}`, { headers: { Cookie: cookie } });
    const t = performance.now();
    const result = await districtPage(request, new Date());
    const ms = performance.now() - t;
    if (query.startsWith("period=2025&") || query === "period=2025") {
      if (result.view.total.payslips === 0) throw new Error(`nothing found for ${query}`);
    }
    return ms;
  };
  await run(); // warm
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await run());
  return median(times);
}

async function timeBaseline(): Promise<number> {
  const query = Prisma.sql`SELECT COUNT(*) AS "n", SUM(p."netFen") AS "net" FROM "Payslip" p
    JOIN "PayPeriod" pp ON pp."id" = p."payPeriodId" WHERE p."month" >= ${"2025-01"} AND p."month" <= ${"2025-12"}`;
  await readRows(query);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await readRows(query);
    times.push(performance.now() - t);
  }
  return median(times);
}

const baseline = await timeBaseline();
console.log(`  baseline: one SQL aggregate over the year's payslips   ${s(baseline)}`);
const cases: [string, string][] = [
  ["district, a month (2025-12)", "period=2025-12"],
  ["district, a quarter (2025-Q4)", "period=2025-Q4"],
  ["district, a year (2025)", "period=2025"],
  ["town, a year", `period=2025&town=${district.townIds[0]!}`],
  ["community, a year", `period=2025&community=${district.communityIds[0]!}`],
];
for (const [name, query] of cases) {
  const ms = await timeLoader(query);
  console.log(`  ${name.padEnd(32)} ${s(ms).padStart(8)}   ratio ${(ms / baseline).toFixed(1)}`);
}
await disconnectDb();
