// @vitest-environment jsdom
// The notices list (app/components/notices.tsx, ADR 026) words each notice in the reader's
// language: a month stored as YYYY-MM reads as the pages write months, "2026年10月" in Chinese
// and "October 2026" in English, never "2026-10" (review of issue 10).
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";
import { NoticeList, noticeSentence, type NoticeView } from "../../app/components/notices.tsx";
import { translator } from "../../app/i18n/index.ts";

afterEach(cleanup);

const at = "2026-11-15T04:00:00.000Z";
const NOTICES: NoticeView[] = [
  { id: 4, kind: "payslip.ready", params: { month: "2026-10" }, unread: true, at },
  { id: 3, kind: "query.answered", params: { month: "2026-09" }, unread: false, at },
  { id: 2, kind: "query.raised", params: { worker: "张秀英", month: "2026-01" }, unread: false, at },
  { id: 1, kind: "lot.received", params: { product: "手工皂", n: 12 }, unread: false, at },
];

async function renderList(locale: "zh-CN" | "en") {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      Component: () => <NoticeList notices={NOTICES} unread={1} shown={50} />,
    },
  ]);
  render(<Stub initialEntries={["/"]} />);
  return (await screen.findAllByRole("link")).map((a) => a.textContent?.replace(/\s+/g, " ").trim());
}

test("in Chinese the list shows months as 2026年10月", async () => {
  expect(await renderList("zh-CN")).toEqual([
    "未读 2026年10月 的工资条出来了",
    "您对 2026年9月 工资的疑问有回复了",
    "张秀英 对 2026年1月 工资有疑问",
    "已收货：手工皂，点收 12 件",
  ]);
});

test("in English the list shows months as October 2026", async () => {
  expect(await renderList("en")).toEqual([
    "New Your payslip for October 2026 is ready",
    "Your question about September 2026 pay has an answer",
    "张秀英 has a question about January 2026 pay",
    "Received: 手工皂, 12 pieces counted",
  ]);
});

test("a month param that is not a month is shown as stored, never failing the list", () => {
  const t = translator("en");
  expect(noticeSentence(t, "en", { kind: "payslip.ready", params: { month: "2026-13" } })).toBe(
    "Your payslip for 2026-13 is ready",
  );
  expect(noticeSentence(t, "en", { kind: "payslip.ready", params: {} })).toBe("Your payslip for {month} is ready");
});
