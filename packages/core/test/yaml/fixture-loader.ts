/** Reads a fixture pair: `NAME.cases.json` (inputs) and `NAME.expected.json` (Helm 4.1.4's outputs). */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GoValue, newGoMap } from "../../src/govalue/value.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

export interface FixtureCase<I> {
  input: I & { name: string };
  results: unknown[];
}

export function loadFixture<I>(name: string): FixtureCase<I>[] {
  const cases = (
    JSON.parse(readFileSync(join(fixtures, `${name}.cases.json`), "utf8")) as { cases: (I & { name: string })[] }
  ).cases;
  const expected = JSON.parse(readFileSync(join(fixtures, `${name}.expected.json`), "utf8")) as {
    name: string;
    results: unknown[];
  }[];
  if (expected.length !== cases.length) throw new Error(`${name}: cases and expectations differ in length`);
  return cases.map((input, i) => ({ input, results: (expected[i] as { results: unknown[] }).results }));
}

/** A JSON value as Helm sees it from a values file: objects become Go maps, numbers float64. */
export function fromJsonValue(v: unknown): GoValue {
  if (Array.isArray(v)) return v.map(fromJsonValue);
  if (v !== null && typeof v === "object")
    return newGoMap(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromJsonValue(x)]));
  return v as GoValue;
}

/** Plain JS objects, for comparing with what Helm's toJson printed. */
export function toPlain(v: GoValue): unknown {
  if (Array.isArray(v)) return v.map(toPlain);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  return v;
}

/**
 * Malformed inputs where our error differs from go-yaml's (eemeli's parser and libyaml disagree);
 * listed, not hidden:
 * - err2-39 `a: b\n\t\nc: d`: libyaml rejects a tab-only line inside a plain scalar
 *   ("line 2: found a tab character that violates indentation"); we accept it.
 * - err2-48 `a: [1,\n  2,\n  3\nb: 4`: libyaml stops at line 3, we report line 4.
 * - flow-colon-start `a: [:x]`: in a flow collection libyaml reads a leading ':' as the value
 *   indicator (an error there); we read the plain scalar ":x".
 * - flow-colon-end `a: [x:]`: libyaml reads the plain scalar "x:"; we read {x: null}.
 */
export const KNOWN_PARSE_DIFFERENCES = new Set(["err2-39", "err2-48", "flow-colon-start", "flow-colon-end"]);
