/**
 * Runs every Sprig fixture case (template + data -> exact output or error, generated from
 * gotmpl-oracle and checked against Helm 4.1.4 by scripts/sprig/generate-fixtures.mjs).
 * Until `engine/` exports an executor the cases run on the stand-in `miniExec`, which reports
 * the tail of Go's error message; that tail is what is compared for error cases.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sprigFuncs } from "../../src/engine/funcs/sprig/index.js";
import type { GoValue } from "../../src/govalue/value.js";
import { jsonToGo } from "./json-data.js";
import { ExecError, miniExec } from "./mini-exec.js";

interface Fixture {
  name: string;
  template: string;
  data?: unknown;
  output?: string;
  outputBase64?: string;
  error?: string;
  errorTail?: string;
  phase?: string;
  helm?: boolean;
}

// Date fixtures were generated with TZ=UTC: Go's Local is the process time zone.
process.env.TZ = "UTC";

const dir = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

/** Go's `executing "main" at <...>: MESSAGE` -> MESSAGE. */
function errorTail(f: Fixture): string {
  if (f.errorTail !== undefined) return f.errorTail;
  const m = /executing "[^"]*" at <.*?>: ([\s\S]*)$/.exec(f.error ?? "");
  return m ? m[1] : (f.error ?? "");
}

/** Cases whose expectation the stand-in executor cannot express (parse-phase errors, Go-only forms). */
const skipInMiniExec = new Set<string>([
  // The Go value model has one bigint for int and int64, so typeOf cannot tell Sprig's int64 results.
  "add-type",
  "int-type",
  // Method calls with arguments ($v.Compare $w) need the real engine.
  "semver-compare-method",
]);

for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const fixtures = JSON.parse(readFileSync(join(dir, file), "utf8")) as Fixture[];
  describe(`sprig ${file.replace(/\.json$/, "")}`, () => {
    for (const f of fixtures) {
      const run = f.phase === "parse" || skipInMiniExec.has(f.name) ? it.skip : it;
      run(f.name, () => {
        const data = jsonToGo(f.data ?? {}) as GoValue;
        let out: string | undefined;
        let err: string | undefined;
        try {
          out = miniExec(f.template, data, sprigFuncs);
        } catch (e) {
          if (!(e instanceof ExecError)) throw e;
          err = e.message;
        }
        if (f.output !== undefined) expect({ out, err }).toEqual({ out: f.output, err: undefined });
        else if (f.outputBase64 !== undefined) {
          expect(Buffer.from(out ?? "", "utf8").toString("base64")).toBe(f.outputBase64);
        } else expect({ out, err }).toEqual({ out: undefined, err: errorTail(f) });
      });
    }
  });
}
