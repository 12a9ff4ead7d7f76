// What the stock, assignment and reconciliation pages send to the browser:
// every quantity and amount formatted here, on the server, from the exact
// stored units (docs/conventions.md §2: money and quantities cross the wire as
// strings); the figures themselves come from the models and app/domain.
import { chinaMonth } from "../domain/dates.ts";
import {
  amountFromMinor,
  amountToString,
  formatAmount,
  formatQuantity,
  MAX_QUANTITY_TEXT,
  quantityFromMinor,
  scaledToString,
  type MoneyLocale,
} from "../domain/money.ts";
import type { MaterialStock } from "../models/material-stock.server.ts";
import type { ReconciliationRow } from "../models/reconciliation.server.ts";

const MAX_QUANTITY_E3 = BigInt(MAX_QUANTITY_TEXT.replace(".", ""));

/** A material quantity (E3) as text: "10", "0.3", "1,234.5"; sums beyond one entry's limit still show, ungrouped. */
export function quantityText(e3: bigint, locale: MoneyLocale): string {
  const magnitude = e3 < 0n ? -e3 : e3;
  return magnitude <= MAX_QUANTITY_E3 ? formatQuantity(quantityFromMinor(e3), locale) : scaledToString(e3, 3);
}

export function amountText(fen: bigint, locale: MoneyLocale): string {
  return formatAmount(amountFromMinor(fen), locale);
}

/** Fen as the plain yuan text a form field takes back ("29.34"). */
export function amountInput(fen: bigint): string {
  return amountToString(amountFromMinor(fen));
}

/** Percent x 100 as text: 350 → "3.5". */
function percentText(e2: bigint | number): string {
  return scaledToString(BigInt(e2), 2);
}

export function stockPageView(stock: MaterialStock, locale: MoneyLocale) {
  return {
    id: stock.id,
    name: stock.name,
    unit: stock.unit,
    archived: stock.archived,
    onHand: quantityText(stock.onHandE3, locale),
    received: quantityText(stock.receivedE3, locale),
    issued: quantityText(stock.issuedE3, locale),
    returned: quantityText(stock.returnedE3, locale),
    movements: stock.movements.map((m) => ({
      id: m.id,
      kind: m.kind,
      quantity: quantityText(m.quantityE3, locale),
      source: m.source,
      note: m.note,
      createdAt: m.createdAt.toISOString(),
      orderId: m.orderId,
      assignmentId: m.assignmentId,
      workerName: m.workerName,
      productName: m.productName,
      byName: m.byName,
    })),
  };
}
export type StockPageView = ReturnType<typeof stockPageView>;

export type DeductionView =
  | { status: "charged"; amount: string; month: string; reason: string; outdated: boolean }
  | { status: "waived"; month: string; reason: string; outdated: false };

export type ReconciliationView = {
  key: string;
  assignmentId: string;
  workerId: string;
  workerName: string;
  productName: string;
  productUnit: string;
  materialId: string;
  materialName: string;
  unit: string;
  piecesReceived: number;
  assignmentQuantity: number;
  perPiece: string;
  issued: string;
  returned: string;
  expected: string;
  loss: string;
  /** null until pieces are received (nothing expected yet). */
  lossPercent: string | null;
  allowance: string;
  /** Pieces still to come in: figures only, no flag, no deduction yet. */
  inProgress: boolean;
  /** Over the allowance, work over: flagged. */
  over: boolean;
  proposed: string;
  proposedInput: string;
  canDeduct: boolean;
  deduction: DeductionView | null;
};

export function reconciliationView(rows: ReconciliationRow[], locale: MoneyLocale): ReconciliationView[] {
  return rows.map((r) => {
    const proposedFen = r.figures.proposedDeduction.minor;
    const d = r.deduction;
    return {
      key: `${r.assignmentId}:${r.materialId}`,
      assignmentId: r.assignmentId,
      workerId: r.workerId,
      workerName: r.workerName,
      productName: r.productName,
      productUnit: r.productUnit,
      materialId: r.materialId,
      materialName: r.materialName,
      unit: r.materialUnit,
      piecesReceived: r.piecesReceived,
      assignmentQuantity: r.assignmentQuantity,
      perPiece: quantityText(r.perPieceE3, locale),
      issued: quantityText(r.issuedE3, locale),
      returned: quantityText(r.returnedE3, locale),
      expected: quantityText(r.figures.expectedUseE3, locale),
      loss: quantityText(r.figures.lossE3, locale),
      lossPercent: r.figures.lossPercentE2 === null ? null : percentText(r.figures.lossPercentE2),
      allowance: percentText(r.allowanceE2),
      inProgress: r.inProgress,
      over: r.flagged,
      proposed: amountText(proposedFen, locale),
      proposedInput: amountInput(proposedFen),
      canDeduct: !r.inProgress && proposedFen > 0n,
      deduction: d
        ? d.status === "waived"
          ? { status: "waived", month: d.month, reason: d.reason, outdated: false }
          : {
              status: "charged",
              amount: amountText(d.amountFen, locale),
              month: d.month,
              reason: d.reason,
              outdated: d.amountFen > proposedFen,
            }
        : null,
    };
  });
}

/** The month a new deduction is charged in by default: this month, China time. */
export function defaultDeductionMonth(now: Date): string {
  return chinaMonth(now);
}
