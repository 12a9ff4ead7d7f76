/**
 * Money core: exact CNY amounts, piece rates and material quantities.
 * Pure module: imports only decimal.js and ./money-values.ts. See docs/domain.md "Money rules".
 *
 * This module is the one way to work with money. It re-exports everything in
 * ./money-values.ts (the types, construction from minor units, canonical wire
 * text, parsing what people type, display formatting and exact sums, all on
 * bigint and text) and adds the computations that round, through a private
 * decimal.js clone. The split exists for the browser: the form schemas import
 * the parsers from ./money-values.ts, so decimal.js (about 11 KB compressed)
 * never reaches a phone that only checks what was typed (docs/decisions/015).
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
 * Errors thrown (these are programming or data errors, never user input errors)
 * - SyntaxError: malformed trusted text (wire/db strings, percent, minutes).
 * - RangeError: a value outside the limits (fromMinor, fromString, arithmetic
 *   overflow, bad piece count, minutes <= 0, ...). Data corruption must be loud.
 * - TypeError: a value of the wrong JS type at runtime (e.g. a number for a bigint).
 */
import Decimal from "decimal.js";
import {
  AMOUNT_SCALE,
  RATE_SCALE,
  amountFromMinor,
  amountToMinor,
  rateFromMinor,
  amountToString,
  rateToString,
  scaledToString,
} from "./money-values.ts";
import type { Amount, Rate } from "./money-values.ts";

export * from "./money-values.ts";

const D = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});

// ---------------------------------------------------------------------------
// Computations that round (Decimal, exact until the one rounding)

function decimalOfRate(rate: Rate): Decimal {
  return new D(rateToString(rate));
}

function decimalOfAmount(a: Amount): Decimal {
  return new D(amountToString(a));
}

/** Rounds half away from zero to the fen and returns the Amount (RangeError if too large). */
function roundToAmount(exact: Decimal): Amount {
  const rounded = exact.toDecimalPlaces(AMOUNT_SCALE, D.ROUND_HALF_UP);
  // Decimal#toFixed (not Number#toFixed): exact, plain notation.
  return amountFromMinor(BigInt(rounded.toFixed(AMOUNT_SCALE).replace(".", "")));
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

/**
 * Pay line: count x rate, exact, rounded ONCE half-up to the fen.
 * Count: a safe non-negative integer (RangeError otherwise, or if the result
 * exceeds MAX_AMOUNT_TEXT).
 */
export function lineAmount(pieceCount: number | bigint, rate: Rate): Amount {
  const count = checkedCount(pieceCount);
  return roundToAmount(new D(count.toString()).times(decimalOfRate(rate)));
}

/**
 * The exact, unrounded count x rate as plain text with at least 2 and at most 4
 * decimals (trailing zeros past the 2nd trimmed): 3 x 0.3500 -> "1.05",
 * 3 x 0.1234 -> "0.3702", 7 x 0.0015 -> "0.0105". For "why is my pay X" explanations.
 */
export function exactLineValue(pieceCount: number | bigint, rate: Rate): string {
  const count = checkedCount(pieceCount);
  const exact = new D(count.toString()).times(decimalOfRate(rate));
  const [int = "0", frac = ""] = exact.toFixed(RATE_SCALE).split(".");
  return `${int}.${frac.slice(0, 2)}${frac.slice(2).replace(/0+$/, "")}`;
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
  return roundToAmount(decimalOfAmount(a).times(percentText).dividedBy(100));
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
  return perHour(decimalOfRate(rate), minutes);
}

/**
 * Pay per hour of work: `pay` x 60 / `minutes`, exact, rounded ONCE half-up to the fen.
 * N = pay x 60 and M = minutes are exact; half-up without double rounding:
 * fen = floor(100q + 1/2) = floor((200N + M) / (2M)), and divToInt truncates the
 * exact quotient (pay >= 0, minutes > 0, so every value is non-negative).
 */
function perHour(pay: Decimal, minutes: Decimal): Amount {
  const n = pay.times(60);
  const fen = n.times(200).plus(minutes).dividedToIntegerBy(minutes.times(2));
  return amountFromMinor(BigInt(fen.toFixed(0)));
}

/**
 * Hourly pay actually earned (the minimum-wage view): earnings x 60 / minutes worked,
 * rounded half-up to the fen, with the minutes given x100 as integers (Product.standardMinutesE2
 * x pieces): 150.00 yuan over 45000 (450 minutes) is 20.00 yuan an hour. RangeError when the
 * earnings are negative or the minutes not > 0; TypeError for a number where a bigint belongs.
 */
export function hourlyPayOfEarnings(earnings: Amount, minutesE2: bigint): Amount {
  if (typeof minutesE2 !== "bigint") throw new TypeError(`minutes x100 must be a bigint, got ${typeof minutesE2}`);
  if (minutesE2 <= 0n) throw new RangeError(`minutes worked must be > 0, got ${minutesE2} (x100)`);
  if (amountToMinor(earnings) < 0n) throw new RangeError(`earnings must not be negative: ${amountToString(earnings)}`);
  return perHour(decimalOfAmount(earnings), new D(scaledToString(minutesE2, 2)));
}

/**
 * Whether earnings over minutes worked (x100) pay less than `minimumHourly` an hour, decided
 * exactly (not on the rounded figure): 19.995 yuan an hour is under a 20.00 minimum.
 */
export function earnsBelowHourly(earnings: Amount, minutesE2: bigint, minimumHourly: Amount): boolean {
  if (typeof minutesE2 !== "bigint") throw new TypeError(`minutes x100 must be a bigint, got ${typeof minutesE2}`);
  if (minutesE2 <= 0n) throw new RangeError(`minutes worked must be > 0, got ${minutesE2} (x100)`);
  // earnings x 60 / (minutesE2 / 100) < minimum  <=>  earningsFen x 6000 < minimumFen x minutesE2
  return amountToMinor(earnings) * 6000n < amountToMinor(minimumHourly) * minutesE2;
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
  return roundToAmount(new D(scaledToString(a, aScale)).times(new D(scaledToString(b, bScale))));
}

/**
 * The mean of `count` amounts whose exact sum is `total`, rounded ONCE half-up to the fen
 * (an average pay, or the median of an even count: the two middle values' sum over 2).
 * RangeError for a count that is not a positive safe integer.
 */
export function meanAmount(total: Amount, count: number | bigint): Amount {
  const n = checkedCount(count);
  if (n === 0n) throw new RangeError("mean of no amounts");
  return roundToAmount(decimalOfAmount(total).div(new D(n.toString())));
}

// ---------------------------------------------------------------------------
// Spreadsheet numbers (XLSX exports, ADR 023)
//
// A spreadsheet cell holds an IEEE double. Every amount within the limits has at most 14
// significant digits (MAX_AMOUNT_TEXT) and every rate at most 8, fewer than the 15 a double
// keeps, so the double nearest the exact value is unique to it: shown with the cell's 2 (or 4)
// decimals it reads as the exact value, and read back it gives the same fen. Totals are never
// left to the spreadsheet: they are exact BigInt sums, written as cells of their own.

/** The double nearest an amount, for a numeric spreadsheet cell (never for arithmetic). */
export function amountToSpreadsheetNumber(a: Amount): number {
  return new D(amountToString(a)).toNumber();
}

/** The rate as the double nearest it, for a numeric spreadsheet cell. */
export function rateToSpreadsheetNumber(r: Rate): number {
  return new D(rateToString(r)).toNumber();
}

/**
 * Reads a spreadsheet cell's number back as an amount: the shortest decimal that is that
 * double (decimal.js reads a number through its shortest round-trip text) must have at most
 * 2 decimals. RangeError otherwise (it was not written from an amount), TypeError if not finite.
 */
export function amountFromSpreadsheetNumber(n: number): Amount {
  if (typeof n !== "number" || !Number.isFinite(n)) throw new TypeError(`not a finite number: ${String(n)}`);
  const exact = new D(n);
  if (exact.decimalPlaces() > AMOUNT_SCALE) throw new RangeError(`not an amount of whole fen: ${exact.toString()}`);
  return amountFromMinor(BigInt(exact.times(100).toFixed(0)));
}

/** Reads a spreadsheet cell's number back as a rate (at most 4 decimals, > 0), like amountFromSpreadsheetNumber. */
export function rateFromSpreadsheetNumber(n: number): Rate {
  if (typeof n !== "number" || !Number.isFinite(n)) throw new TypeError(`not a finite number: ${String(n)}`);
  const exact = new D(n);
  if (exact.decimalPlaces() > RATE_SCALE) throw new RangeError(`not a rate of 0.0001 yuan: ${exact.toString()}`);
  return rateFromMinor(BigInt(exact.times(10_000).toFixed(0)));
}
