/** Sprig's list functions (list.go): any slice kind is accepted, results are []interface {}. */

import { toInt64 } from "../../../govalue/convert.js";
import { GoError, type GoFunc, type GoValue } from "../../../govalue/value.js";
import { goFunc, goVariadic, intArg } from "./gofunc.js";
import { asSlice, deepEqual, isEmpty, kindName, withGoType } from "./reflect.js";

const NIL_DEREF = "runtime error: invalid memory address or nil pointer dereference";

/**
 * reflect.TypeOf(list).Kind() on a slice gives the elements; on nil Go dereferences a nil
 * pointer; on anything else the must-variant reports `what` with the kind.
 */
function sliceOrFail(list: GoValue, what: (kind: string) => string): GoValue[] {
  if (list === null || list === undefined) throw new GoError(NIL_DEREF);
  const l = asSlice(list);
  if (!l) throw new GoError(what(kindName(list)));
  return l;
}

const inList = (hay: GoValue[], needle: GoValue): boolean => hay.some((h) => deepEqual(needle, h));

function push(list: GoValue, v: GoValue): GoValue[] {
  return [...sliceOrFail(list, (k) => `Cannot push on type ${k}`), v];
}

function prepend(list: GoValue, v: GoValue): GoValue[] {
  return [v, ...sliceOrFail(list, (k) => `Cannot prepend on type ${k}`)];
}

function chunk(size: bigint, list: GoValue): GoValue[][] {
  const l = sliceOrFail(list, (k) => `Cannot chunk type ${k}`);
  const n = intArg(size);
  const csf = Math.floor((l.length - 1) / n) + 1;
  const makeFail = () => new GoError("runtime error: makeslice: len out of range");
  if (!Number.isFinite(csf) || csf < 0) throw makeFail();
  const out: GoValue[][] = [];
  for (let i = 0; i < csf; i++) {
    let clen = n;
    if (i === csf - 1) {
      clen = Math.floor(l.length % n);
      if (clen === 0) clen = n;
    }
    if (clen < 0) throw makeFail();
    out.push(l.slice(i * n, i * n + clen));
  }
  return withGoType(out, "[][]interface {}");
}

function first(list: GoValue): GoValue {
  const l = sliceOrFail(list, (k) => `Cannot find first on type ${k}`);
  return l.length === 0 ? null : l[0];
}

function last(list: GoValue): GoValue {
  const l = sliceOrFail(list, (k) => `Cannot find last on type ${k}`);
  return l.length === 0 ? null : l[l.length - 1];
}

function rest(list: GoValue): GoValue {
  const l = sliceOrFail(list, (k) => `Cannot find rest on type ${k}`);
  return l.slice(1); // Go's nil []interface{} prints as [] too
}

function initial(list: GoValue): GoValue {
  const l = sliceOrFail(list, (k) => `Cannot find initial on type ${k}`);
  return l.slice(0, -1);
}

function reverse(list: GoValue): GoValue[] {
  return [...sliceOrFail(list, (k) => `Cannot find reverse on type ${k}`)].reverse();
}

function compact(list: GoValue): GoValue[] {
  return sliceOrFail(list, (k) => `Cannot compact on type ${k}`).filter((x) => !isEmpty(x));
}

function uniq(list: GoValue): GoValue[] {
  const out: GoValue[] = [];
  for (const x of sliceOrFail(list, (k) => `Cannot find uniq on type ${k}`)) if (!inList(out, x)) out.push(x);
  return out;
}

function without(list: GoValue, ...omit: GoValue[]): GoValue[] {
  return sliceOrFail(list, (k) => `Cannot find without on type ${k}`).filter((x) => !inList(omit, x));
}

function has(needle: GoValue, haystack: GoValue): boolean {
  if (haystack === null || haystack === undefined) return false;
  return inList(
    sliceOrFail(haystack, (k) => `Cannot find has on type ${k}`),
    needle,
  );
}

function slice(list: GoValue, ...indices: GoValue[]): GoValue {
  const l = sliceOrFail(list, (k) => `list should be type of slice or array but ${k}`);
  if (l.length === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
  const end = indices.length < 2 ? l.length : Number(toInt64(indices[1]));
  if (start < 0 || end < start || end > l.length) {
    throw new GoError("reflect.Value.Slice: slice index out of bounds");
  }
  return l.slice(start, end);
}

function concat(...lists: GoValue[]): GoValue {
  const out: GoValue[] = [];
  for (const list of lists) out.push(...sliceOrFail(list, (k) => `Cannot concat type ${k} as list`));
  return out;
}

/** Sprig's non-must list functions panic where the must-variants return the error; both read the same in a template. */
function both(name: string, f: GoFunc): Record<string, GoFunc> {
  return { [name]: f, [`must${name[0].toUpperCase()}${name.slice(1)}`]: f };
}

export const listFuncs: Record<string, GoFunc> = {
  list: goVariadic([], "interface {}", (...xs: GoValue[]) => xs),
  tuple: goVariadic([], "interface {}", (...xs: GoValue[]) => xs),
  ...both("push", goFunc(["interface {}", "interface {}"], push)),
  ...both("append", goFunc(["interface {}", "interface {}"], push)),
  ...both("prepend", goFunc(["interface {}", "interface {}"], prepend)),
  ...both("first", goFunc(["interface {}"], first)),
  ...both("rest", goFunc(["interface {}"], rest)),
  ...both("last", goFunc(["interface {}"], last)),
  ...both("initial", goFunc(["interface {}"], initial)),
  ...both("reverse", goFunc(["interface {}"], reverse)),
  ...both("uniq", goFunc(["interface {}"], uniq)),
  ...both("without", goVariadic(["interface {}"], "interface {}", without)),
  ...both("has", goFunc(["interface {}", "interface {}"], has)),
  ...both("slice", goVariadic(["interface {}"], "interface {}", slice)),
  ...both("compact", goFunc(["interface {}"], compact)),
  ...both("chunk", goFunc(["int", "interface {}"], chunk)),
  concat: goVariadic([], "interface {}", concat),
};
