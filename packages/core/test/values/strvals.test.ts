import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { newGoMap } from "../../src/govalue/value.js";
import { applySetFlags, type SetFlags } from "../../src/values/set-flags.js";
import { parseSet, typedValue } from "../../src/values/strvals.js";
import { normaliseDump, typedDump } from "./typed-dump.js";

// Expected values come from real Helm 4.1.4: scripts/render-fixtures/gen-strvals.mjs.
const here = dirname(fileURLToPath(import.meta.url));
const cases = JSON.parse(readFileSync(join(here, "strvals-cases.json"), "utf8")) as { name: string; args: string[] }[];
const expected = JSON.parse(readFileSync(join(here, "strvals-expected.json"), "utf8")) as Record<
  string,
  { code: number; stderr: string; values: unknown }
>;

const FLAG_FIELDS: Record<string, keyof SetFlags> = {
  "--set": "values",
  "--set-string": "stringValues",
  "--set-json": "jsonValues",
  "--set-literal": "literalValues",
  "--set-file": "fileValues",
};

function flagsOf(args: string[]): SetFlags {
  const flags: SetFlags = {};
  for (let i = 0; i < args.length; i += 2) {
    const field = FLAG_FIELDS[args[i] as string];
    if (!field) throw new Error(`unknown flag ${args[i]}`);
    const list = flags[field] ?? [];
    list.push(args[i + 1] as string);
    flags[field] = list;
  }
  return flags;
}

describe("strvals matches Helm 4.1.4 on --set* lines", () => {
  it("has an expectation for every case", () => {
    expect(cases.length).toBeGreaterThan(30);
    for (const c of cases) expect(expected[c.name], c.name).toBeDefined();
  });
  for (const c of cases) {
    it(c.name, () => {
      const want = expected[c.name] as { code: number; stderr: string; values: unknown };
      const base = newGoMap();
      let error: string | undefined;
      try {
        applySetFlags(base, flagsOf(c.args));
      } catch (e) {
        error = (e as Error).message;
      }
      if (want.code !== 0) {
        expect(error).toBeDefined();
        expect(`Error: ${error}\n`).toBe(want.stderr);
      } else {
        expect(error).toBeUndefined();
        expect(typedDump(base)).toEqual(normaliseDump(want.values));
      }
    });
  }
});

describe("strvals typing", () => {
  it("types --set scalars like Helm's typedVal", () => {
    expect(typedValue("10", false)).toBe(10n);
    expect(typedValue("010", false)).toBe("010");
    expect(typedValue("tRuE", false)).toBe(true);
    expect(typedValue("10", true)).toBe("10");
  });
  it("reads --set-file values through the reader it is given", () => {
    const v = parseSet("set-file", "a=x.txt,b[0]=y.txt", { readFile: (p) => `<${p}>` });
    expect(v).toEqual({ a: "<x.txt>", b: ["<y.txt>"] });
  });
  it("treats keys such as __proto__ as plain keys", () => {
    const v = parseSet("set", "__proto__.x=1");
    expect(Object.keys(v)).toEqual(["__proto__"]);
  });
});
