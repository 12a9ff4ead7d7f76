// A form-level error and the translation of error messages. No form libraries
// here (react-hook-form and zod stay in ./forms.tsx), so a page that only shows
// an error loads neither (docs/decisions/015-worker-page-weight-and-speed.md).
import { errorText } from "../forms/message-text.ts";
import { useT } from "../i18n/use-t.ts";

export { errorText };

export function FormAlert({ message }: { message?: string }) {
  const t = useT();
  const text = errorText(t, message);
  return text ? (
    <p className="alert error" role="alert">
      {text}
    </p>
  ) : null;
}
