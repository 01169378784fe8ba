/**
 * The lexer of Go's text/template (text/template/parse/lex.go, Go 1.25): template text to items.
 *
 * Go's lexer is a chain of state functions producing one item at a time for the parser. It
 * depends on nothing the parser does (its options are fixed before it starts), so lexing the
 * whole input up front into an array gives exactly the same items; the lexer stops at its first
 * error, which becomes the last item, so the parser still meets earlier problems first.
 *
 * Positions are UTF-16 offsets into the text; error messages convert them to Go's byte columns.
 */

export enum Item {
  Error = 0,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // Keywords come after this marker.
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Token {
  readonly typ: Item;
  /** Start of the item in the text (UTF-16 offset). */
  readonly pos: number;
  readonly val: string;
  /** 1-based line where the item starts. */
  readonly line: number;
}

const KEYWORDS: ReadonlyMap<string, Item> = new Map([
  [".", Item.Dot],
  ["block", Item.Block],
  ["break", Item.Break],
  ["continue", Item.Continue],
  ["define", Item.Define],
  ["else", Item.Else],
  ["end", Item.End],
  ["if", Item.If],
  ["range", Item.Range],
  ["nil", Item.Nil],
  ["template", Item.Template],
  ["with", Item.With],
]);

const LEFT_DELIM = "{{";
const RIGHT_DELIM = "}}";
const LEFT_COMMENT = "/*";
const RIGHT_COMMENT = "*/";
const TRIM_MARKER_LEN = 2; // "-" plus one space
const NO_DELIM = 0;
const DELIM = 1;
const TRIM_DELIM = 2;

export interface LexOptions {
  /** `break` and `continue` are keywords unless the function map defines functions so named. */
  breakOK: boolean;
  continueOK: boolean;
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

/** Go's isAlphaNumeric: `_`, unicode.IsLetter or unicode.IsDigit. */
function isAlphaNumeric(ch: string): boolean {
  if (ch.length === 0) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) {
    return c === 0x5f || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  }
  return LETTER_OR_DIGIT.test(ch);
}

/** `%#U` of a rune: `U+0041 'A'`, or just `U+0007` for non-printable runes. */
function runeDesc(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0xfffd;
  const hex = cp.toString(16).toUpperCase().padStart(4, "0");
  return isPrintable(cp) ? `U+${hex} '${ch}'` : `U+${hex}`;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\u0020]$/u;
function isPrintable(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && s.charCodeAt(at) === 0x2d && isSpaceCode(s.charCodeAt(at + 1));
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && isSpaceCode(s.charCodeAt(at)) && s.charCodeAt(at + 1) === 0x2d;
}

/** Lexes the whole text; the last token is EOF or the first error. */
export function lex(input: string, opts: LexOptions): Token[] {
  return new Lexer(input, opts).run();
}

type StateFn = ((l: Lexer) => StateFn) | null;

class Lexer {
  readonly items: Token[] = [];
  pos = 0;
  start = 0;
  /** Line of `pos`. */
  line = 1;
  /** Line of `start`. */
  startLine = 1;
  parenDepth = 0;
  insideAction = false;

  constructor(
    readonly input: string,
    readonly opts: LexOptions,
  ) {}

  run(): Token[] {
    let state: StateFn = lexText;
    while (state !== null) state = state(this);
    return this.items;
  }

  /** The next character (a whole code point), or "" at EOF. */
  next(): string {
    if (this.pos >= this.input.length) {
      this.lastWidth = 0;
      return "";
    }
    const c = this.input.charCodeAt(this.pos);
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && this.pos + 1 < this.input.length) {
      const d = this.input.charCodeAt(this.pos + 1);
      if (d >= 0xdc00 && d <= 0xdfff) w = 2;
    }
    const ch = this.input.slice(this.pos, this.pos + w);
    this.pos += w;
    this.lastWidth = w;
    if (c === 0x0a) this.line++;
    return ch;
  }

  lastWidth = 0;

  /** Steps back one character; only once per call of next. */
  backup(): void {
    if (this.lastWidth > 0) {
      this.pos -= this.lastWidth;
      if (this.input.charCodeAt(this.pos) === 0x0a) this.line--;
      this.lastWidth = 0;
    }
  }

  peek(): string {
    const ch = this.next();
    this.backup();
    return ch;
  }

  /** The item from start to pos; the next item starts at pos. */
  thisItem(t: Item): Token {
    const tok: Token = { typ: t, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return tok;
  }

  emit(t: Item): StateFn {
    this.items.push(this.thisItem(t));
    return this.insideAction ? lexInsideAction : lexText;
  }

  emitToken(tok: Token): StateFn {
    this.items.push(tok);
    return this.insideAction ? lexInsideAction : lexText;
  }

  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const ch = this.next();
    if (ch !== "" && valid.includes(ch)) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const ch = this.next();
      if (ch === "" || !valid.includes(ch)) break;
    }
    this.backup();
  }

  errorf(msg: string): StateFn {
    this.items.push({ typ: Item.Error, pos: this.start, val: msg, line: this.startLine });
    return null;
  }

  /** At a closing delimiter: NO_DELIM, DELIM, or TRIM_DELIM (` -}}`). No object: it runs per token. */
  atRightDelim(): number {
    const c = this.input.charCodeAt(this.pos);
    if (c === 0x7d) return this.input.charCodeAt(this.pos + 1) === 0x7d ? DELIM : NO_DELIM;
    if (isSpaceCode(c) && hasRightTrimMarker(this.input, this.pos)) {
      return this.input.startsWith(RIGHT_DELIM, this.pos + TRIM_MARKER_LEN) ? TRIM_DELIM : NO_DELIM;
    }
    return NO_DELIM;
  }

  /** Skips ASCII letters, digits and `_` from pos (the common case of isAlphaNumeric). */
  skipAsciiAlphaNumeric(): void {
    const s = this.input;
    let i = this.pos;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x5f || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) i++;
      else break;
    }
    this.pos = i;
  }

  atTerminator(): boolean {
    // Every terminator is ASCII: the code unit at pos decides.
    if (this.pos >= this.input.length) return true;
    const c = this.input.charCodeAt(this.pos);
    if (isSpaceCode(c)) return true;
    switch (c) {
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return c === 0x7d && this.input.charCodeAt(this.pos + 1) === 0x7d;
  }

  scanNumber(): boolean {
    this.accept("+-");
    let digits = "0123456789_";
    if (this.accept("0")) {
      if (this.accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (this.accept("oO")) digits = "01234567_";
      else if (this.accept("bB")) digits = "01_";
    }
    this.acceptRun(digits);
    if (this.accept(".")) this.acceptRun(digits);
    if (digits.length === 11 && this.accept("eE")) {
      this.accept("+-");
      this.acceptRun("0123456789_");
    }
    if (digits.length === 23 && this.accept("pP")) {
      this.accept("+-");
      this.acceptRun("0123456789_");
    }
    this.accept("i");
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf("\n", from); i >= 0 && i < to; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

function rightTrimLength(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpaceCode(s.charCodeAt(i - 1))) i--;
  return to - i;
}

function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i - from;
}

function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(LEFT_DELIM, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trimLength = 0;
      const delimEnd = l.pos + LEFT_DELIM.length;
      if (hasLeftTrimMarker(l.input, delimEnd)) trimLength = rightTrimLength(l.input, l.start, l.pos);
      l.pos -= trimLength;
      l.line += countNewlines(l.input, l.start, l.pos);
      const tok = l.thisItem(Item.Text);
      l.pos += trimLength;
      l.ignore();
      if (tok.val.length > 0) {
        l.items.push(tok);
      }
    }
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.input, l.start, l.pos);
    return l.emit(Item.Text);
  }
  l.emit(Item.EOF);
  return null;
}

function lexLeftDelim(l: Lexer): StateFn {
  l.pos += LEFT_DELIM.length;
  const trimSpace = hasLeftTrimMarker(l.input, l.pos);
  const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
  if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const tok = l.thisItem(Item.LeftDelim);
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return l.emitToken(tok);
}

function lexComment(l: Lexer): StateFn {
  l.pos += LEFT_COMMENT.length;
  const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
  if (x < 0) return l.errorf("unclosed comment");
  l.pos = x + RIGHT_COMMENT.length;
  const at = l.atRightDelim();
  if (at === NO_DELIM) return l.errorf("comment ends before closing delimiter");
  const trimSpaces = at === TRIM_DELIM;
  if (trimSpaces) l.pos += TRIM_MARKER_LEN;
  l.pos += RIGHT_DELIM.length;
  if (trimSpaces) l.pos += leftTrimLength(l.input, l.pos);
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn {
  const trimSpaces = l.atRightDelim() === TRIM_DELIM;
  if (trimSpaces) {
    l.pos += TRIM_MARKER_LEN;
    l.ignore();
  }
  l.pos += RIGHT_DELIM.length;
  const tok = l.thisItem(Item.RightDelim);
  if (trimSpaces) {
    l.pos += leftTrimLength(l.input, l.pos);
    l.ignore();
  }
  l.insideAction = false;
  return l.emitToken(tok);
}

function lexInsideAction(l: Lexer): StateFn {
  if (l.atRightDelim() !== NO_DELIM) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf("unclosed left paren");
  }
  const ch = l.next();
  if (ch === "") return l.errorf("unclosed action");
  const c = ch.charCodeAt(0);
  if (isSpaceCode(c)) {
    l.backup();
    return lexSpace;
  }
  switch (ch) {
    case "=":
      return l.emit(Item.Assign);
    case ":":
      if (l.next() !== "=") return l.errorf("expected :=");
      return l.emit(Item.Declare);
    case "|":
      return l.emit(Item.Pipe);
    case '"':
      return lexQuote(l);
    case "`":
      return lexRawQuote(l);
    case "$":
      return lexFieldOrVariable(l, Item.Variable);
    case "'":
      return lexChar(l);
    case "(":
      l.parenDepth++;
      return l.emit(Item.LeftParen);
    case ")":
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf("unexpected right paren");
      return l.emit(Item.RightParen);
  }
  if (ch === ".") {
    if (l.pos < l.input.length) {
      const d = l.input.charCodeAt(l.pos);
      if (d < 0x30 || d > 0x39) return lexFieldOrVariable(l, Item.Field);
    }
    l.backup();
    return lexNumber(l);
  }
  if (ch === "+" || ch === "-" || (c >= 0x30 && c <= 0x39)) {
    l.backup();
    return lexNumber(l);
  }
  if (isAlphaNumeric(ch)) {
    l.backup();
    return lexIdentifier(l);
  }
  if (c < 0x80 && c >= 0x20 && c < 0x7f) return l.emit(Item.Char);
  return l.errorf(`unrecognized character in action: ${runeDesc(ch)}`);
}

function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  for (let c = l.input.charCodeAt(l.pos); isSpaceCode(c); c = l.input.charCodeAt(l.pos)) {
    if (c === 0x0a) l.line++;
    l.pos++;
    numSpaces++;
  }
  // A trim-marked closing delimiter has a minus after a space: leave that space to it.
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(RIGHT_DELIM, l.pos - 1 + TRIM_MARKER_LEN)) {
    l.pos--;
    if (l.input.charCodeAt(l.pos) === 0x0a) l.line--;
    if (numSpaces === 1) return lexRightDelim;
  }
  return l.emit(Item.Space);
}

function lexIdentifier(l: Lexer): StateFn {
  l.skipAsciiAlphaNumeric();
  for (;;) {
    const ch = l.next();
    if (isAlphaNumeric(ch)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${runeDesc(ch)}`);
    const kw = KEYWORDS.get(word);
    if (kw !== undefined && kw > Item.Keyword) {
      if ((kw === Item.Break && !l.opts.breakOK) || (kw === Item.Continue && !l.opts.continueOK)) {
        return l.emit(Item.Identifier);
      }
      return l.emit(kw);
    }
    if (word[0] === ".") return l.emit(Item.Field);
    if (word === "true" || word === "false") return l.emit(Item.Bool);
    return l.emit(Item.Identifier);
  }
}

function lexFieldOrVariable(l: Lexer, typ: Item): StateFn {
  if (l.atTerminator()) {
    return l.emit(typ === Item.Variable ? Item.Variable : Item.Dot);
  }
  let ch: string;
  l.skipAsciiAlphaNumeric();
  for (;;) {
    ch = l.next();
    if (!isAlphaNumeric(ch)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${runeDesc(ch)}`);
  return l.emit(typ);
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    const ch = l.next();
    if (ch === "\\") {
      const r = l.next();
      if (r !== "" && r !== "\n") continue;
      return l.errorf("unterminated character constant");
    }
    if (ch === "" || ch === "\n") return l.errorf("unterminated character constant");
    if (ch === "'") break;
  }
  return l.emit(Item.CharConstant);
}

function lexNumber(l: Lexer): StateFn {
  if (!l.scanNumber()) return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === "+" || sign === "-") {
    if (!l.scanNumber() || l.input[l.pos - 1] !== "i") {
      return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
    }
    return l.emit(Item.Complex);
  }
  return l.emit(Item.Number);
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    // Plain characters in bulk; escapes, the end, newlines and surrogates the careful way.
    const s = l.input;
    let i = l.pos;
    for (let c = s.charCodeAt(i); c >= 0x20 && c !== 0x22 && c !== 0x5c && c < 0xd800; c = s.charCodeAt(i)) i++;
    l.pos = i;
    const ch = l.next();
    if (ch === "\\") {
      const r = l.next();
      if (r !== "" && r !== "\n") continue;
      return l.errorf("unterminated quoted string");
    }
    if (ch === "" || ch === "\n") return l.errorf("unterminated quoted string");
    if (ch === '"') break;
  }
  return l.emit(Item.String);
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const ch = l.next();
    if (ch === "") return l.errorf("unterminated raw quoted string");
    if (ch === "`") break;
  }
  return l.emit(Item.RawString);
}

/** strconv.Quote for the short texts of lexer and parser messages. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\x07":
        out += "\\a";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\v":
        out += "\\v";
        continue;
    }
    if (isPrintable(cp)) out += ch;
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\ufffd";
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}
