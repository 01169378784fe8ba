/**
 * Property: whatever text is thrown at the parser and executor (random token soup, mutations of
 * the conformance templates), it ends in an output or a Go-style error, quickly; no other
 * exception escapes and nothing hangs (execution limits bound runaway loops and recursion).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExecError } from "../../src/engine/exec.js";
import { newHelmTemplateSet } from "../../src/engine/helm.js";
import { ParseError } from "../../src/engine/parse.js";
import { NoTemplateError } from "../../src/engine/template.js";
import { newGoMap } from "../../src/govalue/value.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "cases");
const seeds: string[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as { template?: string }[])
  .map((c) => c.template)
  .filter((t): t is string => typeof t === "string");

const TOKENS = [
  "{{",
  "}}",
  "{{-",
  "-}}",
  " ",
  "\n",
  "(",
  ")",
  "|",
  ":=",
  "=",
  ",",
  ".",
  "$",
  "$x",
  ".a",
  ".a.b",
  "$.a",
  "if",
  "else",
  "end",
  "range",
  "with",
  "define",
  "template",
  "block",
  "break",
  "continue",
  "nil",
  "true",
  "1",
  "-2",
  "0x1F",
  "1.5",
  "1e3",
  "2i",
  "'a'",
  '"s"',
  "`r`",
  "and",
  "or",
  "not",
  "len",
  "index",
  "slice",
  "print",
  "printf",
  "eq",
  "lt",
  "include",
  "tpl",
  "required",
  "fail",
  '"x"',
  "/*",
  "*/",
  "text",
  "{{/* c */}}",
];

const data = () =>
  newGoMap([
    ["a", newGoMap([["b", "deep"]])],
    ["l", [1, "two", null, [3n]]],
    ["n", 2.5],
    ["s", "str"],
    ["z", null],
  ]);

/** Runs a template under tight limits; returns how it ended. */
function run(text: string): "output" | "error" {
  const set = newHelmTemplateSet({ limits: { maxSteps: 20_000, maxOutput: 200_000 } });
  try {
    set.parse("main", text);
    set.parse("x", `{{ define "x" }}${text}{{ end }}`);
  } catch (e) {
    if (e instanceof ParseError) return "error";
    throw e;
  }
  try {
    set.execute("main", data());
    return "output";
  } catch (e) {
    if (e instanceof ExecError || e instanceof NoTemplateError) {
      expect(e.message).toMatch(/^template: /);
      return "error";
    }
    throw e;
  }
}

function timed(text: string): void {
  const start = performance.now();
  run(text);
  const ms = performance.now() - start;
  if (ms > 2000) throw new Error(`took ${ms} ms: ${JSON.stringify(text)}`);
}

describe("engine robustness", () => {
  it("random token soup ends in output or a Go-style error", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (toks) => timed(toks.join(""))),
      { numRuns: 1500 },
    );
  });

  it("mutated conformance templates end in output or a Go-style error", () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.string({ maxLength: 6 }), (seed, a, b, insert) => {
        const i = a % (seed.length + 1);
        const j = Math.min(seed.length, i + (b % 4));
        timed(seed.slice(0, i) + insert + seed.slice(j));
      }),
      { numRuns: 1500 },
    );
  });

  it("arbitrary unicode text ends in output or a Go-style error", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => timed(`{{${s}}}${s}`)),
      {
        numRuns: 500,
      },
    );
  });

  it("runaway recursion and loops end in errors", () => {
    expect(run('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}')).toBe("error");
    expect(run('{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}')).toBe("error");
    expect(run("{{ range 100000000 }}{{ end }}")).toBe("error");
    expect(run("{{ range 100000 }}xxxxxxxxxxxxxxxxxxxx{{ end }}")).toBe("error");
  });
});
