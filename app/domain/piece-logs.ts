// When a piece log was made (ADR 020). A log kept on her phone without signal
// reaches the server later, maybe the next day; it is dated, and priced at the
// rate in force, on the day she made it, as her phone says. A phone's clock
// can be wrong, so its time is believed only within bounds; outside them the
// server's time is used, as for every log sent straight away. Pure.

/** How long a log may wait on the phone and still keep the phone's time. */
export const QUEUE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** How far ahead of the server a phone's clock may run (it is then read as "now"). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The instant a log counts as made: the phone's `madeAt` (ms since 1970) when
 * given and no older than QUEUE_WINDOW_MS and no later than CLOCK_SKEW_MS
 * ahead of `now`, never before `notBefore` (the assignment's creation, so a
 * slow clock cannot date a log before her task existed) and never after `now`;
 * otherwise `now`.
 */
export function logMadeAt(madeAt: number | null, now: Date, notBefore: Date): Date {
  const server = now.getTime();
  if (madeAt === null || !Number.isSafeInteger(madeAt)) return now;
  if (madeAt < server - QUEUE_WINDOW_MS || madeAt > server + CLOCK_SKEW_MS) return now;
  const clamped = Math.min(Math.max(madeAt, notBefore.getTime()), server);
  return new Date(clamped);
}
