/**
 * Go-level conformance: every case under cases/*.json (expectations produced by Go's
 * text/template through scripts/engine/gen-cases.mjs) must give the exact same output or error.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type EngineCase, runCase } from "./run-case.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "cases");
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

describe.each(files)("%s", (file) => {
  const cases = JSON.parse(readFileSync(join(dir, file), "utf8")) as EngineCase[];
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const got = runCase(c);
    if (c.outputBase64 !== undefined) {
      expect(got).toEqual({ output: Buffer.from(c.outputBase64, "base64").toString("utf8") });
    } else if (c.output !== undefined) {
      expect(got).toEqual({ output: c.output });
    } else {
      expect(got).toEqual({ error: c.error });
    }
  });
});
