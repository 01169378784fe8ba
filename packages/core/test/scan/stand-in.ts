/** Shared set-up for tests that run the stand-in trivy (fixtures/trivy/trivy). */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
export const stubTrivy = join(repoRoot, "fixtures", "trivy", "trivy");
export const reportsDir = join(repoRoot, "fixtures", "trivy", "reports");

export interface StubLogEntry {
  pid: number;
  argv?: string[];
  start?: number;
  scanning?: number;
  end?: number;
  exit?: number;
  image?: string;
  download?: string;
  lockTimeout?: string;
  helper?: number;
}

export interface Sandbox {
  dir: string;
  cacheDir: string;
  resultCacheDir: string;
  logFile: string;
  env: NodeJS.ProcessEnv;
  log(): StubLogEntry[];
  /** argv of every `image <ref>` scan (not downloads, not --version). */
  scans(): string[][];
  cleanup(): void;
}

export function sandbox(extraEnv: NodeJS.ProcessEnv = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), "helm-trivy-scan-"));
  const logFile = join(dir, "trivy.log");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: join(dir, "home"),
    XDG_CACHE_HOME: join(dir, "xdg"),
    TRIVY_STUB_LOG: logFile,
    TRIVY_STUB_STATE_DIR: join(dir, "state"),
    TRIVY_STUB_LOCK_TIMEOUT_MS: "1500",
    TRIVY_STUB_DOWNLOAD_MS: "20",
    ...extraEnv,
  };
  const log = (): StubLogEntry[] => {
    let text = "";
    try {
      text = readFileSync(logFile, "utf8");
    } catch {
      return [];
    }
    return text
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as StubLogEntry);
  };
  return {
    dir,
    cacheDir: join(dir, "trivy-cache"),
    resultCacheDir: join(dir, "results"),
    logFile,
    env,
    log,
    scans: () =>
      log()
        .filter((e) => e.argv && e.argv[0] === "image" && !e.argv.some((a) => a.startsWith("--download")))
        .map((e) => e.argv!),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
