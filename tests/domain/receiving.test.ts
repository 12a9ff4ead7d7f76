// The rules of a receipt (app/domain/receiving.ts, ADR 019): a count is 0..logged
// and a difference needs a reason; what a receipt and a correction do to the
// assignment's logged pieces; where a label's address leads each viewer.
import fc from "fast-check";
import { expect, test } from "vitest";
import {
  checkCount,
  correctionPieces,
  labelDestination,
  labelPath,
  labelUrl,
  piecesReleasedOnReceipt,
} from "../../app/domain/receiving.ts";

test.each([
  [30, 30, "", { ok: true }],
  [30, 30, "不需要原因也可以写", { ok: true }],
  [30, 28, "2 件破损", { ok: true }],
  [30, 0, "没有带来", { ok: true }],
  [0, 0, "", { ok: true }],
  [30, 28, "", { ok: false, code: "reasonRequired" }],
  [30, 28, "   ", { ok: false, code: "reasonRequired" }],
  [30, 0, "", { ok: false, code: "reasonRequired" }],
  [30, 31, "多一件", { ok: false, code: "countAboveLogged" }],
  [30, 31, "", { ok: false, code: "countAboveLogged" }],
] as const)("logged %i, counted %i, reason %j → %j", (logged, counted, reason, expected) => {
  expect(checkCount(logged, counted, reason)).toEqual(expected);
});

test.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])("a count of %d is a programming error", (n) => {
  expect(() => checkCount(30, n, "x")).toThrow(RangeError);
  expect(() => checkCount(n, 0, "x")).toThrow(RangeError);
});

test("a receipt gives back exactly the pieces not counted; a correction moves exactly the change, one way", () => {
  fc.assert(
    fc.property(fc.nat(100_000), fc.nat(100_000), fc.nat(100_000), (a, b, c) => {
      const [counted, logged] = a <= b ? [a, b] : [b, a];
      expect(piecesReleasedOnReceipt(logged, counted)).toBe(logged - counted);
      // A receipt leaves on the assignment exactly what was counted.
      expect(logged - piecesReleasedOnReceipt(logged, counted)).toBe(counted);
      const { take, release } = correctionPieces(counted, c);
      expect(take === 0 || release === 0).toBe(true);
      expect(counted + take - release).toBe(c);
    }),
  );
  expect(() => piecesReleasedOnReceipt(5, 6)).toThrow(RangeError);
});

test("a label's address is /l/<id> on the request's own site", () => {
  expect(labelPath("cmabc123")).toBe("/l/cmabc123");
  expect(labelUrl("https://qiaoshou.example.cn", "cmabc123")).toBe("https://qiaoshou.example.cn/l/cmabc123");
  expect(labelUrl("http://127.0.0.1:3000/whatever?x=1", "cm1")).toBe("http://127.0.0.1:3000/l/cm1");
  // An id is a path segment, never more.
  expect(labelPath("a/../b")).toBe("/l/a%2F..%2Fb");
});

test("a label leads its worker to her log page and a coordinator of the workshop to the receiving page, nobody else anywhere", () => {
  const assignment = { id: "as1", workshopId: "w1", workerId: "u1" };
  expect(labelDestination({ role: "worker", userId: "u1", workshopId: "w1" }, assignment)).toBe("/worker/tasks/as1");
  expect(labelDestination({ role: "coordinator", userId: "c1", workshopId: "w1" }, assignment)).toBe(
    "/coordinator/receiving/as1",
  );
  expect(labelDestination({ role: "worker", userId: "u2", workshopId: "w1" }, assignment)).toBeNull();
  expect(labelDestination({ role: "coordinator", userId: "c2", workshopId: "w2" }, assignment)).toBeNull();
  expect(labelDestination({ role: "worker", userId: "u1", workshopId: "w2" }, assignment)).toBeNull();
  expect(labelDestination({ role: "partner", userId: "p1", workshopId: "w1" }, assignment)).toBeNull();
  expect(labelDestination({ role: "admin", userId: "a1" }, assignment)).toBeNull();
});
