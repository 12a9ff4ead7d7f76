// The worker's log page 报工 and the phone queue's log address, called the way
// Remix calls them (ADR 020): app/routes/worker.tasks.$assignmentId.tsx (loader,
// and an action with the intents log / correct / cancel: a redirect with a
// notice on success, 400 with dictionary keys on refusal) and
// app/routes/worker.tasks.$assignmentId_.logs.ts (the same log form, answered
// as JSON in her language). Each sees her own task only; a log is made once
// per key, also under 200 parallel posts; bad input, a full task, an ended
// task and a foreign step are refused with nothing written; a photo posted
// with the log is stored once, served to her and her coordinator, and never
// left behind on disk by a refused or repeated log; she corrects and cancels
// her logs until they are received, and the page's figures follow.
//
// Two tests began as failing reports of defects, since fixed: a missing or
// garbled one-time key is said above the form (form.expired), and a correction
// above what is left names what is left with its unit.
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { expect, test } from "vitest";
import type { LogFormView } from "../../app/components/piece-log.tsx";
import { parseMsg } from "../../app/forms/fields.ts";
import { isMessageKey, messages, translate, type Locale } from "../../app/i18n/index.ts";
import { addDays, chinaDate } from "../../app/domain/dates.ts";
import { db } from "../../app/infra/db.server.ts";
import { photoDir } from "../../app/infra/photo-store.server.ts";
import { cancelAssignment } from "../../app/models/assignment.server.ts";
import { receiveLog } from "../../app/models/receiving.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import * as photoRoute from "../../app/routes/photos.$logId.tsx";
import * as giveBack from "../../app/routes/worker.tasks.$assignmentId_.give-back.tsx";
import * as queue from "../../app/routes/worker.tasks.$assignmentId_.logs.ts";
import * as page from "../../app/routes/worker.tasks.$assignmentId.tsx";
import {
  actorOf,
  createOrderRow,
  createOrderWorld,
  createTestProduct,
  type OrderWorld,
} from "../support/catalogue-fixtures.ts";
import {
  callAction,
  callLoader,
  getRequest,
  location,
  loginAs,
  noticeOf,
  type Fields,
  type Outcome,
  type TestUser,
} from "../support/fixtures.ts";
import { photoFile, pngImage, TINY_JPEG } from "../support/images.ts";
import { assignmentPieces, createAssignmentRow, pieceLogState } from "../support/piece-log-fixtures.ts";

type PageData = Awaited<ReturnType<typeof page.loader>>;
type Failure = { ok: false; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };
type QueueAnswer = { ok: true; replayed: boolean; quantity: number; message: string } | { ok: false; message: string };

const key = () => randomBytes(16).toString("base64url");
const pagePath = (assignmentId: string) => `/worker/tasks/${assignmentId}`;
const queuePath = (assignmentId: string) => `/worker/tasks/${assignmentId}/logs`;
const CJK = /[\u4e00-\u9fff]/;
const DAY = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// Set-up

/** A whole-product rate in force since 2020 (the routes log at the real "now"). */
async function wholeRate(world: OrderWorld, productId = world.product.id) {
  return db().pieceRate.create({
    data: {
      workshopId: world.workshop.id,
      productId,
      rateE4: 35_000n,
      effectiveOn: "2020-01-01",
      reason: "test",
      setById: world.coordinator.id,
    },
    select: { id: true },
  });
}

/** An assignment of `quantity` pieces of the world's product to `worker` (the first worker by default). */
async function taskFor(world: OrderWorld, options: { quantity?: number; worker?: TestUser; source?: "claimed" } = {}) {
  const orderId = await createOrderRow(world, { quantity: 2000, dueOn: "2099-12-31" });
  return createAssignmentRow({
    workshopId: world.workshop.id,
    orderId,
    productId: world.product.id,
    workerId: (options.worker ?? world.workers[0]!).id,
    createdById: world.coordinator.id,
    quantity: options.quantity ?? 40,
    source: options.source,
  });
}

/** A world with a priced product and her task of `quantity` pieces, and her cookie. */
async function setUp(quantity = 40) {
  const world = await createOrderWorld();
  await wholeRate(world);
  const assignmentId = await taskFor(world, { quantity });
  return { world, assignmentId, cookie: await loginAs(world.workers[0]!) };
}

/** A world whose product is paid per process step (切皂, 包装), with her task of `quantity` pieces. */
async function stepSetUp(quantity = 20) {
  const world = await createOrderWorld();
  const steps = [];
  for (const [name, sortOrder, rateE4] of [
    ["切皂", 1, 10_000n],
    ["包装", 2, 5_000n],
  ] as const) {
    const step = await db().processStep.create({
      data: { workshopId: world.workshop.id, productId: world.product.id, name, sortOrder },
      select: { id: true },
    });
    await db().pieceRate.create({
      data: {
        workshopId: world.workshop.id,
        productId: world.product.id,
        processStepId: step.id,
        rateE4,
        effectiveOn: "2020-01-01",
        reason: "test",
        setById: world.coordinator.id,
      },
    });
    steps.push(step.id);
  }
  const assignmentId = await taskFor(world, { quantity });
  return { world, assignmentId, cut: steps[0]!, wrap: steps[1]!, cookie: await loginAs(world.workers[0]!) };
}

async function setLocale(user: TestUser, locale: Locale) {
  await db().user.update({ where: { id: user.id }, data: { locale } });
}

// ---------------------------------------------------------------------------
// Calling the routes

function openPage(assignmentId: string, cookie: string | null): Promise<Outcome> {
  return callLoader(page.loader, pagePath(assignmentId), cookie, { params: { assignmentId } });
}

async function pageData(assignmentId: string, cookie: string): Promise<PageData> {
  const answer = await openPage(assignmentId, cookie);
  expect(answer.status).toBe(200);
  return answer.data as PageData;
}

function postPage(assignmentId: string, cookie: string | null, fields: Fields | FormData): Promise<Outcome> {
  return callAction(page.action, pagePath(assignmentId), fields, cookie, { params: { assignmentId } });
}

function postQueue(assignmentId: string, cookie: string | null, fields: Fields | FormData): Promise<Outcome> {
  return callAction(queue.action, queuePath(assignmentId), fields, cookie, { params: { assignmentId } });
}

/** The log form as the page posts it. */
function logForm(quantity: string, clientKey = key(), extra: Record<string, string> = {}): Record<string, string> {
  return { intent: "log", quantity, clientKey, ...extra };
}

/** The log form with a file in `photo`, as a browser posts it (multipart). */
function logFormWithPhoto(quantity: string, clientKey: string, photo: File): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(logForm(quantity, clientKey))) form.append(name, value);
  form.append("photo", photo);
  return form;
}

/** The photo route's answer with its bytes (callLoader would read them as text). */
async function fetchPhoto(logId: string, cookie: string) {
  try {
    const response = (await photoRoute.loader({
      request: getRequest(`/photos/${logId}`, cookie),
      params: { logId },
      context: { clientAddress: "10.0.0.1" },
    })) as Response;
    return {
      status: response.status,
      type: response.headers.get("Content-Type"),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, type: null, bytes: Buffer.alloc(0) };
    throw thrown;
  }
}

// ---------------------------------------------------------------------------
// What changed

/** Every file under this test file's PHOTO_DIR (photos and any temporary upload left behind). */
async function photoFiles(): Promise<string[]> {
  try {
    const entries = await readdir(photoDir(), { recursive: true });
    return entries.filter((e) => /\.(jpg|png|webp|tmp)$/.test(e)).sort();
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return [];
    throw error;
  }
}

/** What a refused request must leave as it was. */
async function snapshot(assignmentId: string) {
  const [logs, audit, pieces, files] = await Promise.all([
    db().pieceLog.count(),
    db().auditEvent.count(),
    assignmentPieces(assignmentId),
    photoFiles(),
  ]);
  return { logs, audit, loggedQuantity: pieces.loggedQuantity, status: pieces.status, files };
}

async function logsOf(assignmentId: string) {
  return db().pieceLog.findMany({
    where: { assignmentId },
    select: {
      id: true,
      quantity: true,
      status: true,
      clientKey: true,
      processStepId: true,
      photoPath: true,
      rateE4: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** A dictionary message ("pieceLog.tooMany?n=3&unit=件") as the page shows it. */
function shown(locale: Locale, message: string | undefined): string {
  const { key: k, params } = parseMsg(message ?? "");
  expect(isMessageKey(k), k).toBe(true);
  return isMessageKey(k) ? translate(locale, k, params) : "";
}

/** The error messages the log form shows (app/components/piece-log.tsx, LogForm): the form's and these fields'. */
const LOG_FORM_SHOWS = [
  "quantity",
  "processStepId",
  "photo",
] as const satisfies readonly (keyof LogFormView["errors"])[];

function visibleLogErrors(failure: Failure): string[] {
  return [failure.formError, ...LOG_FORM_SHOWS.map((f) => failure.fieldErrors[f])].filter(
    (m): m is string => typeof m === "string",
  );
}

// ---------------------------------------------------------------------------
// Access

test("her page shows her task's figures and a fresh one-time key on each load", async () => {
  const { world, assignmentId, cookie } = await setUp(40);
  const first = await pageData(assignmentId, cookie);
  expect(first.workerId).toBe(world.workers[0]!.id);
  expect(first.task).toMatchObject({
    id: assignmentId,
    productName: world.product.name,
    unit: "piece",
    quantity: 40,
    logged: 0,
    remaining: 40,
    active: true,
  });
  expect(first.rates).toEqual([{ step: null, rate: "¥3.50" }]);
  expect(first.steps).toBeNull();
  expect(first.logs).toEqual([]);
  const second = await pageData(assignmentId, cookie);
  expect(first.clientKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  expect(second.clientKey).not.toBe(first.clientKey);
});

test("another worker of her workshop and a worker of another workshop get 404 from the page and its forms; the queue refuses as for a task that does not exist; nothing is written", async () => {
  const { world, assignmentId, cookie } = await setUp(40);
  const elsewhere = await createOrderWorld();
  const mine = await postPage(assignmentId, cookie, logForm("5"));
  expect(mine.status).toBe(302);
  const [myLog] = await logsOf(assignmentId);
  const before = await snapshot(assignmentId);

  for (const stranger of [world.workers[1]!, elsewhere.workers[0]!]) {
    const theirs = await loginAs(stranger);
    const seen = await openPage(assignmentId, theirs);
    expect(seen.status, stranger.name).toBe(404);
    expect(seen.data).toEqual({ reason: "notFound" });
    // A valid form, so that only the ownership check can refuse it.
    const logged = await postPage(assignmentId, theirs, logForm("1"));
    expect(logged.status).toBe(404);
    const withPhoto = await postPage(assignmentId, theirs, logFormWithPhoto("1", key(), photoFile(TINY_JPEG)));
    expect(withPhoto.status).toBe(404);
    const corrected = await postPage(assignmentId, theirs, { intent: "correct", pieceLogId: myLog!.id, quantity: "1" });
    expect(corrected.status).toBe(404);
    const cancelled = await postPage(assignmentId, theirs, { intent: "cancel", pieceLogId: myLog!.id });
    expect(cancelled.status).toBe(404);

    const queued = await postQueue(assignmentId, theirs, logForm("1"));
    const unknown = await postQueue("no-such-task", theirs, logForm("1"));
    // ADR 020: the queue answers a task that refuses a log with 409 and a message she can read;
    // her task answers exactly as one that does not exist (nothing says it is there).
    expect(queued.status).toBe(409);
    expect(queued.data).toEqual({ ok: false, message: messages["pieceLog.notFound"]["zh-CN"] });
    expect(unknown.status).toBe(queued.status);
    expect(unknown.data).toEqual(queued.data);
  }
  expect(await snapshot(assignmentId)).toEqual(before);
  expect(await pieceLogState(myLog!.id)).toMatchObject({ status: "submitted", quantity: 5 });
});

test("a coordinator gets 403 from the page, its form and the queue; nobody logged in is sent to log in; nothing is written", async () => {
  const { world, assignmentId } = await setUp(40);
  const coordinator = await loginAs(world.coordinator);
  const before = await snapshot(assignmentId);

  const seen = await openPage(assignmentId, coordinator);
  expect(seen.status).toBe(403);
  expect((await postPage(assignmentId, coordinator, logForm("1"))).status).toBe(403);
  const queued = await postQueue(assignmentId, coordinator, logForm("1"));
  expect(queued.status).toBe(403);
  expect(queued.data).toEqual({ reason: "forbidden" });
  expect(queued.headers.get("Cache-Control")).toBe("no-store");

  for (const answer of [
    await openPage(assignmentId, null),
    await postPage(assignmentId, null, logForm("1")),
    await postQueue(assignmentId, null, logForm("1")),
  ]) {
    expect(answer.status).toBe(302);
    expect(location(answer)).toMatch(/^\/login(\?|$)/);
  }
  expect(location(await openPage(assignmentId, null))).toBe(
    `/login?redirectTo=${encodeURIComponent(pagePath(assignmentId))}`,
  );
  expect(await snapshot(assignmentId)).toEqual(before);
});

test("a task the coordinator cancelled and a claim she gave back take no logs: a clear refusal on the page and in the queue, nothing written", async () => {
  const world = await createOrderWorld();
  await wholeRate(world);
  const cookie = await loginAs(world.workers[0]!);
  const cancelled = await taskFor(world, { quantity: 10 });
  expect(await cancelAssignment(actorOf(world.coordinator), cancelled, newSubmissionKey())).toMatchObject({
    ok: true,
    cancelled: true,
  });
  const claimed = await taskFor(world, { quantity: 10, source: "claimed" });
  const gaveBack = await callAction(
    giveBack.action,
    `${pagePath(claimed)}/give-back`,
    { submissionKey: key() },
    cookie,
    {
      params: { assignmentId: claimed },
    },
  );
  expect(gaveBack.status).toBe(302);

  for (const assignmentId of [cancelled, claimed]) {
    expect((await assignmentPieces(assignmentId)).status).toBe("cancelled");
    const before = await snapshot(assignmentId);
    const view = await pageData(assignmentId, cookie);
    expect(view.task.active).toBe(false);

    const posted = await postPage(assignmentId, cookie, logForm("2"));
    expect(posted.status).toBe(400);
    const failure = posted.data as Failure;
    expect(failure.formError).toBe("pieceLog.notActive");
    expect(failure.values).toMatchObject({ intent: "log", quantity: "2" });

    const queued = await postQueue(assignmentId, cookie, logForm("2"));
    expect(queued.status).toBe(409);
    expect(queued.data).toEqual({ ok: false, message: "这个任务已经结束或取消，不能再报工。" });
    expect(await snapshot(assignmentId)).toEqual(before);
    expect(await logsOf(assignmentId)).toEqual([]);
  }
});

// ---------------------------------------------------------------------------
// Logging through the page

test("a log from the page redirects to the page with a notice; the same key again makes no second log and says so", async () => {
  const { assignmentId, cookie } = await setUp(40);
  const form = logForm("3");
  const first = await postPage(assignmentId, cookie, form);
  expect(first.status).toBe(302);
  expect(location(first)).toBe(pagePath(assignmentId));
  expect(await noticeOf(first, cookie)).toMatchObject({ key: "pieceLog.created", params: { n: 3, unit: "piece" } });

  const again = await postPage(assignmentId, cookie, form);
  expect(again.status).toBe(302);
  expect(location(again)).toBe(pagePath(assignmentId));
  expect(await noticeOf(again, cookie)).toMatchObject({ key: "pieceLog.replayed", params: { n: 3, unit: "piece" } });
  // The same key with another number (a form changed after it was sent) is still that one log.
  const changed = await postPage(assignmentId, cookie, { ...form, quantity: "9" });
  expect(await noticeOf(changed, cookie)).toMatchObject({ key: "pieceLog.replayed", params: { n: 3 } });

  const logs = await logsOf(assignmentId);
  expect(logs).toEqual([
    expect.objectContaining({ quantity: 3, status: "submitted", clientKey: form.clientKey, rateE4: 35_000n }),
  ]);
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(3);
  expect(await db().auditEvent.count({ where: { entityId: logs[0]!.id, action: "pieceLog.create" } })).toBe(1);
});

test("numbers that are not a count of pieces answer 400 at the quantity, keep what she typed, and write nothing; full-width digits are a count", async () => {
  const { assignmentId, cookie } = await setUp(40);
  const before = await snapshot(assignmentId);
  const cases: [string, string][] = [
    ["0", "error.zero"],
    ["-1", "error.negative"],
    ["1.5", "error.notWhole"],
    ["abc", "error.invalid"],
    ["99999999999999999999", "error.tooLarge"],
    ["", "error.required"],
  ];
  for (const [quantity, expected] of cases) {
    const answer = await postPage(assignmentId, cookie, logForm(quantity));
    expect(answer.status, quantity).toBe(400);
    const failure = answer.data as Failure;
    expect(parseMsg(failure.fieldErrors.quantity ?? "").key, quantity).toBe(expected);
    expect(shown("zh-CN", failure.fieldErrors.quantity)).toMatch(CJK);
    // The page shows a log form's errors only when the echoed intent is "log".
    expect(failure.values).toMatchObject({ intent: "log", quantity });
  }
  expect(shown("zh-CN", "error.tooLarge?max=10000000")).toBe("数值太大，最多 10000000");
  expect(await snapshot(assignmentId)).toEqual(before);

  // app/domain/money-values.ts turns full-width digits into ASCII (a Chinese keyboard types them).
  const wide = await postPage(assignmentId, cookie, logForm("１２"));
  expect(wide.status).toBe(302);
  expect(await noticeOf(wide, cookie)).toMatchObject({ key: "pieceLog.created", params: { n: 12 } });
  expect((await logsOf(assignmentId)).map((l) => l.quantity)).toEqual([12]);
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(12);
});

test("more than is left answers 400 naming what is left, in her language, and writes nothing; exactly what is left is logged", async () => {
  const { world, assignmentId, cookie } = await setUp(10);
  expect((await postPage(assignmentId, cookie, logForm("7"))).status).toBe(302);
  const before = await snapshot(assignmentId);

  const refused = await postPage(assignmentId, cookie, logForm("4"));
  expect(refused.status).toBe(400);
  const failure = refused.data as Failure;
  expect(shown("zh-CN", failure.fieldErrors.quantity)).toBe("这个任务只剩 3 件可以报了。");
  expect(failure.values).toMatchObject({ intent: "log", quantity: "4" });
  expect(await snapshot(assignmentId)).toEqual(before);

  await setLocale(world.workers[0]!, "en");
  const inEnglish = await postPage(assignmentId, cookie, logForm("4"));
  expect(shown("en", (inEnglish.data as Failure).fieldErrors.quantity)).toBe(
    "Only 3 pieces are left to log in this task.",
  );
  expect(await snapshot(assignmentId)).toEqual(before);

  expect((await postPage(assignmentId, cookie, logForm("3"))).status).toBe(302);
  const view = await pageData(assignmentId, cookie);
  expect(view.task).toMatchObject({ logged: 10, remaining: 0 });
});

test("a missing or garbled one-time key is refused with form.expired and writes nothing; a key already used for her other task too", async () => {
  const { world, assignmentId, cookie } = await setUp(40);
  const before = await snapshot(assignmentId);
  const garbled = ["short", "has spaces in it ok", "plus+and/slash==abcdef", "x".repeat(65), "键".repeat(20)];
  for (const clientKey of [undefined, "", ...garbled]) {
    const fields: Record<string, string> = { intent: "log", quantity: "2" };
    if (clientKey !== undefined) fields.clientKey = clientKey;
    const answer = await postPage(assignmentId, cookie, fields);
    expect(answer.status, String(clientKey)).toBe(400);
    const failure = answer.data as Failure;
    expect([failure.formError, ...Object.values(failure.fieldErrors)], String(clientKey)).toContain("form.expired");
  }
  expect(await snapshot(assignmentId)).toEqual(before);

  const other = await taskFor(world, { quantity: 10 });
  const used = key();
  expect((await postPage(other, cookie, logForm("1", used))).status).toBe(302);
  const reused = await postPage(assignmentId, cookie, logForm("2", used));
  expect(reused.status).toBe(400);
  expect((reused.data as Failure).formError).toBe("form.expired");
  expect(await logsOf(assignmentId)).toEqual([]);
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(0);
});

test("the page tells her why a missing or garbled key was refused (the log form shows form.expired)", async () => {
  const { assignmentId, cookie } = await setUp(40);
  const forms: Record<string, string>[] = [
    { intent: "log", quantity: "2" },
    { intent: "log", quantity: "2", clientKey: "short" },
  ];
  for (const fields of forms) {
    const answer = await postPage(assignmentId, cookie, fields);
    expect(answer.status).toBe(400);
    // The log form shows the form's error and the quantity, step and photo errors; a
    // refusal nobody shows leaves her looking at her own number with no word why.
    expect(visibleLogErrors(answer.data as Failure), JSON.stringify(answer.data)).toContain("form.expired");
  }
});

test("a product paid per process step needs a step of its own; an unknown or foreign step is refused and nothing written; a step of a product paid as a whole is ignored", async () => {
  const { world, assignmentId, cut, wrap, cookie } = await stepSetUp(20);
  const view = await pageData(assignmentId, cookie);
  expect(view.steps).toEqual([
    { id: cut, name: "切皂", remaining: 20 },
    { id: wrap, name: "包装", remaining: 20 },
  ]);
  const foreign = await db().processStep.create({
    data: { workshopId: world.workshop.id, productId: (await createTestProduct(world.workshop.id)).id, name: "别的" },
    select: { id: true },
  });
  const before = await snapshot(assignmentId);
  for (const [extra, expected] of [
    [{}, "pieceLog.stepRequired"],
    [{ processStepId: "" }, "pieceLog.stepRequired"],
    [{ processStepId: "no-such-step" }, "pieceLog.stepUnknown"],
    [{ processStepId: foreign.id }, "pieceLog.stepUnknown"],
    [{ processStepId: "x".repeat(65) }, null],
  ] as const) {
    const answer = await postPage(assignmentId, cookie, logForm("5", key(), extra));
    expect(answer.status, JSON.stringify(extra)).toBe(400);
    const failure = answer.data as Failure;
    if (expected) expect(failure.fieldErrors.processStepId).toBe(expected);
    else expect(failure.fieldErrors.processStepId).toBeTruthy();
    expect(failure.values.quantity).toBe("5");
  }
  expect(await snapshot(assignmentId)).toEqual(before);

  expect((await postPage(assignmentId, cookie, logForm("15", key(), { processStepId: cut }))).status).toBe(302);
  const tooMany = await postPage(assignmentId, cookie, logForm("6", key(), { processStepId: cut }));
  expect(tooMany.status).toBe(400);
  expect(shown("zh-CN", (tooMany.data as Failure).fieldErrors.quantity)).toBe("这个任务只剩 5 件可以报了。");
  expect((await postPage(assignmentId, cookie, logForm("12", key(), { processStepId: wrap }))).status).toBe(302);
  expect((await logsOf(assignmentId)).map((l) => [l.processStepId, l.quantity])).toEqual([
    [cut, 15],
    [wrap, 12],
  ]);
  const after = await pageData(assignmentId, cookie);
  expect(after.task.logged).toBe(15);
  expect(after.steps).toEqual([
    { id: cut, name: "切皂", remaining: 5 },
    { id: wrap, name: "包装", remaining: 8 },
  ]);
  expect(after.logs.map((l) => [l.stepName, l.quantity])).toEqual([
    ["包装", 12],
    ["切皂", 15],
  ]);

  // A product paid as a whole has no steps to choose: a posted step (a tampered form, or a
  // log queued while it was paid per step) is not recorded, and the pieces count for the whole.
  const whole = await setUp(10);
  const wholeLog = await postPage(whole.assignmentId, whole.cookie, logForm("2", key(), { processStepId: cut }));
  expect(wholeLog.status).toBe(302);
  expect(await logsOf(whole.assignmentId)).toEqual([expect.objectContaining({ processStepId: null, quantity: 2 })]);
  expect((await assignmentPieces(whole.assignmentId)).loggedQuantity).toBe(2);
});

test("an unknown intent on the page answers 400 and writes nothing", async () => {
  const { assignmentId, cookie } = await setUp(40);
  const before = await snapshot(assignmentId);
  for (const intent of ["steal", ""]) {
    const answer = await postPage(assignmentId, cookie, { intent, quantity: "1", clientKey: key() });
    expect(answer.status).toBe(400);
    expect((answer.data as Failure).formError).toBe("error.unknownIntent");
  }
  expect(await snapshot(assignmentId)).toEqual(before);
});

// ---------------------------------------------------------------------------
// The phone's queue: JSON in her language

test("the queue's log answers JSON: recorded with the message in her language, the same answer on a resend marked replayed", async () => {
  const { world, assignmentId, cookie } = await setUp(40);
  const clientKey = key();
  const first = await postQueue(assignmentId, cookie, logForm("3", clientKey));
  expect(first.status).toBe(200);
  expect(first.headers.get("Cache-Control")).toBe("no-store");
  expect(first.data).toEqual({ ok: true, replayed: false, quantity: 3, message: "已记录 3 件，等协调员收货。" });
  const again = await postQueue(assignmentId, cookie, logForm("3", clientKey));
  expect(again.data).toEqual({ ok: true, replayed: true, quantity: 3, message: "已记录 3 件，等协调员收货。" });
  // A key first sent by the page (no JavaScript) and then by the queue is one log too.
  const pageKey = key();
  expect((await postPage(assignmentId, cookie, logForm("2", pageKey))).status).toBe(302);
  expect((await postQueue(assignmentId, cookie, logForm("2", pageKey))).data).toMatchObject({
    ok: true,
    replayed: true,
  });

  await setLocale(world.workers[0]!, "en");
  const english = await postQueue(assignmentId, cookie, logForm("１", key()));
  expect(english.data).toEqual({
    ok: true,
    replayed: false,
    quantity: 1,
    message: "Logged 1 piece. Your coordinator will count them when you hand them in.",
  });
  const plural = await postQueue(assignmentId, cookie, logForm("4", key()));
  expect((plural.data as QueueAnswer).message).toBe(
    "Logged 4 pieces. Your coordinator will count them when you hand them in.",
  );
  expect((await logsOf(assignmentId)).map((l) => l.quantity)).toEqual([3, 2, 1, 4]);
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(10);
});

test("the queue refuses bad input, a full task, a missing step, an ended task and an unknown intent with ok:false and a message in Chinese or English; nothing written", async () => {
  const { world, assignmentId, cookie } = await setUp(10);
  expect((await postQueue(assignmentId, cookie, logForm("8"))).status).toBe(200);
  const steps = await stepSetUp(20);
  const ended = await taskFor(world, { quantity: 10 });
  await cancelAssignment(actorOf(world.coordinator), ended, newSubmissionKey());
  const usedKey = key();
  const elsewhere = await taskFor(world, { quantity: 10 });
  expect((await postQueue(elsewhere, cookie, logForm("1", usedKey))).status).toBe(200);

  type Case = {
    name: string;
    to: string;
    cookie: string;
    fields: Record<string, string>;
    status: number;
    zh: string;
    en: string;
  };
  const cases: Case[] = [
    {
      name: "zero",
      to: assignmentId,
      cookie,
      fields: logForm("0"),
      status: 400,
      zh: "必须大于 0",
      en: "Must be greater than 0",
    },
    {
      name: "negative",
      to: assignmentId,
      cookie,
      fields: logForm("-1"),
      status: 400,
      zh: "不能是负数",
      en: "Must not be negative",
    },
    {
      name: "fraction",
      to: assignmentId,
      cookie,
      fields: logForm("1.5"),
      status: 400,
      zh: "请填写整数",
      en: "Enter a whole number",
    },
    {
      name: "text",
      to: assignmentId,
      cookie,
      fields: logForm("abc"),
      status: 400,
      zh: "格式不正确",
      en: "This value is not valid",
    },
    {
      name: "huge",
      to: assignmentId,
      cookie,
      fields: logForm("99999999999999999999"),
      status: 400,
      zh: "数值太大，最多 10000000",
      en: "Too large: at most 10000000",
    },
    {
      name: "no key",
      to: assignmentId,
      cookie,
      fields: { intent: "log", quantity: "1" },
      status: 400,
      zh: "这个页面已过期，请刷新后再提交一次。",
      en: "This page has expired. Reload it and send the form again.",
    },
    {
      name: "garbled key",
      to: assignmentId,
      cookie,
      fields: logForm("1", "short"),
      status: 400,
      zh: "这个页面已过期，请刷新后再提交一次。",
      en: "This page has expired. Reload it and send the form again.",
    },
    {
      name: "key of another task",
      to: assignmentId,
      cookie,
      fields: logForm("1", usedKey),
      status: 409,
      zh: "这个页面已过期，请刷新后再提交一次。",
      en: "This page has expired. Reload it and send the form again.",
    },
    {
      name: "too many",
      to: assignmentId,
      cookie,
      fields: logForm("3"),
      status: 409,
      zh: "这个任务只剩 2 件可以报了。",
      en: "Only 2 pieces are left to log in this task.",
    },
    {
      name: "no step",
      to: steps.assignmentId,
      cookie: steps.cookie,
      fields: logForm("1"),
      status: 409,
      zh: "请选择工序",
      en: "Choose the step",
    },
    {
      name: "unknown step",
      to: steps.assignmentId,
      cookie: steps.cookie,
      fields: logForm("1", key(), { processStepId: "no-such-step" }),
      status: 409,
      zh: "这道工序现在不能报工，请重新选择。",
      en: "This step cannot be logged now. Choose again.",
    },
    {
      name: "ended task",
      to: ended,
      cookie,
      fields: logForm("1"),
      status: 409,
      zh: "这个任务已经结束或取消，不能再报工。",
      en: "This task has ended or was cancelled: nothing more can be logged.",
    },
    {
      name: "another's task",
      to: steps.assignmentId,
      cookie,
      fields: logForm("1"),
      status: 409,
      zh: "找不到这个任务，可能已经取消或换给了别人。",
      en: "This task cannot be found: it may have been cancelled or given to someone else.",
    },
    {
      name: "unknown intent",
      to: assignmentId,
      cookie,
      fields: { ...logForm("1"), intent: "cancel" },
      status: 400,
      zh: "无法识别的操作",
      en: "Unknown action",
    },
    {
      name: "no intent",
      to: assignmentId,
      cookie,
      fields: { quantity: "1", clientKey: key() },
      status: 400,
      zh: "无法识别的操作",
      en: "Unknown action",
    },
  ];
  const before = [await snapshot(assignmentId), await snapshot(steps.assignmentId), await snapshot(ended)];
  for (const locale of ["zh-CN", "en"] as const) {
    await setLocale(world.workers[0]!, locale);
    await setLocale(steps.world.workers[0]!, locale);
    for (const c of cases) {
      const answer = await postQueue(c.to, c.cookie, c.fields);
      expect(answer.status, `${c.name} ${locale}`).toBe(c.status);
      expect(answer.headers.get("Cache-Control")).toBe("no-store");
      expect(answer.data, `${c.name} ${locale}`).toEqual({ ok: false, message: locale === "en" ? c.en : c.zh });
      if (locale === "zh-CN") expect(c.zh).toMatch(CJK);
      else expect(c.en).not.toMatch(CJK);
    }
  }
  expect([await snapshot(assignmentId), await snapshot(steps.assignmentId), await snapshot(ended)]).toEqual(before);
});

test("200 parallel posts to the queue, 20 keys each sent 10 times, make exactly 20 logs, each key answered by its one log", async () => {
  const { world, assignmentId, cookie } = await setUp(1000);
  const submissions = Array.from({ length: 20 }, (_, i) => ({ clientKey: key(), quantity: 1 + (i % 5) }));
  const sends = submissions.flatMap((s) => Array.from({ length: 10 }, () => s));
  const answers = await Promise.all(
    sends.map((s) => postQueue(assignmentId, cookie, logForm(String(s.quantity), s.clientKey))),
  );
  expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
  for (const [i, answer] of answers.entries()) {
    expect(answer.data).toMatchObject({ ok: true, quantity: sends[i]!.quantity });
  }
  // Per key: one answer made the log, the nine others found it.
  for (const s of submissions) {
    const mine = answers.filter((_, i) => sends[i]!.clientKey === s.clientKey);
    expect(mine.filter((a) => (a.data as { replayed: boolean }).replayed === false)).toHaveLength(1);
  }
  const logs = await logsOf(assignmentId);
  expect(logs).toHaveLength(20);
  expect(new Set(logs.map((l) => l.clientKey))).toEqual(new Set(submissions.map((s) => s.clientKey)));
  const total = submissions.reduce((sum, s) => sum + s.quantity, 0);
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(total);
  expect(await db().auditEvent.count({ where: { action: "pieceLog.create", actorId: world.workers[0]!.id } })).toBe(20);
});

// ---------------------------------------------------------------------------
// Photos with the log form

test("a photo posted with the log is stored and served to her and her coordinator, not to another worker", async () => {
  const { world, assignmentId, cookie } = await setUp(40);
  const filesBefore = await photoFiles();
  const jpeg = await postPage(assignmentId, cookie, logFormWithPhoto("2", key(), photoFile(TINY_JPEG)));
  expect(jpeg.status).toBe(302);
  const png = pngImage(8, 6);
  const queued = await postQueue(
    assignmentId,
    cookie,
    logFormWithPhoto("1", key(), photoFile(png, "p.png", "image/png")),
  );
  expect(queued.data).toMatchObject({ ok: true, replayed: false });
  const logs = await logsOf(assignmentId);
  expect(logs.map((l) => l.photoPath === null)).toEqual([false, false]);
  expect((await photoFiles()).length).toBe(filesBefore.length + 2);

  const coordinator = await loginAs(world.coordinator);
  const stranger = await loginAs(world.workers[1]!);
  for (const [log, bytes, type] of [
    [logs[0]!, TINY_JPEG, "image/jpeg"],
    [logs[1]!, png, "image/png"],
  ] as const) {
    for (const viewer of [cookie, coordinator]) {
      const answer = await fetchPhoto(log.id, viewer);
      expect(answer.status).toBe(200);
      expect(answer.type).toBe(type);
      expect(answer.bytes.equals(bytes)).toBe(true);
    }
    expect((await fetchPhoto(log.id, stranger)).status).toBe(404);
  }
  expect((await pageData(assignmentId, cookie)).logs.map((l) => l.hasPhoto)).toEqual([true, true]);
});

test("a text file named .jpg is refused (photo.notAnImage): no log, no pieces taken, no file left; a good photo with a refused log is not kept either", async () => {
  const { world, assignmentId, cookie } = await setUp(10);
  const text = new File(["这不是照片，只是文字。"], "photo.jpg", { type: "image/jpeg" });
  const before = await snapshot(assignmentId);

  const posted = await postPage(assignmentId, cookie, logFormWithPhoto("2", key(), text));
  expect(posted.status).toBe(400);
  expect((posted.data as Failure).fieldErrors.photo).toBe("photo.notAnImage");
  expect((posted.data as Failure).values).toMatchObject({ intent: "log", quantity: "2" });
  const queued = await postQueue(assignmentId, cookie, logFormWithPhoto("2", key(), text));
  expect(queued.status).toBe(400);
  expect(queued.data).toEqual({ ok: false, message: "只能上传 JPEG、PNG 或 WebP 照片" });
  expect(await snapshot(assignmentId)).toEqual(before);

  // The photo is stored before the log is tried: a log refused afterwards removes it again.
  const tooMany = await postPage(assignmentId, cookie, logFormWithPhoto("11", key(), photoFile(TINY_JPEG)));
  expect(tooMany.status).toBe(400);
  const queuedTooMany = await postQueue(assignmentId, cookie, logFormWithPhoto("11", key(), photoFile(TINY_JPEG)));
  expect(queuedTooMany.status).toBe(409);
  const stranger = await loginAs(world.workers[1]!);
  expect((await postPage(assignmentId, stranger, logFormWithPhoto("1", key(), photoFile(TINY_JPEG)))).status).toBe(404);
  expect(await snapshot(assignmentId)).toEqual(before);
});

test("a resend with the same key and a photo leaves one log and one file, and the first photo is still served", async () => {
  const { assignmentId, cookie } = await setUp(40);
  const filesBefore = await photoFiles();
  const clientKey = key();
  const first = await postPage(assignmentId, cookie, logFormWithPhoto("2", clientKey, photoFile(TINY_JPEG)));
  expect(first.status).toBe(302);
  const again = await postPage(assignmentId, cookie, logFormWithPhoto("2", clientKey, photoFile(TINY_JPEG)));
  expect(await noticeOf(again, cookie)).toMatchObject({ key: "pieceLog.replayed" });
  // The queue resends it with another (shrunk) copy of the photo.
  const queued = await postQueue(
    assignmentId,
    cookie,
    logFormWithPhoto("2", clientKey, photoFile(pngImage(4, 4), "p.png", "image/png")),
  );
  expect(queued.data).toMatchObject({ ok: true, replayed: true });

  const logs = await logsOf(assignmentId);
  expect(logs).toHaveLength(1);
  const files = await photoFiles();
  expect(files.length).toBe(filesBefore.length + 1);
  expect(files.some((f) => f.endsWith(logs[0]!.photoPath!.split("/").pop()!))).toBe(true);
  const served = await fetchPhoto(logs[0]!.id, cookie);
  expect(served.status).toBe(200);
  expect(served.bytes.equals(TINY_JPEG)).toBe(true);
});

// ---------------------------------------------------------------------------
// Correcting and cancelling

test("she corrects her log up and down and cancels it while it waits; the pieces follow; a second cancel changes nothing", async () => {
  const { assignmentId, cookie } = await setUp(40);
  await postPage(assignmentId, cookie, logForm("10"));
  const [log] = await logsOf(assignmentId);

  const up = await postPage(assignmentId, cookie, { intent: "correct", pieceLogId: log!.id, quantity: "12" });
  expect(up.status).toBe(302);
  expect(location(up)).toBe(pagePath(assignmentId));
  expect(await noticeOf(up, cookie)).toMatchObject({ key: "pieceLog.corrected", params: { n: 12, unit: "piece" } });
  expect((await pageData(assignmentId, cookie)).task).toMatchObject({ logged: 12, remaining: 28 });

  const same = await postPage(assignmentId, cookie, { intent: "correct", pieceLogId: log!.id, quantity: "12" });
  expect(await noticeOf(same, cookie)).toMatchObject({ key: "pieceLog.unchanged" });

  const before = await snapshot(assignmentId);
  const above = await postPage(assignmentId, cookie, { intent: "correct", pieceLogId: log!.id, quantity: "41" });
  expect(above.status).toBe(400);
  const failure = above.data as Failure;
  expect(parseMsg(failure.fieldErrors.quantity ?? "")).toMatchObject({
    key: "pieceLog.correctAtMost",
    params: { n: "40" },
  });
  expect(failure.values).toMatchObject({ intent: "correct", pieceLogId: log!.id, quantity: "41" });
  const zero = await postPage(assignmentId, cookie, { intent: "correct", pieceLogId: log!.id, quantity: "0" });
  expect(zero.status).toBe(400);
  expect((zero.data as Failure).fieldErrors.quantity).toBe("error.zero");
  expect(await snapshot(assignmentId)).toEqual(before);
  expect(await pieceLogState(log!.id)).toMatchObject({ quantity: 12, status: "submitted" });

  const down = await postPage(assignmentId, cookie, { intent: "correct", pieceLogId: log!.id, quantity: "8" });
  expect(down.status).toBe(302);
  expect((await pageData(assignmentId, cookie)).task).toMatchObject({ logged: 8, remaining: 32 });

  const cancel = await postPage(assignmentId, cookie, { intent: "cancel", pieceLogId: log!.id });
  expect(cancel.status).toBe(302);
  expect(await noticeOf(cancel, cookie)).toMatchObject({ key: "pieceLog.cancelled", params: { n: 8, unit: "piece" } });
  expect((await pageData(assignmentId, cookie)).task).toMatchObject({ logged: 0, remaining: 40 });
  const twice = await postPage(assignmentId, cookie, { intent: "cancel", pieceLogId: log!.id });
  expect(twice.status).toBe(302);
  expect((await pageData(assignmentId, cookie)).task).toMatchObject({ logged: 0, remaining: 40 });
  expect(await pieceLogState(log!.id)).toMatchObject({ status: "cancelled", quantity: 8 });
  // A cancelled log cannot be brought back by correcting it.
  const revive = await postPage(assignmentId, cookie, { intent: "correct", pieceLogId: log!.id, quantity: "5" });
  expect(revive.status).toBe(400);
  expect((revive.data as Failure).formError).toBe("pieceLog.notSubmitted");
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(0);
});

test("a correction above what is left names the most the log can be changed to, with its unit", async () => {
  const { world, assignmentId, cookie } = await setUp(40);
  await postPage(assignmentId, cookie, logForm("12"));
  const [log] = await logsOf(assignmentId);
  const above = await postPage(assignmentId, cookie, { intent: "correct", pieceLogId: log!.id, quantity: "41" });
  expect(above.status).toBe(400);
  const message = (above.data as Failure).fieldErrors.quantity;
  expect(shown("zh-CN", message), message).toBe("这条最多只能改成 40 件。");
  await setLocale(world.workers[0]!, "en");
  const english = await postPage(assignmentId, cookie, { intent: "correct", pieceLogId: log!.id, quantity: "41" });
  expect(shown("en", (english.data as Failure).fieldErrors.quantity)).toBe(
    "This log can be changed to at most 40 pieces.",
  );
});

test("once received she can neither correct nor cancel her log (pieceLog.notSubmitted), and another worker never reaches it", async () => {
  const { world, assignmentId, cookie } = await setUp(40);
  await postPage(assignmentId, cookie, logForm("6"));
  await postPage(assignmentId, cookie, logForm("4"));
  const [received, waiting] = await logsOf(assignmentId);
  expect(
    await receiveLog(
      actorOf(world.coordinator),
      assignmentId,
      { pieceLogId: received!.id, counted: 6, reason: "" },
      new Date(),
      newSubmissionKey(),
    ),
  ).toMatchObject({ ok: true });
  const stranger = world.workers[1]!;
  const strangerCookie = await loginAs(stranger);
  const his = await taskFor(world, { quantity: 10, worker: stranger });
  expect((await postPage(his, strangerCookie, logForm("3"))).status).toBe(302);
  const [hisLogRow] = await logsOf(his);
  const before = await snapshot(assignmentId);

  const changes: Record<string, string>[] = [
    { intent: "correct", pieceLogId: received!.id, quantity: "5" },
    { intent: "cancel", pieceLogId: received!.id },
  ];
  for (const fields of changes) {
    const answer = await postPage(assignmentId, cookie, fields);
    expect(answer.status, fields.intent).toBe(400);
    expect((answer.data as Failure).formError).toBe("pieceLog.notSubmitted");
    expect((answer.data as Failure).values).toMatchObject({ intent: fields.intent, pieceLogId: received!.id });
  }

  // Another worker: on her task's address, and on his own task's address with her log's id.
  for (const path of [assignmentId, his]) {
    const theirs: Record<string, string>[] = [
      { intent: "correct", pieceLogId: waiting!.id, quantity: "1" },
      { intent: "cancel", pieceLogId: waiting!.id },
    ];
    for (const fields of theirs) {
      expect((await postPage(path, strangerCookie, fields)).status, `${path} ${fields.intent}`).toBe(404);
    }
  }
  // Her own address with a log id that is not hers, or not there.
  for (const pieceLogId of [hisLogRow!.id, "no-such-log"]) {
    expect((await postPage(assignmentId, cookie, { intent: "cancel", pieceLogId })).status).toBe(404);
  }
  expect(await pieceLogState(hisLogRow!.id)).toMatchObject({ status: "submitted", quantity: 3 });
  expect(await snapshot(assignmentId)).toEqual(before);
  expect(await pieceLogState(received!.id)).toMatchObject({ status: "received", quantity: 6 });
  expect(await pieceLogState(waiting!.id)).toMatchObject({ status: "submitted", quantity: 4 });
});

// ---------------------------------------------------------------------------
// What the page shows

test("the page lists only her logs, newest first, and its figures follow logs, corrections, cancels and a receipt", async () => {
  const { world, assignmentId, cookie } = await setUp(40);
  const stranger = world.workers[1]!;
  const strangerCookie = await loginAs(stranger);
  // His task on the same order's product, logged through the same routes.
  const his = await taskFor(world, { quantity: 40, worker: stranger });
  await postPage(his, strangerCookie, logForm("9"));
  // A row of his against her task (as no form can make): still not hers to see.
  const [hisLog] = await logsOf(his);
  await db().pieceLog.create({
    data: {
      workshopId: world.workshop.id,
      assignmentId,
      orderId: (await db().assignment.findUniqueOrThrow({ where: { id: assignmentId } })).orderId,
      workerId: stranger.id,
      productId: world.product.id,
      quantity: 1,
      loggedOn: "2026-03-10",
      status: "submitted",
      clientKey: key(),
    },
  });

  await postPage(assignmentId, cookie, logForm("3"));
  await postPage(assignmentId, cookie, logForm("4"));
  await postQueue(assignmentId, cookie, logForm("5"));
  const [a, b, c] = (await logsOf(assignmentId)).filter((l) => l.quantity !== 1);
  let view = await pageData(assignmentId, cookie);
  expect(view.task).toMatchObject({ quantity: 40, logged: 12, remaining: 28 });
  expect(view.logs.map((l) => [l.id, l.quantity, l.status])).toEqual([
    [c!.id, 5, "submitted"],
    [b!.id, 4, "submitted"],
    [a!.id, 3, "submitted"],
  ]);
  expect(view.logs.map((l) => l.id)).not.toContain(hisLog!.id);

  await postPage(assignmentId, cookie, { intent: "correct", pieceLogId: b!.id, quantity: "6" });
  await postPage(assignmentId, cookie, { intent: "cancel", pieceLogId: a!.id });
  view = await pageData(assignmentId, cookie);
  expect(view.task).toMatchObject({ logged: 11, remaining: 29 });
  expect(view.logs.map((l) => [l.quantity, l.status, l.changeReason])).toEqual([
    [5, "submitted", ""],
    [6, "submitted", ""],
    [3, "cancelled", ""],
  ]);

  // The coordinator counts 4 of the 5: the missing one goes back to her task.
  expect(
    await receiveLog(
      actorOf(world.coordinator),
      assignmentId,
      { pieceLogId: c!.id, counted: 4, reason: "一块裂了" },
      new Date(),
      newSubmissionKey(),
    ),
  ).toMatchObject({ ok: true });
  view = await pageData(assignmentId, cookie);
  expect(view.task).toMatchObject({ logged: 10, remaining: 30 });
  expect(view.logs[0]).toMatchObject({
    id: c!.id,
    status: "received",
    receipt: { counted: 4, differenceReason: "一块裂了" },
  });
  // His page is his own too.
  const hisView = await pageData(his, strangerCookie);
  expect(hisView.logs.map((l) => l.quantity)).toEqual([9]);
  expect(hisView.task).toMatchObject({ logged: 9, remaining: 31 });
});

// ---------------------------------------------------------------------------
// A shared phone, and a log that waited on the phone (review of issue 8)

test("a log queued for one worker and sent while another is logged in is answered otherWorker (409, in the sender's language) and writes nothing; with her own id it is recorded", async () => {
  const { world, assignmentId, cookie } = await setUp(40);
  const neighbour = world.workers[1]!;
  const neighbourCookie = await loginAs(neighbour);
  const before = await snapshot(assignmentId);
  const clientKey = key();
  // Her log, sent with the neighbour's session (the phone's other tab logged in as the neighbour).
  const crossed = await postQueue(
    assignmentId,
    neighbourCookie,
    logForm("5", clientKey, { worker: world.workers[0]!.id }),
  );
  expect(crossed.status).toBe(409);
  expect(crossed.headers.get("Cache-Control")).toBe("no-store");
  expect(crossed.data).toEqual({
    ok: false,
    code: "otherWorker",
    message: "这条是在另一个账号下记的。用那个账号登录后会自动发送。",
  });
  await setLocale(neighbour, "en");
  const english = await postQueue(
    assignmentId,
    neighbourCookie,
    logForm("5", clientKey, { worker: world.workers[0]!.id }),
  );
  expect((english.data as QueueAnswer).message).toBe(
    "This log was made under another account. It is sent when that account is logged in again.",
  );
  expect(await snapshot(assignmentId)).toEqual(before);
  // The same key, later, under her own login: recorded once.
  const sent = await postQueue(assignmentId, cookie, logForm("5", clientKey, { worker: world.workers[0]!.id }));
  expect(sent.data).toMatchObject({ ok: true, replayed: false, quantity: 5 });
  expect((await logsOf(assignmentId)).map((l) => l.quantity)).toEqual([5]);
});

test("a queued log is dated and priced on the day her phone made it, within bounds; a wrong clock falls back to the server's day", async () => {
  const world = await createOrderWorld();
  const now = Date.now();
  const today = chinaDate(new Date(now));
  const yesterday = addDays(today, -1);
  // Yesterday's rate (since 2020) and today's (a new version from today).
  await wholeRate(world);
  const todays = await db().pieceRate.create({
    data: {
      workshopId: world.workshop.id,
      productId: world.product.id,
      rateE4: 40_000n,
      effectiveOn: today,
      reason: "test",
      setById: world.coordinator.id,
    },
    select: { id: true },
  });
  const assignmentId = await taskFor(world, { quantity: 100 });
  const cookie = await loginAs(world.workers[0]!);
  await db().assignment.update({ where: { id: assignmentId }, data: { createdAt: new Date(now - 3 * DAY) } });

  const cases: [string, number | null, string, bigint][] = [
    ["made yesterday (24 h ago)", now - DAY, yesterday, 35_000n],
    ["made just now", now, today, 40_000n],
    ["no time given", null, today, 40_000n],
    ["a clock 10 days slow", now - 10 * DAY, today, 40_000n],
    ["a clock an hour fast", now + 60 * 60 * 1000, today, 40_000n],
  ];
  for (const [what, madeAt, loggedOn, rateE4] of cases) {
    const clientKey = key();
    const extra: Record<string, string> = madeAt === null ? {} : { madeAt: String(madeAt) };
    const answer = await postQueue(assignmentId, cookie, logForm("1", clientKey, extra));
    expect(answer.data, what).toMatchObject({ ok: true, replayed: false });
    const log = await db().pieceLog.findFirstOrThrow({
      where: { clientKey },
      select: { loggedOn: true, rateE4: true },
    });
    expect({ what, loggedOn: log.loggedOn, rateE4: log.rateE4 }).toEqual({ what, loggedOn, rateE4 });
  }
  // Before her task existed: dated on the day it was made, not earlier.
  const fresh = await taskFor(world, { quantity: 5 });
  const created = await db().assignment.findUniqueOrThrow({ where: { id: fresh }, select: { createdAt: true } });
  const early = key();
  await postQueue(fresh, cookie, logForm("1", early, { madeAt: String(now - 2 * DAY) }));
  const log = await db().pieceLog.findFirstOrThrow({ where: { clientKey: early }, select: { loggedOn: true } });
  expect(log.loggedOn).toBe(chinaDate(created.createdAt));
  // Today's version is now used; a made-up madeAt that is not a number is refused with nothing written.
  expect((await db().pieceRate.findUniqueOrThrow({ where: { id: todays.id } })).usedAt).not.toBeNull();
  const before = await snapshot(assignmentId);
  const bad = await postQueue(assignmentId, cookie, logForm("1", key(), { madeAt: "yesterday" }));
  expect(bad.status).toBe(400);
  expect(await snapshot(assignmentId)).toEqual(before);
});

test("the queue's address opened in the browser (GET) sends her to the task's log page", async () => {
  const { assignmentId, cookie } = await setUp(10);
  const answer = await callLoader(queue.loader, queuePath(assignmentId), cookie, { params: { assignmentId } });
  expect(answer.status).toBe(302);
  expect(location(answer)).toBe(pagePath(assignmentId));
});
