// Generates fixtures/charts/loader-corpus-expected.json (dev time only): for every chart of
// ../shared/corpus/charts, the shape of the chart Helm 4.1.4 loads (via `helm package`, which
// re-saves exactly the loaded chart): template count, file count, subcharts, recursively.
//   HELM_BIN=~/.cache/helm-trivy-dev/helm node scripts/chart/gen-corpus-expectations.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./archive-builder.mjs";
import { tarNames } from "./tar-names.mjs";

const helm = process.env.HELM_BIN ?? path.join(os.homedir(), ".cache/helm-trivy-dev/helm");
const corpus = path.resolve(repoRoot, "../shared/corpus/charts");
const tmp = mkdtempSync(path.join(os.tmpdir(), "corpus-expect-"));

function shapeOf(names) {
  const node = { templates: 0, files: 0, dependencies: {} };
  const sub = new Map();
  for (const n of names) {
    if (["Chart.yaml", "values.yaml", "values.schema.json", "Chart.lock"].includes(n)) continue;
    if (n.startsWith("templates/")) node.templates++;
    else if (n.startsWith("charts/") && !n.endsWith(".prov")) {
      const [, c, ...rest] = n.split("/");
      if (!sub.has(c)) sub.set(c, []);
      sub.get(c).push(rest.join("/"));
    } else node.files++;
  }
  for (const [c, list] of [...sub].sort()) node.dependencies[c] = shapeOf(list);
  return node;
}

const out = {};
for (const name of readdirSync(corpus).sort()) {
  const dir = mkdtempSync(path.join(tmp, "p-"));
  const r = spawnSync(helm, ["package", path.join(corpus, name), "-d", dir], { encoding: "utf8" });
  if (r.status !== 0) {
    out[name] = { error: r.stderr.trim() };
    continue;
  }
  const tgz = path.join(dir, readdirSync(dir)[0]);
  out[name] = shapeOf(tarNames(tgz).map((n) => n.split("/").slice(1).join("/")));
}
writeFileSync(path.join(repoRoot, "fixtures/charts/loader-corpus-expected.json"), `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${Object.keys(out).length} corpus charts`);
