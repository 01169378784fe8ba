/** Runs the built CLI as a user would: argv in, stdout/stderr/status out, caches in a temp dir. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");
export const mainJs = join(repoRoot, "packages/cli/dist/main.js");
export const stubTrivy = join(repoRoot, "fixtures/trivy/trivy");
export const demoChart = join(repoRoot, "fixtures/charts/demo");
export const built = existsSync(mainJs);
if (!built) console.warn(`skipping CLI tests: ${mainJs} is missing (run pnpm build)`);

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh cache home per test file: trivy's DB (stand-in) and helm-trivy's result cache. */
export function freshCacheHome(): string {
  return mkdtempSync(join(tmpdir(), "helm-trivy-cli-"));
}

export function run(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; cacheHome: string }): RunResult {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: opts.cacheHome,
    XDG_CACHE_HOME: opts.cacheHome,
    ...opts.env,
  };
  const r = spawnSync(process.execPath, [mainJs, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like run, without blocking the event loop (for tests whose servers answer from this process). */
export function runAsync(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; cacheHome: string },
): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: opts.cacheHome,
    XDG_CACHE_HOME: opts.cacheHome,
    ...opts.env,
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mainJs, ...args], { cwd: opts.cwd ?? repoRoot, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    });
  });
}
