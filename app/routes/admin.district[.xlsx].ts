// /admin/district.xlsx?period=…[&town=|&community=|&workshop=] (ADR 024): the district view's
// figures as a workbook, the same report and totals as the page. Admins only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { requireScope } from "../utils/auth.server.ts";
import { districtTitle, readDistrict } from "../utils/district-view.server.ts";
import { districtXlsx } from "../utils/exports/district-xlsx.server.ts";
import { download, safeFileName } from "../utils/exports/downloads.server.ts";
import { resourceRefusal } from "../utils/resource-route.server.ts";

export const access = { roles: ["admin"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  try {
    const { user } = await requireScope(request, ["admin"]);
    const locale = toLocale(user.locale);
    const t = translator(locale);
    const now = new Date();
    const { level, period, report } = await readDistrict(new URL(request.url), now);
    const title = districtTitle(report, period, t);
    const body = await districtXlsx(report, level, title, locale, now);
    const place = safeFileName(
      report.workshop?.name ?? report.community?.name ?? report.town?.name ?? t("district.whole"),
    );
    return download(body, "xlsx", t("district.file", { place, period: period.key }), `district-${period.key}`);
  } catch (thrown) {
    throw resourceRefusal(thrown);
  }
}
