/**
 * For the conformance script: does our render of a chart yield the same images, from the same
 * places, as Helm's golden render? A readable diff, or null when they agree.
 */
import { extractImages } from "./extract.js";
import { compareStrings } from "./ordering.js";
import type { ImageList, ImageSource } from "./types.js";

/** Differences between two image lists (expected = from Helm's render), one per line; null when equal. */
export function compareImageLists(expected: ImageList, actual: ImageList): string | null {
  const lines: string[] = [];
  compareEntries(
    "image",
    new Map(expected.images.map((e) => [e.image, e])),
    new Map(actual.images.map((e) => [e.image, e])),
    lines,
  );
  const invalidKey = (e: { raw: string; reason: string }) => `${JSON.stringify(e.raw)} (${e.reason})`;
  compareEntries(
    "invalid reference",
    new Map(expected.invalid.map((e) => [invalidKey(e), e])),
    new Map(actual.invalid.map((e) => [invalidKey(e), e])),
    lines,
  );
  const problemKey = (p: { template: string; document?: number; message: string }) => `${where(p)}: ${p.message}`;
  const expectedProblems = new Set(expected.problems.map(problemKey));
  const actualProblems = new Set(actual.problems.map(problemKey));
  for (const p of expectedProblems) if (!actualProblems.has(p)) lines.push(`- problem ${p}`);
  for (const p of actualProblems) if (!expectedProblems.has(p)) lines.push(`+ problem ${p}`);
  if (lines.length === 0) return null;
  return [`image lists differ (- expected, + actual): ${lines.length} difference(s)`, ...lines].join("\n");
}

/** compareImageLists over two `helm template` outputs. */
export function compareRenderedImages(expectedOutput: string, actualOutput: string): string | null {
  return compareImageLists(extractImages(expectedOutput), extractImages(actualOutput));
}

interface Comparable {
  readonly workload: boolean;
  readonly sources: readonly ImageSource[];
}

function compareEntries(
  what: string,
  expected: Map<string, Comparable>,
  actual: Map<string, Comparable>,
  lines: string[],
): void {
  const keys = [...new Set([...expected.keys(), ...actual.keys()])].sort(compareStrings);
  for (const key of keys) {
    const e = expected.get(key);
    const a = actual.get(key);
    if (a === undefined) {
      lines.push(`- ${what} ${key}${e!.workload ? " (workload)" : ""} at ${describe(e!.sources[0]!)}`);
      continue;
    }
    if (e === undefined) {
      lines.push(`+ ${what} ${key}${a.workload ? " (workload)" : ""} at ${describe(a.sources[0]!)}`);
      continue;
    }
    if (e.workload !== a.workload) lines.push(`~ ${what} ${key}: workload ${e.workload} -> ${a.workload}`);
    const es = new Set(e.sources.map(describe));
    const as = new Set(a.sources.map(describe));
    for (const s of es) if (!as.has(s)) lines.push(`~ ${what} ${key}: - source ${s}`);
    for (const s of as) if (!es.has(s)) lines.push(`~ ${what} ${key}: + source ${s}`);
  }
}

function where(p: { template: string; document?: number }): string {
  return p.document === undefined ? p.template : `${p.template}#${p.document}`;
}

/** One line per source: `template[#doc] Kind/name[ ns=..][ container=..] path (rule) raw`. */
function describe(s: ImageSource): string {
  const ns = s.namespace !== undefined ? ` ns=${s.namespace}` : "";
  const c = s.container !== undefined ? ` container=${s.container}` : "";
  const vs = s.valueSet !== undefined ? ` [${s.valueSet}]` : "";
  return `${where(s)} ${s.kind}/${s.name}${ns}${c} ${s.path} (${s.rule}) ${JSON.stringify(s.raw)}${vs}`;
}
