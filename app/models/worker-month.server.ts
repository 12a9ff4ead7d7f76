// "Her month" on the worker's home page (issue 8): the pieces she logged this
// month, the pieces received from her, the quality results, the material she
// holds now, and her logs of the month with their status. The month is the
// China calendar month of `now` (docs/domain.md: dates are China dates;
// PieceLog.loggedOn and Lot.receivedOn are stored as China dates already).
//
// The worker's home is the most visited page, so this is three hot reads
// (readRows, ADR 015), run side by side: the month's figures in one row, the
// newest logs, and what she holds (the material ledger's own read,
// workerMaterialHeld). Every query is scoped to her workshop and her user id.
import type { Actor } from "../domain/access.ts";
import { addMonths, chinaMonth, monthBounds } from "../domain/dates.ts";
import { bigintOf, intOf, Prisma, readRows, textOf, textOrNull } from "../infra/db.server.ts";
import { workerMaterialHeld, type MaterialHeld } from "./material-stock.server.ts";

/** How many logs the home page lists (the newest of the month). */
export const MONTH_LOGS_SHOWN = 20;

export type MonthLogStatus = "submitted" | "received" | "cancelled";

export type MonthLog = {
  id: string;
  assignmentId: string;
  /** YYYY-MM-DD, China date */
  loggedOn: string;
  productName: string;
  productUnit: string;
  /** The process step she logged, when the log names one. */
  stepName: string | null;
  /** As she logged it. */
  quantity: number;
  status: MonthLogStatus;
  /** Received: the counted pieces (null otherwise). */
  receivedQuantity: number | null;
  /** Received with a count that differs from the log: the coordinator's reason; otherwise "". */
  differenceReason: string;
  /** Cancelled: why, when the coordinator cancelled a receipt (""  when none was given). */
  cancelReason: string;
  /**
   * The quality check of its pieces (ADR 021), null until the first check:
   * passed and rejected by every check so far (rework that passed later
   * included), rework still pending, and the reasons of the first check.
   */
  check: MonthLogCheck | null;
};

export type MonthLogCheck = {
  passed: number;
  rework: number;
  rejected: number;
  reworkReason: string;
  rejectedReason: string;
  note: string;
};

export type WorkerMonth = {
  /** YYYY-MM, China time */
  month: string;
  /** Pieces in her logs of the month that are not cancelled. */
  logged: number;
  /** Pieces counted in her lots received this month (not cancelled). */
  received: number;
  /**
   * Quality results of the checks of her pieces this month (checkedOn in the
   * month: passed pieces are paid in the month they pass, ADR 021); `rework`
   * is what those checks sent back. `checked` is false while nothing of hers
   * was checked this month: the figures are 0 because nothing was checked
   * yet, not because nothing passed (the page says so). `reworkAtHome`: rework
   * pieces with her now, whenever they were sent back.
   */
  quality: { checked: boolean; passed: number; rework: number; rejected: number; reworkAtHome: number };
  /** What she holds now (issued − returned, across her assignments), per material; only what she still holds. */
  materials: MaterialHeld[];
  /** Her logs of the month, newest first, at most MONTH_LOGS_SHOWN. */
  logs: MonthLog[];
  /** All her logs of the month (cancelled ones too), of which `logs` are the newest. */
  logCount: number;
  /**
   * Material-loss deductions charged to her for a month not settled yet (last month's, this month's,
   * next month's), oldest month first: what will be taken from her pay, and why. Once a month is
   * settled they are lines of her payslip.
   */
  deductions: MonthDeduction[];
};

export type MonthDeduction = {
  id: string;
  /** YYYY-MM the deduction is charged in */
  month: string;
  materialName: string;
  amountFen: bigint;
  proposedFen: bigint;
  reason: string;
};

function logStatus(value: string): MonthLogStatus {
  if (value === "submitted" || value === "received" || value === "cancelled") return value;
  throw new Error(`unknown piece log status ${value}`);
}

/** The worker's own month (never anyone else's), in China time. */
export async function getWorkerMonth(worker: Actor, now: Date): Promise<WorkerMonth> {
  const month = chinaMonth(now);
  const { from, until } = monthBounds(month);
  const { workshopId, userId } = worker;
  const [[figures], logRows, materials, deductionRows] = await Promise.all([
    // Lots read as received when awaiting or checked (ADR 019: cancelled receipts count nowhere).
    readRows(Prisma.sql`
      SELECT
        (SELECT COALESCE(SUM(l."quantity"), 0) FROM "PieceLog" l
          WHERE l."workshopId" = ${workshopId} AND l."workerId" = ${userId}
            AND l."loggedOn" >= ${from} AND l."loggedOn" < ${until} AND l."status" <> 'cancelled') AS "logged",
        (SELECT COUNT(*) FROM "PieceLog" l
          WHERE l."workshopId" = ${workshopId} AND l."workerId" = ${userId}
            AND l."loggedOn" >= ${from} AND l."loggedOn" < ${until}) AS "logCount",
        (SELECT COALESCE(SUM(t."quantity"), 0) FROM "Lot" t
          WHERE t."workshopId" = ${workshopId} AND t."workerId" = ${userId}
            AND t."receivedOn" >= ${from} AND t."receivedOn" < ${until}
            AND t."status" IN ('awaiting', 'checked') AND t."reworkOfLotId" IS NULL) AS "received",
        (SELECT COUNT(*) FROM "Lot" t
          WHERE t."workshopId" = ${workshopId} AND t."workerId" = ${userId}
            AND t."checkedOn" >= ${from} AND t."checkedOn" < ${until}
            AND t."status" = 'checked') AS "checkedLots",
        (SELECT COALESCE(SUM(t."passedQuantity"), 0) FROM "Lot" t
          WHERE t."workshopId" = ${workshopId} AND t."workerId" = ${userId}
            AND t."checkedOn" >= ${from} AND t."checkedOn" < ${until}
            AND t."status" = 'checked') AS "passed",
        (SELECT COALESCE(SUM(t."reworkQuantity"), 0) FROM "Lot" t
          WHERE t."workshopId" = ${workshopId} AND t."workerId" = ${userId}
            AND t."checkedOn" >= ${from} AND t."checkedOn" < ${until}
            AND t."status" = 'checked') AS "rework",
        (SELECT COALESCE(SUM(t."rejectedQuantity"), 0) FROM "Lot" t
          WHERE t."workshopId" = ${workshopId} AND t."workerId" = ${userId}
            AND t."checkedOn" >= ${from} AND t."checkedOn" < ${until}
            AND t."status" = 'checked') AS "rejected",
        (SELECT COALESCE(SUM(t."quantity"), 0) FROM "Lot" t
          WHERE t."workshopId" = ${workshopId} AND t."workerId" = ${userId}
            AND t."status" = 'rework') AS "reworkAtHome"`),
    readRows(Prisma.sql`
      SELECT l."id", l."assignmentId", l."loggedOn", l."quantity", l."status", l."changeReason",
        p."name" AS "productName", p."unit" AS "productUnit", s."name" AS "stepName",
        t."quantity" AS "lotQuantity", t."differenceReason", t."status" AS "lotStatus",
        t."reworkReason", t."rejectedReason", t."checkNote",
        (SELECT COALESCE(SUM(c."passedQuantity"), 0) FROM "Lot" c
          WHERE c."originLogId" = l."id" AND c."status" = 'checked') AS "checkPassed",
        (SELECT COALESCE(SUM(c."rejectedQuantity"), 0) FROM "Lot" c
          WHERE c."originLogId" = l."id" AND c."status" = 'checked') AS "checkRejected",
        (SELECT COALESCE(SUM(c."quantity"), 0) FROM "Lot" c
          WHERE c."originLogId" = l."id" AND c."reworkOfLotId" IS NOT NULL
            AND c."status" IN ('rework', 'awaiting')) AS "checkRework"
      FROM "PieceLog" l
        JOIN "Product" p ON p."id" = l."productId"
        LEFT JOIN "ProcessStep" s ON s."id" = l."processStepId"
        LEFT JOIN "Lot" t ON t."pieceLogId" = l."id"
      WHERE l."workshopId" = ${workshopId} AND l."workerId" = ${userId}
        AND l."loggedOn" >= ${from} AND l."loggedOn" < ${until}
      ORDER BY l."loggedOn" DESC, l."createdAt" DESC, l."id" DESC
      LIMIT ${MONTH_LOGS_SHOWN}`),
    workerMaterialHeld(workshopId, userId),
    readRows(Prisma.sql`
      SELECT d."id", d."month", d."amountFen", d."proposedFen", d."reason", m."name" AS "materialName"
      FROM "MaterialDeduction" d
        JOIN "Material" m ON m."id" = d."materialId"
        LEFT JOIN "PayPeriod" pp ON pp."workshopId" = d."workshopId" AND pp."month" = d."month"
      WHERE d."workshopId" = ${workshopId} AND d."workerId" = ${userId} AND d."status" = 'charged'
        AND d."month" >= ${addMonths(month, -1)} AND pp."id" IS NULL
      ORDER BY d."month", d."createdAt", d."id"`),
  ]);
  if (!figures) throw new Error("the month's figures query answered no row");
  return {
    month,
    logged: intOf(figures.logged),
    received: intOf(figures.received),
    quality: {
      checked: intOf(figures.checkedLots) > 0,
      passed: intOf(figures.passed),
      rework: intOf(figures.rework),
      rejected: intOf(figures.rejected),
      reworkAtHome: intOf(figures.reworkAtHome),
    },
    materials: materials.filter((m) => m.heldE3 > 0n),
    logs: logRows.map((r) => {
      const status = logStatus(textOf(r.status));
      const quantity = intOf(r.quantity);
      const lotQuantity = r.lotQuantity === null || r.lotQuantity === undefined ? null : intOf(r.lotQuantity);
      const received = status === "received" ? lotQuantity : null;
      return {
        id: textOf(r.id),
        assignmentId: textOf(r.assignmentId),
        loggedOn: textOf(r.loggedOn),
        productName: textOf(r.productName),
        productUnit: textOf(r.productUnit),
        stepName: textOrNull(r.stepName),
        quantity,
        status,
        receivedQuantity: received,
        differenceReason: received !== null && received !== quantity ? (textOrNull(r.differenceReason) ?? "") : "",
        cancelReason: status === "cancelled" ? textOf(r.changeReason) : "",
        check:
          status === "received" && textOrNull(r.lotStatus) === "checked"
            ? {
                passed: intOf(r.checkPassed),
                rework: intOf(r.checkRework),
                rejected: intOf(r.checkRejected),
                reworkReason: textOrNull(r.reworkReason) ?? "",
                rejectedReason: textOrNull(r.rejectedReason) ?? "",
                note: textOrNull(r.checkNote) ?? "",
              }
            : null,
      };
    }),
    logCount: intOf(figures.logCount),
    deductions: deductionRows.map((r) => ({
      id: textOf(r.id),
      month: textOf(r.month),
      materialName: textOf(r.materialName),
      amountFen: bigintOf(r.amountFen),
      proposedFen: bigintOf(r.proposedFen),
      reason: textOf(r.reason),
    })),
  };
}
