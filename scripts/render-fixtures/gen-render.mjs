#!/usr/bin/env node
// Generates packages/core/test/render/expected/NAME.{out,err,code} from real Helm 4.1.4 for
// every case of packages/core/test/render/cases.json, running `helm template` from
// fixtures/charts like the corpus goldens were made. Dev-time only:
//   HELM_BIN=/path/to/helm node scripts/render-fixtures/gen-render.mjs [name...]
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { helmTemplateArgs } from "./helm-args.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const helm = process.env.HELM_BIN ?? join(process.env.HOME ?? "", ".cache/helm-trivy-dev/helm");
const testDir = join(root, "packages/core/test/render");
const cases = JSON.parse(readFileSync(join(testDir, "cases.json"), "utf8"));
const only = new Set(process.argv.slice(2));
mkdirSync(join(testDir, "expected"), { recursive: true });
let n = 0;
for (const c of cases) {
  if (only.size > 0 && !only.has(c.name)) continue;
  // A fixed, empty environment: no kubeconfig namespace or plugins leak into the output.
  const env = {
    PATH: process.env.PATH,
    HOME: "/nonexistent",
    HELM_CACHE_HOME: "/tmp/gen-render-helm/cache",
    HELM_CONFIG_HOME: "/tmp/gen-render-helm/config",
    HELM_DATA_HOME: "/tmp/gen-render-helm/data",
    KUBECONFIG: "/nonexistent",
  };
  const r = spawnSync(helm, helmTemplateArgs(c), { cwd: join(root, "fixtures/charts"), encoding: "utf8", env });
  writeFileSync(join(testDir, "expected", `${c.name}.out`), r.stdout);
  writeFileSync(join(testDir, "expected", `${c.name}.err`), r.stderr);
  writeFileSync(join(testDir, "expected", `${c.name}.code`), `${r.status}\n`);
  n++;
}
console.log(`wrote ${n} cases`);
