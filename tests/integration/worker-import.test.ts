// The worker import through its routes (ADR 025), on SQLite and PostgreSQL:
// upload → preview → confirm starts a background job that creates exactly the
// good rows, each with a password that logs in (then every page but her account
// sends her to choose her own; after 14 days it no longer works); the passwords
// are opened once from the finished import (a second opening, the reload, gets
// none); a number registered after the preview refuses the whole import and the
// preview shows it; a second confirm starts nothing; an interrupted job can be
// confirmed again; another workshop's coordinator finds nothing and changes
// nothing; workers, partners and admins get 403; files over the limits, hostile
// ones and uploads past the daily limit change nothing.
import { expect, test } from "vitest";
import {
  IMPORT_DAILY_UPLOADS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  INITIAL_PASSWORD_TTL_MS,
} from "../../app/domain/worker-import.ts";
import { db } from "../../app/infra/db.server.ts";
import { verifyPassword } from "../../app/infra/password.server.ts";
import type { Actor } from "../../app/domain/access.ts";
import {
  discardWorkerImport,
  launchWorkerImport,
  openImportSheet,
  previewWorkerImport,
  runWorkerImport,
  stageWorkerImport,
  startWorkerImport,
  workerImportState,
  workerImportsIdle,
  IMPORT_STALE_MS,
  type RunOptions,
} from "../../app/models/worker-import.server.ts";
import * as account from "../../app/routes/account.tsx";
import * as resetPassword from "../../app/routes/coordinator.workers.$workerId.tsx";
import * as workerHome from "../../app/routes/worker._index.tsx";
import * as preview from "../../app/routes/coordinator.workers.import.$importId.tsx";
import * as upload from "../../app/routes/coordinator.workers.import._index.tsx";
import * as workersList from "../../app/routes/coordinator.workers._index.tsx";
import * as templateCsv from "../../app/routes/coordinator.workers.import.template[.csv].ts";
import * as templateXlsx from "../../app/routes/coordinator.workers.import.template[.xlsx].ts";
import {
  callAction,
  callLoader,
  cookiePair,
  createAdminUser,
  createCoordinatorUser,
  createPartnerFirm,
  createPartnerUser,
  createTestWorkshop,
  createWorkerUser,
  location,
  loginAs,
  noticeOf,
  postLogin,
  rowCounts,
  uniqueAddress,
  type RouteFunction,
} from "../support/fixtures.ts";
import { csvBytes, phones, xlsxBytes, zipBytes, type SheetRow } from "../support/import-sheets.ts";
import { readWorkbook } from "../support/xlsx.ts";

const CHEAP: RunOptions = { cost: { N: 2 ** 10, r: 8, p: 1 } };

/** Stages a sheet of these people for her and previews it (what her upload and preview pages do). */
async function stageAndPreview(actor: Actor, rows: SheetRow[]) {
  const staged = await stageWorkerImport(actor, { name: "a.csv", bytes: csvBytes(rows) }, new Date());
  if (!staged.ok) throw new Error(staged.code);
  const seen = (await previewWorkerImport(actor, staged.id, new Date()))!;
  return { staged, seen };
}

/** Confirm, the background job and the opening of the sheet, one after the other (what her page does). */
async function confirmAndRun(actor: Actor, id: string, seen: string, options: RunOptions = CHEAP) {
  const started = await startWorkerImport(actor, id, seen, new Date());
  if (!started.ok) return started;
  const run = await runWorkerImport(actor, id, options);
  if (!run.ok) return run;
  const sheet = await openImportSheet(actor, id, new Date());
  return { ok: true as const, workers: sheet!.workers, skipped: sheet!.skipped };
}
let base = 1000;
function nextPhones(n: number) {
  base += 1000;
  return phones(n, base);
}

async function coordinatorWorld() {
  const workshop = await createTestWorkshop();
  const coordinator = await createCoordinatorUser(workshop.id);
  const cookie = await loginAs(coordinator);
  return { workshop, coordinator, cookie };
}

function sheetFile(bytes: Uint8Array, name = "名单.csv"): FormData {
  const form = new FormData();
  form.append("sheet", new Blob([new Uint8Array(bytes)]), name);
  return form;
}

async function importCounts() {
  return {
    ...(await rowCounts()),
    staged: await db().workerImport.count(),
    imported: await db().importedWorker.count(),
  };
}

test("upload, preview, confirm: the good rows become workers of her workshop with one-time passwords, shown once", async () => {
  const { workshop, coordinator, cookie } = await coordinatorWorld();
  const registered = await createWorkerUser((await createTestWorkshop()).id);
  const [a, b, c, d] = nextPhones(4);
  const rows: SheetRow[] = [
    { name: "王芳", phone: a!, note: "三楼" },
    { name: "", phone: b! }, // missing name
    { name: "李娜", phone: "1391234" }, // bad phone
    { name: "赵敏", phone: c! },
    { name: "赵敏二", phone: c! }, // duplicate of the row above
    { name: "周红", phone: registered.phone }, // registered in another workshop
    { name: "钱丽", phone: d! },
  ];
  const posted = await callAction(
    upload.action as RouteFunction,
    "/coordinator/workers/import?index",
    sheetFile(csvBytes(rows)),
    cookie,
  );
  expect(posted.status).toBe(302);
  const to = location(posted)!;
  expect(to).toMatch(/^\/coordinator\/workers\/import\/[A-Za-z0-9_-]{32}$/);
  const importId = to.split("/").pop()!;

  const page = await callLoader(preview.loader as RouteFunction, to, cookie, { params: { importId } });
  const shown = (
    page.data as {
      state: {
        total: number;
        okCount: number;
        errorCount: number;
        digest: string;
        problems: { line: number; error: { message: string } }[];
      };
    }
  ).state;
  expect({ total: shown.total, ok: shown.okCount, errors: shown.errorCount }).toEqual({ total: 7, ok: 3, errors: 4 });
  expect(shown.problems.map((p) => [p.line, p.error.message])).toEqual([
    [3, "error.required"],
    [4, "error.invalidPhone"],
    [6, "import.row.duplicate?line=5"],
    [7, "import.row.registered"],
  ]);
  expect(await db().user.count({ where: { workshopId: workshop.id, role: "worker" } })).toBe(0);

  const confirmed = await callAction(
    preview.action as RouteFunction,
    to,
    { intent: "confirm", seen: shown.digest },
    cookie,
    { params: { importId } },
  );
  // The accounts are made by a background job (about a minute for 2,000 passwords): her page follows it.
  expect(confirmed.status).toBe(302);
  expect(location(confirmed)).toBe(to);
  expect((await noticeOf(confirmed, cookie))?.key).toBe("import.started");
  // A second tap while it runs starts nothing more.
  const twice = await callAction(
    preview.action as RouteFunction,
    to,
    { intent: "confirm", seen: shown.digest },
    cookie,
    { params: { importId } },
  );
  expect((await noticeOf(twice, cookie))?.key).toBe("import.notStarted");
  await workerImportsIdle();
  const finished = await callLoader(preview.loader as RouteFunction, to, cookie, { params: { importId } });
  expect(finished.data).toMatchObject({ state: { kind: "done", created: 3, skipped: 4, sheetReady: true } });
  const sealed = (await db().workerImport.findUniqueOrThrow({ where: { id: importId } })).sheet!;
  // Until she opens it, the sheet waits for her on the import page and the workers page says so.
  const uploadPage = await callLoader(upload.loader as RouteFunction, "/coordinator/workers/import", cookie);
  expect((uploadPage.data as { open: { id: string; status: string }[] }).open).toEqual([
    expect.objectContaining({ id: importId, status: "done", created: 3 }),
  ]);
  const workersPage = () => callLoader(workersList.loader as RouteFunction, "/coordinator/workers", cookie);
  expect((await workersPage()).data).toMatchObject({ unopenedSheets: 1 });

  const opened = await callAction(preview.action as RouteFunction, to, { intent: "open" }, cookie, {
    params: { importId },
  });
  expect(opened.status).toBe(200);
  expect(opened.headers.get("Cache-Control")).toContain("no-store");
  const sheet = (
    opened.data as {
      sheet: { workers: { name: string; phone: string; password: string }[]; skipped: number; loginUrl: string };
    }
  ).sheet;
  expect(sheet.skipped).toBe(4);
  expect(sheet.loginUrl).toBe("http://localhost/login");
  expect(sheet.workers.map((w) => [w.name, w.phone])).toEqual([
    ["王芳", a],
    ["赵敏", c],
    ["钱丽", d],
  ]);
  const created = await db().user.findMany({
    where: { phone: { in: [a!, c!, d!] } },
    select: { id: true, role: true, workshopId: true, name: true, phone: true, password: { select: { hash: true } } },
  });
  expect(created).toHaveLength(3);
  for (const worker of sheet.workers) {
    expect(worker.password).toMatch(/^\d{10}$/);
    // Sealed while it waited: the stored sheet does not hold the password in clear.
    expect(sealed).not.toContain(worker.password);
    const row = created.find((u) => u.phone === worker.phone)!;
    expect(row).toMatchObject({ role: "worker", workshopId: workshop.id, name: worker.name });
    // The slow hash with its full cost; the password itself is stored nowhere.
    expect(row.password!.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(worker.password, row.password!.hash)).toBe(true);
  }
  const done = await db().workerImport.findUniqueOrThrow({ where: { id: importId } });
  expect({ status: done.status, rows: done.rows, sheet: done.sheet }).toEqual({
    status: "done",
    rows: "[]",
    sheet: null,
  });
  const notes = await db().importedWorker.findMany({
    where: { workshopId: workshop.id },
    select: { note: true, initialPassword: true },
  });
  expect(notes.map((n) => n.note).sort()).toEqual(["", "", "三楼"]);
  expect(notes.every((n) => n.initialPassword)).toBe(true);
  // Audited: the upload, and one event for the import naming every account it made, by her.
  const audit = await db().auditEvent.findMany({ where: { workshopId: workshop.id, actorId: coordinator.id } });
  expect(audit.filter((e) => e.action === "worker.import.upload")).toHaveLength(1);
  const event = audit.filter((e) => e.action === "worker.import");
  expect(event).toHaveLength(1);
  const named = (JSON.parse(event[0]!.after!) as { workers: { id: string }[] }).workers.map((w) => w.id).sort();
  expect(named).toEqual(created.map((u) => u.id).sort());
  expect(audit.map((e) => `${e.before ?? ""}${e.after ?? ""}`).join()).not.toContain(sheet.workers[0]!.password);

  // The sheet's page reloaded (the same post again) and the page itself: no passwords, ever again.
  const again = await callAction(preview.action as RouteFunction, to, { intent: "open" }, cookie, {
    params: { importId },
  });
  expect(again.status).toBe(409);
  expect(JSON.stringify(again.data)).not.toMatch(/\d{10}/);
  expect(again.data).toEqual({ refused: "import.notFound" });
  const reloaded = await callLoader(preview.loader as RouteFunction, to, cookie, { params: { importId } });
  expect(reloaded.data).toMatchObject({ state: { kind: "done", sheetReady: false } });
  expect(JSON.stringify(reloaded.data)).not.toMatch(/\d{10}/);
  expect(await db().user.count({ where: { workshopId: workshop.id, role: "worker" } })).toBe(3);
  expect((await workersPage()).data).toMatchObject({ unopenedSheets: 0 });
  const afterOpen = await callLoader(upload.loader as RouteFunction, "/coordinator/workers/import", cookie);
  expect((afterOpen.data as { open: unknown[] }).open).toEqual([]);

  // Her first login with the printed password sends her to choose her own; until she does, every page
  // of hers (and its ?_data loader) sends her back there; then her pages open.
  const first = sheet.workers[0]!;
  const login = await postLogin({ phone: first.phone, password: first.password }, { address: uniqueAddress() });
  expect(login.status).toBe(302);
  expect(location(login)).toBe("/account");
  const her = cookiePair(login.headers.get("Set-Cookie")!);
  const blocked = await callLoader(workerHome.loader as RouteFunction, "/worker", her);
  expect([blocked.status, location(blocked)]).toEqual([302, "/account"]);
  const accountPage = await callLoader(account.loader as RouteFunction, "/account", her);
  expect(accountPage.data).toMatchObject({ mustChangePassword: true });
  const changed = await callAction(
    account.action as RouteFunction,
    "/account",
    { currentPassword: first.password, newPassword: "她自己的密码123", confirmPassword: "她自己的密码123" },
    her,
  );
  expect([changed.status, location(changed)]).toEqual([302, "/worker"]);
  expect((await callLoader(workerHome.loader as RouteFunction, "/worker", her)).status).toBe(200);
  expect((await callLoader(account.loader as RouteFunction, "/account", her)).data).toMatchObject({
    mustChangePassword: false,
  });
}, 120_000); // three hashes and a login at the full scrypt cost, on a busy machine

test("a number registered between preview and confirm: nothing is imported, the preview shows it, a new confirm imports the rest", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const list = nextPhones(5);
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const { staged, seen } = await stageAndPreview(
    actor,
    list.map((phone, i) => ({ name: `工${i}`, phone })),
  );
  expect(seen.okCount).toBe(5);
  await createWorkerUser((await createTestWorkshop()).id, { phone: list[2] });
  const before = await importCounts();
  expect(await confirmAndRun(actor, staged.id, seen.digest)).toEqual({ ok: false, code: "changed" });
  expect(await importCounts()).toEqual(before);
  const fresh = (await previewWorkerImport(actor, staged.id, new Date()))!;
  expect(fresh.rows[2]!.error?.message).toBe("import.row.registered");
  expect(fresh.digest).not.toBe(seen.digest);
  const done = await confirmAndRun(actor, staged.id, fresh.digest);
  expect(done.ok && done.workers.map((w) => w.phone)).toEqual([list[0], list[1], list[3], list[4]]);
});

test("a number taken while the passwords are hashed (after the first check, before the transaction) refuses the whole import", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const list = nextPhones(3);
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const { staged, seen } = await stageAndPreview(
    actor,
    list.map((phone, i) => ({ name: `工${i}`, phone })),
  );
  const other = (await createTestWorkshop()).id;
  const before = await importCounts();
  const result = await confirmAndRun(actor, staged.id, seen.digest, {
    ...CHEAP,
    // Runs after the passwords are hashed, before the transaction: someone registers the last number now.
    onHashed: async () => void (await createWorkerUser(other, { phone: list[2] })),
  });
  // The check inside the transaction sees it: nothing of the import is written, the staged import stays
  // and her page shows the preview again, saying why.
  expect(result).toEqual({ ok: false, code: "changed" });
  const after = await importCounts();
  expect(after.users).toBe(before.users + 1);
  expect(after.imported).toBe(before.imported);
  expect(after.staged).toBe(before.staged);
  const state = await workerImportState(actor, staged.id, new Date());
  expect(state?.kind === "preview" && [state.preview.problem, state.preview.okCount]).toEqual(["changed", 2]);
});

test("another workshop's coordinator cannot see, confirm or discard her import; workers, partners and admins get 403", async () => {
  const { cookie } = await coordinatorWorld();
  const rows = nextPhones(2).map((phone, i) => ({ name: `工${i}`, phone }));
  const posted = await callAction(
    upload.action as RouteFunction,
    "/coordinator/workers/import?index",
    sheetFile(csvBytes(rows)),
    cookie,
  );
  const to = location(posted)!;
  const importId = to.split("/").pop()!;
  const mine = await callLoader(preview.loader as RouteFunction, to, cookie, { params: { importId } });
  const digest = (mine.data as { state: { digest: string } }).state.digest;

  const stranger = await createCoordinatorUser((await createTestWorkshop()).id);
  const strangerCookie = await loginAs(stranger);
  const before = await importCounts();
  const strangerPage = await callLoader(preview.loader as RouteFunction, to, strangerCookie, { params: { importId } });
  expect([strangerPage.status, strangerPage.data]).toEqual([404, { state: null }]);
  const confirm = await callAction(
    preview.action as RouteFunction,
    to,
    { intent: "confirm", seen: digest },
    strangerCookie,
    { params: { importId } },
  );
  expect((await noticeOf(confirm, strangerCookie))?.key).toBe("import.notStarted");
  for (const intent of ["discard", "open"]) {
    const outcome = await callAction(preview.action as RouteFunction, to, { intent }, strangerCookie, {
      params: { importId },
    });
    expect(outcome.status).toBe(409);
  }
  await workerImportsIdle();
  expect(await importCounts()).toEqual(before);
  expect((await db().workerImport.findUniqueOrThrow({ where: { id: importId } })).status).toBe("staged");

  // A second coordinator of the same workshop does not find it either (scoped to who uploaded it).
  const colleague = await createCoordinatorUser(
    (await db().workerImport.findUniqueOrThrow({ where: { id: importId } })).workshopId,
  );
  expect(
    (await callLoader(preview.loader as RouteFunction, to, await loginAs(colleague), { params: { importId } })).data,
  ).toEqual({ state: null });

  const ws = await createTestWorkshop();
  const partner = await createPartnerUser(await createPartnerFirm(ws.id));
  const others = [await createWorkerUser(ws.id), partner, await createAdminUser()];
  const beforeOthers = await importCounts();
  for (const user of others) {
    const other = await loginAs(user);
    for (const [fn, path, params] of [
      [upload.loader, "/coordinator/workers/import", {}],
      [preview.loader, to, { importId }],
      [templateCsv.loader, "/coordinator/workers/import/template.csv", {}],
    ] as const) {
      expect((await callLoader(fn as RouteFunction, path, other, { params })).status).toBe(403);
    }
    expect(
      (
        await callAction(
          upload.action as RouteFunction,
          "/coordinator/workers/import?index",
          sheetFile(csvBytes(rows)),
          other,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await callAction(preview.action as RouteFunction, to, { intent: "confirm", seen: digest }, other, {
          params: { importId },
        })
      ).status,
    ).toBe(403);
  }
  const after = await importCounts();
  expect({ ...after, sessions: 0, loginThrottles: 0 }).toEqual({ ...beforeOthers, sessions: 0, loginThrottles: 0 });
});

test("files over the limits or hostile are refused with their message and change nothing", async () => {
  const { cookie } = await coordinatorWorld();
  const before = await importCounts();
  const refusedWith = async (bytes: Uint8Array, name = "x.csv") => {
    const outcome = await callAction(
      upload.action as RouteFunction,
      "/coordinator/workers/import?index",
      sheetFile(bytes, name),
      cookie,
    );
    expect(outcome.status).toBe(400);
    return (outcome.data as { fieldErrors: { sheet: string } }).fieldErrors.sheet;
  };
  const tooManyRows = nextPhones(IMPORT_MAX_ROWS + 1).map((phone) => ({ name: "王", phone }));
  expect(await refusedWith(csvBytes(tooManyRows))).toBe("import.refused.tooManyRows?max=2000&kb=1024");
  expect(await refusedWith(new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x41))).toBe("import.refused.tooLarge?kb=1024");
  expect(await refusedWith(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "photo.csv")).toBe(
    "import.refused.notASheet?max=2000&kb=1024",
  );
  const bomb = zipBytes([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(40 * 1024 * 1024), claim: 10 }]);
  expect(await refusedWith(bomb, "bomb.xlsx")).toBe("import.refused.zipBomb?max=2000&kb=1024");
  expect(await refusedWith(new TextEncoder().encode("a,b\n1,2\n"))).toBe("import.refused.noColumns?max=2000&kb=1024");
  expect(await refusedWith(new Uint8Array())).toBe("import.refused.empty?max=2000&kb=1024");
  const noFile = await callAction(
    upload.action as RouteFunction,
    "/coordinator/workers/import?index",
    { sheet: "text" },
    cookie,
  );
  expect(noFile.status).toBe(400);
  expect(await importCounts()).toEqual(before);

  // Exactly the limit is taken (staged, not yet created).
  const atLimit = nextPhones(IMPORT_MAX_ROWS).map((phone) => ({ name: "王", phone }));
  const ok = await callAction(
    upload.action as RouteFunction,
    "/coordinator/workers/import?index",
    sheetFile(csvBytes(atLimit)),
    cookie,
  );
  expect(ok.status).toBe(302);
  expect((await importCounts()).users).toBe(before.users);
});

test("templates: CSV with its BOM and headings in her language; XLSX with the headings and the phone column as text", async () => {
  const { cookie } = await coordinatorWorld();
  const csv = (await templateCsv.loader({
    request: new Request("http://localhost/coordinator/workers/import/template.csv", { headers: { Cookie: cookie } }),
    params: {},
    context: { clientAddress: "10.0.0.1" },
  })) as Response;
  const bytes = new Uint8Array(await csv.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder().decode(bytes)).toBe("姓名,手机号,备注\r\n");
  const xlsx = (await templateXlsx.loader({
    request: new Request("http://localhost/coordinator/workers/import/template.xlsx", { headers: { Cookie: cookie } }),
    params: {},
    context: { clientAddress: "10.0.0.1" },
  })) as Response;
  const workbook = await readWorkbook(new Uint8Array(await xlsx.arrayBuffer()));
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).values).toEqual([undefined, "姓名", "手机号", "备注"]);
  expect(sheet.getColumn(2).numFmt).toBe("@");
  // The template read back through the import is a sheet with no one in it (headings found).
  const staged = await callAction(
    upload.action as RouteFunction,
    "/coordinator/workers/import?index",
    sheetFile(new Uint8Array(await xlsxBytes([], ["姓名", "手机号", "备注"]))),
    cookie,
  );
  expect((staged.data as { fieldErrors: { sheet: string } }).fieldErrors.sheet).toBe(
    "import.refused.noRows?max=2000&kb=1024",
  );
});

test("a second confirm, a parallel retry or a discard while the job runs starts or removes nothing", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const list = nextPhones(3);
  const { staged, seen } = await stageAndPreview(
    actor,
    list.map((phone, i) => ({ name: `工${i}`, phone })),
  );
  const starts = await Promise.all([1, 2, 3].map(() => startWorkerImport(actor, staged.id, seen.digest, new Date())));
  expect(starts.filter((s) => s.ok)).toHaveLength(1);
  expect(starts.filter((s) => !s.ok).map((s) => !s.ok && s.code)).toEqual(["notFound", "notFound"]);
  expect(await discardWorkerImport(actor, staged.id, new Date())).toBe(false);
  expect(await workerImportState(actor, staged.id, new Date())).toMatchObject({ kind: "running", total: 3 });
  const runs = await Promise.all([runWorkerImport(actor, staged.id, CHEAP), runWorkerImport(actor, staged.id, CHEAP)]);
  // Two jobs on one import (a job thought dead that was not): one makes the accounts, the other nothing.
  expect(runs.filter((r) => r.ok)).toHaveLength(1);
  expect(await db().user.count({ where: { workshopId: workshop.id, role: "worker" } })).toBe(3);
  expect(await db().auditEvent.count({ where: { workshopId: workshop.id, action: "worker.import" } })).toBe(1);
});

test("a job that stopped (its process died) shows as interrupted: nothing was written and she can confirm again", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const list = nextPhones(2);
  const { staged, seen } = await stageAndPreview(
    actor,
    list.map((phone, i) => ({ name: `工${i}`, phone })),
  );
  expect((await startWorkerImport(actor, staged.id, seen.digest, new Date())).ok).toBe(true);
  // Its heartbeat is fresh: it is running, and cannot be confirmed again.
  expect((await startWorkerImport(actor, staged.id, seen.digest, new Date())).ok).toBe(false);
  // The process died: no heartbeat for longer than IMPORT_STALE_MS.
  await db().workerImport.update({
    where: { id: staged.id },
    data: { heartbeatAt: new Date(Date.now() - IMPORT_STALE_MS - 1_000) },
  });
  const state = await workerImportState(actor, staged.id, new Date());
  expect(state?.kind === "preview" && state.preview.problem).toBe("interrupted");
  const done = await confirmAndRun(actor, staged.id, seen.digest);
  expect(done.ok && done.workers.map((w) => w.phone)).toEqual(list);
});

test("a job that fails writes nothing and sends her back to the preview, saying so; discarded meanwhile, it writes nothing", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const list = nextPhones(3);
  const { staged, seen } = await stageAndPreview(
    actor,
    list.map((phone, i) => ({ name: `工${i}`, phone })),
  );
  const before = await importCounts();
  expect((await startWorkerImport(actor, staged.id, seen.digest, new Date())).ok).toBe(true);
  const quiet = console.error;
  console.error = () => undefined;
  try {
    await launchWorkerImport(actor, staged.id, {
      ...CHEAP,
      beforeCommit: () => {
        throw new Error("disk full");
      },
    });
  } finally {
    console.error = quiet;
  }
  expect(await importCounts()).toEqual(before);
  const state = await workerImportState(actor, staged.id, new Date());
  expect(state?.kind === "preview" && state.preview.problem).toBe("failed");

  // Discarded by a job gone astray's time (the row removed under it): it writes nothing.
  expect((await startWorkerImport(actor, staged.id, seen.digest, new Date())).ok).toBe(true);
  const gone = await runWorkerImport(actor, staged.id, {
    ...CHEAP,
    onHashed: async () => void (await db().workerImport.delete({ where: { id: staged.id } })),
  });
  expect(gone).toEqual({ ok: false, code: "notFound" });
  expect({ ...(await importCounts()), staged: 0 }).toEqual({ ...before, staged: 0 });
});

test("an initial password stops working 14 days after the import; the coordinator's reset replaces it", async () => {
  const { workshop, coordinator, cookie } = await coordinatorWorld();
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const [phone] = nextPhones(1);
  const { staged, seen } = await stageAndPreview(actor, [{ name: "孙丽", phone: phone! }]);
  const done = await confirmAndRun(actor, staged.id, seen.digest);
  if (!done.ok) throw new Error(done.code);
  const password = done.workers[0]!.password;
  const user = await db().user.findUniqueOrThrow({ where: { phone: phone! } });
  await db().importedWorker.update({
    where: { userId: user.id },
    data: { createdAt: new Date(Date.now() - INITIAL_PASSWORD_TTL_MS - 60_000) },
  });
  const sessions = await db().session.count({ where: { userId: user.id } });
  const refused = await postLogin({ phone: phone!, password }, { address: uniqueAddress() });
  expect(refused.status).toBe(403);
  expect(refused.data).toMatchObject({ formError: "import.initialExpired" });
  expect(await db().session.count({ where: { userId: user.id } })).toBe(sessions);
  const reset = await callAction(
    resetPassword.action as RouteFunction,
    `/coordinator/workers/${user.id}`,
    { password: "新的密码abc123" },
    cookie,
    { params: { workerId: user.id } },
  );
  expect(reset.status).toBeLessThan(400);
  const login = await postLogin({ phone: phone!, password: "新的密码abc123" }, { address: uniqueAddress() });
  expect([login.status, location(login)]).toEqual([302, "/worker"]);
});

test("at most IMPORT_DAILY_UPLOADS sheets a day per coordinator: the next is refused and changes nothing", async () => {
  const { workshop, coordinator, cookie } = await coordinatorWorld();
  const upload1 = () =>
    callAction(
      upload.action as RouteFunction,
      "/coordinator/workers/import?index",
      sheetFile(csvBytes(nextPhones(2).map((phone, i) => ({ name: `工${i}`, phone })))),
      cookie,
    );
  for (let i = 0; i < IMPORT_DAILY_UPLOADS; i += 1) expect((await upload1()).status).toBe(302);
  const before = await importCounts();
  const refused = await upload1();
  expect(refused.status).toBe(400);
  expect((refused.data as { fieldErrors: { sheet: string } }).fieldErrors.sheet).toMatch(
    /^import\.refused\.tooManyUploads\?n=10$/,
  );
  expect(await importCounts()).toEqual(before);
  // Another coordinator of the same workshop has her own count.
  const colleague = await loginAs(await createCoordinatorUser(workshop.id));
  const theirs = await callAction(
    upload.action as RouteFunction,
    "/coordinator/workers/import?index",
    sheetFile(csvBytes(nextPhones(1).map((phone) => ({ name: "工", phone })))),
    colleague,
  );
  expect(theirs.status).toBe(302);
  expect(coordinator.id).toBeTruthy();
});

test("staged and finished imports past their time are purged with the stale login data", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const staged = await stageWorkerImport(
    actor,
    { name: "a.csv", bytes: csvBytes(nextPhones(1).map((phone) => ({ name: "工", phone }))) },
    new Date(),
  );
  if (!staged.ok) throw new Error(staged.code);
  await db().workerImport.update({ where: { id: staged.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
  await loginAs(coordinator);
  expect(await db().workerImport.count({ where: { id: staged.id } })).toBe(0);
});

test("a number registered while her confirmed import waits its turn: the job makes nothing and sends it back as changed", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const list = nextPhones(3);
  const { staged, seen } = await stageAndPreview(
    actor,
    list.map((phone, i) => ({ name: `工${i}`, phone })),
  );
  expect((await startWorkerImport(actor, staged.id, seen.digest, new Date())).ok).toBe(true);
  await createWorkerUser((await createTestWorkshop()).id, { phone: list[1] });
  const before = await importCounts();
  expect(await runWorkerImport(actor, staged.id, { ...CHEAP, seen: seen.digest })).toEqual({
    ok: false,
    code: "changed",
  });
  expect(await importCounts()).toEqual(before);
  const state = await workerImportState(actor, staged.id, new Date());
  expect(state?.kind === "preview" && [state.preview.problem, state.preview.okCount]).toEqual(["changed", 2]);
});

test("her own password must not be the printed one: the same password is refused and the change stays required", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const [phone] = nextPhones(1);
  const { staged, seen } = await stageAndPreview(actor, [{ name: "周敏", phone: phone! }]);
  const done = await confirmAndRun(actor, staged.id, seen.digest);
  if (!done.ok) throw new Error(done.code);
  const password = done.workers[0]!.password;
  const login = await postLogin({ phone: phone!, password }, { address: uniqueAddress() });
  const her = cookiePair(login.headers.get("Set-Cookie")!);
  const same = await callAction(
    account.action as RouteFunction,
    "/account",
    { currentPassword: password, newPassword: password, confirmPassword: password },
    her,
  );
  expect(same.status).toBe(400);
  expect(same.data).toMatchObject({ fieldErrors: { newPassword: "account.samePassword" } });
  expect((await callLoader(account.loader as RouteFunction, "/account", her)).data).toMatchObject({
    mustChangePassword: true,
  });
  expect((await callLoader(workerHome.loader as RouteFunction, "/worker", her)).status).toBe(302);
});
