// The receiving pages, the label sheet and the label address, called the way
// Remix calls them (ADR 019): receiving through the page's own forms (a resent
// form receives once), refusals answer 400 with dictionary keys in both
// languages and change nothing, another workshop's coordinator gets 404 and a
// worker 403, corrections and cancellations need a reason; the label's QR code
// is drawn from /l/<id> on the request's own site; /l/<id> sends each caller
// where she belongs, or 403/404 without saying whether the assignment exists.
import QRCode from "qrcode";
import { expect, test } from "vitest";
import { parseMsg } from "../../app/forms/fields.ts";
import { isMessageKey, messages, translate } from "../../app/i18n/index.ts";
import type { Notice } from "../../app/i18n/notice.ts";
import { db } from "../../app/infra/db.server.ts";
import * as coordinatorLayout from "../../app/routes/coordinator.tsx";
import * as singleLabel from "../../app/routes/coordinator.labels.$assignmentId.tsx";
import * as labelSheet from "../../app/routes/coordinator.orders.$orderId_.labels.tsx";
import * as desk from "../../app/routes/coordinator.receiving.$assignmentId.tsx";
import * as receivingList from "../../app/routes/coordinator.receiving._index.tsx";
import * as labelAddress from "../../app/routes/l.$assignmentId.tsx";
import * as login from "../../app/routes/login.tsx";
import { qrSvg } from "../../app/utils/qr.server.ts";
import { auditOf, createOrderRow, createOrderWorld, type OrderWorld } from "../support/catalogue-fixtures.ts";
import {
  callAction,
  callLoader,
  createAdminUser,
  location,
  loginAs,
  noticeOf,
  postLogin,
  uniqueAddress,
  type Outcome,
} from "../support/fixtures.ts";
import { assignmentPieces, createAssignmentRow, createSubmittedLog, lotsOfLog } from "../support/piece-log-fixtures.ts";

type DeskData = Awaited<ReturnType<typeof desk.loader>>;
type Failure = { ok: false; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };

async function setUp(world?: OrderWorld) {
  const w = world ?? (await createOrderWorld());
  const orderId = await createOrderRow(w, { quantity: 100, dueOn: "2099-12-31" });
  const assignmentId = await createAssignmentRow({
    workshopId: w.workshop.id,
    orderId,
    productId: w.product.id,
    workerId: w.workers[0]!.id,
    createdById: w.coordinator.id,
    quantity: 40,
  });
  return { world: w, orderId, assignmentId, cookie: await loginAs(w.coordinator) };
}

const deskPath = (assignmentId: string) => `/coordinator/receiving/${assignmentId}`;

async function openDesk(assignmentId: string, cookie: string): Promise<DeskData> {
  const page = await callLoader(desk.loader, deskPath(assignmentId), cookie, { params: { assignmentId } });
  expect(page.status).toBe(200);
  return page.data as DeskData;
}

function post(assignmentId: string, cookie: string | null, fields: Record<string, string>): Promise<Outcome> {
  return callAction(desk.action, deskPath(assignmentId), fields, cookie, { params: { assignmentId } });
}

/** Every error of a 400 is a dictionary key with a Chinese and an English text. */
function expectKeysInBothLanguages(failure: Failure) {
  for (const message of [...Object.values(failure.fieldErrors), failure.formError].filter(Boolean) as string[]) {
    const { key } = parseMsg(message);
    expect(isMessageKey(key), key).toBe(true);
    if (isMessageKey(key)) {
      expect(messages[key]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(messages[key].en).toMatch(/[A-Za-z]/);
    }
  }
}

/** A notice's text in both languages, as <PageNotice> shows it (a unit code becomes a word): every placeholder filled. */
function expectNoticeReads(notice: Notice | null) {
  expect(notice).not.toBeNull();
  for (const locale of ["zh-CN", "en"] as const) {
    const params = { ...notice!.params, ...(notice!.params?.unit ? { unit: "件" } : {}) };
    expect(translate(locale, notice!.key, params)).not.toMatch(/\{\w+\}/);
  }
}

async function counts() {
  const [lots, submitted, audit] = await Promise.all([
    db().lot.count(),
    db().pieceLog.count({ where: { status: "submitted" } }),
    db().auditEvent.count(),
  ]);
  return { lots, submitted, audit };
}

test("the coordinator sees the waiting logs per order and worker, with the badge; a double-sent receive form with a smaller count and a reason receives once", async () => {
  const { world, assignmentId, cookie } = await setUp();
  const logId = await createSubmittedLog(assignmentId, { quantity: 30 });

  const list = await callLoader(receivingList.loader, "/coordinator/receiving", cookie);
  const orders = (list.data as Awaited<ReturnType<typeof receivingList.loader>>).orders;
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ productName: world.product.name, logs: 1, pieces: 30 });
  expect(orders[0]!.assignments[0]).toMatchObject({ assignmentId, workerName: world.workers[0]!.name });
  const layout = await callLoader(coordinatorLayout.loader, "/coordinator", cookie);
  expect(layout.data).toMatchObject({ logsToReceive: 1 });

  const page = await openDesk(assignmentId, cookie);
  expect(page.submitted.map((l) => [l.id, l.quantity, l.rate])).toEqual([[logId, 30, "¥6.80"]]);
  const fields = {
    intent: "receive",
    submissionKey: page.submitted[0]!.submissionKey,
    pieceLogId: logId,
    logged: "30",
    counted: "28",
    reason: "2 块有裂纹",
  };
  const first = await post(assignmentId, cookie, fields);
  const second = await post(assignmentId, cookie, fields);

  for (const answer of [first, second]) {
    expect(answer.status).toBe(302);
    expect(location(answer)).toBe(deskPath(assignmentId));
    const notice = await noticeOf(answer, cookie);
    expect(notice).toMatchObject({ key: "receiving.receivedShort", params: { n: 28, unit: "piece", logged: 30 } });
    expectNoticeReads(notice);
  }
  expect(await lotsOfLog(logId)).toEqual([expect.objectContaining({ quantity: 28, differenceReason: "2 块有裂纹" })]);
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(28);
  const after = await openDesk(assignmentId, cookie);
  expect(after.submitted).toEqual([]);
  expect(after.lots).toEqual([
    expect.objectContaining({
      quantity: 28,
      loggedQuantity: 30,
      status: "awaiting",
      receivedByName: world.coordinator.name,
    }),
  ]);
  expect((await callLoader(coordinatorLayout.loader, "/coordinator", cookie)).data).toMatchObject({ logsToReceive: 0 });
});

test("bad receive forms answer 400 with messages in both languages and change nothing; the hidden logged count is not trusted", async () => {
  const { assignmentId, cookie } = await setUp();
  const logId = await createSubmittedLog(assignmentId, { quantity: 30 });
  const page = await openDesk(assignmentId, cookie);
  const base = { intent: "receive", submissionKey: page.submitted[0]!.submissionKey, pieceLogId: logId, logged: "30" };
  const before = await counts();

  const cases: [Record<string, string>, Record<string, string>][] = [
    [{ counted: "28", reason: "" }, { reason: "receiving.reasonRequired" }],
    [{ counted: "31", reason: "多了" }, { counted: "receiving.countAboveLogged" }],
    [{ counted: "-1", reason: "" }, { counted: "error.negative" }],
    [{ counted: "2.5", reason: "x" }, { counted: "error.notWhole" }],
    [{ counted: "", reason: "" }, { counted: "error.required" }],
    [{ counted: "28", reason: "坏\u202e了" }, { reason: "error.bidiControl" }],
    // A changed hidden field: the browser would allow 50, the log says 30.
    [{ logged: "100", counted: "50", reason: "改了隐藏字段" }, { counted: "receiving.countAboveLogged" }],
    [{ logged: "28", counted: "28", reason: "" }, { reason: "receiving.reasonRequired" }],
  ];
  for (const [change, expected] of cases) {
    const answer = await post(assignmentId, cookie, { ...base, ...change });
    expect(answer.status, JSON.stringify(change)).toBe(400);
    const failure = answer.data as Failure;
    expect(failure.fieldErrors).toMatchObject(expected);
    expectKeysInBothLanguages(failure);
    // What she typed comes back, to correct.
    expect(failure.values.reason ?? "").toBe(change.reason ?? "");
  }
  for (const fields of [
    { ...base, intent: "steal", counted: "30" },
    { ...base, submissionKey: "short", counted: "30" },
  ]) {
    const answer = await post(assignmentId, cookie, fields);
    expect(answer.status).toBe(400);
    expectKeysInBothLanguages(answer.data as Failure);
  }
  expect(await counts()).toEqual(before);
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(30);
});

test("another workshop's coordinator gets 404 for the page and the forms, a worker 403, and nothing changes", async () => {
  const { world, assignmentId } = await setUp();
  const logId = await createSubmittedLog(assignmentId, { quantity: 30 });
  const stranger = await setUp();
  const worker = await loginAs(world.workers[0]!);
  const fields = {
    intent: "receive",
    submissionKey: "k".repeat(22),
    pieceLogId: logId,
    logged: "30",
    counted: "30",
    reason: "",
  };
  const before = await counts();

  const seen = await callLoader(desk.loader, deskPath(assignmentId), stranger.cookie, { params: { assignmentId } });
  expect(seen.status).toBe(404);
  const posted = await post(assignmentId, stranger.cookie, fields);
  expect(posted.status).toBe(404);
  // Its own page, another workshop's log id: not found either.
  const crossed = await post(stranger.assignmentId, stranger.cookie, fields);
  expect(crossed.status).toBe(404);
  const all = await post(assignmentId, stranger.cookie, {
    intent: "receiveAll",
    submissionKey: "a".repeat(22),
    pieceLogIds: logId,
  });
  expect(all.status).toBe(404);

  for (const outcome of [
    await callLoader(desk.loader, deskPath(assignmentId), worker, { params: { assignmentId } }),
    await post(assignmentId, worker, fields),
    await callLoader(receivingList.loader, "/coordinator/receiving", worker),
  ]) {
    expect(outcome.status).toBe(403);
  }
  expect(await counts()).toEqual(before);
});

test("receive all as logged through the page; correcting and cancelling need a reason, and are audited", async () => {
  const { assignmentId, cookie } = await setUp();
  const logs = [
    await createSubmittedLog(assignmentId, { quantity: 10 }),
    await createSubmittedLog(assignmentId, { quantity: 12 }),
  ];
  let page = await openDesk(assignmentId, cookie);
  const all = await post(assignmentId, cookie, {
    intent: "receiveAll",
    submissionKey: page.receiveAllKey,
    pieceLogIds: page.submitted.map((l) => l.id).join(","),
  });
  expect(all.status).toBe(302);
  const notice = await noticeOf(all, cookie);
  expect(notice).toMatchObject({ key: "receiving.receivedAll", params: { logs: 2, n: 22, unit: "piece" } });
  expectNoticeReads(notice);
  for (const id of logs) expect(await lotsOfLog(id)).toHaveLength(1);

  page = await openDesk(assignmentId, cookie);
  const lot = page.lots.find((l) => l.quantity === 12)!;
  expect(lot.keys).not.toBeNull();
  const before = await counts();
  const noReason = await post(assignmentId, cookie, {
    intent: "correct",
    submissionKey: lot.keys!.correct,
    lotId: lot.id,
    logged: "12",
    counted: "11",
    reason: "  ",
  });
  expect(noReason.status).toBe(400);
  expect((noReason.data as Failure).fieldErrors).toEqual({ reason: "receiving.changeReasonRequired" });
  const cancelNoReason = await post(assignmentId, cookie, {
    intent: "cancel",
    submissionKey: lot.keys!.cancel,
    lotId: lot.id,
    reason: "",
  });
  expect(cancelNoReason.status).toBe(400);
  expect((cancelNoReason.data as Failure).fieldErrors).toEqual({ reason: "receiving.changeReasonRequired" });
  expect(await counts()).toEqual(before);

  const corrected = await post(assignmentId, cookie, {
    intent: "correct",
    submissionKey: lot.keys!.correct,
    lotId: lot.id,
    logged: "12",
    counted: "11",
    reason: "复点少 1 件",
  });
  expect(corrected.status).toBe(302);
  expect(await noticeOf(corrected, cookie)).toMatchObject({ key: "receiving.corrected" });
  const cancelled = await post(assignmentId, cookie, {
    intent: "cancel",
    submissionKey: lot.keys!.cancel,
    lotId: lot.id,
    reason: "收错了",
  });
  expect(cancelled.status).toBe(302);
  expect(await noticeOf(cancelled, cookie)).toMatchObject({ key: "receiving.cancelled" });
  expect((await auditOf(lot.id)).map((a) => a.action)).toEqual(["lot.receive", "lot.correct", "lot.cancel"]);
  expect((await assignmentPieces(assignmentId)).loggedQuantity).toBe(10);

  page = await openDesk(assignmentId, cookie);
  expect(page.lots.find((l) => l.id === lot.id)).toMatchObject({
    status: "cancelled",
    keys: null,
    changeReason: "收错了",
  });
  // A cancelled receipt cannot be changed again: 400 with the reason why.
  const late = await post(assignmentId, cookie, {
    intent: "correct",
    submissionKey: "z".repeat(22),
    lotId: lot.id,
    logged: "12",
    counted: "5",
    reason: "再改",
  });
  expect(late.status).toBe(400);
  expect((late.data as Failure).formError).toBe("receiving.notAwaiting");
});

/**
 * The dark modules of a QR code drawn by qrcode's SVG renderer, read back from
 * its path ("M x y h n ..." runs of dark modules, "m dx dy" moves), written
 * separately from the library so the comparison below is not the library
 * checking itself.
 */
function darkModulesOfSvg(svg: string): { size: number; dark: Set<string> } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg);
  if (!viewBox || !path) throw new Error("not a qrcode SVG");
  const margin = 1;
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of path[1]!.matchAll(/([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const n = Number(a);
    if (op === "M") [x, y] = [n, Number(b)];
    else if (op === "m") [x, y] = [x + n, y + Number(b)];
    else {
      for (let i = 0; i < n; i++) dark.add(`${x + i - margin},${Math.floor(y) - margin}`);
      x += n;
    }
  }
  return { size: Number(viewBox[1]) - 2 * margin, dark };
}

function darkModulesOf(text: string): { size: number; dark: Set<string> } {
  const code = QRCode.create(text, { errorCorrectionLevel: "M" });
  const dark = new Set<string>();
  for (let row = 0; row < code.modules.size; row++)
    for (let col = 0; col < code.modules.size; col++) if (code.modules.get(row, col)) dark.add(`${col},${row}`);
  return { size: code.modules.size, dark };
}

test("the label sheet has one label per assignment, each with a QR code of /l/<id> on the request's own site", async () => {
  const { world, orderId, assignmentId, cookie } = await setUp();
  const second = await createAssignmentRow({
    workshopId: world.workshop.id,
    orderId,
    productId: world.product.id,
    workerId: world.workers[1]!.id,
    createdById: world.coordinator.id,
    quantity: 25,
  });
  const origin = "https://qiaoshou.example.cn";
  const page = await callLoader(labelSheet.loader, `${origin}/coordinator/orders/${orderId}/labels`, cookie, {
    params: { orderId },
  });
  expect(page.status).toBe(200);
  const { labels } = page.data as Awaited<ReturnType<typeof labelSheet.loader>>;
  expect(labels.map((l) => [l.assignmentId, l.workerName, l.quantity, l.dueOn])).toEqual([
    [assignmentId, world.workers[0]!.name, 40, "2099-12-31"],
    [second, world.workers[1]!.name, 25, "2099-12-31"],
  ]);
  for (const label of labels) {
    const url = `${origin}/l/${label.assignmentId}`;
    expect(label.url).toBe(url);
    expect(label.qrSvg).toBe(await qrSvg(url));
    expect(label.qrSvg).toMatch(/^<svg aria-hidden="true" focusable="false" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // The drawing encodes exactly that address: the same modules as the code for it, and not those of another.
    const drawn = darkModulesOfSvg(label.qrSvg);
    const expected = darkModulesOf(url);
    expect(drawn.size).toBe(expected.size);
    expect([...drawn.dark].sort()).toEqual([...expected.dark].sort());
    expect([...drawn.dark].sort()).not.toEqual([...darkModulesOf(`${origin}/l/${label.assignmentId}x`).dark].sort());
  }

  const one = await callLoader(singleLabel.loader, `/coordinator/labels/${second}`, cookie, {
    params: { assignmentId: second },
  });
  expect(one.status).toBe(200);
  expect((one.data as Awaited<ReturnType<typeof singleLabel.loader>>).label).toMatchObject({
    url: `http://localhost/l/${second}`,
    workerName: world.workers[1]!.name,
  });

  const stranger = await setUp();
  for (const outcome of [
    await callLoader(labelSheet.loader, `/coordinator/orders/${orderId}/labels`, stranger.cookie, {
      params: { orderId },
    }),
    await callLoader(singleLabel.loader, `/coordinator/labels/${second}`, stranger.cookie, {
      params: { assignmentId: second },
    }),
  ]) {
    expect(outcome.status).toBe(404);
  }
});

test("/l/<id> sends the worker who owns it to her log page and a coordinator to receiving; anyone else 403/404, nobody logged in to login and back", async () => {
  const { world, assignmentId, cookie } = await setUp();
  const path = `/l/${assignmentId}`;
  const open = (who: string | null, id = assignmentId) =>
    callLoader(labelAddress.loader, `/l/${id}`, who, { params: { assignmentId: id } });

  const owner = await open(await loginAs(world.workers[0]!));
  expect(owner.status).toBe(302);
  expect(location(owner)).toBe(`/worker/tasks/${assignmentId}`);
  const coordinator = await open(cookie);
  expect(coordinator.status).toBe(302);
  expect(location(coordinator)).toBe(`/coordinator/receiving/${assignmentId}`);

  // The same 404 for another worker, another workshop's coordinator or worker, and an id that does not exist.
  const stranger = await setUp();
  const notFounds = [
    await open(await loginAs(world.workers[1]!)),
    await open(stranger.cookie),
    await open(await loginAs(stranger.world.workers[0]!)),
    await open(cookie, "cm-no-such-assignment"),
  ];
  for (const outcome of notFounds) {
    expect(outcome.status).toBe(404);
    expect(outcome.data).toEqual({ reason: "notFound" });
  }
  for (const who of [await loginAs(world.partnerUser), await loginAs(await createAdminUser())]) {
    for (const id of [assignmentId, "cm-no-such-assignment"]) {
      const outcome = await open(who, id);
      expect(outcome.status).toBe(403);
      expect(outcome.data).toEqual({ reason: "forbidden" });
    }
  }

  // Nobody logged in: to the login page, and from there back to the label.
  const anonymous = await open(null);
  expect(anonymous.status).toBe(302);
  expect(location(anonymous)).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
  const loggedIn = await postLogin(
    { phone: world.coordinator.phone, password: world.coordinator.password, redirectTo: path },
    { address: uniqueAddress() },
  );
  expect(loggedIn.status).toBe(302);
  expect(location(loggedIn)).toBe(path);
  const partner = await postLogin(
    { phone: world.partnerUser.phone, password: world.partnerUser.password, redirectTo: path },
    { address: uniqueAddress() },
  );
  expect(location(partner)).toBe("/partner");
  expect(login.access).toEqual({ public: true });
});
