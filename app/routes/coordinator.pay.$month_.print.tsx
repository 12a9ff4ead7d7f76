// The payslips of a settled month for printing on A4 (ADR 022): one worker per
// page (page-break-after), in Chinese as the workshop hands them out, with the
// workshop's name, every line and the totals; the browser's print makes the
// PDF. The app's header and menu are hidden when printed (styles/pay.css).
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PayslipLines } from "../components/payslip.tsx";
import { translator } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { listMonthPayslips } from "../models/payslip.server.ts";
import { MONTH_PATTERN } from "../models/settlement.server.ts";
import styles from "../styles/pay.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { monthLabel, monthPayslipsView, printView } from "../utils/pay-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const month = params.month ?? "";
  if (!MONTH_PATTERN.test(month)) notFound();
  const rows = await listMonthPayslips(scope.workshopId, month);
  if (rows.length === 0) notFound();
  // The payslips are handed to the workers: printed in Chinese whatever the coordinator's language.
  return {
    month,
    label: monthLabel(month, toLocale(user.locale)),
    printLabel: monthLabel(month, "zh-CN"),
    workshopName: user.workshopName ?? "",
    slips: printView(rows, "zh-CN"),
    totals: monthPayslipsView(rows, toLocale(user.locale)).totals,
  };
}

const zh = translator("zh-CN");

export default function PrintPayslips() {
  const t = useT();
  const { month, label, printLabel, workshopName, slips, totals } = useLoaderData<typeof loader>();
  return (
    <div className="pay-print">
      <p className="no-print">
        <Link to={`/coordinator/pay/${month}`}>← {t("pay.backToMonth", { month: label })}</Link>{" "}
        <span className="muted">{t("pay.printHint", { n: slips.length, net: totals.net })}</span>
      </p>
      {slips.map((slip) => (
        <article
          key={slip.id}
          className="print-slip"
          lang="zh-CN"
          aria-label={zh("pay.slipTitle", { name: slip.name, month: printLabel })}
        >
          <header className="print-head">
            <p className="print-workshop">{workshopName}</p>
            <h1>{zh("pay.printTitle", { month: printLabel })}</h1>
            <dl className="print-who">
              <div>
                <dt>{zh("pay.worker")}</dt>
                <dd>{slip.name}</dd>
              </div>
              <div>
                <dt>{zh("pay.phone")}</dt>
                <dd>{slip.phone}</dd>
              </div>
            </dl>
          </header>
          <PayslipLines slip={slip} translate={zh} />
          <dl className="print-signs">
            <div>
              <dt>{zh("pay.signWorker")}</dt>
              <dd />
            </div>
            <div>
              <dt>{zh("pay.signDate")}</dt>
              <dd />
            </div>
          </dl>
        </article>
      ))}
    </div>
  );
}
