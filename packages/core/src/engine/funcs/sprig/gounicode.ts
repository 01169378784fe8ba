/**
 * Go's `unicode` predicates and simple case mappings, and byte-level (UTF-8) string access.
 * Go strings are byte sequences: Sprig's trunc/substr/abbrev/wrap index bytes, not UTF-16 units.
 */
import { GoError } from "../../../govalue/value.js";

/** unicode.IsSpace: Latin-1 spaces plus the White_Space property (no U+FEFF, unlike JS trim). */
export function isSpace(cp: number): boolean {
  if (cp <= 0xff) {
    return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  }
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

const reUpper = /^\p{Lu}$/u;
const reLower = /^\p{Ll}$/u;
const reTitle = /^\p{Lt}$/u;
const reLetter = /^\p{L}$/u;
const reDigit = /^\p{Nd}$/u;
const reNumber = /^\p{N}$/u;
const rePunct = /^\p{P}$/u;

export const isUpper = (c: string): boolean => reUpper.test(c);
export const isLower = (c: string): boolean => reLower.test(c);
export const isTitle = (c: string): boolean => reTitle.test(c);
export const isLetter = (c: string): boolean => reLetter.test(c);
export const isDigit = (c: string): boolean => reDigit.test(c);
export const isNumber = (c: string): boolean => reNumber.test(c);
export const isPunct = (c: string): boolean => rePunct.test(c);

/** unicode.ToUpper: a one-rune mapping; JS's full mappings (ß -> SS) are not Go's, so they are refused. */
export function toUpper(c: string): string {
  const u = c.toUpperCase();
  return [...u].length === 1 ? u : c;
}

export function toLower(c: string): string {
  const l = c.toLowerCase();
  return [...l].length === 1 ? l : c;
}

/** Dz/Lj/Nj digraphs have a distinct titlecase form; every other letter titlecases as upper. */
const titleDigraphs: Record<string, string> = {
  "\u01c4": "\u01c5",
  "\u01c5": "\u01c5",
  "\u01c6": "\u01c5",
  "\u01c7": "\u01c8",
  "\u01c8": "\u01c8",
  "\u01c9": "\u01c8",
  "\u01ca": "\u01cb",
  "\u01cb": "\u01cb",
  "\u01cc": "\u01cb",
  "\u01f1": "\u01f2",
  "\u01f2": "\u01f2",
  "\u01f3": "\u01f2",
};

export function toTitle(c: string): string {
  return titleDigraphs[c] ?? toUpper(c);
}

export function mapRunes(s: string, f: (c: string) => string): string {
  let out = "";
  for (const c of s) out += f(c);
  return out;
}

const utf8 = new TextEncoder();

export function bytesOf(s: string): Buffer {
  return Buffer.from(utf8.encode(s));
}

/** Bytes back to a string; invalid UTF-8 left by a byte-level cut becomes U+FFFD, as Go prints it. */
export function stringOf(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8");
}

/** Go's len(s) for a string: its UTF-8 byte count. */
export function byteLen(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** s[start:end] on bytes, with Go's runtime panic text when out of range. */
export function byteSlice(s: string, start: number, end?: number): string {
  const b = bytesOf(s);
  const hasEnd = end !== undefined;
  const e = end ?? b.length;
  if (hasEnd && e < 0) throw sliceError(`[:${e}]`);
  if (hasEnd && e > b.length) throw sliceError(`[:${e}] with length ${b.length}`);
  if (start < 0) throw sliceError(`[${start}:]`);
  if (start > e) {
    throw sliceError(hasEnd ? `[${start}:${e}]` : `[${start}:${b.length}]`);
  }
  return stringOf(b.subarray(start, e));
}

function sliceError(detail: string): GoError {
  return new GoError(`runtime error: slice bounds out of range ${detail}`);
}
