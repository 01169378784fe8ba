/**
 * `helm-trivy template` against Helm 4.1.4's own `helm template` (fixtures/template-cases.json,
 * made by scripts/cli/gen-template-fixtures.mjs): same stdout byte for byte, same status, same
 * stderr, for local charts, Helm's errors, and the demo chart served from a loopback repository,
 * archive URL and OCI registry.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script shared with the fixture generator
import { packChart, startChartServer } from "../../../scripts/cli/chart-server.mjs";
import { built, demoChart, freshCacheHome, type RunResult, repoRoot, run, runAsync } from "./helpers.js";

interface HelmCase {
  name: string;
  args: string[];
  status: number;
  stdout: string;
  stderr: string;
}

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/template-cases.json"), "utf8")) as {
  helm: string;
  cases: HelmCase[];
};

/** Where our text knowingly differs from Helm's (a hint the downloader adds after Helm's text). */
const HINTED = new Set(["unknown repository"]);

interface Server {
  url: string;
  host: string;
  manifestDigest: string;
  close(): Promise<void>;
}

describe.skipIf(!built)(`helm-trivy template = helm template (${fixture.helm})`, () => {
  let server: Server;
  const home = freshCacheHome();
  const env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    server = (await startChartServer({ name: "demo", version: "1.2.0", tgz: packChart(demoChart) })) as Server;
    // What `helm repo add fix URL` leaves: repositories.yaml and the cached index.
    const cache = join(home, "repository");
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, "fix-index.yaml"), await (await fetch(`${server.url}/charts/index.yaml`)).text());
    writeFileSync(
      join(home, "repositories.yaml"),
      `apiVersion: ""\ngenerated: "0001-01-01T00:00:00Z"\nrepositories:\n- name: fix\n  url: ${server.url}/charts\n`,
    );
    env.HELM_REPOSITORY_CONFIG = join(home, "repositories.yaml");
    env.HELM_REPOSITORY_CACHE = cache;
    env.HELM_TRIVY_CACHE_DIR = join(home, "charts");
  });
  afterAll(async () => {
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  const fill = (s: string) => s.replaceAll("{{URL}}", server.url).replaceAll("{{HOST}}", server.host);

  for (const c of fixture.cases) {
    it(`${c.name}: ${c.args.join(" ")}`, async () => {
      const r: RunResult = await runAsync(["template", ...c.args.map(fill)], { cacheHome: home, env });
      expect(r.status).toBe(c.status);
      expect(r.stdout).toBe(c.stdout);
      let want = c.stderr;
      // The registry's address and the archive's digest differ from the generator's run.
      if (c.args[0]?.startsWith("oci://")) {
        want = want
          .replace(/^Pulled: [^/]+\//m, `Pulled: ${server.host}/`)
          .replace(/^Digest: sha256:[0-9a-f]{64}$/m, `Digest: ${server.manifestDigest}`);
      }
      if (HINTED.has(c.name)) {
        expect(r.stderr.startsWith(want.trimEnd())).toBe(true);
        expect(r.stderr.split("\n")).toHaveLength(2);
      } else {
        expect(r.stderr).toBe(want);
      }
    });
  }

  it("no argument: Helm's message with our name, status 1", () => {
    const r = run(["template"], { cacheHome: home });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`Error: "helm-trivy template" requires at least 1 argument\n`);
  });

  it("an unknown flag: status 1 like Helm", () => {
    const r = run(["template", demoChart, "--bogus"], { cacheHome: home });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe("Error: unknown flag: --bogus");
  });

  it("the CLI imports the core through its package entry point only", () => {
    const src = join(repoRoot, "packages/cli/src");
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(files).toContain("commands/template.ts");
    for (const f of files) {
      const text = readFileSync(join(src, f), "utf8");
      expect(text, f).not.toMatch(/from "(\.\.\/)+core\/|core\/(dist|src)\//);
    }
  });
});
