// What the minimum-wage view reads (app/domain/minimum-wage.ts): per worker of the workshop,
// the pieces checked in a month (passed at the rate recorded on the lot, rework sent back: the
// grouping settlement reads too, app/models/month-pieces.server.ts),
// the products' standard minutes, the workshop's hourly minimum and whether the month is settled.
// Passed pieces count in the month of the check that passed them, like the payslip
// (docs/domain.md "Which rate, which month"); rework in the month of the check that sent it back.
import { workerMinimumWage, type CheckedPieces, type WorkerMinimumWage } from "../domain/minimum-wage.ts";
import { amountFromMinor, rateFromMinor, type Amount } from "../domain/money.ts";
import { db } from "../infra/db.server.ts";
import { monthPieces } from "./month-pieces.server.ts";

export type MinimumWageMonth = {
  month: string;
  settled: boolean;
  minimumHourly: Amount | null;
  minimumSource: string;
  workers: (WorkerMinimumWage & { workerId: string; name: string })[];
  products: Map<string, { name: string; unit: string }>;
  steps: Map<string, string>;
};

export async function minimumWageMonth(workshopId: string, month: string): Promise<MinimumWageMonth> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  const client = db();
  const [workshop, period, groups, products, steps] = await Promise.all([
    client.workshop.findUniqueOrThrow({
      where: { id: workshopId },
      select: { hourlyMinimumWageFen: true, minimumWageSource: true },
    }),
    client.payPeriod.findUnique({ where: { workshopId_month: { workshopId, month } }, select: { id: true } }),
    monthPieces(client, workshopId, month),
    client.product.findMany({
      where: { workshopId },
      select: { id: true, name: true, unit: true, standardMinutesE2: true },
    }),
    client.processStep.findMany({ where: { workshopId }, select: { id: true, name: true } }),
  ]);
  const minutesOf = new Map(products.map((p) => [p.id, p.standardMinutesE2]));
  const byWorker = new Map<string, CheckedPieces[]>();
  for (const g of groups) {
    const { passed, rework } = g;
    if (passed === 0 && rework === 0) continue;
    const list = byWorker.get(g.workerId) ?? [];
    list.push({
      productId: g.productId,
      processStepId: g.processStepId,
      pieceRateId: g.rateE4 === null ? null : g.pieceRateId,
      rate: g.rateE4 === null || g.pieceRateId === null ? null : rateFromMinor(g.rateE4),
      passed,
      rework,
      standardMinutesE2: minutesOf.get(g.productId) ?? null,
    });
    byWorker.set(g.workerId, list);
  }
  const names = await client.user.findMany({
    where: { workshopId, id: { in: [...byWorker.keys()] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const minimumHourly = workshop.hourlyMinimumWageFen === null ? null : amountFromMinor(workshop.hourlyMinimumWageFen);
  const workers = [...byWorker.entries()]
    .map(([workerId, list]) => ({
      workerId,
      name: nameOf.get(workerId) ?? "",
      ...workerMinimumWage(list, minimumHourly),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN", { numeric: true }) || a.workerId.localeCompare(b.workerId));
  return {
    month,
    settled: period !== null,
    minimumHourly,
    minimumSource: workshop.minimumWageSource,
    workers,
    products: new Map(products.map((p) => [p.id, { name: p.name, unit: p.unit }])),
    steps: new Map(steps.map((s) => [s.id, s.name])),
  };
}
