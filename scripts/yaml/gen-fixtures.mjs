#!/usr/bin/env node
// Generates the expectations of packages/core/test/yaml/fixtures/*.cases.json with the real
// Helm 4.1.4 (dev time only): every case runs inside one throw-away chart's NOTES.txt, which
// `helm install --dry-run=client` prints raw. Usage:
//   HELM_BIN=~/.cache/helm-trivy-dev/helm node scripts/yaml/gen-fixtures.mjs [NAME...]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "../../packages/core/test/yaml/fixtures");
const helm = process.env.HELM_BIN ?? join(process.env.HOME ?? "/root", ".cache/helm-trivy-dev/helm");

// Each kind is a template line per case; each line prints one JSON string or value.
const kinds = {
  // $c.yaml read by fromYaml (sigs.k8s.io/yaml.Unmarshal), then written back with toYaml.
  parse: ["{{ $c.yaml | fromYaml | toJson }}", "{{ $c.yaml | fromYaml | toYaml | toJson }}"],
  parseArray: ["{{ $c.yaml | fromYamlArray | toJson }}", "{{ $c.yaml | fromYamlArray | toYaml | toJson }}"],
  // $c.value (a JSON value, so numbers are float64 as from any values file) written out.
  emit: [
    "{{ $c.value | toYaml | toJson }}",
    "{{ $c.value | toJson | toJson }}",
    "{{ $c.value | toYamlPretty | toJson }}",
  ],
  fuzz: [
    "{{ $c.value | toYaml | toJson }}",
    "{{ $c.value | toYaml | fromYaml | toJson }}",
    "{{ $c.value | toYamlPretty | toJson }}",
  ],
  toml: ["{{ $c.value | toToml | toJson }}", "{{ $c.toml | fromToml | toJson }}"],
  json: [
    "{{ $c.json | fromJson | toJson }}",
    "{{ $c.json | fromJsonArray | toJson }}",
    "{{ $c.json | fromJson | toYaml | toJson }}",
  ],
};

function run(name) {
  const file = join(fixtures, `${name}.cases.json`);
  const spec = JSON.parse(readFileSync(file, "utf8"));
  const lines = kinds[spec.kind];
  const dir = mkdtempSync(join(tmpdir(), "yaml-fixtures-"));
  try {
    mkdirSync(join(dir, "c/templates"), { recursive: true });
    writeFileSync(join(dir, "c/Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
    const body = lines.map((l) => `@@{{ $i }} ${l}`).join("\n");
    writeFileSync(
      join(dir, "c/templates/NOTES.txt"),
      `@@BEGIN{{ range $i, $c := .Values.cases }}\n${body}{{ end }}\n@@END\n`,
    );
    // Helm reads values.json as YAML: raw U+2028/U+0085 would be line breaks there, so escape all non-ASCII.
    const json = JSON.stringify({ cases: spec.cases }).replace(/[\u007f-\u{10ffff}]/gu, (c) => {
      const p = c.codePointAt(0);
      return p > 0xffff ? `\\U${p.toString(16).padStart(8, "0")}` : `\\u${p.toString(16).padStart(4, "0")}`;
    });
    writeFileSync(join(dir, "values.json"), json);
    const out = execFileSync(
      helm,
      ["install", "x", join(dir, "c"), "--dry-run=client", "-f", join(dir, "values.json")],
      {
        encoding: "utf8",
        maxBuffer: 1 << 28,
      },
    );
    const results = spec.cases.map(() => []);
    for (const line of out.split("\n")) {
      const m = /^@@(\d+) ?(.*)$/.exec(line);
      if (m) {
        try {
          // toJson prints nothing when it fails: recorded as null.
          results[Number(m[1])].push(m[2] === "" ? null : JSON.parse(m[2]));
        } catch {
          throw new Error(`${name}: case ${m[1]} printed no JSON: ${m[2]}`);
        }
      }
    }
    const expected = spec.cases.map((c, i) => ({ name: c.name, results: results[i] }));
    writeFileSync(join(fixtures, `${name}.expected.json`), `${JSON.stringify(expected, null, 1)}\n`);
    console.log(`${name}: ${expected.length} cases`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const names = process.argv.slice(2);
const all = readdirSync(fixtures)
  .filter((f) => f.endsWith(".cases.json"))
  .map((f) => f.slice(0, -".cases.json".length));
for (const n of names.length ? names : all) run(n);
// The project's formatter owns the layout of committed JSON too.
execFileSync(
  join(dirname(fileURLToPath(import.meta.url)), "../../node_modules/.bin/biome"),
  ["format", "--write", fixtures],
  {
    stdio: "ignore",
  },
);
