/**
 * Money core: exact CNY amounts, piece rates and material quantities.
 * Pure module: imports only decimal.js. See docs/domain.md "Money rules".
 *
 * Representation
 * - Every value is held as an integer count of minor units (bigint) in a frozen,
 *   branded object: Amount in fen (0.01 yuan, scale 2), Rate in 0.0001 yuan per
 *   piece (scale 4), Quantity in 0.001 of the material's unit (scale 3). This is
 *   exactly what the database stores (BigInt columns), so a round trip changes
 *   nothing. No binary floating point ever touches an amount, rate or quantity.
 * - Products and quotients that need rounding go through a private decimal.js clone
 *   with precision 50. All such intermediate values here have far fewer than 50
 *   significant digits, so they are exact before the single final rounding.
 *
 * Rounding
 * - Results are rounded ONCE, half-up (四舍五入), to the fen, from the exact value.
 * - For negative values (adjustment lines) "half-up" means half AWAY FROM ZERO, i.e.
 *   rounding is symmetric: 0.005 -> 0.01 and -0.005 -> -0.01, round(-x) = -round(x).
 *
 * Input parsing (parseAmount, parseRate, parseQuantity, parsePieceCount)
 * - Never rounds silently: a digit that does not fit the scale is an error.
 * - Trailing zeros beyond the scale ARE accepted, because the value is still exact:
 *   "1.500" is a valid amount (= 1.50), "2.000000" a valid rate; but "1.505" is
 *   tooManyDecimals. Likewise "5.0" is a valid piece count, "5.5" is notWhole.
 * - Normalisation: trim whitespace (incl. U+3000), full-width digits -> ASCII,
 *   '．' -> '.', '－' / '−' -> '-'. Amounts and rates accept one leading '¥'/'￥'
 *   (also after a minus sign: "-¥5") and one trailing '元' (rates also '元/件',
 *   '元/个'); piece counts accept one trailing '件' or '个'; quantities accept no
 *   symbol. Then only /^-?\d+(\.\d+)?$/ is accepted (leading zeros are fine).
 * - Check order: required, invalid, tooManyDecimals / notWhole, negative, zero,
 *   tooLarge. "-0" is zero, not negative. allowZero defaults to true everywhere
 *   except rates (a rate is always > 0); allowNegative (amounts only) defaults false.
 *
 * Errors thrown (these are programming or data errors, never user input errors)
 * - SyntaxError: malformed trusted text (wire/db strings, percent, minutes).
 * - RangeError: a value outside the limits (fromMinor, fromString, arithmetic
 *   overflow, bad piece count, minutes <= 0, ...). Data corruption must be loud.
 * - TypeError: a value of the wrong JS type at runtime (e.g. a number for a bigint).
 */
import Decimal from "decimal.js";

const D = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});

// ---------------------------------------------------------------------------
// Constants and types

export const AMOUNT_SCALE = 2;
export const RATE_SCALE = 4;
export const QUANTITY_SCALE = 3;
/** Maximum absolute amount, in yuan. */
export const MAX_AMOUNT_TEXT = "999999999999.99";
/** Maximum rate, in yuan per piece (the minimum is one minor unit, 0.0001). */
export const MAX_RATE_TEXT = "9999.9999";
/** Maximum absolute quantity. */
export const MAX_QUANTITY_TEXT = "9999999.999";
export const MAX_PIECE_COUNT = 10_000_000;

declare const moneyBrand: unique symbol;

/** CNY yuan, held as integer fen. Create only through this module. */
export type Amount = {
  readonly kind: "amount";
  readonly minor: bigint;
  readonly [moneyBrand]: "Amount";
};
/** CNY yuan per piece, held as integer units of 0.0001 yuan; always > 0. */
export type Rate = {
  readonly kind: "rate";
  readonly minor: bigint;
  readonly [moneyBrand]: "Rate";
};
/** Material quantity, held as integer units of 0.001. */
export type Quantity = {
  readonly kind: "quantity";
  readonly minor: bigint;
  readonly [moneyBrand]: "Quantity";
};

export type MoneyLocale = "zh-CN" | "en";

export type MoneyInputErrorCode =
  "required" | "invalid" | "tooManyDecimals" | "negative" | "zero" | "tooLarge" | "notWhole";

export type MoneyInputError = {
  code: MoneyInputErrorCode;
  /** Set for tooManyDecimals: the scale. */
  maxDecimals?: number;
  /** Set for tooLarge: the maximum, as plain text. */
  max?: string;
};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: MoneyInputError };

type Kind = {
  name: "amount" | "rate" | "quantity";
  scale: number;
  maxText: string;
  maxMinor: bigint;
  minMinor: bigint;
};

function maxMinorOf(maxText: string): bigint {
  // The max texts have exactly `scale` decimals, so dropping the point gives minor units.
  return BigInt(maxText.replace(".", ""));
}

const AMOUNT: Kind = {
  name: "amount",
  scale: AMOUNT_SCALE,
  maxText: MAX_AMOUNT_TEXT,
  maxMinor: maxMinorOf(MAX_AMOUNT_TEXT),
  minMinor: -maxMinorOf(MAX_AMOUNT_TEXT),
};
const RATE: Kind = {
  name: "rate",
  scale: RATE_SCALE,
  maxText: MAX_RATE_TEXT,
  maxMinor: maxMinorOf(MAX_RATE_TEXT),
  minMinor: 1n,
};
const QUANTITY: Kind = {
  name: "quantity",
  scale: QUANTITY_SCALE,
  maxText: MAX_QUANTITY_TEXT,
  maxMinor: maxMinorOf(MAX_QUANTITY_TEXT),
  minMinor: -maxMinorOf(MAX_QUANTITY_TEXT),
};

// ---------------------------------------------------------------------------
// Construction from minor units (the only place values are created)

function checkedMinor(minor: bigint, kind: Kind): bigint {
  if (typeof minor !== "bigint") {
    throw new TypeError(`${kind.name} minor units must be a bigint, got ${typeof minor}`);
  }
  if (minor < kind.minMinor || minor > kind.maxMinor) {
    throw new RangeError(
      `${kind.name} out of range: ${minor} minor units (allowed ${kind.minMinor}..${kind.maxMinor})`,
    );
  }
  return minor;
}

function makeAmount(minor: bigint): Amount {
  return Object.freeze({ kind: "amount", minor: checkedMinor(minor, AMOUNT) }) as Amount;
}
function makeRate(minor: bigint): Rate {
  return Object.freeze({ kind: "rate", minor: checkedMinor(minor, RATE) }) as Rate;
}
function makeQuantity(minor: bigint): Quantity {
  return Object.freeze({ kind: "quantity", minor: checkedMinor(minor, QUANTITY) }) as Quantity;
}

/** Fen. */
export function amountToMinor(a: Amount): bigint {
  return a.minor;
}
/** From fen; throws RangeError outside ±MAX_AMOUNT_TEXT. */
export function amountFromMinor(n: bigint): Amount {
  return makeAmount(n);
}
/** Units of 0.0001 yuan. */
export function rateToMinor(r: Rate): bigint {
  return r.minor;
}
/** From units of 0.0001 yuan; throws RangeError unless 1..MAX_RATE_TEXT. */
export function rateFromMinor(n: bigint): Rate {
  return makeRate(n);
}
/** Units of 0.001. */
export function quantityToMinor(q: Quantity): bigint {
  return q.minor;
}
/** From units of 0.001; throws RangeError outside ±MAX_QUANTITY_TEXT. */
export function quantityFromMinor(n: bigint): Quantity {
  return makeQuantity(n);
}

// ---------------------------------------------------------------------------
// Wire format: canonical plain strings with exactly `scale` decimals

function minorToText(minor: bigint, scale: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(scale + 1, "0");
  const cut = digits.length - scale;
  return `${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

function minorFromCanonical(text: string, kind: Kind): bigint {
  if (typeof text !== "string") {
    throw new TypeError(`${kind.name} text must be a string, got ${typeof text}`);
  }
  const pattern = new RegExp(`^-?(0|[1-9]\\d*)\\.\\d{${kind.scale}}$`);
  if (!pattern.test(text) || /^-0\.0+$/.test(text)) {
    throw new SyntaxError(
      `not a canonical ${kind.name} (plain decimal with exactly ${kind.scale} decimals): ${JSON.stringify(text)}`,
    );
  }
  // Guard BigInt() against absurdly long text before converting.
  if (text.length > kind.maxText.length + 1) {
    throw new RangeError(`${kind.name} out of range: ${text}`);
  }
  return BigInt(text.replace(".", ""));
}

/** Canonical text with exactly 2 decimals: "1234.50", "-0.01", "0.00". */
export function amountToString(a: Amount): string {
  return minorToText(a.minor, AMOUNT_SCALE);
}
/** Canonical text with exactly 4 decimals: "0.3500". */
export function rateToString(r: Rate): string {
  return minorToText(r.minor, RATE_SCALE);
}
/** Canonical text with exactly 3 decimals: "0.105". */
export function quantityToString(q: Quantity): string {
  return minorToText(q.minor, QUANTITY_SCALE);
}

/** Reads trusted canonical text only (as written by amountToString); throws otherwise. */
export function amountFromString(text: string): Amount {
  return makeAmount(minorFromCanonical(text, AMOUNT));
}
/** Reads trusted canonical text only (as written by rateToString); throws otherwise. */
export function rateFromString(text: string): Rate {
  return makeRate(minorFromCanonical(text, RATE));
}
/** Reads trusted canonical text only (as written by quantityToString); throws otherwise. */
export function quantityFromString(text: string): Quantity {
  return makeQuantity(minorFromCanonical(text, QUANTITY));
}

// ---------------------------------------------------------------------------
// Parsing user text

const FULL_WIDTH_ZERO = 0xff10;
const CURRENCY_SIGNS = ["¥", "￥"];
const WHITESPACE_EDGES = /^[\s\u3000\uFEFF]+|[\s\u3000\uFEFF]+$/g;

function trimAll(text: string): string {
  return text.replace(WHITESPACE_EDGES, "");
}

function normaliseChars(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_ZERO + 0x30))
    .replace(/．/g, ".")
    .replace(/[－−]/g, "-");
}

type Affixes = { currency: boolean; suffixes: readonly string[] };

/** Returns the bare number text ("" when nothing was entered). */
function normalise(text: string, affixes: Affixes): string {
  let s = trimAll(normaliseChars(text));
  let sign = "";
  if (affixes.currency) {
    if (s.startsWith("-") && CURRENCY_SIGNS.includes(s.charAt(1))) {
      sign = "-";
      s = s.slice(1);
    }
    if (CURRENCY_SIGNS.includes(s.charAt(0))) {
      s = trimAll(s.slice(1));
    }
  }
  for (const suffix of affixes.suffixes) {
    if (s.endsWith(suffix)) {
      s = trimAll(s.slice(0, s.length - suffix.length));
      break;
    }
  }
  return s === "" ? "" : sign + s;
}

type ParseSpec = {
  scale: number;
  maxMinor: bigint;
  maxText: string;
  affixes: Affixes;
  allowNegative: boolean;
  allowZero: boolean;
  /** Piece counts: decimals other than zeros are "notWhole", not "tooManyDecimals". */
  whole: boolean;
};

function fail<T>(error: MoneyInputError): ParseResult<T> {
  return { ok: false, error };
}

function parseMinor(text: string | null | undefined, spec: ParseSpec): ParseResult<bigint> {
  if (text === null || text === undefined) return fail({ code: "required" });
  if (typeof text !== "string") return fail({ code: "invalid" });
  const s = normalise(text, spec.affixes);
  if (s === "") return fail({ code: "required" });
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (match === null) return fail({ code: "invalid" });
  const negativeSign = match[1] === "-";
  const intDigits = (match[2] ?? "").replace(/^0+/, "");
  let frac = match[3] ?? "";
  if (frac.length > spec.scale) {
    if (/[^0]/.test(frac.slice(spec.scale))) {
      return fail(spec.whole ? { code: "notWhole" } : { code: "tooManyDecimals", maxDecimals: spec.scale });
    }
    frac = frac.slice(0, spec.scale); // only zeros dropped: the value is unchanged
  }
  const isZero = intDigits === "" && !/[^0]/.test(frac);
  if (negativeSign && !isZero && !spec.allowNegative) return fail({ code: "negative" });
  if (isZero && !spec.allowZero) return fail({ code: "zero" });
  // Integer part longer than the max's: too large without building a huge BigInt.
  const maxIntLength = spec.maxText.split(".")[0]?.length ?? 0;
  if (intDigits.length > maxIntLength) return fail({ code: "tooLarge", max: spec.maxText });
  const magnitude = BigInt((intDigits || "0") + frac.padEnd(spec.scale, "0"));
  if (magnitude > spec.maxMinor) return fail({ code: "tooLarge", max: spec.maxText });
  return { ok: true, value: negativeSign ? -magnitude : magnitude };
}

function mapResult<A, B>(result: ParseResult<A>, f: (a: A) => B): ParseResult<B> {
  return result.ok ? { ok: true, value: f(result.value) } : result;
}

const MONEY_AFFIXES: Affixes = { currency: true, suffixes: ["元"] };
const RATE_AFFIXES: Affixes = { currency: true, suffixes: ["元/件", "元/个", "元"] };
const QUANTITY_AFFIXES: Affixes = { currency: false, suffixes: [] };
const PIECE_AFFIXES: Affixes = { currency: false, suffixes: ["件", "个"] };

/** Parses a yuan amount from a form. Defaults: allowNegative false, allowZero true. */
export function parseAmount(
  text: string | null | undefined,
  opts?: { allowNegative?: boolean; allowZero?: boolean },
): ParseResult<Amount> {
  const result = parseMinor(text, {
    scale: AMOUNT_SCALE,
    maxMinor: AMOUNT.maxMinor,
    maxText: MAX_AMOUNT_TEXT,
    affixes: MONEY_AFFIXES,
    allowNegative: opts?.allowNegative ?? false,
    allowZero: opts?.allowZero ?? true,
    whole: false,
  });
  return mapResult(result, makeAmount);
}

/** Parses a piece rate (yuan per piece, > 0, up to 4 decimals) from a form. */
export function parseRate(text: string | null | undefined): ParseResult<Rate> {
  const result = parseMinor(text, {
    scale: RATE_SCALE,
    maxMinor: RATE.maxMinor,
    maxText: MAX_RATE_TEXT,
    affixes: RATE_AFFIXES,
    allowNegative: false,
    allowZero: false,
    whole: false,
  });
  return mapResult(result, makeRate);
}

/** Parses a material quantity (>= 0, up to 3 decimals) from a form. Default allowZero true. */
export function parseQuantity(text: string | null | undefined, opts?: { allowZero?: boolean }): ParseResult<Quantity> {
  const result = parseMinor(text, {
    scale: QUANTITY_SCALE,
    maxMinor: QUANTITY.maxMinor,
    maxText: MAX_QUANTITY_TEXT,
    affixes: QUANTITY_AFFIXES,
    allowNegative: false,
    allowZero: opts?.allowZero ?? true,
    whole: false,
  });
  return mapResult(result, makeQuantity);
}

/** Parses a whole piece count 0..MAX_PIECE_COUNT (1.. when allowZero is false; default true). */
export function parsePieceCount(text: string | null | undefined, opts?: { allowZero?: boolean }): ParseResult<number> {
  const result = parseMinor(text, {
    scale: 0,
    maxMinor: BigInt(MAX_PIECE_COUNT),
    maxText: String(MAX_PIECE_COUNT),
    affixes: PIECE_AFFIXES,
    allowNegative: false,
    allowZero: opts?.allowZero ?? true,
    whole: true,
  });
  // Safe: the value is a whole number <= MAX_PIECE_COUNT (not money; an exact JS integer).
  return mapResult(result, (n) => Number(n));
}

// ---------------------------------------------------------------------------
// Amount arithmetic (exact; results outside the limits throw RangeError)

const ZERO_AMOUNT = makeAmount(0n);

export function zeroAmount(): Amount {
  return ZERO_AMOUNT;
}
export function addAmounts(a: Amount, b: Amount): Amount {
  return makeAmount(a.minor + b.minor);
}
export function subtractAmounts(a: Amount, b: Amount): Amount {
  return makeAmount(a.minor - b.minor);
}
/** Exact sum; only the total is range-checked. */
export function sumAmounts(list: readonly Amount[]): Amount {
  let total = 0n;
  for (const a of list) total += a.minor;
  return makeAmount(total);
}
export function negateAmount(a: Amount): Amount {
  return makeAmount(-a.minor);
}
export function compareAmounts(a: Amount, b: Amount): -1 | 0 | 1 {
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}
export function isZeroAmount(a: Amount): boolean {
  return a.minor === 0n;
}
export function isNegativeAmount(a: Amount): boolean {
  return a.minor < 0n;
}

// ---------------------------------------------------------------------------
// Computations that round (Decimal, exact until the one rounding)

function toDecimal(minor: bigint, scale: number): Decimal {
  return new D(minorToText(minor, scale));
}

/** Rounds half away from zero to the fen and returns the Amount (RangeError if too large). */
function roundToAmount(exact: Decimal): Amount {
  const rounded = exact.toDecimalPlaces(AMOUNT_SCALE, D.ROUND_HALF_UP);
  // Decimal#toFixed (not Number#toFixed): exact, plain notation.
  return makeAmount(BigInt(rounded.toFixed(AMOUNT_SCALE).replace(".", "")));
}

function checkedCount(pieceCount: number | bigint): bigint {
  if (typeof pieceCount === "bigint") {
    if (pieceCount < 0n || pieceCount > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`piece count must be a safe non-negative integer, got ${pieceCount}`);
    }
    return pieceCount;
  }
  if (typeof pieceCount !== "number") {
    throw new TypeError(`piece count must be a number or bigint, got ${typeof pieceCount}`);
  }
  if (!Number.isSafeInteger(pieceCount) || pieceCount < 0) {
    throw new RangeError(`piece count must be a safe non-negative integer, got ${pieceCount}`);
  }
  return BigInt(pieceCount);
}

/** Trims trailing zeros of a fraction down to `min` digits. */
function trimFraction(frac: string, min: number): string {
  let end = frac.length;
  while (end > min && frac.charAt(end - 1) === "0") end--;
  return frac.slice(0, end);
}

/**
 * Pay line: count x rate, exact, rounded ONCE half-up to the fen.
 * Count: a safe non-negative integer (RangeError otherwise, or if the result
 * exceeds MAX_AMOUNT_TEXT).
 */
export function lineAmount(pieceCount: number | bigint, rate: Rate): Amount {
  const count = checkedCount(pieceCount);
  return roundToAmount(new D(count.toString()).times(toDecimal(rate.minor, RATE_SCALE)));
}

/**
 * The exact, unrounded count x rate as plain text with at least 2 and at most 4
 * decimals (trailing zeros past the 2nd trimmed): 3 x 0.3500 -> "1.05",
 * 3 x 0.1234 -> "0.3702", 7 x 0.0015 -> "0.0105". For "why is my pay X" explanations.
 */
export function exactLineValue(pieceCount: number | bigint, rate: Rate): string {
  const count = checkedCount(pieceCount);
  const exact = new D(count.toString()).times(toDecimal(rate.minor, RATE_SCALE));
  const [int = "0", frac = ""] = exact.toFixed(RATE_SCALE).split(".");
  return `${int}.${trimFraction(frac, 2)}`;
}

const MAX_PARAM_INT_DIGITS = 15;

/**
 * a x percent / 100, rounded half-up (away from zero for negative amounts) to the fen.
 * percentText: canonical non-negative decimal, no leading zeros, up to 4 decimals
 * ("80", "20", "12.5"). SyntaxError if malformed, RangeError if negative or absurd,
 * or if the result exceeds the amount limit.
 */
export function percentOfAmount(a: Amount, percentText: string): Amount {
  if (typeof percentText !== "string") {
    throw new TypeError(`percent must be a string, got ${typeof percentText}`);
  }
  if (/^-\d+(\.\d+)?$/.test(percentText)) {
    throw new RangeError(`percent must not be negative: ${percentText}`);
  }
  const match = /^(0|[1-9]\d*)(?:\.\d{1,4})?$/.exec(percentText);
  if (match === null) {
    throw new SyntaxError(`percent must be a plain decimal with up to 4 decimals: ${JSON.stringify(percentText)}`);
  }
  if ((match[1] ?? "").length > MAX_PARAM_INT_DIGITS) {
    throw new RangeError(`percent too large: ${percentText}`);
  }
  // <= 14 + 19 significant digits: the product is exact at precision 50; /100 is a shift.
  return roundToAmount(toDecimal(a.minor, AMOUNT_SCALE).times(percentText).dividedBy(100));
}

/**
 * Implied hourly pay for the fair-rate check: rate x 60 / standard minutes per piece,
 * rounded half-up to the fen. minutes: positive plain decimal with up to 2 decimals
 * ("2", "0.75"); RangeError if <= 0 (or absurdly large), SyntaxError if malformed.
 */
export function impliedHourlyPay(rate: Rate, standardMinutesPerPiece: string): Amount {
  const text = standardMinutesPerPiece;
  if (typeof text !== "string") {
    throw new TypeError(`minutes must be a string, got ${typeof text}`);
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null || (match[3] ?? "").length > 2) {
    throw new SyntaxError(`minutes must be a plain decimal with up to 2 decimals: ${JSON.stringify(text)}`);
  }
  const minutes = new D(text);
  if (minutes.lte(0)) throw new RangeError(`minutes per piece must be > 0: ${text}`);
  if ((match[2] ?? "").replace(/^0+/, "").length > MAX_PARAM_INT_DIGITS) {
    throw new RangeError(`minutes per piece too large: ${text}`);
  }
  // q = N / M with N = rate x 60 and M = minutes, both exact. Half-up to the fen
  // without double rounding: fen = floor(100q + 1/2) = floor((200N + M) / (2M)),
  // and divToInt truncates the exact quotient (all values positive).
  const n = toDecimal(rate.minor, RATE_SCALE).times(60);
  const fen = n.times(200).plus(minutes).dividedToIntegerBy(minutes.times(2));
  return makeAmount(BigInt(fen.toFixed(0)));
}

/**
 * a x b, exact, rounded ONCE half-up (away from zero) to the fen, for two values
 * held as integer minor units at the given scales: e.g. an excess material
 * quantity (scale 7) x a unit cost (scale 4, yuan per unit). RangeError when a
 * scale is not a small non-negative integer or the result exceeds the amount limit.
 */
export function amountOfProduct(a: bigint, aScale: number, b: bigint, bScale: number): Amount {
  for (const scale of [aScale, bScale]) {
    if (!Number.isSafeInteger(scale) || scale < 0 || scale > 12) throw new RangeError(`bad scale ${scale}`);
  }
  if (typeof a !== "bigint" || typeof b !== "bigint") throw new TypeError("minor units must be bigints");
  return roundToAmount(toDecimal(a, aScale).times(toDecimal(b, bScale)));
}

// ---------------------------------------------------------------------------
// Display formatting (by hand from the exact text; never through Number or Intl)

const CURRENCY_PREFIX: Record<MoneyLocale, string> = { "zh-CN": "¥", en: "CN¥" };

function groupThousands(intDigits: string): string {
  const groups: string[] = [];
  for (let end = intDigits.length; end > 0; end -= 3) {
    groups.unshift(intDigits.slice(Math.max(0, end - 3), end));
  }
  return groups.join(",");
}

function splitCanonical(text: string): { sign: string; int: string; frac: string } {
  const sign = text.startsWith("-") ? "-" : "";
  const [int = "0", frac = ""] = text.slice(sign.length).split(".");
  return { sign, int, frac };
}

/** zh-CN "¥1,234.50" / "-¥1,234.50"; en "CN¥1,234.50" / "-CN¥1,234.50". */
export function formatAmount(a: Amount, locale: MoneyLocale): string {
  const { sign, int, frac } = splitCanonical(amountToString(a));
  return `${sign}${CURRENCY_PREFIX[locale]}${groupThousands(int)}.${frac}`;
}

/** Same prefix as amounts, 2 to 4 decimals: "¥0.35", "¥0.1234", "¥2.50", "¥1,200.005". */
export function formatRate(r: Rate, locale: MoneyLocale): string {
  const { sign, int, frac } = splitCanonical(rateToString(r));
  return `${sign}${CURRENCY_PREFIX[locale]}${groupThousands(int)}.${trimFraction(frac, 2)}`;
}

/** Plain grouped number, trailing zeros trimmed, no currency: "1,234.5", "0.105", "2". */
export function formatQuantity(q: Quantity, _locale: MoneyLocale): string {
  const { sign, int, frac } = splitCanonical(quantityToString(q));
  const trimmed = trimFraction(frac, 0);
  return `${sign}${groupThousands(int)}${trimmed === "" ? "" : `.${trimmed}`}`;
}

// ---------------------------------------------------------------------------
// Other exact decimals from forms (standard minutes, percentages)

/**
 * Parses a non-negative decimal with at most `scale` places into integer units
 * of 10^-scale (e.g. minutes "12.5" at scale 2 -> 1250n), with the same rules
 * and error codes as the money parsers (no silent rounding).
 */
export function parseScaledDecimal(
  text: string | null | undefined,
  opts: { scale: number; maxText: string; allowZero?: boolean; suffixes?: readonly string[] },
): ParseResult<bigint> {
  const [intPart = "0", fracPart = ""] = opts.maxText.split(".");
  return parseMinor(text, {
    scale: opts.scale,
    maxMinor: BigInt(intPart + fracPart.padEnd(opts.scale, "0")),
    maxText: opts.maxText,
    affixes: { currency: false, suffixes: opts.suffixes ?? [] },
    allowNegative: false,
    allowZero: opts.allowZero ?? true,
    whole: false,
  });
}

/** Integer units of 10^-scale as plain decimal text with trailing zeros trimmed ("1250", 2 -> "12.5"). */
export function scaledToString(minor: bigint, scale: number): string {
  if (scale === 0) return minor.toString();
  return minorToText(minor, scale).replace(/\.?0+$/, "");
}
