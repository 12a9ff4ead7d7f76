// `npm run admin:create` (scripts/admin-create.ts) against this file's database,
// on SQLite and on PostgreSQL: the first admin of an empty database, from the
// environment or typed into a terminal (password hidden, asked twice), with the
// app's own rules and password hashing, audited, refused when the phone is
// taken or the input breaks a rule, and never printing the password.
import { spawn } from "node:child_process";
import { expect, test } from "vitest";
import { authenticate } from "../../app/models/user.server.ts";
import { db } from "../../app/infra/db.server.ts";

type Run = { code: number | null; output: string };

const ENV_KEYS = ["PIECEWORK_ADMIN_PHONE", "PIECEWORK_ADMIN_NAME", "PIECEWORK_ADMIN_PASSWORD"] as const;

/** The command as an operator runs it, with no terminal (stdin is not a TTY). */
function adminCreate(vars: Partial<Record<(typeof ENV_KEYS)[number], string>>): Promise<Run> {
  const env = { ...process.env };
  for (const key of ENV_KEYS) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "admin:create"], {
      env: { ...env, ...vars },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

/**
 * The command in a terminal (a pseudo-terminal from util-linux `script`): each
 * answer is typed once its question has appeared. Returns everything the
 * terminal showed, echo included.
 */
function adminCreateInTerminal(answers: [question: string, answer: string][]): Promise<Run> {
  const env = { ...process.env };
  for (const key of ENV_KEYS) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", "npm run --silent admin:create", "/dev/null"], {
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    let next = 0;
    let seen = 0;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const pending = answers[next];
      const at = pending ? output.indexOf(pending[0], seen) : -1;
      if (pending && at >= 0) {
        seen = at + pending[0].length;
        next++;
        child.stdin.write(`${pending[1]}\r`);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

async function admins() {
  return db().user.findMany({ where: { role: "admin" }, select: { id: true, name: true, phone: true } });
}

test("creates the first admin from the environment: app rules, scrypt hash, audited, password never printed", async () => {
  expect(await db().user.count()).toBe(0);
  const password = "Erst3s-Passwort!";
  const run = await adminCreate({
    PIECEWORK_ADMIN_PHONE: "+86 139-0000-0001",
    PIECEWORK_ADMIN_NAME: " 区就业中心 管理员 ",
    PIECEWORK_ADMIN_PASSWORD: password,
  });
  expect(run.code, run.output).toBe(0);
  expect(run.output).toContain("Created admin 区就业中心 管理员 (phone 13900000001)");
  expect(run.output).not.toContain(password);

  // Normalised like the app's forms: +86 and dashes dropped, the name trimmed.
  const [admin] = await admins();
  expect(admin).toMatchObject({ name: "区就业中心 管理员", phone: "13900000001" });
  const stored = await db().user.findUniqueOrThrow({
    where: { phone: "13900000001" },
    select: { workshopId: true, partnerId: true, active: true, password: { select: { hash: true } } },
  });
  expect(stored).toMatchObject({ workshopId: null, partnerId: null, active: true });
  expect(stored.password?.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  expect(await authenticate("13900000001", password)).toEqual({ id: admin!.id, role: "admin" });
  expect(await authenticate("13900000001", "wrong-password")).toBeNull();

  const audit = await db().auditEvent.findMany({ where: { entityId: admin!.id } });
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ action: "user.create", entityType: "User", actorId: null, workshopId: null });
  expect(JSON.parse(audit[0]!.after ?? "{}")).toEqual({
    name: "区就业中心 管理员",
    partnerId: null,
    phone: "13900000001",
    role: "admin",
    source: "npm run admin:create",
  });
  expect(audit[0]!.after).not.toContain(password);
});

test("refuses a phone that already has an account, changing nothing", async () => {
  const first = await adminCreate({
    PIECEWORK_ADMIN_PHONE: "13900000002",
    PIECEWORK_ADMIN_NAME: "第一位",
    PIECEWORK_ADMIN_PASSWORD: "first-password",
  });
  expect(first.code, first.output).toBe(0);
  const usersBefore = await db().user.count();
  const auditBefore = await db().auditEvent.count();

  const again = await adminCreate({
    PIECEWORK_ADMIN_PHONE: "139 0000 0002",
    PIECEWORK_ADMIN_NAME: "第二位",
    PIECEWORK_ADMIN_PASSWORD: "second-password",
  });
  expect(again.code).toBe(1);
  expect(again.output).toContain("an account with phone 13900000002 already exists");
  expect(again.output).not.toContain("second-password");
  expect(await db().user.count()).toBe(usersBefore);
  expect(await db().auditEvent.count()).toBe(auditBefore);
  expect(await authenticate("13900000002", "first-password")).not.toBeNull();
});

test("refuses input that breaks the app's rules, with the app's messages, creating nothing", async () => {
  const run = await adminCreate({
    PIECEWORK_ADMIN_PHONE: "12345",
    PIECEWORK_ADMIN_NAME: "   ",
    PIECEWORK_ADMIN_PASSWORD: "short",
  });
  expect(run.code).toBe(1);
  expect(run.output).toContain("phone: Enter an 11-digit mainland mobile number (请输入 11 位手机号)");
  expect(run.output).toContain("name: This field is required (请填写此项)");
  expect(run.output).toContain("password: Password must be at least 8 characters (密码至少 8 位)");
  expect(run.output).not.toContain("short");

  const tooLong = await adminCreate({
    PIECEWORK_ADMIN_PHONE: "13900000003",
    PIECEWORK_ADMIN_NAME: "管理员",
    PIECEWORK_ADMIN_PASSWORD: "x".repeat(65),
  });
  expect(tooLong.code).toBe(1);
  expect(tooLong.output).toMatch(/password: Password must be at most 64 characters/);
  expect(await db().user.count({ where: { phone: { in: ["12345", "13900000003"] } } })).toBe(0);
});

test("without a terminal, a missing variable is an error, not a question", async () => {
  const run = await adminCreate({ PIECEWORK_ADMIN_PHONE: "13900000004", PIECEWORK_ADMIN_NAME: "管理员" });
  expect(run.code).toBe(1);
  expect(run.output).toContain("PIECEWORK_ADMIN_PASSWORD is not set and there is no terminal to ask in.");
  expect(await db().user.count({ where: { phone: "13900000004" } })).toBe(0);
});

test("in a terminal it asks, hides the password and asks for it twice", async () => {
  const password = "typed-in-secret";
  const run = await adminCreateInTerminal([
    ["Phone", "13900000005"],
    ["Name:", "终端管理员"],
    ["Password:", password],
    ["Password again:", password],
  ]);
  expect(run.code, run.output).toBe(0);
  expect(run.output).toContain("13900000005"); // what is typed for the phone is shown
  expect(run.output).toContain("Created admin 终端管理员 (phone 13900000005)");
  expect(run.output).not.toContain(password);
  expect(await authenticate("13900000005", password)).not.toBeNull();

  const differ = await adminCreateInTerminal([
    ["Phone", "13900000006"],
    ["Name:", "另一位"],
    ["Password:", "one-password"],
    ["Password again:", "another-password"],
  ]);
  expect(differ.code).toBe(1);
  expect(differ.output).toContain("The two passwords differ.");
  expect(differ.output).not.toMatch(/one-password|another-password/);
  expect(await db().user.count({ where: { phone: "13900000006" } })).toBe(0);
});
