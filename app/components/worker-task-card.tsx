// A task card on the worker's home page: what, how many, by when, at what
// rate; how many she has logged; a big 报工 button to her log page while the
// task is active and has pieces left to log, and, for work she claimed and
// has not logged against, a small link to give it back (ADR 018). No
// JavaScript: every action is a link to a page with its own form (ADR 015).
import { Link } from "@remix-run/react";
import { formatDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { unitText } from "../i18n/units.ts";

export type TaskCardView = {
  id: string;
  productName: string;
  unit: string;
  quantity: number;
  dueOn: string;
  due: "overdue" | "today" | "later";
  source: string;
  active: boolean;
  done: boolean;
  rate: string | null;
  estimate: string | null;
  logged: number;
};

export function TaskCard({ task }: { task: TaskCardView }) {
  const t = useT();
  const locale = useLocale();
  const unit = unitText(t, task.unit);
  const units = unitText(t, task.unit, task.quantity);
  const path = `/worker/tasks/${encodeURIComponent(task.id)}`;
  const canLog = task.active && task.logged < task.quantity;
  const canGiveBack = task.active && task.source === "claimed" && task.logged === 0;
  return (
    <li className={`task-card due-${task.due}${task.done ? " done" : ""}`}>
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
        {t("workerTask.progress", { logged: task.logged, quantity: task.quantity, unit: units })}
      </p>
      {task.estimate ? (
        <p className="task-estimate">
          <strong>{t("worker.task.estimate", { amount: task.estimate })}</strong>
          <span className="hint">{t("worker.task.estimateHint")}</span>
        </p>
      ) : null}
      {canLog || canGiveBack ? (
        <div className="task-actions">
          {canLog ? (
            <Link to={path} className="button primary block task-log">
              {t("workerTask.log")}
            </Link>
          ) : null}
          {canGiveBack ? (
            <Link to={`${path}/give-back`} className="task-give-back">
              {t("workerTask.giveBack")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
