/**
 * Helm-level conformance: every case under helm-cases/*.json was rendered by the real Helm 4.1.4
 * (scripts/engine/gen-helm-cases.mjs) as a tiny chart `hn` whose NOTES.txt holds the template;
 * renderTemplates must give the same NOTES text, or the same message `helm template` printed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Renderable, RenderError, renderTemplates } from "../../src/engine/helm.js";
import { asHelmValues } from "../../src/engine/helm-values.js";
import { type GoMap, newGoMap } from "../../src/govalue/value.js";
import { toGoValue } from "./run-case.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "helm-cases");
const MARK_BEGIN = "<<<";
const MARK_END = ">>>";

interface HelmCase {
  name: string;
  notes: string;
  values?: unknown;
  files?: Record<string, string>;
  output?: string;
  error?: string;
}

/** The top-level data of chart `hn` released as `x` (what the cases touch of it). */
function topData(values: unknown) {
  return newGoMap([
    ["Values", asHelmValues(toGoValue(values ?? {}, false) as GoMap)],
    [
      "Release",
      newGoMap([
        ["Name", "x"],
        ["Namespace", "default"],
        ["Service", "Helm"],
        ["Revision", 1n],
        ["IsInstall", true],
        ["IsUpgrade", false],
      ]),
    ],
    [
      "Chart",
      newGoMap([
        ["Name", "hn"],
        ["Version", "0.1.0"],
        ["APIVersion", "v2"],
      ]),
    ],
    ["Files", newGoMap()],
    ["Subcharts", newGoMap()],
  ]);
}

export function renderHelmCase(c: HelmCase): { output: string } | { error: string } {
  const vals = topData(c.values);
  const files: Record<string, string> = { ...c.files, "templates/NOTES.txt": `${MARK_BEGIN}${c.notes}${MARK_END}` };
  const tpls: Renderable[] = Object.entries(files).map(([f, text]) => ({
    name: `hn/${f}`,
    text,
    vals,
    basePath: "hn/templates",
  }));
  try {
    const out = renderTemplates(tpls).get("hn/templates/NOTES.txt") ?? "";
    return { output: out.slice(MARK_BEGIN.length, out.length - MARK_END.length) };
  } catch (e) {
    if (e instanceof RenderError) return { error: e.message };
    throw e;
  }
}

const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
describe.each(files)("%s", (file) => {
  const cases = JSON.parse(readFileSync(join(dir, file), "utf8")) as HelmCase[];
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const got = renderHelmCase(c);
    expect(got).toEqual(c.output !== undefined ? { output: c.output } : { error: c.error });
  });
});
