import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { MessageKey } from "../i18n/index.ts";
import { useT } from "../i18n/use-t.ts";

const PAGES: Record<number, { title: MessageKey; body?: MessageKey }> = {
  400: { title: "errorPage.badRequestTitle" },
  403: { title: "errorPage.forbiddenTitle", body: "errorPage.forbiddenBody" },
  404: { title: "errorPage.notFoundTitle", body: "errorPage.notFoundBody" },
  413: { title: "http.tooLargeTitle" },
  415: { title: "http.unsupportedTitle", body: "http.unsupported" },
  429: { title: "errorPage.tooManyTitle" },
};

/** The one error page: expected failures by status, anything else as a 500. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = PAGES[status] ?? { title: "errorPage.serverTitle" as const, body: "errorPage.serverBody" as const };
  if (!isRouteErrorResponse(error)) {
    console.error(error);
  }
  return (
    <section className="error-page" data-status={status}>
      <p className="status">{status}</p>
      <h1>{t(page.title)}</h1>
      {page.body ? <p>{t(page.body)}</p> : null}
      <p>
        <Link to="/" className="button primary">
          {t("errorPage.backHome")}
        </Link>
      </p>
    </section>
  );
}
