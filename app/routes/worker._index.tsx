import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OutboxPanel } from "../components/piece-log.tsx";
import { PageNotice } from "../components/notice.tsx";
import { WorkerMonthCard, WorkerMonthLogs } from "../components/worker-month.tsx";
import { TaskCard, type TaskCardView } from "../components/worker-task-card.tsx";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { listWorkerAssignments } from "../models/order.server.ts";
import { getWorkerMonth } from "../models/worker-month.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { dueState, estimateText, rateText } from "../utils/order-view.server.ts";
import { workerMonthView } from "../utils/worker-month-view.server.ts";

export const access = { roles: ["worker"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["worker"]);
  const workshopName = user.workshopName;
  if (workshopName === null) notFound();
  const locale = toLocale(user.locale);
  const now = new Date();
  const [assignments, month] = await Promise.all([listWorkerAssignments(scope, now), getWorkerMonth(scope, now)]);
  return {
    workerId: user.id,
    name: user.name,
    workshopName,
    month: workerMonthView(month, locale),
    tasks: assignments.map((a): TaskCardView => ({
      id: a.id,
      productName: a.productName,
      unit: a.productUnit,
      quantity: a.quantity,
      dueOn: a.dueOn,
      due: dueState(a.dueOn, now),
      source: a.source,
      active: a.status === "active",
      done: a.status === "done",
      rate: rateText(a.rate, locale),
      estimate: estimateText(a.quantity, a.rate, locale),
      logged: a.logged,
    })),
  };
}

export default function WorkerHome() {
  const t = useT();
  const { workerId, name, workshopName, month, tasks } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("worker.greeting", { name })}</h1>
        <p className="muted">{workshopName}</p>
      </section>
      <PageNotice />
      <OutboxPanel workerId={workerId} />
      <WorkerMonthCard month={month} />
      <p>
        <Link to="/worker/pay" className="button block">
          {t("worker.payLink")}
        </Link>
      </p>
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
            {tasks.map((task) => (
              <TaskCard key={task.id} task={task} />
            ))}
          </ul>
        )}
      </section>
      <WorkerMonthLogs month={month} />
    </>
  );
}
