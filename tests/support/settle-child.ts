// A settlement run in a process of its own, for the crash test
// (tests/integration/settlement-crash.test.ts), which kills it part-way:
//   DATABASE_URL=… SETTLE_WORKSHOP=… SETTLE_ACTOR=… SETTLE_MONTH=… node --import tsx tests/support/settle-child.ts
// Prints "start" once connected (just before settling) and "done <code>" at the end.
import { settleMonth } from "../../app/models/settlement.server.ts";
import { db, disconnectDb } from "../../app/infra/db.server.ts";

const workshopId = process.env.SETTLE_WORKSHOP ?? "";
const userId = process.env.SETTLE_ACTOR ?? "";
const month = process.env.SETTLE_MONTH ?? "";
await db().workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { id: true } });
process.stdout.write("start\n");
const result = await settleMonth({ userId, workshopId }, month, new Date("2026-11-15T04:00:00Z"));
process.stdout.write(`done ${result.ok ? "ok" : result.code}\n`);
await disconnectDb();
