// Where to type an income statement's verification code (ADR 027), for whoever
// holds the paper but no QR scanner: a plain GET form; a code sent here goes on
// to /v/<code>, which answers (and counts the lookup). No login, no JavaScript,
// not indexed.
import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { VerifyLanguage } from "../components/statement.tsx";
import { translator } from "../i18n/index.ts";
import styles from "../styles/statement.css?url";
import { VERIFY_HEADERS, verifyLocale } from "../utils/statement-view.server.ts";

export const access = { public: true } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const handle = { plain: true };

export const headers = () => VERIFY_HEADERS;

export const meta: MetaFunction = ({ matches }) => [
  ...(matches.find((m) => m.id === "root")?.meta ?? []),
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await verifyLocale(request);
  const typed = (new URL(request.url).searchParams.get("code") ?? "").trim().slice(0, 64);
  const lang = new URL(request.url).searchParams.get("lang") === "en" ? "?lang=en" : "";
  if (typed !== "") throw redirect(`/v/${encodeURIComponent(typed)}${lang}`, { headers: VERIFY_HEADERS });
  return { locale, origin: new URL(request.url).origin };
}

export default function VerifyForm() {
  const { locale, origin } = useLoaderData<typeof loader>();
  const t = translator(locale);
  return (
    <main className="content narrow verify-page" lang={locale}>
      <VerifyLanguage locale={locale} origin={origin} />
      <h1>{t("statement.verify.title")}</h1>
      <Form method="get" action="/v" reloadDocument className="card">
        {locale === "en" ? <input type="hidden" name="lang" value="en" /> : null}
        <div className="field">
          <label htmlFor="verify-code">{t("statement.verify.code")}</label>
          <input
            id="verify-code"
            name="code"
            required
            maxLength={64}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
          />
          <p className="hint">{t("statement.verify.intro")}</p>
        </div>
        <button type="submit" className="button primary block">
          {t("statement.verify.submit")}
        </button>
      </Form>
    </main>
  );
}
