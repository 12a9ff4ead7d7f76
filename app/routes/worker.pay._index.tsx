// 我的工资: her payslips, newest first (ADR 022): the month, what she is paid
// and whether she has confirmed it. Plain HTML (ADR 015).
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageNotice } from "../components/notice.tsx";
import { WorkerPayslipList } from "../components/worker-pay.tsx";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { listWorkerPayslips } from "../models/payslip.server.ts";
import styles from "../styles/pay.css?url";
import { requireScope } from "../utils/auth.server.ts";
import { money, monthLabel } from "../utils/pay-view.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const locale = toLocale(user.locale);
  const slips = await listWorkerPayslips(scope);
  return {
    slips: slips.map((s) => ({
      month: s.month,
      label: monthLabel(s.month, locale),
      net: money(s.netFen, locale),
      negative: s.netFen < 0n,
      acknowledged: s.acknowledgedAt !== null,
    })),
  };
}

export default function WorkerPay() {
  const t = useT();
  const { slips } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/worker">← {t("pay.worker.backHome")}</Link>
      </p>
      <h1>{t("pay.worker.title")}</h1>
      <p className="muted">{t("pay.worker.intro")}</p>
      <PageNotice />
      <WorkerPayslipList slips={slips} />
      <p>
        <Link to="/worker/statements" className="button block">
          {t("statement.link")}
        </Link>
      </p>
    </>
  );
}
