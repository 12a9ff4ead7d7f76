// Once-only form submissions. A form that creates something a person depends
// on (a claim, later a piece log) carries a random key rendered into the page;
// a resubmission of the same page (double tap, retry on a weak signal, the
// browser re-posting) finds the key and returns the first result instead of
// writing again. The key row is written in the same transaction as the
// record, so either both exist or neither.
import { randomBytes } from "node:crypto";
import { db, type Tx } from "../infra/db.server.ts";
import { isUniqueViolation } from "./errors.server.ts";
import { Refusal } from "./refusal.server.ts";

/** A fresh key for a form on a page about to be rendered. */
export function newSubmissionKey(): string {
  return randomBytes(16).toString("base64url");
}

export function isSubmissionKey(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(value);
}

export type Once<T> = { replayed: false; result: T } | { replayed: true; resultId: string | null };

/**
 * Runs `work` in a transaction unless this user already submitted this key for
 * this action; then it returns the earlier result's id and writes nothing.
 * `work` returns the result and the id to remember (null when it changed nothing,
 * in which case the key is not kept, so the person can correct and resend).
 */
export async function once<T>(
  userId: string,
  key: string,
  action: string,
  work: (tx: Tx) => Promise<{ result: T; resultId: string | null }>,
): Promise<Once<T>> {
  // The action is part of the id: a key sent to the wrong form can never collide with another action's.
  const id = `${userId}:${action}:${key}`;
  const earlier = async (): Promise<Once<T> | null> => {
    const row = await db().formSubmission.findUnique({ where: { key: id }, select: { action: true, resultId: true } });
    return row ? { replayed: true, resultId: row.resultId } : null;
  };
  const seen = await earlier();
  if (seen) return seen;
  try {
    const outcome = await db().$transaction(async (tx) => {
      const { result, resultId } = await work(tx);
      if (resultId !== null) await tx.formSubmission.create({ data: { key: id, userId, action, resultId } });
      return { replayed: false as const, result, kept: resultId !== null };
    });
    if (!outcome.kept) {
      // Refused: maybe because a concurrent copy of this very submission took what
      // it asked for (e.g. the last open pieces) and has committed since. Then
      // the honest answer is the copy's success, not a refusal.
      const raced = await earlier();
      if (raced) return raced;
    }
    return { replayed: false, result: outcome.result };
  } catch (error) {
    // Refused after a write (refuseInTransaction: all of it rolled back): a refusal like any other,
    // unless a concurrent copy of this very submission succeeded meanwhile.
    if (error instanceof Refusal) {
      const raced = await earlier();
      if (raced) return raced;
      return { replayed: false, result: error.result as T };
    }
    // A concurrent copy of the same submission won the race: report its result.
    if (isUniqueViolation(error)) {
      const raced = await earlier();
      if (raced) return raced;
    }
    throw error;
  }
}

/**
 * `once` for work that answers `{ ok: true, id? } | { ok: false, … }`: a refusal
 * keeps no key (the person may correct and resend); a success is remembered by
 * its id (or `fallbackId` when it creates no row); a resend of a success
 * answers `{ ok: true, id, replayed: true }` without doing anything.
 */
export async function onceOk<T extends { ok: boolean; id?: string }>(
  userId: string,
  key: string,
  action: string,
  fallbackId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T | { ok: true; id?: string; replayed: true }> {
  const outcome = await once<T>(userId, key, action, async (tx) => {
    const result = await work(tx);
    return { result, resultId: result.ok ? (result.id ?? fallbackId) : null };
  });
  return outcome.replayed ? { ok: true, id: outcome.resultId ?? undefined, replayed: true } : outcome.result;
}
