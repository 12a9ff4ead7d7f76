// One word per idea: the glossary's "One word per idea" table names the words
// the dictionaries do not use (e.g. 分派 and 分配 next to 派工). This test reads
// that table, so the glossary stays the one reference, and fails when a
// banned synonym appears in a message of either language.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { messages, type MessageKey } from "../../app/i18n/index.ts";

type Banned = { zh: string[]; en: string[] };

function bannedWords(): Banned {
  const glossary = readFileSync("docs/glossary.md", "utf8");
  const section = glossary.split(/^## /m).find((part) => part.startsWith("One word per idea"));
  if (!section) throw new Error('docs/glossary.md has no "## One word per idea" section');
  const rows = section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const [header, , ...body] = rows;
  const zhColumn = header?.indexOf("not used (zh-CN)") ?? -1;
  const enColumn = header?.indexOf("not used (en)") ?? -1;
  if (zhColumn < 0 || enColumn < 0)
    throw new Error("the table needs the columns 'not used (zh-CN)' and 'not used (en)'");
  const words = (column: number) =>
    body.flatMap((cells) =>
      (cells[column] ?? "")
        .split(/[,，]/)
        .map((w) => w.trim())
        .filter(Boolean),
    );
  return { zh: words(zhColumn), en: words(enColumn) };
}

const keys = Object.keys(messages) as MessageKey[];

test("the glossary names the synonyms the order pages used to mix (分派, 分配 next to 派工)", () => {
  const banned = bannedWords();
  expect(banned.zh).toEqual(expect.arrayContaining(["分派", "分配"]));
  expect(banned.en).toEqual(expect.arrayContaining(["allocate"]));
});

test("no zh-CN message uses a word the glossary rules out", () => {
  const { zh } = bannedWords();
  const found = keys.flatMap((key) =>
    zh.filter((word) => messages[key]["zh-CN"].includes(word)).map((word) => `${key}: ${word}`),
  );
  expect(found).toEqual([]);
});

test("no English message uses a word the glossary rules out", () => {
  const { en } = bannedWords();
  const found = keys.flatMap((key) =>
    en.filter((word) => messages[key].en.toLowerCase().includes(word.toLowerCase())).map((word) => `${key}: ${word}`),
  );
  expect(found).toEqual([]);
});
