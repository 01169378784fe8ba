/**
 * The argv of every trivy invocation we make. Pure: the runner spawns exactly these arrays,
 * never a shell command line, so an image name or a user argument cannot inject anything.
 */
import type { Severity } from "./types.js";

export { ShellWordsError, splitShellWords } from "./shell-words.js";

/** Trivy's client/server mode: scans go to a `trivy server`, which owns the DB and the cache. */
export interface TrivyServer {
  url: string;
  token?: string;
  /** Header carrying the token (trivy's default is `Trivy-Token`). */
  tokenHeader?: string;
}

/** Everything that shapes one `trivy image` call, besides the image itself. */
export interface TrivyScanFlags {
  severity?: readonly Severity[];
  ignoreUnfixed?: boolean;
  ignoreFile?: string;
  /** e.g. ["vuln"]; omitted means trivy's own default. */
  scanners?: readonly string[];
  /** Trivy's own `--timeout`, a Go duration such as `5m0s`. */
  timeout?: string;
  server?: TrivyServer;
  /** Where trivy keeps its vulnerability DB (`--cache-dir`); trivy's default when absent. */
  cacheDir?: string;
  /**
   * Local mode only: keep trivy's layer cache in memory. Trivy's on-disk layer cache is a bbolt
   * file locked by one process at a time; the memory backend is what lets scans run in parallel.
   */
  memoryCache?: boolean;
  /** Local mode only: the DB was prepared beforehand (see buildDownloadDbArgv). */
  skipDbUpdate?: boolean;
  /** Already split user arguments (splitShellWords), placed just before the image. */
  extraArgs?: readonly string[];
}

export function buildScanArgv(image: string, flags: TrivyScanFlags): string[] {
  const argv = ["image", "--format", "json", "--quiet"];
  if (flags.severity && flags.severity.length > 0) argv.push("--severity", flags.severity.join(","));
  if (flags.ignoreUnfixed) argv.push("--ignore-unfixed");
  if (flags.ignoreFile) argv.push("--ignorefile", flags.ignoreFile);
  if (flags.scanners && flags.scanners.length > 0) argv.push("--scanners", flags.scanners.join(","));
  if (flags.timeout) argv.push("--timeout", flags.timeout);
  if (flags.server) {
    argv.push("--server", flags.server.url);
    if (flags.server.token !== undefined) argv.push("--token", flags.server.token);
    if (flags.server.tokenHeader !== undefined) argv.push("--token-header", flags.server.tokenHeader);
  } else {
    if (flags.cacheDir) argv.push("--cache-dir", flags.cacheDir);
    if (flags.memoryCache) argv.push("--cache-backend", "memory");
    if (flags.skipDbUpdate) argv.push("--skip-db-update", "--skip-java-db-update");
  }
  if (flags.extraArgs) argv.push(...flags.extraArgs);
  // `--` would be safest against an image named like a flag, but trivy's cobra parser accepts
  // it only in recent releases; image references never start with `-` (checked by the caller).
  argv.push(image);
  return argv;
}

/** Which DB a preparation run fetches: trivy's vulnerability DB, or the Java index DB for jars. */
export type TrivyDb = "vuln" | "java";

/** Fetches (or refreshes, if stale) one DB into the cache dir without scanning anything. */
export function buildDownloadDbArgv(db: TrivyDb, cacheDir?: string): string[] {
  const argv = ["image", db === "vuln" ? "--download-db-only" : "--download-java-db-only", "--quiet"];
  if (cacheDir) argv.push("--cache-dir", cacheDir);
  return argv;
}

/** `--cache-dir` matters: trivy reports the metadata of the DB found in that directory. */
export function buildVersionArgv(cacheDir?: string): string[] {
  const argv = ["--version", "--format", "json"];
  if (cacheDir) argv.push("--cache-dir", cacheDir);
  return argv;
}
