/**
 * The parse tree of a template (text/template/parse/node.go). Every node knows its position and
 * its tree, so that execution errors can say `NAME:LINE:COL` and quote the node as Go does
 * (`String()` here reproduces Go's node printing byte for byte).
 */
import { goQuote } from "./lex.js";

export enum NodeType {
  Text = 0,
  Action,
  Bool,
  Chain,
  Command,
  Dot,
  Else,
  End,
  Field,
  Identifier,
  If,
  List,
  Nil,
  Number,
  Pipe,
  Range,
  String,
  Template,
  Variable,
  With,
  Comment,
  Break,
  Continue,
}

/** What a parsed template needs to place its nodes in error messages. */
export interface TreeInfo {
  /** The name of the template (a file, or a `define`d name). */
  readonly name: string;
  /** The name of the top-level template whose text holds this tree (errors use it). */
  readonly parseName: string;
  /** The whole text that was parsed. */
  readonly text: string;
}

export abstract class Node {
  abstract readonly type: NodeType;
  // Assigned, not declared as class fields: with fields on this base class V8 (Node 20) builds
  // every node about twice as slowly, and parsing is a third of a chart's render time.
  declare readonly tree: TreeInfo;
  declare readonly pos: number;
  constructor(tree: TreeInfo, pos: number) {
    (this as { tree: TreeInfo }).tree = tree;
    (this as { pos: number }).pos = pos;
  }
  abstract toString(): string;
}

export class TextNode extends Node {
  readonly type = NodeType.Text;
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly text: string,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.text;
  }
}

export class CommentNode extends Node {
  readonly type = NodeType.Comment;
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly text: string,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return `{{${this.text}}}`;
  }
}

export class ListNode extends Node {
  readonly type = NodeType.List;
  readonly nodes: Node[] = [];
  toString(): string {
    let s = "";
    for (const n of this.nodes) s += n.toString();
    return s;
  }
}

export class DotNode extends Node {
  readonly type = NodeType.Dot;
  toString(): string {
    return ".";
  }
}

export class NilNode extends Node {
  readonly type = NodeType.Nil;
  toString(): string {
    return "nil";
  }
}

export class BoolNode extends Node {
  readonly type = NodeType.Bool;
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly value: boolean,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.value ? "true" : "false";
  }
}

export class StringNode extends Node {
  readonly type = NodeType.String;
  /** `quoted` is the literal as written (with its quotes); `text` its value. */
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly quoted: string,
    readonly text: string,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.quoted;
  }
}

/**
 * A numeric constant, with every Go type it can take (Go's NumberNode): the executor picks the
 * one the context asks for (int for `interface {}` unless written as a float, float64 for a
 * float64 parameter, ...).
 */
export class NumberNode extends Node {
  readonly type = NodeType.Number;
  isInt = false;
  isUint = false;
  isFloat = false;
  isComplex = false;
  int64 = 0n;
  uint64 = 0n;
  float64 = 0;
  /** Real and imaginary parts, when isComplex. */
  complex: [number, number] = [0, 0];
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly text: string,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.text;
  }
}

export class IdentifierNode extends Node {
  readonly type = NodeType.Identifier;
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly ident: string,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.ident;
  }
}

/** `$x` or `$x.Field.Other`: ident[0] is the variable name including `$`. */
export class VariableNode extends Node {
  readonly type = NodeType.Variable;
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly ident: string[],
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.ident.join(".");
  }
}

/** `.Field.Other` (idents without the dots). */
export class FieldNode extends Node {
  readonly type = NodeType.Field;
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly ident: string[],
  ) {
    super(tree, pos);
  }
  toString(): string {
    let s = "";
    for (const id of this.ident) s += `.${id}`;
    return s;
  }
}

/** `(pipeline).Field` or `term.Field` where term is not a field or variable. */
export class ChainNode extends Node {
  readonly type = NodeType.Chain;
  readonly field: string[] = [];
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly node: Node,
  ) {
    super(tree, pos);
  }
  toString(): string {
    let s = this.node.type === NodeType.Pipe ? `(${this.node.toString()})` : this.node.toString();
    for (const f of this.field) s += `.${f}`;
    return s;
  }
}

export class CommandNode extends Node {
  readonly type = NodeType.Command;
  readonly args: Node[] = [];
  toString(): string {
    let s = "";
    for (let i = 0; i < this.args.length; i++) {
      if (i > 0) s += " ";
      const a = this.args[i];
      s += a.type === NodeType.Pipe ? `(${a.toString()})` : a.toString();
    }
    return s;
  }
}

export class PipeNode extends Node {
  readonly type = NodeType.Pipe;
  isAssign = false;
  readonly decl: VariableNode[] = [];
  readonly cmds: CommandNode[] = [];
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly line: number,
  ) {
    super(tree, pos);
  }
  toString(): string {
    let s = "";
    if (this.decl.length > 0) {
      s = this.decl.map((d) => d.toString()).join(", ");
      s += this.isAssign ? " = " : " := ";
    }
    for (let i = 0; i < this.cmds.length; i++) {
      if (i > 0) s += " | ";
      s += this.cmds[i].toString();
    }
    return s;
  }
}

export class ActionNode extends Node {
  readonly type = NodeType.Action;
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly line: number,
    readonly pipe: PipeNode,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return `{{${this.pipe.toString()}}}`;
  }
}

export type BranchType = NodeType.If | NodeType.Range | NodeType.With;

/** if, range and with. */
export class BranchNode extends Node {
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly type: BranchType,
    readonly line: number,
    readonly pipe: PipeNode,
    readonly list: ListNode,
    readonly elseList: ListNode | null,
  ) {
    super(tree, pos);
  }
  toString(): string {
    const name = this.type === NodeType.If ? "if" : this.type === NodeType.Range ? "range" : "with";
    let s = `{{${name} ${this.pipe.toString()}}}${this.list.toString()}`;
    if (this.elseList !== null) s += `{{else}}${this.elseList.toString()}`;
    return `${s}{{end}}`;
  }
}

export class TemplateNode extends Node {
  readonly type = NodeType.Template;
  constructor(
    tree: TreeInfo,
    pos: number,
    readonly line: number,
    readonly name: string,
    readonly pipe: PipeNode | null,
  ) {
    super(tree, pos);
  }
  toString(): string {
    if (this.pipe === null) return `{{template ${goQuote(this.name)}}}`;
    return `{{template ${goQuote(this.name)} ${this.pipe.toString()}}}`;
  }
}

export class BreakNode extends Node {
  readonly type = NodeType.Break;
  toString(): string {
    return "{{break}}";
  }
}

export class ContinueNode extends Node {
  readonly type = NodeType.Continue;
  toString(): string {
    return "{{continue}}";
  }
}

/** Markers the parser returns for `{{end}}` and `{{else}}`; never part of a finished tree. */
export class EndNode extends Node {
  readonly type = NodeType.End;
  toString(): string {
    return "{{end}}";
  }
}

export class ElseNode extends Node {
  readonly type = NodeType.Else;
  toString(): string {
    return "{{else}}";
  }
}

/** Anything but unicode.IsSpace (what bytes.TrimSpace removes). */
const NOT_GO_SPACE = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** IsEmptyTree: only whitespace text and comments (a file of just `define`s counts as empty). */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case NodeType.List:
      for (const c of (n as ListNode).nodes) if (!isEmptyTree(c)) return false;
      return true;
    case NodeType.Text:
      return !NOT_GO_SPACE.test((n as TextNode).text);
    case NodeType.Comment:
      return true;
    default:
      return false;
  }
}
