// A stand-in for the running app during the backup test: commits audit events
// through the app's own audit helper, one per transaction, as fast as it can,
// and prints "committed <n>" once each commit has returned. Stops on SIGTERM.
//   DATABASE_URL=file:… WRITER_WORKSHOP_ID=… node --import tsx tests/ops/writer.ts
import { recordAudit } from "../../app/models/audit.server.ts";
import { db, disconnectDb } from "../../app/infra/db.server.ts";

const workshopId = process.env.WRITER_WORKSHOP_ID;
if (!workshopId) throw new Error("WRITER_WORKSHOP_ID is required");
let stopping = false;
process.once("SIGTERM", () => (stopping = true));

for (let n = 0; !stopping; n++) {
  await recordAudit(
    db(),
    { userId: null, workshopId },
    { action: "backup-test.write", entityType: "Test", entityId: `row-${n}`, after: { n } },
  );
  process.stdout.write(`committed ${n}\n`);
  // The driver is synchronous underneath: without a turn of the event loop, SIGTERM would never be handled.
  await new Promise((resolve) => setImmediate(resolve));
}
await disconnectDb();
