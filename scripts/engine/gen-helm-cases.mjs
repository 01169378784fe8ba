#!/usr/bin/env node
/**
 * Generates the Helm-level engine fixtures from the real Helm 4.1.4:
 *   HELM_BIN=~/.cache/helm-trivy-dev/helm node scripts/engine/gen-helm-cases.mjs [GROUP...]
 * Each case of helm-case-sources.mjs becomes a tiny chart `hn` whose templates/NOTES.txt holds
 * the template between markers (helm trims NOTES). The output comes from
 * `helm install --dry-run=client` (NOTES between the markers), an error from `helm template`
 * (its message after `Error: `). Writes packages/core/test/engine/helm-cases/<group>.json.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { groups, MARK_BEGIN, MARK_END } from "./helm-case-sources.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "../../packages/core/test/engine/helm-cases");
const helm = process.env.HELM_BIN ?? join(process.env.HOME ?? "/root", ".cache/helm-trivy-dev/helm");
mkdirSync(outDir, { recursive: true });

function runCase(c) {
  const dir = mkdtempSync(join(tmpdir(), "hn-"));
  try {
    mkdirSync(join(dir, "templates"), { recursive: true });
    writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: hn\nversion: 0.1.0\n");
    writeFileSync(join(dir, "values.yaml"), JSON.stringify(c.values ?? {}));
    for (const [f, text] of Object.entries(c.files ?? {})) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    writeFileSync(join(dir, "templates/NOTES.txt"), `${MARK_BEGIN}${c.notes}${MARK_END}`);
    const tpl = spawnSync(helm, ["template", "x", dir], { encoding: "utf8", maxBuffer: 1 << 30 });
    if (tpl.status !== 0) {
      let err = tpl.stderr;
      if (!err.startsWith("Error: ")) throw new Error(`unexpected stderr: ${err}`);
      err = err
        .slice("Error: ".length)
        .replace(/\n\nUse --debug flag to render out invalid YAML\n$/, "")
        .replace(/\n$/, "");
      return { error: err };
    }
    const out = execFileSync(helm, ["install", "x", dir, "--dry-run=client"], { encoding: "utf8", maxBuffer: 1 << 30 });
    const b = out.indexOf(MARK_BEGIN);
    const e = out.lastIndexOf(MARK_END);
    if (b < 0 || e < 0) throw new Error(`no NOTES markers in: ${out}`);
    return { output: out.slice(b + MARK_BEGIN.length, e) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Optional group names on the command line regenerate only those groups.
const only = new Set(process.argv.slice(2));
let total = 0;
for (const [group, cases] of Object.entries(groups)) {
  if (only.size > 0 && !only.has(group)) continue;
  const out = cases.map((c, i) => {
    const named = { name: c.name ?? `${group}#${i}`, ...c };
    return { ...named, ...runCase(named) };
  });
  writeFileSync(join(outDir, `${group}.json`), `${JSON.stringify(out, null, 1)}\n`);
  total += out.length;
  console.log(`${group}: ${out.length}`);
}
// The project's formatter owns the layout of committed JSON.
spawnSync(join(here, "../../node_modules/.bin/biome"), ["format", "--write", outDir], { stdio: "ignore" });
console.log(`total: ${total}`);
