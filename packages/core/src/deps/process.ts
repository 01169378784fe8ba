/**
 * Helm's dependency processing before a render (pkg/chart/v2/util/dependencies.go,
 * ProcessDependenciesWithMerge as `helm template`/`install` call it):
 *  1. aliases: each Chart.yaml dependency takes a copy of the matching chart from charts/,
 *     renamed to its alias (one chart may be used twice);
 *  2. tags, then conditions (which win), enable or disable each dependency, level by level,
 *     against the values coalesced so far;
 *  3. import-values (`child` strings from `exports.`, or `{child, parent}` maps) copy subchart
 *     values into the parent's defaults, bottom-up, below the parent's own values.
 *
 * The loaded chart is left untouched: processing works on a copy of the tree.
 */

import { isCompatibleRange } from "../chart/kube-version.js";
import type { Chart, Dependency } from "../chart/model.js";
import { formatValue } from "../govalue/print.js";
import { type GoMap, type GoValue, isGoMap, newGoMap } from "../govalue/value.js";
import { coalesceValues, mergeTables, mergeValues } from "../values/coalesce.js";
import { deepCopyMap } from "../values/copy.js";
import type { HelmLog } from "../values/log.js";
import { NoValueError, pathValue, valuesTable } from "../values/table.js";

/** A chart tree whose dependencies have been resolved for one render. */
export type ProcessedChart = Chart;

const MAX_DEPTH = 64;

/** Copies the parts of the tree that processing changes (metadata, dependency lists, parents). */
function workingCopy(c: Chart, parent: Chart | undefined, depth: number): Chart {
  if (depth > MAX_DEPTH) throw new Error("chart dependencies nested too deeply");
  const out: Chart = {
    ...c,
    metadata: {
      ...c.metadata,
      ...(c.metadata.dependencies ? { dependencies: c.metadata.dependencies.map((d) => ({ ...d })) } : {}),
    },
    dependencies: [],
  };
  if (parent) out.parent = parent;
  else delete out.parent;
  out.dependencies = c.dependencies.map((d) => workingCopy(d, out, depth + 1));
  return out;
}

/** Shallow copy of a chart for an alias (Helm's getAliasDependency), children re-parented. */
function aliasCopy(c: Chart, dep: Dependency, parent: Chart): Chart {
  const out: Chart = {
    ...c,
    metadata: {
      ...c.metadata,
      ...(c.metadata.dependencies ? { dependencies: c.metadata.dependencies.map((d) => ({ ...d })) } : {}),
    },
    parent,
    dependencies: [],
  };
  out.dependencies = c.dependencies.map((d) => ({ ...d, parent: out }));
  if (dep.alias) out.metadata.name = dep.alias;
  return out;
}

function setParent(children: Chart[], parent: Chart): Chart[] {
  for (const ch of children) ch.parent = parent;
  return children;
}

function versionMatches(dep: Dependency, c: Chart): boolean {
  return isCompatibleRange(dep.version ?? "", c.metadata.version);
}

/** Disables dependencies by tags (Helm's processDependencyTags). */
function processTags(reqs: Dependency[], cvals: GoMap, log: HelmLog): void {
  let vt: GoMap;
  try {
    vt = valuesTable(cvals, "tags");
  } catch {
    return;
  }
  for (const r of reqs) {
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags ?? []) {
      if (!Object.hasOwn(vt, k)) continue;
      const b = vt[k];
      if (typeof b === "boolean") {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else {
        log.warn("returned non-bool value", ["tag", k], ["chart", r.name]);
      }
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else if (hasTrue || (!hasTrue && !hasFalse)) r.enabled = true;
  }
}

/** Enables or disables dependencies by their conditions (the first bool found wins). */
function processConditions(reqs: Dependency[], cvals: GoMap, cpath: string, log: HelmLog): void {
  for (const r of reqs) {
    for (const cond of (r.condition ?? "").trim().split(",")) {
      if (cond.length === 0) continue;
      let vv: GoValue;
      try {
        vv = pathValue(cvals, cpath + cond);
      } catch (e) {
        if (!(e instanceof NoValueError)) {
          log.warn("the method PathValue returned error", ["error", e instanceof Error ? e.message : String(e)]);
        }
        continue;
      }
      if (typeof vv === "boolean") {
        r.enabled = vv;
        break;
      }
      log.warn("returned non-bool value", ["path", cond], ["chart", r.name]);
    }
  }
}

/** Helm's processDependencyEnabled: aliases, tags, conditions; removes disabled charts. */
function processEnabled(c: Chart, v: GoMap, path: string, log: HelmLog, depth: number): void {
  if (depth > MAX_DEPTH) throw new Error("chart dependencies nested too deeply");
  const reqs = c.metadata.dependencies;
  if (!reqs) return;

  const chartDependencies: Chart[] = [];
  // Charts in charts/ that no Chart.yaml entry names are kept as they are.
  for (const existing of c.dependencies) {
    if (!reqs.some((req) => existing.metadata.name === req.name && versionMatches(req, existing))) {
      chartDependencies.push(existing);
    }
  }
  for (const req of reqs) {
    const found = c.dependencies.find((ch) => ch.metadata.name === req.name && versionMatches(req, ch));
    if (found) chartDependencies.push(aliasCopy(found, req, c));
    if (req.alias) req.name = req.alias;
  }
  c.dependencies = setParent(chartDependencies, c);

  for (const r of reqs) r.enabled = true;
  const cvals = coalesceValues(c, v, log.printf);
  processTags(reqs, cvals, log);
  processConditions(reqs, cvals, path, log);

  const removed = new Set(reqs.filter((r) => !r.enabled).map((r) => r.name));
  const kept = c.dependencies.filter((ch) => !removed.has(ch.metadata.name));
  const keptMeta = reqs.filter((r) => !removed.has(r.name));
  for (const t of kept) processEnabled(t, cvals, `${path}${t.metadata.name}.`, log, depth + 1);
  c.metadata.dependencies = keptMeta;
  c.dependencies = setParent(kept, c);
}

/** Helm's pathToMap: `a.b` and data give {a: {b: data}}; `.` gives data itself. */
function pathToMap(path: string, data: GoMap): GoMap {
  if (path === ".") return data;
  let cur: GoMap = data;
  const parts = path.split(".");
  for (let i = parts.length - 1; i >= 0; i--) cur = newGoMap([[parts[i] as string, cur]]);
  return cur;
}

/** Helm's processImportValues (merge mode): imported values sit below the parent's own. */
function processImportValues(c: Chart, log: HelmLog): void {
  const reqs = c.metadata.dependencies;
  if (!reqs) return;
  const cvals = mergeValues(c, null, log.printf);
  let b = newGoMap();
  for (const r of reqs) {
    const outiv: GoMap[] = [];
    for (const riv of r["import-values"] ?? []) {
      const iv = riv as GoValue;
      if (isGoMap(iv)) {
        const child = formatValue(Object.hasOwn(iv, "child") ? iv.child : null);
        const parent = formatValue(Object.hasOwn(iv, "parent") ? iv.parent : null);
        outiv.push(
          newGoMap([
            ["child", child],
            ["parent", parent],
          ]),
        );
        let vv: GoMap;
        try {
          vv = valuesTable(cvals, `${r.name}.${child}`);
        } catch (e) {
          log.warn("ImportValues missing table from chart", ["chart", r.name], ["error", (e as Error).message]);
          continue;
        }
        b = mergeTables(b, pathToMap(parent, vv), log.printf);
      } else if (typeof iv === "string") {
        const child = `exports.${iv}`;
        outiv.push(
          newGoMap([
            ["child", child],
            ["parent", "."],
          ]),
        );
        let vm: GoMap;
        try {
          vm = valuesTable(cvals, `${r.name}.${child}`);
        } catch (e) {
          log.warn("ImportValues missing table", ["error", (e as Error).message]);
          continue;
        }
        b = mergeTables(b, vm, log.printf);
      }
    }
    r["import-values"] = outiv;
  }
  c.values = mergeTables(deepCopyMap(cvals), b, log.printf);
}

function processImports(c: Chart, log: HelmLog, depth: number): void {
  if (depth > MAX_DEPTH) throw new Error("chart dependencies nested too deeply");
  for (const d of c.dependencies) processImports(d, log, depth + 1);
  processImportValues(c, log);
}

/**
 * ProcessDependenciesWithMerge on a copy of `chart`: the tree `helm template` renders.
 * `userValues` are the merged `-f`/`--set` values.
 */
export function processDependencies(chart: Chart, userValues: GoMap, log: HelmLog): ProcessedChart {
  const root = workingCopy(chart, undefined, 0);
  processEnabled(root, userValues, "", log, 0);
  processImports(root, log, 0);
  return root;
}

/**
 * Helm's CheckDependencies: every Chart.yaml dependency must be present in charts/.
 * Returns the error message `helm template` prints, or undefined.
 */
export function checkDependencies(chart: Chart): string | undefined {
  const reqs = chart.metadata.dependencies;
  if (!reqs) return undefined;
  const missing = reqs.filter((r) => !chart.dependencies.some((d) => d.metadata.name === r.name)).map((r) => r.name);
  if (missing.length === 0) return undefined;
  return `an error occurred while checking for chart dependencies. You may need to run \`helm dependency build\` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: ${missing.join(", ")}`;
}
