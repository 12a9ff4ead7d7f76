// /coordinator/workers/import/template.csv (ADR 025): an empty worker-import sheet
// with its headings in the coordinator's language (姓名, 手机号, 备注 or name,
// phone, note).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toLocale } from "../i18n/locales.ts";
import { requireScope } from "../utils/auth.server.ts";
import { importTemplate } from "../utils/worker-import-template.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireScope(request, ["coordinator"]);
  return importTemplate("csv", toLocale(user.locale));
}
