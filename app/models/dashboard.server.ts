// What the coordinator's dashboard reads (app/domain/dashboard.ts), all scoped by her workshop:
// pieces logged (loggedOn, logs not cancelled) and passed (checkedOn) per day over a range of
// China dates, first checks by product (lots that are not rework lots) over the same range, and
// the net pay of each payslip of the workshop's last settled month.
import { amountFromMinor } from "../domain/money.ts";
import { db } from "../infra/db.server.ts";

export async function dailyPieces(workshopId: string, from: string, to: string) {
  const client = db();
  const [logged, passed] = await Promise.all([
    client.pieceLog.groupBy({
      by: ["loggedOn"],
      where: { workshopId, status: { not: "cancelled" }, loggedOn: { gte: from, lte: to } },
      _sum: { quantity: true },
    }),
    client.lot.groupBy({
      by: ["checkedOn"],
      where: { workshopId, status: "checked", checkedOn: { gte: from, lte: to } },
      _sum: { passedQuantity: true },
    }),
  ]);
  return {
    logged: logged.map((r) => ({ day: r.loggedOn, pieces: r._sum.quantity ?? 0 })),
    passed: passed.flatMap((r) =>
      r.checkedOn === null ? [] : [{ day: r.checkedOn, pieces: r._sum.passedQuantity ?? 0 }],
    ),
  };
}

/** First checks (not of rework lots) by product between two China dates: passed and checked pieces. */
export async function firstChecksByProduct(workshopId: string, from: string, to: string) {
  const client = db();
  const rows = await client.lot.groupBy({
    by: ["productId"],
    where: { workshopId, status: "checked", reworkOfLotId: null, checkedOn: { gte: from, lte: to } },
    _sum: { passedQuantity: true, reworkQuantity: true, rejectedQuantity: true },
  });
  const products = await client.product.findMany({
    where: { workshopId, id: { in: rows.map((r) => r.productId) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(products.map((p) => [p.id, p.name]));
  return rows
    .map((r) => {
      const passed = r._sum.passedQuantity ?? 0;
      return {
        productId: r.productId,
        name: nameOf.get(r.productId) ?? "",
        passed,
        checked: passed + (r._sum.reworkQuantity ?? 0) + (r._sum.rejectedQuantity ?? 0),
      };
    })
    .filter((r) => r.checked > 0)
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.productId.localeCompare(b.productId));
}

/** The workshop's last settled month and the net pay of each of its payslips; null when none is settled. */
export async function lastSettledNets(workshopId: string) {
  const client = db();
  const period = await client.payPeriod.findFirst({
    where: { workshopId },
    orderBy: { month: "desc" },
    select: { month: true, workerCount: true, netFen: true },
  });
  if (!period) return null;
  const slips = await client.payslip.findMany({
    where: { workshopId, month: period.month },
    select: { netFen: true },
  });
  return {
    month: period.month,
    total: amountFromMinor(period.netFen),
    nets: slips.map((s) => amountFromMinor(s.netFen)),
  };
}
