// @vitest-environment jsdom
// Review walk 9: the payslip's tax line (app/components/payslip.tsx). Where the
// workshop does not withhold, the payslip says so in words and shows no
// "−¥0.00" amount (a minus zero read as a charge); where it withholds, a month
// with no tax shows ¥0.00 without a minus and a month with tax shows −¥x.xx.
// The net is the figure it was.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";
import { PayslipLines } from "../../app/components/payslip.tsx";
import type { PayslipView } from "../../app/utils/pay-view.server.ts";

afterEach(cleanup);

function slip(overrides: Partial<PayslipView>): PayslipView {
  return {
    id: "s1",
    workerId: "w1",
    month: "2026-10",
    monthLabel: "2026年10月",
    pieceLines: [{ id: "l1", label: "薰衣草手工皂 100g", pieces: 140, rate: "¥2.50", amount: "¥350.00" }],
    bonuses: [],
    corrections: [],
    charges: [],
    pay: "¥350.00",
    remuneration: "¥350.00",
    tax: "¥0.00",
    taxNone: true,
    withheld: false,
    chargesTotal: "¥0.00",
    net: "¥350.00",
    negative: false,
    acknowledgedAt: null,
    queries: [],
    ...overrides,
  } as PayslipView;
}

async function renderSlip(view: PayslipView, locale = "zh-CN") {
  const Stub = createRemixStub([
    { id: "root", path: "/", loader: () => ({ locale }), Component: () => <PayslipLines slip={view} /> },
  ]);
  render(<Stub initialEntries={["/"]} />);
  return screen.findByRole("table");
}

test("a workshop that does not withhold: the payslip says so in words, with no −¥0.00 line; the net is unchanged", async () => {
  const table = await renderSlip(slip({}));
  const text = table.textContent ?? "";
  expect(text).not.toMatch(/[−-]¥0\.00/);
  expect(screen.getByRole("rowheader", { name: "个税：本工坊不代扣" })).toBeTruthy();
  expect(screen.queryByRole("rowheader", { name: "代扣个税（劳务报酬）" })).toBeNull();
  expect(screen.getByRole("rowheader", { name: "实发" }).nextElementSibling?.textContent).toBe("¥350.00");
});

test("the same in English", async () => {
  const table = await renderSlip(slip({ tax: "CN¥0.00", net: "CN¥350.00" }), "en");
  expect(table.textContent).not.toMatch(/[−-]CN¥0\.00/);
  expect(screen.getByRole("rowheader", { name: "Tax: not withheld by this workshop" })).toBeTruthy();
});

test("a workshop that withholds: no tax this month reads ¥0.00 (no minus), tax reads −¥x.xx", async () => {
  await renderSlip(slip({ withheld: true }));
  expect(screen.getByRole("rowheader", { name: "代扣个税（劳务报酬）" }).nextElementSibling?.textContent).toBe("¥0.00");
  cleanup();
  await renderSlip(slip({ withheld: true, taxNone: false, tax: "¥64.00", net: "¥1,136.00" }));
  expect(screen.getByRole("rowheader", { name: "代扣个税（劳务报酬）" }).nextElementSibling?.textContent).toBe(
    "−¥64.00",
  );
});
