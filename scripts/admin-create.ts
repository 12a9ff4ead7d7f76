// `npm run admin:create`: makes an admin account, which is how the first admin
// of a production database (no demo accounts) comes to exist.
//   In a terminal: asks for phone, name and password (hidden, asked twice).
//   For automation: PIECEWORK_ADMIN_PHONE, PIECEWORK_ADMIN_NAME and
//   PIECEWORK_ADMIN_PASSWORD (a missing one is asked for in a terminal, an
//   error otherwise).
// Uses the database DATABASE_URL names (SQLite or PostgreSQL), the same form
// rules as the app (newAccountSchema in app/forms/account.ts), the app's scrypt hashing and audit
// trail (app/models/user.server.ts). Never prints the password. Exit codes:
// 0 created, 1 refused (invalid input, phone taken, no terminal).
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { newAccountSchema } from "../app/forms/account.ts";
import { parseMsg } from "../app/forms/fields.ts";
import { isMessageKey, translate } from "../app/i18n/index.ts";
import { createAdmin } from "../app/models/user.server.ts";
import { disconnectDb } from "../app/infra/db.server.ts";
import { validate } from "../app/utils/forms.server.ts";

const FIELDS = [
  { name: "phone", variable: "PIECEWORK_ADMIN_PHONE", question: "Phone (11-digit mobile number, the login name): " },
  { name: "name", variable: "PIECEWORK_ADMIN_NAME", question: "Name: " },
  { name: "password", variable: "PIECEWORK_ADMIN_PASSWORD", question: "Password: " },
] as const;

class Refused extends Error {}

/** Reads one line from the terminal; with `hidden`, what is typed is not echoed. */
function ask(question: string, hidden = false): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stdout.write(chunk, encoding);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  rl.on("SIGINT", () => {
    process.stdout.write("\nCancelled; nothing was changed.\n");
    process.exit(130);
  });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write("\n");
      resolve(answer);
    });
    muted = hidden;
  });
}

async function readInput(): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  const interactive = process.stdin.isTTY === true;
  for (const field of FIELDS) {
    const fromEnv = process.env[field.variable];
    if (fromEnv !== undefined && fromEnv !== "") {
      values[field.name] = fromEnv;
    } else if (!interactive) {
      throw new Refused(`${field.variable} is not set and there is no terminal to ask in.`);
    } else if (field.name === "password") {
      const first = await ask(field.question, true);
      const second = await ask("Password again: ", true);
      if (first !== second) throw new Refused("The two passwords differ.");
      values.password = first;
    } else {
      values[field.name] = await ask(field.question);
    }
  }
  return values;
}

/** A dictionary key (with parameters) from the form rules, in English and Chinese. */
function explain(message: string): string {
  const { key, params } = parseMsg(message);
  if (!isMessageKey(key)) return message;
  return `${translate("en", key, params)} (${translate("zh-CN", key, params)})`;
}

async function main(): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(await readInput())) form.set(name, value);
  const result = validate(newAccountSchema, form);
  if (!result.ok) {
    const lines = Object.entries(result.fieldErrors).map(([field, message]) => `  ${field}: ${explain(message)}`);
    throw new Refused(`Not created:\n${lines.join("\n")}`);
  }
  const { name, phone } = result.data;
  const created = await createAdmin(result.data);
  if (!created.ok) throw new Refused(`Not created: an account with phone ${phone} already exists.`);
  console.log(`Created admin ${name} (phone ${phone}). Log in with this phone number and the password.`);
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  console.error(error instanceof Refused ? error.message : error);
} finally {
  await disconnectDb();
}
