/**
 * Helm's engine (pkg/engine/engine.go, Helm 4.1.4): the template-set-bound functions `include`,
 * `tpl`, `required` and `fail`, and `renderTemplates`, which parses every template of a chart
 * tree into one set in Helm's order, executes the non-partials, strips `<no value>`, and turns
 * failures into exactly the message `helm template` prints after `Error: `.
 */
import { compareGoStrings } from "../govalue/printer.js";
import { GoError, type GoFunc, type GoMap, type GoValue, newGoMap } from "../govalue/value.js";
import { causedByStackExhaustion, ExecError, type ExecLimits, isStackOverflow } from "./exec.js";
import { helmFuncMap } from "./funcmap.js";
import { goQuote } from "./lex.js";
import { ParseError, type Tree } from "./parse.js";
import { TemplateSet } from "./template.js";

/** A template to render: Helm's `renderable`. */
export interface Renderable {
  /** Full name, e.g. `mychart/templates/deployment.yaml` or `mychart/charts/sub/templates/x.yaml`. */
  name: string;
  text: string;
  /** The top-level data: Values, Release, Chart, Capabilities, Files, Subcharts. */
  vals: GoMap;
  /** `mychart/templates`: becomes `.Template.BasePath`. */
  basePath: string;
}

export interface RenderOptions {
  /** `--strict`: missingkey=error instead of zero. */
  strict?: boolean;
  limits?: Partial<ExecLimits>;
}

/** Helm's limit on nested `include`s of one name. */
const RECURSION_MAX_NUMS = 1000;
const WARN_START = "HELM_ERR_START";
const WARN_END = "HELM_ERR_END";
const WARN_RE = /HELM_ERR_START([\s\S]*)HELM_ERR_END/;

/** A rendering failure; `message` is what `helm template` prints after `Error: `. */
export class RenderError extends Error {
  override name = "RenderError";
  /**
   * The failure came from our JavaScript stack running out, not from a limit Helm has: the
   * same render on a larger stack (render/large-stack.ts) may succeed or fail like Helm.
   */
  constructor(
    message: string,
    readonly stackExhausted = false,
  ) {
    super(message);
  }
}

function warnWrap(s: string): string {
  return `${WARN_START}${s}${WARN_END}`;
}

/** A template set with Helm's functions bound to it: the engine's `gotpl` root. */
export function newHelmTemplateSet(opts: RenderOptions = {}): TemplateSet {
  const set = new TemplateSet("gotpl", helmFuncMap(), {
    missingKey: opts.strict ? "error" : "zero",
    limits: opts.limits,
  });
  bindHelmFuncs(set, new Map(), opts.strict === true);
  return set;
}

/** (Re)binds include/tpl/required/fail to `set`, sharing the include nesting counts. */
function bindHelmFuncs(set: TemplateSet, includedNames: Map<string, number>, strict: boolean): void {
  const include: GoFunc = {
    params: ["string", "interface {}"],
    fn: (name, data) => {
      const n = name as string;
      const v = includedNames.get(n);
      if (v !== undefined) {
        if (v > RECURSION_MAX_NUMS) {
          throw new GoError(`rendering template has a nested reference name: ${n}: unable to execute template`);
        }
        includedNames.set(n, v + 1);
      } else {
        includedNames.set(n, 1);
      }
      try {
        return set.execute(n, data);
      } finally {
        includedNames.set(n, (includedNames.get(n) ?? 1) - 1);
      }
    },
  };
  const tpl: GoFunc = {
    params: ["string", "interface {}"],
    fn: (text, vals) => {
      const src = text as string;
      const t = set.clone();
      // Go loses the missingkey option on Clone; Helm re-applies it.
      t.missingKey = strict ? "error" : "zero";
      bindHelmFuncs(t, includedNames, strict);
      // Helm runs t.New("gotpl").Parse(src).Execute: the freshly parsed tree, even when it is
      // empty and the set keeps the enclosing tpl's non-empty "gotpl" (else `tpl ""` inside a
      // tpl would re-run the outer text forever).
      let tree: Tree | undefined;
      try {
        tree = t.parse(t.name, src);
      } catch (e) {
        if (e instanceof ParseError) throw wrapped(`cannot parse template ${goQuote(src)}`, e);
        throw e;
      }
      let out: string;
      try {
        out = tree === undefined ? t.execute(t.name, vals) : t.executeTree(tree, vals);
      } catch (e) {
        if (isStackOverflow(e) || !(e instanceof Error)) throw e;
        throw wrapped(`error during tpl function execution for ${goQuote(src)}`, e);
      }
      return out.replaceAll("<no value>", "");
    },
  };
  const required: GoFunc = {
    params: ["string", "interface {}"],
    fn: (warn, val) => {
      if (val === null || val === undefined || val === "") throw new GoError(warnWrap(warn as string));
      return val;
    },
  };
  const fail: GoFunc = {
    params: ["string"],
    fn: (msg) => {
      throw new GoError(warnWrap(msg as string));
    },
  };
  set.addFuncs({ include, tpl, required, fail });
}

function wrapped(prefix: string, cause: Error): GoError {
  const e = new GoError(`${prefix}: ${cause.message}`);
  (e as { cause?: unknown }).cause = cause;
  return e;
}

/** sortTemplates: deeper paths first, then reverse lexical order. */
export function sortTemplates(names: readonly string[]): string[] {
  const depth = (s: string) => s.split("/").length - 1;
  return [...names].sort((a, b) => {
    const da = depth(a);
    const db = depth(b);
    if (da !== db) return db - da;
    return compareGoStrings(b, a);
  });
}

/** cleanupParseError: `parse error at (FILE:LINE): LAST PART`. */
export function helmParseErrorMessage(filename: string, message: string): string {
  const tokens = message.split(": ");
  if (tokens.length === 1) return `parse error in (${filename}): ${message}`;
  return `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
}

interface Traceable {
  location: string;
  executing: string;
  message: string;
  full: string;
}

/** One `template: ...` error text split into its parts, or undefined if it is not one. */
function parseTemplateError(s: string): Traceable | undefined {
  const prefix = "template: ";
  if (!s.startsWith(prefix)) return undefined;
  const rest = s.slice(prefix.length);
  if (rest.startsWith("no template ")) return { location: "", executing: "", message: s, full: s };
  const i = rest.indexOf(": ");
  if (i < 0) return undefined;
  const location = rest.slice(0, i);
  const after = rest.slice(i + 2);
  if (after.startsWith('executing "')) {
    const j = after.indexOf(">: ");
    if (j < 0) return undefined;
    return { location, executing: after.slice(0, j + 2), message: after.slice(j + 3), full: s };
  }
  return { location, executing: "", message: after, full: s };
}

/**
 * Helm 4's rewriting of an execution error: `required`/`fail` messages become
 * `execution error at (LOCATION): MESSAGE`; a chain of template errors (through `include`)
 * becomes one block per template; anything else stays Go's text.
 */
export function helmExecErrorMessage(filename: string, err: Error): string {
  if (!(err instanceof ExecError)) return err.message;
  const msg = err.message;
  const tokens = splitN(msg, ": ", 3);
  if (tokens.length !== 3) return `execution error in (${filename}): ${msg}`;
  const m = WARN_RE.exec(tokens[2]);
  if (m !== null) return `execution error at (${tokens[1]}): ${m[1]}`;
  // The innermost cause decides first, without reading the messages above it: a runaway
  // include ends in Helm's non-template "nested reference" error, and each of its thousands
  // of wrapping messages holds all the ones below.
  let innermost: Error = err;
  for (let cur: unknown = err; cur instanceof Error; cur = (cur as { cause?: unknown }).cause) innermost = cur;
  if (parseTemplateError(innermost.message) === undefined) return msg;
  const chain: Traceable[] = [];
  for (let cur: unknown = err; cur instanceof Error; cur = (cur as { cause?: unknown }).cause) {
    const t = parseTemplateError(cur.message);
    if (t === undefined) return msg;
    const last = chain[chain.length - 1];
    if (last === undefined || last.full !== t.full) chain.push(t);
  }
  for (let i = 0; i < chain.length - 1; i++) {
    const inner = chain[i + 1].full;
    if (chain[i].message.endsWith(inner)) chain[i].message = chain[i].message.slice(0, -inner.length);
  }
  let out = "";
  for (const t of chain) {
    if (t.location !== "") out += `${t.location}\n  `;
    if (t.executing !== "") out += `${t.executing}\n    `;
    if (t.message !== "") out += `${t.message.trimEnd()}\n`;
  }
  return out.trim();
}

function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

/**
 * Helm's Render over prepared templates: returns each rendered non-partial by name, or throws
 * RenderError with Helm's message. Sets `.Template` on each template's `vals`, as Helm does.
 */
export function renderTemplates(templates: readonly Renderable[], opts: RenderOptions = {}): Map<string, string> {
  const set = newHelmTemplateSet(opts);
  const byName = new Map<string, Renderable>();
  for (const t of templates) byName.set(t.name, t);
  const keys = sortTemplates([...byName.keys()]);
  for (const name of keys) {
    try {
      set.parse(name, (byName.get(name) as Renderable).text);
    } catch (e) {
      if (e instanceof ParseError) throw new RenderError(helmParseErrorMessage(name, e.message));
      throw e;
    }
  }
  const rendered = new Map<string, string>();
  for (const name of keys) {
    const base = name.slice(name.lastIndexOf("/") + 1);
    if (base.startsWith("_")) continue;
    const r = byName.get(name) as Renderable;
    r.vals.Template = newGoMap([
      ["Name", name],
      ["BasePath", r.basePath],
    ]);
    let out: string;
    try {
      out = set.execute(name, r.vals as GoValue);
    } catch (e) {
      if (e instanceof ExecError) throw new RenderError(helmExecErrorMessage(name, e), causedByStackExhaustion(e));
      if (isStackOverflow(e)) {
        throw new RenderError(`rendering template failed: ${name}: template nesting too deep`, true);
      }
      if (e instanceof Error) throw new RenderError(`rendering template failed: ${e.message}`);
      throw e;
    }
    rendered.set(name, out.replaceAll("<no value>", ""));
  }
  return rendered;
}
