// How an order's pieces stand (app/domain/orders.ts): four figures that add up
// to the quantity, and one true sentence about them. The order page once said
// 已全部分派 ("everything has been given out") while 100 pieces waited in the
// claim pool, and counted claimed pieces as assigned.
import fc from "fast-check";
import { expect, test } from "vitest";
import {
  givingOut,
  givingOutState,
  hasProgress,
  ORDER_STATUSES,
  type GivingOutState,
} from "../../app/domain/orders.ts";

const cases: [string, Parameters<typeof givingOut>[0], ReturnType<typeof givingOut>, GivingOutState][] = [
  [
    "nothing given out",
    { quantity: 500, allocatedQuantity: 0, openQuantity: 0, claimedQuantity: 0 },
    { assigned: 0, claimed: 0, open: 0, notGivenOut: 500 },
    "partly",
  ],
  [
    "400 assigned, 100 opened, none claimed: all given out, 100 wait in the pool",
    { quantity: 500, allocatedQuantity: 500, openQuantity: 100, claimedQuantity: 0 },
    { assigned: 400, claimed: 0, open: 100, notGivenOut: 0 },
    "waitingInPool",
  ],
  [
    "then 60 claimed: 40 still wait",
    { quantity: 500, allocatedQuantity: 500, openQuantity: 40, claimedQuantity: 60 },
    { assigned: 400, claimed: 60, open: 40, notGivenOut: 0 },
    "waitingInPool",
  ],
  [
    "all 100 claimed: every piece is with a worker",
    { quantity: 500, allocatedQuantity: 500, openQuantity: 0, claimedQuantity: 100 },
    { assigned: 400, claimed: 100, open: 0, notGivenOut: 0 },
    "allWithWorkers",
  ],
  [
    "30 assigned, 50 opened, 25 claimed, 20 not given out",
    { quantity: 100, allocatedQuantity: 80, openQuantity: 25, claimedQuantity: 25 },
    { assigned: 30, claimed: 25, open: 25, notGivenOut: 20 },
    "partly",
  ],
];

test.each(cases)("%s", (_name, counts, figures, state) => {
  expect(givingOut(counts)).toEqual(figures);
  expect(givingOutState(givingOut(counts))).toBe(state);
});

test("the four figures always add up to the quantity, and the sentence says 'all with workers' only when nothing is open or left", () => {
  const order = fc
    .record({ assigned: fc.nat(1000), claimed: fc.nat(1000), open: fc.nat(1000), left: fc.nat(1000) })
    .map(({ assigned, claimed, open, left }) => ({
      quantity: assigned + claimed + open + left,
      allocatedQuantity: assigned + claimed + open,
      openQuantity: open,
      claimedQuantity: claimed,
    }));
  fc.assert(
    fc.property(order, (counts) => {
      const f = givingOut(counts);
      expect(f.assigned + f.claimed + f.open + f.notGivenOut).toBe(counts.quantity);
      expect(f.claimed).toBe(counts.claimedQuantity);
      expect(givingOutState(f) === "allWithWorkers").toBe(f.open === 0 && f.notGivenOut === 0);
      expect(givingOutState(f) === "partly").toBe(f.notGivenOut > 0);
    }),
  );
});

test("only accepted and completed orders have progress to show", () => {
  expect(ORDER_STATUSES.filter(hasProgress)).toEqual(["accepted", "completed"]);
});
