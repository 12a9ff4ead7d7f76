import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "app/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "tests/.tmp/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Money is never a binary float: no parseFloat / toFixed anywhere in app code.
      "no-restricted-globals": [
        "error",
        {
          name: "parseFloat",
          message: "Money and quantities go through app/domain/money.ts (decimal.js), never parseFloat.",
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Number", property: "parseFloat", message: "Use app/domain/money.ts parsers." },
        { property: "toFixed", message: "toFixed rounds binary floats; format money with app/domain/money.ts." },
      ],
    },
  },
  {
    // Code the browser can load uses zod/mini (~12 KB gzipped with our schemas)
    // instead of classic zod (~90 KB): the worker's phone pays for every byte.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "zod", message: 'Import * as z from "zod/mini" in code the browser loads (see ADR 005).' }] },
      ],
    },
  },
  {
    // Benchmarks format durations (milliseconds), never money.
    files: ["tests/bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // The one module that owns money: Decimal#toFixed there is decimal.js's exact formatter.
    files: ["app/domain/money.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
);
