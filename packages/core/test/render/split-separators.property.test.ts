// splitOnSeparators is a linear rewrite of Helm's regexp split `(?:^|\s*\n)---\s*`: it must cut
// every text exactly where the regular expression (RE2's ASCII \s) cuts it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitOnSeparators } from "../../src/render/manifests.js";

const HELM_SEPARATOR = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/;

describe("splitOnSeparators", () => {
  it("cuts like the regular expression on texts made of separators' pieces", () => {
    const piece = fc.constantFrom("-", "--", "---", "\n", " ", "\t", "\r", "\f", "\v", "a", "b: 1", "\n---\n", "#");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const s = parts.join("");
        expect(splitOnSeparators(s)).toEqual(s.split(HELM_SEPARATOR));
      }),
      { numRuns: 3000 },
    );
  });

  it("handles the usual shapes", () => {
    expect(splitOnSeparators("---\na: 1\n---\nb: 2\n  \n---  \n\nc: 3")).toEqual(["", "a: 1", "b: 2", "c: 3"]);
    expect(splitOnSeparators("a: 1\n----\nb")).toEqual(["a: 1", "-\nb"]);
    expect(splitOnSeparators("---\n---\nx")).toEqual(["", "---\nx"]);
    expect(splitOnSeparators("")).toEqual([""]);
  });

  it("stays linear on long indentation runs", () => {
    const s = `${"a:\n".repeat(10)}${" ".repeat(200_000)}x\n---\ny`;
    const t0 = performance.now();
    expect(splitOnSeparators(s)).toHaveLength(2);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
