/**
 * Reading the `yaml` package's node tree the way the image rules need it. We walk nodes rather
 * than plain JS values so that a scalar keeps its text as written (`tag: 1.10` is the tag
 * "1.10", not the number 1.1) and `null` stays distinguishable from the string "null".
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";

export type YamlDoc = Document.Parsed;

/** Alias targets already looked up: the library searches the whole document on each lookup. */
const aliasTargets = new WeakMap<object, unknown>();

/** Follows aliases; undefined for a missing or empty node. */
export function resolve(node: unknown, doc: YamlDoc): Node | undefined {
  let n = node;
  for (let hops = 0; isAlias(n) && hops < 64; hops++) {
    const alias = n;
    if (!aliasTargets.has(alias)) aliasTargets.set(alias, alias.resolve(doc));
    n = aliasTargets.get(alias);
  }
  return n === null || n === undefined || isAlias(n) ? undefined : (n as Node);
}

/**
 * The text of a scalar: strings as they are, other scalars (numbers, booleans, dates) as written,
 * `null` for YAML null; undefined for a non-scalar.
 */
export function scalarText(node: Node | undefined): string | null | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return null;
  return node.source ?? String(v);
}

/** The string key of a pair (scalar keys only). */
export function pairKey(pair: Pair, doc: YamlDoc): string | undefined {
  const k = resolve(pair.key, doc);
  const t = scalarText(k);
  return typeof t === "string" ? t : undefined;
}

/** The pairs of a map, with YAML 1.1 merge keys (`<<: *base`) spliced in after the map's own pairs. */
export function mapPairs(map: YAMLMap, doc: YamlDoc): Pair[] {
  let merged: Pair[] | undefined;
  for (const item of map.items) {
    if (!isPair(item) || !isMergeKey(item.key)) continue;
    merged ??= map.items.filter((p) => isPair(p) && !isMergeKey(p.key)) as Pair[];
    const sources = resolve(item.value, doc);
    const maps = isSeq(sources) ? sources.items.map((s) => resolve(s, doc)) : [sources];
    for (const m of maps) if (isMap(m)) merged.push(...(m.items as Pair[]));
  }
  return merged ?? (map.items as Pair[]);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === "<<" || (typeof key.value === "symbol" && key.source === "<<"));
}

/** A map's value by key, resolved. */
export function mapGet(map: YAMLMap, key: string, doc: YamlDoc): Node | undefined {
  for (const pair of mapPairs(map, doc)) {
    if (pairKey(pair, doc) === key) return resolve(pair.value, doc);
  }
  return undefined;
}

/** A map's string value by key (scalars as written); undefined when absent or not a scalar. */
export function mapGetText(map: YAMLMap, key: string, doc: YamlDoc): string | undefined {
  const t = scalarText(mapGet(map, key, doc));
  return typeof t === "string" ? t : undefined;
}

export { isMap, isScalar, isSeq };
