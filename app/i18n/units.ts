import { isMessageKey, type Translate } from "./index.ts";

/** English plurals of the countable unit words (Chinese measure words do not change). */
const ENGLISH_PLURALS: Record<string, string> = {
  piece: "pieces",
  box: "boxes",
  set: "sets",
  pair: "pairs",
  sheet: "sheets",
};

/**
 * The word for a product or material unit code in the reader's language
 * ("piece" → 件); the code itself when the dictionary has no word for it.
 * With a count other than 1, English countable units take their plural
 * ("200 pieces", "1 box").
 */
export function unitText(t: Translate, unit: string, count?: number): string {
  const key = `unit.${unit}`;
  const word = isMessageKey(key) ? t(key) : unit;
  return count !== undefined && count !== 1 ? (ENGLISH_PLURALS[word] ?? word) : word;
}
