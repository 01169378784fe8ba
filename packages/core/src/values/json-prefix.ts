/**
 * One JSON value at the start of a text, like Go's json.Decoder.Decode followed by
 * InputOffset: `--set-json a={"x":1},b=2` decodes `{"x":1}` and goes on after it.
 * Numbers become float64 (JS numbers), objects null-prototype maps, as Go's decoder gives them.
 */
import { JSON_ESCAPES } from "../govalue/json.js";
import { type GoMap, type GoValue, newGoMap } from "../govalue/value.js";

export interface JsonPrefix {
  value: GoValue;
  /** Offset (UTF-16 code units) just after the value. */
  end: number;
}

const MAX_DEPTH = 10000;

export function parseJsonPrefix(text: string): JsonPrefix {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`invalid JSON at offset ${i}: ${what}`);
  };
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i] as string)) i++;
  };
  const value = (depth: number): GoValue => {
    if (depth > MAX_DEPTH) fail("exceeded max depth");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const m: GoMap = newGoMap();
      ws();
      if (text[i] === "}") {
        i++;
        return m;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected string key");
        const k = str();
        ws();
        if (text[i] !== ":") fail("expected ':'");
        i++;
        m[k] = value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return m;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      const l: GoValue[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return l;
      }
      for (;;) {
        l.push(value(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return l;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    for (const [word, v] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    const num = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    return fail("unexpected character");
  };
  const str = (): string => {
    i++; // opening quote
    let out = "";
    for (;;) {
      if (i >= text.length) fail("unterminated string");
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e !== undefined && Object.hasOwn(JSON_ESCAPES, e)) {
          out += JSON_ESCAPES[e];
          i += 2;
          continue;
        }
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        fail("invalid escape");
      }
      if (c < " ") fail("control character in string");
      out += c;
      i++;
    }
  };
  ws();
  if (i >= text.length) fail("unexpected end of JSON input");
  const v = value(0);
  return { value: v, end: i };
}
