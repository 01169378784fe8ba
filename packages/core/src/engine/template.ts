/**
 * A set of templates sharing names, functions and options (text/template's Template and its
 * `common`): parse files into it, look templates up by name, execute them.
 */
import type { GoFunc, GoValue } from "../govalue/value.js";
import { builtins } from "./builtins.js";
import { DEFAULT_LIMITS, type ExecContext, type ExecLimits, execute, type MissingKey } from "./exec.js";
import { goQuote } from "./lex.js";
import { isEmptyTree } from "./nodes.js";
import { parseTemplates, type Tree } from "./parse.js";

export type FuncMap = Readonly<Record<string, GoFunc>>;

export interface TemplateSetOptions {
  missingKey?: MissingKey;
  limits?: Partial<ExecLimits>;
}

/** Go's error when executing a name the set does not hold. */
export class NoTemplateError extends Error {
  override name = "NoTemplateError";
}

/** Beyond this many layers a clone copies its parent's view instead of chaining to it. */
const MAX_LAYERS = 16;

export class TemplateSet implements ExecContext {
  /** Trees defined in this set itself (a clone also sees its parent's). */
  readonly trees: Map<string, Tree>;
  /** Functions added to this set itself (a clone also sees its parent's). */
  readonly funcs: Record<string, GoFunc>;
  missingKey: MissingKey;
  limits: ExecLimits;
  /**
   * A clone's original. Go's Clone copies the maps; Helm's `tpl` clones the whole set for every
   * call, so a clone reads through to its parent instead: equivalent, because a set is never
   * parsed into again once it executes (a clone is parsed into before it executes).
   */
  private readonly parent: TemplateSet | undefined;
  private readonly layers: number;

  /** `name` is the root template's name (Helm: "gotpl"), quoted by "no template" errors. */
  constructor(
    readonly name: string,
    funcs: FuncMap = {},
    opts: TemplateSetOptions = {},
    parent?: TemplateSet,
  ) {
    this.funcs = Object.assign(Object.create(null) as Record<string, GoFunc>, funcs);
    this.trees = new Map();
    this.missingKey = opts.missingKey ?? "default";
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.parent = parent;
    this.layers = parent === undefined ? 0 : parent.layers + 1;
  }

  /** Adds or replaces functions (Template.Funcs). */
  addFuncs(funcs: FuncMap): void {
    Object.assign(this.funcs, funcs);
  }

  hasFunction = (name: string): boolean => this.func(name) !== undefined;

  func(name: string): GoFunc | undefined {
    if (Object.hasOwn(this.funcs, name)) return this.funcs[name];
    if (this.parent !== undefined) return this.parent.func(name);
    if (Object.hasOwn(builtins, name)) return builtins[name];
    return undefined;
  }

  lookup(name: string): Tree | undefined {
    return this.trees.get(name) ?? this.parent?.lookup(name);
  }

  /**
   * t.New(name).Parse(text): adds the file's tree and its `define`s. A later definition
   * replaces an earlier one of the same name unless it is empty. Throws ParseError.
   *
   * Returns the tree parsed for `name` itself: the new Template's own Tree, which Go sets even
   * when the set keeps an older non-empty tree of that name (Helm's `tpl` executes this one).
   */
  parse(name: string, text: string): Tree | undefined {
    const parsed = parseTemplates(name, text, this.hasFunction);
    for (const [n, tree] of parsed) {
      const old = this.lookup(n);
      if (old !== undefined && isEmptyTree(tree.root) && old.root !== null) continue;
      this.trees.set(n, tree);
    }
    return parsed.get(name);
  }

  /** ExecuteTemplate: runs template `name` with `data`; throws ExecError or NoTemplateError. */
  execute(name: string, data: GoValue): string {
    const tree = this.lookup(name);
    if (tree === undefined) {
      throw new NoTemplateError(
        `template: no template ${goQuote(name)} associated with template ${goQuote(this.name)}`,
      );
    }
    return execute(this, tree, data);
  }

  /** Template.Execute on a Template object holding `tree` (not looked up by name). */
  executeTree(tree: Tree, data: GoValue): string {
    return execute(this, tree, data);
  }

  /** Template.Clone: the same trees and functions; what is added later stays in the clone. */
  clone(): TemplateSet {
    const opts = { missingKey: this.missingKey, limits: this.limits };
    if (this.layers < MAX_LAYERS) return new TemplateSet(this.name, {}, opts, this);
    const flat = new TemplateSet(this.name, {}, opts);
    this.copyInto(flat);
    return flat;
  }

  /** This set's view (its parent's first, its own over them) copied into `target`. */
  private copyInto(target: TemplateSet): void {
    this.parent?.copyInto(target);
    for (const [k, v] of this.trees) target.trees.set(k, v);
    Object.assign(target.funcs, this.funcs);
  }
}
