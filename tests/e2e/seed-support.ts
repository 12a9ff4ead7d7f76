// Shared by the journeys' seed scripts (tests/e2e/seed-*.ts), which write to the demo
// database from a process of their own while the server runs.

/**
 * SQLite beside the running server: a transaction that met another process's write (Prisma's
 * P1008 timeout or P2034 conflict, or SQLITE_BUSY) is retried whole, waiting a little longer
 * each time, up to 20 attempts.
 */
export async function retryBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const busy = code === "P1008" || code === "P2034" || /SQLITE_BUSY|database is locked/.test(String(error));
      if (attempt >= 20 || !busy) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
