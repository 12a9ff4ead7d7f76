// @vitest-environment jsdom
// The success-notice convention's browser side (app/components/notice.tsx): a
// notice shows once, with role="status", on the page the action led to; it is
// gone after the next link (the root data that carried it is not reloaded on a
// link); a section shows only its own notices; unit codes read as words. And
// what comes back from the cookie is checked before it is shown.
import { createRemixStub } from "@remix-run/testing";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";
import { NoticeProvider, PageNotice } from "../../app/components/notice.tsx";
import { toNotice, type Notice } from "../../app/i18n/notice.ts";

afterEach(cleanup);

function app(notice: Notice | null, locale = "zh-CN") {
  function Root() {
    const data = useLoaderData<{ notice: Notice | null }>();
    return (
      <NoticeProvider notice={data.notice}>
        <Outlet />
      </NoticeProvider>
    );
  }
  function Page({ name }: { name: string }) {
    return (
      <main>
        <h1>{name}</h1>
        <PageNotice />
        <section aria-label="bom">
          <PageNotice at="bom" />
        </section>
        <Link to="/b">next</Link>
      </main>
    );
  }
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale, notice }),
      Component: Root,
      children: [
        { path: "a", Component: () => <Page name="A" /> },
        { path: "b", Component: () => <Page name="B" /> },
      ],
    },
  ]);
  return render(<Stub initialEntries={["/a"]} />);
}

test("a notice shows once with role=status, and is gone after the next link", async () => {
  app({ id: "n1", key: "workers.created", params: { name: "张秀英" } });
  expect(await screen.findByRole("status")).toHaveProperty("textContent", "已为 张秀英 创建账号。");
  await act(async () => {
    screen.getByRole("link", { name: "next" }).click();
  });
  await screen.findByRole("heading", { name: "B" });
  expect(screen.queryByRole("status")).toBeNull();
});

test("a notice for a section shows there and not at the top", async () => {
  app({ id: "n2", key: "products.bomSaved", at: "bom" });
  const status = await screen.findByRole("status");
  expect(status.parentElement?.getAttribute("aria-label")).toBe("bom");
  expect(screen.getAllByRole("status")).toHaveLength(1);
});

test("a unit code reads as its word, plural in English; a note follows as a caution inside the same status", async () => {
  app({ id: "n3", key: "orders.pool.opened", params: { n: 100, unit: "piece" } }, "en");
  expect((await screen.findByRole("status")).textContent).toBe("100 pieces opened for claiming.");
  cleanup();
  app({ id: "n4", key: "rates.created", note: "rates.savedBelowFair" });
  const status = await screen.findByRole("status");
  expect(status.textContent).toContain("新单价已保存。");
  expect(status.querySelector(".alert.warn")?.textContent).toContain("低于公平标准");
});

test("no notice, no status element", async () => {
  app(null);
  await screen.findByRole("heading", { name: "A" });
  expect(screen.queryByRole("status")).toBeNull();
});

test("toNotice accepts what redirectWithNotice writes and refuses anything else", () => {
  expect(toNotice({ id: "x1", key: "settings.saved" })).toEqual({ id: "x1", key: "settings.saved" });
  expect(
    toNotice({ id: "x2", key: "claim.claimed", params: { n: 3, unit: "box", product: "玫瑰礼盒" }, at: "top" }),
  ).toEqual({ id: "x2", key: "claim.claimed", params: { n: 3, unit: "box", product: "玫瑰礼盒" }, at: "top" });
  for (const bad of [
    null,
    "settings.saved",
    { key: "settings.saved" },
    { id: "x", key: "no.such.key" },
    { id: "x", key: "settings.saved", note: "no.such.key" },
    { id: "x", key: "settings.saved", params: { name: "x".repeat(201) } },
    { id: "x", key: "settings.saved", params: { n: Number.NaN } },
    { id: "x", key: "settings.saved", params: { nested: { a: 1 } } },
    { id: "x", key: "settings.saved", at: 5 },
  ]) {
    expect(toNotice(bad), JSON.stringify(bad)).toBeNull();
  }
});
