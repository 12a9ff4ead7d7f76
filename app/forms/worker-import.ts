// The worker import (ADR 025): the upload form, the confirm form, and the
// rules for each row of the sheet, the same zod field rules a coordinator's
// "add a worker" form uses (name, mobile number), plus what only a sheet can
// get wrong: a formula, a name that a spreadsheet would run as one, the same
// number twice, a number that already has an account (in any workshop: a
// phone number is one login).
import * as z from "zod/mini";
import { parseMobilePhone } from "../domain/phone.ts";
import { IMPORT_NOTE_MAX, type RawRow } from "../domain/worker-import.ts";
import { NAME_MAX, msg, optionalText, requiredText } from "./fields.ts";

/** A text a spreadsheet would run as a formula when the name is exported again (CSV injection). */
const FORMULA_START = /^[=+\-@]/;

const notFormula = z.refine<string>((v) => !FORMULA_START.test(v), { error: msg("import.row.formulaText") });

export const importRowSchema = z.object({
  name: requiredText(NAME_MAX).check(notFormula),
  phone: z.string(),
  note: z.pipe(optionalText(IMPORT_NOTE_MAX), z.string().check(notFormula)),
});

export type ImportField = "name" | "phone" | "note" | "row";
export type CheckedRow = {
  line: number;
  name: string;
  /** The 11 digits when valid, else the text as it was in the sheet. */
  phone: string;
  note: string;
  error?: { field: ImportField; message: string };
};

/**
 * Each row as ok or with its first error, in the sheet's order. `registered`
 * holds the numbers that already have an account. Of two rows with the same
 * number the first is kept and the later one is refused as a duplicate of it.
 */
export function checkImportRows(rows: readonly RawRow[], registered: ReadonlySet<string>): CheckedRow[] {
  const firstLineOf = new Map<string, number>();
  return rows.map((raw): CheckedRow => {
    const base = { line: raw.line, name: raw.name.trim(), phone: raw.phone.trim(), note: raw.note.trim() };
    if (raw.formula) return { ...base, error: { field: "row", message: "import.row.formula" } };
    const parsed = z.safeParse(importRowSchema, { name: raw.name, phone: raw.phone, note: raw.note });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ...base, error: { field: String(issue.path[0] ?? "row") as ImportField, message: issue.message } };
    }
    const phone = parseMobilePhone(raw.phone);
    if (!phone.ok) {
      return {
        ...base,
        error: { field: "phone", message: phone.code === "required" ? "error.required" : "error.invalidPhone" },
      };
    }
    const row = { line: raw.line, name: parsed.data.name, phone: phone.phone, note: parsed.data.note };
    const first = firstLineOf.get(phone.phone);
    if (first !== undefined)
      return { ...row, error: { field: "phone", message: msg("import.row.duplicate", { line: first }) } };
    firstLineOf.set(phone.phone, raw.line);
    if (registered.has(phone.phone)) return { ...row, error: { field: "phone", message: "import.row.registered" } };
    return row;
  });
}

/** The valid mobile numbers of the rows (to look up which already have an account). */
export function importPhones(rows: readonly RawRow[]): string[] {
  const phones = new Set<string>();
  for (const row of rows) {
    const parsed = parseMobilePhone(row.phone);
    if (parsed.ok) phones.add(parsed.phone);
  }
  return [...phones];
}

/** The import page's buttons: confirm (with what the preview showed), discard, or open the finished import's passwords. */
export const importDecisionSchema = z.object({
  intent: z.enum(["confirm", "discard", "open"], { error: msg("error.invalid") }),
  /** A digest of the rows the preview showed as ok: a change since then is refused, not imported unseen. */
  seen: z.catch(z.string().check(z.maxLength(100)), ""),
});
export type ImportDecisionForm = z.input<typeof importDecisionSchema>;
