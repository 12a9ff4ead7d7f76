// A piece log's photo at /photos/<logId> (issue 8), called the way Remix calls
// the loader: the worker who logged it and the coordinators of her workshop get
// the bytes, with the type sniffed from them and headers that keep a browser
// from guessing another; another worker or another workshop's coordinator gets
// the same 404 as for a log that does not exist (or has no photo, or whose file
// is gone, or whose stored path is not one the store wrote); partners and
// admins 403; nobody is sent to log in. Logs are written directly (the
// worker's piece-log model is tested on its own); photos go through the real
// store, into this file's PHOTO_DIR (tests/setup/per-file-db.ts).
import { rm } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { db } from "../../app/infra/db.server.ts";
import { photoDir } from "../../app/infra/photo-store.server.ts";
import { findPieceLogPhoto } from "../../app/models/piece-log-photo.server.ts";
import * as photoRoute from "../../app/routes/photos.$logId.tsx";
import { createOrderWorld } from "../support/catalogue-fixtures.ts";
import { callLoader, createAdminUser, getRequest, location, loginAs } from "../support/fixtures.ts";
import { pngImage, TINY_JPEG, TINY_WEBP } from "../support/images.ts";
import { loggedWithPhoto } from "../support/photo-fixtures.ts";

const photoPath = (logId: string) => `/photos/${logId}`;

type PhotoAnswer = { status: number; headers: Headers; bytes: Buffer };

/** The loader's answer with its bytes (callLoader reads bodies as text); refusals are checked with callLoader. */
async function fetchPhoto(logId: string, cookie: string | null): Promise<PhotoAnswer> {
  const response = (await photoRoute.loader({
    request: getRequest(photoPath(logId), cookie),
    params: { logId },
    context: { clientAddress: "10.0.0.1" },
  })) as Response;
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

test("the worker who logged it and her workshop's coordinator see the photo, with its sniffed type and safe headers", async () => {
  const world = await createOrderWorld();
  const logId = await loggedWithPhoto(world, world.workers[0]!, TINY_JPEG);
  for (const user of [world.workers[0]!, world.coordinator]) {
    const answer = await fetchPhoto(logId, await loginAs(user));
    expect(answer.status, user.role).toBe(200);
    expect(answer.bytes.equals(TINY_JPEG)).toBe(true);
    expect(answer.headers.get("Content-Type")).toBe("image/jpeg");
    expect(answer.headers.get("Content-Length")).toBe(String(TINY_JPEG.length));
    expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
    expect(answer.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(answer.headers.get("Content-Disposition")).toBe("inline");
  }
});

test("the type comes from the bytes: a PNG and a WebP are served as such", async () => {
  const world = await createOrderWorld();
  const cookie = await loginAs(world.workers[0]!);
  for (const [bytes, type] of [
    [pngImage(4, 3), "image/png"],
    [TINY_WEBP, "image/webp"],
  ] as const) {
    const logId = await loggedWithPhoto(world, world.workers[0]!, bytes);
    const answer = await fetchPhoto(logId, cookie);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe(type);
  }
});

test("another worker of the same workshop and another workshop's coordinator get 404, as for a log that does not exist", async () => {
  const world = await createOrderWorld();
  const elsewhere = await createOrderWorld();
  const logId = await loggedWithPhoto(world, world.workers[0]!, TINY_JPEG);
  const strangers = [world.workers[1]!, elsewhere.coordinator, elsewhere.workers[0]!];
  for (const user of strangers) {
    const cookie = await loginAs(user);
    const theirs = await callLoader(photoRoute.loader, photoPath(logId), cookie, { params: { logId } });
    const missing = await callLoader(photoRoute.loader, photoPath("cm-no-such-log"), cookie, {
      params: { logId: "cm-no-such-log" },
    });
    expect(theirs.status, user.name).toBe(404);
    expect(theirs.thrown).toBe(true);
    expect(theirs.data).toEqual({ reason: "notFound" });
    // A Response, not data(): Remix would send a resource route's thrown data() as "Unexpected Server Error".
    expect(theirs.headers.get("Content-Type")).toBe("application/json");
    expect(theirs.headers.get("Cache-Control")).toBe("no-store");
    expect(missing.status).toBe(404);
    expect(missing.data).toEqual(theirs.data);
  }
});

test("partners and admins get 403; nobody logged in is sent to log in and brought back", async () => {
  const world = await createOrderWorld();
  const logId = await loggedWithPhoto(world, world.workers[0]!, TINY_JPEG);
  for (const user of [world.partnerUser, await createAdminUser()]) {
    const answer = await callLoader(photoRoute.loader, photoPath(logId), await loginAs(user), { params: { logId } });
    expect(answer.status, user.role).toBe(403);
    expect(answer.data).toEqual({ reason: "forbidden" });
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
  }
  const anonymous = await callLoader(photoRoute.loader, photoPath(logId), null, { params: { logId } });
  expect(anonymous.status).toBe(302);
  expect(location(anonymous)).toBe(`/login?redirectTo=${encodeURIComponent(photoPath(logId))}`);
});

test("a log without a photo, one whose file is gone, and one whose stored path is not the store's are all 404", async () => {
  const world = await createOrderWorld();
  const cookie = await loginAs(world.coordinator);
  const scope = { role: "coordinator" as const, userId: world.coordinator.id, workshopId: world.workshop.id };
  const without = await loggedWithPhoto(world, world.workers[0]!, null);
  const gone = await loggedWithPhoto(world, world.workers[0]!, TINY_JPEG);
  const { photoPath: gonePath } = await db().pieceLog.findUniqueOrThrow({ where: { id: gone } });
  await rm(path.join(photoDir(), gonePath!));
  const tampered = await loggedWithPhoto(world, world.workers[0]!, null);
  await db().pieceLog.update({ where: { id: tampered }, data: { photoPath: "../../../../etc/hostname" } });
  for (const logId of [without, gone, tampered]) {
    const answer = await callLoader(photoRoute.loader, photoPath(logId), cookie, { params: { logId } });
    expect(answer.status, logId).toBe(404);
    expect(await findPieceLogPhoto(scope, logId)).toBeNull();
  }
});

test("the model answers nothing for a partner or admin scope, an empty or overlong id, whatever exists", async () => {
  const world = await createOrderWorld();
  const logId = await loggedWithPhoto(world, world.workers[0]!, TINY_JPEG);
  const mine = { role: "worker" as const, userId: world.workers[0]!.id, workshopId: world.workshop.id };
  expect((await findPieceLogPhoto(mine, logId))?.contentType).toBe("image/jpeg");
  // Her own id, but claiming another workshop: not found.
  const other = await createOrderWorld();
  expect(await findPieceLogPhoto({ ...mine, workshopId: other.workshop.id }, logId)).toBeNull();
  expect(await findPieceLogPhoto({ role: "admin", userId: world.coordinator.id }, logId)).toBeNull();
  expect(
    await findPieceLogPhoto(
      { role: "partner", userId: world.partnerUser.id, workshopId: world.workshop.id, partnerId: world.partner.id },
      logId,
    ),
  ).toBeNull();
  expect(await findPieceLogPhoto(mine, "")).toBeNull();
  expect(await findPieceLogPhoto(mine, "x".repeat(65))).toBeNull();
});
