// Pieces shared by the catalogue pages (products, materials, piece rates,
// settings): a select, a textarea and a checkbox wired like `Field` in
// forms.tsx (label, hint, aria-invalid, role="alert" error), and the
// translated label of a unit code.
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { isMessageKey, type Translate } from "../i18n/index.ts";

/** The dictionary label of a product or material unit code ("piece" → 件); the code itself if unknown. */
export function unitLabel(t: Translate, unit: string): string {
  const key = `unit.${unit}`;
  return isMessageKey(key) ? t(key) : unit;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
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
    </>
  );
}

type SelectFieldProps = {
  label: string;
  error?: string;
  hint?: string;
  registration?: UseFormRegisterReturn;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "children">;

export function SelectField({ label, error, hint, registration, children, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select} {...registration}>
        {children}
      </select>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
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
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...textarea} {...registration} />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

/**
 * A plain (uncontrolled, unregistered) checkbox posting "on" when ticked: the
 * schemas read it with checkboxField; react-hook-form would post a boolean.
 */
export function CheckboxField({ label, name, error, defaultChecked }: { label: string; name: string; error?: string; defaultChecked?: boolean }) {
  const id = useId();
  return (
    <div className={error ? "field checkbox has-error" : "field checkbox"}>
      <input id={id} type="checkbox" name={name} value="on" defaultChecked={defaultChecked} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} error={error} />
    </div>
  );
}
