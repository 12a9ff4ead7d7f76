// The hot reads (readRows) get values as each driver gives them: the decoders
// accept every form SQLite and PostgreSQL use for a value, and refuse anything
// else loudly rather than guess.
import { expect, test } from "vitest";
import { bigintOrNull, booleanOf, dateOf, intOf, textOf, textOrNull } from "../../app/infra/db.server.ts";

test("timestamps: ISO text with an offset, SQLite's UTC text without one, a Date, epoch milliseconds", () => {
  const instant = "2026-12-31T07:11:06.775Z";
  for (const value of [
    "2026-12-31T07:11:06.775+00:00",
    "2026-12-31 07:11:06.775",
    new Date(instant),
    Date.parse(instant),
  ]) {
    expect(dateOf(value).toISOString()).toBe(instant);
  }
  expect(dateOf("2026-12-31 07:11:06").toISOString()).toBe("2026-12-31T07:11:06.000Z");
  expect(() => dateOf("yesterday")).toThrow(TypeError);
  expect(() => dateOf(null)).toThrow(TypeError);
});

test("booleans: true/false, 1/0, and their text forms", () => {
  for (const value of [true, 1, "1", "true", "t"]) expect(booleanOf(value)).toBe(true);
  for (const value of [false, 0, "0", "false", "f"]) expect(booleanOf(value)).toBe(false);
  expect(() => booleanOf("yes")).toThrow(TypeError);
  expect(() => booleanOf(null)).toThrow(TypeError);
});

test("big integers stay exact: bigint, safe numbers and digit text; null is null", () => {
  expect(bigintOrNull("90071992547409931")).toBe(90071992547409931n);
  expect(bigintOrNull(25_000)).toBe(25_000n);
  expect(bigintOrNull(-7n)).toBe(-7n);
  expect(bigintOrNull(null)).toBeNull();
  expect(() => bigintOrNull(2.5)).toThrow(TypeError);
  expect(() => bigintOrNull(2 ** 60)).toThrow(TypeError);
  expect(() => bigintOrNull("1e3")).toThrow(TypeError);
});

test("integers and text", () => {
  expect(intOf(41)).toBe(41);
  expect(intOf("41")).toBe(41);
  expect(intOf(41n)).toBe(41);
  expect(() => intOf("4.1")).toThrow(TypeError);
  expect(() => intOf(2 ** 60)).toThrow(TypeError);
  expect(textOf("陈美华")).toBe("陈美华");
  expect(textOrNull(null)).toBeNull();
  expect(() => textOf(5)).toThrow(TypeError);
});
