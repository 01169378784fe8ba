/**
 * The executor of Go's text/template (text/template/exec.go, Go 1.25): a state walking the parse
 * tree with dot, variables and the writer, evaluating pipelines, commands, fields and calls with
 * Go's argument conversion rules and Go's error texts.
 *
 * Go distinguishes an invalid reflect.Value (no value: `undefined` here) from a nil interface
 * (`null`), and a value whose static type is `interface {}` (read out of a map or a slice of
 * interfaces) from a concrete one; the latter only shows in error messages, so the state tracks
 * it beside dot and variables rather than wrapping values.
 */
import { formatValue } from "../govalue/print.js";
import { compareGoStrings } from "../govalue/printer.js";
import { isTrue } from "../govalue/truth.js";
import { goTypeName } from "../govalue/typeof.js";
import { GoError, type GoFunc, type GoMap, GoObject, type GoValue, isGoMap } from "../govalue/value.js";
import { isBuiltin } from "./builtins.js";
import { Complex } from "./complex.js";
import { helmValuesMethod, isHelmValues } from "./helm-values.js";
import { goQuote } from "./lex.js";
import {
  type ActionNode,
  type BoolNode,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type ListNode,
  type Node,
  NodeType,
  type NumberNode,
  type PipeNode,
  type StringNode,
  type TemplateNode,
  type TextNode,
  type VariableNode,
} from "./nodes.js";
import type { Tree } from "./parse.js";

export type MissingKey = "default" | "zero" | "error";

/** What the executor needs from a template set (text/template's `common`). */
export interface ExecContext {
  lookup(name: string): Tree | undefined;
  func(name: string): GoFunc | undefined;
  readonly missingKey: MissingKey;
  readonly limits: ExecLimits;
}

export interface ExecLimits {
  /** Go's maxExecDepth for nested {{template}} calls. */
  maxTemplateDepth: number;
  /** Output of one execution, in UTF-16 code units. */
  maxOutput: number;
  /** Nodes walked plus range iterations in one execution: a bound on runaway loops. */
  maxSteps: number;
}

export const DEFAULT_LIMITS: ExecLimits = { maxTemplateDepth: 100000, maxOutput: 100_000_000, maxSteps: 200_000_000 };

/** text/template's ExecError: `message` is Go's err.Error(); `cause` the wrapped error, if any. */
export class ExecError extends Error {
  override name = "ExecError";
  /**
   * Set when the error stands for our JavaScript stack running out (not a limit of Go's): a
   * caller with a larger stack may render the same templates successfully.
   */
  stackExhausted = false;
  constructor(
    message: string,
    readonly templateName: string,
    override readonly cause?: Error,
  ) {
    super(message);
  }
}

/** A function body threw something other than GoError: Go's safeCall turns panics into errors. */
function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

export function isStackOverflow(e: unknown): boolean {
  // No regular expression here: this runs when the stack is already exhausted.
  return e instanceof RangeError && e.message === "Maximum call stack size exceeded";
}

// Parameter kinds, derived once per Go type spelling.
enum PK {
  Iface = 0,
  RValue,
  String,
  Bool,
  Int,
  Uint,
  Float,
  Complex,
  Slice,
  Bytes,
  Map,
  Named,
}

const paramKindCache = new Map<string, PK>();
function paramKind(t: string): PK {
  let k = paramKindCache.get(t);
  if (k !== undefined) return k;
  if (t === "interface {}" || t === "any" || t === "interface{}") k = PK.Iface;
  else if (t === "reflect.Value") k = PK.RValue;
  else if (t === "string") k = PK.String;
  else if (t === "bool") k = PK.Bool;
  else if (/^int(8|16|32|64)?$/.test(t)) k = PK.Int;
  else if (/^(uint(8|16|32|64|ptr)?|byte)$/.test(t)) k = PK.Uint;
  else if (t === "float64" || t === "float32") k = PK.Float;
  else if (t === "complex128" || t === "complex64") k = PK.Complex;
  else if (t === "[]byte" || t === "[]uint8") k = PK.Bytes;
  else if (t.startsWith("[]")) k = PK.Slice;
  else if (t.startsWith("map[") || t === "chartutil.Values" || t === "common.Values") k = PK.Map;
  else k = PK.Named;
  paramKindCache.set(t, k);
  return k;
}

function canBeNil(k: PK, t: string): boolean {
  return k === PK.Iface || k === PK.RValue || k === PK.Slice || k === PK.Bytes || k === PK.Map || t.startsWith("*");
}

/** Sentinel for "no final value" (Go's missingVal). */
const MISSING: unique symbol = Symbol("missing");
type Final = GoValue | typeof MISSING;

class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal();
const CONTINUE = new ContinueSignal();

const utf8 = new TextEncoder();

/** Column as Go counts it: bytes since the start of the line, 0-based. */
export function errorLocation(node: Node): string {
  const text = node.tree.text;
  const pos = node.pos;
  const lastNl = text.lastIndexOf("\n", pos - 1);
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < pos; i = text.indexOf("\n", i + 1)) line++;
  const lineText = text.slice(lastNl + 1, pos);
  const col = utf8.encode(lineText).length;
  return `${node.tree.parseName}:${line}:${col}`;
}

/** The node as ErrorContext quotes it (Go no longer shortens it). */
function errorContext(node: Node): string {
  return node.toString();
}

/** Whether `e` or an error in its `cause` chain is an ExecError raised by stack exhaustion. */
export function causedByStackExhaustion(e: unknown): boolean {
  for (let cur = e, n = 0; cur instanceof Error && n < 100_000; cur = (cur as { cause?: unknown }).cause, n++) {
    if (cur instanceof ExecError && cur.stackExhausted) return true;
  }
  return false;
}

/** Executes template `tree` with data `dot`; returns its output or throws ExecError. */
export function execute(ctx: ExecContext, tree: Tree, data: GoValue): string {
  const s = new State(ctx, tree, data);
  if (tree.root === null) s.errorf(`${goQuote(tree.name)} is an incomplete or empty template`);
  try {
    s.walk(data ?? undefined, tree.root as ListNode);
  } catch (e) {
    // Nested executions (Helm's include) deeper than our stack: end in an error, not a crash.
    if (isStackOverflow(e)) s.stackErrorf("exceeded maximum nesting depth (stack exhausted)");
    throw e;
  }
  return s.out;
}

class State {
  out = "";
  node: Node | null = null;
  /** Variable stack: names, values, and whether the value's static type is interface {}. */
  vnames: string[] = ["$"];
  vvals: GoValue[];
  vifaces: boolean[] = [false];
  depth = 0;
  steps = 0;
  /** Whether dot's static type is interface {}. */
  dotIface = false;
  /** Set by evalField and friends: whether the value just returned has static type interface {}. */
  lastIface = false;

  constructor(
    readonly ctx: ExecContext,
    public tmpl: Tree,
    data: GoValue,
  ) {
    this.vvals = [data ?? undefined];
  }

  // --- errors ------------------------------------------------------------------------------

  errorf(msg: string, cause?: Error): never {
    const name = this.tmpl.name;
    if (this.node === null) throw new ExecError(`template: ${name}: ${msg}`, name, cause);
    throw new ExecError(
      `template: ${errorLocation(this.node)}: executing ${goQuote(name)} at <${errorContext(this.node)}>: ${msg}`,
      name,
      cause,
    );
  }

  /** errorf for a failure caused by our stack running out (see ExecError.stackExhausted). */
  stackErrorf(msg: string): never {
    try {
      this.errorf(msg);
    } catch (e) {
      (e as ExecError).stackExhausted = true;
      throw e;
    }
  }

  at(node: Node): void {
    this.node = node;
  }

  step(): void {
    if (++this.steps > this.ctx.limits.maxSteps) {
      this.errorf(`exceeded maximum execution steps (${this.ctx.limits.maxSteps})`);
    }
  }

  write(s: string): void {
    this.out += s;
    if (this.out.length > this.ctx.limits.maxOutput) {
      this.errorf(`output exceeds ${this.ctx.limits.maxOutput} bytes`);
    }
  }

  // --- variables ---------------------------------------------------------------------------

  push(name: string, value: GoValue, iface: boolean): void {
    this.vnames.push(name);
    this.vvals.push(value);
    this.vifaces.push(iface);
  }

  mark(): number {
    return this.vnames.length;
  }

  pop(mark: number): void {
    this.vnames.length = mark;
    this.vvals.length = mark;
    this.vifaces.length = mark;
  }

  setVar(name: string, value: GoValue, iface: boolean): void {
    for (let i = this.vnames.length - 1; i >= 0; i--) {
      if (this.vnames[i] === name) {
        this.vvals[i] = value;
        this.vifaces[i] = iface;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  setTopVar(n: number, value: GoValue, iface: boolean): void {
    const i = this.vnames.length - n;
    this.vvals[i] = value;
    this.vifaces[i] = iface;
  }

  varValue(name: string): GoValue {
    for (let i = this.vnames.length - 1; i >= 0; i--) {
      if (this.vnames[i] === name) {
        this.lastIface = this.vifaces[i];
        return this.vvals[i];
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // --- walking -----------------------------------------------------------------------------

  walk(dot: GoValue, node: Node): void {
    this.at(node);
    switch (node.type) {
      case NodeType.Action: {
        const pipe = (node as ActionNode).pipe;
        const val = this.evalPipeline(dot, pipe);
        if (pipe.decl.length === 0) {
          this.at(node);
          this.write(formatValue(val));
        }
        return;
      }
      case NodeType.Break:
        throw BREAK;
      case NodeType.Comment:
        return;
      case NodeType.Continue:
        throw CONTINUE;
      case NodeType.If:
      case NodeType.With:
        this.walkIfOrWith(dot, node as BranchNode);
        return;
      case NodeType.List: {
        const nodes = (node as ListNode).nodes;
        for (let i = 0; i < nodes.length; i++) {
          this.step();
          this.walk(dot, nodes[i]);
        }
        return;
      }
      case NodeType.Range:
        this.walkRange(dot, node as BranchNode);
        return;
      case NodeType.Template:
        this.walkTemplate(dot, node as TemplateNode);
        return;
      case NodeType.Text:
        this.write((node as TextNode).text);
        return;
    }
    this.errorf(`unknown node: ${node.toString()}`);
  }

  walkIfOrWith(dot: GoValue, node: BranchNode): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) {
        if (node.type === NodeType.With) {
          const saved = this.dotIface;
          this.dotIface = false;
          try {
            this.walk(val, node.list);
          } finally {
            this.dotIface = saved;
          }
        } else {
          this.walk(dot, node.list);
        }
      } else if (node.elseList !== null) {
        this.walk(dot, node.elseList);
      }
    } finally {
      this.pop(mark);
    }
  }

  walkRange(dot: GoValue, r: BranchNode): void {
    this.at(r);
    const outerMark = this.mark();
    const savedIface = this.dotIface;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const decl = r.pipe.decl;
      const one = (index: GoValue, elem: GoValue, elemIface: boolean): boolean => {
        this.step();
        if (decl.length > 0) {
          if (r.pipe.isAssign) {
            if (decl.length > 1) this.setVar(decl[0].ident[0], index, false);
            else this.setVar(decl[0].ident[0], elem, elemIface);
          } else {
            this.setTopVar(1, elem, elemIface);
          }
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem, elemIface);
          else this.setTopVar(2, index, false);
        }
        this.dotIface = elemIface;
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e === CONTINUE) return true;
          if (e === BREAK) return false;
          throw e;
        } finally {
          this.pop(mark);
        }
        return true;
      };
      let ran = false;
      if (Array.isArray(val) || val instanceof Uint8Array) {
        ran = val.length > 0;
        const isBytes = val instanceof Uint8Array;
        for (let i = 0; i < val.length; i++) {
          const e = isBytes ? BigInt((val as Uint8Array)[i]) : (val as GoValue[])[i];
          if (!one(BigInt(i), e, !isBytes)) break;
        }
      } else if (typeof val === "bigint") {
        if (decl.length > 1) {
          this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
        }
        for (let i = 0n; i < val; i++) {
          ran = true;
          if (!one(i, i, false)) break;
        }
      } else if (val instanceof GoObject && (val.asList() !== undefined || val.asMap() !== undefined)) {
        const list = val.asList();
        if (list !== undefined) {
          ran = list.length > 0;
          for (let i = 0; i < list.length; i++) if (!one(BigInt(i), list[i], false)) break;
        } else {
          const m = val.asMap() as GoMap;
          ran = this.rangeMap(m, one);
        }
      } else if (val !== undefined && val !== null && isGoMap(val)) {
        ran = this.rangeMap(val, one);
      } else if (val !== undefined && val !== null) {
        this.errorf(`range can't iterate over ${formatValue(val)}`);
      }
      if (!ran && r.elseList !== null) {
        this.dotIface = savedIface;
        this.walk(dot, r.elseList);
      }
    } finally {
      this.dotIface = savedIface;
      this.pop(outerMark);
    }
  }

  rangeMap(m: GoMap, one: (k: GoValue, v: GoValue, iface: boolean) => boolean): boolean {
    const keys = Object.keys(m);
    if (keys.length === 0) return false;
    keys.sort(compareGoStrings);
    for (const k of keys) if (!one(k, m[k], true)) break;
    return true;
  }

  walkTemplate(dot: GoValue, t: TemplateNode): void {
    this.at(t);
    const tmpl = this.ctx.lookup(t.name);
    if (tmpl === undefined || tmpl.root === null) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= this.ctx.limits.maxTemplateDepth) {
      this.errorf(`exceeded maximum template depth (${this.ctx.limits.maxTemplateDepth})`);
    }
    const newDot = this.evalPipeline(dot, t.pipe);
    const saved = {
      tmpl: this.tmpl,
      vnames: this.vnames,
      vvals: this.vvals,
      vifaces: this.vifaces,
      dotIface: this.dotIface,
    };
    this.depth++;
    this.tmpl = tmpl;
    this.vnames = ["$"];
    this.vvals = [newDot];
    this.vifaces = [false];
    this.dotIface = false;
    try {
      this.walk(newDot, tmpl.root as ListNode);
    } catch (e) {
      if (isStackOverflow(e)) {
        // Go would go on to its depth limit; we run out of stack first. Report Go's error.
        this.tmpl = saved.tmpl;
        this.at(t);
        this.stackErrorf(`exceeded maximum template depth (${this.ctx.limits.maxTemplateDepth})`);
      }
      throw e;
    } finally {
      this.depth--;
      this.tmpl = saved.tmpl;
      this.vnames = saved.vnames;
      this.vvals = saved.vvals;
      this.vifaces = saved.vifaces;
      this.dotIface = saved.dotIface;
    }
  }

  // --- evaluation --------------------------------------------------------------------------

  evalPipeline(dot: GoValue, pipe: PipeNode | null): GoValue {
    if (pipe === null) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    const cmds = pipe.cmds;
    for (let i = 0; i < cmds.length; i++) {
      value = this.evalCommand(dot, cmds[i], value);
      // A nil interface{} result becomes no value at all (reflect.ValueOf(nil)).
      if (value === null) value = undefined;
    }
    const v = value as GoValue;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0], v, false);
      else this.push(variable.ident[0], v, false);
    }
    return v;
  }

  notAFunction(args: Node[] | null, final: Final): void {
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${(args as Node[])[0].toString()}`);
    }
  }

  evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
    const first = cmd.args[0];
    switch (first.type) {
      case NodeType.Field:
        return this.evalFieldNode(dot, first as FieldNode, cmd.args, final);
      case NodeType.Chain:
        return this.evalChainNode(dot, first as ChainNode, cmd.args, final);
      case NodeType.Identifier:
        return this.evalFunction(dot, first as IdentifierNode, cmd, cmd.args, final);
      case NodeType.Pipe:
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first as PipeNode);
      case NodeType.Variable:
        return this.evalVariableNode(dot, first as VariableNode, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case NodeType.Bool:
        return (first as BoolNode).value;
      case NodeType.Dot:
        return dot;
      case NodeType.Nil:
        this.errorf("nil is not a command");
        break;
      case NodeType.Number:
        return this.idealConstant(first as NumberNode);
      case NodeType.String:
        return (first as StringNode).text;
    }
    this.errorf(`can't evaluate command ${goQuote(first.toString())}`);
  }

  idealConstant(c: NumberNode): GoValue {
    this.at(c);
    if (c.isComplex) return new Complex(c.complex[0], c.complex[1]);
    const t = c.text;
    const isHexInt = t.length > 2 && t[0] === "0" && (t[1] === "x" || t[1] === "X") && !/[pP]/.test(t);
    const isRune = t[0] === "'";
    if (c.isFloat && !isHexInt && !isRune && /[.eEpP]/.test(t)) return c.float64;
    if (c.isInt) return c.int64;
    if (c.isUint) this.errorf(`${t} overflows int`);
    return undefined;
  }

  evalFieldNode(dot: GoValue, field: FieldNode, args: Node[], final: Final): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, dot, this.dotIface, field, field.ident, 0, args, final);
  }

  evalChainNode(dot: GoValue, chain: ChainNode, args: Node[] | null, final: Final): GoValue {
    this.at(chain);
    if (chain.field.length === 0) this.errorf("internal error: no fields in evalChainNode");
    if (chain.node.type === NodeType.Nil) this.errorf(`indirection through explicit nil in ${chain.toString()}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, this.lastIface, chain, chain.field, 0, args, final);
  }

  evalVariableNode(dot: GoValue, v: VariableNode, args: Node[] | null, final: Final): GoValue {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, this.lastIface, v, v.ident, 1, args, final);
  }

  evalFieldChain(
    dot: GoValue,
    receiver: GoValue,
    iface: boolean,
    node: Node,
    ident: string[],
    from: number,
    args: Node[] | null,
    final: Final,
  ): GoValue {
    const n = ident.length;
    for (let i = from; i < n - 1; i++) {
      receiver = this.evalField(dot, ident[i], node, null, MISSING, receiver, iface);
      iface = this.lastIface;
    }
    return this.evalField(dot, ident[n - 1], node, args, final, receiver, iface);
  }

  evalField(
    dot: GoValue,
    fieldName: string,
    node: Node,
    args: Node[] | null,
    final: Final,
    receiver: GoValue,
    iface: boolean,
  ): GoValue {
    if (receiver === undefined) {
      if (this.ctx.missingKey === "error") this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      this.lastIface = false;
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (receiver instanceof GoObject) {
      const method = receiver.method(fieldName);
      if (method !== undefined) {
        const v = this.evalCall(dot, method, false, node, fieldName, args, final);
        this.lastIface = false;
        return v;
      }
      if (receiver.hasField(fieldName)) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        this.lastIface = false;
        return receiver.field(fieldName);
      }
      const m = receiver.asMap();
      if (m !== undefined) return this.mapField(m, fieldName, hasArgs);
    } else if (isGoMap(receiver)) {
      const method = isHelmValues(receiver) ? helmValuesMethod(receiver, fieldName) : undefined;
      if (method !== undefined) {
        const v = this.evalCall(dot, method, false, node, fieldName, args, final);
        this.lastIface = false;
        return v;
      }
      return this.mapField(receiver, fieldName, hasArgs);
    }
    const typ = iface ? "interface {}" : goTypeName(receiver);
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  mapField(m: GoMap, fieldName: string, hasArgs: boolean): GoValue {
    if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
    this.lastIface = true;
    if (Object.hasOwn(m, fieldName)) return m[fieldName];
    switch (this.ctx.missingKey) {
      case "zero":
        return null;
      case "error":
        this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
    }
    return undefined;
  }

  evalFunction(dot: GoValue, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Final): GoValue {
    this.at(node);
    const name = node.ident;
    const fn = this.ctx.func(name);
    if (fn === undefined) this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, fn, isBuiltin(fn), cmd, name, args, final);
  }

  evalCall(
    dot: GoValue,
    fn: GoFunc,
    builtin: boolean,
    node: Node,
    name: string,
    allArgs: Node[] | null,
    final: Final,
  ): GoValue {
    const nargs = allArgs === null ? 0 : allArgs.length - 1;
    const params = fn.params;
    const variadic = fn.variadic;
    const numParams = params.length + (variadic !== undefined ? 1 : 0);
    const numIn = nargs + (final !== MISSING ? 1 : 0);
    let numFixed = nargs;
    if (variadic !== undefined) {
      numFixed = params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${nargs}`);
    } else if (numIn !== numParams) {
      this.errorf(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);
    }

    if (builtin && (name === "and" || name === "or")) {
      const isOr = name === "or";
      let v: GoValue;
      for (let i = 1; i <= nargs; i++) {
        v = this.evalArg(dot, "reflect.Value", (allArgs as Node[])[i]);
        if (isTrue(v ?? undefined) === isOr) return v;
      }
      if (final !== MISSING) v = this.validateType(final, "reflect.Value");
      return v;
    }

    const argv: GoValue[] = new Array(numIn);
    let i = 0;
    for (; i < numFixed && i < nargs; i++) argv[i] = this.evalArg(dot, params[i], (allArgs as Node[])[i + 1]);
    if (variadic !== undefined) {
      for (; i < nargs; i++) argv[i] = this.evalArg(dot, variadic, (allArgs as Node[])[i + 1]);
    }
    if (final !== MISSING) {
      let t: string;
      if (variadic !== undefined) t = numIn - 1 < numFixed ? params[numIn - 1] : variadic;
      else t = params[params.length - 1];
      argv[i] = this.validateType(final, t);
    }
    if (builtin && name === "call") {
      const callee = nargs === 0 ? formatValue(final as GoValue) : (allArgs as Node[])[1].toString();
      argv.unshift(callee);
    }
    try {
      return fn.fn(...argv);
    } catch (e) {
      if (isStackOverflow(e)) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${errorMessage(e)}`, e instanceof Error ? e : undefined);
    }
  }

  /** evalArg: an argument node evaluated for a parameter of Go type `typ` (null: any). */
  evalArg(dot: GoValue, typ: string | null, n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case NodeType.Dot:
        this.lastIface = this.dotIface;
        return this.validateType(dot, typ);
      case NodeType.Nil: {
        if (typ === null) this.errorf("cannot assign nil to <nil>");
        const k = paramKind(typ);
        if (canBeNil(k, typ)) return k === PK.RValue ? undefined : null;
        this.errorf(`cannot assign nil to ${typ}`);
        break;
      }
      case NodeType.Field:
        return this.validateType(this.evalFieldNode(dot, n as FieldNode, [n], MISSING), typ);
      // As Go: no argument list at all (a method reached here gets zero arguments).
      case NodeType.Variable:
        return this.validateType(this.evalVariableNode(dot, n as VariableNode, null, MISSING), typ);
      case NodeType.Pipe: {
        const v = this.evalPipeline(dot, n as PipeNode);
        this.lastIface = false;
        return this.validateType(v, typ);
      }
      case NodeType.Identifier: {
        const v = this.evalFunction(dot, n as IdentifierNode, n, null, MISSING);
        this.lastIface = false;
        return this.validateType(v, typ);
      }
      case NodeType.Chain:
        return this.validateType(this.evalChainNode(dot, n as ChainNode, null, MISSING), typ);
    }
    this.lastIface = false;
    if (typ === null) this.errorf(`can't handle ${n.toString()} for arg of type <nil>`);
    switch (paramKind(typ)) {
      case PK.Bool:
        if (n.type === NodeType.Bool) return (n as BoolNode).value;
        this.errorf(`expected bool; found ${n.toString()}`);
        break;
      case PK.Complex:
        if (n.type === NodeType.Number && (n as NumberNode).isComplex) {
          const c = (n as NumberNode).complex;
          return new Complex(c[0], c[1]);
        }
        this.errorf(`expected complex; found ${n.toString()}`);
        break;
      case PK.Float:
        if (n.type === NodeType.Number && (n as NumberNode).isFloat) return (n as NumberNode).float64;
        this.errorf(`expected float; found ${n.toString()}`);
        break;
      case PK.Int:
        if (n.type === NodeType.Number && (n as NumberNode).isInt) return (n as NumberNode).int64;
        this.errorf(`expected integer; found ${n.toString()}`);
        break;
      case PK.Uint:
        if (n.type === NodeType.Number && (n as NumberNode).isUint) return (n as NumberNode).uint64;
        this.errorf(`expected unsigned integer; found ${n.toString()}`);
        break;
      case PK.String:
        if (n.type === NodeType.String) return (n as StringNode).text;
        this.errorf(`expected string; found ${n.toString()}`);
        break;
      case PK.Iface:
      case PK.RValue:
        return this.evalEmptyInterface(n);
    }
    this.errorf(`can't handle ${n.toString()} for arg of type ${typ}`);
  }

  evalEmptyInterface(n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case NodeType.Bool:
        return (n as BoolNode).value;
      case NodeType.Number:
        return this.idealConstant(n as NumberNode);
      case NodeType.String:
        return (n as StringNode).text;
    }
    this.errorf(`can't handle assignment of ${n.toString()} to empty interface argument`);
  }

  /** validateType: Go's assignability of an evaluated value to a parameter type. */
  validateType(value: Final, typ: string | null): GoValue {
    if (value === MISSING) value = undefined;
    if (typ === null) return value;
    const k = paramKind(typ);
    if (value === undefined) {
      if (canBeNil(k, typ)) return k === PK.RValue ? undefined : null;
      this.errorf(`invalid value; expected ${typ}`);
    }
    switch (k) {
      case PK.RValue:
        return value;
      case PK.Iface:
        return value;
    }
    if (value === null) this.errorf(`wrong type for value; expected ${typ}; got interface {}`);
    switch (k) {
      case PK.String:
        if (typeof value === "string") return value;
        break;
      case PK.Bool:
        if (typeof value === "boolean") return value;
        break;
      case PK.Int:
        if (typeof value === "bigint") return value;
        break;
      case PK.Float:
        if (typeof value === "number") return value;
        break;
      case PK.Complex:
        if (value instanceof Complex) return value;
        break;
      case PK.Bytes:
        if (value instanceof Uint8Array) return value;
        break;
      case PK.Slice:
        if (Array.isArray(value)) return value;
        if (value instanceof GoObject && value.asList() !== undefined) return value;
        break;
      case PK.Map:
        if (isGoMap(value)) return value;
        if (value instanceof GoObject && value.asMap() !== undefined) return value;
        break;
      case PK.Named:
        if (value instanceof GoObject && value.goType === typ) return value;
        break;
    }
    this.errorf(`wrong type for value; expected ${typ}; got ${goTypeName(value)}`);
  }
}

export { GoError };
