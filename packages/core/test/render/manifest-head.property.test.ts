// The fast SimpleHead reader must agree with the full parser (itself checked against Helm
// 4.1.4): whenever it answers, the full parse succeeds and gives the same head. Documents: every
// document of the corpus goldens (Helm's own output), the render fixtures' expected outputs,
// random edits of them, and hand-made edge cases.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastHeadFields } from "../../src/render/manifest-head.js";
import { readSimpleHead, type SimpleHead, splitManifests } from "../../src/render/manifests.js";
import { parseYaml } from "../../src/yaml/parse.js";
import { editedText, yamlSyntaxSnippets } from "../support/yaml-mutations.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../../..");
const goldenDir = resolve(repoRoot, "../shared/corpus/golden");
const expectedDir = join(here, "expected");

function docsOf(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const f of readdirSync(dir).sort())
    if (f.endsWith(ext)) out.push(...splitManifests(readFileSync(join(dir, f), "utf8")));
  return out;
}

const goldenDocs = docsOf(goldenDir, ".yaml");
if (goldenDocs.length === 0) console.warn(`manifest-head: no corpus goldens at ${goldenDir}; corpus checks skipped`);
const fixtureDocs = docsOf(expectedDir, ".out");

/** The full path's answer: the head, or the error it throws. */
function fullHead(doc: string): { head: SimpleHead } | { error: string } {
  try {
    return { head: readSimpleHead(parseYaml(doc)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The property: undefined, or the full parser's head exactly. Returns whether it answered. */
function agrees(doc: string): boolean {
  const fields = fastHeadFields(doc);
  if (fields === undefined) return false;
  const full = fullHead(doc);
  expect(full, doc).toHaveProperty("head");
  const fast = readSimpleHead(fields);
  expect(JSON.stringify(fast), doc).toBe(JSON.stringify((full as { head: SimpleHead }).head));
  return true;
}

describe("fastHeadFields", () => {
  it.skipIf(goldenDocs.length === 0)("agrees with the full parser on every corpus golden document", () => {
    let fast = 0;
    for (const d of goldenDocs) if (agrees(d)) fast++;
    // The point is speed: nearly every real document must take the fast path.
    expect(fast / goldenDocs.length).toBeGreaterThan(0.9);
  });

  it("agrees on the render fixtures' outputs", () => {
    expect(fixtureDocs.length).toBeGreaterThan(20);
    for (const d of fixtureDocs) agrees(d);
  });

  it("agrees on random edits of real documents", () => {
    const pool = [...fixtureDocs, ...goldenDocs.filter((_, i) => i % 7 === 0)].filter((d) => d.length < 20_000);
    const snippets = [
      ...yamlSyntaxSnippets,
      "\u2028",
      "1e999",
      "kind: X",
      "Kind: ",
      "metadata:",
      "annotations:",
      "name: ",
      "\n  name: y",
      "\n  annotations:\n    a: b",
      "\nmetadata: []",
      "\napiVersion: 1",
    ];
    fc.assert(
      fc.property(editedText(pool, snippets), (text) => {
        agrees(text);
      }),
      { numRuns: 4000 },
    );
  });

  it("reads the usual layouts and leaves the unusual ones to the full parser", () => {
    const read = [
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    helm.sh/hook: pre-install\n    \"x\": 'it''s'\ndata:\n  k: |\n    text\n      more\n\n  j: v",
      "kind: A\nKind: B\nkind: C\nmetadata:\n  name: a\nmetadata: {}",
      "kind: A\nspec:\n  containers:\n  - name: a\n    args:\n    - --x=1\n    - |\n      y\n  -\n    name: b\nmetadata:\n  name:\n  annotations:\n    a:\n",
      "apiVersion: v1\nkind: List\nitems: []\nmetadata:\n  # comment\n  name: x # trailing\n",
    ];
    for (const d of read) expect(agrees(d), d).toBe(true);
    const unusual = [
      "kind: &a A",
      "kind: !!str A",
      'kind: "a\\"b"',
      "kind: [A]",
      "kind: a: b",
      "kind: 1",
      "kind: true",
      "metadata: []",
      "metadata:\n  name: [x]",
      "metadata:\n  annotations:\n    a: 1.5",
      "a: .inf",

      "null: x",
      "kind: A\n  more",
      "kind: 'multi\n  line'",
      "kind: |\n  A",
      "- a",
      "kind: A\n\tb: 1",
    ];
    for (const d of unusual) expect(fastHeadFields(d), d).toBeUndefined();
    for (const d of unusual) fullHead(d);
  });
});
