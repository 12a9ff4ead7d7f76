// Pieces shared by the order pages (partner, coordinator, worker): a select and
// a text area that look and behave like `Field`, the status tag, the progress
// bar, and the unit of a product in the reader's language.
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { isOrderStatus } from "../domain/orders.ts";
import { isMessageKey, type Translate } from "../i18n/index.ts";
import { useT } from "../i18n/use-t.ts";

/** English plurals of the countable unit words (Chinese measure words do not change). */
const ENGLISH_PLURALS: Record<string, string> = { piece: "pieces", box: "boxes", set: "sets", pair: "pairs", sheet: "sheets" };

/**
 * "件", "盒"… for a product's unit code; the code itself when the dictionary has
 * no word for it. With a count, English countable units take their plural
 * ("200 pieces", "1 box").
 */
export function unitText(t: Translate, unit: string, count?: number): string {
  const key = `unit.${unit}`;
  const word = isMessageKey(key) ? t(key) : unit;
  return count !== undefined && count !== 1 ? (ENGLISH_PLURALS[word] ?? word) : word;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type SelectFieldProps = {
  label: string;
  error?: string;
  hint?: string;
  registration?: UseFormRegisterReturn;
  placeholder?: string;
  options: { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "children">;

export function SelectField({ label, error, hint, registration, placeholder, options, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select} {...registration}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type TextAreaFieldProps = {
  label: string;
  error?: string;
  hint?: string;
  registration?: UseFormRegisterReturn;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "children">;

export function TextAreaField({ label, error, hint, registration, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea id={id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...textarea} {...registration} />
    </FieldFrame>
  );
}

export function OrderStatusTag({ status }: { status: string }) {
  const t = useT();
  return <span className={`tag status-${status}`}>{isOrderStatus(status) ? t(`order.status.${status}`) : status}</span>;
}

export type ProgressCounts = { quantity: number; assigned: number; open: number; handedIn: number; passed: number; delivered: number };

/** Whole percent of a part, for bar widths only (piece counts, never money). */
function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.floor((part * 100) / whole));
}

/** A bar of what has been given out (assigned, then open for claiming) out of the order's quantity. */
export function ProgressBar({ progress }: { progress: ProgressCounts }) {
  const t = useT();
  const assigned = percent(progress.assigned, progress.quantity);
  const open = Math.min(100 - assigned, percent(progress.open, progress.quantity));
  return (
    <div className="progress-bar" role="img" aria-label={t("orders.progressLabel", { assigned: progress.assigned, quantity: progress.quantity })}>
      <span className="progress-assigned" style={{ width: `${assigned}%` }} />
      <span className="progress-open" style={{ width: `${open}%` }} />
    </div>
  );
}

/** The order's progress as numbers: assigned, open, handed in, passed, delivered. */
export function ProgressFacts({ progress, compact = false }: { progress: ProgressCounts; compact?: boolean }) {
  const t = useT();
  const items: [string, number][] = [
    [t("orders.assigned"), progress.assigned],
    [t("orders.open"), progress.open],
    [t("orders.handedIn"), progress.handedIn],
    [t("orders.passed"), progress.passed],
    [t("orders.delivered"), progress.delivered],
  ];
  return (
    <dl className={compact ? "progress-facts compact" : "progress-facts"}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
