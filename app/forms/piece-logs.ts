// The worker's piece-log forms (报工, ADR 020): log finished pieces, correct a
// log's count, cancel a log. `clientKey` is the submission's one-time key,
// made by the phone (offline queue) or by the server with the page (no
// JavaScript); a re-send with the same key answers with the same log.
import * as z from "zod/mini";
import { idField, msg, pieceCountField } from "./fields.ts";

/** A one-time key: 16 to 64 characters of base64url (the server's are 22, the phone's 22 or 36). */
export const CLIENT_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export const clientKeyField = z
  .string({ error: msg("form.expired") })
  .check(z.regex(CLIENT_KEY_PATTERN, { error: msg("form.expired") }));

/** Log finished pieces of one assignment; `processStepId` only for a product paid per process step. */
export const pieceLogSchema = z.object({
  quantity: pieceCountField,
  processStepId: z.optional(z.string().check(z.maxLength(64, { error: msg("error.invalid") }))),
  clientKey: clientKeyField,
  /** Set by the phone's queue: when she made the log (ms since 1970); the server bounds it (logMadeAt). */
  madeAt: z.optional(z.string().check(z.regex(/^[0-9]{1,15}$/, { error: msg("error.invalid") }))),
});
export type PieceLogForm = z.input<typeof pieceLogSchema>;

/** Correct the count of one of her logs that is not received yet. */
export const correctLogSchema = z.object({
  pieceLogId: idField,
  quantity: pieceCountField,
});
export type CorrectLogForm = z.input<typeof correctLogSchema>;

/** Cancel one of her logs that is not received yet. */
export const cancelLogSchema = z.object({ pieceLogId: idField });
export type CancelLogForm = z.input<typeof cancelLogSchema>;
