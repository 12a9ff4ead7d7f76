// A success notice after a form (docs/decisions/014-house-rules.md): a
// dictionary key and its parameters, shown once on the page the action
// redirects to. Unit codes in `unit` are turned into words where it is shown
// (with `n` for the plural), so the notice reads right in either language.
import { isMessageKey, type MessageKey, type MessageParams } from "./index.ts";

export type Notice = {
  /** Unique per notice: tells two notices with the same text apart (clears a form once per success). */
  id: string;
  key: MessageKey;
  params?: MessageParams;
  /** The page section it belongs to (shown there instead of at the top), e.g. "bom". */
  at?: string;
  /** A second line, a caution about what was just saved (e.g. a rate under the fair target). */
  note?: MessageKey;
};

export type NoticeInput = Omit<Notice, "id">;

const MAX_TEXT = 200;

function isParam(value: unknown): value is string | number {
  return (
    (typeof value === "string" && value.length <= MAX_TEXT) || (typeof value === "number" && Number.isFinite(value))
  );
}

/** A notice read back from its cookie, or null when it is not one (a stale or tampered value shows nothing). */
export function toNotice(value: unknown): Notice | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== "string" || v.id.length > 64 || !isMessageKey(v.key)) return null;
  if (v.at !== undefined && (typeof v.at !== "string" || v.at.length > 32)) return null;
  if (v.note !== undefined && !isMessageKey(v.note)) return null;
  let params: MessageParams | undefined;
  if (v.params !== undefined) {
    if (typeof v.params !== "object" || v.params === null) return null;
    const entries = Object.entries(v.params);
    if (entries.length > 8 || !entries.every(([, p]) => isParam(p))) return null;
    params = Object.fromEntries(entries) as MessageParams;
  }
  return {
    id: v.id,
    key: v.key,
    ...(params ? { params } : {}),
    ...(v.at !== undefined ? { at: v.at as string } : {}),
    ...(v.note !== undefined ? { note: v.note as MessageKey } : {}),
  };
}
