/**
 * Runs one conformance case (the gotmpl-oracle `cases` format) through our engine, so that the
 * fixtures produced by Go can be replayed without Go.
 */

import type { MissingKey } from "../../src/engine/exec.js";
import { ExecError } from "../../src/engine/exec.js";
import { newHelmTemplateSet } from "../../src/engine/helm.js";
import { ParseError } from "../../src/engine/parse.js";
import { NoTemplateError, TemplateSet } from "../../src/engine/template.js";
import { type GoValue, newGoMap } from "../../src/govalue/value.js";

export interface EngineCase {
  name: string;
  template?: string;
  templates?: Record<string, string>;
  entry?: string;
  data?: unknown;
  numbers?: "float64" | "int64";
  options?: string[];
  funcs?: "go" | "sprig" | "helm" | "helm-ext";
  output?: string;
  outputBase64?: string;
  error?: string;
  phase?: string;
}

/** JSON data as Helm sees it: numbers are float64, or int64 for integers in `int64` mode. */
export function toGoValue(v: unknown, ints: boolean): GoValue {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((x) => toGoValue(x, ints));
  switch (typeof v) {
    case "number":
      return ints && Number.isInteger(v) ? BigInt(v) : v;
    case "string":
    case "boolean":
      return v;
    case "object":
      return newGoMap(Object.entries(v as object).map(([k, x]) => [k, toGoValue(x, ints)] as const));
  }
  throw new Error(`unsupported data ${String(v)}`);
}

export type CaseResult = { output: string } | { error: string };

export function runCase(c: EngineCase): CaseResult {
  const opts = c.options ?? [];
  let missingKey: MissingKey = "default";
  for (const o of opts) {
    if (o === "missingkey=zero") missingKey = "zero";
    else if (o === "missingkey=error") missingKey = "error";
    else if (o === "missingkey=default" || o === "missingkey=invalid") missingKey = "default";
  }
  const strip = opts.includes("strip-no-value");
  const helm = c.funcs === "helm" || c.funcs === "helm-ext";
  const set = helm ? newHelmTemplateSet({ strict: missingKey === "error" }) : new TemplateSet("gotpl");
  set.missingKey = missingKey;
  const templates = c.templates ?? { [c.entry ?? "main"]: c.template ?? "" };
  const entry = c.entry ?? Object.keys(templates)[0];
  try {
    for (const [name, text] of Object.entries(templates)) set.parse(name, text);
    let out = set.execute(entry, c.data === undefined ? null : toGoValue(c.data, c.numbers === "int64"));
    if (strip) out = out.replaceAll("<no value>", "");
    return { output: out };
  } catch (e) {
    if (e instanceof ParseError || e instanceof ExecError || e instanceof NoTemplateError) return { error: e.message };
    throw e;
  }
}
