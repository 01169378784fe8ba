import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChart } from "../../src/chart/load.js";
import { missingDependencies } from "../../src/downloader/dependencies.js";
import { locateChart } from "../../src/downloader/locate-chart.js";
import { ExitCode, HelmTrivyError } from "../../src/errors.js";
import {
  buildChartTgz,
  chartView,
  fixtureChart,
  indexYaml,
  repoRoot,
  serveFiles,
  sha256,
  startServer,
  type TestServer,
  tempDir,
} from "../repo/test-servers.js";

const demo = fixtureChart("demo");
let srv: TestServer;
let home: string;
let work: string;
const v110 = buildChartTgz(demo, "1.1.0");
const v120 = buildChartTgz(demo, "1.2.0");

/** What a promise rejects with (undefined when it resolves), for checks on the error's fields. */
async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  return undefined;
}

function env(): Record<string, string> {
  return {
    HOME: home,
    HELM_CONFIG_HOME: path.join(home, "config"),
    HELM_CACHE_HOME: path.join(home, "cache"),
    HELM_TRIVY_CACHE_DIR: path.join(home, "charts"),
  };
}

beforeAll(async () => {
  home = tempDir("deps-home");
  work = tempDir("deps-work");
  const index = indexYaml([
    { name: "demo", version: "1.2.0", url: "demo-1.2.0.tgz", digest: sha256(v120) },
    { name: "demo", version: "1.1.0", url: "demo-1.1.0.tgz", digest: sha256(v110) },
  ]);
  srv = await startServer(
    serveFiles(
      new Map<string, Uint8Array | string>([
        ["/index.yaml", index],
        ["/demo-1.1.0.tgz", v110],
        ["/demo-1.2.0.tgz", v120],
      ]),
    ),
  );
  mkdirSync(path.join(home, "config"), { recursive: true });
  mkdirSync(path.join(home, "cache", "repository"), { recursive: true });
  writeFileSync(path.join(home, "config", "repositories.yaml"), `repositories:\n- name: testrepo\n  url: ${srv.url}\n`);
  writeFileSync(path.join(home, "cache", "repository", "testrepo-index.yaml"), index);
  // parent and local-child side by side, as file://../local-child expects.
  cpSync(fixtureChart("parent"), path.join(work, "parent"), { recursive: true });
  cpSync(fixtureChart("local-child"), path.join(work, "local-child"), { recursive: true });
});

afterAll(async () => {
  await srv?.close();
  rmSync(home, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("fetching dependencies missing from charts/", () => {
  it("fetches the Chart.lock version by @alias and loads file:// charts, leaving the directory untouched", async () => {
    const dir = path.join(work, "parent");
    const bare = await loadChart(dir);
    expect(missingDependencies(bare).map((d) => d.name)).toEqual(["demo", "local-child"]);
    const before = readdirSync(dir).sort();
    const got = await locateChart(dir, { env: env() });
    expect(readdirSync(dir).sort()).toEqual(before);
    const [d, lc] = got.chart.dependencies;
    // Chart.lock pins 1.1.0 although the constraint allows 1.2.0.
    expect(d?.metadata.version).toBe("1.1.0");
    expect(d?.parent).toBe(got.chart);
    expect(chartView(lc as never)).toEqual(chartView(await loadChart(path.join(work, "local-child"))));
    expect(srv.seen.map((r) => r.url)).toContain("/demo-1.1.0.tgz");
  });

  it("uses the newest match of the constraint without a lock, from a repository URL", async () => {
    const dir = path.join(work, "nolock");
    cpSync(fixtureChart("parent"), dir, { recursive: true });
    rmSync(path.join(dir, "Chart.lock"));
    const cy = path.join(dir, "Chart.yaml");
    writeFileSync(
      cy,
      readFileSync(cy, "utf8")
        .replace('"@testrepo"', JSON.stringify(srv.url))
        .replace(/\n {2}- name: local-child[\s\S]*$/, "\n"),
    );
    const got = await locateChart(dir, { env: env() });
    expect(got.chart.dependencies.map((c) => `${c.metadata.name}@${c.metadata.version}`)).toEqual(["demo@1.2.0"]);
  });

  it("fails clearly for an unknown alias and for a dependency without a repository", async () => {
    const dir = path.join(work, "badalias");
    cpSync(fixtureChart("parent"), dir, { recursive: true });
    const cy = path.join(dir, "Chart.yaml");
    writeFileSync(cy, readFileSync(cy, "utf8").replace("@testrepo", "@nosuch"));
    rmSync(path.join(dir, "Chart.lock"));
    const err = await rejectionOf(locateChart(dir, { env: env() }));
    expect(err).toBeInstanceOf(HelmTrivyError);
    expect((err as HelmTrivyError).exitCode).toBe(ExitCode.RepoUnknown);
    expect((err as HelmTrivyError).message).toContain("helm repo add nosuch URL");

    writeFileSync(cy, readFileSync(cy, "utf8").replace('    repository: "@nosuch"\n', ""));
    await expect(locateChart(dir, { env: env() })).rejects.toThrow(
      "found in Chart.yaml, but missing in charts/ directory: demo",
    );
  });

  it("orders fetched subcharts by the file name Helm's dependency build gives them", async () => {
    const dir = path.join(work, "order");
    cpSync(fixtureChart("parent"), dir, { recursive: true });
    rmSync(path.join(dir, "Chart.lock"));
    const cy = path.join(dir, "Chart.yaml");
    // local-child listed first: Helm's loader still reads charts/demo-1.2.0.tgz first.
    writeFileSync(
      cy,
      'apiVersion: v2\nname: parent\nversion: 0.5.0\ndependencies:\n  - name: local-child\n    version: 0.1.0\n    repository: file://../local-child\n  - name: demo\n    version: ">=1.0.0"\n    repository: "@testrepo"\n',
    );
    const got = await locateChart(dir, { env: env() });
    expect(got.chart.dependencies.map((c) => c.metadata.name)).toEqual(["demo", "local-child"]);
  });

  it("refuses a Chart.lock out of sync with Chart.yaml, with Helm's text", async () => {
    const dir = path.join(work, "stale");
    cpSync(fixtureChart("parent"), dir, { recursive: true });
    const cy = path.join(dir, "Chart.yaml");
    writeFileSync(cy, readFileSync(cy, "utf8").replace('">=1.0.0"', '">=1.1.0"'));
    const err = await rejectionOf(locateChart(dir, { env: env() }));
    expect(err).toBeInstanceOf(HelmTrivyError);
    expect((err as HelmTrivyError).exitCode).toBe(ExitCode.Chart);
    const helm = JSON.parse(readFileSync(path.join(repoRoot, "fixtures/repo/helm/error-cases.json"), "utf8"))
      .lockOutOfSync as { status: number; stderr: string };
    expect(helm.status).toBe(1);
    expect(`Error: ${(err as HelmTrivyError).message}\n`).toBe(helm.stderr);
  });

  it("can be turned off", async () => {
    const got = await locateChart(path.join(work, "parent"), { env: env(), fetchDependencies: false });
    expect(got.chart.dependencies).toEqual([]);
  });
});
