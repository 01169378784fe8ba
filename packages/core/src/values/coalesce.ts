/**
 * Helm 4.1.4's values coalescing (pkg/chart/common/util/coalesce.go): a chart's defaults under
 * the user's values, recursively into subcharts, with globals pushed down.
 *
 * Rules, as Helm applies them:
 *  - the user's (higher) value wins; maps merge, scalars and lists replace;
 *  - a user `null` deletes the key of a default (coalescing), or is kept (merging, which
 *    Helm uses while it processes dependencies);
 *  - each subchart's section gets the parent's `global` table merged in before it is
 *    coalesced with the subchart's own defaults;
 *  - a subchart's default nulls are dropped (they would shadow globals), the root chart's kept.
 *
 * Warnings go to a `printf` sink with Helm's texts; Helm prints them through log.Printf.
 * Go iterates maps in random order; we use sorted key order, so the warnings come in a stable
 * order that is one of Helm's possible orders.
 */
import { sprintf } from "../govalue/fmt.js";
import { formatValue } from "../govalue/print.js";
import { type GoMap, type GoValue, isGoMap, newGoMap } from "../govalue/value.js";
import { deepCopyMap } from "./copy.js";
import { goTypeName } from "./go-text.js";

/** The part of a chart that coalescing reads. */
export interface ValuesChart {
  readonly metadata: { readonly name: string };
  readonly values: GoMap;
  readonly dependencies: readonly ValuesChart[];
}

/** Where Helm's log.Printf warnings go. */
export type Printf = (message: string) => void;

/** Helm's common.GlobalKey. */
export const GLOBAL_KEY = "global";

export class CoalesceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CoalesceError";
  }
}

const ignore: Printf = () => {};

function concatPrefix(a: string, b: string): string {
  return a === "" ? b : `${a}.${b}`;
}

function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort();
}

/** CoalesceValues: the chart's (and subcharts') defaults under `vals`; user nulls delete keys. */
export function coalesceValues(chart: ValuesChart, vals: GoMap | null | undefined, printf: Printf = ignore): GoMap {
  const copy = vals ? deepCopyMap(vals) : newGoMap();
  return coalesce(printf, chart, copy, "", false);
}

/** MergeValues: like coalesceValues, but nulls are kept (Helm's dependency processing). */
export function mergeValues(chart: ValuesChart, vals: GoMap | null | undefined, printf: Printf = ignore): GoMap {
  const copy = vals ? deepCopyMap(vals) : newGoMap();
  return coalesce(printf, chart, copy, "", true);
}

function coalesce(printf: Printf, chart: ValuesChart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  coalesceChartValues(printf, chart, dest, prefix, merge);
  return coalesceDeps(printf, chart, dest, prefix, merge);
}

function coalesceDeps(printf: Printf, chart: ValuesChart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  for (const sub of chart.dependencies) {
    const name = sub.metadata.name;
    if (!Object.hasOwn(dest, name)) {
      dest[name] = newGoMap();
    } else if (!isGoMap(dest[name])) {
      throw new CoalesceError(`type mismatch on ${name}: %!t(${goTypeName(dest[name])}=${formatValue(dest[name])})`);
    }
    const dvmap = dest[name] as GoMap;
    const subPrefix = concatPrefix(prefix, chart.metadata.name);
    coalesceGlobals(printf, dvmap, dest, subPrefix);
    dest[name] = coalesce(printf, sub, dvmap, subPrefix, merge);
  }
  return dest;
}

/** Copies the globals of `src` (the parent's values) into `dest` (a subchart's section). */
function coalesceGlobals(printf: Printf, dest: GoMap, src: GoMap, prefix: string): void {
  let dg: GoMap;
  let sg: GoMap;
  if (!Object.hasOwn(dest, GLOBAL_KEY)) {
    dg = newGoMap();
  } else {
    const g = dest[GLOBAL_KEY];
    if (!isGoMap(g)) {
      printf(`warning: skipping globals because destination ${GLOBAL_KEY} is not a table.`);
      return;
    }
    dg = g;
  }
  if (!Object.hasOwn(src, GLOBAL_KEY)) {
    sg = newGoMap();
  } else {
    const g = src[GLOBAL_KEY];
    if (!isGoMap(g)) {
      printf(`warning: skipping globals because source ${GLOBAL_KEY} is not a table.`);
      return;
    }
    sg = g;
  }
  for (const key of sortedKeys(sg)) {
    const val = sg[key];
    if (isGoMap(val)) {
      // A shallow copy, as Helm's copyMap: nested tables stay shared with the source.
      const vv = newGoMap(Object.entries(val));
      if (!Object.hasOwn(dg, key)) {
        dg[key] = vv;
      } else {
        const destv = dg[key];
        if (!isGoMap(destv)) {
          printf(`Conflict: cannot merge map onto non-map for ${goQuoteKey(key)}. Skipping.`);
        } else {
          coalesceTablesFullKey(printf, vv, destv, concatPrefix(prefix, key), true);
          dg[key] = vv;
        }
      }
    } else if (Object.hasOwn(dg, key) && isGoMap(dg[key])) {
      printf(`key ${key} is table. Skipping`);
    } else {
      dg[key] = val;
    }
  }
  dest[GLOBAL_KEY] = dg;
}

function goQuoteKey(key: string): string {
  return sprintf("%q", [key]);
}

/** The names of a chart's subcharts (Helm's childChartMergeTrue looks keys up in them). */
function isSubchartKey(chart: ValuesChart, key: string): boolean {
  return chart.dependencies.some((d) => d.metadata.name === key);
}

/** Merges the chart's own defaults into `v` (the values destined for this chart). */
function coalesceChartValues(printf: Printf, chart: ValuesChart, v: GoMap, prefix: string, merge: boolean): void {
  const subPrefix = concatPrefix(prefix, chart.metadata.name);
  const vc = deepCopyMap(chart.values);
  for (const key of sortedKeys(vc)) {
    const val = vc[key];
    if (Object.hasOwn(v, key)) {
      const value = v[key];
      if (value === null && !merge) {
        // A user null removes the default's key.
        delete v[key];
      } else if (isGoMap(value)) {
        if (!isGoMap(val)) {
          if (val !== null) printf(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          const m = merge || isSubchartKey(chart, key);
          // A subchart's default nulls must not leak into the result; the root's are kept.
          if (!m && prefix !== "") cleanNilValues(val);
          coalesceTablesFullKey(printf, value, val, concatPrefix(subPrefix, key), m);
        }
      }
    } else {
      if (!merge && prefix !== "") {
        if (val === null) continue;
        if (isGoMap(val)) cleanNilValues(val);
      }
      v[key] = val;
    }
  }
}

/** CoalesceTables: `src` merged under `dst` (dst wins); user nulls delete. */
export function coalesceTables(dst: GoMap, src: GoMap, printf: Printf = ignore): GoMap {
  return coalesceTablesFullKey(printf, dst, src, "", false);
}

/** MergeTables: like coalesceTables, keeping nulls. */
export function mergeTables(dst: GoMap, src: GoMap, printf: Printf = ignore): GoMap {
  return coalesceTablesFullKey(printf, dst, src, "", true);
}

function coalesceTablesFullKey(printf: Printf, dst: GoMap, src: GoMap, prefix: string, merge: boolean): GoMap {
  // Which src keys had a value before dst's nulls are copied over: a user null over a
  // default deletes the key, a null over nothing stays.
  const srcNonNil = new Set(Object.keys(src).filter((k) => src[k] !== null));
  for (const key of Object.keys(dst)) {
    if (dst[key] === null) src[key] = null;
  }
  for (const key of sortedKeys(src)) {
    const val = src[key];
    const fullkey = concatPrefix(prefix, key);
    const has = Object.hasOwn(dst, key);
    const dv = dst[key];
    if (has && !merge && dv === null && srcNonNil.has(key)) {
      delete dst[key];
    } else if (!has) {
      dst[key] = val;
    } else if (isGoMap(val)) {
      if (isGoMap(dv)) {
        coalesceTablesFullKey(printf, dv, val, fullkey, merge);
      } else {
        printf(`warning: cannot overwrite table with non table for ${fullkey} (${formatValue(val)})`);
      }
    } else if (isGoMap(dv) && val !== null) {
      printf(`warning: destination for ${fullkey} is a table. Ignoring non-table value (${formatValue(val)})`);
    }
  }
  return dst;
}

function cleanNilValues(m: GoMap): void {
  for (const key of Object.keys(m)) {
    const val = m[key];
    if (val === null) delete m[key];
    else if (isGoMap(val)) cleanNilValues(val);
  }
}

/** Helm's istable. */
export function isTable(v: GoValue): v is GoMap {
  return isGoMap(v);
}
