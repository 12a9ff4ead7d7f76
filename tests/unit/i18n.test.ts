import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { LOCALES, messages, translate, type MessageKey } from "../../app/i18n/index.ts";

const keys = Object.keys(messages) as MessageKey[];

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

test("every message has non-empty text in every language", () => {
  for (const key of keys) {
    for (const locale of LOCALES) {
      expect(messages[key][locale].trim(), `${key} [${locale}]`).not.toBe("");
    }
  }
});

test("both languages of a message use the same placeholders", () => {
  for (const key of keys) {
    expect(placeholders(messages[key].en), key).toEqual(placeholders(messages[key]["zh-CN"]));
  }
});

test("the Chinese text is Chinese: it has CJK characters unless it is a name, unit or symbol", () => {
  const allowedLatin = new Set<string>(["lang.switchTo", "worker.workshopLine"]);
  const latinOnly = keys.filter((key) => {
    const text = messages[key]["zh-CN"].replace(/\{\w+\}/g, "");
    return /[A-Za-z]/.test(text) && !/[\u3400-\u9fff]/.test(text) && !allowedLatin.has(key);
  });
  // Units such as kg, ml and g are written the same way in Chinese text.
  expect(latinOnly.filter((key) => !key.startsWith("unit."))).toEqual([]);
});

test("in Chinese a unit runs straight into the word after it (已把 10 件改派给, not 10 件 改派给)", () => {
  // A space stays between a number and its unit ("10 件"); none after the unit when Chinese follows.
  const spaced = keys.filter((key) => /\{unit\} [\u3400-\u9fff]/.test(messages[key]["zh-CN"]));
  expect(spaced).toEqual([]);
  expect(translate("zh-CN", "assignment.reassigned", { n: 10, unit: "件", worker: "陈美华" })).toBe(
    "已把 10 件改派给 陈美华。",
  );
});

test("translate fills placeholders and leaves unknown ones visible", () => {
  expect(translate("zh-CN", "worker.greeting", { name: "张秀英" })).toBe("张秀英，您好");
  expect(translate("en", "worker.greeting", { name: "张秀英" })).toBe("Hello, 张秀英");
  expect(translate("en", "worker.greeting")).toBe("Hello, {name}");
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("no Chinese text is hard-coded in pages or components: it all comes from the dictionaries", () => {
  const offenders: string[] = [];
  for (const file of [...filesUnder("app/routes"), ...filesUnder("app/components")]) {
    if (!file.endsWith(".tsx")) continue;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        const trimmed = line.trim();
        if (trimmed.startsWith("/*") || trimmed.startsWith("*") || trimmed.startsWith("//")) return;
        const code = line.replace(/\/\/.*$/, "");
        if (/[\u3400-\u9fff]/.test(code)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(offenders).toEqual([]);
});

test("no message key is defined in two dictionary areas (a later area would silently win)", async () => {
  const areas = import.meta.glob("../../app/i18n/messages/*.ts", { eager: true }) as Record<
    string,
    Record<string, object>
  >;
  const owner = new Map<string, string>();
  const duplicates: string[] = [];
  for (const [file, exports] of Object.entries(areas)) {
    for (const table of Object.values(exports)) {
      for (const key of Object.keys(table)) {
        const first = owner.get(key);
        if (first && first !== file) duplicates.push(`${key}: ${first} and ${file}`);
        owner.set(key, file);
      }
    }
  }
  expect(duplicates).toEqual([]);
  expect(owner.size).toBe(keys.length);
});

test("{n:one|other} picks the English singular when n is 1, the plural otherwise", () => {
  expect(translate("en", "import.confirm", { n: 1 })).toBe("Import 1 worker");
  expect(translate("en", "import.confirm", { n: 2 })).toBe("Import 2 workers");
  expect(translate("en", "import.confirm", { n: 0 })).toBe("Import 0 workers");
  expect(translate("zh-CN", "import.confirm", { n: 1 })).toBe("确认导入 1 人");
  expect(translate("en", "import.preview.summary", { total: 1, ok: 1, errors: 0 })).toBe(
    "1 row: 1 can be imported, 0 have a problem (not imported).",
  );
  // Without its parameter the token stays as written (a missing parameter shows, never vanishes).
  expect(translate("en", "import.confirm", {})).toBe("Import {n} {n:worker|workers}");
});
