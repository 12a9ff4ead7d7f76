import { test, expect } from "vitest";
import fc from "fast-check";
import {
  AMOUNT_SCALE,
  MAX_AMOUNT_TEXT,
  MAX_PIECE_COUNT,
  MAX_QUANTITY_TEXT,
  MAX_RATE_TEXT,
  QUANTITY_SCALE,
  RATE_SCALE,
  addAmounts,
  amountFromMinor,
  amountFromString,
  amountToMinor,
  amountToString,
  compareAmounts,
  exactLineValue,
  formatAmount,
  formatQuantity,
  formatRate,
  impliedHourlyPay,
  isNegativeAmount,
  isZeroAmount,
  lineAmount,
  negateAmount,
  parseAmount,
  parsePieceCount,
  parseQuantity,
  parseRate,
  percentOfAmount,
  quantityFromMinor,
  quantityFromString,
  quantityToMinor,
  quantityToString,
  rateFromMinor,
  rateFromString,
  rateToMinor,
  rateToString,
  subtractAmounts,
  sumAmounts,
  zeroAmount,
  type Amount,
  type MoneyInputError,
  type MoneyLocale,
  type ParseResult,
} from "../../app/domain/money";

// ---------------------------------------------------------------------------
// Independent oracle: native BigInt integer arithmetic only (no decimal.js).

const MAX_AMOUNT_MINOR = 99_999_999_999_999n; // 999,999,999,999.99 yuan in fen
const MAX_RATE_MINOR = 99_999_999n; // 9,999.9999 yuan in 0.0001
const MAX_QUANTITY_MINOR = 9_999_999_999n; // 9,999,999.999 in 0.001
const MAX_COUNT = 10_000_000;

const RUNS = 3000;
const LOCALES: readonly MoneyLocale[] = ["zh-CN", "en"];

/** Plain text of minor units at a scale, built with BigInt division. */
function oracleText(minor: bigint, scale: number): string {
  const unit = 10n ** BigInt(scale);
  const abs = minor < 0n ? -minor : minor;
  const sign = minor < 0n ? "-" : "";
  return `${sign}${abs / unit}.${(abs % unit).toString().padStart(scale, "0")}`;
}

/** num / den rounded half away from zero (den > 0), integer arithmetic only. */
function oracleHalfUp(num: bigint, den: bigint): bigint {
  const abs = num < 0n ? -num : num;
  const q = (abs * 2n + den) / (2n * den);
  return num < 0n ? -q : q;
}

function groupOracle(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function valueOf<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got error ${JSON.stringify(result.error)}`);
  return result.value;
}

function errorOf<T>(result: ParseResult<T>): MoneyInputError {
  if (result.ok) throw new Error("expected an error, got ok");
  return result.error;
}

const FULL_WIDTH: Record<string, string> = {
  "0": "０",
  "1": "１",
  "2": "２",
  "3": "３",
  "4": "４",
  "5": "５",
  "6": "６",
  "7": "７",
  "8": "８",
  "9": "９",
  ".": "．",
  "-": "－",
};
function toFullWidth(text: string): string {
  return [...text].map((c) => FULL_WIDTH[c] ?? c).join("");
}

function minorArb(min: bigint, max: bigint, small: bigint): fc.Arbitrary<bigint> {
  const edges = [min, min + 1n, max - 1n, max, ...(min <= 0n && max >= 0n ? [-1n, 0n, 1n] : [])];
  return fc.oneof(
    fc.bigInt({ min, max }),
    fc.bigInt({ min: min > -small ? min : -small, max: max < small ? max : small }),
    fc.constantFrom(...edges.filter((e) => e >= min && e <= max)),
  );
}
const amountMinorArb = minorArb(-MAX_AMOUNT_MINOR, MAX_AMOUNT_MINOR, 100_000n);
const rateMinorArb = minorArb(1n, MAX_RATE_MINOR, 100_000n);
const quantityMinorArb = minorArb(-MAX_QUANTITY_MINOR, MAX_QUANTITY_MINOR, 100_000n);
const countArb = fc.oneof(
  fc.integer({ min: 0, max: MAX_COUNT }),
  fc.integer({ min: 0, max: 1000 }),
  fc.constantFrom(0, 1, 2, MAX_COUNT - 1, MAX_COUNT),
);
const digitsArb = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength, maxLength });

// ---------------------------------------------------------------------------
// Constants

test("constants match the domain rules", () => {
  expect([AMOUNT_SCALE, RATE_SCALE, QUANTITY_SCALE]).toEqual([2, 4, 3]);
  expect(MAX_AMOUNT_TEXT).toBe("999999999999.99");
  expect(MAX_RATE_TEXT).toBe("9999.9999");
  expect(MAX_QUANTITY_TEXT).toBe("9999999.999");
  expect(MAX_PIECE_COUNT).toBe(10_000_000);
  expect(amountToMinor(valueOf(parseAmount(MAX_AMOUNT_TEXT)))).toBe(MAX_AMOUNT_MINOR);
  expect(rateToMinor(valueOf(parseRate(MAX_RATE_TEXT)))).toBe(MAX_RATE_MINOR);
  expect(quantityToMinor(valueOf(parseQuantity(MAX_QUANTITY_TEXT)))).toBe(MAX_QUANTITY_MINOR);
});

// ---------------------------------------------------------------------------
// Parsing: accepted input (table-driven)

test.each([
  { text: "0", expected: "0.00" },
  { text: "1", expected: "1.00" },
  { text: "1.5", expected: "1.50" },
  { text: "1.50", expected: "1.50" },
  { text: "1.500", expected: "1.50" }, // trailing zeros beyond the scale: exact, accepted
  { text: "1.5000000", expected: "1.50" },
  { text: "0.01", expected: "0.01" },
  { text: "1234.56", expected: "1234.56" },
  { text: "007.10", expected: "7.10" },
  { text: "  12.30  ", expected: "12.30" },
  { text: "\t8\n", expected: "8.00" },
  { text: "\u300012.30\u3000", expected: "12.30" },
  { text: "¥12.30", expected: "12.30" },
  { text: "￥12.30", expected: "12.30" },
  { text: "12.30元", expected: "12.30" },
  { text: "￥ 12.30 元", expected: "12.30" },
  { text: "¥12.3元", expected: "12.30" },
  { text: "１２．３０", expected: "12.30" },
  { text: "\u3000￥１２３４．５元\u3000", expected: "1234.50" },
  { text: "-0", expected: "0.00" }, // zero is not negative
  { text: "－０．００", expected: "0.00" },
  { text: "999999999999.99", expected: "999999999999.99" },
  { text: "999999999999.9900", expected: "999999999999.99" },
])("parseAmount($text) -> $expected", ({ text, expected }) => {
  expect(amountToString(valueOf(parseAmount(text)))).toBe(expected);
});

test.each([
  { text: "-1.5", expected: "-1.50" },
  { text: "-0.01", expected: "-0.01" },
  { text: "－１．５", expected: "-1.50" },
  { text: "−0.01", expected: "-0.01" },
  { text: "-¥5", expected: "-5.00" },
  { text: "¥-5", expected: "-5.00" },
  { text: "－￥５元", expected: "-5.00" },
  { text: "-999999999999.99", expected: "-999999999999.99" },
  { text: "12", expected: "12.00" },
])("parseAmount($text, allowNegative) -> $expected", ({ text, expected }) => {
  expect(amountToString(valueOf(parseAmount(text, { allowNegative: true })))).toBe(expected);
});

test.each([
  { text: "0.35", expected: "0.3500" },
  { text: "0.0001", expected: "0.0001" },
  { text: "2", expected: "2.0000" },
  { text: "2.000000", expected: "2.0000" },
  { text: "0.1234", expected: "0.1234" },
  { text: "9999.9999", expected: "9999.9999" },
  { text: "0.35元", expected: "0.3500" },
  { text: "¥0.35元/件", expected: "0.3500" },
  { text: "￥0.35元/个", expected: "0.3500" },
  { text: "０．３５", expected: "0.3500" },
  { text: " ￥１．２ ", expected: "1.2000" },
])("parseRate($text) -> $expected", ({ text, expected }) => {
  expect(rateToString(valueOf(parseRate(text)))).toBe(expected);
});

test.each([
  { text: "0.105", expected: "0.105" },
  { text: "1234.5", expected: "1234.500" },
  { text: "0", expected: "0.000" },
  { text: "1.1050", expected: "1.105" },
  { text: "9999999.999", expected: "9999999.999" },
  { text: "０．１０５", expected: "0.105" },
  { text: "\u30002\u3000", expected: "2.000" },
])("parseQuantity($text) -> $expected", ({ text, expected }) => {
  expect(quantityToString(valueOf(parseQuantity(text)))).toBe(expected);
});

test.each([
  { text: "0", expected: 0 },
  { text: "12", expected: 12 },
  { text: "12件", expected: 12 },
  { text: "12个", expected: 12 },
  { text: "12 件", expected: 12 },
  { text: "１２件", expected: 12 },
  { text: "\u3000３００个\u3000", expected: 300 },
  { text: "5.0", expected: 5 },
  { text: "007", expected: 7 },
  { text: "10000000", expected: MAX_COUNT },
])("parsePieceCount($text) -> $expected", ({ text, expected }) => {
  expect(valueOf(parsePieceCount(text))).toBe(expected);
});

// ---------------------------------------------------------------------------
// Parsing: every error code (table-driven)

type ErrorCase = { text: string | null | undefined; error: MoneyInputError };

const AMOUNT_ERRORS: ErrorCase[] = [
  ...["", "   ", "\u3000", "\t\n", "¥", "元", "￥ 元"].map((text) => ({
    text,
    error: { code: "required" as const },
  })),
  { text: null, error: { code: "required" } },
  { text: undefined, error: { code: "required" } },
  ...[
    "abc",
    "1e5",
    "1E5",
    "1.2e3",
    "0x10",
    "0b1",
    "Infinity",
    "-Infinity",
    "NaN",
    "1,000",
    "1，000",
    "1.2.3",
    ".5",
    "5.",
    "+5",
    "--1",
    "-",
    "1 000",
    "¥¥5",
    "5元元",
    "1/2",
    "一",
    "٣",
    "5 5",
    "5-",
    "0.5.",
    "$5",
    "5块",
  ].map((text) => ({ text, error: { code: "invalid" as const } })),
  ...["1.005", "0.001", "1.0001", "1.5000001", "１．００５", "999999999999.991"].map((text) => ({
    text,
    error: { code: "tooManyDecimals" as const, maxDecimals: 2 },
  })),
  ...["-1", "-0.01", "－５", "−5", "-¥5", "¥-5"].map((text) => ({
    text,
    error: { code: "negative" as const },
  })),
  ...["1000000000000", "1000000000000.00", "99999999999999999999999999999", "0001000000000000"].map((text) => ({
    text,
    error: { code: "tooLarge" as const, max: MAX_AMOUNT_TEXT },
  })),
];

test.each(AMOUNT_ERRORS)("parseAmount($text) fails with $error.code", ({ text, error }) => {
  expect(errorOf(parseAmount(text))).toEqual(error);
});

test.each([
  { text: "0", opts: { allowZero: false }, error: { code: "zero" } },
  { text: "0.00", opts: { allowZero: false }, error: { code: "zero" } },
  { text: "-0", opts: { allowZero: false, allowNegative: true }, error: { code: "zero" } },
  { text: "¥０元", opts: { allowZero: false }, error: { code: "zero" } },
  { text: "-1000000000000.00", opts: { allowNegative: true }, error: { code: "tooLarge", max: MAX_AMOUNT_TEXT } },
  { text: "-1.005", opts: { allowNegative: true }, error: { code: "tooManyDecimals", maxDecimals: 2 } },
  { text: "--1", opts: { allowNegative: true }, error: { code: "invalid" } },
])("parseAmount($text, $opts) fails with $error.code", ({ text, opts, error }) => {
  expect(errorOf(parseAmount(text, opts))).toEqual(error);
});

test.each<ErrorCase>([
  { text: "", error: { code: "required" } },
  { text: "元/件", error: { code: "required" } },
  { text: "abc", error: { code: "invalid" } },
  { text: "0.35元/斤", error: { code: "invalid" } },
  { text: "1e-4", error: { code: "invalid" } },
  { text: "0.12345", error: { code: "tooManyDecimals", maxDecimals: 4 } },
  { text: "9999.99991", error: { code: "tooManyDecimals", maxDecimals: 4 } },
  { text: "-0.35", error: { code: "negative" } },
  { text: "0", error: { code: "zero" } },
  { text: "0.0000", error: { code: "zero" } },
  { text: "-0", error: { code: "zero" } },
  { text: "10000", error: { code: "tooLarge", max: MAX_RATE_TEXT } },
  { text: "10000.0000", error: { code: "tooLarge", max: MAX_RATE_TEXT } },
])("parseRate($text) fails with $error.code", ({ text, error }) => {
  expect(errorOf(parseRate(text))).toEqual(error);
});

test.each<ErrorCase>([
  { text: " ", error: { code: "required" } },
  { text: "¥1", error: { code: "invalid" } },
  { text: "1元", error: { code: "invalid" } },
  { text: "1kg", error: { code: "invalid" } },
  { text: "0.0001", error: { code: "tooManyDecimals", maxDecimals: 3 } },
  { text: "1.1055", error: { code: "tooManyDecimals", maxDecimals: 3 } },
  { text: "-1", error: { code: "negative" } },
  { text: "10000000", error: { code: "tooLarge", max: MAX_QUANTITY_TEXT } },
  { text: "10000000.000", error: { code: "tooLarge", max: MAX_QUANTITY_TEXT } },
])("parseQuantity($text) fails with $error.code", ({ text, error }) => {
  expect(errorOf(parseQuantity(text))).toEqual(error);
});

test("parseQuantity allowZero false rejects zero, accepts the smallest unit", () => {
  expect(errorOf(parseQuantity("0.000", { allowZero: false }))).toEqual({ code: "zero" });
  expect(quantityToString(valueOf(parseQuantity("0.001", { allowZero: false })))).toBe("0.001");
});

test.each<ErrorCase>([
  { text: "", error: { code: "required" } },
  { text: "件", error: { code: "required" } },
  { text: "1e3", error: { code: "invalid" } },
  { text: "¥5", error: { code: "invalid" } },
  { text: "5元", error: { code: "invalid" } },
  { text: "5件件", error: { code: "invalid" } },
  { text: "1,000", error: { code: "invalid" } },
  { text: "1.5", error: { code: "notWhole" } },
  { text: "0.1", error: { code: "notWhole" } },
  { text: "3.0001", error: { code: "notWhole" } },
  { text: "-1", error: { code: "negative" } },
  { text: "10000001", error: { code: "tooLarge", max: "10000000" } },
  { text: "99999999999999999999", error: { code: "tooLarge", max: "10000000" } },
])("parsePieceCount($text) fails with $error.code", ({ text, error }) => {
  expect(errorOf(parsePieceCount(text))).toEqual(error);
});

test("parsePieceCount allowZero false rejects 0, accepts 1", () => {
  expect(errorOf(parsePieceCount("0", { allowZero: false }))).toEqual({ code: "zero" });
  expect(errorOf(parsePieceCount("０件", { allowZero: false }))).toEqual({ code: "zero" });
  expect(valueOf(parsePieceCount("1", { allowZero: false }))).toBe(1);
  expect(valueOf(parsePieceCount("0"))).toBe(0);
});

// ---------------------------------------------------------------------------
// Limits: exactly the max is accepted, max + one minor unit is rejected

test("limits: max accepted, max + smallest unit rejected, for every kind", () => {
  expect(amountToString(valueOf(parseAmount("999999999999.99")))).toBe("999999999999.99");
  expect(errorOf(parseAmount("1000000000000.00"))).toEqual({ code: "tooLarge", max: MAX_AMOUNT_TEXT });
  expect(amountToString(valueOf(parseAmount("-999999999999.99", { allowNegative: true })))).toBe("-999999999999.99");
  expect(errorOf(parseAmount("-1000000000000.00", { allowNegative: true }))).toEqual({
    code: "tooLarge",
    max: MAX_AMOUNT_TEXT,
  });
  expect(rateToString(valueOf(parseRate("9999.9999")))).toBe("9999.9999");
  expect(errorOf(parseRate("10000.0000"))).toEqual({ code: "tooLarge", max: MAX_RATE_TEXT });
  expect(rateToString(valueOf(parseRate("0.0001")))).toBe("0.0001");
  expect(errorOf(parseRate("0.00001"))).toEqual({ code: "tooManyDecimals", maxDecimals: 4 });
  expect(quantityToString(valueOf(parseQuantity("9999999.999")))).toBe("9999999.999");
  expect(errorOf(parseQuantity("10000000.000"))).toEqual({ code: "tooLarge", max: MAX_QUANTITY_TEXT });
  expect(valueOf(parsePieceCount(String(MAX_COUNT)))).toBe(MAX_COUNT);
  expect(errorOf(parsePieceCount(String(MAX_COUNT + 1)))).toEqual({ code: "tooLarge", max: "10000000" });
});

test("fromMinor accepts the limits and throws RangeError one unit beyond", () => {
  expect(amountToString(amountFromMinor(MAX_AMOUNT_MINOR))).toBe("999999999999.99");
  expect(amountToString(amountFromMinor(-MAX_AMOUNT_MINOR))).toBe("-999999999999.99");
  expect(() => amountFromMinor(MAX_AMOUNT_MINOR + 1n)).toThrow(RangeError);
  expect(() => amountFromMinor(-MAX_AMOUNT_MINOR - 1n)).toThrow(RangeError);
  expect(rateToString(rateFromMinor(MAX_RATE_MINOR))).toBe("9999.9999");
  expect(rateToString(rateFromMinor(1n))).toBe("0.0001");
  expect(() => rateFromMinor(MAX_RATE_MINOR + 1n)).toThrow(RangeError);
  expect(() => rateFromMinor(0n)).toThrow(RangeError);
  expect(() => rateFromMinor(-1n)).toThrow(RangeError);
  expect(quantityToString(quantityFromMinor(MAX_QUANTITY_MINOR))).toBe("9999999.999");
  expect(quantityToString(quantityFromMinor(-MAX_QUANTITY_MINOR))).toBe("-9999999.999");
  expect(() => quantityFromMinor(MAX_QUANTITY_MINOR + 1n)).toThrow(RangeError);
  expect(() => quantityFromMinor(-MAX_QUANTITY_MINOR - 1n)).toThrow(RangeError);
  expect(() => amountFromMinor(5 as unknown as bigint)).toThrow(TypeError);
});

test("values are immutable", () => {
  const a = amountFromMinor(150n);
  expect(Object.isFrozen(a)).toBe(true);
  expect(Object.isFrozen(rateFromMinor(1n))).toBe(true);
  expect(Object.isFrozen(quantityFromMinor(1n))).toBe(true);
  expect(() => {
    (a as unknown as { minor: bigint }).minor = 1n;
  }).toThrow(TypeError);
  expect(amountToMinor(a)).toBe(150n);
});

// ---------------------------------------------------------------------------
// Wire format

test.each([
  { minor: 0n, text: "0.00" },
  { minor: 1n, text: "0.01" },
  { minor: -1n, text: "-0.01" },
  { minor: 123450n, text: "1234.50" },
  { minor: -123450n, text: "-1234.50" },
  { minor: 100n, text: "1.00" },
])("amountToString($minor fen) = $text", ({ minor, text }) => {
  expect(amountToString(amountFromMinor(minor))).toBe(text);
  expect(amountToMinor(amountFromString(text))).toBe(minor);
});

test("rateToString and quantityToString use their fixed scales", () => {
  expect(rateToString(rateFromMinor(3500n))).toBe("0.3500");
  expect(rateToString(rateFromMinor(25000n))).toBe("2.5000");
  expect(quantityToString(quantityFromMinor(105n))).toBe("0.105");
  expect(quantityToString(quantityFromMinor(0n))).toBe("0.000");
  expect(quantityToString(quantityFromMinor(-1500n))).toBe("-1.500");
});

test.each([
  "1.5",
  "1.500",
  "01.50",
  "-0.00",
  "+1.50",
  " 1.50",
  "1.50 ",
  "1e2",
  "¥1.00",
  "1,000.00",
  "",
  ".50",
  "1.",
  "-",
  "-.50",
  "１.５０",
  "NaN",
])("amountFromString(%j) throws SyntaxError", (text) => {
  expect(() => amountFromString(text)).toThrow(SyntaxError);
});

test("fromString: out-of-range canonical text throws RangeError, malformed SyntaxError", () => {
  expect(() => amountFromString("1000000000000.00")).toThrow(RangeError);
  expect(() => amountFromString("-1000000000000.00")).toThrow(RangeError);
  expect(() => amountFromString("123456789012345678901234567890.00")).toThrow(RangeError);
  expect(amountToString(amountFromString("-999999999999.99"))).toBe("-999999999999.99");
  expect(() => rateFromString("0.0000")).toThrow(RangeError);
  expect(() => rateFromString("-0.3500")).toThrow(RangeError);
  expect(() => rateFromString("10000.0000")).toThrow(RangeError);
  expect(() => rateFromString("0.35")).toThrow(SyntaxError);
  expect(() => rateFromString("0.35000")).toThrow(SyntaxError);
  expect(rateToMinor(rateFromString("9999.9999"))).toBe(MAX_RATE_MINOR);
  expect(() => quantityFromString("0.10")).toThrow(SyntaxError);
  expect(() => quantityFromString("0.1050")).toThrow(SyntaxError);
  expect(() => quantityFromString("10000000.000")).toThrow(RangeError);
  expect(quantityToMinor(quantityFromString("-0.105"))).toBe(-105n);
  expect(() => amountFromString(12 as unknown as string)).toThrow(TypeError);
});

test("property: amount minor and string round trips agree with the BigInt oracle", () => {
  fc.assert(
    fc.property(amountMinorArb, (n) => {
      const a = amountFromMinor(n);
      expect(amountToMinor(a)).toBe(n);
      const text = amountToString(a);
      expect(text).toBe(oracleText(n, 2));
      expect(amountFromString(text)).toEqual(a);
      expect(amountToMinor(amountFromString(text))).toBe(n);
    }),
    { numRuns: RUNS },
  );
});

test("property: rate minor and string round trips agree with the BigInt oracle", () => {
  fc.assert(
    fc.property(rateMinorArb, (n) => {
      const r = rateFromMinor(n);
      expect(rateToMinor(r)).toBe(n);
      const text = rateToString(r);
      expect(text).toBe(oracleText(n, 4));
      expect(rateToMinor(rateFromString(text))).toBe(n);
    }),
    { numRuns: RUNS },
  );
});

test("property: quantity minor and string round trips agree with the BigInt oracle", () => {
  fc.assert(
    fc.property(quantityMinorArb, (n) => {
      const q = quantityFromMinor(n);
      expect(quantityToMinor(q)).toBe(n);
      const text = quantityToString(q);
      expect(text).toBe(oracleText(n, 3));
      expect(quantityToMinor(quantityFromString(text))).toBe(n);
    }),
    { numRuns: RUNS },
  );
});

test("property: fromMinor throws RangeError for any value outside the limits", () => {
  const beyond = (max: bigint) =>
    fc.oneof(fc.bigInt({ min: max + 1n, max: max * 1000n }), fc.bigInt({ min: -max * 1000n, max: -max - 1n }));
  fc.assert(
    fc.property(beyond(MAX_AMOUNT_MINOR), beyond(MAX_RATE_MINOR), beyond(MAX_QUANTITY_MINOR), (a, r, q) => {
      expect(() => amountFromMinor(a)).toThrow(RangeError);
      expect(() => rateFromMinor(r)).toThrow(RangeError);
      expect(() => quantityFromMinor(q)).toThrow(RangeError);
    }),
    { numRuns: 2000 },
  );
});

// ---------------------------------------------------------------------------
// Parsing properties

test("property: parse(toString(x)) gives back x, also in full-width with ¥/元 and spaces", () => {
  fc.assert(
    fc.property(
      amountMinorArb,
      fc.constantFrom("", " ", "\u3000"),
      fc.constantFrom("", "¥", "￥"),
      fc.constantFrom("", "元"),
      (n, space, currency, yuan) => {
        const text = amountToString(amountFromMinor(n));
        expect(amountToMinor(valueOf(parseAmount(text, { allowNegative: true })))).toBe(n);
        const decorated = `${space}${currency}${toFullWidth(text)}${yuan}${space}`;
        expect(amountToMinor(valueOf(parseAmount(decorated, { allowNegative: true })))).toBe(n);
      },
    ),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(rateMinorArb, quantityMinorArb, (r, q) => {
      expect(rateToMinor(valueOf(parseRate(rateToString(rateFromMinor(r)))))).toBe(r);
      expect(rateToMinor(valueOf(parseRate(toFullWidth(rateToString(rateFromMinor(r))))))).toBe(r);
      const absQ = q < 0n ? -q : q;
      expect(quantityToMinor(valueOf(parseQuantity(quantityToString(quantityFromMinor(absQ)))))).toBe(absQ);
    }),
    { numRuns: RUNS },
  );
});

test("property: more decimals than the scale (not all trailing zeros) is tooManyDecimals", () => {
  const cases: { scale: number; parse: (t: string) => ParseResult<unknown> }[] = [
    { scale: 2, parse: (t) => parseAmount(t, { allowNegative: true }) },
    { scale: 4, parse: (t) => parseRate(t) },
    { scale: 3, parse: (t) => parseQuantity(t) },
  ];
  fc.assert(
    fc.property(
      fc.constantFrom(...cases),
      fc.boolean(),
      digitsArb(1, 14),
      digitsArb(0, 4),
      digitsArb(0, 5),
      fc.constantFrom(..."123456789"),
      (kase, negative, int, fracStart, extra, nonZero) => {
        // The fraction is longer than the scale and has a non-zero digit past it.
        const frac = (fracStart + "0000").slice(0, kase.scale) + extra + nonZero;
        const text = `${negative ? "-" : ""}${int}.${frac}`;
        expect(errorOf(kase.parse(text))).toEqual({ code: "tooManyDecimals", maxDecimals: kase.scale });
      },
    ),
    { numRuns: RUNS },
  );
});

test("property: parsing agrees with a BigInt oracle on structured decimal input", () => {
  type Expected = { ok: true; minor: bigint } | { ok: false; error: MoneyInputError };
  function oracle(
    negative: boolean,
    int: string,
    frac: string,
    scale: number,
    max: bigint,
    maxText: string,
    allowNegative: boolean,
    allowZero: boolean,
    whole: boolean,
  ): Expected {
    const kept = frac.slice(0, scale).padEnd(scale, "0");
    const rest = frac.slice(scale);
    if (rest !== "" && BigInt(rest) !== 0n) {
      return { ok: false, error: whole ? { code: "notWhole" } : { code: "tooManyDecimals", maxDecimals: scale } };
    }
    const magnitude = BigInt(int) * 10n ** BigInt(scale) + BigInt(kept === "" ? "0" : kept);
    if (negative && magnitude !== 0n && !allowNegative) return { ok: false, error: { code: "negative" } };
    if (magnitude === 0n && !allowZero) return { ok: false, error: { code: "zero" } };
    if (magnitude > max) return { ok: false, error: { code: "tooLarge", max: maxText } };
    return { ok: true, minor: negative ? -magnitude : magnitude };
  }
  const intArb = fc.oneof(
    digitsArb(1, 3),
    digitsArb(1, 16),
    fc.constantFrom("0", "00", "10000000", "9999", "999999999999"),
  );
  fc.assert(
    fc.property(
      fc.boolean(),
      intArb,
      fc.option(digitsArb(1, 7), { nil: undefined }),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
      (negative, int, frac, allowNegative, allowZero, fullWidth) => {
        const plain = `${negative ? "-" : ""}${int}${frac === undefined ? "" : `.${frac}`}`;
        const text = fullWidth ? toFullWidth(plain) : plain;
        const f = frac ?? "";
        const check = <T>(result: ParseResult<T>, expected: Expected, toMinor: (v: T) => bigint) => {
          if (expected.ok) {
            expect(toMinor(valueOf(result))).toBe(expected.minor);
          } else {
            expect(errorOf(result)).toEqual(expected.error);
          }
        };
        check(
          parseAmount(text, { allowNegative, allowZero }),
          oracle(negative, int, f, 2, MAX_AMOUNT_MINOR, MAX_AMOUNT_TEXT, allowNegative, allowZero, false),
          amountToMinor,
        );
        check(
          parseRate(text),
          oracle(negative, int, f, 4, MAX_RATE_MINOR, MAX_RATE_TEXT, false, false, false),
          rateToMinor,
        );
        check(
          parseQuantity(text, { allowZero }),
          oracle(negative, int, f, 3, MAX_QUANTITY_MINOR, MAX_QUANTITY_TEXT, false, allowZero, false),
          quantityToMinor,
        );
        check(
          parsePieceCount(text, { allowZero }),
          oracle(negative, int, f, 0, BigInt(MAX_COUNT), "10000000", false, allowZero, true),
          (n) => BigInt(n),
        );
      },
    ),
    { numRuns: RUNS },
  );
});

test("property: parsePieceCount accepts every whole count 0..MAX, with 件/个, and rejects MAX+", () => {
  fc.assert(
    fc.property(
      countArb,
      fc.constantFrom("", "件", "个", " 件"),
      fc.integer({ min: 1, max: 1_000_000 }),
      (n, suffix, over) => {
        expect(valueOf(parsePieceCount(`${n}${suffix}`))).toBe(n);
        expect(valueOf(parsePieceCount(toFullWidth(String(n))))).toBe(n);
        expect(errorOf(parsePieceCount(String(MAX_COUNT + over)))).toEqual({ code: "tooLarge", max: "10000000" });
      },
    ),
    { numRuns: RUNS },
  );
});

test("property: parsers never throw on arbitrary text and only return known codes", () => {
  const codes = ["required", "invalid", "tooManyDecimals", "negative", "zero", "tooLarge", "notWhole"];
  const alphabet = [..."0123456789.-+e,¥￥元件个 ", "\u3000", "０", "９", "．", "－", "−", "x"];
  const textArb = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 14 }),
  );
  fc.assert(
    fc.property(textArb, (text) => {
      const results: ParseResult<unknown>[] = [
        parseAmount(text, { allowNegative: true }),
        parseRate(text),
        parseQuantity(text),
        parsePieceCount(text),
      ];
      for (const r of results) {
        if (!r.ok) expect(codes).toContain(r.error.code);
      }
      const amount = parseAmount(text, { allowNegative: true });
      if (amount.ok) {
        // Whatever was accepted is exactly what its canonical text says.
        expect(parseAmount(amountToString(amount.value), { allowNegative: true })).toEqual(amount);
      }
    }),
    { numRuns: RUNS },
  );
});

// ---------------------------------------------------------------------------
// Pay line

test.each([
  { count: 3, rate: "0.3500", amount: "1.05", exact: "1.05" },
  { count: 0, rate: "0.3500", amount: "0.00", exact: "0.00" },
  { count: 1, rate: "0.0050", amount: "0.01", exact: "0.005" }, // half-up
  { count: 1, rate: "0.0049", amount: "0.00", exact: "0.0049" },
  { count: 7, rate: "0.0015", amount: "0.01", exact: "0.0105" },
  { count: 3, rate: "0.0015", amount: "0.00", exact: "0.0045" }, // rounded once, not per piece
  { count: 3, rate: "0.1234", amount: "0.37", exact: "0.3702" },
  { count: 5, rate: "0.1230", amount: "0.62", exact: "0.615" },
  { count: 120, rate: "1.2500", amount: "150.00", exact: "150.00" },
  { count: 10_000_000, rate: "9999.9999", amount: "99999999000.00", exact: "99999999000.00" },
  { count: 10_000_000, rate: "0.0001", amount: "1000.00", exact: "1000.00" },
  { count: 1, rate: "9999.9999", amount: "10000.00", exact: "9999.9999" },
  { count: Number.MAX_SAFE_INTEGER, rate: "0.0001", amount: "900719925474.10", exact: "900719925474.0991" },
])("lineAmount($count x $rate) = $amount (exact $exact)", ({ count, rate, amount, exact }) => {
  const r = rateFromString(rate);
  expect(amountToString(lineAmount(count, r))).toBe(amount);
  expect(amountToString(lineAmount(BigInt(count), r))).toBe(amount);
  expect(exactLineValue(count, r)).toBe(exact);
});

test.each([-1, 1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, -1n, 2n ** 53n])(
  "lineAmount rejects count %s with RangeError",
  (count) => {
    expect(() => lineAmount(count, rateFromMinor(3500n))).toThrow(RangeError);
    expect(() => exactLineValue(count, rateFromMinor(3500n))).toThrow(RangeError);
  },
);

test("lineAmount throws RangeError when a safe count makes the line exceed the amount limit", () => {
  expect(() => lineAmount(Number.MAX_SAFE_INTEGER, rateFromMinor(MAX_RATE_MINOR))).toThrow(RangeError);
});

test("property: lineAmount = half-up(count x rateMinor / 100) in BigInt, for counts 0..MAX and all rates", () => {
  fc.assert(
    fc.property(countArb, rateMinorArb, (count, rateMinor) => {
      const r = rateFromMinor(rateMinor);
      const product = BigInt(count) * rateMinor; // units of 0.0001 yuan
      const expectedFen = (product + 50n) / 100n;
      expect(amountToMinor(lineAmount(count, r))).toBe(expectedFen);
      expect(amountToMinor(lineAmount(BigInt(count), r))).toBe(expectedFen);
      const whole = product / 10000n;
      const frac = (product % 10000n).toString().padStart(4, "0").replace(/0+$/, "").padEnd(2, "0");
      expect(exactLineValue(count, r)).toBe(`${whole}.${frac}`);
    }),
    { numRuns: 5000 },
  );
});

// ---------------------------------------------------------------------------
// Amount arithmetic

test("amount arithmetic examples", () => {
  const a = amountFromString("1234.50");
  const b = amountFromString("0.51");
  expect(amountToString(addAmounts(a, b))).toBe("1235.01");
  expect(amountToString(subtractAmounts(b, a))).toBe("-1233.99");
  expect(amountToString(negateAmount(a))).toBe("-1234.50");
  expect(amountToString(negateAmount(zeroAmount()))).toBe("0.00");
  expect(amountToString(sumAmounts([]))).toBe("0.00");
  expect(amountToString(sumAmounts([a, b, negateAmount(b)]))).toBe("1234.50");
  expect(compareAmounts(a, b)).toBe(1);
  expect(compareAmounts(b, a)).toBe(-1);
  expect(compareAmounts(a, amountFromString("1234.50"))).toBe(0);
  expect(isZeroAmount(zeroAmount())).toBe(true);
  expect(isZeroAmount(amountFromString("-0.01"))).toBe(false);
  expect(isNegativeAmount(amountFromString("-0.01"))).toBe(true);
  expect(isNegativeAmount(zeroAmount())).toBe(false);
  // 0.1 + 0.2 is exactly 0.3 (the float trap)
  expect(amountToString(addAmounts(amountFromString("0.10"), amountFromString("0.20")))).toBe("0.30");
});

test("amount arithmetic throws RangeError on overflow; sums check only the exact total", () => {
  const max = amountFromMinor(MAX_AMOUNT_MINOR);
  const cent = amountFromMinor(1n);
  expect(() => addAmounts(max, cent)).toThrow(RangeError);
  expect(() => subtractAmounts(negateAmount(max), cent)).toThrow(RangeError);
  expect(() => sumAmounts([max, cent])).toThrow(RangeError);
  expect(amountToString(sumAmounts([max, max, negateAmount(max)]))).toBe(MAX_AMOUNT_TEXT);
  expect(amountToString(negateAmount(max))).toBe(`-${MAX_AMOUNT_TEXT}`);
});

test("sumAmounts of many small lines is exact (no drift)", () => {
  const tenths = Array.from({ length: 10_000 }, () => amountFromString("0.10"));
  expect(amountToString(sumAmounts(tenths))).toBe("1000.00");
  const mixed = Array.from({ length: 1001 }, (_, i) => amountFromMinor(i % 2 === 0 ? 3n : -1n));
  expect(amountToString(sumAmounts(mixed))).toBe("10.03"); // 501 x 3 - 500 x 1 = 1003 fen
});

test("property: add, subtract, negate, compare, isZero, isNegative agree with BigInt", () => {
  fc.assert(
    fc.property(amountMinorArb, amountMinorArb, (x, y) => {
      const a = amountFromMinor(x);
      const b = amountFromMinor(y);
      const inRange = (v: bigint) => v >= -MAX_AMOUNT_MINOR && v <= MAX_AMOUNT_MINOR;
      if (inRange(x + y)) expect(amountToMinor(addAmounts(a, b))).toBe(x + y);
      else expect(() => addAmounts(a, b)).toThrow(RangeError);
      if (inRange(x - y)) expect(amountToMinor(subtractAmounts(a, b))).toBe(x - y);
      else expect(() => subtractAmounts(a, b)).toThrow(RangeError);
      expect(amountToMinor(negateAmount(a))).toBe(-x);
      expect(compareAmounts(a, b)).toBe(x < y ? -1 : x > y ? 1 : 0);
      expect(compareAmounts(b, a)).toBe(y < x ? -1 : y > x ? 1 : 0);
      expect(compareAmounts(a, a)).toBe(0);
      expect(isZeroAmount(a)).toBe(x === 0n);
      expect(isNegativeAmount(a)).toBe(x < 0n);
    }),
    { numRuns: RUNS },
  );
});

test("property: sumAmounts is the exact BigInt sum (or RangeError beyond the limit)", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.array(fc.bigInt({ min: -MAX_AMOUNT_MINOR / 1000n, max: MAX_AMOUNT_MINOR / 1000n }), {
          maxLength: 60,
          size: "max",
        }),
        fc.array(amountMinorArb, { maxLength: 8 }),
        fc.array(fc.bigInt({ min: -100000n, max: 100000n }), { maxLength: 200, size: "max" }),
      ),
      (list) => {
        const expected = list.reduce((s, v) => s + v, 0n);
        const amounts: Amount[] = list.map(amountFromMinor);
        if (expected >= -MAX_AMOUNT_MINOR && expected <= MAX_AMOUNT_MINOR) {
          expect(amountToMinor(sumAmounts(amounts))).toBe(expected);
        } else {
          expect(() => sumAmounts(amounts)).toThrow(RangeError);
        }
      },
    ),
    { numRuns: RUNS },
  );
});

// ---------------------------------------------------------------------------
// Percent and half-up for negatives

test.each([
  { amount: "1000.00", percent: "80", expected: "800.00" },
  { amount: "1000.00", percent: "80.00", expected: "800.00" },
  { amount: "5000.00", percent: "20", expected: "1000.00" },
  { amount: "12.35", percent: "20", expected: "2.47" },
  { amount: "0.01", percent: "50", expected: "0.01" }, // 0.005 -> 0.01
  { amount: "0.01", percent: "49.9999", expected: "0.00" },
  { amount: "0.05", percent: "10", expected: "0.01" },
  { amount: "0.04", percent: "10", expected: "0.00" },
  { amount: "-0.01", percent: "50", expected: "-0.01" }, // -0.005 -> -0.01 (away from zero)
  { amount: "-0.01", percent: "49.9999", expected: "0.00" },
  { amount: "-0.05", percent: "10", expected: "-0.01" },
  { amount: "-0.03", percent: "50", expected: "-0.02" }, // -0.015 -> -0.02
  { amount: "-12.35", percent: "20", expected: "-2.47" },
  { amount: "33.33", percent: "33.3333", expected: "11.11" },
  { amount: "100.00", percent: "0", expected: "0.00" },
  { amount: "100.00", percent: "120", expected: "120.00" },
  { amount: "999999999999.99", percent: "100", expected: "999999999999.99" },
  { amount: "-999999999999.99", percent: "0.0001", expected: "-1000000.00" },
])("percentOfAmount($amount, $percent) = $expected", ({ amount, percent, expected }) => {
  expect(amountToString(percentOfAmount(amountFromString(amount), percent))).toBe(expected);
});

test("percentOfAmount rejects malformed or negative percent text", () => {
  const a = amountFromString("100.00");
  for (const bad of ["", "abc", "1e2", "080", "80.12345", "80.", ".5", "+80", " 80", "80%", "NaN"]) {
    expect(() => percentOfAmount(a, bad)).toThrow(SyntaxError);
  }
  for (const negative of ["-5", "-0.5"]) {
    expect(() => percentOfAmount(a, negative)).toThrow(RangeError);
  }
  expect(() => percentOfAmount(a, "1234567890123456")).toThrow(RangeError);
  expect(() => percentOfAmount(amountFromMinor(MAX_AMOUNT_MINOR), "100.0001")).toThrow(RangeError);
});

test("property: percentOfAmount = half-away-from-zero(a x p) in BigInt, symmetric for negatives", () => {
  const percentArb = fc.oneof(
    fc.bigInt({ min: 0n, max: 1_000_000n }), // 0%..100% in units of 0.0001%
    fc.bigInt({ min: 0n, max: 2_000_000n }),
    fc.constantFrom(0n, 1n, 200_000n, 800_000n, 300_000n, 400_000n, 999_999n, 1_000_000n, 1_200_000n),
  );
  fc.assert(
    fc.property(amountMinorArb, percentArb, fc.boolean(), (fen, p, padZeros) => {
      const whole = p / 10000n;
      const fracDigits = (p % 10000n).toString().padStart(4, "0");
      const text =
        p % 10000n === 0n
          ? padZeros
            ? `${whole}.0`
            : `${whole}`
          : `${whole}.${padZeros ? fracDigits : fracDigits.replace(/0+$/, "")}`;
      // fen x (p / 10^4) / 100 yuan = fen x p / 10^6 fen
      const expected = oracleHalfUp(fen * p, 1_000_000n);
      const a = amountFromMinor(fen);
      if (expected >= -MAX_AMOUNT_MINOR && expected <= MAX_AMOUNT_MINOR) {
        expect(amountToMinor(percentOfAmount(a, text))).toBe(expected);
        expect(amountToMinor(percentOfAmount(negateAmount(a), text))).toBe(-expected);
      } else {
        expect(() => percentOfAmount(a, text)).toThrow(RangeError);
      }
    }),
    { numRuns: RUNS },
  );
});

test("property: half-up is away from zero at every exact half (x.xx5 and -x.xx5)", () => {
  // a x 50% with an odd number of fen is always exactly half a fen past a fen.
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: MAX_AMOUNT_MINOR / 2n - 1n }), (k) => {
      const odd = 2n * k + 1n;
      expect(amountToMinor(percentOfAmount(amountFromMinor(odd), "50"))).toBe(k + 1n);
      expect(amountToMinor(percentOfAmount(amountFromMinor(-odd), "50"))).toBe(-(k + 1n));
    }),
    { numRuns: 2000 },
  );
});

// ---------------------------------------------------------------------------
// Implied hourly pay

test.each([
  { rate: "0.3500", minutes: "2", expected: "10.50" },
  { rate: "1.0000", minutes: "7", expected: "8.57" }, // 8.571428...
  { rate: "1.0000", minutes: "9", expected: "6.67" }, // 6.666...
  { rate: "0.0001", minutes: "0.01", expected: "0.60" },
  { rate: "0.0500", minutes: "0.24", expected: "12.50" },
  { rate: "0.0001", minutes: "1.2", expected: "0.01" }, // exactly 0.005 -> 0.01
  { rate: "0.0001", minutes: "1.21", expected: "0.00" },
  { rate: "2.5000", minutes: "15.00", expected: "10.00" },
  { rate: "9999.9999", minutes: "0.01", expected: "59999999.40" },
  { rate: "0.0001", minutes: "999999999", expected: "0.00" },
])("impliedHourlyPay($rate, $minutes min) = $expected", ({ rate, minutes, expected }) => {
  expect(amountToString(impliedHourlyPay(rateFromString(rate), minutes))).toBe(expected);
});

test("impliedHourlyPay: minutes <= 0 is RangeError, malformed minutes SyntaxError", () => {
  const r = rateFromString("0.3500");
  for (const bad of ["0", "0.00", "-1", "-0.5", "00"]) {
    expect(() => impliedHourlyPay(r, bad)).toThrow(RangeError);
  }
  for (const bad of ["", "abc", "1.234", "1e2", ".5", "5.", "+5", " 5", "Infinity"]) {
    expect(() => impliedHourlyPay(r, bad)).toThrow(SyntaxError);
  }
});

test("property: impliedHourlyPay = half-up(60 x rateMinor / minutesHundredths) in BigInt", () => {
  const minutesArb = fc.oneof(
    fc.bigInt({ min: 1n, max: 6000n }), // up to 60 minutes, in 0.01 minute
    fc.bigInt({ min: 1n, max: 100_000_000n }),
    fc.constantFrom(1n, 2n, 3n, 7n, 100n, 120n, 121n),
  );
  fc.assert(
    fc.property(rateMinorArb, minutesArb, fc.boolean(), (r, m, trim) => {
      const fracDigits = (m % 100n).toString().padStart(2, "0");
      const frac = trim ? fracDigits.replace(/0+$/, "") : fracDigits;
      const text = frac === "" ? `${m / 100n}` : `${m / 100n}.${frac}`;
      // (r / 10^4 yuan) x 60 / (m / 100 min) per hour = 60r/m fen; half-up = (120r + m) / 2m
      const expected = (120n * r + m) / (2n * m);
      expect(amountToMinor(impliedHourlyPay(rateFromMinor(r), text))).toBe(expected);
    }),
    { numRuns: RUNS },
  );
});

// ---------------------------------------------------------------------------
// Display formatting

test.each([
  { amount: "0.00", zh: "¥0.00", en: "CN¥0.00" },
  { amount: "0.05", zh: "¥0.05", en: "CN¥0.05" },
  { amount: "-0.01", zh: "-¥0.01", en: "-CN¥0.01" },
  { amount: "999.00", zh: "¥999.00", en: "CN¥999.00" },
  { amount: "1000.00", zh: "¥1,000.00", en: "CN¥1,000.00" },
  { amount: "1234.50", zh: "¥1,234.50", en: "CN¥1,234.50" },
  { amount: "-1234.50", zh: "-¥1,234.50", en: "-CN¥1,234.50" },
  { amount: "100000.00", zh: "¥100,000.00", en: "CN¥100,000.00" },
  { amount: "1234567.89", zh: "¥1,234,567.89", en: "CN¥1,234,567.89" },
  { amount: "999999999999.99", zh: "¥999,999,999,999.99", en: "CN¥999,999,999,999.99" },
  { amount: "-999999999999.99", zh: "-¥999,999,999,999.99", en: "-CN¥999,999,999,999.99" },
])("formatAmount($amount) = $zh / $en", ({ amount, zh, en }) => {
  const a = amountFromString(amount);
  expect(formatAmount(a, "zh-CN")).toBe(zh);
  expect(formatAmount(a, "en")).toBe(en);
});

test.each([
  { rate: "0.3500", zh: "¥0.35", en: "CN¥0.35" },
  { rate: "0.1234", zh: "¥0.1234", en: "CN¥0.1234" },
  { rate: "2.5000", zh: "¥2.50", en: "CN¥2.50" },
  { rate: "0.1050", zh: "¥0.105", en: "CN¥0.105" },
  { rate: "0.0001", zh: "¥0.0001", en: "CN¥0.0001" },
  { rate: "3.0000", zh: "¥3.00", en: "CN¥3.00" },
  { rate: "1234.5678", zh: "¥1,234.5678", en: "CN¥1,234.5678" },
  { rate: "9999.9999", zh: "¥9,999.9999", en: "CN¥9,999.9999" },
])("formatRate($rate) = $zh / $en", ({ rate, zh, en }) => {
  const r = rateFromString(rate);
  expect(formatRate(r, "zh-CN")).toBe(zh);
  expect(formatRate(r, "en")).toBe(en);
});

test.each([
  { quantity: "1234.500", text: "1,234.5" },
  { quantity: "0.105", text: "0.105" },
  { quantity: "2.000", text: "2" },
  { quantity: "0.000", text: "0" },
  { quantity: "0.100", text: "0.1" },
  { quantity: "1000.000", text: "1,000" },
  { quantity: "-1.500", text: "-1.5" },
  { quantity: "9999999.999", text: "9,999,999.999" },
])("formatQuantity($quantity) = $text", ({ quantity, text }) => {
  const q = quantityFromString(quantity);
  expect(formatQuantity(q, "zh-CN")).toBe(text);
  expect(formatQuantity(q, "en")).toBe(text);
});

test("property: formatAmount minus prefix and commas is amountToString, grouped by thousands", () => {
  fc.assert(
    fc.property(amountMinorArb, fc.constantFrom(...LOCALES), (n, locale) => {
      const a = amountFromMinor(n);
      const shown = formatAmount(a, locale);
      const prefix = locale === "zh-CN" ? "¥" : "CN¥";
      const canonical = oracleText(n, 2);
      const sign = n < 0n ? "-" : "";
      const [int = "", frac = ""] = canonical.replace("-", "").split(".");
      expect(shown).toBe(`${sign}${prefix}${groupOracle(int)}.${frac}`);
      expect(shown.replace(prefix, "").replace(/,/g, "")).toBe(amountToString(a));
      expect(shown).toMatch(/^-?(¥|CN¥)\d{1,3}(,\d{3})*\.\d{2}$/);
    }),
    { numRuns: RUNS },
  );
});

test("property: formatRate and formatQuantity show the exact value, trimmed and grouped", () => {
  fc.assert(
    fc.property(rateMinorArb, quantityMinorArb, fc.constantFrom(...LOCALES), (r, q, locale) => {
      const prefix = locale === "zh-CN" ? "¥" : "CN¥";
      const rateShown = formatRate(rateFromMinor(r), locale);
      expect(rateShown).toMatch(/^(¥|CN¥)\d{1,3}(,\d{3})*\.\d{2,4}$/);
      const rateFrac = (r % 10000n).toString().padStart(4, "0").replace(/0+$/, "").padEnd(2, "0");
      expect(rateShown).toBe(`${prefix}${groupOracle(String(r / 10000n))}.${rateFrac}`);
      const rateDigits = rateShown.replace(prefix, "").replace(/,/g, "");
      expect(rateToMinor(valueOf(parseRate(rateDigits)))).toBe(r);
      const qtyShown = formatQuantity(quantityFromMinor(q), locale);
      expect(qtyShown).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d{0,2}[1-9])?$/);
      const qtyDigits = qtyShown.replace(/,/g, "");
      const parsed = valueOf(parseQuantity(qtyDigits.replace("-", "")));
      expect(quantityToMinor(parsed)).toBe(q < 0n ? -q : q);
      expect(qtyShown.startsWith("-")).toBe(q < 0n);
    }),
    { numRuns: RUNS },
  );
});
