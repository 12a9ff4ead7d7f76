// Generates prisma/postgresql/schema.prisma from prisma/schema.prisma (the one
// source of truth). Only the datasource provider and the client output differ.
// `node scripts/schema-sync.mjs --check` exits 1 when the committed file drifts.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "prisma/schema.prisma");
const target = join(root, "prisma/postgresql/schema.prisma");

export function postgresSchemaFrom(sqliteSchema) {
  const header = "// GENERATED from prisma/schema.prisma by scripts/schema-sync.mjs. Do not edit.\n";
  let out = sqliteSchema;
  const providerLine = /provider = "sqlite"/;
  const outputLine = /output(\s*)= "..\/app\/generated\/sqlite"/;
  if (!providerLine.test(out) || !outputLine.test(out)) {
    throw new Error("schema-sync: prisma/schema.prisma lost its sqlite provider or output line");
  }
  out = out.replace(providerLine, 'provider = "postgresql"');
  out = out.replace(outputLine, 'output$1= "../../app/generated/postgresql"');
  return header + out;
}

const expected = postgresSchemaFrom(readFileSync(source, "utf8"));
if (process.argv.includes("--check")) {
  let actual = "";
  try {
    actual = readFileSync(target, "utf8");
  } catch {
    // no generated file yet: it differs from the expected text
  }
  if (actual !== expected) {
    console.error("prisma/postgresql/schema.prisma is out of date: run npm run db:schema");
    process.exit(1);
  }
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, expected);
}
