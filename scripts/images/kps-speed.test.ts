/**
 * Dev-time speed check on kube-prometheus-stack (the brief's yardstick; not in the corpus goldens):
 * renders it with the real Helm and times extraction. Runs only when HELM_BIN is set and the corpus
 * is present, e.g. `HELM_BIN=~/.cache/helm-trivy-dev/helm pnpm exec vitest run scripts/images`.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { extractImages } from "../../packages/core/src/images/index.js";

const helm = process.env.HELM_BIN;
const charts = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus/charts");
const chart = join(charts, "kube-prometheus-stack");
const runnable = helm !== undefined && existsSync(chart);

it.skipIf(!runnable)("extracts kube-prometheus-stack's render in tens of milliseconds", () => {
  for (const extra of [[], ["--include-crds"]]) {
    const text = execFileSync(helm!, ["template", chart, ...extra], { maxBuffer: 1 << 28 }).toString();
    extractImages(text);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      extractImages(text);
      runs.push(performance.now() - t0);
    }
    const best = Math.min(...runs);
    console.log(
      `kube-prometheus-stack ${extra.join(" ")}: ${text.split("\n").length} lines, best of 5 ${best.toFixed(1)} ms`,
    );
    expect(best).toBeLessThan(100);
  }
});
