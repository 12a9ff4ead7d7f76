import * as z from "zod/mini";
import { ORDER_MAX_QUANTITY } from "../domain/orders.ts";
import {
  choiceField,
  crossFieldCheck,
  dueDateField,
  idField,
  msg,
  optionalMultilineText,
  pieceCountField,
  requiredText,
} from "./fields.ts";

/** A partner places an order. */
export const placeOrderSchema = z.object({
  productId: choiceField("error.chooseProduct"),
  quantity: pieceCountField.check(
    z.refine((n) => n <= ORDER_MAX_QUANTITY, { error: msg("error.tooLarge", { max: ORDER_MAX_QUANTITY }) }),
  ),
  dueOn: dueDateField,
  notes: optionalMultilineText(500),
});
export type PlaceOrderForm = z.input<typeof placeOrderSchema>;

/** A coordinator accepts or declines (declining needs a reason). */
export const decideOrderSchema = z
  .object({
    decision: z.enum(["accept", "decline"], { error: msg("error.invalid") }),
    reason: optionalMultilineText(300),
  })
  .check(
    crossFieldCheck<{ decision: string; reason: string }>(
      ["decision", "reason"],
      (v) => v.decision === "accept" || v.reason.length > 0,
      { path: ["reason"], error: msg("orders.declineReasonRequired") },
    ),
  );
export type DecideOrderForm = z.input<typeof decideOrderSchema>;

export const assignSchema = z.object({
  workerId: choiceField("error.chooseWorker"),
  quantity: pieceCountField,
  dueOn: dueDateField,
});
export type AssignForm = z.input<typeof assignSchema>;

export const openForClaimingSchema = z.object({
  quantity: pieceCountField,
});
export type OpenForClaimingForm = z.input<typeof openForClaimingSchema>;

/** A worker claims open pieces (the idempotency of a double tap is the model's job). */
export const claimSchema = z.object({
  orderId: idField,
  quantity: pieceCountField,
});
export type ClaimForm = z.input<typeof claimSchema>;

export const cancelOrderSchema = z.object({ confirm: requiredText(10) });
