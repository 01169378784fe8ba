/**
 * The typed JSON tree that fixtures/charts/render-dump prints for `.Values` under real Helm
 * (`{"int64":"5"}`, `{"map":{...}}`, `{"list":[...]}`), built here from our Go values so that
 * tests compare types as well as values.
 */
import { type GoValue, isGoList, isGoMap } from "../../src/govalue/value.js";

export type TypedDump = { map: Record<string, TypedDump> } | { list: TypedDump[] } | Record<string, string>;

function formatFloat(n: number): string {
  // Go's %v of float64 uses %g with the shortest representation; the fixtures only hold
  // small values, where this and JS agree apart from the exponent form.
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(n).replace(/e([+-])(\d)$/, "e$10$2");
}

export function typedDump(v: GoValue): TypedDump {
  if (v === null || v === undefined) return { "<nil>": "<nil>" };
  if (typeof v === "string") return { string: v };
  if (typeof v === "boolean") return { bool: String(v) };
  if (typeof v === "bigint") return { int64: String(v) };
  if (typeof v === "number") return { float64: formatFloat(v) };
  if (isGoList(v)) return { list: v.map(typedDump) };
  if (isGoMap(v)) {
    const out: Record<string, TypedDump> = {};
    for (const k of Object.keys(v).sort()) out[k] = typedDump(v[k]);
    return { map: out };
  }
  throw new Error(`unexpected value in values tree: ${String(v)}`);
}

/** Sorts map keys of an expected dump (Go prints them sorted already; JSON.parse keeps order). */
export function normaliseDump(d: unknown): unknown {
  if (d && typeof d === "object" && !Array.isArray(d)) {
    const o = d as Record<string, unknown>;
    if ("map" in o) {
      const m = o.map as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(m).sort()) out[k] = normaliseDump(m[k]);
      return { map: out };
    }
    if ("list" in o) return { list: (o.list as unknown[]).map(normaliseDump) };
  }
  return d;
}
