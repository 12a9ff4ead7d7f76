// What is behind one piece line of her payslip (ADR 022, docs/domain.md flow
// step 7: every line traces back to the piece logs behind it): each quality
// check that passed those pieces in the month (date; passed, rework, rejected)
// and the piece log it came from (the day she logged it, how many). Only her
// own line: another's is not found. Plain HTML (ADR 015).
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LineTrace } from "../components/worker-pay.tsx";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { getPayslip, linePieces } from "../models/payslip.server.ts";
import { MONTH_PATTERN } from "../models/settlement.server.ts";
import styles from "../styles/pay.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { payslipView } from "../utils/pay-view.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const month = params.month ?? "";
  if (!MONTH_PATTERN.test(month)) notFound();
  const own = { workshopId: scope.workshopId, workerId: scope.userId };
  const slip = await getPayslip(own, month, scope.userId);
  const line = slip?.lines.find((l) => l.id === params.lineId && l.kind === "piece");
  if (!slip || !line) notFound();
  const trace = await linePieces(own, line.id);
  if (!trace || trace.month !== month) notFound();
  const view = payslipView(slip, toLocale(user.locale));
  return {
    month,
    monthLabel: view.monthLabel,
    line: view.pieceLines.find((l) => l.id === line.id)!,
    lots: trace.lots.map((l) => ({
      id: l.id,
      checkedOn: l.checkedOn,
      quantity: l.quantity,
      passed: l.passedQuantity,
      rework: l.reworkQuantity,
      rejected: l.rejectedQuantity,
      isRework: l.reworkOfLotId !== null,
      log: l.log ? { loggedOn: l.log.loggedOn, quantity: l.log.quantity } : null,
    })),
  };
}

export default function PayLine() {
  const t = useT();
  const { month, monthLabel, line, lots } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/worker/pay/${month}`}>← {t("pay.worker.backSlip", { month: monthLabel })}</Link>
      </p>
      <section className="card">
        <h1>{line.label || t("pay.pieceLine")}</h1>
        <p className="pay-net-big">
          <span>{t("pay.lineFormula", { pieces: line.pieces, rate: line.rate })}</span>
          <strong>{line.amount}</strong>
        </p>
        <p className="hint">{t("pay.trace.intro", { month: monthLabel })}</p>
      </section>
      <LineTrace lots={lots} />
    </>
  );
}
