// The pay forms (monthly settlement 月结, docs/domain.md flow step 7): a bonus
// or a correction for a worker in an open month, the settle confirmation (it
// carries the net total the coordinator was shown), and on a payslip her
// acknowledgement, her query, and the coordinator's answer. Amounts are parsed
// exactly (app/domain/money-values.ts), never as floats; the models check
// again what needs the database (the month is open, the worker is hers).
import * as z from "zod/mini";
import { parseAmount } from "../domain/money-values.ts";
import {
  choiceField,
  crossFieldCheck,
  idField,
  moneyErrorMessage,
  msg,
  optionalMultilineText,
  requiredText,
} from "./fields.ts";

/** A query or an answer: at most this many characters (QUERY_MAX in app/models/payslip.server.ts). */
export const PAY_TEXT_MAX = 1_000;
export const ADJUSTMENT_REASON_MAX = 200;
/** A bonus or correction goes to this month or an open month at most this many months back. */
export const ADJUST_MONTHS_BACK = 12;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A single bonus or correction is at most ¥50,000.00 either way (a slipped key, 1000000000, is refused in words). */
export const ADJUSTMENT_MAX_FEN = 5_000_000n;

/** A signed amount in yuan, not zero, at most 2 decimals, at most ADJUSTMENT_MAX_FEN either way, as fen. */
const signedAmountField = z.pipe(
  z.string({ error: msg("error.required") }),
  z.transform((value: string, ctx): bigint => {
    const result = parseAmount(value, { allowNegative: true, allowZero: false });
    if (result.ok) {
      const fen = result.value.minor;
      if (fen > ADJUSTMENT_MAX_FEN || -fen > ADJUSTMENT_MAX_FEN) {
        ctx.issues.push({ code: "custom", message: msg("pay.adjustTooLarge"), input: value });
        return z.NEVER;
      }
      return fen;
    }
    ctx.issues.push({ code: "custom", message: moneyErrorMessage(result.error), input: value });
    return z.NEVER;
  }),
);

/** "" or a YYYY-MM month (from <input type="month">). */
const optionalMonth = z.pipe(
  z.optional(
    z.string({ error: msg("error.invalid") }).check(
      z.trim(),
      z.refine((v: string) => v === "" || MONTH.test(v), { error: msg("pay.correctsMonthInvalid") }),
    ),
  ),
  z.transform((v: string | undefined) => v ?? ""),
);

type AdjustmentValues = { kind: "bonus" | "correction"; amount: bigint; correctsMonth: string };

/** A bonus (> 0) or a correction (signed, naming the settled month it corrects) for a worker. */
export const adjustmentSchema = z
  .object({
    workerId: choiceField("pay.chooseWorker"),
    kind: z.enum(["bonus", "correction"], { error: msg("pay.chooseKind") }),
    amount: signedAmountField,
    reason: requiredText(ADJUSTMENT_REASON_MAX),
    correctsMonth: optionalMonth,
  })
  .check(
    crossFieldCheck<AdjustmentValues>(["kind", "amount"], (v) => v.kind !== "bonus" || v.amount > 0n, {
      path: ["amount"],
      error: msg("pay.bonusNotPositive"),
    }),
    crossFieldCheck<AdjustmentValues>(
      ["kind", "correctsMonth"],
      (v) => v.kind !== "correction" || v.correctsMonth !== "",
      {
        path: ["correctsMonth"],
        error: msg("pay.correctsMonthRequired"),
      },
    ),
  );
export type AdjustmentForm = z.input<typeof adjustmentSchema>;

/** Settle the month: the net total (fen) shown on the confirm page. */
export const settleSchema = z.object({
  expectedNetFen: z.pipe(
    z.string({ error: msg("error.invalid") }).check(z.regex(/^-?\d{1,18}$/, { error: msg("error.invalid") })),
    z.transform((v: string) => BigInt(v)),
  ),
});

/** Her 我确认 on one payslip. */
export const acknowledgeSchema = z.object({ payslipId: idField });

/** Text of a query or an answer: required, multi-line, at most PAY_TEXT_MAX characters. */
function payText() {
  return optionalMultilineText(PAY_TEXT_MAX).check(
    z.refine((v: string) => v.length > 0, { error: msg("error.required") }),
  );
}

/** Her question about a payslip. */
export const querySchema = z.object({ payslipId: idField, text: payText() });

/** The coordinator's answer to one query. */
export const answerSchema = z.object({ queryId: idField, answer: payText() });
