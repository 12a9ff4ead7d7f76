// @vitest-environment jsdom
// Review walk 9: an order's statement (对账单, ADR 023) was served at
// /partner/orders/<id>/statement.csv|.xlsx and /coordinator/orders/<id>/statement.csv|.xlsx
// but no page linked to it. The deliveries card (app/components/order-quality.tsx) now
// offers both downloads once something is delivered, in the page's language.
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";
import { DeliveriesCard } from "../../app/components/order-quality.tsx";
import type { DeliveriesView } from "../../app/utils/order-view.server.ts";

afterEach(cleanup);

const delivered: DeliveriesView = {
  delivered: 6,
  deliverable: 2,
  price: "¥6.80",
  owed: "¥40.80",
  list: [
    { id: "d1", sequence: 1, quantity: 3, deliveredOn: "2026-12-02", note: "", amount: "¥20.40" },
    { id: "d2", sequence: 2, quantity: 3, deliveredOn: "2026-12-02", note: "", amount: "¥20.40" },
  ],
};

async function renderCard(deliveries: DeliveriesView, locale = "zh-CN") {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      Component: () => (
        <DeliveriesCard
          deliveries={deliveries}
          unit="piece"
          notePath={(id) => `/partner/deliveries/${id}`}
          statementPath="/partner/orders/o1/statement"
        />
      ),
    },
  ]);
  render(<Stub initialEntries={["/"]} />);
  await screen.findByRole("heading", { name: locale === "en" ? "Deliveries" : "交付" });
}

test("the partner's deliveries card links the order's statement as Excel and CSV", async () => {
  await renderCard(delivered);
  expect(screen.getByRole("link", { name: "下载对账单（Excel）" }).getAttribute("href")).toBe(
    "/partner/orders/o1/statement.xlsx",
  );
  expect(screen.getByRole("link", { name: "下载对账单（CSV）" }).getAttribute("href")).toBe(
    "/partner/orders/o1/statement.csv",
  );
});

test("in English too", async () => {
  await renderCard(delivered, "en");
  expect(screen.getByRole("link", { name: "Download the statement (Excel)" })).toBeTruthy();
});

test("nothing delivered yet: no statement to download", async () => {
  await renderCard({ ...delivered, delivered: 0, owed: "¥0.00", list: [] });
  expect(screen.queryByRole("link", { name: /对账单/ })).toBeNull();
});
