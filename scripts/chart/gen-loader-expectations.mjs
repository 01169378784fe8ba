// Generates fixtures/charts/loader-expected.json from the real Helm 4.1.4 (dev time only):
//   HELM_BIN=~/.cache/helm-trivy-dev/helm node scripts/chart/gen-loader-expectations.mjs
// For every fixtures/charts/loader-* directory and every archive case it records what
// `helm template`, `helm show chart`, `helm package` (the loaded chart, re-saved) and the
// NOTES (a listing of .Files, or .Values as JSON) say.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { buildTgz, repoRoot } from "./archive-builder.mjs";
import { archiveCases } from "./archive-cases.mjs";
import { tarNames } from "./tar-names.mjs";

const require = createRequire(path.join(repoRoot, "packages/core/package.json"));
const YAML = require("yaml");
const helm = process.env.HELM_BIN ?? path.join(os.homedir(), ".cache/helm-trivy-dev/helm");
const tmp = mkdtempSync(path.join(os.tmpdir(), "loader-expect-"));

function run(args) {
  const r = spawnSync(helm, args, {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, HELM_CACHE_HOME: tmp, HELM_CONFIG_HOME: tmp, HELM_DATA_HOME: tmp },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Helm prints `Error: MSG\n`; `helm template` may add a debug hint after it. */
function errorOf(stderr) {
  const i = stderr.indexOf("Error: ");
  if (i < 0) return undefined;
  let msg = stderr.slice(i + "Error: ".length);
  msg = msg.replace(/\n\nUse --debug flag to render out invalid YAML\n$/, "\n");
  return msg.endsWith("\n") ? msg.slice(0, -1) : msg;
}

/** The chart tree `helm package` saved: templates, other files, subcharts (recursively). */
function treeOf(names) {
  const node = { templates: [], files: [], dependencies: {} };
  const sub = new Map();
  for (const n of names) {
    if (["Chart.yaml", "values.yaml", "values.schema.json", "Chart.lock"].includes(n)) continue;
    if (n.startsWith("templates/")) node.templates.push(n);
    else if (n.startsWith("charts/") && !n.endsWith(".prov")) {
      const [, c, ...rest] = n.split("/");
      if (!sub.has(c)) sub.set(c, []);
      sub.get(c).push(rest.join("/"));
    } else node.files.push(n);
  }
  for (const [c, list] of sub) node.dependencies[c] = treeOf(list);
  node.templates.sort();
  node.files.sort();
  return node;
}

function notesOf(stdout) {
  const i = stdout.indexOf("NOTES:\n");
  return i < 0 ? undefined : stdout.slice(i + "NOTES:\n".length);
}

const out = { helm: run(["version", "--short"]).stdout.trim(), dirs: {}, archives: {} };

// Only the fixture chart directories: the expectation files themselves also start with `loader-`.
for (const name of readdirSync(path.join(repoRoot, "fixtures/charts"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name.startsWith("loader-"))
  .map((d) => d.name)
  .sort()) {
  const rel = `fixtures/charts/${name}`;
  const tpl = run(["template", rel]);
  const show = run(["show", "chart", rel]);
  const rec = {
    templateError: tpl.code === 0 ? null : (errorOf(tpl.stderr) ?? tpl.stderr).replaceAll(repoRoot, "<ROOT>"),
    showError: show.code === 0 ? null : errorOf(show.stderr)?.replaceAll(repoRoot, "<ROOT>"),
  };
  if (show.code === 0) rec.metadata = YAML.parse(show.stdout);
  const pkgDir = mkdtempSync(path.join(tmp, "pkg-"));
  const pkg = run(["package", rel, "-d", pkgDir]);
  if (pkg.code === 0) {
    const tgz = readdirSync(pkgDir)[0];
    rec.tree = treeOf(tarNames(path.join(pkgDir, tgz)).map((n) => n.split("/").slice(1).join("/")));
  }
  if (tpl.code === 0 && readdirSafe(path.join(repoRoot, rel, "templates")).includes("NOTES.txt")) {
    rec.notes = notesOf(run(["install", "x", rel, "--dry-run=client"]).stdout);
  }
  out.dirs[name] = rec;
}

for (const [name, entries] of Object.entries(archiveCases)) {
  const file = path.join(tmp, `${name}.tgz`);
  writeFileSync(file, buildTgz(entries));
  const tpl = run(["template", file]);
  const show = run(["show", "chart", file]);
  const rec = {
    templateError: tpl.code === 0 ? null : (errorOf(tpl.stderr) ?? tpl.stderr).replaceAll(file, "<FILE>"),
    showError: show.code === 0 ? null : errorOf(show.stderr)?.replaceAll(file, "<FILE>"),
  };
  if (show.code === 0) rec.metadata = YAML.parse(show.stdout);
  if (tpl.code === 0) rec.notes = notesOf(run(["install", "x", file, "--dry-run=client"]).stdout);
  out.archives[name] = rec;
}

function readdirSafe(p) {
  try {
    return readdirSync(p);
  } catch {
    return [];
  }
}

writeFileSync(path.join(repoRoot, "fixtures/charts/loader-expected.json"), `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${Object.keys(out.dirs).length} dir cases, ${Object.keys(out.archives).length} archive cases`);
