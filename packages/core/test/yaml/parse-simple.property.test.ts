// parseYaml's fast path must agree with the full parser (itself checked against go-yaml/Helm):
// whenever it answers, the full parser succeeds with the same value (key order included).
// Texts: every values file of the corpus charts and of the fixtures, random edits of them, and
// hand-made edge cases.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseYamlDocuments } from "../../src/yaml/parse.js";
import { parseSimpleYaml } from "../../src/yaml/parse-simple.js";
import { editedText, yamlSyntaxSnippets } from "../support/yaml-mutations.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../../..");
const corpusCharts = resolve(repoRoot, "../shared/corpus/charts");

function yamlFiles(dir: string, out: string[] = [], depth = 0): string[] {
  if (!existsSync(dir) || depth > 8) return out;
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) yamlFiles(p, out, depth + 1);
    else if (/values[^/]*\.ya?ml$/.test(f) || f === "Chart.yaml") out.push(readFileSync(p, "utf8"));
  }
  return out;
}

const corpusTexts = yamlFiles(corpusCharts);
if (corpusTexts.length === 0) console.warn(`parse-simple: no corpus at ${corpusCharts}; corpus checks skipped`);
const fixtureTexts = yamlFiles(join(repoRoot, "fixtures/charts"));

/** The full parser's first document (what parseYaml returns without the fast path). */
function full(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parseYamlDocuments(text)[0] ?? null };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function agrees(text: string): boolean {
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return false;
  const f = full(text);
  expect(f, text).toHaveProperty("value");
  expect(JSON.stringify(fast), text).toBe(JSON.stringify((f as { value: unknown }).value));
  return true;
}

describe("parseSimpleYaml", () => {
  it.skipIf(corpusTexts.length === 0)("agrees with the full parser on the corpus values files", () => {
    let fast = 0;
    for (const t of corpusTexts) if (agrees(t)) fast++;
    // The point is speed: most real values files must take the fast path.
    expect(fast / corpusTexts.length).toBeGreaterThan(0.5);
  });

  it("agrees on the fixtures' values files", () => {
    expect(fixtureTexts.length).toBeGreaterThan(20);
    for (const t of fixtureTexts) agrees(t);
  });

  it("agrees on random edits of real values files", () => {
    const pool = [...fixtureTexts, ...corpusTexts].filter((t) => t.length < 30_000);
    const snippets = [
      ...yamlSyntaxSnippets,
      "|+",
      "yes",
      "0x1F",
      "1e3",
      "1_000",
      "2001-01-01",
      "1: ",
      "true: ",
      "~: ",
      "1.5: ",
      "a: b",
      "\n  - ",
      ", ",
      "9223372036854775808: ",
    ];
    fc.assert(
      fc.property(editedText(pool, snippets), (text) => {
        agrees(text);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the usual layouts and leaves the unusual ones to the full parser", () => {
    const read = [
      "a: 1\nb: 1.5\nc: true\nd: ~\ne:\nf: 'it''s'\ng: \"q\"\nh: 0x1F\ni: 2001-01-01\nj: yes\n",
      "list:\n- a\n- b: 1\n  c: [x, 'y', \"z\", 2]\n-\n  d: {}\n- []\nafter: x # c\n",
      "lit: |\n  line 1\n\n    more\n  end\nstrip: |-\n  x\n\nclip: |\n  y\n\n\nnext: 1",
      'dup: 1\nx: 2\ndup: 3\n1: a\n"1": b\n1: c\ntrue: t\nyes: y\n',
      "# only a comment first\nk:\n  # inside\n  v: 1\n",
      "k:\n  {}\nl:\n  []\n",
    ];
    for (const t of read) expect(agrees(t), t).toBe(true);
    const unusual = [
      "a: &x 1",
      "a: !!str 1",
      'a: "x\\ny"',
      "a: {b: 1}",
      "a: b: c",
      "a: .inf",
      "~: 1",
      "1.5: x",
      "<<: {}",
      "a: 1\n  more",
      "a: 'multi\n  line'",
      "a: >\n  folded",
      "a: |+\n  kept\n",
      "- a",
      "a:\n\tb: 1",
      "---\na: 1",
      "a: 1\n---\nb: 2",
      "",
      "# nothing",
    ];
    for (const t of unusual) expect(parseSimpleYaml(t), t).toBeUndefined();
  });
});
