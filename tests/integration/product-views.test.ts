// The catalogue's page data (app/utils/product-view.server.ts) for many
// products at once: the product list prices every product right and asks the
// database for rates once, however many products there are (it used to ask
// once per product).
import { expect, test, vi } from "vitest";
import { db, readRows } from "../../app/infra/db.server.ts";
import * as productList from "../../app/routes/coordinator.products._index.tsx";
import { productListView } from "../../app/utils/product-view.server.ts";
import { NOW, TODAY, createTestProduct } from "../support/catalogue-fixtures.ts";
import { callLoader, createWorkshopWithStaff, loginAs } from "../support/fixtures.ts";

// Piece rates are read through the Prisma client or as a hot read (readRows, ADR 015): count both.
vi.mock("../../app/infra/db.server.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../app/infra/db.server.ts")>();
  return { ...real, readRows: vi.fn(real.readRows) };
});

/** Counts the queries of the piece-rate table (client methods and hot reads) while `work` runs. */
async function rateQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const delegate = db().pieceRate;
  const methods = ["findMany", "findFirst", "findUnique", "findFirstOrThrow", "findUniqueOrThrow", "count"] as const;
  const spies = methods.map((m) => vi.spyOn(delegate, m));
  const hotReads = vi.mocked(readRows);
  hotReads.mockClear();
  try {
    const result = await work();
    const hotRateReads = hotReads.mock.calls.filter(([query]) => query.sql.includes('FROM "PieceRate"')).length;
    return { result, queries: spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0) + hotRateReads };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

async function rate(
  workshopId: string,
  productId: string,
  setById: string,
  rateE4: bigint,
  effectiveOn: string,
  processStepId: string | null = null,
) {
  await db().pieceRate.create({
    data: { workshopId, productId, processStepId, rateE4, effectiveOn, reason: "定价", setById },
  });
}

type Kind = "whole" | "replaced" | "step" | "future" | "none";
const KINDS: Kind[] = ["whole", "replaced", "step", "future", "none"];

/** A workshop with `count` products, priced in turn in each of the ways a product can be. */
async function catalogue(count: number) {
  const { workshop, coordinator } = await createWorkshopWithStaff();
  const products: { id: string; kind: Kind; n: number }[] = [];
  for (let n = 0; n < count; n++) {
    const kind = KINDS[n % KINDS.length]!;
    const product = await createTestProduct(workshop.id, { name: `产品 ${String(n).padStart(3, "0")}` });
    const price = BigInt(10_000 + n * 100);
    if (kind === "whole") await rate(workshop.id, product.id, coordinator.id, price, "2026-01-01");
    if (kind === "replaced") {
      // An older version, the one in force today, and one scheduled for later.
      await rate(workshop.id, product.id, coordinator.id, 1n, "2025-06-01");
      await rate(workshop.id, product.id, coordinator.id, price, TODAY);
      await rate(workshop.id, product.id, coordinator.id, 2n, "2026-03-11");
    }
    if (kind === "step") {
      const step = await db().processStep.create({
        data: { workshopId: workshop.id, productId: product.id, name: "包装", sortOrder: 0 },
      });
      await rate(workshop.id, product.id, coordinator.id, price, "2026-02-01", step.id);
    }
    if (kind === "future") await rate(workshop.id, product.id, coordinator.id, price, "2026-03-11");
    products.push({ id: product.id, kind, n });
  }
  return { workshop, coordinator, products };
}

function expectedRate(kind: Kind, n: number) {
  const amount = `¥${(100 + n).toString().replace(/(\d\d)$/, ".$1")}`;
  if (kind === "whole") return { amount, effectiveOn: "2026-01-01" };
  if (kind === "replaced") return { amount, effectiveOn: TODAY };
  return null;
}

test("the product list prices 40 products right with one rate query (not one per product)", async () => {
  const { workshop, products } = await catalogue(40);
  const { result: rows, queries } = await rateQueries(() =>
    productListView(workshop.id, "zh-CN", { includeArchived: false }, NOW),
  );
  expect(queries).toBe(1);
  expect(rows).toHaveLength(40);
  for (const p of products) {
    const row = rows.find((r) => r.id === p.id);
    expect(row, `product ${p.n}`).toBeDefined();
    expect(row?.rate, `product ${p.n} (${p.kind})`).toEqual(expectedRate(p.kind, p.n));
    expect(row?.stepPriced, `product ${p.n} (${p.kind})`).toBe(p.kind === "step");
  }
});

test("the list loader's rate queries do not grow with the number of products", async () => {
  const small = await catalogue(2);
  const large = await catalogue(25);
  const load = async (coordinator: (typeof small)["coordinator"]) => {
    const cookie = await loginAs(coordinator);
    return rateQueries(() => callLoader(productList.loader, "/coordinator/products", cookie));
  };
  const few = await load(small.coordinator);
  const many = await load(large.coordinator);
  expect(few.result.status).toBe(200);
  expect(many.result.status).toBe(200);
  expect((many.result.data as { products: unknown[] }).products).toHaveLength(25);
  expect(many.queries).toBe(few.queries);
  expect(many.queries).toBe(1);
});

test("another workshop's rates never price this workshop's products", async () => {
  const mine = await catalogue(1);
  const theirs = await catalogue(1);
  // A version of their rate table pointing at my product id cannot be made through the app; make it directly.
  await rate(theirs.workshop.id, mine.products[0]!.id, theirs.coordinator.id, 99_000n, "2026-01-01");
  const rows = await productListView(mine.workshop.id, "zh-CN", { includeArchived: false }, NOW);
  expect(rows[0]?.rate).toEqual(expectedRate("whole", 0));
});
