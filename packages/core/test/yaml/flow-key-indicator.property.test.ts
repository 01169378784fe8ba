// hasFlowKeyIndicator is a scan from each `?` for the regular expression parseYaml used to run
// over the whole text: it must answer exactly like it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasFlowKeyIndicator } from "../../src/yaml/parse.js";

const FLOW_KEY = /[[{,][ \t]*\?[^ \t\r\n]/;

describe("hasFlowKeyIndicator", () => {
  it("answers like the regular expression on texts made of its pieces", () => {
    const piece = fc.constantFrom("[", "{", ",", " ", "\t", "?", "\r", "\n", "a", ":", "#", "??", "[?", ", ?x", "é");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const s = parts.join("");
        expect(hasFlowKeyIndicator(s)).toBe(FLOW_KEY.test(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("handles the usual shapes", () => {
    expect(hasFlowKeyIndicator("a: [?x]")).toBe(true);
    expect(hasFlowKeyIndicator("a: { \t?x: 1}")).toBe(true);
    expect(hasFlowKeyIndicator("a: [? x]")).toBe(false);
    expect(hasFlowKeyIndicator("? a\n: b")).toBe(false);
    expect(hasFlowKeyIndicator("a: b?c, ?")).toBe(false);
  });
});
