// Forms: Remix <Form> (works with JavaScript off) validated in the browser by
// react-hook-form with the same zod schema the action uses (docs/conventions.md §5-6).
// Importing anything from this module brings react-hook-form and zod into the
// page's JavaScript: a page that only shows a form error imports ./form-alert.tsx.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form as RemixForm, useNavigation, useSubmit, type FormProps } from "@remix-run/react";
import {
  forwardRef,
  useEffect,
  useId,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useForm, type FieldValues, type Resolver, type UseFormRegisterReturn } from "react-hook-form";
import type { $ZodType } from "zod/v4/core";
import { errorText } from "./form-alert.tsx";
import { useT } from "../i18n/use-t.ts";

export type ActionResult = {
  ok: boolean;
  fieldErrors?: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
};

/**
 * A react-hook-form form validated by `schema`, submitted through Remix.
 * `resetOn`: when this value changes (e.g. a "created" notice after a redirect),
 * the fields are cleared, so a created account's password does not stay on screen.
 */
export function useValidatedForm<T extends FieldValues>(
  schema: $ZodType,
  actionData?: ActionResult | null,
  options: { resetOn?: string | null } = {},
) {
  const submit = useSubmit();
  const t = useT();
  const form = useForm<T>({
    // zod's input and output types differ where a field is normalised (phone); RHF only needs the resolver shape.
    resolver: zodResolver(schema as never) as unknown as Resolver<T>,
    // Errors appear when the form is sent, all at once, then follow each change. Not on blur: a message
    // appearing as a field loses focus moved the submit button under a pressed mouse, so the first click
    // was lost and the other fields' errors only came with the second one.
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: (actionData?.values ?? {}) as never,
  });
  const { reset } = form;
  const resetOn = options.resetOn ?? null;
  useEffect(() => {
    // keepFieldsRef: without it react-hook-form 7.92 forgets the inputs instead of emptying them (the typed password stayed on screen).
    if (resetOn !== null) reset({} as never, { keepValues: false, keepDefaultValues: false, keepFieldsRef: true });
  }, [resetOn, reset]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(() => submit(submitter ?? formElement))(event);
  };
  const errorFor = (name: string): string | undefined => {
    const client = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
    const server = actionData?.fieldErrors?.[name];
    return errorText(t, client ?? server);
  };
  return { form, onSubmit, errorFor };
}

export function SubmitButton({
  children,
  pending,
  className,
}: {
  children: ReactNode;
  pending?: ReactNode;
  className?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button type="submit" className={className ?? "button primary"} disabled={busy} aria-busy={busy}>
      {busy && pending ? pending : children}
    </button>
  );
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** Label, control, hint and error of one form field (aria-invalid / aria-describedby wired by the callers). */
function FieldFrame({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={[className ?? "field", error ? "has-error" : null].filter(Boolean).join(" ")}>
      {className?.includes("checkbox") ? null : <label htmlFor={id}>{label}</label>}
      {children}
      {className?.includes("checkbox") ? <label htmlFor={id}>{label}</label> : null}
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

type Common = { label: string; error?: string; hint?: string; registration?: UseFormRegisterReturn };

export function Field({
  label,
  error,
  hint,
  registration,
  name,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "children">) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
        {...registration}
      />
    </FieldFrame>
  );
}

/** A select: either `options` (with an optional empty `placeholder` choice) or `<option>` children. */
export function SelectField({
  label,
  error,
  hint,
  registration,
  placeholder,
  options,
  children,
  ...select
}: Common & { placeholder?: string; options?: { value: string; label: string }[]; children?: ReactNode } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "children"
  >) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
        {...registration}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  registration,
  ...textarea
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "children">) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
        {...registration}
      />
    </FieldFrame>
  );
}

/**
 * A plain (uncontrolled, unregistered) checkbox posting "on" when ticked: the
 * schemas read it with checkboxField; react-hook-form would post a boolean.
 */
export function CheckboxField({
  label,
  name,
  error,
  defaultChecked,
}: {
  label: string;
  name: string;
  error?: string;
  defaultChecked?: boolean;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} className="field checkbox">
      <input
        id={id}
        type="checkbox"
        name={name}
        value="on"
        defaultChecked={defaultChecked}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </FieldFrame>
  );
}

/** A form of one button: posts `intent` (and the hidden `fields`) to this page's action; works without JavaScript. */
export function IntentButton({
  intent,
  fields = {},
  label,
  className = "button small",
  ariaLabel,
  formClassName,
}: {
  intent: string;
  fields?: Record<string, string>;
  label: string;
  className?: string;
  ariaLabel?: string;
  formClassName?: string;
}) {
  return (
    <Form method="post" className={formClassName}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  );
}

/**
 * Remix's <Form> with the browser's own validation turned off: the app checks
 * every form itself (in the browser with the form's schema, and in the action),
 * so a message is the app's, in the page's language, shown with the form's
 * other errors, never the browser's pop-up in the browser's language.
 */
export const Form = forwardRef<HTMLFormElement, FormProps>(function Form(props, ref) {
  return <RemixForm noValidate {...props} ref={ref} />;
});

// The display-only parts (no form libraries), re-exported for the pages that use both.
export { errorText, FormAlert } from "./form-alert.tsx";
