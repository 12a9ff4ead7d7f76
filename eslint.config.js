import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// ---------------------------------------------------------------------------
// Layering rules (docs/decisions/014-house-rules.md). Import specifiers are
// matched as written: relative paths ("../models/x.server.ts") and packages.
const NO_FRAMEWORK = {
  regex: "^(@remix-run/|react$|react-dom|react/|react-hook-form|@hookform/)",
  message: "app/domain, app/models and app/infra know nothing of Remix or React: pass plain values in and out.",
};
const NO_DATABASE = {
  regex: "^(@prisma/|\\.\\.?/(.*/)?(generated|infra/db\\.server|utils/db\\.server))",
  message: "Only app/models (and app/infra) touch the database: call a model function (scoped by the actor) instead.",
};
const NO_MODELS = {
  regex: "^\\.\\.?/(.*/)?models/",
  message: "app/domain and app/infra sit below the models: models call them, never the reverse.",
};
const NO_UTILS = {
  regex: "^\\.\\.?/(.*/)?utils/",
  message: "Direction is utils -> models -> infra: models and below import nothing from app/utils (ADR 014).",
};
const NO_INFRA = {
  regex: "^\\.\\.?/(.*/)?infra/",
  message: "app/domain is pure: no configuration, database or crypto; take every input as an argument.",
};
const NO_UI = {
  regex: "^\\.\\.?/(.*/)?(routes|components)/",
  message: "Routes and components sit on top: nothing below them imports them.",
};
const NO_SERVER_MODULES = {
  regex: "\\.server(\\.tsx?)?$|^\\.\\.?/(.*/)?(models|infra)/",
  // `import type` is erased at build (and Remix empties *.server modules in the browser build), so a
  // component may name the shape a server view module hands it; a value import is an error.
  allowTypeImports: true,
  message: "Components run in the browser: no *.server module; the route's loader hands them plain data.",
};
const BROWSER_ZOD = { name: "zod", message: 'Import * as z from "zod/mini" in code the browser loads (see ADR 005).' };

/** One folder's import rules; files that the browser may load also get the classic-zod ban. */
function layer(files, patterns) {
  const rule = (paths) => ({
    "no-restricted-imports": "off",
    "@typescript-eslint/no-restricted-imports": ["error", { paths, patterns }],
  });
  return [
    { files: [files], rules: rule([]) },
    {
      // Code the browser can load uses zod/mini (~12 KB gzipped with our schemas)
      // instead of classic zod (~90 KB): the worker's phone pays for every byte.
      files: [files],
      ignores: ["app/**/*.server.ts"],
      rules: rule([BROWSER_ZOD]),
    },
  ];
}

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
  // Layering (ADR 014): what each folder of app/ may import, as no-restricted-imports
  // per folder. ESLint applies the last matching block's options for a rule, so
  // every block below repeats the rules shared by its files (see `layer`).
  layer("app/**/*.{ts,tsx}", []),
  layer("app/domain/**", [NO_FRAMEWORK, NO_DATABASE, NO_MODELS, NO_UTILS, NO_INFRA, NO_UI]),
  layer("app/infra/**", [NO_FRAMEWORK, NO_MODELS, NO_UTILS, NO_UI]),
  layer("app/models/**", [NO_FRAMEWORK, NO_UTILS, NO_UI]),
  layer("app/utils/**", [NO_UI, NO_DATABASE]),
  layer("app/components/**", [NO_SERVER_MODULES, NO_DATABASE]),
  layer("app/routes/**", [NO_DATABASE]),
  {
    // import() would slip past the import rules above: app code imports statically. One exception,
    // by exact name: the dashboard's chart library, loaded on demand so that it stays in a chunk of
    // its own (app/components/bar-chart.tsx, ADR 015's page weight).
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression:not([source.value='uplot'])",
          message: "Import statically, so the layering rules (ADR 014) can see it.",
        },
      ],
    },
  },
  {
    // Thin routes (ADR 014): a route module reads the request, calls a model, answers. Rules go to
    // app/domain, page data to a model or *-view.server.ts, sub-components to app/components.
    files: ["app/routes/**"],
    rules: { "max-lines": ["error", { max: 300 }] },
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
  {
    // Plain scripts the pages load as they are (no bundle): browser globals, classic script.
    files: ["public/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
);
