// A confirmed (running) worker import's job run in a process of its own, for the crash test
// (tests/integration/worker-import-crash.test.ts), which kills it part-way:
//   DATABASE_URL=… IMPORT_ID=… IMPORT_WORKSHOP=… IMPORT_ACTOR=… node --import tsx tests/support/import-child.ts
// Hashes with a cheap cost (the crash is about the transaction, not the hash),
// prints "start" once the passwords are hashed (just before the transaction)
// and "done <code>" at the end.
import { disconnectDb } from "../../app/infra/db.server.ts";
import { runWorkerImport } from "../../app/models/worker-import.server.ts";

const actor = { userId: process.env.IMPORT_ACTOR ?? "", workshopId: process.env.IMPORT_WORKSHOP ?? "" };
const result = await runWorkerImport(actor, process.env.IMPORT_ID ?? "", {
  cost: { N: 2 ** 4, r: 8, p: 1 },
  concurrency: 8,
  onHashed: () => void process.stdout.write("start\n"),
});
process.stdout.write(`done ${result.ok ? "ok" : result.code}\n`);
await disconnectDb();
