// A form-level error and the translation of error messages. No form libraries
// here (react-hook-form and zod stay in ./forms.tsx), so a page that only shows
// an error loads neither (docs/decisions/015-worker-page-weight-and-speed.md).
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
