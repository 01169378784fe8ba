// parseYaml answers a text it has parsed before from a copy: every caller must still get its
// own value, equal to a first parse (key order, null-prototype maps, nested lists included).
import { describe, expect, it } from "vitest";
import type { GoMap } from "../../src/govalue/value.js";
import { parseYaml } from "../../src/yaml/parse.js";

const text = `${Array.from({ length: 40 }, (_, i) => `key${i}: value ${i}`).join("\n")}\n2: two\nlist:\n- a: 1\n  b: [x, y]\n- null\nnested:\n  deep:\n    yes: true\n`;

describe("parseYaml on a repeated text", () => {
  it("gives each caller a value of its own", () => {
    expect(text.length).toBeGreaterThan(512);
    const first = parseYaml(text) as GoMap;
    const snapshot = JSON.stringify(first);
    (first.nested as GoMap).deep = "changed";
    ((first.list as GoMap[])[0] as GoMap).a = 99;
    first.key0 = null;
    const second = parseYaml(text) as GoMap;
    expect(JSON.stringify(second)).toBe(snapshot);
    expect(second).not.toBe(first);
    (second.nested as GoMap).deep = "again";
    const third = parseYaml(text) as GoMap;
    expect(JSON.stringify(third)).toBe(snapshot);
    expect(Object.getPrototypeOf(third)).toBeNull();
    expect(Object.getPrototypeOf(third.nested)).toBeNull();
    expect(Object.keys(third).slice(0, 2)).toEqual(["2", "key0"]);
  });

  it("still fails the same way on a repeated bad text", () => {
    const bad = `${"a: 1\n".repeat(200)}b: [\n`;
    expect(() => parseYaml(bad)).toThrow();
    const msg = (() => {
      try {
        parseYaml(bad);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(msg).toMatch(/^error converting YAML to JSON: yaml: /);
  });
});
