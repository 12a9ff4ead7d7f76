// Which precompressed copy of a static file to send. Pure.

export type StaticEncoding = "br" | "gzip";

/** The best encoding the client accepts, Brotli before gzip (Accept-Encoding with q-values; `*` counts). */
export function preferredEncoding(acceptEncoding: string | undefined): StaticEncoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const qParam = params.find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return null;
}

/** File suffix of each precompressed copy (written by scripts/precompress.mjs next to the original). */
export const ENCODING_SUFFIX: Record<StaticEncoding, string> = { br: ".br", gzip: ".gz" };

/** Content types of the files that have precompressed copies. */
export const PRECOMPRESSED_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};
