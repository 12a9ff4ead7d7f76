// A confirmation step for an action that cannot be undone (cancelling or
// declining an order). The first button is a plain link to the same page with
// a query parameter (e.g. ?cancel=confirm), so the step works the same with
// JavaScript off; this panel then says what will happen, shows what it applies
// to, and holds the real form with a clearly different confirm button next to
// a way back. Nothing changes until that form is sent.
import { Link } from "@remix-run/react";
import { useEffect, useId, useRef, type ReactNode } from "react";

export function ConfirmStep({
  id,
  title,
  warning,
  backTo,
  backLabel,
  children,
}: {
  /** The element id the step link points at (#id), so the browser scrolls to it without JavaScript. */
  id: string;
  title: string;
  warning: string;
  /** Where "back" goes: the same page without the confirm parameter. */
  backTo: string;
  backLabel: string;
  /** What the action applies to, and the form with the confirm button. */
  children: ReactNode;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // With JavaScript the step appears in place: move focus to it so keyboard and screen-reader users land on it.
    // Not when the address points at another part of the page, outside the step (a link from the step,
    // e.g. down to the 退料 form): focusing the heading would scroll back up to it.
    const hash = decodeURIComponent(window.location.hash.slice(1));
    const target = hash === "" ? null : document.getElementById(hash);
    if (target && heading.current && !target.contains(heading.current)) return;
    heading.current?.focus();
  }, []);
  return (
    <section id={id} className="card confirm-step" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p className="warning-text">{warning}</p>
      {children}
      <p className="confirm-back">
        <Link to={backTo} replace className="button">
          {backLabel}
        </Link>
      </p>
    </section>
  );
}
