import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageNotice } from "../components/notice.tsx";
import { unitText } from "../components/units.ts";
import { formatDate } from "../i18n/format.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { listWorkerAssignments } from "../models/order.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { dueState, estimateText, rateText } from "../utils/order-view.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const workshopName = user.workshopName;
  if (workshopName === null) notFound();
  const locale = toLocale(user.locale);
  const now = new Date();
  const assignments = await listWorkerAssignments(scope, now);
  return {
    name: user.name,
    workshopName,
    tasks: assignments.map((a) => ({
      id: a.id,
      productName: a.productName,
      unit: a.productUnit,
      quantity: a.quantity,
      dueOn: a.dueOn,
      due: dueState(a.dueOn, now),
      source: a.source,
      done: a.status === "done",
      rate: rateText(a.rate, locale),
      estimate: estimateText(a.quantity, a.rate, locale),
      logged: a.logged,
      passed: a.passed,
    })),
  };
}

export default function WorkerHome() {
  const t = useT();
  const locale = useLocale();
  const { name, workshopName, tasks } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("worker.greeting", { name })}</h1>
        <p className="muted">{workshopName}</p>
      </section>
      <PageNotice />
      <section className="card">
        <h2>{t("worker.earnings")}</h2>
        <p className="muted">{t("worker.earningsPending")}</p>
      </section>
      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" className="section-title">
          {t("worker.tasks")}
        </h2>
        {tasks.length === 0 ? (
          <div className="card">
            <p className="empty">{t("worker.noTasks")}</p>
            <Link to="/worker/claim" className="button primary block">
              {t("worker.findWork")}
            </Link>
          </div>
        ) : (
          <ul className="task-list">
            {tasks.map((task) => {
              const unit = unitText(t, task.unit);
              const units = unitText(t, task.unit, task.quantity);
              return (
                <li key={task.id} className={`task-card due-${task.due}${task.done ? " done" : ""}`}>
                  <h3 className="task-product">
                    {task.productName}
                    {task.source === "claimed" ? <span className="tag">{t("worker.task.claimed")}</span> : null}
                  </h3>
                  <p className="task-quantity">{t("orders.quantityOf", { n: task.quantity, unit: units })}</p>
                  <p className="task-due">
                    {task.done ? (
                      <span className="badge ok">{t("worker.task.done")}</span>
                    ) : task.due === "overdue" ? (
                      <span className="badge bad">{t("worker.task.overdue")}</span>
                    ) : task.due === "today" ? (
                      <span className="badge warn">{t("worker.task.today")}</span>
                    ) : null}{" "}
                    {t("worker.task.due", { date: formatDate(task.dueOn, locale) })}
                  </p>
                  <p className="task-rate">
                    {task.rate ? t("worker.task.rate", { unit, rate: task.rate }) : t("worker.task.noRate")}
                  </p>
                  <p className="task-progress">
                    {t("worker.task.progress", { logged: task.logged, passed: task.passed, quantity: task.quantity })}
                  </p>
                  {task.estimate ? (
                    <p className="task-estimate">
                      <strong>{t("worker.task.estimate", { amount: task.estimate })}</strong>
                      <span className="hint">{t("worker.task.estimateHint")}</span>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
