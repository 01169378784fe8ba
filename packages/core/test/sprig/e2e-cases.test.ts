/**
 * The Sprig fixture cases (scripts/sprig/cases, expectations from gotmpl-oracle checked against
 * Helm 4.1.4) end to end: parsed and executed by our text/template engine with Helm's function
 * map and options (missingkey=zero, `<no value>` removed), compared with the exact output or
 * the full Go error text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { newHelmTemplateSet } from "../../src/engine/helm.js";
import type { GoValue } from "../../src/govalue/value.js";
import { jsonToGo } from "./json-data.js";

interface Fixture {
  name: string;
  template: string;
  data?: unknown;
  output?: string;
  outputBase64?: string;
  error?: string;
  errorTail?: string;
  helm?: boolean;
}

// Date fixtures were generated with TZ=UTC: Go's Local is the process time zone.
process.env.TZ = "UTC";

const dir = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

/** Cases the engine does not yet reproduce, with the reason; everything else must pass. */
export const knownE2eFailures: Record<string, string> = {
  "add-type": "int64 results print as int (one bigint for Go's int and int64)",
  "int-type": "int64 results print as int (one bigint for Go's int and int64)",
};

function run(f: Fixture): { out?: string; err?: string } {
  const set = newHelmTemplateSet();
  try {
    set.parse("main", f.template);
    const out = set.execute("main", jsonToGo(f.data ?? {}) as GoValue);
    return { out: out.replaceAll("<no value>", "") };
  } catch (e) {
    return { err: (e as Error).message };
  }
}

for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const fixtures = JSON.parse(readFileSync(join(dir, file), "utf8")) as Fixture[];
  describe(`sprig e2e ${file.replace(/\.json$/, "")}`, () => {
    for (const f of fixtures) {
      const test = Object.hasOwn(knownE2eFailures, f.name) ? it.fails : it;
      test(f.name, () => {
        const r = run(f);
        if (f.output !== undefined) expect(r).toEqual({ out: f.output });
        else if (f.outputBase64 !== undefined) expect(Buffer.from(r.out ?? "").toString("base64")).toBe(f.outputBase64);
        else if (f.errorTail !== undefined) expect(r.err?.endsWith(f.errorTail)).toBe(true);
        else expect(r).toEqual({ err: f.error });
      });
    }
  });
}
