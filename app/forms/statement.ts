// The income statement's period form (ADR 027): the first and last month
// (<input type="month">, YYYY-MM), sent by GET to preview and by POST to issue.
// The rules that need "now" (ended months, at most 24) are checked by
// checkPeriod in app/domain/statement.ts, on the server.
import * as z from "zod/mini";
import { MONTH_PATTERN } from "../domain/statement.ts";
import { msg } from "./fields.ts";

const monthField = z.string({ error: msg("statement.badMonth") }).check(
  z.trim(),
  z.refine((v: string) => MONTH_PATTERN.test(v), { error: msg("statement.badMonth") }),
);

export const statementPeriodSchema = z.object({ from: monthField, to: monthField });
