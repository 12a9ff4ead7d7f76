// The coordinator's workers list after a community came in at once (issue 10): pages of 50,
// a search by a part of the name or digits of the number, her own workshop only, and where
// each imported worker's initial password stands. SQLite and PostgreSQL.
import { expect, test } from "vitest";
import { INITIAL_PASSWORD_TTL_MS } from "../../app/domain/worker-import.ts";
import { db } from "../../app/infra/db.server.ts";
import * as workersList from "../../app/routes/coordinator.workers._index.tsx";
import {
  callLoader,
  createCoordinatorUser,
  createTestWorkshop,
  createWorkerUser,
  loginAs,
  uniquePhone,
  type RouteFunction,
} from "../support/fixtures.ts";

type Page = {
  q: string;
  total: number;
  page: number;
  pages: number;
  workers: { id: string; name: string; initial: string }[];
};

test("120 workers come in pages of 50; the search finds a name part or number digits in her workshop only; imported ones say where their password stands", async () => {
  const workshop = await createTestWorkshop();
  const coordinator = await createCoordinatorUser(workshop.id);
  const cookie = await loginAs(coordinator);
  const start = Date.now() - 1_000_000;
  const phones = Array.from({ length: 120 }, () => uniquePhone());
  await db().user.createMany({
    data: phones.map((phone, i) => ({
      role: "worker",
      name: i === 7 ? "欧阳秀英" : `社区工${i}`,
      phone,
      workshopId: workshop.id,
      createdAt: new Date(start + i * 1000),
    })),
  });
  // Someone of the same name elsewhere is never found here.
  await createWorkerUser((await createTestWorkshop()).id, { name: "欧阳秀英" });
  const list = async (query: string) =>
    (await callLoader(workersList.loader as RouteFunction, `/coordinator/workers${query}`, cookie)).data as Page;

  const first = await list("");
  expect([first.total, first.page, first.pages, first.workers.length]).toEqual([120, 1, 3, 50]);
  expect(first.workers[0]!.name).toBe("社区工0");
  const last = await list("?page=3");
  expect([last.page, last.workers.length, last.workers.at(-1)!.name]).toEqual([3, 20, "社区工119"]);
  // Past the end: the last page; nonsense: the first.
  expect((await list("?page=99")).page).toBe(3);
  for (const odd of ["?page=abc", "?page=-2", "?page=0", "?page=1e9999"]) expect((await list(odd)).page).toBe(1);

  const byName = await list(`?q=${encodeURIComponent("秀英")}`);
  expect(byName.workers.map((w) => w.name)).toEqual(["欧阳秀英"]);
  const byDigits = await list(`?q=${phones[42]!.slice(-6)}`);
  expect(byDigits.workers.map((w) => w.name)).toContain("社区工42");
  const nobody = await list(`?q=${encodeURIComponent("没有这个人")}`);
  expect([nobody.total, nobody.workers.length]).toEqual([0, 0]);
  // A huge query is cut to 40 characters, not refused.
  expect((await list(`?q=${"王".repeat(500)}`)).q).toHaveLength(40);

  // Imported workers: one has not set her own password yet, one's has expired, one changed hers.
  const [a, b, c] = first.workers;
  const now = Date.now();
  await db().importedWorker.createMany({
    data: [
      { userId: a!.id, workshopId: workshop.id, importedById: coordinator.id, createdAt: new Date(now) },
      {
        userId: b!.id,
        workshopId: workshop.id,
        importedById: coordinator.id,
        createdAt: new Date(now - INITIAL_PASSWORD_TTL_MS - 60_000),
      },
      { userId: c!.id, workshopId: workshop.id, importedById: coordinator.id, initialPassword: false },
    ],
  });
  const marked = await list("");
  expect(marked.workers.slice(0, 4).map((w) => w.initial)).toEqual(["active", "expired", "none", "none"]);
});
