// Part of `npm run build`: writes a Brotli (quality 11) and a gzip (level 9)
// copy next to each fingerprinted script and stylesheet in public/build, once
// per build, so that the server sends them compressed as well as it can at no
// cost per request (app/http/server.server.ts picks the copy the browser
// accepts; files without one are compressed on the fly). A copy is only
// (re)written when it is missing or older than its file, and only kept when it
// is smaller.
//   node scripts/precompress.mjs [folder]   (default: public/build)
import { readdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const folder = process.argv[2] ?? join(root, "public/build");
const EXTENSIONS = new Set([".js", ".css", ".map", ".svg"]);
const MIN_SIZE = 1024;

const encoders = {
  ".br": (data) =>
    promisify(brotliCompress)(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  ".gz": (data) => promisify(gzip)(data, { level: constants.Z_BEST_COMPRESSION }),
};

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat();
}

async function mtimeOf(file) {
  return stat(file).then(
    (s) => s.mtimeMs,
    () => null,
  );
}

const started = Date.now();
let written = 0;
let before = 0;
let after = 0;
for (const file of await filesUnder(folder)) {
  if (!EXTENSIONS.has(extname(file))) continue;
  const info = await stat(file);
  if (info.size < MIN_SIZE) continue;
  let data = null;
  for (const [suffix, encode] of Object.entries(encoders)) {
    const copy = file + suffix;
    const copyTime = await mtimeOf(copy);
    if (copyTime !== null && copyTime >= info.mtimeMs) continue;
    data ??= await readFile(file);
    const compressed = await encode(data);
    if (compressed.length < data.length) {
      await writeFile(copy, compressed);
      written += 1;
      if (suffix === ".br") {
        before += data.length;
        after += compressed.length;
      }
    } else if (copyTime !== null) {
      await unlink(copy);
    }
  }
}
if (written > 0) {
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  console.log(
    `precompressed ${written} copies in ${Date.now() - started} ms (Brotli: ${kb(before)} → ${kb(after)}) in ${folder}`,
  );
}
