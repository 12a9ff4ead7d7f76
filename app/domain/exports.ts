// Exports of a settled month and per-order partner statements (ADR 023). Pure.
//
// Each builder turns settled figures (integer minor units, as stored) into a
// table: its columns, its rows and its footer (totals and notes). A cell is a
// typed value (an Amount, a Rate, a piece count, text, or a term the writer
// translates), never a formatted string, so the CSV and XLSX writers
// (app/utils/exports/) decide how to write it and nothing here depends on a
// language. Every total is the exact BigInt sum of the rows above it, of the
// same cells that are written; nothing is left for the spreadsheet to add up.
// A figure that breaks the payslip identity (net = remuneration − tax −
// charges) or an order whose delivered count disagrees with its deliveries is
// data corruption: it throws (RangeError) rather than export a wrong sheet.
import {
  amountFromMinor,
  amountToString,
  lineAmount,
  rateFromMinor,
  sumAmounts,
  subtractAmounts,
  type Amount,
  type Rate,
} from "./money.ts";

/** Words the writer translates (app/i18n/messages/exports.ts, key `export.term.<term>`). */
export type ExportTerm =
  | "total"
  | "totalWorkers"
  | "yes"
  | "no"
  | "kind.piece"
  | "kind.bonus"
  | "kind.correction"
  | "kind.charge"
  | "correctsMonth"
  | "notPaid"
  | "owed"
  | "owedRule"
  | "roundingDiffers"
  | "statementOf"
  | "partner"
  | "product"
  | "orderedQuantity"
  | "agreedPrice"
  | "deliveredQuantity"
  | "workshop"
  | "issuedOn";

/** Column headings (key `export.col.<column>`). */
export type ExportColumn =
  | "worker"
  | "phone"
  | "piecePay"
  | "remuneration"
  | "tax"
  | "charges"
  | "net"
  | "acknowledged"
  | "kind"
  | "item"
  | "pieces"
  | "rate"
  | "amount"
  | "reason"
  | "toPay"
  | "note"
  | "deliveryNumber"
  | "deliveredOn"
  | "quantity"
  | "price";

export type ExportCell =
  | { readonly t: "text"; readonly v: string }
  | { readonly t: "amount"; readonly v: Amount }
  | { readonly t: "rate"; readonly v: Rate }
  | { readonly t: "count"; readonly v: number }
  | { readonly t: "term"; readonly term: ExportTerm; readonly params?: Readonly<Record<string, string>> }
  | { readonly t: "empty" };

export type ExportTable = {
  /** Lines above the column headings (a statement's order and partner); empty for the month's lists. */
  readonly heading: readonly (readonly ExportCell[])[];
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly ExportCell[])[];
  /** Totals rows (first cell a "total…" term) and notes, below the rows. */
  readonly footer: readonly (readonly ExportCell[])[];
};

export const text = (v: string): ExportCell => ({ t: "text", v });
export const amount = (v: Amount): ExportCell => ({ t: "amount", v });
const fen = (minor: bigint): ExportCell => amount(amountFromMinor(minor));
const rate = (v: Rate): ExportCell => ({ t: "rate", v });
const count = (v: number): ExportCell => ({ t: "count", v });
const term = (t: ExportTerm, params?: Record<string, string>): ExportCell =>
  params ? { t: "term", term: t, params } : { t: "term", term: t };
const EMPTY: ExportCell = { t: "empty" };

// ---------------------------------------------------------------------------
// The month's payslips

export type LineKind = "piece" | "bonus" | "correction" | "charge";
export const LINE_KINDS: readonly LineKind[] = ["piece", "bonus", "correction", "charge"];

export type ExportPayslipLine = {
  kind: LineKind;
  /** Piece: "product · step"; correction: the settled month it corrects; charge: the material. */
  label: string;
  reason: string;
  rateE4: bigint | null;
  pieces: number;
  /** As stored: a charge is a positive amount taken from the pay. */
  amountFen: bigint;
};

export type ExportPayslip = {
  workerName: string;
  workerPhone: string;
  payFen: bigint;
  remunerationFen: bigint;
  taxFen: bigint;
  chargesFen: bigint;
  netFen: bigint;
  acknowledged: boolean;
  lines: readonly ExportPayslipLine[];
};

function checkedSlip(s: ExportPayslip): ExportPayslip {
  if (s.netFen !== s.remunerationFen - s.taxFen - s.chargesFen) {
    throw new RangeError(`payslip of ${s.workerName}: net ${s.netFen} ≠ remuneration − tax − charges`);
  }
  return s;
}

function sumBig(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/** One row per worker: piece pay, remuneration (gross), tax, charges, net, acknowledged; and the totals. */
export function payslipSummaryTable(slips: readonly ExportPayslip[]): ExportTable {
  const checked = slips.map(checkedSlip);
  const figures = (s: ExportPayslip) => [s.payFen, s.remunerationFen, s.taxFen, s.chargesFen, s.netFen];
  const rows = checked.map((s) => [
    text(s.workerName),
    text(s.workerPhone),
    ...figures(s).map(fen),
    term(s.acknowledged ? "yes" : "no"),
  ]);
  const totals = [0, 1, 2, 3, 4].map((i) => fen(sumBig(checked.map((s) => figures(s)[i]!))));
  return {
    heading: [],
    columns: ["worker", "phone", "piecePay", "remuneration", "tax", "charges", "net", "acknowledged"],
    rows,
    footer: [[term("totalWorkers", { n: String(checked.length) }), EMPTY, ...totals, EMPTY]],
  };
}

/** Every line of every payslip (worker, kind, item, pieces, rate, amount, reason); a total per kind. */
export function payslipLinesTable(slips: readonly ExportPayslip[]): ExportTable {
  const rows: ExportCell[][] = [];
  const pieces = new Map<LineKind, bigint>(LINE_KINDS.map((k) => [k, 0n]));
  const amounts = new Map<LineKind, bigint>(LINE_KINDS.map((k) => [k, 0n]));
  for (const s of slips.map(checkedSlip)) {
    for (const l of s.lines) {
      const isPiece = l.kind === "piece";
      if (isPiece && l.rateE4 === null) throw new RangeError(`a piece line of ${s.workerName} has no rate`);
      rows.push([
        text(s.workerName),
        text(s.workerPhone),
        term(`kind.${l.kind}`),
        l.kind === "correction" && l.label !== "" ? term("correctsMonth", { month: l.label }) : text(l.label),
        isPiece ? count(l.pieces) : EMPTY,
        isPiece ? rate(rateFromMinor(l.rateE4!)) : EMPTY,
        fen(l.amountFen),
        text(l.reason),
      ]);
      if (isPiece) pieces.set(l.kind, pieces.get(l.kind)! + BigInt(l.pieces));
      amounts.set(l.kind, amounts.get(l.kind)! + l.amountFen);
    }
  }
  return {
    heading: [],
    columns: ["worker", "phone", "kind", "item", "pieces", "rate", "amount", "reason"],
    rows,
    footer: LINE_KINDS.map((k) => [
      term("total"),
      EMPTY,
      term(`kind.${k}`),
      EMPTY,
      k === "piece" ? count(pieceTotal(pieces.get(k)!)) : EMPTY,
      EMPTY,
      fen(amounts.get(k)!),
      EMPTY,
    ]),
  };
}

function pieceTotal(total: bigint): number {
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`piece total too large: ${total}`);
  return Number(total); // a piece count, not money: exact below 2^53
}

/**
 * The payment list: what to pay each worker (her net). A worker whose net is 0 or
 * below is listed with 0 and a note saying her net (nothing is paid to her, and
 * what she owes is not collected here). The total is the sum of the amounts to pay.
 */
export function paymentListTable(slips: readonly ExportPayslip[]): ExportTable {
  const checked = slips.map(checkedSlip);
  const toPay = checked.map((s) => (s.netFen > 0n ? s.netFen : 0n));
  const rows = checked.map((s, i) => [
    text(s.workerName),
    text(s.workerPhone),
    fen(toPay[i]!),
    s.netFen > 0n ? EMPTY : term("notPaid", { net: amountToString(amountFromMinor(s.netFen)) }),
  ]);
  return {
    heading: [],
    columns: ["worker", "phone", "toPay", "note"],
    rows,
    footer: [[term("totalWorkers", { n: String(checked.length) }), EMPTY, fen(sumBig(toPay)), EMPTY]],
  };
}

// ---------------------------------------------------------------------------
// A partner's statement of one order

export type StatementDelivery = {
  sequence: number;
  deliveredOn: string;
  quantity: number;
  unitPriceE4: bigint;
  note: string;
};

export type StatementInput = {
  orderId: string;
  workshopName: string;
  partnerName: string;
  productName: string;
  orderQuantity: number;
  unitPriceE4: bigint;
  deliveredQuantity: number;
  /** The day the statement is made (China date). */
  issuedOn: string;
  deliveries: readonly StatementDelivery[];
};

/** An order's short id as printed on its notes ("A1B2C3"). */
export function orderShortId(orderId: string): string {
  return orderId.slice(-6).toUpperCase();
}

/** A delivery note's number: the order's short id and the sequence ("A1B2C3-01"), as printed on the note. */
export function deliveryNumber(orderId: string, sequence: number): string {
  return `${orderShortId(orderId)}-${String(sequence).padStart(2, "0")}`;
}

/**
 * What the partner owes for the deliveries (ADR 021): delivered pieces × the agreed
 * price, rounded half-up ONCE over all of them (per price, should a price ever differ).
 */
export function owedForDeliveries(deliveries: readonly StatementDelivery[]): Amount {
  const byPrice = new Map<bigint, bigint>();
  for (const d of deliveries) byPrice.set(d.unitPriceE4, (byPrice.get(d.unitPriceE4) ?? 0n) + BigInt(d.quantity));
  return sumAmounts([...byPrice].map(([price, pieces]) => lineAmount(pieces, rateFromMinor(price))));
}

/**
 * The statement 对账单 of one order: each delivery (its note's number, date,
 * quantity, price and its own amount, quantity × price rounded), the total of the
 * rows (exact sums of the quantities and of the notes' amounts), then what is owed
 * (delivered × price rounded once) and, when the two amounts differ by rounding,
 * a line that says so and which one counts.
 */
export function partnerStatementTable(input: StatementInput): ExportTable {
  const ds = [...input.deliveries].sort((a, b) => a.sequence - b.sequence);
  const deliveredSum = sumBig(ds.map((d) => BigInt(d.quantity)));
  if (deliveredSum !== BigInt(input.deliveredQuantity)) {
    throw new RangeError(`order ${input.orderId}: delivered ${input.deliveredQuantity} ≠ deliveries ${deliveredSum}`);
  }
  const noteAmounts = ds.map((d) => lineAmount(d.quantity, rateFromMinor(d.unitPriceE4)));
  const notesTotal = sumAmounts(noteAmounts);
  const owed = owedForDeliveries(ds);
  const difference = subtractAmounts(owed, notesTotal);
  const rows = ds.map((d, i) => [
    text(deliveryNumber(input.orderId, d.sequence)),
    text(d.deliveredOn),
    count(d.quantity),
    rate(rateFromMinor(d.unitPriceE4)),
    amount(noteAmounts[i]!),
    text(d.note),
  ]);
  const footer: ExportCell[][] = [
    [term("total"), EMPTY, count(pieceTotal(deliveredSum)), EMPTY, amount(notesTotal), EMPTY],
    [
      term("owed"),
      EMPTY,
      count(input.deliveredQuantity),
      rate(rateFromMinor(input.unitPriceE4)),
      amount(owed),
      term("owedRule"),
    ],
  ];
  if (difference.minor !== 0n) {
    footer.push([
      term("roundingDiffers", {
        notes: amountToString(notesTotal),
        owed: amountToString(owed),
        difference: amountToString(difference),
      }),
    ]);
  }
  return {
    heading: [
      [term("statementOf"), text(orderShortId(input.orderId))],
      [term("workshop"), text(input.workshopName)],
      [term("partner"), text(input.partnerName)],
      [term("product"), text(input.productName)],
      [term("orderedQuantity"), count(input.orderQuantity)],
      [term("agreedPrice"), rate(rateFromMinor(input.unitPriceE4))],
      [term("deliveredQuantity"), count(input.deliveredQuantity)],
      [term("issuedOn"), text(input.issuedOn)],
    ],
    columns: ["deliveryNumber", "deliveredOn", "quantity", "price", "amount", "note"],
    rows,
    footer,
  };
}
