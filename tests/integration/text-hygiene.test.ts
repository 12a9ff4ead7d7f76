// Text hygiene through every form's action (issue 6, item 6): NUL, BEL, a line
// break and U+202E (right-to-left override) posted in the middle of every
// single-line field of every form answer 400 with that field's error and
// store nothing; multi-line fields (textareas) refuse the same characters
// except the line break, which they keep. The field rules themselves are
// tested for every schema field in tests/unit/text-hygiene.test.ts.
import { expect, test } from "vitest";
import { newSubmissionKey } from "../../app/models/submission.server.ts";
import * as adminHome from "../../app/routes/admin._index.tsx";
import * as adminWorkshop from "../../app/routes/admin.workshops.$workshopId.tsx";
import * as materials from "../../app/routes/coordinator.materials._index.tsx";
import * as coordinatorOrder from "../../app/routes/coordinator.orders.$orderId.tsx";
import * as partnerDetail from "../../app/routes/coordinator.partners.$partnerId.tsx";
import * as partnerList from "../../app/routes/coordinator.partners._index.tsx";
import * as productPage from "../../app/routes/coordinator.products.$productId.tsx";
import * as productList from "../../app/routes/coordinator.products._index.tsx";
import * as settings from "../../app/routes/coordinator.settings.tsx";
import * as workerList from "../../app/routes/coordinator.workers._index.tsx";
import * as login from "../../app/routes/login.tsx";
import * as partnerOrder from "../../app/routes/partner.orders.$orderId.tsx";
import * as newOrder from "../../app/routes/partner.orders.new.tsx";
import * as claim from "../../app/routes/worker.claim.tsx";
import { db } from "../../app/infra/db.server.ts";
import { createOrderRow, createOrderWorld } from "../support/catalogue-fixtures.ts";
import {
  callAction,
  createAdminUser,
  loginAs,
  uniqueAddress,
  uniquePhone,
  type Fields,
  type RouteFunction,
} from "../support/fixtures.ts";

async function makeWorld() {
  const world = await createOrderWorld();
  const admin = await createAdminUser();
  const material = await db().material.create({
    data: { workshopId: world.workshop.id, name: "皂基", unit: "kg", unitCostE4: 250_000n },
  });
  const pendingOrder = await createOrderRow(world, { quantity: 100, status: "pending", dueOn: "2099-12-31" });
  const acceptedOrder = await createOrderRow(world, { quantity: 100, dueOn: "2099-12-31" });
  await db().order.update({ where: { id: acceptedOrder }, data: { openQuantity: 50, allocatedQuantity: 50 } });
  return {
    ...world,
    admin,
    material,
    pendingOrder,
    acceptedOrder,
    cookies: {
      coordinator: await loginAs(world.coordinator),
      worker: await loginAs(world.workers[0]!),
      partner: await loginAs(world.partnerUser),
      admin: await loginAs(admin),
    },
  };
}
type World = Awaited<ReturnType<typeof makeWorld>>;
let shared: Promise<World> | undefined;
const world = () => (shared ??= makeWorld());

type Form = {
  fn: RouteFunction;
  path: (w: World) => string;
  params?: (w: World) => Record<string, string>;
  cookie: (w: World) => string | null;
  valid: (w: World) => Fields;
  /** Single-line text fields, each with a valid value to put a character in the middle of. */
  singleLine: Record<string, (w: World) => string>;
  multiline?: Record<string, (w: World) => string>;
};

const FORMS: Record<string, Form> = {
  login: {
    fn: login.action,
    path: () => "/login",
    cookie: () => null,
    valid: (w) => ({ phone: w.workers[0]!.phone, password: w.workers[0]!.password }),
    singleLine: { phone: (w) => w.workers[0]!.phone },
  },
  "create worker": {
    fn: workerList.action,
    path: () => "/coordinator/workers",
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({ name: "黄丽", phone: uniquePhone(), password: "good-password-1" }),
    singleLine: { name: () => "黄丽", phone: () => uniquePhone() },
  },
  "create workshop": {
    fn: adminHome.action,
    path: () => "/admin",
    cookie: (w) => w.cookies.admin,
    valid: () => ({ name: `新工坊 ${uniquePhone()}`, district: "九龙坡区" }),
    singleLine: { name: () => `新工坊 ${uniquePhone()}`, district: () => "九龙坡区" },
  },
  "create coordinator": {
    fn: adminWorkshop.action,
    path: (w) => `/admin/workshops/${w.workshop.id}`,
    params: (w) => ({ workshopId: w.workshop.id }),
    cookie: (w) => w.cookies.admin,
    valid: () => ({ name: "孙协调员", phone: uniquePhone(), password: "good-password-1" }),
    singleLine: { name: () => "孙协调员", phone: () => uniquePhone() },
  },
  "create partner (admin)": {
    fn: adminWorkshop.action,
    path: (w) => `/admin/workshops/${w.workshop.id}`,
    params: (w) => ({ workshopId: w.workshop.id }),
    cookie: (w) => w.cookies.admin,
    valid: () => ({
      intent: "createPartner",
      name: `渝州花艺 ${uniquePhone()}`,
      contactName: "周经理",
      contactPhone: "",
    }),
    singleLine: {
      name: () => `渝州花艺 ${uniquePhone()}`,
      contactName: () => "周经理",
      contactPhone: () => "023-68881234",
    },
  },
  "create partner (coordinator)": {
    fn: partnerList.action,
    path: () => "/coordinator/partners",
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({ name: `渝州花艺 ${uniquePhone()}`, contactName: "周经理", contactPhone: "13812345678" }),
    singleLine: {
      name: () => `渝州花艺 ${uniquePhone()}`,
      contactName: () => "周经理",
      contactPhone: () => "13812345678",
    },
  },
  "partner account": {
    fn: partnerDetail.action,
    path: (w) => `/coordinator/partners/${w.partner.id}`,
    params: (w) => ({ partnerId: w.partner.id }),
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({ intent: "account", name: "钱会计", phone: uniquePhone(), password: "good-password-1" }),
    singleLine: { name: () => "钱会计", phone: () => uniquePhone() },
  },
  offer: {
    fn: partnerDetail.action,
    path: (w) => `/coordinator/partners/${w.partner.id}`,
    params: (w) => ({ partnerId: w.partner.id }),
    cookie: (w) => w.cookies.coordinator,
    valid: (w) => ({ intent: "offer", productId: w.product.id, price: "7" }),
    singleLine: { productId: (w) => w.product.id },
  },
  "create material": {
    fn: materials.action,
    path: () => "/coordinator/materials",
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({ intent: "create", name: `精油 ${uniquePhone()}`, unit: "ml", unitCost: "0.5" }),
    singleLine: { name: () => `精油 ${uniquePhone()}` },
  },
  "update material": {
    fn: materials.action,
    path: () => "/coordinator/materials",
    cookie: (w) => w.cookies.coordinator,
    valid: (w) => ({ intent: "update", materialId: w.material.id, name: "皂基", unit: "kg", unitCost: "25" }),
    singleLine: { name: () => "皂基" },
  },
  "create product": {
    fn: productList.action,
    path: () => "/coordinator/products",
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({
      name: `玫瑰皂 ${uniquePhone()}`,
      unit: "piece",
      standardMinutes: "6",
      lossAllowance: "2",
      qualityStandard: "",
    }),
    singleLine: { name: () => `玫瑰皂 ${uniquePhone()}` },
    multiline: { qualityStandard: () => "表面光滑无气泡" },
  },
  "product details": {
    fn: productPage.action,
    path: (w) => `/coordinator/products/${w.product.id}`,
    params: (w) => ({ productId: w.product.id }),
    cookie: (w) => w.cookies.coordinator,
    valid: (w) => ({
      intent: "details",
      name: w.product.name,
      unit: "piece",
      standardMinutes: "6",
      lossAllowance: "2",
      qualityStandard: "",
    }),
    singleLine: { name: (w) => w.product.name },
    multiline: { qualityStandard: () => "表面光滑无气泡" },
  },
  "bill of materials": {
    fn: productPage.action,
    path: (w) => `/coordinator/products/${w.product.id}`,
    params: (w) => ({ productId: w.product.id }),
    cookie: (w) => w.cookies.coordinator,
    valid: (w) => ({ intent: "bom", materialId: w.material.id, quantityPerPiece: "0.105" }),
    singleLine: { materialId: (w) => w.material.id },
  },
  "process step": {
    fn: productPage.action,
    path: (w) => `/coordinator/products/${w.product.id}`,
    params: (w) => ({ productId: w.product.id }),
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({ intent: "step", name: `包装 ${uniquePhone()}` }),
    singleLine: { name: () => `包装 ${uniquePhone()}` },
  },
  "piece rate": {
    fn: productPage.action,
    path: (w) => `/coordinator/products/${w.product.id}`,
    params: (w) => ({ productId: w.product.id }),
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({
      intent: "rate",
      processStepId: "",
      rate: "9",
      effectiveOn: "2026-03-01",
      reason: "春季调价",
      confirmBelowMinimum: "on",
      belowMinimumReason: "新手练习期",
    }),
    singleLine: { reason: () => "春季调价" },
    multiline: { belowMinimumReason: () => "新手练习期" },
  },
  "minimum wage": {
    fn: settings.action,
    path: () => "/coordinator/settings",
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({ hourlyMinimumWage: "23", minimumWageSource: "" }),
    singleLine: {},
    multiline: { minimumWageSource: () => "重庆市人社局通知" },
  },
  "place order": {
    fn: newOrder.action,
    path: () => "/partner/orders/new",
    cookie: (w) => w.cookies.partner,
    valid: (w) => ({
      submissionKey: newSubmissionKey(),
      productId: w.product.id,
      quantity: "100",
      dueOn: "2099-12-31",
      notes: "",
    }),
    singleLine: { productId: (w) => w.product.id },
    multiline: { notes: () => "请用礼盒包装" },
  },
  "decline order": {
    fn: coordinatorOrder.action,
    path: (w) => `/coordinator/orders/${w.pendingOrder}`,
    params: (w) => ({ orderId: w.pendingOrder }),
    cookie: (w) => w.cookies.coordinator,
    valid: () => ({ intent: "decline", decision: "decline", reason: "材料不够" }),
    singleLine: {},
    multiline: { reason: () => "材料不够" },
  },
  "assign work": {
    fn: coordinatorOrder.action,
    path: (w) => `/coordinator/orders/${w.acceptedOrder}`,
    params: (w) => ({ orderId: w.acceptedOrder }),
    cookie: (w) => w.cookies.coordinator,
    valid: (w) => ({
      intent: "assign",
      submissionKey: newSubmissionKey(),
      workerId: w.workers[1]!.id,
      quantity: "5",
      dueOn: "2099-12-31",
    }),
    singleLine: { workerId: (w) => w.workers[1]!.id },
  },
  "cancel order": {
    fn: partnerOrder.action,
    path: (w) => `/partner/orders/${w.pendingOrder}`,
    params: (w) => ({ orderId: w.pendingOrder }),
    cookie: (w) => w.cookies.partner,
    valid: () => ({ intent: "cancel", confirm: "yes" }),
    singleLine: { confirm: () => "yes" },
  },
  claim: {
    fn: claim.action,
    path: () => "/worker/claim",
    cookie: (w) => w.cookies.worker,
    valid: (w) => ({ submissionKey: newSubmissionKey(), orderId: w.acceptedOrder, quantity: "5" }),
    singleLine: { orderId: (w) => w.acceptedOrder },
  },
};

const CHARS: [what: string, char: string][] = [
  ["NUL", "\u0000"],
  ["BEL", "\u0007"],
  ["a line feed", "\n"],
  ["U+202E (right-to-left override)", "\u202e"],
];

const PHONE_FIELDS = new Set(["phone", "contactPhone"]);

/** Everything stored, as text: compared before and after to prove "nothing stored". */
async function everything(): Promise<string> {
  const c = db();
  const tables = await Promise.all([
    c.workshop.findMany({ orderBy: { id: "asc" } }),
    c.user.findMany({ orderBy: { id: "asc" } }),
    c.password.findMany({ orderBy: { userId: "asc" } }),
    c.partner.findMany({ orderBy: { id: "asc" } }),
    c.product.findMany({ orderBy: { id: "asc" } }),
    c.material.findMany({ orderBy: { id: "asc" } }),
    c.bomLine.findMany({ orderBy: { id: "asc" } }),
    c.processStep.findMany({ orderBy: { id: "asc" } }),
    c.pieceRate.findMany({ orderBy: { id: "asc" } }),
    c.partnerOffer.findMany({ orderBy: { id: "asc" } }),
    c.order.findMany({ orderBy: { id: "asc" } }),
    c.assignment.findMany({ orderBy: { id: "asc" } }),
    c.auditEvent.findMany({ orderBy: { id: "asc" } }),
    c.formSubmission.findMany({ orderBy: { key: "asc" } }),
    c.loginThrottle.findMany({ orderBy: { key: "asc" } }),
    c.session.count(),
  ]);
  return JSON.stringify(tables, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

function post(form: Form, w: World, fields: Fields) {
  return callAction(form.fn, form.path(w), fields, form.cookie(w), {
    params: form.params?.(w) ?? {},
    address: uniqueAddress(),
  });
}

const CASES = Object.entries(FORMS).flatMap(([formName, form]) =>
  Object.keys(form.singleLine).flatMap((field) => CHARS.map(([what, char]) => [formName, field, what, char] as const)),
);
const MULTILINE_CASES = Object.entries(FORMS).flatMap(([formName, form]) =>
  Object.keys(form.multiline ?? {}).flatMap((field) =>
    CHARS.filter(([, char]) => char !== "\n").map(([what, char]) => [formName, field, what, char] as const),
  ),
);

function middle(value: string, char: string): string {
  const at = Math.ceil(value.length / 2);
  return `${value.slice(0, at)}${char}${value.slice(at)}`;
}

test.each([...CASES, ...MULTILINE_CASES])(
  "%s: the field %s with %s inside answers 400 for that field and stores nothing",
  async (formName, field, _what, char) => {
    const w = await world();
    const form = FORMS[formName]!;
    const sample = (form.singleLine[field] ?? form.multiline?.[field])!(w);
    const fields = { ...form.valid(w), [field]: middle(sample, char) };
    const before = await everything();
    const outcome = await post(form, w, fields);
    expect(outcome.status).toBe(400);
    expect(outcome.thrown).toBe(false);
    const { fieldErrors } = outcome.data as { fieldErrors: Record<string, string> };
    const expected = PHONE_FIELDS.has(field)
      ? field === "contactPhone"
        ? "error.invalidContactPhone"
        : "error.invalidPhone"
      : char === "\n"
        ? "error.lineBreak"
        : char === "\u202e"
          ? "error.bidiControl"
          : "error.controlChar";
    expect(fieldErrors[field]).toBe(expected);
    expect(await everything()).toBe(before);
  },
);

test.each(Object.keys(FORMS))(
  "the valid %s form is accepted (each refusal above is for its own field)",
  async (name) => {
    const w = await makeWorld();
    const form = FORMS[name]!;
    const outcome = await post(form, w, form.valid(w));
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  },
);

test.each(
  Object.entries(FORMS).flatMap(([formName, form]) =>
    Object.keys(form.multiline ?? {}).map((f) => [formName, f] as const),
  ),
)("%s: the multi-line field %s keeps a line break (stored as \\n)", async (formName, field) => {
  const w = await makeWorld();
  const form = FORMS[formName]!;
  const before = await everything();
  const outcome = await post(form, w, { ...form.valid(w), [field]: "第一行\r\n第二行" });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const after = await everything();
  expect(after).not.toBe(before);
  expect(after).toContain(JSON.stringify("第一行\n第二行").slice(1, -1));
  expect(after).not.toContain("第一行\\r");
});

test("a partner's contact phone is stored normalised, and any other text is refused", async () => {
  const w = await makeWorld();
  const form = FORMS["create partner (coordinator)"]!;
  const name = `山城香皂 ${uniquePhone()}`;
  const ok = await post(form, w, { name, contactName: "", contactPhone: "(023) 6888 1234" });
  expect(ok.status).toBe(302);
  expect((await db().partner.findFirstOrThrow({ where: { name } })).contactPhone).toBe("023-68881234");
  for (const contactPhone of ["call me", "6888-1234", "13812345678 or 023-68881234"]) {
    const refused = await post(form, w, { name: `${name} 2`, contactName: "", contactPhone });
    expect(refused.status).toBe(400);
    expect((refused.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      contactPhone: "error.invalidContactPhone",
    });
  }
});
