// The quality-check pages (ADR 021), called the way Remix calls them: the list
// and its badge, the check form of a lot (a resent form checks once; refusals
// answer 400 with dictionary keys in both languages and change nothing), the
// photo stored with the check and served only to the worker and her
// workshop's coordinators, rework taken back from the list, the reason list;
// another workshop's coordinator gets 404, a worker or partner 403.
import { expect, test } from "vitest";
import { parseMsg } from "../../app/forms/fields.ts";
import { isMessageKey, messages } from "../../app/i18n/index.ts";
import { db } from "../../app/infra/db.server.ts";
import * as photo from "../../app/routes/check-photos.$lotId.tsx";
import * as coordinatorLayout from "../../app/routes/coordinator.tsx";
import * as checkPage from "../../app/routes/coordinator.quality.$lotId.tsx";
import * as list from "../../app/routes/coordinator.quality._index.tsx";
import * as reasonsPage from "../../app/routes/coordinator.quality.reasons.tsx";
import { createOrderRow, createOrderWorld } from "../support/catalogue-fixtures.ts";
import { callAction, callLoader, location, loginAs, noticeOf, type Fields, type Outcome } from "../support/fixtures.ts";
import { photoFile, TINY_JPEG } from "../support/images.ts";
import { addReasons, receivedLot } from "../support/quality-fixtures.ts";

type CheckData = Awaited<ReturnType<typeof checkPage.loader>>;
type Failure = { ok: false; fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };

async function setUp() {
  const world = await createOrderWorld();
  const reasons = await addReasons(world.workshop.id);
  const orderId = await createOrderRow(world, { quantity: 100, dueOn: "2099-12-31" });
  const { lotId, assignmentId } = await receivedLot(world, orderId, { quantity: 10 });
  return { world, reasons, orderId, lotId, assignmentId, cookie: await loginAs(world.coordinator) };
}

const pagePath = (lotId: string) => `/coordinator/quality/${lotId}`;

async function openCheck(lotId: string, cookie: string): Promise<CheckData> {
  const page = await callLoader(checkPage.loader, pagePath(lotId), cookie, { params: { lotId } });
  expect(page.status).toBe(200);
  return page.data as CheckData;
}

function post(lotId: string, cookie: string | null, fields: Fields): Promise<Outcome> {
  return callAction(checkPage.action, pagePath(lotId), fields, cookie, { params: { lotId } });
}

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

test("the coordinator sees the lot in the list and the badge; a double-sent check form with a photo checks once; the photo is served to her and the worker only", async () => {
  const { world, reasons, lotId, cookie } = await setUp();
  const listed = await callLoader(list.loader, "/coordinator/quality", cookie);
  expect((listed.data as Awaited<ReturnType<typeof list.loader>>).awaiting.map((l) => l.id)).toEqual([lotId]);
  expect((await callLoader(coordinatorLayout.loader, "/coordinator", cookie)).data).toMatchObject({ lotsToCheck: 1 });

  const page = await openCheck(lotId, cookie);
  expect(page.lot).toMatchObject({ quantity: 10, status: "awaiting", rate: "¥6.80" });
  expect(page.reasons.map((r) => r.label)).toContain("有裂纹");
  const fields = {
    intent: "check",
    submissionKey: page.checkKey!,
    lotId,
    quantity: "10",
    passed: "8",
    rework: "1",
    rejected: "1",
    reworkReasonId: reasons.get("有裂纹")!,
    rejectedReasonId: "other",
    note: "摔坏了一块",
  };
  const first = await post(lotId, cookie, { ...fields, photo: photoFile(TINY_JPEG) });
  const second = await post(lotId, cookie, { ...fields, photo: photoFile(TINY_JPEG) });
  for (const answer of [first, second]) {
    expect(answer.status).toBe(302);
    expect(location(answer)).toBe(pagePath(lotId));
  }
  expect(await noticeOf(first, cookie)).toMatchObject({
    key: "quality.checked",
    params: { passed: 8, rework: 1, rejected: 1 },
  });
  expect(await noticeOf(second, cookie)).toMatchObject({ key: "quality.checkedAgain" });
  expect(await db().lot.count({ where: { reworkOfLotId: lotId } })).toBe(1);
  const after = await openCheck(lotId, cookie);
  expect(after.checkKey).toBeNull();
  expect(after.check).toMatchObject({
    passed: 8,
    rework: 1,
    rejected: 1,
    reworkReason: "有裂纹",
    rejectedReason: null,
    hasPhoto: true,
  });
  expect((await callLoader(coordinatorLayout.loader, "/coordinator", cookie)).data).toMatchObject({ lotsToCheck: 0 });

  const seen = async (who: string | null) =>
    (await callLoader(photo.loader, `/check-photos/${lotId}`, who, { params: { lotId } })).status;
  expect(await seen(cookie)).toBe(200);
  expect(await seen(await loginAs(world.workers[0]!))).toBe(200);
  expect(await seen(await loginAs(world.workers[1]!))).toBe(404);
  expect(await seen(await loginAs(world.partnerUser))).toBe(403);
  const stranger = await createOrderWorld();
  expect(await seen(await loginAs(stranger.coordinator))).toBe(404);
});

test("bad check forms answer 400 with messages in both languages and change nothing; the hidden quantity is not trusted", async () => {
  const { reasons, lotId, cookie } = await setUp();
  const page = await openCheck(lotId, cookie);
  const base = {
    intent: "check",
    submissionKey: page.checkKey!,
    lotId,
    quantity: "10",
    reworkReasonId: "",
    rejectedReasonId: "",
    note: "",
  };
  const cases: [Record<string, string>, Record<string, string> | string][] = [
    [{ passed: "9", rework: "0", rejected: "0" }, { passed: "quality.countsDoNotAddUp" }],
    [{ passed: "8", rework: "2", rejected: "0" }, { reworkReasonId: "quality.reworkReasonRequired" }],
    [{ passed: "8", rework: "0", rejected: "2" }, { rejectedReasonId: "quality.rejectedReasonRequired" }],
    [{ passed: "8", rework: "2", rejected: "0", reworkReasonId: "other" }, { note: "quality.noteRequired" }],
    [{ passed: "-1", rework: "11", rejected: "0" }, { passed: "error.negative" }],
    [{ passed: "1.5", rework: "0", rejected: "0" }, { passed: "error.notWhole" }],
    [
      { passed: "8", rework: "2", rejected: "0", reworkReasonId: "no such reason" },
      { reworkReasonId: "error.invalid" },
    ],
    // A changed hidden field: the browser would allow 12, the lot has 10.
    [{ quantity: "12", passed: "12", rework: "0", rejected: "0" }, { passed: "quality.countsDoNotAddUp" }],
    [{ passed: "8", rework: "2", rejected: "0", reworkReasonId: "unknownid123" }, "quality.reasonNotFound"],
  ];
  const before = await db().auditEvent.count();
  for (const [change, expected] of cases) {
    const answer = await post(lotId, cookie, { ...base, ...change });
    expect(answer.status, JSON.stringify(change)).toBe(400);
    const failure = answer.data as Failure;
    if (typeof expected === "string") expect(failure.formError).toBe(expected);
    else expect(failure.fieldErrors).toMatchObject(expected);
    expectKeysInBothLanguages(failure);
  }
  void reasons;
  expect(await db().auditEvent.count()).toBe(before);
  expect(await db().lot.findUniqueOrThrow({ where: { id: lotId } })).toMatchObject({ status: "awaiting" });
});

test("another workshop's coordinator gets 404 for the page and the form, a worker 403; nothing changes", async () => {
  const { world, lotId, cookie } = await setUp();
  const page = await openCheck(lotId, cookie);
  const stranger = await setUp();
  const fields = {
    intent: "check",
    submissionKey: page.checkKey!,
    lotId,
    quantity: "10",
    passed: "10",
    rework: "0",
    rejected: "0",
  };
  expect((await callLoader(checkPage.loader, pagePath(lotId), stranger.cookie, { params: { lotId } })).status).toBe(
    404,
  );
  expect((await post(lotId, stranger.cookie, fields)).status).toBe(404);
  expect((await post(lotId, await loginAs(world.workers[0]!), fields)).status).toBe(403);
  // The stranger's list never shows it.
  const theirs = (await callLoader(list.loader, "/coordinator/quality", stranger.cookie)).data as Awaited<
    ReturnType<typeof list.loader>
  >;
  expect(theirs.awaiting.map((l) => l.id)).not.toContain(lotId);
  expect(await db().lot.findUniqueOrThrow({ where: { id: lotId } })).toMatchObject({ status: "awaiting" });
});

test("rework is taken back from the list once (a resent form too), then waits for its check; the reason list adds, refuses a duplicate, archives", async () => {
  const { reasons, lotId, cookie } = await setUp();
  const page = await openCheck(lotId, cookie);
  await post(lotId, cookie, {
    intent: "check",
    submissionKey: page.checkKey!,
    lotId,
    quantity: "10",
    passed: "7",
    rework: "3",
    rejected: "0",
    reworkReasonId: reasons.get("颜色不均")!,
  });
  const desk = (await callLoader(list.loader, "/coordinator/quality", cookie)).data as Awaited<
    ReturnType<typeof list.loader>
  >;
  expect(desk.atWorkers).toHaveLength(1);
  const rework = desk.atWorkers[0]!;
  const fields = { intent: "takeBack", submissionKey: rework.takeBackKey!, lotId: rework.id };
  const first = await callAction(list.action, "/coordinator/quality", fields, cookie);
  const second = await callAction(list.action, "/coordinator/quality", fields, cookie);
  expect([first.status, second.status]).toEqual([302, 302]);
  expect(await noticeOf(first, cookie)).toMatchObject({ key: "quality.takenBack", params: { n: 3 } });
  const again = await callAction(
    list.action,
    "/coordinator/quality",
    { ...fields, submissionKey: "x".repeat(22) },
    cookie,
  );
  expect(again.status).toBe(400);
  expect((again.data as Failure).formError).toBe("quality.notAtWorker");
  const now = (await callLoader(list.loader, "/coordinator/quality", cookie)).data as Awaited<
    ReturnType<typeof list.loader>
  >;
  expect(now.awaiting).toEqual([expect.objectContaining({ id: rework.id, isRework: true, quantity: 3 })]);
  expect(now.atWorkers).toEqual([]);

  const reasonsData = (await callLoader(reasonsPage.loader, "/coordinator/quality/reasons", cookie)).data as Awaited<
    ReturnType<typeof reasonsPage.loader>
  >;
  const add = (label: string, key: string) =>
    callAction(
      reasonsPage.action,
      "/coordinator/quality/reasons",
      { intent: "add", submissionKey: key, label },
      cookie,
    );
  expect((await add("气泡太多", reasonsData.addKey)).status).toBe(302);
  const duplicate = await add("有裂纹", "y".repeat(22));
  expect(duplicate.status).toBe(400);
  expect((duplicate.data as Failure).fieldErrors).toEqual({ label: "quality.reasons.taken" });
  const archive = await callAction(
    reasonsPage.action,
    "/coordinator/quality/reasons",
    { intent: "archive", reasonId: reasons.get("有裂纹")! },
    cookie,
  );
  expect(archive.status).toBe(302);
  const check = await openCheck(rework.id, cookie);
  expect(check.reasons.map((r) => r.label)).toEqual(["尺寸不符", "颜色不均", "包装破损", "表面有瑕疵", "气泡太多"]);
});
