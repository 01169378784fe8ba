/**
 * huandu/xstrings v1.5 case conversions (Sprig's camelcase, snakecase, kebabcase) and shuffle.
 * Helm 4.1.4's camelcase gives PascalCase with words re-cased: GOLANG_IS_GREAT -> GolangIsGreat.
 */
import { randomInt } from "node:crypto";
import { isLetter, isNumber, isPunct, isSpace, isUpper, toLower, toUpper } from "./gounicode.js";

const isConnector = (c: string): boolean => c === "-" || c === "_" || isSpace(c.codePointAt(0) ?? 0);

/** xstrings' isAlphabet: a letter that is not a CJK ideograph. */
function isAlphabet(c: string): boolean {
  if (!isLetter(c)) return false;
  const r = c.codePointAt(0) ?? 0;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

export function toCamelCase(s: string): string {
  const r = [...s];
  if (r.length === 0) return "";
  let out = "";
  let i = 0;
  let r0 = "";
  let firstUpper = false;
  while (i < r.length) {
    r0 = r[i++];
    if (!isConnector(r0)) {
      firstUpper = isUpper(r0);
      r0 = toUpper(r0);
      break;
    }
    out += r0;
  }
  // xstrings writes the last rune again when the string is all connectors ("_" -> "__").
  if (i >= r.length) return out + r0;
  while (i < r.length) {
    const r1 = r0;
    r0 = r[i++];
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = toUpper(r0);
    } else {
      if (firstUpper) {
        if (isUpper(r0)) r0 = toLower(r0);
        else firstUpper = false;
      }
      out += r1;
    }
  }
  return out + r0;
}

enum Word {
  Invalid,
  Number,
  Upper,
  Alphabet,
  Connector,
  Punct,
  Other,
}

/** Splits off the next word; returns its type, text and the rest (arrays of runes). */
function nextWord(s: string[]): [Word, string[], string[]] {
  if (s.length === 0) return [Word.Invalid, [], []];
  const first = s[0];
  let n = 1;
  const take = (pred: (c: string) => boolean) => {
    while (n < s.length && pred(s[n])) n++;
  };
  let wt: Word;
  if (isConnector(first)) {
    wt = Word.Connector;
    take(isConnector);
  } else if (isPunct(first)) {
    wt = Word.Punct;
    take(isPunct);
  } else if (isUpper(first)) {
    wt = Word.Upper;
    if (n < s.length) {
      if (isUpper(s[n])) {
        take(isUpper);
        // "HTTPStatus" splits as "HTTP" + "Status": the last capital starts the next word.
        if (n < s.length && isAlphabet(s[n])) n--;
      } else if (isAlphabet(s[n])) {
        take((c) => isAlphabet(c) && !isUpper(c));
      }
    }
  } else if (isAlphabet(first)) {
    wt = Word.Alphabet;
    take((c) => isAlphabet(c) && !isUpper(c));
  } else if (isNumber(first)) {
    wt = Word.Number;
    take(isNumber);
  } else {
    wt = Word.Other;
    take((c) => !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c)));
  }
  return [wt, s.slice(0, n), s.slice(n)];
}

function lowerWord(wt: Word, word: string[], connector: string): string {
  if (wt !== Word.Upper && wt !== Word.Connector) return word.join("");
  return word.map((c) => (isConnector(c) ? connector : isUpper(c) ? toLower(c) : c)).join("");
}

/** xstrings' camelCaseToLowerCase: snake_case or kebab-case depending on the connector. */
export function toLowerWords(s: string, connector: string): string {
  if (s === "") return "";
  let out = "";
  let [wt, word, rest] = nextWord([...s]);
  while (rest.length > 0) {
    if (wt !== Word.Connector) out += lowerWord(wt, word, connector);
    const prev = wt;
    const last = word;
    [wt, word, rest] = nextWord(rest);
    switch (prev) {
      case Word.Number:
        while (wt === Word.Alphabet || wt === Word.Number) {
          out += lowerWord(wt, word, connector);
          [wt, word, rest] = nextWord(rest);
        }
        if (wt !== Word.Invalid && wt !== Word.Punct && wt !== Word.Connector) out += connector;
        break;
      case Word.Connector:
        out += lowerWord(prev, last, connector);
        break;
      case Word.Punct:
        break;
      default: {
        if (wt !== Word.Number) {
          if (wt !== Word.Connector && wt !== Word.Punct) out += connector;
          break;
        }
        if (rest.length === 0) break;
        const num = word;
        [wt, word, rest] = nextWord(rest);
        if (wt !== Word.Alphabet) {
          out += lowerWord(Word.Number, num, connector);
          if (wt !== Word.Connector && wt !== Word.Punct) out += connector;
          break;
        }
        out += connector + lowerWord(Word.Number, num, connector);
        while (wt === Word.Alphabet || wt === Word.Number) {
          out += lowerWord(wt, word, connector);
          [wt, word, rest] = nextWord(rest);
        }
        if (wt !== Word.Invalid && wt !== Word.Connector && wt !== Word.Punct) out += connector;
      }
    }
  }
  return out + lowerWord(wt, word, connector);
}

/** xstrings.Shuffle: a Fisher-Yates shuffle of the runes. */
export function shuffle(s: string): string {
  const r = [...s];
  for (let i = r.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [r[i], r[j]] = [r[j], r[i]];
  }
  return r.join("");
}
