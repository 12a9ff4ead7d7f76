// The public verify page of an income statement (ADR 027): /v/<code>, the
// address its QR code reads. No login. It answers four facts and nothing else:
// that the statement exists, its period, its total and the worker's masked
// name. An unknown code and a malformed one get the same answer (404, same
// words). Every lookup is counted per client before it is made (an IPv4
// address, an IPv6 /64: addressKey; 30 misses in 15 minutes, a found code given
// back; app/domain/login-throttle.ts), so codes cannot be enumerated: the 31st
// miss is refused with 429. Not stored by browsers
// or proxies, not indexed, no referrer sent on (the address holds the code);
// no JavaScript.
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VerifyLanguage } from "../components/statement.tsx";
import { parseCode } from "../domain/statement.ts";
import { translate, translator } from "../i18n/index.ts";
import { beginVerifyLookup, recordVerifyHit } from "../models/login-throttle.server.ts";
import { verifyStatement } from "../models/statement.server.ts";
import styles from "../styles/statement.css?url";
import { clientAddress } from "../utils/auth.server.ts";
import { money, monthLabel } from "../utils/pay-view.server.ts";
import { VERIFY_HEADERS, verifyLocale } from "../utils/statement-view.server.ts";

export const access = { public: true } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** Plain HTML: the root leaves its scripts out (app/root.tsx). */
export const handle = { plain: true };

export const headers = () => VERIFY_HEADERS;

export const meta: MetaFunction = ({ matches }) => [
  ...(matches.find((m) => m.id === "root")?.meta ?? []),
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await verifyLocale(request);
  const origin = new URL(request.url).origin;
  const address = clientAddress(context);
  const gate = await beginVerifyLookup(address, new Date());
  if (!gate.allowed) {
    const minutes = Math.max(1, Math.ceil(gate.retryAfterMs / 60_000));
    return data({ locale, origin, state: "throttled" as const, minutes }, { status: 429, headers: VERIFY_HEADERS });
  }
  const code = parseCode(params.code);
  const found = code ? await verifyStatement(code) : null;
  if (!found) return data({ locale, origin, state: "notFound" as const }, { status: 404, headers: VERIFY_HEADERS });
  await recordVerifyHit(address);
  return data(
    {
      locale,
      origin,
      state: "found" as const,
      maskedName: found.maskedName,
      period: `${monthLabel(found.fromMonth, locale)} – ${monthLabel(found.toMonth, locale)}`,
      total: money(found.totalFen, locale),
    },
    { headers: VERIFY_HEADERS },
  );
}

export default function VerifyStatement() {
  const answer = useLoaderData<typeof loader>();
  const t = translator(answer.locale);
  return (
    <main className="content narrow verify-page" lang={answer.locale}>
      <VerifyLanguage locale={answer.locale} origin={answer.origin} />
      <h1>{t("statement.verify.title")}</h1>
      {answer.state === "found" ? (
        <section className="card verify-found" aria-live="polite">
          <p className="verify-ok">
            <span aria-hidden="true">✓ </span>
            {t("statement.verify.found")}
          </p>
          <dl className="statement-facts">
            <div>
              <dt>{t("statement.verify.name")}</dt>
              <dd>{answer.maskedName}</dd>
            </div>
            <div>
              <dt>{t("statement.verify.period")}</dt>
              <dd>{answer.period}</dd>
            </div>
            <div>
              <dt>{t("statement.verify.total")}</dt>
              <dd>
                <strong>{answer.total}</strong>
              </dd>
            </div>
          </dl>
        </section>
      ) : (
        <p className="alert error" role="alert">
          {answer.state === "throttled"
            ? t("statement.verify.throttled", { minutes: answer.minutes })
            : t("statement.verify.notFound")}
        </p>
      )}
      <p>
        <Link to={answer.locale === "en" ? "/v?lang=en" : "/v"} reloadDocument>
          {t("statement.verify.another")}
        </Link>
      </p>
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <main className="content narrow">
      <p className="alert error">{translate("zh-CN", "statement.verify.notFound")}</p>
    </main>
  );
}
