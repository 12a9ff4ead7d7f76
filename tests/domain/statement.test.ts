// The income statement, pure (app/domain/statement.ts, ADR 027): the code is
// 20 symbols of a 32-letter unambiguous alphabet (100 bits), read back whatever
// the case, spaces and hyphens, and nothing else; codes from the crypto RNG
// are uniform and distinct; names and numbers are masked; the period rules;
// and the figures against an integer oracle: the total is the exact BigInt sum
// of the settled months' net, unsettled months left out, settled months
// without a payslip at 0.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { expect, test } from "vitest";
import { addMonths } from "../../app/domain/dates.ts";
import { POLICIES, verifyCounter } from "../../app/domain/login-throttle.ts";
import {
  checkPeriod,
  CODE_ALPHABET,
  CODE_BITS,
  CODE_LENGTH,
  codeFromBytes,
  defaultPeriod,
  formatCode,
  maskName,
  maskPhone,
  monthsFromJson,
  monthsOf,
  monthsToJson,
  parseCode,
  statementFigures,
} from "../../app/domain/statement.ts";

test("the alphabet has 32 distinct symbols without 0, O, 1 or I; a code carries at least 80 bits", () => {
  expect(new Set(CODE_ALPHABET).size).toBe(32);
  expect(CODE_ALPHABET).not.toMatch(/[0O1I]/);
  expect(CODE_BITS).toBe(100);
  expect(CODE_BITS).toBeGreaterThanOrEqual(80);
});

test("codes from the crypto RNG: 20 symbols, printed in groups of four, all distinct, symbols uniform", () => {
  const N = 20_000;
  const codes = Array.from({ length: N }, () => codeFromBytes(randomBytes(CODE_LENGTH)));
  expect(new Set(codes).size).toBe(N);
  const counts = new Map<string, number>();
  const bad = codes.filter(
    (code) =>
      !/^[23456789A-HJ-NP-Z]{20}$/.test(code) ||
      !/^([23456789A-HJ-NP-Z]{4}-){4}[23456789A-HJ-NP-Z]{4}$/.test(formatCode(code)),
  );
  expect(bad).toEqual([]);
  for (const code of codes) for (const c of code) counts.set(c, (counts.get(c) ?? 0) + 1);
  // Chi-square against uniform over 32 symbols (31 degrees of freedom): p = 0.0001 at about 66.6.
  const expected = (N * CODE_LENGTH) / 32;
  let chi = 0;
  for (const c of CODE_ALPHABET) chi += ((counts.get(c) ?? 0) - expected) ** 2 / expected;
  expect(counts.size).toBe(32);
  expect(chi).toBeLessThan(66.6);
  // Every position varies too (no fixed prefix).
  for (let i = 0; i < CODE_LENGTH; i++) expect(new Set(codes.map((c) => c[i])).size).toBe(32);
});

test("every byte maps to one symbol by its low five bits (no bias: 256 is a multiple of 32)", () => {
  const bytes = Uint8Array.from({ length: CODE_LENGTH }, (_, i) => i * 13);
  expect(codeFromBytes(bytes)).toBe([...bytes].map((b) => CODE_ALPHABET[b % 32]).join(""));
  expect(() => codeFromBytes(new Uint8Array(19))).toThrow();
});

test.each([
  ["ABCD-EFGH-JKLM-NPQR-STUV", "ABCDEFGHJKLMNPQRSTUV"],
  ["abcd efgh jklm npqr stuv", "ABCDEFGHJKLMNPQRSTUV"],
  [" ABCDEFGHJKLMNPQRSTUV ", "ABCDEFGHJKLMNPQRSTUV"],
  ["ABCD-EFGH-JKLM-NPQR-STU", null], // too short
  ["ABCD-EFGH-JKLM-NPQR-STUVW", null], // too long
  ["ABCD-EFGH-JKLM-NPQR-STU0", null], // 0 is not in the alphabet
  ["ABCD-EFGH-JKLM-NPQR-STUI", null], // nor I
  ["ABCD/EFGH/JKLM/NPQR/STUV", null],
  ["' OR 1=1 --", null],
  ["", null],
  [123, null],
  [null, null],
])("parseCode(%j) is %j", (text, code) => {
  expect(parseCode(text)).toBe(code);
});

test("a printed code reads back as itself", () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: CODE_LENGTH, maxLength: CODE_LENGTH }), (bytes) => {
      const code = codeFromBytes(bytes);
      expect(parseCode(formatCode(code))).toBe(code);
      expect(parseCode(formatCode(code).toLowerCase())).toBe(code);
    }),
  );
});

test.each([
  ["张秀英", "张*英"],
  ["张英", "张*"],
  ["英", "*"],
  ["欧阳娜娜", "欧**娜"],
  ["Li Wei", "L****i"],
  ["  王芳  ", "王*"],
])("maskName(%s) is %s", (name, masked) => {
  expect(maskName(name)).toBe(masked);
});

test("maskPhone keeps the first three and the last four digits", () => {
  expect(maskPhone("13812345678")).toBe("138****5678");
  expect(maskPhone("123")).toBe("***");
});

test("the default period is the 12 months before the current one", () => {
  expect(defaultPeriod("2026-12")).toEqual({ from: "2025-12", to: "2026-11" });
  expect(monthsOf(defaultPeriod("2026-01"))).toHaveLength(12);
});

test.each([
  [{ from: "2026-01", to: "2026-11" }, null],
  [{ from: "2026-11", to: "2026-11" }, null],
  [{ from: "2024-12", to: "2026-11" }, null], // 24 months
  [{ from: "2024-11", to: "2026-11" }, "tooLong"], // 25
  [{ from: "2026-11", to: "2026-10" }, "fromAfterTo"],
  [{ from: "2026-06", to: "2026-12" }, "notEnded"], // the current month has not ended
  [{ from: "2026-13", to: "2026-11" }, "badMonth"],
  [{ from: "2026-1", to: "2026-11" }, "badMonth"],
])("checkPeriod(%j) in 2026-12 is %s", (period, refusal) => {
  expect(checkPeriod(period, "2026-12")).toBe(refusal);
});

test("the figures equal an integer oracle: settled months only, 0 without a payslip, the exact sum", () => {
  const month = fc.integer({ min: 0, max: 23 });
  fc.assert(
    fc.property(
      fc.uniqueArray(month, { maxLength: 24 }),
      fc.dictionary(month.map(String), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { maxKeys: 24 }),
      fc.integer({ min: 1, max: 24 }),
      (settledIdx, netsByIdx, length) => {
        const from = "2024-12";
        const period = { from, to: addMonths(from, length - 1) };
        const settled = new Set(settledIdx.map((i) => addMonths(from, i)));
        const nets = new Map(Object.entries(netsByIdx).map(([i, v]) => [addMonths(from, Number(i)), v]));
        const figures = statementFigures(period, settled, nets);
        // Oracle: walk the period's month indexes.
        let total = 0n;
        const stated: string[] = [];
        const left: string[] = [];
        for (let i = 0; i < length; i++) {
          const m = addMonths(from, i);
          if (settled.has(m)) {
            stated.push(m);
            total += nets.get(m) ?? 0n;
          } else left.push(m);
        }
        expect(figures.totalFen).toBe(total);
        expect(figures.months.map((m) => m.month)).toEqual(stated);
        expect(figures.unsettled).toEqual(left);
        for (const m of figures.months) {
          expect(m.netFen).toBe(nets.get(m.month) ?? 0n);
          expect(m.hasPayslip).toBe(nets.has(m.month));
        }
        expect(monthsFromJson(monthsToJson(figures.months))).toEqual(figures.months);
      },
    ),
  );
});

test("verify lookups are counted per client (an IPv4 address, an IPv6 /64): 30 misses in 15 minutes, then 15 minutes locked", () => {
  expect(verifyCounter("10.0.0.9")).toEqual({ key: "verify:10.0.0.9", kind: "verify" });
  expect(verifyCounter("::ffff:10.0.0.9")).toEqual({ key: "verify:10.0.0.9", kind: "verify" });
  expect(verifyCounter("2001:db8::1")).toEqual({ key: "verify:2001:db8:0:0::/64", kind: "verify" });
  expect(POLICIES.verify).toEqual({ maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });
});
