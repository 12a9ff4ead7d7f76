// One of her income statements, as issued (ADR 027), ready to print on A4: the
// stored snapshot (a later correction changes nothing here), in Chinese, with
// English beneath each line when she reads English; the verification code and
// a QR code of its verify address on this site. The shell and the links are
// not printed (styles/statement.css). Only her own: another's id is not found.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageNotice } from "../components/notice.tsx";
import { StatementDoc } from "../components/statement.tsx";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { getStatement } from "../models/statement.server.ts";
import styles from "../styles/statement.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { siteOriginOf } from "../utils/label-view.server.ts";
import { statementView } from "../utils/statement-view.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const statement = await getStatement(scope, params.statementId ?? "");
  if (!statement) notFound();
  return { s: await statementView(statement, siteOriginOf(request), toLocale(user.locale)) };
}

export default function WorkerStatement() {
  const t = useT();
  const { s } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <p>
          <Link to="/worker/statements">← {t("statement.title")}</Link>
        </p>
        <PageNotice />
        <p className="hint">{t("statement.printHint")}</p>
      </div>
      <StatementDoc s={s} />
    </>
  );
}
