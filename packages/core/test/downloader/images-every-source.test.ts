/**
 * `listImages` (the core action behind `helm-trivy images`) gives the same image list for a
 * chart whichever way it is named: its directory, a .tgz file, `--repo URL`, `repo/name`
 * through repositories.yaml and a cached index in a temporary Helm home, an archive URL, and
 * `oci://` on a loopback docker-registry. The action reads Helm's paths from the environment,
 * so this file points HELM_* at its own home for its duration.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script shared with the fixture generator
import { registryBinary, startRegistry } from "../../../../scripts/sources/error-servers.mjs";
import { type ListImagesResult, listImages } from "../../src/action/list-images.js";
import type { ChartSourceOptions } from "../../src/action/types.js";
import { loadChart } from "../../src/chart/load.js";
import { RegistryClient } from "../../src/registry/client.js";
import { parseOciRef } from "../../src/registry/reference.js";
import {
  buildChartTgz,
  fixtureChart,
  indexYaml,
  serveFiles,
  sha256,
  startServer,
  type TestServer,
  tempDir,
} from "../repo/test-servers.js";

const demo = fixtureChart("demo");
const hasRegistry = registryBinary() !== undefined;
if (!hasRegistry) console.warn("the oci:// source is skipped: docker-registry is not installed");

let home: string;
let srv: TestServer;
let registry: { host: string; close(): Promise<void> } | undefined;
let expected: ListImagesResult;
const saved: Record<string, string | undefined> = {};
const helmVars = ["HELM_CONFIG_HOME", "HELM_CACHE_HOME", "HELM_DATA_HOME", "HELM_TRIVY_CACHE_DIR"] as const;

beforeAll(async () => {
  home = tempDir("images-sources");
  const tgz = buildChartTgz(demo);
  const index = indexYaml([{ name: "demo", version: "1.2.0", url: "demo-1.2.0.tgz", digest: sha256(tgz) }]);
  srv = await startServer(
    serveFiles(
      new Map<string, Uint8Array | string>([
        ["/charts/index.yaml", index],
        ["/charts/demo-1.2.0.tgz", tgz],
      ]),
    ),
  );
  for (const k of helmVars) saved[k] = process.env[k];
  process.env.HELM_CONFIG_HOME = path.join(home, "config");
  process.env.HELM_CACHE_HOME = path.join(home, "cache");
  process.env.HELM_DATA_HOME = path.join(home, "data");
  process.env.HELM_TRIVY_CACHE_DIR = path.join(home, "trivy-charts");
  mkdirSync(path.join(home, "config"), { recursive: true });
  mkdirSync(path.join(home, "cache/repository"), { recursive: true });
  writeFileSync(
    path.join(home, "config/repositories.yaml"),
    `apiVersion: ""\nrepositories:\n- name: fix\n  url: ${srv.url}/charts\n`,
  );
  writeFileSync(path.join(home, "cache/repository/fix-index.yaml"), index);
  writeFileSync(path.join(home, "demo-1.2.0.tgz"), tgz);
  if (hasRegistry) {
    registry = await startRegistry();
    const meta = (await loadChart(demo)).metadata;
    await new RegistryClient({ plainHttp: true }).pushChart(parseOciRef(`oci://${registry.host}/charts`), tgz, {
      name: meta.name,
      version: meta.version,
      json: new TextEncoder().encode(JSON.stringify(meta)),
    });
  }
  expected = await listImages({ chart: demo });
}, 30_000);

afterAll(async () => {
  for (const k of helmVars) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await srv?.close();
  await registry?.close();
  rmSync(home, { recursive: true, force: true });
});

describe("listImages from every source kind = from the unpacked chart", () => {
  it("the unpacked chart brings images (the comparison means something)", () => {
    expect(expected.images.images.length).toBeGreaterThan(0);
    expect(expected.chart).toMatchObject({ name: "demo", version: "1.2.0" });
  });

  const kinds: [string, () => string, ChartSourceOptions, boolean][] = [
    ["a .tgz file", () => path.join(home, "demo-1.2.0.tgz"), {}, false],
    ["--repo URL", () => "demo", {}, false],
    ["repo/name (repositories.yaml + cached index)", () => "fix/demo", {}, false],
    ["an archive URL", () => `${srv.url}/charts/demo-1.2.0.tgz`, {}, false],
    ["oci://", () => `oci://${registry?.host}/charts/demo`, { plainHttp: true }, true],
  ];
  for (const [kind, ref, source, oci] of kinds) {
    it.skipIf(oci && !hasRegistry)(kind, async () => {
      const src = kind === "--repo URL" ? { ...source, repo: `${srv.url}/charts` } : source;
      const got = await listImages({ chart: ref(), source: src });
      expect(got.images).toEqual(expected.images);
      expect({ name: got.chart.name, version: got.chart.version }).toEqual({ name: "demo", version: "1.2.0" });
    });
  }
});
