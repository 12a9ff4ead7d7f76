// First-load weight of a page: the HTML, the stylesheets and every JavaScript
// module the page loads (entry, route modules, modulepreloads, and the static
// imports inside those modules, followed to the end), each measured raw,
// gzip -9 and Brotli quality 11 (what precompressed assets would cost; on-the-fly
// compression at a lower quality sends a little more). Used by the HTTP bench
// (tests/bench/http.bench.ts) and the page-weight budget journey (tests/e2e).
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type AssetKind = "html" | "css" | "js";
export type Sizes = { raw: number; gzip: number; brotli: number };
export type Asset = Sizes & { path: string; kind: AssetKind; text: string };
export type PageWeight = { path: string; assets: Asset[]; total: Sizes; byKind: Record<AssetKind, Sizes> };

/** The budget for every worker page's first load, Brotli-compressed (1 KB = 1000 bytes). */
export const WORKER_PAGE_BUDGET_BYTES = 100_000;

/** A cheap Android phone's browser (isbot says no: the page streams as it would to her). */
export const PHONE_USER_AGENT =
  "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

export function sizesOf(body: string | Buffer): Sizes {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function attr(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)')`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Same-origin asset paths a document loads: stylesheets, module scripts and modulepreloads, and inline `import`s. */
export function assetsInHtml(html: string): { css: string[]; js: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, "rel");
    const href = attr(tag, "href");
    if (!href || !href.startsWith("/")) continue;
    if (rel === "stylesheet") css.push(href);
    if (rel === "modulepreload") js.push(href);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src?.startsWith("/")) js.push(src);
  }
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (body) js.push(...importsInJs(body));
  }
  return { css: [...new Set(css)], js: [...new Set(js)] };
}

/** Absolute-path static imports of a (minified) ES module: `import"/x.js"`, `from"/x.js"`. */
export function importsInJs(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bimport\s*|\bfrom\s*)["'](\/[^"']+\.js)["']/g)) found.push(match[1]!);
  return found;
}

function add(a: Sizes, b: Sizes): Sizes {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

/**
 * Fetches `path` (with `cookie`, as a logged-in person) and everything its first
 * load pulls in, uncompressed, and measures it. Fails on any non-200 answer.
 */
export async function measureFirstLoad(baseUrl: string, path: string, cookie?: string): Promise<PageWeight> {
  const get = async (url: string): Promise<string> => {
    const response = await fetch(new URL(url, baseUrl), {
      headers: { "Accept-Encoding": "identity", "User-Agent": PHONE_USER_AGENT, ...(cookie ? { Cookie: cookie } : {}) },
      redirect: "manual",
    });
    if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
    return response.text();
  };
  const html = await get(path);
  const assets: Asset[] = [{ path, kind: "html", text: html, ...sizesOf(html) }];
  const { css, js } = assetsInHtml(html);
  for (const href of css) {
    const text = await get(href);
    assets.push({ path: href, kind: "css", text, ...sizesOf(text) });
  }
  const queue = [...js];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const src = queue.shift()!;
    if (seen.has(src)) continue;
    seen.add(src);
    const text = await get(src);
    assets.push({ path: src, kind: "js", text, ...sizesOf(text) });
    queue.push(...importsInJs(text));
  }
  const byKind: Record<AssetKind, Sizes> = { html: ZERO, css: ZERO, js: ZERO };
  for (const a of assets) byKind[a.kind] = add(byKind[a.kind], a);
  return { path, assets, total: assets.reduce<Sizes>((sum, a) => add(sum, a), ZERO), byKind };
}

/**
 * Libraries only a page with a validated form needs, each recognised in minified
 * code by a string the minifier keeps (an option name, a class name, an error text).
 */
export const FORM_LIBRARIES = [
  { name: "react-hook-form", marker: "shouldFocusError" },
  { name: "zod", marker: "$ZodObject" },
  { name: "decimal.js", marker: "[DecimalError]" },
] as const;

/** Which of FORM_LIBRARIES the page's JavaScript contains. */
export function formLibrariesIn(weight: PageWeight): string[] {
  const js = weight.assets.filter((a) => a.kind === "js");
  return FORM_LIBRARIES.filter((lib) => js.some((a) => a.text.includes(lib.marker))).map((lib) => lib.name);
}
