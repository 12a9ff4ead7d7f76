import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "./components/error-boundary.tsx";
import { useNonce } from "./components/nonce.ts";
import { NoticeProvider } from "./components/notice.tsx";
import { PageScripts } from "./components/page-scripts.tsx";
import { translate } from "./i18n/index.ts";
import { getLocale, getViewer } from "./utils/auth.server.ts";
import { getEnv } from "./infra/env.server.ts";
import { takeNotice } from "./utils/notice.server.ts";
import styles from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const locale = await getLocale(request, viewer);
  // The success notice of the action that redirected here, if any (shown once; its cookie is cleared).
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      locale,
      viewer: viewer ? { name: viewer.user.name, role: viewer.scope.role } : null,
      demo: getEnv().demo,
      notice,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const locale = data?.locale ?? "zh-CN";
  return [{ title: translate(locale, "app.name") }, { name: "description", content: translate(locale, "app.tagline") }];
};

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  // A worker's pages are plain server-rendered HTML with no JavaScript: her phone
  // loads a few kilobytes instead of a ~90 KB React runtime, and every form works
  // without it (docs/decisions/015-worker-page-weight-and-speed.md).
  // Public pages that say `handle = { plain: true }` (the income statement's verify page, ADR 027) too.
  const plain = useMatches().some((m) => (m.handle as { plain?: unknown } | undefined)?.plain === true);
  const scripts = data?.viewer?.role !== "worker" && !plain;
  return (
    <html lang={data?.locale ?? "zh-CN"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#b4442c" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {scripts ? <ScrollRestoration nonce={nonce} /> : null}
        {scripts ? <Scripts nonce={nonce} /> : null}
        {data?.viewer?.role === "worker" ? <PageScripts /> : null}
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <NoticeProvider notice={data?.notice ?? null}>
      <Outlet />
    </NoticeProvider>
  );
}

export function ErrorBoundary() {
  return (
    <main className="content narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
