// The worker import through its routes (ADR 025), on SQLite and PostgreSQL:
// upload → preview → confirm creates exactly the good rows, each with a password
// that logs in once (then she is sent to choose her own); the passwords are in
// the confirm's answer only (a second confirm, the reload, gets none); a number
// registered after the preview refuses the whole confirm and the preview shows
// it; another workshop's coordinator finds nothing and changes nothing; workers,
// partners and admins get 403; files over the limits or hostile change nothing.
import { expect, test } from "vitest";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "../../app/domain/worker-import.ts";
import { db } from "../../app/infra/db.server.ts";
import { verifyPassword } from "../../app/infra/password.server.ts";
import { confirmWorkerImport, previewWorkerImport, stageWorkerImport } from "../../app/models/worker-import.server.ts";
import * as preview from "../../app/routes/coordinator.workers.import.$importId.tsx";
import * as upload from "../../app/routes/coordinator.workers.import._index.tsx";
import * as templateCsv from "../../app/routes/coordinator.workers.import.template[.csv].ts";
import * as templateXlsx from "../../app/routes/coordinator.workers.import.template[.xlsx].ts";
import {
  callAction,
  callLoader,
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

const CHEAP = { cost: { N: 2 ** 10, r: 8, p: 1 } };
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
      preview: {
        total: number;
        okCount: number;
        errorCount: number;
        digest: string;
        problems: { line: number; error: { message: string } }[];
      };
    }
  ).preview;
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
  expect(confirmed.status).toBe(200);
  expect(confirmed.headers.get("Cache-Control")).toContain("no-store");
  const sheet = (
    confirmed.data as {
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
    expect(worker.password).toMatch(/^\d{8}$/);
    const row = created.find((u) => u.phone === worker.phone)!;
    expect(row).toMatchObject({ role: "worker", workshopId: workshop.id, name: worker.name });
    // The slow hash with its full cost; the password itself is stored nowhere.
    expect(row.password!.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(worker.password, row.password!.hash)).toBe(true);
  }
  expect(await db().workerImport.count({ where: { id: importId } })).toBe(0);
  const notes = await db().importedWorker.findMany({
    where: { workshopId: workshop.id },
    select: { note: true, initialPassword: true },
  });
  expect(notes.map((n) => n.note).sort()).toEqual(["", "", "三楼"]);
  expect(notes.every((n) => n.initialPassword)).toBe(true);
  // Audited: one event for the import, one user.create per account, by her.
  const audit = await db().auditEvent.findMany({ where: { workshopId: workshop.id, actorId: coordinator.id } });
  expect(audit.filter((e) => e.action === "worker.import")).toHaveLength(1);
  expect(
    audit
      .filter((e) => e.action === "user.create")
      .map((e) => e.entityId)
      .sort(),
  ).toEqual(created.map((u) => u.id).sort());
  expect(audit.map((e) => `${e.before ?? ""}${e.after ?? ""}`).join()).not.toContain(sheet.workers[0]!.password);

  // The sheet's page reloaded (the same post again) and the page itself: no passwords, ever again.
  const again = await callAction(
    preview.action as RouteFunction,
    to,
    { intent: "confirm", seen: shown.digest },
    cookie,
    { params: { importId } },
  );
  expect(again.status).toBe(409);
  expect(JSON.stringify(again.data)).not.toMatch(/\d{8}/);
  expect(again.data).toEqual({ refused: "import.notFound" });
  const reloaded = await callLoader(preview.loader as RouteFunction, to, cookie, { params: { importId } });
  expect(reloaded.data).toEqual({ preview: null });
  expect(await db().user.count({ where: { workshopId: workshop.id, role: "worker" } })).toBe(3);

  // Her first login with the printed password sends her to choose her own; after that, it does not.
  const first = sheet.workers[0]!;
  const login = await postLogin({ phone: first.phone, password: first.password }, { address: uniqueAddress() });
  expect(login.status).toBe(302);
  expect(location(login)).toBe("/account");
  expect((await noticeOf(login))?.key).toBe("import.choosePassword");
}, 120_000); // three hashes and a login at the full scrypt cost, on a busy machine

test("a number registered between preview and confirm: nothing is imported, the preview shows it, a new confirm imports the rest", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const list = nextPhones(5);
  const staged = await stageWorkerImport(
    { userId: coordinator.id, workshopId: workshop.id },
    { name: "a.csv", bytes: csvBytes(list.map((phone, i) => ({ name: `工${i}`, phone }))) },
    new Date(),
  );
  if (!staged.ok) throw new Error(staged.code);
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const seen = (await previewWorkerImport(actor, staged.id, new Date()))!;
  expect(seen.okCount).toBe(5);
  await createWorkerUser((await createTestWorkshop()).id, { phone: list[2] });
  const before = await importCounts();
  expect(await confirmWorkerImport(actor, staged.id, seen.digest, new Date(), CHEAP)).toEqual({
    ok: false,
    code: "changed",
  });
  expect(await importCounts()).toEqual(before);
  const fresh = (await previewWorkerImport(actor, staged.id, new Date()))!;
  expect(fresh.rows[2]!.error?.message).toBe("import.row.registered");
  expect(fresh.digest).not.toBe(seen.digest);
  const done = await confirmWorkerImport(actor, staged.id, fresh.digest, new Date(), CHEAP);
  expect(done.ok && done.workers.map((w) => w.phone)).toEqual([list[0], list[1], list[3], list[4]]);
});

test("a number taken while the passwords are hashed (after the first check, before the transaction) refuses the whole import", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const list = nextPhones(3);
  const staged = await stageWorkerImport(
    { userId: coordinator.id, workshopId: workshop.id },
    { name: "a.csv", bytes: csvBytes(list.map((phone, i) => ({ name: `工${i}`, phone }))) },
    new Date(),
  );
  if (!staged.ok) throw new Error(staged.code);
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const seen = (await previewWorkerImport(actor, staged.id, new Date()))!;
  const other = (await createTestWorkshop()).id;
  const before = await importCounts();
  const result = await confirmWorkerImport(actor, staged.id, seen.digest, new Date(), {
    ...CHEAP,
    // Runs after the passwords are hashed, before the transaction: someone registers the last number now.
    onHashed: async () => void (await createWorkerUser(other, { phone: list[2] })),
  });
  // The check inside the transaction sees it: nothing of the import is written, the staged import stays.
  expect(result).toEqual({ ok: false, code: "changed" });
  const after = await importCounts();
  expect(after.users).toBe(before.users + 1);
  expect(after.imported).toBe(before.imported);
  expect(after.staged).toBe(before.staged);
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
  const digest = (mine.data as { preview: { digest: string } }).preview.digest;

  const stranger = await createCoordinatorUser((await createTestWorkshop()).id);
  const strangerCookie = await loginAs(stranger);
  const before = await importCounts();
  expect(
    (await callLoader(preview.loader as RouteFunction, to, strangerCookie, { params: { importId } })).data,
  ).toEqual({ preview: null });
  const confirm = await callAction(
    preview.action as RouteFunction,
    to,
    { intent: "confirm", seen: digest },
    strangerCookie,
    { params: { importId } },
  );
  expect(confirm.status).toBe(409);
  await callAction(preview.action as RouteFunction, to, { intent: "discard" }, strangerCookie, {
    params: { importId },
  });
  expect(await importCounts()).toEqual(before);

  // A second coordinator of the same workshop does not find it either (scoped to who uploaded it).
  const colleague = await createCoordinatorUser(
    (await db().workerImport.findUniqueOrThrow({ where: { id: importId } })).workshopId,
  );
  expect(
    (await callLoader(preview.loader as RouteFunction, to, await loginAs(colleague), { params: { importId } })).data,
  ).toEqual({ preview: null });

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

test("a confirm whose request is gone (proxy timeout, dropped signal) writes nothing; the staged import stays and a new confirm shows the passwords", async () => {
  const { workshop, coordinator } = await coordinatorWorld();
  const list = nextPhones(3);
  const staged = await stageWorkerImport(
    { userId: coordinator.id, workshopId: workshop.id },
    { name: "a.csv", bytes: csvBytes(list.map((phone, i) => ({ name: `工${i}`, phone }))) },
    new Date(),
  );
  if (!staged.ok) throw new Error(staged.code);
  const actor = { userId: coordinator.id, workshopId: workshop.id };
  const seen = (await previewWorkerImport(actor, staged.id, new Date()))!;
  const before = await importCounts();
  // Gone while the passwords were hashed.
  const early = new AbortController();
  const first = await confirmWorkerImport(actor, staged.id, seen.digest, new Date(), {
    ...CHEAP,
    signal: early.signal,
    onHashed: () => early.abort(),
  });
  expect(first).toEqual({ ok: false, code: "abandoned" });
  expect(await importCounts()).toEqual(before);
  // Gone while the rows were written (the signal aborts during the transaction): rolled back whole.
  const late = new AbortController();
  const second = await confirmWorkerImport(actor, staged.id, seen.digest, new Date(), {
    ...CHEAP,
    signal: late.signal,
    onHashed: () => void setImmediate(() => late.abort()),
  });
  if (second.ok) {
    // The transaction won the race with the abort: then the passwords were created and are here to show.
    expect(second.workers).toHaveLength(3);
  } else {
    expect(second).toEqual({ ok: false, code: "abandoned" });
    expect(await importCounts()).toEqual(before);
    const done = await confirmWorkerImport(actor, staged.id, seen.digest, new Date(), CHEAP);
    expect(done.ok && done.workers.map((w) => w.phone)).toEqual(list);
  }
});
