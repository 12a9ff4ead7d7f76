// One assignment 派工 for the coordinator (ADR 018): its facts; reduce it,
// reassign its unlogged pieces, cancel it (after a confirmation step,
// ?cancel=confirm, which names the material she still holds); hand material out
// 发料 and take it back 退料 against it;
// its reconciliation 对账 and the deduction 扣款 decisions. Forms are told apart
// by a hidden `intent`; each takes effect once per submission key (ADR 010).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import {
  AssignmentFacts,
  CancelConfirm,
  ChangeForms,
  MaterialMoveForm,
  type AssignmentView,
} from "../components/assignment-parts.tsx";
import { type ActionResult } from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { DeductionForm, HeldTable, ReconciliationCards } from "../components/stock.tsx";
import { unitText } from "../i18n/units.ts";
import { chinaDate } from "../domain/dates.ts";
import { useT } from "../i18n/use-t.ts";
import { toLocale } from "../i18n/locales.ts";
import { getWorkshopAssignment, unloggedOf } from "../models/assignment.server.ts";
import { assignmentBomSnapshot, assignmentMaterials, materialsToHandOut } from "../models/material-stock.server.ts";
import { assignmentReconciliation } from "../models/reconciliation.server.ts";
import { newSubmissionKey } from "../models/submission.server.ts";
import { listWorkers } from "../models/user.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { readFormData } from "../utils/forms.server.ts";
import { assignmentAction } from "../utils/assignment-actions.server.ts";
import { defaultDeductionMonth, quantityText, reconciliationView } from "../utils/stock-view.server.ts";
import { translator } from "../i18n/index.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const locale = toLocale(user.locale);
  const t = translator(locale);
  const a = await getWorkshopAssignment(scope.workshopId, params.assignmentId ?? "");
  if (!a) notFound();
  const active = a.status === "active";
  const [held, snapshot, choices, workers, reconciliation] = await Promise.all([
    assignmentMaterials(scope.workshopId, a.id),
    assignmentBomSnapshot(scope.workshopId, a.id),
    active ? materialsToHandOut(scope.workshopId, a.productId) : Promise.resolve([]),
    active && a.orderStatus === "accepted" ? listWorkers(scope.workshopId) : Promise.resolve([]),
    assignmentReconciliation(scope.workshopId, a.id),
  ]);
  const now = new Date();
  const view: AssignmentView = {
    id: a.id,
    orderId: a.orderId,
    productName: a.productName,
    unit: a.productUnit,
    workerName: a.workerName,
    quantity: a.quantity,
    logged: a.loggedQuantity,
    unlogged: unloggedOf(a),
    dueOn: a.dueOn,
    orderDueOn: a.orderDueOn,
    source: a.source,
    status: a.status,
    place: a.source === "claimed" ? "pool" : "order",
  };
  const rows = reconciliationView(reconciliation, locale);
  return {
    today: chinaDate(now),
    month: defaultDeductionMonth(now),
    assignment: view,
    keys: {
      reduce: newSubmissionKey(),
      reassign: newSubmissionKey(),
      cancel: newSubmissionKey(),
      issue: newSubmissionKey(),
      return: newSubmissionKey(),
      deduct: Object.fromEntries(rows.map((r) => [r.materialId, newSubmissionKey()])),
    },
    workers: workers
      .filter((w) => w.active && w.id !== a.workerId)
      .map((w) => ({ id: w.id, name: w.name, phoneTail: w.phone.slice(-4) })),
    issueOptions: choices.map((m) => ({
      value: m.id,
      unit: m.unit,
      label: t(m.inBom ? "materialMove.stockOptionBom" : "materialMove.stockOption", {
        name: m.name,
        q: quantityText(m.onHandE3, locale),
        unit: unitText(t, m.unit),
      }),
    })),
    returnOptions: held
      .filter((h) => h.heldE3 > 0n)
      .map((h) => ({
        value: h.materialId,
        unit: h.unit,
        label: t("materialMove.heldOption", {
          name: h.materialName,
          q: quantityText(h.heldE3, locale),
          unit: unitText(t, h.unit),
        }),
      })),
    holding: held
      .filter((h) => h.heldE3 > 0n)
      .map((h) => ({
        materialId: h.materialId,
        name: h.materialName,
        q: quantityText(h.heldE3, locale),
        unit: h.unit,
      })),
    held: held.map((h) => ({
      key: h.materialId,
      materialName: h.materialName,
      unit: h.unit,
      issued: quantityText(h.issuedE3, locale),
      returned: quantityText(h.returnedE3, locale),
      held: quantityText(h.heldE3, locale),
    })),
    snapshot: snapshot.map((l) => ({
      materialId: l.materialId,
      name: l.materialName,
      perPiece: t("materialMove.perPiece", { q: quantityText(l.perPieceE3, locale), unit: unitText(t, l.unit) }),
    })),
    reconciliation: rows,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const formData = await readFormData(request);
  return assignmentAction(scope, user.locale, params.assignmentId ?? "", formData);
}

export default function CoordinatorAssignment() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { assignment: a, keys } = data;
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // A new page (after a success) gets empty forms: the same material is not handed out twice by a second click.
  const { key } = useLocation();
  const forIntent = (intent: string): ActionResult | undefined =>
    actionData?.values?.intent === intent ? actionData : undefined;
  const active = a.status === "active";
  const confirmingCancel =
    active && a.unlogged > 0 && (searchParams.get("cancel") === "confirm" || !!forIntent("cancel"));
  return (
    <>
      <p>
        <Link to={`/coordinator/orders/${a.orderId}`}>← {t("assignment.backToOrder")}</Link>
      </p>
      <h1>
        {t("assignment.title", { worker: a.workerName, product: a.productName })}{" "}
        <span className={`tag status-${a.status}`}>
          {t(`assignments.status.${a.status === "done" || a.status === "cancelled" ? a.status : "active"}`)}
        </span>
      </h1>
      <PageNotice />
      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t("assignment.facts")}</h2>
        <AssignmentFacts a={a} />
      </section>

      {confirmingCancel ? (
        <CancelConfirm
          key={key}
          a={a}
          holding={data.holding}
          submissionKey={keys.cancel}
          result={forIntent("cancel")}
        />
      ) : (
        <section className="card" aria-labelledby="change-heading">
          <h2 id="change-heading">{t("assignment.change")}</h2>
          <PageNotice at="change" />
          {!active ? (
            <p className="muted">{t("assignment.notActive")}</p>
          ) : a.unlogged === 0 ? (
            <p className="muted">
              {t("assignment.allLoggedHint", { n: a.quantity, unit: unitText(t, a.unit, a.quantity) })}
            </p>
          ) : (
            <ChangeForms
              key={key}
              a={a}
              today={data.today}
              workers={data.workers}
              holding={data.holding}
              keys={keys}
              results={{ reduce: forIntent("reduce"), reassign: forIntent("reassign") }}
            />
          )}
        </section>
      )}

      <section className="card" id="materials" aria-labelledby="materials-heading">
        <h2 id="materials-heading">{t("materialMove.title")}</h2>
        <PageNotice at="materials" />
        {data.held.length === 0 ? <p className="empty">{t("materialMove.none")}</p> : <HeldTable rows={data.held} />}
        {data.snapshot.length > 0 ? (
          <div className="snapshot">
            <h3>{t("materialMove.snapshot")}</h3>
            <ul className="snapshot-list">
              {data.snapshot.map((l) => (
                <li key={l.materialId}>
                  {l.name} <span className="muted">{l.perPiece}</span>
                </li>
              ))}
            </ul>
            <p className="hint">{t("materialMove.snapshotHint")}</p>
          </div>
        ) : null}
        <div className="form-columns">
          {active ? (
            data.issueOptions.length === 0 ? (
              <p className="empty">{t("materialMove.noMaterials")}</p>
            ) : (
              <MaterialMoveForm
                key={`issue-${key}`}
                intent="issue"
                title={t("materialMove.handOut")}
                submit={t("materialMove.handOut")}
                options={data.issueOptions}
                submissionKey={keys.issue}
                result={forIntent("issue")}
              />
            )
          ) : null}
          {data.returnOptions.length > 0 || forIntent("return") ? (
            <MaterialMoveForm
              key={`return-${key}`}
              intent="return"
              title={t("materialMove.return")}
              submit={t("materialMove.return")}
              options={data.returnOptions}
              submissionKey={keys.return}
              result={forIntent("return")}
            />
          ) : null}
        </div>
      </section>

      <section className="card" id="reconciliation" aria-labelledby="reconciliation-heading">
        <h2 id="reconciliation-heading">{t("reconciliation.title")}</h2>
        <PageNotice at="reconciliation" />
        {data.reconciliation.length === 0 ? (
          <p className="empty">{t("reconciliation.none")}</p>
        ) : (
          <ReconciliationCards rows={data.reconciliation}>
            {(row) =>
              row.canDeduct || row.deduction ? (
                <DeductionForm
                  key={`${row.key}-${key}`}
                  row={row}
                  submissionKey={keys.deduct[row.materialId] ?? ""}
                  month={data.month}
                  result={forIntent("deduct")?.values?.materialId === row.materialId ? forIntent("deduct") : undefined}
                />
              ) : null
            }
          </ReconciliationCards>
        )}
      </section>
    </>
  );
}
