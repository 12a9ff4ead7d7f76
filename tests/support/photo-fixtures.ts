// Piece logs with photos for the integration tests (issue 8): an assignment of
// the worker's on a new order, a submitted log against it (written directly,
// tests/support/piece-log-fixtures.ts), and its photo stored through the real
// photo store into the test file's PHOTO_DIR (tests/setup/per-file-db.ts).
import { db } from "../../app/infra/db.server.ts";
import { storePhoto } from "../../app/infra/photo-store.server.ts";
import type { OrderWorld } from "./catalogue-fixtures.ts";
import { createOrderRow } from "./catalogue-fixtures.ts";
import type { TestUser } from "./fixtures.ts";
import { photoFile, TINY_JPEG } from "./images.ts";
import { createAssignmentRow, createSubmittedLog } from "./piece-log-fixtures.ts";

/** A submitted piece log of `worker`'s with the photo `bytes` (none when null); answers the log's id. */
export async function loggedWithPhoto(
  world: OrderWorld,
  worker: TestUser,
  bytes: Uint8Array | null = TINY_JPEG,
): Promise<string> {
  const orderId = await createOrderRow(world, { quantity: 20, dueOn: "2099-12-31" });
  const assignmentId = await createAssignmentRow({
    workshopId: world.workshop.id,
    orderId,
    productId: world.product.id,
    workerId: worker.id,
    createdById: world.coordinator.id,
    quantity: 10,
  });
  const logId = await createSubmittedLog(assignmentId, { quantity: 4 });
  if (bytes) {
    const stored = await storePhoto(photoFile(bytes));
    if (!stored.ok) throw new Error(`test setup: photo refused: ${stored.code}`);
    await db().pieceLog.update({ where: { id: logId }, data: { photoPath: stored.path } });
  }
  return logId;
}
