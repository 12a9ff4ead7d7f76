// /coordinator/orders/<orderId>/statement.csv (ADR 023): the statement 对账单 of one
// order of the coordinator's workshop as CSV: each delivery
// (note number, date, quantity, price, its amount), the total of the rows, and what
// is owed (delivered × agreed price, rounded once, ADR 021), with a line when the
// notes' amounts add up differently by rounding.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toLocale } from "../i18n/locales.ts";
import { requireScope } from "../utils/auth.server.ts";
import { statementExport } from "../utils/exports/downloads.server.ts";
import { resourceRefusal } from "../utils/resource-route.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const { scope, user } = await requireScope(request, ["coordinator"]);
    return await statementExport(scope, params.orderId ?? "", "csv", toLocale(user.locale), new Date());
  } catch (thrown) {
    throw resourceRefusal(thrown);
  }
}
