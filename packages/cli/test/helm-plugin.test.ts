/**
 * The Helm plugin with the real Helm 4 (HELM_BIN or the dev cache's helm): `helm plugin install
 * <checkout>` then `helm trivy ...`, in throw-away Helm homes. Skips without helm.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { built, repoRoot, stubTrivy } from "./helpers.js";

const helm = process.env.HELM_BIN ?? "/root/.cache/helm-trivy-dev/helm";
const haveHelm = existsSync(helm);
if (!haveHelm) console.warn(`skipping Helm plugin tests: no helm at ${helm} (set HELM_BIN)`);

describe.skipIf(!haveHelm || !built)("helm plugin install + helm trivy", () => {
  const home = mkdtempSync(join(tmpdir(), "helm-trivy-plugin-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CACHE_HOME: join(home, "xdg"),
    HELM_CONFIG_HOME: join(home, "config"),
    HELM_CACHE_HOME: join(home, "cache"),
    HELM_DATA_HOME: join(home, "data"),
  };
  const helmRun = (args: string[]) => spawnSync(helm, args, { cwd: repoRoot, env, encoding: "utf8", timeout: 120_000 });

  it("installs from a local checkout (the hook sees the CLI is built) and runs every command", () => {
    const install = helmRun(["plugin", "install", repoRoot]);
    expect(install.stderr).toBe("");
    expect(install.status).toBe(0);
    expect(install.stdout).toContain("Installed plugin: trivy");
    expect(helmRun(["plugin", "list"]).stdout).toMatch(/^trivy\s+0\.1\.0\s+cli\/v1\s+v1/m);

    const scan = helmRun(["trivy", "fixtures/charts/demo", "--trivy-path", stubTrivy, "--json"]);
    expect(scan.status).toBe(0);
    expect(JSON.parse(scan.stdout).summary.images).toBe(4);

    const images = helmRun(["trivy", "images", "fixtures/charts/demo"]);
    expect(images.stdout.split("\n")).toHaveLength(5);

    // Helm passes our exit status through and adds its own line.
    const missing = helmRun(["trivy", "./no-such-chart"]);
    expect(missing.status).toBe(12);
    expect(missing.stderr).toContain('Error: path "./no-such-chart" not found\n');
  });
});
