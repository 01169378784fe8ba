// compileGoMatch must answer exactly like goMatch (Go's filepath.Match), whichever way it runs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGoMatch, goMatch } from "../../src/gopath/match.js";

const patternPiece = fc.constantFrom("*", "?", "a", "b", ".", "/", "-", "é", "$", "(", "+", "[ab]", "\\*", "[!a]");
const namePiece = fc.constantFrom("a", "b", ".", "/", "-", "é", "$", "(", "+", "*", "ab", "x/y");

function outcome(f: () => boolean): boolean | "bad" {
  try {
    return f();
  } catch {
    return "bad";
  }
}

describe("compileGoMatch", () => {
  it("agrees with goMatch on random patterns and names", () => {
    fc.assert(
      fc.property(fc.array(patternPiece, { maxLength: 8 }), fc.array(namePiece, { maxLength: 8 }), (p, n) => {
        const pattern = p.join("");
        const name = n.join("");
        const compiled = compileGoMatch(pattern);
        expect(outcome(() => compiled(name))).toEqual(outcome(() => goMatch(pattern, name)));
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps the usual .helmignore shapes", () => {
    expect(compileGoMatch("*.tgz")("chart-1.0.tgz")).toBe(true);
    expect(compileGoMatch("*.tgz")("dir/chart.tgz")).toBe(false);
    expect(compileGoMatch("templates/.?*")("templates/.hidden")).toBe(true);
    expect(compileGoMatch("templates/.?*")("templates/.")).toBe(false);
    expect(compileGoMatch("templates/skip-*.yaml")("templates/skip-a.yaml")).toBe(true);
  });
});
