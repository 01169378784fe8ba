/**
 * `.Chart` as Helm 4.1.4 renders it: not the Metadata struct but a map[string]interface{} made
 * by reflection over it (Go field names, slices as []interface{}, nested structs as maps),
 * plus `IsRoot`.
 */
import type { Chart, Dependency, Maintainer, Metadata } from "../chart/model.js";
import { type GoMap, type GoValue, newGoMap } from "../govalue/value.js";

function strings(list: readonly string[] | undefined): GoValue[] {
  return [...(list ?? [])];
}

function maintainerMap(m: Maintainer | null): GoValue {
  if (m === null || m === undefined) return null;
  return newGoMap([
    ["Name", m.name ?? ""],
    ["Email", m.email ?? ""],
    ["URL", m.url ?? ""],
  ]);
}

function dependencyMap(d: Dependency | null): GoValue {
  if (d === null || d === undefined) return null;
  return newGoMap([
    ["Name", d.name ?? ""],
    ["Version", d.version ?? ""],
    ["Repository", d.repository ?? ""],
    ["Condition", d.condition ?? ""],
    ["Tags", strings(d.tags)],
    ["Enabled", d.enabled ?? false],
    ["ImportValues", [...((d["import-values"] ?? []) as GoValue[])]],
    ["Alias", d.alias ?? ""],
  ]);
}

/** Helm's MetadataAsMap(chart.Metadata). */
export function metadataAsMap(md: Metadata): GoMap {
  const annotations = newGoMap();
  for (const [k, v] of Object.entries(md.annotations ?? {})) annotations[k] = v;
  return newGoMap([
    ["Name", md.name ?? ""],
    ["Home", md.home ?? ""],
    ["Sources", strings(md.sources)],
    ["Version", md.version ?? ""],
    ["Description", md.description ?? ""],
    ["Keywords", strings(md.keywords)],
    ["Maintainers", (md.maintainers ?? []).map((m) => maintainerMap(m))],
    ["Icon", md.icon ?? ""],
    ["APIVersion", md.apiVersion ?? ""],
    ["Condition", md.condition ?? ""],
    ["Tags", md.tags ?? ""],
    ["AppVersion", md.appVersion ?? ""],
    ["Deprecated", md.deprecated ?? false],
    ["Annotations", annotations],
    ["KubeVersion", md.kubeVersion ?? ""],
    ["Dependencies", (md.dependencies ?? []).map((d) => dependencyMap(d))],
    ["Type", md.type ?? ""],
  ]);
}

/** `.Chart` for one chart of the tree: its metadata map with IsRoot. */
export function chartValue(c: Chart): GoMap {
  const m = metadataAsMap(c.metadata);
  m.IsRoot = c.parent === undefined;
  return m;
}
