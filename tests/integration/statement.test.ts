// The income statement 收入证明 (ADR 027), called the way Remix calls its
// routes, against a real database (SQLite, and PostgreSQL in CI): her total is
// the exact sum of her settled payslips' net in the period (one month settled
// through the real settlement of real lots, the others generated, with nets
// past 2^53 fen), unsettled months left out, settled months without a payslip
// at 0; issuing keeps a snapshot that later changes do not touch; a resent form
// issues once; only she issues and reads hers (another worker, her coordinator,
// a partner, an admin cannot); the verify page answers four facts and nothing
// else, the same for an unknown and a malformed code, not stored, not indexed,
// no referrer; lookups are throttled per client (an IPv4 address or an IPv6 /64:
// the 31st miss within 15 minutes is refused with 429 and words); codes are long,
// random and unique.
import { expect, test } from "vitest";
import { addMonths, chinaDate, chinaMonth } from "../../app/domain/dates.ts";
import { formatCode, parseCode } from "../../app/domain/statement.ts";
import { translate } from "../../app/i18n/index.ts";
import { db } from "../../app/infra/db.server.ts";
import { settleMonth } from "../../app/models/settlement.server.ts";
import { newStatementCode } from "../../app/models/statement.server.ts";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import { monthLabel } from "../../app/utils/pay-view.server.ts";
import * as verifyPage from "../../app/routes/v.$code.tsx";
import * as verifyForm from "../../app/routes/v._index.tsx";
import * as statementPage from "../../app/routes/worker.statements.$statementId.tsx";
import * as statementsPage from "../../app/routes/worker.statements._index.tsx";
import { createOrderRow, createOrderWorld } from "../support/catalogue-fixtures.ts";
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
  uniqueAddress,
  type Outcome,
} from "../support/fixtures.ts";
import { checkedLot, createRate } from "../support/pay-fixtures.ts";

const NOW = new Date();
const CURRENT = chinaMonth(NOW);
/** The period: the 12 months before the current one. */
const TO = addMonths(CURRENT, -1);
const FROM = addMonths(TO, -11);
/** Settled through the real settlement of real lots. */
const REAL = addMonths(CURRENT, -2);

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function period(workshopId: string, month: string, coordinatorId: string) {
  return db().payPeriod.create({
    data: {
      workshopId,
      month,
      workerCount: 0,
      grossFen: 0n,
      taxFen: 0n,
      chargesFen: 0n,
      netFen: 0n,
      settledById: coordinatorId,
    },
    select: { id: true },
  });
}

async function payslip(workshopId: string, payPeriodId: string, workerId: string, month: string, netFen: bigint) {
  await db().payslip.create({
    data: {
      workshopId,
      payPeriodId,
      workerId,
      month,
      payFen: netFen,
      remunerationFen: netFen,
      taxFen: 0n,
      chargesFen: 0n,
      netFen,
      withheld: false,
    },
  });
}

/**
 * A workshop with two workers (she, and another), a second workshop whose worker
 * has payslips in the same months, 12 months of which some are settled: REAL
 * through settleMonth, the others generated (huge and negative nets too), one
 * settled month without her payslip, two months not settled at all.
 */
async function makeWorld() {
  const world = await createOrderWorld({ workers: 2 });
  const [she, other] = [world.workers[0]!, world.workers[1]!];
  await db().user.update({ where: { id: she.id }, data: { name: "张秀英", phone: "13812345678" } });
  const orderId = await createOrderRow(world, { quantity: 10_000, dueOn: "2099-12-31" });
  const rateE4 = 12_345n;
  const rateId = await createRate(world, rateE4);
  // 37 pieces at ¥1.2345 = 45.6765 → ¥45.68 (half-up), and 10 pieces for the other worker.
  const day = (d: string) => new Date(`${REAL}-${d}T02:00:00Z`);
  await checkedLot(world, orderId, {
    workerId: she.id,
    quantity: 37,
    rateId,
    rateE4,
    loggedAt: day("03"),
    checkedAt: day("05"),
  });
  await checkedLot(world, orderId, {
    workerId: other.id,
    quantity: 10,
    rateId,
    rateE4,
    loggedAt: day("03"),
    checkedAt: day("06"),
  });
  const settled = await settleMonth({ workshopId: world.workshop.id, userId: world.coordinator.id }, REAL, NOW);
  if (!settled.ok) throw new Error(`test setup: settle refused ${JSON.stringify(settled)}`);

  const elsewhere = await createTestWorkshop({ name: "别处工坊", district: "沙坪坝区" });
  const elsewhereCoordinator = await createCoordinatorUser(elsewhere.id);
  const stranger = await createWorkerUser(elsewhere.id, { name: "李四" });

  const random = generator(20261202);
  const unsettled = new Set([addMonths(FROM, 3), addMonths(FROM, 7)]);
  const withoutHers = addMonths(FROM, 5);
  const nets = new Map<string, bigint>([[REAL, 4_568n]]);
  for (let m = FROM; m <= TO; m = addMonths(m, 1)) {
    if (m === REAL || unsettled.has(m)) continue;
    const p = await period(world.workshop.id, m, world.coordinator.id);
    if (m !== withoutHers) {
      // Up to ±10^13 fen (¥100 billion, near the money type's limit) for some months, every fen significant.
      const big = nets.size === 1 || random() < 0.3;
      const magnitude = big
        ? 10n ** 12n + BigInt(Math.floor(random() * 1e6)) * 9_999_999n
        : BigInt(Math.floor(random() * 800_000));
      const net = nets.size > 1 && random() < 0.15 ? -magnitude : magnitude;
      nets.set(m, net);
      await payslip(world.workshop.id, p.id, she.id, m, net);
    }
    await payslip(world.workshop.id, p.id, other.id, m, 777_777n);
    const q = await period(elsewhere.id, m, elsewhereCoordinator.id);
    await payslip(elsewhere.id, q.id, stranger.id, m, 999_999n);
  }
  // Her payslips outside the period (before it, and a settled month just before) are not stated.
  const before = await period(world.workshop.id, addMonths(FROM, -1), world.coordinator.id);
  await payslip(world.workshop.id, before.id, she.id, addMonths(FROM, -1), 123_456n);
  return {
    world,
    she,
    other,
    stranger,
    elsewhere,
    unsettled,
    withoutHers,
    nets,
    cookie: await loginAs({ ...she, phone: "13812345678" }),
  };
}
let shared: ReturnType<typeof makeWorld> | undefined;
const world = () => (shared ??= makeWorld());

function issue(cookie: string, fields: Record<string, string>) {
  return callAction(statementsPage.action, "/worker/statements", fields, cookie);
}

async function issued(cookie: string, from = FROM, to = TO) {
  const outcome = await issue(cookie, { from, to, submissionKey: newSubmissionKey() });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = (location(outcome) ?? "").replace("/worker/statements/", "");
  return db().incomeStatement.findUniqueOrThrow({ where: { id } });
}

function verify(code: string, address = uniqueAddress()) {
  return callLoader(verifyPage.loader, `/v/${encodeURIComponent(code)}`, null, { params: { code }, address });
}

test("her total is the exact sum of her settled payslips' net in the period; unsettled months are left out", async () => {
  const w = await world();
  const row = await issued(w.cookie);
  const sum = await db().payslip.aggregate({
    where: { workerId: w.she.id, workshopId: w.world.workshop.id, month: { gte: FROM, lte: TO } },
    _sum: { netFen: true },
  });
  expect(row.totalFen).toBe(sum._sum.netFen);
  expect(row.totalFen).toBe([...w.nets.values()].reduce((a, b) => a + b, 0n));
  expect([...w.nets.values()].some((n) => n > 10n ** 12n)).toBe(true);
  const months = JSON.parse(row.months) as { month: string; netFen: string; hasPayslip: boolean }[];
  expect(months.map((m) => m.month)).not.toContain([...w.unsettled][0]);
  expect(months).toHaveLength(10); // 12 months less the 2 not settled
  expect(months.find((m) => m.month === w.withoutHers)).toEqual({
    month: w.withoutHers,
    netFen: "0",
    hasPayslip: false,
  });
  expect(months.find((m) => m.month === REAL)).toEqual({ month: REAL, netFen: "4568", hasPayslip: true });
  expect(JSON.parse(row.unsettledMonths)).toEqual([...w.unsettled].sort());
  expect(row).toMatchObject({
    workerId: w.she.id,
    workshopId: w.world.workshop.id,
    fromMonth: FROM,
    toMonth: TO,
    workerName: "张秀英",
    workerPhoneMasked: "138****5678",
    workshopName: (await db().workshop.findUniqueOrThrow({ where: { id: w.world.workshop.id } })).name,
    issuedOn: chinaDate(new Date()),
  });
  expect(parseCode(row.code)).toBe(row.code);
  const audit = await db().auditEvent.findFirst({ where: { entityType: "IncomeStatement", entityId: row.id } });
  expect(audit?.action).toBe("statement.issue");
  expect(audit?.after ?? "").not.toContain(row.code);
});

test("the page previews the same figures, and prints the statement with its code and a QR code of /v/<code>", async () => {
  const w = await world();
  const preview = await callLoader(statementsPage.loader, `/worker/statements?from=${FROM}&to=${TO}`, w.cookie);
  expect(preview.status).toBe(200);
  const data = preview.data as Awaited<ReturnType<typeof statementsPage.loader>>;
  expect(data.preview?.figures.months).toHaveLength(10);
  const row = await issued(w.cookie);
  const page = await callLoader(statementPage.loader, `/worker/statements/${row.id}`, w.cookie, {
    params: { statementId: row.id },
  });
  expect(page.status).toBe(200);
  const { s } = page.data as Awaited<ReturnType<typeof statementPage.loader>>;
  expect(s.code).toBe(formatCode(row.code));
  expect(s.url).toBe(`http://localhost/v/${formatCode(row.code)}`);
  expect(s.qrSvg).toMatch(/^<svg aria-hidden="true"/);
  expect(s.zh.total).toBe(data.preview?.figures.total);
  expect(s.en).toBeNull(); // she reads Chinese: the statement is in Chinese only
  expect(s.workerPhoneMasked).toBe("138****5678");
});

test("an issued statement is a snapshot: a later change of her pay does not change what it or its verify page says", async () => {
  const w = await world();
  const row = await issued(w.cookie);
  const before = await verify(row.code);
  // As if a later correction had changed a settled month (it never does in the app; the snapshot must not care).
  const slip = await db().payslip.findFirstOrThrow({ where: { workerId: w.she.id, month: REAL } });
  await db().payslip.update({ where: { id: slip.id }, data: { netFen: slip.netFen + 100_000n } });
  try {
    const after = await verify(row.code);
    expect(after.data).toEqual(before.data);
    const again = await issued(w.cookie);
    expect(again.totalFen).toBe(row.totalFen + 100_000n);
    expect(again.code).not.toBe(row.code);
  } finally {
    await db().payslip.update({ where: { id: slip.id }, data: { netFen: slip.netFen } });
  }
});

test("a resent form issues one statement; refused periods write nothing and answer in words", async () => {
  const w = await world();
  const key = newSubmissionKey();
  const count = () => db().incomeStatement.count({ where: { workerId: w.she.id } });
  const start = await count();
  const first = await issue(w.cookie, { from: FROM, to: TO, submissionKey: key });
  const second = await issue(w.cookie, { from: FROM, to: TO, submissionKey: key });
  expect(location(first)).toMatch(/^\/worker\/statements\/\w+$/);
  expect(location(second)).toBe(location(first));
  expect(await count()).toBe(start + 1);

  const refusals: [Record<string, string>, string][] = [
    [{ from: TO, to: CURRENT }, "statement.notEnded"],
    [{ from: TO, to: FROM }, "statement.fromAfterTo"],
    [{ from: addMonths(TO, -24), to: TO }, "statement.tooLong?n=24"],
    [{ from: "2026-13", to: TO }, "statement.badMonth"],
    [{ from: addMonths(FROM, -30), to: addMonths(FROM, -20) }, "statement.nothingSettled"],
  ];
  for (const [fields, message] of refusals) {
    const outcome = await issue(w.cookie, { ...fields, submissionKey: newSubmissionKey() });
    expect(outcome.status, message).toBe(400);
    const failure = outcome.data as { fieldErrors: Record<string, string>; formError?: string };
    expect([failure.formError, ...Object.values(failure.fieldErrors)]).toContain(message);
  }
  expect(translate("zh-CN", "statement.tooLong", { n: 24 })).toBe("最多 24 个月。");
  expect(await count()).toBe(start + 1);
});

test("only she issues and reads hers: another worker, her coordinator, a partner, an admin cannot", async () => {
  const w = await world();
  const mine = await issued(w.cookie);
  // Another worker of the workshop: her statement is not found; posting "workerId" issues the poster's own.
  const otherCookie = await loginAs(w.other);
  const peek = await callLoader(statementPage.loader, `/worker/statements/${mine.id}`, otherCookie, {
    params: { statementId: mine.id },
  });
  expect(peek.status).toBe(404);
  const theirs = await (async () => {
    const outcome = await issue(otherCookie, {
      from: FROM,
      to: TO,
      submissionKey: newSubmissionKey(),
      workerId: w.she.id,
    });
    expect(outcome.status).toBe(302);
    return db().incomeStatement.findUniqueOrThrow({ where: { id: (location(outcome) ?? "").split("/").pop()! } });
  })();
  expect(theirs.workerId).toBe(w.other.id);
  // 10 × ¥1.2345 = ¥12.345 → ¥12.35 (half-up) in the month settled for real, ¥7,777.77 in each of the 9 others.
  expect(theirs.totalFen).toBe(1_235n + 777_777n * 9n);
  // A worker of another workshop: not found either.
  const strangerPeek = await callLoader(
    statementPage.loader,
    `/worker/statements/${mine.id}`,
    await loginAs(w.stranger),
    {
      params: { statementId: mine.id },
    },
  );
  expect(strangerPeek.status).toBe(404);
  // Staff and partners: refused (403) on both the page and the form, and nothing is written.
  const partner = await createPartnerUser(await createPartnerFirm(w.world.workshop.id));
  const staff = [w.world.coordinator, partner, await createAdminUser()];
  const count = await db().incomeStatement.count();
  for (const user of staff) {
    const cookie = await loginAs(user);
    const post = await issue(cookie, { from: FROM, to: TO, submissionKey: newSubmissionKey(), workerId: w.she.id });
    expect(post.status, user.role).toBe(403);
    const read = await callLoader(statementPage.loader, `/worker/statements/${mine.id}`, cookie, {
      params: { statementId: mine.id },
    });
    expect(read.status, user.role).toBe(403);
    const list = await callLoader(statementsPage.loader, "/worker/statements", cookie);
    expect(list.status, user.role).toBe(403);
  }
  expect(await db().incomeStatement.count()).toBe(count);
});

test("the verify page answers four facts and nothing else; headers keep it out of caches, indexes and referrers", async () => {
  const w = await world();
  const row = await issued(w.cookie);
  for (const typed of [row.code, formatCode(row.code), formatCode(row.code).toLowerCase().replace(/-/g, " ")]) {
    const outcome = await verify(typed);
    expect(outcome.status).toBe(200);
    const data = outcome.data as Record<string, unknown>;
    // The four facts (and the page's language and the site's own address, for its heading).
    expect(Object.keys(data).sort()).toEqual(["locale", "maskedName", "origin", "period", "state", "total"]);
    expect(data.state).toBe("found");
    expect(data.maskedName).toBe("张*英");
    expect(data.period).toBe(`${monthLabel(FROM, "zh-CN")} – ${monthLabel(TO, "zh-CN")}`);
    const body = JSON.stringify(data);
    const workshop = await db().workshop.findUniqueOrThrow({ where: { id: w.world.workshop.id } });
    for (const secret of [
      "张秀英",
      "13812345678",
      "138****5678",
      "5678",
      workshop.name,
      workshop.district,
      row.id,
      w.she.id,
      w.world.workshop.id,
      row.code,
      row.issuedOn,
      "4568",
      "45.68",
    ]) {
      expect(body, secret).not.toContain(secret);
    }
    expect(outcome.headers.get("Cache-Control")).toBe("no-store");
    expect(outcome.headers.get("X-Robots-Tag")).toBe("noindex, nofollow");
    expect(outcome.headers.get("Referrer-Policy")).toBe("no-referrer");
  }
  // The headers the document gets are the route's too.
  expect(verifyPage.headers()).toEqual({
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
  });
  // The typing form sends a code on to /v/<code>.
  const typed = await callLoader(verifyForm.loader, `/v?code=${encodeURIComponent(formatCode(row.code))}`);
  expect(typed.status).toBe(302);
  expect(location(typed)).toBe(`/v/${formatCode(row.code)}`);
});

test("an unknown code and a malformed one get the same answer", async () => {
  await world();
  const answers: Outcome[] = [];
  for (const code of [
    newStatementCode(),
    formatCode(newStatementCode()),
    "not-a-code",
    "' OR 1=1 --",
    "A".repeat(500),
  ]) {
    answers.push(await verify(code));
  }
  for (const a of answers) {
    expect(a.status).toBe(404);
    expect(a.data).toEqual({ locale: "zh-CN", origin: "http://localhost", state: "notFound" });
    expect(a.headers.get("Cache-Control")).toBe("no-store");
  }
});

test("codes cannot be enumerated: the 31st miss from one address within 15 minutes is refused with 429 and words", async () => {
  const w = await world();
  const row = await issued(w.cookie);
  const address = uniqueAddress();
  // A real code found gives its lookup back: checking real statements does not use up the allowance.
  for (let i = 0; i < 32; i++) expect((await verify(row.code, address)).status).toBe(200);
  // 30 misses: families behind one carrier-grade NAT address may mistype a few codes each.
  for (let i = 0; i < 30; i++) expect((await verify(newStatementCode(), address)).status).toBe(404);
  const refused = await verify(newStatementCode(), address);
  expect(refused.status).toBe(429);
  expect(refused.data).toEqual({ locale: "zh-CN", origin: "http://localhost", state: "throttled", minutes: 15 });
  expect(refused.headers.get("Cache-Control")).toBe("no-store");
  expect(translate("zh-CN", "statement.verify.throttled", { minutes: 15 })).toBe("核验次数过多，请 15 分钟后再试。");
  // Refused even for the right code while locked; another address is not affected.
  expect((await verify(row.code, address)).status).toBe(429);
  expect((await verify(row.code, uniqueAddress())).status).toBe(200);
});

test("an IPv6 client is counted by its /64: rotating addresses within it does not dodge the limit; IPv4-mapped is the IPv4 address", async () => {
  const w = await world();
  const row = await issued(w.cookie);
  const n = uniqueAddress().split(".").map(Number);
  const net = `2001:db8:${n[1]!.toString(16)}:${((n[2]! << 8) | n[3]!).toString(16)}`;
  // 30 misses, each from another address of the /64, written in every form an address comes in.
  for (let i = 0; i < 30; i++) {
    const address =
      i % 3 === 0
        ? `${net}::${(i + 1).toString(16)}`
        : i % 3 === 1
          ? `${net}:0:0:ffff:${i}`
          : `${net}:${i}:${i}:${i}:${i}%eth0`;
    expect((await verify(newStatementCode(), address)).status).toBe(404);
  }
  const refused = await verify(newStatementCode(), `${net}:abcd:ef01:2345:6789`);
  expect(refused.status).toBe(429);
  expect((await verify(row.code, `${net.toUpperCase()}::FFFF`)).status).toBe(429);
  // The neighbouring /64 is another client.
  expect(
    (await verify(row.code, `2001:db8:${n[1]!.toString(16)}:${(((n[2]! << 8) | n[3]!) ^ 1).toString(16)}::1`)).status,
  ).toBe(200);

  // One IPv4 client, whether the socket gives it plain or IPv4-mapped.
  const v4 = uniqueAddress();
  for (let i = 0; i < 30; i++) {
    expect((await verify(newStatementCode(), i % 2 === 0 ? v4 : `::ffff:${v4}`)).status).toBe(404);
  }
  expect((await verify(newStatementCode(), v4)).status).toBe(429);
  expect((await verify(newStatementCode(), `::ffff:${v4}`)).status).toBe(429);
});

test("codes issued are 20 symbols (100 bits), unique, and unrelated to each other", async () => {
  const codes = Array.from({ length: 2_000 }, () => newStatementCode());
  expect(new Set(codes).size).toBe(codes.length);
  expect(codes.every((c) => /^[23456789A-HJ-NP-Z]{20}$/.test(c))).toBe(true);
  // No two consecutive codes share a prefix of 4 symbols more often than chance (1 in 32^4) allows.
  const sharing = codes.slice(1).filter((c, i) => c.slice(0, 4) === codes[i]!.slice(0, 4)).length;
  expect(sharing).toBeLessThanOrEqual(1);
});

test("the statement names where the workshop is: its district, then the town/street and community the admin set (ADR 024)", async () => {
  const w = await world();
  const workshop = await db().workshop.findUniqueOrThrow({ where: { id: w.world.workshop.id } });
  const town = await db().town.create({ data: { name: "民安街道" } });
  const community = await db().community.create({ data: { townId: town.id, name: "华福社区" } });
  await db().workshop.update({ where: { id: workshop.id }, data: { communityId: community.id } });
  try {
    const row = await issued(w.cookie);
    expect(row.workshopLocation).toBe([workshop.district, "民安街道", "华福社区"].filter(Boolean).join(" "));
  } finally {
    await db().workshop.update({ where: { id: workshop.id }, data: { communityId: null } });
  }
});
