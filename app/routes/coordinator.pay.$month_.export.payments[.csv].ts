// /coordinator/pay/<month>/export/payments.csv (ADR 023): a settled month's payment list (what to pay each worker; a net of 0 or below is listed with 0 and a note),
// for the coordinator of the workshop only. An open month is refused with 409,
// a month that is not YYYY-MM is 404. The `_` after $month keeps this file
// out of a month page's layout; the URL is unchanged.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toLocale } from "../i18n/locales.ts";
import { requireScope } from "../utils/auth.server.ts";
import { monthExport } from "../utils/exports/downloads.server.ts";
import { resourceRefusal } from "../utils/resource-route.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const { scope, user } = await requireScope(request, ["coordinator"]);
    return await monthExport(scope.workshopId, params.month ?? "", "payments.csv", toLocale(user.locale), new Date());
  } catch (thrown) {
    throw resourceRefusal(thrown);
  }
}
