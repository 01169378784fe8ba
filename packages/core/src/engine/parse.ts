/**
 * Recursive-descent parser of Go's text/template (text/template/parse/parse.go, Go 1.25).
 * `parseTemplates(name, text, hasFunction)` returns every tree the text defines (the text's own
 * tree under `name`, plus one per `define`/`block`), or throws a ParseError whose message is
 * exactly Go's (`template: NAME:LINE: ...`).
 */
import { parseFloat as goParseFloat, parseInt as goParseInt, parseUint as goParseUint } from "../govalue/strconv.js";
import { GoError } from "../govalue/value.js";
import { goQuote, Item, lex, type Token } from "./lex.js";
import {
  ActionNode,
  BoolNode,
  BranchNode,
  BreakNode,
  ChainNode,
  CommandNode,
  ContinueNode,
  DotNode,
  ElseNode,
  EndNode,
  FieldNode,
  IdentifierNode,
  isEmptyTree,
  ListNode,
  NilNode,
  type Node,
  NodeType,
  NumberNode,
  PipeNode,
  StringNode,
  TemplateNode,
  TextNode,
  type TreeInfo,
  VariableNode,
} from "./nodes.js";
import { LiteralError, unquote, unquoteChar } from "./strlit.js";

/** A parse failure; `message` is Go's error text. */
export class ParseError extends Error {
  override name = "ParseError";
}

/** One parsed template: a file's top level, or a `define`d/`block` template. */
export class Tree implements TreeInfo {
  root: ListNode | null = null;
  constructor(
    public name: string,
    readonly parseName: string,
    readonly text: string,
  ) {}
}

/** Whether a function name is defined (the parser rejects unknown functions, as Go's does). */
export type HasFunction = (name: string) => boolean;

/** Go's maxStackDepth: how deeply parenthesised pipelines may nest. */
const MAX_PAREN_DEPTH = 10000;

/** The shared token stream of one Parse call (Go's trees share one lexer). */
class Stream {
  i = 0;
  /** Index of the furthest token read so far: Go's `t.token[0]`, whose line errors report. */
  hi = 0;
  constructor(readonly toks: Token[]) {}
}

/** Parses `text` as template `name`; returns the trees it defines, in definition order. */
export function parseTemplates(name: string, text: string, hasFunction: HasFunction): Map<string, Tree> {
  const toks = lex(text, { breakOK: !hasFunction("break"), continueOK: !hasFunction("continue") });
  const treeSet = new Map<string, Tree>();
  const stream = new Stream(toks);
  const p = new Parser(new Tree(name, name, text), stream, treeSet, hasFunction);
  try {
    p.parse();
  } catch (e) {
    // Deep nesting of if/range/with that Go would accept but our stack cannot hold.
    if (e instanceof RangeError) {
      throw new ParseError(`template: ${name}:${toks[stream.hi]?.line ?? 0}: max expression depth exceeded`);
    }
    throw e;
  }
  p.add();
  return treeSet;
}

class Parser {
  vars: string[] = ["$"];
  rangeDepth = 0;
  actionLine = 0;
  depth = 0;

  constructor(
    readonly tree: Tree,
    readonly s: Stream,
    readonly treeSet: Map<string, Tree>,
    readonly hasFunction: HasFunction,
  ) {}

  // --- token access ------------------------------------------------------------------------

  next(): Token {
    const s = this.s;
    const t = s.toks[s.i < s.toks.length ? s.i : s.toks.length - 1];
    if (s.i < s.toks.length) s.i++;
    if (s.i - 1 > s.hi) s.hi = s.i - 1;
    return t;
  }

  backup(): void {
    this.s.i--;
  }

  peek(): Token {
    const t = this.next();
    this.backup();
    return t;
  }

  nextNonSpace(): Token {
    let t: Token;
    do t = this.next();
    while (t.typ === Item.Space);
    return t;
  }

  peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // --- errors ------------------------------------------------------------------------------

  errorf(msg: string): never {
    this.tree.root = null;
    const line = this.s.toks[this.s.hi]?.line ?? 0;
    throw new ParseError(`template: ${this.tree.parseName}:${line}: ${msg}`);
  }

  expect(expected: Item, context: string): Token {
    const t = this.nextNonSpace();
    if (t.typ !== expected) this.unexpected(t, context);
    return t;
  }

  expectOneOf(a: Item, b: Item, context: string): Token {
    const t = this.nextNonSpace();
    if (t.typ !== a && t.typ !== b) this.unexpected(t, context);
    return t;
  }

  unexpected(t: Token, context: string): never {
    if (t.typ === Item.Error) {
      let extra = "";
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.tree.parseName}:${this.actionLine}`;
        if (t.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      this.errorf(`${t.val}${extra}`);
    }
    this.errorf(`unexpected ${tokenString(t)} in ${context}`);
  }

  // --- structure ---------------------------------------------------------------------------

  /** Tree.add: the tree joins the set unless a non-empty one of that name is already there. */
  add(): void {
    const t = this.tree;
    const old = this.treeSet.get(t.name);
    if (old === undefined || isEmptyTree(old.root)) {
      this.treeSet.set(t.name, t);
      return;
    }
    if (!isEmptyTree(t.root)) this.errorf(`template: multiple definition of template ${goQuote(t.name)}`);
  }

  newList(pos: number): ListNode {
    return new ListNode(this.tree, pos);
  }

  parse(): void {
    this.tree.root = this.newList(this.peek().pos);
    while (this.peek().typ !== Item.EOF) {
      if (this.peek().typ === Item.LeftDelim) {
        const delimIndex = this.s.i;
        this.next();
        if (this.nextNonSpace().typ === Item.Define) {
          const sub = new Parser(
            new Tree("definition", this.tree.parseName, this.tree.text),
            this.s,
            this.treeSet,
            this.hasFunction,
          );
          sub.parseDefinition();
          continue;
        }
        this.s.i = delimIndex;
      }
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) this.errorf(`unexpected ${n.toString()}`);
      this.tree.root?.nodes.push(n);
    }
  }

  parseDefinition(): void {
    const context = "define clause";
    const name = this.expectOneOf(Item.String, Item.RawString, context);
    this.tree.name = this.unquoteOrFail(name.val);
    this.expect(Item.RightDelim, context);
    const [list, end] = this.itemList();
    this.tree.root = list;
    if (end.type !== NodeType.End) this.errorf(`unexpected ${end.toString()} in ${context}`);
    this.add();
  }

  itemList(): [ListNode, Node] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== Item.EOF) {
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) return [list, n];
      list.nodes.push(n);
    }
    this.errorf("unexpected EOF");
  }

  textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Item.Text:
        return new TextNode(this.tree, t.pos, t.val);
      case Item.LeftDelim: {
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        this.unexpected(t, "input");
    }
  }

  action(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Item.Block:
        return this.blockControl();
      case Item.Break:
        return this.breakControl(t, "{{break}}");
      case Item.Continue:
        return this.breakControl(t, "{{continue}}");
      case Item.Else:
        return this.elseControl();
      case Item.End:
        return this.endControl();
      case Item.If:
        return this.branchControl(NodeType.If, "if");
      case Item.Range:
        return this.branchControl(NodeType.Range, "range");
      case Item.Template:
        return this.templateControl();
      case Item.With:
        return this.branchControl(NodeType.With, "with");
    }
    this.backup();
    const tok = this.peek();
    // Variables declared here persist until the enclosing {{end}}.
    return new ActionNode(this.tree, tok.pos, tok.line, this.pipeline("command", Item.RightDelim));
  }

  breakControl(t: Token, what: "{{break}}" | "{{continue}}"): Node {
    const tok = this.nextNonSpace();
    if (tok.typ !== Item.RightDelim) this.unexpected(tok, what);
    if (this.rangeDepth === 0) this.errorf(`${what} outside {{range}}`);
    return what === "{{break}}" ? new BreakNode(this.tree, t.pos) : new ContinueNode(this.tree, t.pos);
  }

  branchControl(type: NodeType.If | NodeType.Range | NodeType.With, context: "if" | "range" | "with"): Node {
    const varsLen = this.vars.length;
    try {
      const pipe = this.pipeline(context, Item.RightDelim);
      if (context === "range") this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === "range") this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === NodeType.Else) {
        // `{{else if x}}` / `{{else with x}}` are `{{else}}{{if x}}...{{end}}{{end}}` with the
        // inner {{end}} shared: parse the inner if/with, which consumes that {{end}}.
        if (context === "if" && this.peek().typ === Item.If) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branchControl(NodeType.If, "if"));
        } else if (context === "with" && this.peek().typ === Item.With) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branchControl(NodeType.With, "with"));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== NodeType.End) this.errorf(`expected end; found ${next.toString()}`);
        }
      }
      return new BranchNode(this.tree, pipe.pos, type, pipe.line, pipe, list, elseList);
    } finally {
      this.vars.length = varsLen;
    }
  }

  endControl(): Node {
    return new EndNode(this.tree, this.expect(Item.RightDelim, "end").pos);
  }

  elseControl(): Node {
    const p = this.peekNonSpace();
    // `{{else if` and `{{else with`: leave the if/with for branchControl.
    if (p.typ === Item.If || p.typ === Item.With) return new ElseNode(this.tree, p.pos);
    const t = this.expect(Item.RightDelim, "else");
    return new ElseNode(this.tree, t.pos);
  }

  blockControl(): Node {
    const context = "block clause";
    const tok = this.nextNonSpace();
    const name = this.parseTemplateName(tok, context);
    const pipe = this.pipeline(context, Item.RightDelim);
    const sub = new Parser(new Tree(name, this.tree.parseName, this.tree.text), this.s, this.treeSet, this.hasFunction);
    const [list, end] = sub.itemList();
    sub.tree.root = list;
    if (end.type !== NodeType.End) this.errorf(`unexpected ${end.toString()} in ${context}`);
    sub.add();
    return new TemplateNode(this.tree, tok.pos, tok.line, name, pipe);
  }

  templateControl(): Node {
    const context = "template clause";
    const tok = this.nextNonSpace();
    const name = this.parseTemplateName(tok, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== Item.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, Item.RightDelim);
    }
    return new TemplateNode(this.tree, tok.pos, tok.line, name, pipe);
  }

  parseTemplateName(t: Token, context: string): string {
    if (t.typ === Item.String || t.typ === Item.RawString) return this.unquoteOrFail(t.val);
    this.unexpected(t, context);
  }

  unquoteOrFail(lit: string): string {
    try {
      return unquote(lit);
    } catch (e) {
      if (e instanceof LiteralError) this.errorf(e.message);
      throw e;
    }
  }

  // --- pipelines ---------------------------------------------------------------------------

  pipeline(context: string, end: Item): PipeNode {
    const first = this.peekNonSpace();
    const pipe = new PipeNode(this.tree, first.pos, first.line);
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== Item.Variable) break;
      const vIndex = this.s.i;
      this.next();
      const nxt = this.peekNonSpace();
      if (nxt.typ === Item.Assign || nxt.typ === Item.Declare) {
        pipe.isAssign = nxt.typ === Item.Assign;
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this.tree, v.pos, [v.val]));
        this.vars.push(v.val);
        break;
      }
      if (nxt.typ === Item.Char && nxt.val === ",") {
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this.tree, v.pos, [v.val]));
        this.vars.push(v.val);
        if (context === "range" && pipe.decl.length < 2) {
          const t = this.peekNonSpace().typ;
          if (t === Item.Variable || t === Item.RightDelim || t === Item.RightParen) continue;
          this.errorf("range can only initialize variables");
        }
        this.errorf(`too many declarations in ${context}`);
      }
      // Not a declaration: "$x foo" or "$x}}"; put the variable back.
      this.s.i = vIndex;
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      switch (t.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case Item.Bool:
        case Item.CharConstant:
        case Item.Complex:
        case Item.Dot:
        case Item.Field:
        case Item.Identifier:
        case Item.Number:
        case Item.Nil:
        case Item.RawString:
        case Item.String:
        case Item.Variable:
        case Item.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i].args[0].type) {
        case NodeType.Bool:
        case NodeType.Dot:
        case NodeType.Nil:
        case NodeType.Number:
        case NodeType.String:
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  command(): CommandNode {
    const cmd = new CommandNode(this.tree, this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === Item.Space) continue;
      if (t.typ === Item.RightDelim || t.typ === Item.RightParen) this.backup();
      else if (t.typ !== Item.Pipe) this.unexpected(t, "operand");
      break;
    }
    if (cmd.args.length === 0) this.errorf("empty command");
    return cmd;
  }

  operand(): Node | null {
    let node = this.term();
    if (node === null) return null;
    if (this.peek().typ === Item.Field) {
      const chain = new ChainNode(this.tree, this.peek().pos, node);
      while (this.peek().typ === Item.Field) chain.field.push(this.next().val.slice(1));
      // Fields and variables absorb the chain; literals cannot have fields.
      switch (node.type) {
        case NodeType.Field:
          node = new FieldNode(this.tree, chain.pos, [...(node as FieldNode).ident, ...chain.field]);
          break;
        case NodeType.Variable:
          node = new VariableNode(this.tree, chain.pos, [...(node as VariableNode).ident, ...chain.field]);
          break;
        case NodeType.Bool:
        case NodeType.String:
        case NodeType.Number:
        case NodeType.Nil:
        case NodeType.Dot:
          this.errorf(`unexpected . after term ${goQuote(node.toString())}`);
          break;
        default:
          node = chain;
      }
    }
    return node;
  }

  term(): Node | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Item.Identifier:
        if (!this.hasFunction(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return new IdentifierNode(this.tree, t.pos, t.val);
      case Item.Dot:
        return new DotNode(this.tree, t.pos);
      case Item.Nil:
        return new NilNode(this.tree, t.pos);
      case Item.Variable:
        return this.useVar(t.pos, t.val);
      case Item.Field:
        return new FieldNode(this.tree, t.pos, [t.val.slice(1)]);
      case Item.Bool:
        return new BoolNode(this.tree, t.pos, t.val === "true");
      case Item.CharConstant:
      case Item.Complex:
      case Item.Number:
        return this.newNumber(t);
      case Item.LeftParen: {
        if (this.depth >= MAX_PAREN_DEPTH) this.errorf("max expression depth exceeded");
        this.depth++;
        try {
          return this.pipeline("parenthesized pipeline", Item.RightParen);
        } finally {
          this.depth--;
        }
      }
      case Item.String:
      case Item.RawString:
        return new StringNode(this.tree, t.pos, t.val, this.unquoteOrFail(t.val));
    }
    this.backup();
    return null;
  }

  useVar(pos: number, name: string): Node {
    const v = new VariableNode(this.tree, pos, name.split("."));
    if (this.vars.includes(v.ident[0])) return v;
    this.errorf(`undefined variable ${goQuote(v.ident[0])}`);
  }

  newNumber(t: Token): NumberNode {
    const n = new NumberNode(this.tree, t.pos, t.val);
    const text = t.val;
    if (t.typ === Item.CharConstant) {
      let r: { value: number; next: number };
      try {
        r = unquoteChar(text, 1, text[0]);
      } catch (e) {
        if (e instanceof LiteralError) this.errorf(e.message);
        throw e;
      }
      if (text.slice(r.next) !== "'") this.errorf(`malformed character constant: ${text}`);
      n.int64 = BigInt(r.value);
      n.isInt = true;
      n.uint64 = n.int64;
      n.isUint = true;
      n.float64 = r.value;
      n.isFloat = true;
      return n;
    }
    if (t.typ === Item.Complex) {
      const c = parseComplex(text);
      if (c === null) this.errorf(`expected integer`);
      n.isComplex = true;
      n.complex = c;
      simplifyComplex(n);
      return n;
    }
    if (text.endsWith("i")) {
      const f = tryParseFloat(text.slice(0, -1));
      if (f !== undefined) {
        n.isComplex = true;
        n.complex = [0, f];
        simplifyComplex(n);
        return n;
      }
    }
    const u = tryParse(() => goParseUint(text, 0, 64));
    if (u !== undefined) {
      n.isUint = true;
      n.uint64 = u;
    }
    const i = tryParse(() => goParseInt(text, 0, 64));
    if (i !== undefined) {
      n.isInt = true;
      n.int64 = i;
      if (i === 0n) {
        n.isUint = true;
        n.uint64 = u ?? 0n;
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(n.uint64);
    } else {
      const f = tryParseFloat(text);
      if (f !== undefined) {
        // Parsed as a float but written as an integer: too large for any integer type.
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${goQuote(text)}`);
        n.isFloat = true;
        n.float64 = f;
        if (!n.isInt && Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
          n.isInt = true;
          n.int64 = BigInt(f);
        }
        if (!n.isUint && Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          n.isUint = true;
          n.uint64 = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${goQuote(text)}`);
    return n;
  }
}

function tryParse(f: () => bigint): bigint | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof GoError) return undefined;
    throw e;
  }
}

function tryParseFloat(s: string): number | undefined {
  try {
    return goParseFloat(s);
  } catch (e) {
    if (e instanceof GoError) return undefined;
    throw e;
  }
}

/** fmt.Sscan of a complex constant such as `1+2i` (the lexer guarantees the shape). */
function parseComplex(text: string): [number, number] | null {
  const m = /^([+-]?[^+-]+(?:[eEpP][+-][^+-]*)?)([+-].+)i$/.exec(text);
  if (m === null) return null;
  const re = tryParseFloat(m[1]);
  const im = tryParseFloat(m[2]);
  if (re === undefined || im === undefined) return null;
  return [re, im];
}

function simplifyComplex(n: NumberNode): void {
  n.isFloat = n.complex[1] === 0;
  if (n.isFloat) {
    const f = n.complex[0];
    n.float64 = f;
    n.isInt = Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63;
    if (n.isInt) n.int64 = BigInt(f);
    n.isUint = Number.isInteger(f) && f >= 0 && f < 2 ** 64;
    if (n.isUint) n.uint64 = BigInt(f);
  }
}

/** Go's item.String(), as parse errors quote tokens. */
function tokenString(t: Token): string {
  if (t.typ === Item.EOF) return "EOF";
  if (t.typ === Item.Error) return t.val;
  if (t.typ > Item.Keyword) return `<${t.val}>`;
  const runes = [...t.val];
  if (runes.length > 10) return `${goQuote(runes.slice(0, 10).join(""))}...`;
  return goQuote(t.val);
}
