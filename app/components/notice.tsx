// Messages on a page: a success notice and a form-level error. No form
// libraries here, so a page without a form (the worker's home) can show them
// without loading react-hook-form and zod (docs/decisions/015).
import type { ReactNode } from "react";
import { parseMsg } from "../forms/message-text.ts";
import { isMessageKey, type Translate } from "../i18n/index.ts";
import { useT } from "../i18n/use-t.ts";

/** Translates an error message ("error.tooLong?max=40") from a schema or an action. */
export function errorText(t: Translate, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const { key, params } = parseMsg(message);
  return isMessageKey(key) ? t(key, params) : t("error.invalid");
}

export function FormAlert({ message }: { message?: string }) {
  const t = useT();
  const text = errorText(t, message);
  return text ? (
    <p className="alert error" role="alert">
      {text}
    </p>
  ) : null;
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="alert success" role="status">
      {children}
    </p>
  );
}
