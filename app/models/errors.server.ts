// Database errors the models turn into answers.

/** Prisma's unique-constraint violation (P2002): someone else just wrote the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Runs a create/rename whose "name taken" check is a read before the write:
 * when a concurrent request wins the race, the unique index refuses the second
 * write, and the person gets the same friendly answer instead of a 500.
 */
export async function nameTakenOnConflict<T>(write: () => Promise<T>): Promise<T | { ok: false; code: "nameTaken" }> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "nameTaken" };
    throw error;
  }
}
