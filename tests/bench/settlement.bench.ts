// Settlement at district scale (issue: quality, settlement, payslips). A generated
// month (tests/support/pay-month.ts): workers with passed-piece records (checked
// lots) over products with 4-decimal rates, plus lots in the months around,
// bonuses, corrections and deductions. For each size it times, in one process:
//   - the lower bound: one raw SQL GROUP BY over the month's passed pieces;
//   - the preview (every payslip computed, nothing written);
//   - the settle (preview again inside one transaction, every payslip and line written);
// and the peak memory (RSS and heap) during preview + settle. It prints the
// ratios settlement / lower bound. Sizes: BENCH_SETTLE_WORKERS (default
// "1000,10000"), 100 lots per worker (10,000 workers = 1,000,000 lots), 200 products.
// BENCH_SETTLE_REPEAT (default 1) measures each generated month that many times (the
// settled month's payslips and period are deleted in between): on a busy machine a
// second measurement costs seconds where generating the month again costs minutes.
// SQLite on a fresh file; PostgreSQL too when BENCH_POSTGRES_URL is given
// (a database the bench may fill: it creates its own workshops).
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "../../scripts/db-migrate.mjs";

const sizes = (process.env.BENCH_SETTLE_WORKERS ?? "1000,10000").split(",").map((s) => Number.parseInt(s, 10));
const LOTS_PER_WORKER = Number.parseInt(process.env.BENCH_SETTLE_LOTS ?? "100", 10);
const PRODUCTS = 200;
const REPEAT = Number.parseInt(process.env.BENCH_SETTLE_REPEAT ?? "1", 10);

// One engine per process (the app reads DATABASE_URL once): this file runs itself again for each.
if (!process.env.BENCH_SETTLE_URL) {
  const urls = [`file:${join(mkdtempSync(join(tmpdir(), "piecework-settle-")), "bench.db")}`];
  if (process.env.BENCH_POSTGRES_URL) urls.push(process.env.BENCH_POSTGRES_URL);
  for (const url of urls) {
    execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url)], {
      stdio: "inherit",
      env: { ...process.env, BENCH_SETTLE_URL: url },
    });
  }
  process.exit(0);
}
const engines = [
  {
    name: process.env.BENCH_SETTLE_URL.startsWith("postgres") ? "PostgreSQL" : "SQLite",
    url: process.env.BENCH_SETTLE_URL,
  },
];

type Peak = { rss: number; heap: number };
function watchMemory(): { stop: () => Peak } {
  global.gc?.();
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heap: base.heapUsed };
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return { rss: peak.rss, heap: peak.heap };
    },
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

for (const engine of engines) {
  process.env.DATABASE_URL = engine.url;
  migrate({ ...process.env, DATABASE_URL: engine.url });
  const { db, disconnectDb } = await import("../../app/infra/db.server.ts");
  const { previewMonth, settleMonth } = await import("../../app/models/settlement.server.ts");
  const { generateMonth } = await import("../support/pay-month.ts");
  const client = db();
  const isPg = engine.url.startsWith("postgres");
  console.log(`\nSettlement on ${engine.name} (${LOTS_PER_WORKER} lots per worker, ${PRODUCTS} products)`);
  for (const workers of sizes) {
    const t0 = performance.now();
    const month = await generateMonth({
      workers,
      products: PRODUCTS,
      lotsPerWorker: LOTS_PER_WORKER,
      maxLot: 20,
      seed: workers,
      keepPassed: false,
      chunk: isPg ? 2_000 : 5_000,
    });
    const lots = await client.lot.count({ where: { workshopId: month.workshopId } });
    const inMonth = await client.lot.count({
      where: { workshopId: month.workshopId, checkedOn: { gte: `${month.month}-01`, lte: `${month.month}-31` } },
    });
    console.log(
      `  ${workers} workers: ${lots} lots (${inMonth} checked in ${month.month}), generated in ${s(performance.now() - t0)}`,
    );

    // The lower bound: one GROUP BY over the same rows, read whole.
    const q = isPg
      ? `SELECT "workerId", "productId", "processStepId", "pieceRateId", "rateE4", SUM("passedQuantity") AS pieces
         FROM "Lot" WHERE "workshopId" = $1 AND "checkedOn" >= $2 AND "checkedOn" <= $3 AND "passedQuantity" > 0
         GROUP BY "workerId", "productId", "processStepId", "pieceRateId", "rateE4"`
      : `SELECT workerId, productId, processStepId, pieceRateId, rateE4, SUM(passedQuantity) AS pieces
         FROM Lot WHERE workshopId = ? AND checkedOn >= ? AND checkedOn <= ? AND passedQuantity > 0
         GROUP BY workerId, productId, processStepId, pieceRateId, rateE4`;
    const args = [month.workshopId, `${month.month}-01`, `${month.month}-31`];
    await client.$queryRawUnsafe(q, ...args); // warm
    for (let run = 1; run <= REPEAT; run++) {
      if (run > 1) {
        await client.payslipLine.deleteMany({ where: { workshopId: month.workshopId } });
        await client.payslip.deleteMany({ where: { workshopId: month.workshopId } });
        await client.payPeriod.deleteMany({ where: { workshopId: month.workshopId } });
      }
      const g0 = performance.now();
      const groups = (await client.$queryRawUnsafe(q, ...args)) as unknown[];
      const groupMs = performance.now() - g0;

      const memory = watchMemory();
      const p0 = performance.now();
      let slips = 0;
      const totals = await previewMonth(month.workshopId, month.month, (pays) => {
        slips += pays.length;
      });
      const previewMs = performance.now() - p0;
      const s0 = performance.now();
      const settled = await settleMonth(
        { userId: month.coordinatorId, workshopId: month.workshopId },
        month.month,
        new Date("2026-11-15T04:00:00Z"),
        totals.netFen,
      );
      const settleMs = performance.now() - s0;
      const peak = memory.stop();
      if (!settled.ok) throw new Error(`settle refused: ${settled.code}`);
      const lines = await client.payslipLine.count({ where: { workshopId: month.workshopId } });
      if (REPEAT > 1) console.log(`   run ${run} of ${REPEAT}`);
      console.log(`    lower bound (one GROUP BY, ${groups.length} groups)   ${s(groupMs)}`);
      console.log(
        `    preview (${slips} payslips, nothing written)  ${s(previewMs)}   ratio ${(previewMs / groupMs).toFixed(2)}`,
      );
      console.log(
        `    settle (${slips} payslips, ${lines} lines written) ${s(settleMs)}   ratio ${(settleMs / groupMs).toFixed(2)}`,
      );
      console.log(
        `    preview + settle                          ${s(previewMs + settleMs)}   ratio ${((previewMs + settleMs) / groupMs).toFixed(2)}`,
      );
      console.log(`    peak memory during both: RSS ${mb(peak.rss)}, heap ${mb(peak.heap)}`);
    }
  }
  await disconnectDb();
}
