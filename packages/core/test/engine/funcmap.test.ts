/**
 * The function map must be exactly Helm 4.1.4's. The expected names (helm-func-names.json) were
 * obtained by asking the real Helm about every name of Sprig's genericMap (Sprig source), Helm's
 * pkg/engine additions and Go's builtins (scripts/engine/gen-funcmap-names.mjs).
 * This passes only once the Sprig and YAML function families are complete.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtins } from "../../src/engine/builtins.js";
import { helmFuncMap } from "../../src/engine/funcmap.js";
import { newHelmTemplateSet } from "../../src/engine/helm.js";

const names = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), "helm-func-names.json"), "utf8"),
) as { present: string[]; absent: string[] };

describe("function map", () => {
  const ours = new Set([...Object.keys(helmFuncMap()), ...Object.keys(builtins)]);

  it("has every function Helm 4.1.4 has", () => {
    expect(names.present.filter((n) => !ours.has(n))).toEqual([]);
  });

  it("has none that Helm 4.1.4 lacks (env, expandenv, ...)", () => {
    expect(names.absent.filter((n) => ours.has(n))).toEqual([]);
  });

  it("binds include, tpl, required and fail to the template set", () => {
    const set = newHelmTemplateSet();
    set.parse("h", '{{ define "x" }}[{{ . }}]{{ end }}');
    set.parse("main", '{{ include "x" 1 }}{{ tpl "{{ . }}" 2 }}{{ required "r" 3 }}');
    expect(set.execute("main", null)).toBe("[1]23");
  });
});
