// A crash during a worker import's job (ADR 025): a process running a confirmed
// 2,000-row import is killed (SIGKILL) at different moments of its transaction;
// the database then holds either none of the import (no account, no password,
// no import record, no audit event, the import still running, to be confirmed
// again) or all of it (2,000 of each, the import done), never part; and a run
// after the crashes imports all 2,000. SQLite and PostgreSQL.
import { spawn } from "node:child_process";
import { expect, test } from "vitest";
import { IMPORT_MAX_ROWS } from "../../app/domain/worker-import.ts";
import { db } from "../../app/infra/db.server.ts";
import {
  openImportSheet,
  previewWorkerImport,
  runWorkerImport,
  stageWorkerImport,
  startWorkerImport,
} from "../../app/models/worker-import.server.ts";
import { createCoordinatorUser, createTestWorkshop } from "../support/fixtures.ts";
import { csvBytes, phones } from "../support/import-sheets.ts";

/** Starts the confirming child and kills it `delayMs` after it says "start"; answers what it printed. */
function confirmAndKill(env: Record<string, string>, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/import-child.ts"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("start") && !child.killed) setTimeout(() => child.kill("SIGKILL"), delayMs);
    });
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", reject);
    child.on("exit", () => (out.includes("start") ? resolve(out) : reject(new Error(`child failed: ${errors}`))));
  });
}

async function state(workshopId: string, importId: string) {
  return {
    users: await db().user.count({ where: { workshopId, role: "worker" } }),
    passwords: await db().password.count({ where: { user: { workshopId, role: "worker" } } }),
    imported: await db().importedWorker.count({ where: { workshopId } }),
    audit: await db().auditEvent.count({ where: { workshopId, action: { in: ["user.create", "worker.import"] } } }),
    staged: await db().workerImport.count({ where: { id: importId, status: { not: "done" } } }),
  };
}

const NONE = { users: 0, passwords: 0, imported: 0, audit: 0, staged: 1 };
const ALL = {
  users: IMPORT_MAX_ROWS,
  passwords: IMPORT_MAX_ROWS,
  imported: IMPORT_MAX_ROWS,
  audit: 1,
  staged: 0,
};

test("a 2,000-row confirm killed part-way leaves none of the import or all of it; confirming afterwards imports all", async () => {
  const workshop = await createTestWorkshop();
  const coordinator = await createCoordinatorUser(workshop.id);
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const list = phones(IMPORT_MAX_ROWS, 50_000_000);
  const staged = await stageWorkerImport(
    actor,
    { name: "社区.csv", bytes: csvBytes(list.map((phone, i) => ({ name: `手工者${i}`, phone, note: `第${i}户` }))) },
    new Date(),
  );
  if (!staged.ok) throw new Error(staged.code);
  const seen = (await previewWorkerImport(actor, staged.id, new Date()))!;
  expect(seen.okCount).toBe(IMPORT_MAX_ROWS);
  expect((await startWorkerImport(actor, staged.id, seen.digest, new Date())).ok).toBe(true);
  const env = {
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    IMPORT_ID: staged.id,
    IMPORT_WORKSHOP: workshop.id,
    IMPORT_ACTOR: coordinator.id,
  };
  const seenStates = { none: 0, all: 0 };
  for (const delayMs of [0, 40, 150, 400, 1_000, 3_000, 8_000]) {
    const out = await confirmAndKill(env, delayMs);
    const now = await state(workshop.id, staged.id);
    if (now.staged === 1) {
      expect(now, `killed ${delayMs} ms into the transaction (${out.trim()})`).toEqual(NONE);
      seenStates.none += 1;
      continue;
    }
    expect(now, `killed ${delayMs} ms into the transaction (${out.trim()})`).toEqual(ALL);
    seenStates.all += 1;
    break;
  }
  expect(seenStates.none, "at least one kill landed before the commit").toBeGreaterThan(0);
  if (seenStates.all === 0) {
    const done = await runWorkerImport(actor, staged.id, { cost: { N: 2 ** 4, r: 8, p: 1 } });
    expect(done.ok && done.created).toBe(IMPORT_MAX_ROWS);
  }
  expect(await state(workshop.id, staged.id)).toEqual(ALL);
  expect((await openImportSheet(actor, staged.id, new Date()))?.workers).toHaveLength(IMPORT_MAX_ROWS);
}, 480_000); // seven child processes of tsx and a 2,000-row transaction each, on a busy 2-core machine
