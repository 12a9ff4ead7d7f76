// Review walk 9 (issue 9's pages attacked as a first-time user): what a
// coordinator could do to the pay month by typing an address or a form by hand,
// answered in words with nothing changed.
// - A bonus or correction for a month that has not begun (9999-12, next month)
//   was stored with a success notice, in a month never settled: the bonus lost.
//   Now refused (400, pay.adjustFuture), no row written; this month still takes one.
// - The notices after a bonus or a settle showed the bare figure ("实发合计 ¥1275.00",
//   a correction "¥-5.00"): now formatted as on the page (¥1,275.00, -¥5.00).
import { expect, test } from "vitest";
import { addMonths, chinaMonth } from "../../app/domain/dates.ts";
import { parseMsg } from "../../app/forms/fields.ts";
import { translate } from "../../app/i18n/index.ts";
import { db } from "../../app/infra/db.server.ts";
import * as monthPage from "../../app/routes/coordinator.pay.$month.tsx";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { createOrderWorld } from "../support/catalogue-fixtures.ts";
import { callAction, location, loginAs, noticeOf } from "../support/fixtures.ts";

type Failure = { ok: false; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };

function bonusFor(cookie: string, month: string, workerId: string) {
  return callAction(
    monthPage.action,
    `/coordinator/pay/${month}`,
    {
      intent: "adjust",
      submissionKey: newSubmissionKey(),
      workerId,
      kind: "bonus",
      amount: "50",
      reason: "全勤奖",
      correctsMonth: "",
    },
    cookie,
    { params: { month } },
  );
}

test("a bonus for a month that has not begun is refused in words and nothing is written; this month still takes one", async () => {
  const world = await createOrderWorld();
  const coordinator = await loginAs(world.coordinator);
  const worker = world.workers[0]!;
  const thisMonth = chinaMonth(new Date());
  for (const month of [addMonths(thisMonth, 1), "9999-12"]) {
    const answer = await bonusFor(coordinator, month, worker.id);
    expect(answer.status, month).toBe(400);
    const failure = answer.data as Failure;
    expect(parseMsg(failure.formError!).key).toBe("pay.adjustFuture");
    expect(translate("zh-CN", "pay.adjustFuture")).toMatch(/还没到/);
    expect(failure.values).toMatchObject({ amount: "50", reason: "全勤奖" });
  }
  expect(await db().payAdjustment.count({ where: { workerId: worker.id } })).toBe(0);

  const accepted = await bonusFor(coordinator, thisMonth, worker.id);
  expect(accepted.status).toBe(302);
  expect(location(accepted)).toBe(`/coordinator/pay/${thisMonth}`);
  expect(await db().payAdjustment.count({ where: { workerId: worker.id, month: thisMonth } })).toBe(1);
});

test("the bonus notice shows the amount as the page does (¥1,200.00), not the bare 1200.00", async () => {
  const world = await createOrderWorld();
  const coordinator = await loginAs(world.coordinator);
  const worker = world.workers[0]!;
  const month = chinaMonth(new Date());
  const answer = await callAction(
    monthPage.action,
    `/coordinator/pay/${month}`,
    {
      intent: "adjust",
      submissionKey: newSubmissionKey(),
      workerId: worker.id,
      kind: "bonus",
      amount: "1200",
      reason: "年终奖",
      correctsMonth: "",
    },
    coordinator,
    { params: { month } },
  );
  expect(answer.status).toBe(302);
  const notice = await noticeOf(answer, coordinator);
  expect(notice).toMatchObject({ key: "pay.bonusAdded", params: { amount: "¥1,200.00" } });
  expect(translate("zh-CN", "pay.bonusAdded", notice!.params)).toBe(`已为 ${worker.name} 添加奖励 ¥1,200.00。`);
});
