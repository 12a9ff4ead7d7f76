import { afterEach, vi } from "vitest";

// A test that makes the app log an error fails, so unexpected errors are never
// silently swallowed (Epic Stack's rule).
const spy = vi.spyOn(console, "error");

afterEach(() => {
  const calls = spy.mock.calls;
  if (calls.length > 0) {
    const first = calls[0]?.map(String).join(" ");
    spy.mockClear();
    throw new Error(`console.error was called during the test: ${first}`);
  }
});
