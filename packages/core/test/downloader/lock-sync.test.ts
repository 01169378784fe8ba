/**
 * The lock digest against every Chart.lock of the shared corpus (charts published with
 * `helm dependency update`, whose digest Helm computed), and Helm's out-of-sync error.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadChart } from "../../src/chart/load.js";
import { checkLockInSync, hashRequirements } from "../../src/downloader/lock-sync.js";
import { repoRoot } from "../repo/test-servers.js";

const corpus = path.resolve(repoRoot, "../shared/corpus/charts");
const lockedCharts = existsSync(corpus)
  ? readdirSync(corpus).filter((d) => existsSync(path.join(corpus, d, "Chart.lock")))
  : [];
if (lockedCharts.length === 0) console.warn(`lock digest corpus check skipped: no charts with Chart.lock at ${corpus}`);

describe("Chart.lock digest (resolver.HashReq)", () => {
  it.skipIf(lockedCharts.length === 0).each(lockedCharts)("%s: our digest is the one Helm wrote", async (name) => {
    const chart = await loadChart(path.join(corpus, name));
    expect(chart.lock?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hashRequirements(chart.metadata.dependencies, chart.lock?.dependencies)).toBe(chart.lock?.digest);
    expect(() => checkLockInSync(chart)).not.toThrow();
  });
});
