// The part of pngjs 5 (no types of its own) the statement journey uses: reading a PNG into RGBA pixels.
declare module "pngjs" {
  export const PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}
