/**
 * Go's strconv.Unquote and UnquoteChar, for the string and character literals of templates.
 * They throw SyntaxError-like LiteralError with Go's message (`invalid syntax`).
 */

export class LiteralError extends Error {}

const INVALID = "invalid syntax";

function unhex(c: string): number {
  const x = c.charCodeAt(0);
  if (x >= 48 && x <= 57) return x - 48;
  if (x >= 97 && x <= 102) return x - 87;
  if (x >= 65 && x <= 70) return x - 55;
  return -1;
}

/**
 * strconv.UnquoteChar(s[at:], quote): one character or escape at s[at]; returns the code point,
 * whether it must be written as one byte (\x, \NNN escapes), and where the rest starts.
 */
export function unquoteChar(s: string, at: number, quote: string): { value: number; byte: boolean; next: number } {
  const c = s[at];
  if (c === undefined) throw new LiteralError(INVALID);
  if (c === quote && (quote === "'" || quote === '"')) throw new LiteralError(INVALID);
  if (c !== "\\") {
    const cp = s.codePointAt(at) ?? 0;
    return { value: cp, byte: false, next: at + (cp > 0xffff ? 2 : 1) };
  }
  if (at + 1 >= s.length) throw new LiteralError(INVALID);
  const e = s[at + 1];
  let i = at + 2;
  switch (e) {
    case "a":
      return { value: 7, byte: false, next: i };
    case "b":
      return { value: 8, byte: false, next: i };
    case "f":
      return { value: 12, byte: false, next: i };
    case "n":
      return { value: 10, byte: false, next: i };
    case "r":
      return { value: 13, byte: false, next: i };
    case "t":
      return { value: 9, byte: false, next: i };
    case "v":
      return { value: 11, byte: false, next: i };
    case "x":
    case "u":
    case "U": {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      if (s.length - i < n) throw new LiteralError(INVALID);
      let v = 0;
      for (let j = 0; j < n; j++) {
        const d = unhex(s[i + j]);
        if (d < 0) throw new LiteralError(INVALID);
        v = v * 16 + d;
      }
      i += n;
      if (e === "x") return { value: v, byte: true, next: i };
      if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) throw new LiteralError(INVALID);
      return { value: v, byte: false, next: i };
    }
    case "0":
    case "1":
    case "2":
    case "3":
    case "4":
    case "5":
    case "6":
    case "7": {
      let v = e.charCodeAt(0) - 48;
      if (s.length - i < 2) throw new LiteralError(INVALID);
      for (let j = 0; j < 2; j++) {
        const d = s.charCodeAt(i + j) - 48;
        if (d < 0 || d > 7) throw new LiteralError(INVALID);
        v = v * 8 + d;
      }
      i += 2;
      if (v > 255) throw new LiteralError(INVALID);
      return { value: v, byte: true, next: i };
    }
    case "\\":
      return { value: 92, byte: false, next: i };
    case "'":
    case '"':
      if (e !== quote) throw new LiteralError(INVALID);
      return { value: e.charCodeAt(0), byte: false, next: i };
    default:
      throw new LiteralError(INVALID);
  }
}

/**
 * strconv.Unquote of a "..." or `...` literal. Byte escapes (\xNN, \NNN) above 0x7f make
 * invalid UTF-8 in Go; we decode the bytes leniently (U+FFFD), the closest a JS string gets.
 */
export function unquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new LiteralError(INVALID);
  const body = lit.slice(1, -1);
  if (q === "`") {
    if (body.includes("`")) throw new LiteralError(INVALID);
    return body.includes("\r") ? body.replaceAll("\r", "") : body;
  }
  if (q !== '"') throw new LiteralError(INVALID);
  if (!body.includes("\\") && !body.includes('"')) {
    if (body.includes("\n")) throw new LiteralError(INVALID);
    return body;
  }
  if (body.includes("\n")) throw new LiteralError(INVALID);
  let out = "";
  let bytes: number[] | null = null;
  let i = 0;
  const flush = () => {
    if (bytes !== null) {
      out += Buffer.from(bytes).toString("utf8");
      bytes = null;
    }
  };
  while (i < body.length) {
    const r = unquoteChar(body, i, '"');
    i = r.next;
    if (r.byte && r.value >= 0x80) {
      if (bytes === null) bytes = [];
      bytes.push(r.value);
      continue;
    }
    flush();
    out += String.fromCodePoint(r.value);
  }
  flush();
  return out;
}
