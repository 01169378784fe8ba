#!/usr/bin/env node
// Dev-time generator of fixtures/manifests/reference-expected.json, the expected results of
// parseImageRef for every string in fixtures/manifests/reference-cases.json.
//
// Two authorities, because no single offline one is current:
//  - the docker CLI (DOCKER_BIN, default `docker`) parses a reference before it needs a daemon: its
//    error is the current distribution/reference's verdict and text; "Cannot connect to the Docker
//    daemon" means the reference was valid;
//  - scripts/images/refcheck (Go, built here in GOPATH mode against Debian's
//    golang-github-docker-distribution-dev 2.8.2; GO_BIN, GOPATH_DIR) gives the normalised form.
//    2.8.2 still rejects an upper-case first element that newer releases read as a host; for those
//    its plain Parse (no Docker Hub defaulting) is the current reading. It also lacks IPv6 hosts
//    and counts the host in the 255-character name limit (newer: the path only). A reference with
//    an explicit host is not rewritten by normalisation, only given `:latest` when it has neither
//    tag nor digest, so for those the docker-accepted input is its own normal form.
//
// Usage: node scripts/images/gen-reference-fixtures.mjs
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const casesPath = join(root, "fixtures/manifests/reference-cases.json");
const outPath = join(root, "fixtures/manifests/reference-expected.json");
const docker = process.env.DOCKER_BIN ?? "docker";
const go = process.env.GO_BIN ?? "go";
const gopath = process.env.GOPATH_DIR ?? "/usr/share/gocode";

const cases = JSON.parse(readFileSync(casesPath, "utf8"));

const build = mkdtempSync(join(tmpdir(), "refcheck-"));
copyFileSync(join(root, "scripts/images/refcheck/main.go"), join(build, "main.go"));
execFileSync(go, ["build", "-o", join(build, "refcheck"), "main.go"], {
  cwd: build,
  env: { ...process.env, GOPATH: gopath, GO111MODULE: "off", GOCACHE: join(build, "cache") },
  stdio: ["ignore", "inherit", "inherit"],
});
const goResults = JSON.parse(execFileSync(join(build, "refcheck"), { input: JSON.stringify(cases) }).toString());

function dockerVerdict(ref) {
  const r = spawnSync(docker, ["pull", "-q", "--", ref], { encoding: "utf8", timeout: 20_000 });
  const text = `${r.stderr}${r.stdout}`.trim().split("\n")[0];
  if (text.includes("Cannot connect to the Docker daemon")) return { valid: true };
  if (text === "") throw new Error(`docker gave no verdict for ${JSON.stringify(ref)}`);
  return { valid: false, reason: text.replace(/^Error( response from daemon)?: /, "") };
}

function withDefaultTag(ref) {
  const slash = ref.indexOf("/");
  const host = slash >= 0 ? ref.slice(0, slash) : "";
  if (!(host === "localhost" || /[.:]/.test(host) || host.toLowerCase() !== host)) return undefined;
  const afterHost = ref.slice(ref.indexOf("/"));
  return /[:@]/.test(afterHost) ? ref : `${ref}:latest`;
}

function splitFull(full) {
  const at = full.indexOf("@");
  const digest = at >= 0 ? full.slice(at + 1) : undefined;
  const nameTag = at >= 0 ? full.slice(0, at) : full;
  const lastSlash = nameTag.lastIndexOf("/");
  const colon = nameTag.indexOf(":", lastSlash);
  const name = colon >= 0 ? nameTag.slice(0, colon) : nameTag;
  const tag = colon >= 0 ? nameTag.slice(colon + 1) : undefined;
  const slash = name.indexOf("/");
  return { registry: name.slice(0, slash), repository: name.slice(slash + 1), tag, digest };
}

const expected = [];
let disagreements = 0;
for (const [i, input] of cases.entries()) {
  const g = goResults[i];
  const d = dockerVerdict(input);
  if (!d.valid) {
    if (!g.error) console.warn(`note: 2.8.2 accepts ${JSON.stringify(input)}, docker rejects: ${d.reason}`);
    expected.push({ input, invalid: true, reason: d.reason });
    continue;
  }
  const full = g.full ?? g.plainParse ?? withDefaultTag(input);
  if (full === undefined) throw new Error(`docker accepts ${JSON.stringify(input)} but Go cannot normalise it`);
  if (g.error) disagreements++;
  const parts = splitFull(full);
  expected.push({
    input,
    invalid: false,
    full,
    registry: parts.registry,
    repository: parts.repository,
    ...(parts.tag !== undefined ? { tag: parts.tag } : {}),
    ...(parts.digest !== undefined ? { digest: parts.digest } : {}),
  });
}
writeFileSync(outPath, `${JSON.stringify(expected, null, 1)}\n`);
console.log(`wrote ${expected.length} cases (${disagreements} read with the newer upper-case-host rule) to ${outPath}`);
