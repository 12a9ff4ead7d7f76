// Forms of material stock, the assignment page and reconciliation (ADR 018).
// Quantities of material: > 0, at most 3 decimals, parsed exactly (never floats).
import * as z from "zod/mini";
import { parseAmount, type Amount } from "../domain/money.ts";
import {
  choiceField,
  crossFieldCheck,
  dueDateField,
  idField,
  moneyErrorMessage,
  msg,
  optionalMultilineText,
  optionalText,
  pieceCountField,
  positiveQuantityField,
} from "./fields.ts";

/** Material received into stock: bought, or supplied by the partner for one of the orders. */
export const receiveMaterialSchema = z
  .object({
    quantity: positiveQuantityField,
    source: z.enum(["bought", "partner"], { error: msg("stock.chooseSource") }),
    orderId: optionalText(64),
    note: optionalText(200),
  })
  .check(
    crossFieldCheck<{ source: string; orderId: string }>(
      ["source", "orderId"],
      (v) => v.source !== "partner" || v.orderId !== "",
      { path: ["orderId"], error: msg("stock.chooseOrder") },
    ),
  );
export type ReceiveMaterialForm = z.input<typeof receiveMaterialSchema>;

/** A hand-out 发料 or a return 退料 of one material against the assignment of the page. */
export const materialMoveSchema = z.object({
  materialId: choiceField("error.chooseMaterial"),
  quantity: positiveQuantityField,
});
export type MaterialMoveForm = z.input<typeof materialMoveSchema>;

/** Reduce an assignment to a smaller number of pieces. */
export const reduceAssignmentSchema = z.object({ quantity: pieceCountField });
export type ReduceAssignmentForm = z.input<typeof reduceAssignmentSchema>;

/** Move unlogged pieces of an assignment to another worker. */
export const reassignSchema = z.object({
  workerId: choiceField("error.chooseWorker"),
  quantity: pieceCountField,
  dueOn: dueDateField,
});
export type ReassignForm = z.input<typeof reassignSchema>;

/** The month a deduction is charged in, from <input type="month"> (YYYY-MM). */
const monthField = z
  .string({ error: msg("error.required") })
  .check(
    z.trim(),
    z.minLength(1, { error: msg("error.required") }),
    z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: msg("stock.invalidMonth") }),
  );

/** A yuan amount (>= 0, at most 2 decimals), or null when left empty. */
const optionalAmountField = z.pipe(
  z.optional(z.string({ error: msg("error.invalid") })),
  z.transform((value: string | undefined, ctx): Amount | null => {
    if (value === undefined || value.trim() === "") return null;
    const result = parseAmount(value);
    if (result.ok) return result.value;
    ctx.issues.push({ code: "custom", message: moneyErrorMessage(result.error), input: value });
    return z.NEVER;
  }),
);

/**
 * The coordinator's decision on an over-allowance loss: charge the proposed
 * deduction, lower it (an amount and a reason), or waive it (a reason).
 */
export const deductionSchema = z
  .object({
    materialId: idField,
    decision: z.enum(["charge", "lower", "waive"], { error: msg("error.invalid") }),
    amount: optionalAmountField,
    reason: optionalMultilineText(300),
    month: monthField,
  })
  .check(
    crossFieldCheck<{ decision: string; reason: string }>(
      ["decision", "reason"],
      (v) => v.decision === "charge" || v.reason.length > 0,
      { path: ["reason"], error: msg("deduction.reasonRequired") },
    ),
    crossFieldCheck<{ decision: string; amount: Amount | null }>(
      ["decision", "amount"],
      (v) => v.decision !== "lower" || v.amount !== null,
      { path: ["amount"], error: msg("deduction.amountRequired") },
    ),
  );
export type DeductionForm = z.input<typeof deductionSchema>;
