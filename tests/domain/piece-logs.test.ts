// When a piece log counts as made (app/domain/piece-logs.ts, ADR 020): the
// phone's time within a 7-day window and 5 minutes of clock skew, never before
// the task existed and never after the server's now; otherwise the server's now.
import fc from "fast-check";
import { expect, test } from "vitest";
import { CLOCK_SKEW_MS, logMadeAt, QUEUE_WINDOW_MS } from "../../app/domain/piece-logs.ts";

const NOW = new Date("2026-12-01T10:00:00Z");
const N = NOW.getTime();
/** A task older than the window, and one made three days ago. */
const OLD_TASK = new Date("2026-11-01T00:00:00Z");
const TASK = new Date("2026-11-28T00:00:00Z");
const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;

test.each([
  ["no time from the phone", null, N],
  ["made a day ago", N - DAY, N - DAY],
  ["exactly at the window's edge", N - QUEUE_WINDOW_MS, N - QUEUE_WINDOW_MS],
  ["one ms older than the window", N - QUEUE_WINDOW_MS - 1, N],
  ["a clock 4 minutes fast: read as now", N + 4 * MIN, N],
  ["exactly the allowed skew ahead", N + CLOCK_SKEW_MS, N],
  ["one ms beyond the allowed skew", N + CLOCK_SKEW_MS + 1, N],
  ["before the task existed: the task's creation", TASK.getTime() - DAY, TASK.getTime(), TASK],
  ["not an integer", 1.5, N],
  ["beyond safe integers", Number.MAX_SAFE_INTEGER + 2, N],
] as const)("%s", (_what, madeAt, expected, task: Date = OLD_TASK) => {
  expect(logMadeAt(madeAt, NOW, task).getTime()).toBe(expected);
});

test("property: the answer is the phone's time clamped to [task, now] inside the window, else now (integer oracle)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: N - 30 * DAY, max: N + 30 * DAY }),
      fc.integer({ min: N - 30 * DAY, max: N }),
      (madeAt, created) => {
        const got = logMadeAt(madeAt, NOW, new Date(created)).getTime();
        const inWindow = madeAt >= N - 7 * 24 * 3600 * 1000 && madeAt <= N + 5 * 60 * 1000;
        const want = inWindow ? Math.min(Math.max(madeAt, created), N) : N;
        expect(got).toBe(want);
        expect(got).toBeLessThanOrEqual(N);
      },
    ),
    { numRuns: 2000 },
  );
});
