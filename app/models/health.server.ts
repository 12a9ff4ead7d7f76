// What the HTTP layer needs of the database: a trivial query for /healthz, and
// closing the connections when the server shuts down.
import { db, disconnectDb } from "../infra/db.server.ts";

/** Resolves true when the database answers `SELECT 1`; rejects with the driver's error when it does not. */
export async function databaseAnswers(): Promise<boolean> {
  await db().$queryRaw`SELECT 1`;
  return true;
}

export function disconnectDatabase(): Promise<void> {
  return disconnectDb();
}
