#!/usr/bin/env node
// For every corpus chart's values.yaml (../shared/corpus/charts/*/values.yaml), asks Helm 4.1.4
// for sha256(toYaml of the file read as Helm reads values) and stores only the hashes in
// packages/core/test/yaml/fixtures/corpus-values.expected.json. The corpus files stay outside
// the project; the test reads them at run time. Dev time only:
//   HELM_BIN=~/.cache/helm-trivy-dev/helm node scripts/yaml/gen-corpus-hashes.mjs
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const corpus = join(root, "../shared/corpus/charts");
const out = join(root, "packages/core/test/yaml/fixtures/corpus-values.expected.json");
const helm = process.env.HELM_BIN ?? join(process.env.HOME ?? "/root", ".cache/helm-trivy-dev/helm");

const dir = mkdtempSync(join(tmpdir(), "yaml-corpus-"));
try {
  mkdirSync(join(dir, "c/templates"), { recursive: true });
  writeFileSync(join(dir, "c/Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
  // fromYaml is sigs.k8s.io/yaml.Unmarshal into a map: the same reading Helm gives values.yaml.
  writeFileSync(
    join(dir, "c/templates/NOTES.txt"),
    '@@{{ $m := .Values.content | fromYaml }}{{ toYaml $m | sha256sum }} {{ toYaml $m | len }} {{ hasKey $m "Error" }}\n',
  );
  const result = {};
  for (const chart of readdirSync(corpus).sort()) {
    const file = join(corpus, chart, "values.yaml");
    if (!existsSync(file)) continue;
    const stdout = execFileSync(
      helm,
      ["install", "x", join(dir, "c"), "--dry-run=client", "--set-file", `content=${file}`],
      {
        encoding: "utf8",
        maxBuffer: 1 << 28,
      },
    );
    const m = /^@@([0-9a-f]{64}) (\d+) (true|false)$/m.exec(stdout);
    if (!m) throw new Error(`${chart}: no hash in Helm's output`);
    result[chart] = { sha256: m[1], length: Number(m[2]), error: m[3] === "true" };
  }
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${Object.keys(result).length} charts`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
