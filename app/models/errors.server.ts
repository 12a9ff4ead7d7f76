// Database errors the models turn into answers.
import { fail, type Fail } from "./result.ts";

/** Prisma's unique-constraint violation (P2002): someone else just wrote the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Runs a write whose "taken" check (a name, a phone number) is a read before
 * the write: when a concurrent request wins the race, the unique index refuses
 * the second write, and the person gets the same friendly answer instead of a
 * 500.
 */
export async function takenOnConflict<T, C extends string>(code: C, write: () => Promise<T>): Promise<T | Fail<C>> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return fail(code);
    throw error;
  }
}

export function nameTakenOnConflict<T>(write: () => Promise<T>): Promise<T | Fail<"nameTaken">> {
  return takenOnConflict("nameTaken", write);
}
