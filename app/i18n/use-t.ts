import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { translator, type Translate } from "./index.ts";
import { toLocale, type Locale } from "./locales.ts";

type RootData = { locale: Locale };

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as RootData | undefined;
  return toLocale(data?.locale);
}

/** The translate function for the page's language. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
