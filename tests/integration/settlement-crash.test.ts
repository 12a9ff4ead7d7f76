// A crash during settlement (ADR 022): a process settling a month is killed
// (SIGKILL, no chance to clean up) at different moments; the database then holds
// either the old state (no period, no payslip, no line) or the new one (the period
// and every payslip and line it counts), never part of it; and a settle after the
// crash gives the same payslips as the oracle-checked preview. SQLite and PostgreSQL.
import { spawn } from "node:child_process";
import { expect, test } from "vitest";
import { db } from "../../app/infra/db.server.ts";
import { previewMonth, settleMonth, type WorkerPay } from "../../app/models/settlement.server.ts";
import { generateMonth } from "../support/pay-month.ts";

const AFTER = new Date("2026-11-15T04:00:00Z");

/** Starts the settling child and kills it `delayMs` after it says "start"; answers what it printed. */
function settleAndKill(env: Record<string, string>, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/settle-child.ts"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("start") && !child.killed) setTimeout(() => child.kill("SIGKILL"), delayMs);
    });
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", reject);
    child.on("exit", () => (out.includes("start") ? resolve(out) : reject(new Error(`child failed: ${errors}`))));
  });
}

async function state(workshopId: string, month: string) {
  const periods = await db().payPeriod.findMany({ where: { workshopId, month } });
  const payslips = await db().payslip.count({ where: { workshopId, month } });
  const lines = await db().payslipLine.count({ where: { workshopId } });
  return { periods, payslips, lines };
}

test("a settlement killed part-way leaves the old state or the new one, never half; settling afterwards gives the previewed payslips", async () => {
  const month = await generateMonth({ workers: 1_200, products: 20, lotsPerWorker: 4, seed: 77 });
  const preview = new Map<string, WorkerPay>();
  const totals = await previewMonth(month.workshopId, month.month, (pays) =>
    pays.forEach((p) => preview.set(p.workerId, p)),
  );
  const env = {
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    SETTLE_WORKSHOP: month.workshopId,
    SETTLE_ACTOR: month.coordinatorId,
    SETTLE_MONTH: month.month,
  };
  const seen = { old: 0, new: 0 };
  // Killed at once, part-way and late; the first kill that finds the month settled ends the loop.
  for (const delayMs of [0, 30, 120, 300, 700, 1_500, 4_000]) {
    const out = await settleAndKill(env, delayMs);
    const now = await state(month.workshopId, month.month);
    if (now.periods.length === 0) {
      expect(now, `killed after ${delayMs} ms (${out.trim()})`).toEqual({ periods: [], payslips: 0, lines: 0 });
      seen.old += 1;
      continue;
    }
    expect(now.periods).toHaveLength(1);
    expect(now.payslips).toBe(now.periods[0]!.workerCount);
    expect(now.periods[0]!.netFen).toBe(totals.netFen);
    seen.new += 1;
    break;
  }
  expect(seen.old, "at least one kill landed before the commit").toBeGreaterThan(0);
  // Whatever the kills left, a settle now (or the one that committed) gives exactly the preview.
  if (seen.new === 0) {
    const settled = await settleMonth(
      { userId: month.coordinatorId, workshopId: month.workshopId },
      month.month,
      AFTER,
    );
    expect(settled.ok).toBe(true);
  }
  const stored = await db().payslip.findMany({
    where: { workshopId: month.workshopId, month: month.month },
    select: { workerId: true, netFen: true, lines: { select: { amountFen: true, kind: true } } },
  });
  expect(stored).toHaveLength(preview.size);
  for (const slip of stored) {
    const want = preview.get(slip.workerId)!;
    expect(slip.netFen).toBe(want.netFen);
    expect(slip.lines).toHaveLength(want.lines.length);
  }
}, 180_000);
