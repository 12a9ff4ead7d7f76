// How long a 2,000-row worker import takes (ADR 025), against the database
// DATABASE_URL names (migrated): stage, preview, then confirm with the full
// scrypt cost, timing the background job's hashing (before the transaction) and its transaction.
//   DATABASE_URL=file:/tmp/timing.db node --import tsx tests/support/import-timing.ts [rows] [concurrency]
import { db, disconnectDb } from "../../app/infra/db.server.ts";
import {
  previewWorkerImport,
  runWorkerImport,
  stageWorkerImport,
  startWorkerImport,
} from "../../app/models/worker-import.server.ts";
import { csvBytes, phones } from "./import-sheets.ts";

const rows = Number.parseInt(process.argv[2] ?? "2000", 10);
const concurrency = Number.parseInt(process.argv[3] ?? "2", 10);
const suffix = Date.now() % 1_000_000;
const workshop = await db().workshop.create({ data: { name: `计时工坊${suffix}` } });
const coordinator = await db().user.create({
  data: { role: "coordinator", name: "计时", phone: `166${String(suffix).padStart(8, "0")}`, workshopId: workshop.id },
});
const actor = { userId: coordinator.id, workshopId: workshop.id };
const list = phones(rows, (suffix % 90) * 1_000_000);
const t0 = performance.now();
const staged = await stageWorkerImport(
  actor,
  { name: "t.csv", bytes: csvBytes(list.map((phone, i) => ({ name: `工${i}`, phone }))) },
  new Date(),
);
if (!staged.ok) throw new Error(staged.code);
const t1 = performance.now();
const preview = (await previewWorkerImport(actor, staged.id, new Date()))!;
const t2 = performance.now();
let hashed = 0;
const started = await startWorkerImport(actor, staged.id, preview.digest, new Date());
if (!started.ok) throw new Error(started.code);
const result = await runWorkerImport(actor, staged.id, {
  concurrency,
  // IMPORT_TIMING_N=16 times the transaction alone (cheap hashes); by default the full cost.
  ...(process.env.IMPORT_TIMING_N ? { cost: { N: Number(process.env.IMPORT_TIMING_N), r: 8, p: 1 } } : {}),
  onHashed: () => void (hashed = performance.now()),
});
const t3 = performance.now();
if (!result.ok) throw new Error(result.code);
const ms = (a: number, b: number) => Math.round(b - a);
console.log(
  JSON.stringify({
    rows,
    concurrency,
    stageMs: ms(t0, t1),
    previewMs: ms(t1, t2),
    confirmMs: ms(t2, t3),
    hashMs: ms(t2, hashed),
    transactionMs: ms(hashed, t3),
  }),
);
await disconnectDb();
