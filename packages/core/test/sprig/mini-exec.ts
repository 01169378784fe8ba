/**
 * A stand-in executor for the Sprig fixture cases until `engine/` exports one: it runs the
 * single-line templates the cases use (pipelines, literals, fields, variables, parentheses)
 * with Go's argument conversions for the parameter types Sprig declares. It reports errors as
 * their message tail (`error calling NAME: ...`, `wrong type for value; ...`), which the test
 * compares with the part of Go's error after `at <...>: `.
 */
import { sprintf } from "../../src/govalue/fmt.js";
import { formatValue, sprint } from "../../src/govalue/print.js";
import { goTypeName } from "../../src/govalue/typeof.js";
import { GoError, type GoFunc, GoObject, type GoValue, isGoMap } from "../../src/govalue/value.js";

export class ExecError extends Error {}

type Tok =
  | { k: "str"; v: string }
  | { k: "int"; v: bigint }
  | { k: "float"; v: number }
  | { k: "bool"; v: boolean }
  | { k: "nil" }
  | { k: "ident"; v: string }
  | { k: "field"; v: string[] }
  | { k: "var"; v: string; fields: string[] }
  | { k: "punct"; v: "(" | ")" | "|" | ":=" | "=" };

function unquoteGo(s: string): string {
  // Go and JSON share the escapes the cases use (\n \t \" \\ \uXXXX); \x is converted first.
  return JSON.parse(s.replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1"));
}

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^"(?:[^"\\]|\\.)*"/.exec(rest))) {
      toks.push({ k: "str", v: unquoteGo(m[0]) });
    } else if ((m = /^`[^`]*`/.exec(rest))) {
      toks.push({ k: "str", v: m[0].slice(1, -1) });
    } else if ((m = /^:=/.exec(rest)) || (m = /^[()|=]/.exec(rest))) {
      toks.push({ k: "punct", v: m[0] as "(" });
    } else if ((m = /^[-+]?(?:0[xX][0-9a-fA-F]+|\d+)(?![.\deE])/.exec(rest))) {
      toks.push({ k: "int", v: BigInt(m[0].replace(/^\+/, "")) });
    } else if ((m = /^[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(rest))) {
      toks.push({ k: "float", v: Number(m[0]) });
    } else if ((m = /^\$[A-Za-z0-9_]*((?:\.[A-Za-z0-9_]+)*)/.exec(rest))) {
      const name = m[0].slice(0, m[0].length - m[1].length);
      toks.push({ k: "var", v: name, fields: m[1] ? m[1].slice(1).split(".") : [] });
    } else if ((m = /^(?:\.[A-Za-z0-9_]+)+|^\./.exec(rest))) {
      toks.push({ k: "field", v: m[0] === "." ? [] : m[0].slice(1).split(".") });
    } else if ((m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) {
      if (m[0] === "true" || m[0] === "false") toks.push({ k: "bool", v: m[0] === "true" });
      else if (m[0] === "nil") toks.push({ k: "nil" });
      else toks.push({ k: "ident", v: m[0] });
    } else {
      throw new ExecError(`mini-exec: cannot lex ${JSON.stringify(rest)}`);
    }
    i += m[0].length;
  }
  return toks;
}

interface Scope {
  dot: GoValue;
  vars: Map<string, GoValue>;
  funcs: Record<string, GoFunc>;
}

function field(v: GoValue, names: string[]): GoValue {
  let cur = v;
  for (const n of names) {
    if (cur === undefined || cur === null) throw new ExecError(`nil pointer evaluating interface {}.${n}`);
    if (cur instanceof GoObject) {
      const m = cur.method(n);
      cur = m ? m.fn() : cur.field(n);
    } else if (isGoMap(cur)) cur = Object.hasOwn(cur, n) ? cur[n] : undefined;
    else throw new ExecError(`can't evaluate field ${n} in type ${goTypeName(cur)}`);
  }
  return cur;
}

/** A value produced by a literal keeps its untyped-constant nature for conversion. */
interface Arg {
  v: GoValue;
  literal?: "int" | "float" | "nil" | "string" | "bool";
  text?: string;
}

/** Go checks a constant argument against the parameter type when it evaluates it. */
function literalError(a: Arg, t: string): ExecError | undefined {
  const text = a.text ?? "";
  switch (t) {
    case "string":
      return a.literal === "string" ? undefined : new ExecError(`expected string; found ${text}`);
    case "bool":
      return a.literal === "bool" ? undefined : new ExecError(`expected bool; found ${text}`);
    case "int":
    case "int64":
    case "uint32":
      return a.literal === "int" ? undefined : new ExecError(`expected integer; found ${text}`);
    case "float64":
      return a.literal === "int" || a.literal === "float" ? undefined : new ExecError(`expected float; found ${text}`);
  }
  return new ExecError(`can't handle ${text} for arg of type ${t}`);
}

function convert(a: Arg, t: string): GoValue {
  const v = a.v;
  if (t === "interface {}") return v === undefined ? null : v;
  if (a.literal === "nil") throw new ExecError(`cannot assign nil to ${t}`);
  if (a.literal !== undefined) {
    const e = literalError(a, t);
    if (e) throw e;
  }
  const got = goTypeName(v === undefined ? null : v);
  const wrong = () => new ExecError(`wrong type for value; expected ${t}; got ${got}`);
  switch (t) {
    case "string":
      if (typeof v === "string") return v;
      throw wrong();
    case "bool":
      if (typeof v === "boolean") return v;
      throw wrong();
    case "int":
    case "int64":
    case "uint32":
      if (typeof v === "bigint") return v;
      if (a.literal === "float") throw new ExecError(`expected integer; found ${formatValue(v)}`);
      throw wrong();
    case "float64":
      if (typeof v === "number") return v;
      if (a.literal === "int") return Number(v);
      throw wrong();
  }
  if (t.startsWith("map[")) {
    if (v === undefined || v === null) return null;
    if (isGoMap(v)) return v;
    if (v instanceof GoObject && v.asMap()) return v.asMap() as GoValue;
    throw wrong();
  }
  if (t.startsWith("[]")) {
    if (v === undefined || v === null) return null;
    if (Array.isArray(v)) return v;
    throw wrong();
  }
  if (v instanceof GoObject && v.goType === t) return v;
  throw wrong();
}

function call(name: string, f: GoFunc, args: Arg[]): GoValue {
  const fixed = f.params.length;
  if (f.variadic === undefined ? args.length !== fixed : args.length < fixed) {
    throw new ExecError(
      `wrong number of args for ${name}: want ${f.variadic === undefined ? "" : "at least "}${fixed} got ${args.length}`,
    );
  }
  const conv = args.map((a, i) => convert(a, i < fixed ? f.params[i] : (f.variadic as string)));
  try {
    return f.fn(...conv);
  } catch (e) {
    if (e instanceof GoError) throw new ExecError(`error calling ${name}: ${e.message}`);
    throw e;
  }
}

const builtins: Record<string, GoFunc> = {
  len: {
    params: ["interface {}"],
    fn: (v) =>
      BigInt(
        typeof v === "string"
          ? Buffer.byteLength(v)
          : Array.isArray(v)
            ? v.length
            : isGoMap(v)
              ? Object.keys(v).length
              : 0,
      ),
  },
  index: {
    params: ["interface {}"],
    variadic: "interface {}",
    fn: (v, ...ks) => {
      let cur = v;
      for (const k of ks) cur = Array.isArray(cur) ? cur[Number(k)] : isGoMap(cur) ? cur[k as string] : undefined;
      return cur ?? null;
    },
  },
  print: { params: [], variadic: "interface {}", fn: (...xs) => sprint(...xs) },
  printf: { params: ["string"], variadic: "interface {}", fn: (f, ...xs) => sprintf(f as string, xs) },
  not: { params: ["interface {}"], fn: (v) => !v },
};

class Parser {
  i = 0;
  constructor(
    readonly toks: Tok[],
    private readonly scope: Scope,
  ) {}

  peek(): Tok | undefined {
    return this.toks[this.i];
  }

  pipeline(): GoValue {
    const t0 = this.toks[this.i];
    const t1 = this.toks[this.i + 1];
    if (t0?.k === "var" && t1?.k === "punct" && (t1.v === ":=" || t1.v === "=")) {
      this.i += 2;
      this.scope.vars.set(t0.v, this.pipeline());
      return undefined;
    }
    let prev: Arg | undefined;
    for (;;) {
      prev = this.command(prev);
      const t = this.peek();
      if (t?.k === "punct" && t.v === "|") {
        this.i++;
        continue;
      }
      return prev.v;
    }
  }

  command(piped?: Arg): Arg {
    const t = this.peek();
    if (t?.k === "ident") {
      this.i++;
      const f = this.scope.funcs[t.v] ?? builtins[t.v];
      if (!f) throw new ExecError(`function "${t.v}" not defined`);
      const args: Arg[] = [];
      for (;;) {
        const n = this.peek();
        if (n === undefined || (n.k === "punct" && (n.v === "|" || n.v === ")"))) break;
        args.push(this.operand());
      }
      if (piped) args.push(piped);
      return { v: call(t.v, f, args) };
    }
    const a = this.operand();
    if (piped) throw new ExecError("can't give argument to non-function");
    return a;
  }

  operand(): Arg {
    const t = this.toks[this.i++];
    switch (t?.k) {
      case "str":
        return { v: t.v, literal: "string", text: JSON.stringify(t.v) };
      case "int":
        return { v: t.v, literal: "int", text: String(t.v) };
      case "float":
        return { v: t.v, literal: "float", text: String(t.v) };
      case "bool":
        return { v: t.v, literal: "bool", text: String(t.v) };
      case "nil":
        return { v: null, literal: "nil" };
      case "field":
        return { v: field(this.scope.dot, t.v) };
      case "var": {
        if (!this.scope.vars.has(t.v)) throw new ExecError(`undefined variable: ${t.v}`);
        return { v: field(this.scope.vars.get(t.v), t.fields) };
      }
      case "ident": {
        this.i--;
        return this.command();
      }
      case "punct":
        if (t.v === "(") {
          const v = this.pipeline();
          const close = this.toks[this.i++];
          if (close?.k !== "punct" || close.v !== ")") throw new ExecError("mini-exec: unclosed (");
          return { v };
        }
    }
    throw new ExecError("mini-exec: unexpected token");
  }
}

/** Runs a template like Helm (missingkey=zero, `<no value>` removed). */
export function miniExec(template: string, data: GoValue, funcs: Record<string, GoFunc>): string {
  const scope: Scope = { dot: data, vars: new Map([["$", data]]), funcs };
  let out = "";
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf("{{");
    if (open < 0) {
      out += rest;
      break;
    }
    let text = rest.slice(0, open);
    let body = rest.slice(open + 2);
    if (body.startsWith("- ")) {
      text = text.replace(/\s+$/, "");
      body = body.slice(2);
    }
    const close = body.indexOf("}}");
    if (close < 0) throw new ExecError("mini-exec: unclosed action");
    let action = body.slice(0, close);
    rest = body.slice(close + 2);
    if (action.endsWith(" -")) {
      action = action.slice(0, -2);
      rest = rest.replace(/^\s+/, "");
    }
    out += text;
    if (/^\s*\/\*/.test(action)) continue;
    const p = new Parser(lex(action), scope);
    const isDecl = /^\s*\$[A-Za-z0-9_]*\s*:?=/.test(action);
    const v = p.pipeline();
    if (p.i !== p.toks.length) throw new ExecError("mini-exec: trailing tokens");
    if (!isDecl) out += v === undefined || v === null ? "<no value>" : formatValue(v);
  }
  return out.replaceAll("<no value>", "");
}
