/**
 * Helm's function map (pkg/engine/funcs.go funcMap): Sprig's text functions without `env` and
 * `expandenv`, Helm's encoding functions, and Helm's own functions that need no template set
 * (`lookup` without a cluster, `getHostByName` without --enable-dns). `include`, `tpl`,
 * `required` and `fail` close over a template set: see helm.ts.
 */
import { GoError, type GoFunc, newGoMap } from "../govalue/value.js";
import { encodingFuncs } from "../yaml/funcs.js";
import { sprigFuncs } from "./funcs/sprig/index.js";

/** `lookup` without a cluster connection: always an empty map (Helm's placeholder). */
const lookup: GoFunc = {
  params: ["string", "string", "string", "string"],
  fn: () => newGoMap(),
};

/** `getHostByName` as `helm template` has it without --enable-dns: an empty string. */
const getHostByName: GoFunc = { params: ["string"], fn: () => "" };

/** Placeholders that helm.ts rebinds to a template set; they must exist for parsing. */
const unbound = (name: string, params: string[]): GoFunc => ({
  params,
  fn: () => {
    throw new GoError(`${name} is not bound to a template set`);
  },
});

/** The functions every Helm template sees, before include/tpl/required/fail are bound. */
export function helmFuncMap(): Record<string, GoFunc> {
  const f: Record<string, GoFunc> = Object.create(null);
  Object.assign(f, sprigFuncs);
  delete f.env;
  delete f.expandenv;
  Object.assign(f, encodingFuncs);
  f.include = unbound("include", ["string", "interface {}"]);
  f.tpl = unbound("tpl", ["string", "interface {}"]);
  f.required = unbound("required", ["string", "interface {}"]);
  f.fail = unbound("fail", ["string"]);
  f.lookup = lookup;
  f.getHostByName = getHostByName;
  return f;
}
