// Helpers for the catalogue, rate and order tests (the "db" vitest project).
// Set-up rows are written straight through the client so that a bug in the
// model under test cannot hide behind its own fixtures; the behaviour under
// test is always called through app/models. See tests/support/fixtures.ts for
// workshops and users.
import { expect } from "vitest";
import { parseRate, type Rate } from "../../app/domain/money.ts";
import { db } from "../../app/infra/db.server.ts";
import {
  createCoordinatorUser,
  createPartnerFirm,
  createPartnerUser,
  createTestWorkshop,
  createWorkerUser,
  type TestPartner,
  type TestUser,
  type TestWorkshop,
} from "./fixtures.ts";

/** A fixed "now": 2026-03-10 10:00 in China (02:00Z). */
export const NOW = new Date("2026-03-10T02:00:00Z");
/** NOW's China calendar date. */
export const TODAY = "2026-03-10";

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

export type Actor = { workshopId: string; userId: string };
export type PartnerScope = { workshopId: string; partnerId: string; userId: string };
export type WorkerScope = { workshopId: string; userId: string };

function workshopOf(user: TestUser): string {
  if (!user.workshopId) throw new Error(`test setup: ${user.role} ${user.id} has no workshop`);
  return user.workshopId;
}

/** A coordinator (or any workshop user) as the `actor` the models take. */
export function actorOf(user: TestUser): Actor {
  return { workshopId: workshopOf(user), userId: user.id };
}

export function partnerScopeOf(user: TestUser): PartnerScope {
  if (!user.partnerId) throw new Error(`test setup: ${user.id} is not a partner account`);
  return { workshopId: workshopOf(user), partnerId: user.partnerId, userId: user.id };
}

export function workerScopeOf(user: TestUser): WorkerScope {
  return { workshopId: workshopOf(user), userId: user.id };
}

/** A Rate from text, failing the test setup loudly when the text is not a valid rate. */
export function rateOf(text: string): Rate {
  const parsed = parseRate(text);
  if (!parsed.ok) throw new Error(`test setup: rate ${text} did not parse: ${parsed.error.code}`);
  return parsed.value;
}

export async function setMinimumWage(workshopId: string, fen: bigint | null): Promise<void> {
  await db().workshop.update({ where: { id: workshopId }, data: { hourlyMinimumWageFen: fen } });
}

export type TestProduct = { id: string; name: string; workshopId: string };

export async function createTestProduct(
  workshopId: string,
  options: { name?: string; standardMinutesE2?: number | null; archived?: boolean } = {},
): Promise<TestProduct> {
  return db().product.create({
    data: {
      workshopId,
      name: options.name ?? `薰衣草手工皂 ${next()}`,
      unit: "piece",
      standardMinutesE2: options.standardMinutesE2 === undefined ? 600 : options.standardMinutesE2,
      archivedAt: options.archived ? NOW : null,
    },
    select: { id: true, name: true, workshopId: true },
  });
}

/** Offers a product to a partner at a price (E4) directly in the database. */
export async function createOffer(
  partner: TestPartner,
  productId: string,
  priceE4: bigint,
  options: { archived?: boolean } = {},
) {
  return db().partnerOffer.create({
    data: {
      workshopId: partner.workshopId,
      partnerId: partner.id,
      productId,
      priceE4,
      archivedAt: options.archived ? NOW : null,
    },
    select: { id: true },
  });
}

export type OrderWorld = {
  workshop: TestWorkshop;
  coordinator: TestUser;
  workers: TestUser[];
  partner: TestPartner;
  partnerUser: TestUser;
  product: TestProduct;
};

/** A workshop with a coordinator, `workers` workers, a partner firm with one account, and an offered product. */
export async function createOrderWorld(options: { workers?: number; priceE4?: bigint } = {}): Promise<OrderWorld> {
  const workshop = await createTestWorkshop();
  const coordinator = await createCoordinatorUser(workshop.id);
  const workers: TestUser[] = [];
  for (let i = 0; i < (options.workers ?? 2); i++) workers.push(await createWorkerUser(workshop.id));
  const partner = await createPartnerFirm(workshop.id);
  const partnerUser = await createPartnerUser(partner);
  const product = await createTestProduct(workshop.id);
  await createOffer(partner, product.id, options.priceE4 ?? 68_000n);
  return { workshop, coordinator, workers, partner, partnerUser, product };
}

/** An order written directly (status "accepted" unless given), with nothing given out yet. */
export async function createOrderRow(
  world: OrderWorld,
  options: { quantity: number; status?: string; dueOn?: string; unitPriceE4?: bigint },
): Promise<string> {
  const order = await db().order.create({
    data: {
      workshopId: world.workshop.id,
      partnerId: world.partner.id,
      productId: world.product.id,
      quantity: options.quantity,
      dueOn: options.dueOn ?? "2026-04-30",
      unitPriceE4: options.unitPriceE4 ?? 68_000n,
      status: options.status ?? "accepted",
      createdById: world.partnerUser.id,
    },
    select: { id: true },
  });
  return order.id;
}

export type OrderState = { quantity: number; allocatedQuantity: number; openQuantity: number; status: string };

export async function orderState(orderId: string): Promise<OrderState> {
  return db().order.findUniqueOrThrow({
    where: { id: orderId },
    select: { quantity: true, allocatedQuantity: true, openQuantity: true, status: true },
  });
}

export async function assignmentsOf(orderId: string) {
  return db().assignment.findMany({
    where: { orderId },
    select: { id: true, workerId: true, quantity: true, source: true, status: true, dueOn: true },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * The invariants every order keeps, whatever happened to it:
 * 0 <= open <= allocated <= quantity, and allocated = assigned pieces + open pieces.
 */
export async function expectOrderConsistent(orderId: string): Promise<OrderState & { assignedSum: number }> {
  const state = await orderState(orderId);
  const assignments = await assignmentsOf(orderId);
  const assignedSum = assignments.reduce((sum, a) => sum + a.quantity, 0);
  expect(state.openQuantity).toBeGreaterThanOrEqual(0);
  expect(state.openQuantity).toBeLessThanOrEqual(state.allocatedQuantity);
  expect(state.allocatedQuantity).toBeLessThanOrEqual(state.quantity);
  expect(assignedSum + state.openQuantity).toBe(state.allocatedQuantity);
  return { ...state, assignedSum };
}

export async function auditOf(entityId: string) {
  return db().auditEvent.findMany({ where: { entityId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** Parsed JSON of an audit event's before/after text. */
export function auditJsonOf(text: string | null | undefined): Record<string, unknown> | null {
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

/** Runs `fn` `times` times in a row, passing the round number (repeats a race to make a lucky pass unlikely). */
export async function rounds(times: number, fn: (round: number) => Promise<void>): Promise<void> {
  for (let round = 0; round < times; round++) await fn(round);
}

/**
 * Awaits every promise and returns each outcome; a rejection is kept (not thrown),
 * so a test can assert that no exception escaped and report all of them at once.
 */
export async function settleAll<T>(promises: Promise<T>[]): Promise<{ values: T[]; errors: string[] }> {
  const settled = await Promise.allSettled(promises);
  const values: T[] = [];
  const errors: string[] = [];
  for (const s of settled) {
    if (s.status === "fulfilled") values.push(s.value);
    else errors.push(describeError(s.reason));
  }
  return { values, errors };
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${code ? ` ${String(code)}` : ""}: ${error.message.split("\n").filter(Boolean).slice(-3).join(" | ")}`;
  }
  return String(error);
}
