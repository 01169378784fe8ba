/** Go's sort.Strings order, which encoding/json, go-yaml and the TOML encoder sort keys by. */

/**
 * Compares by UTF-8 bytes, which is code point order (not JS's UTF-16 order: an astral character
 * sorts after U+E000..U+FFFF). A sort comparator: negative, zero or positive.
 */
export function goStringCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const d = (ar[i]?.codePointAt(0) as number) - (br[i]?.codePointAt(0) as number);
    if (d !== 0) return d;
  }
  return ar.length - br.length;
}
