/**
 * Which trivy we have, and how fresh its vulnerability DB is. Asked once per run: the version
 * gates our flags, and the DB time is part of every result-cache key.
 */
import { runProcess } from "./run-process.js";
import { buildVersionArgv } from "./trivy-command.js";

export interface TrivyVersionInfo {
  /** As trivy prints it: `0.58.1`, or `dev` for a source build. */
  version: string;
  /** VulnerabilityDB.UpdatedAt (RFC 3339), absent before the first DB download. */
  vulnDbUpdatedAt?: string;
  /** JavaDB.UpdatedAt, absent until the Java DB was downloaded. */
  javaDbUpdatedAt?: string;
}

/**
 * 0.53.0 introduced `--cache-backend memory` for image scans: the only way to run trivy
 * processes side by side without them fighting over the bbolt lock on the on-disk scan cache.
 * Everything else we pass (`--scanners`, `--skip-java-db-update`, JSON `--version`) is older.
 */
export const MIN_TRIVY_VERSION = "0.53.0";

/** Trivy is missing, unusable, or too old: the whole scan cannot start. */
export class TrivyUnavailableError extends Error {
  override name = "TrivyUnavailableError";
}

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function dbUpdatedAt(meta: unknown): string | undefined {
  return isObject(meta) && typeof meta.UpdatedAt === "string" && meta.UpdatedAt !== "" ? meta.UpdatedAt : undefined;
}

/** `trivy --version --format json`: `{"Version": …, "VulnerabilityDB": {"UpdatedAt": …}, "JavaDB": …}`. */
export function parseVersionJson(stdout: string): TrivyVersionInfo | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (!isObject(doc) || typeof doc.Version !== "string" || doc.Version === "") return undefined;
  const info: TrivyVersionInfo = { version: doc.Version };
  const vuln = dbUpdatedAt(doc.VulnerabilityDB);
  if (vuln !== undefined) info.vulnDbUpdatedAt = vuln;
  const java = dbUpdatedAt(doc.JavaDB);
  if (java !== undefined) info.javaDbUpdatedAt = java;
  return info;
}

/**
 * The text form, for trivy builds whose `--version` ignores `--format json`:
 * `Version: 0.58.1` then indented sections `Vulnerability DB:` / `Java DB:` with `UpdatedAt:`.
 * Very old releases printed `trivy version 0.4.1`.
 */
export function parseVersionText(stdout: string): TrivyVersionInfo | undefined {
  const m = /^(?:Version:|trivy version)\s*(\S+)/im.exec(stdout);
  if (!m) return undefined;
  const info: TrivyVersionInfo = { version: m[1]! };
  let section = "";
  for (const line of stdout.split(/\r?\n/)) {
    const header = /^(\S[^:]*):\s*$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    const updated = /^\s+UpdatedAt:\s*(.+?)\s*$/.exec(line);
    if (!updated) continue;
    if (section === "Vulnerability DB") info.vulnDbUpdatedAt = updated[1]!;
    else if (section === "Java DB") info.javaDbUpdatedAt = updated[1]!;
  }
  return info;
}

/** Compares dotted numeric versions (`v` prefix and pre-release suffixes ignored). `dev` is newest. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): number[] | undefined => {
    const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(v.trim());
    return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
  };
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : 0;
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return 0;
}

export function checkMinimumVersion(version: string): void {
  if (version === "dev") return;
  if (!/^v?\d+\.\d+/.test(version)) {
    throw new TrivyUnavailableError(`cannot understand trivy version ${JSON.stringify(version)}`);
  }
  if (compareVersions(version, MIN_TRIVY_VERSION) < 0) {
    throw new TrivyUnavailableError(
      `trivy ${version} is too old: helm-trivy needs ${MIN_TRIVY_VERSION} or newer (for --cache-backend memory, which lets scans run in parallel); upgrade it (https://trivy.dev)`,
    );
  }
}

export interface DetectOptions {
  env?: NodeJS.ProcessEnv;
  cacheDir?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function notFoundMessage(trivyPath: string): string {
  return trivyPath === "trivy"
    ? "trivy not found on PATH: install it (https://trivy.dev) or pass --trivy-path"
    : `trivy not found at ${trivyPath}: install it (https://trivy.dev) or pass --trivy-path`;
}

/** Runs trivy's version query (JSON first, text as a fallback) and enforces the minimum version. */
export async function detectTrivy(trivyPath: string, options: DetectOptions = {}): Promise<TrivyVersionInfo> {
  const run = (argv: string[]) =>
    runProcess(trivyPath, argv, { env: options.env, timeoutMs: options.timeoutMs ?? 60_000, signal: options.signal });
  const json = await run(buildVersionArgv(options.cacheDir));
  if (json.spawnError) {
    const code = json.spawnError.code;
    if (code === "ENOENT") throw new TrivyUnavailableError(notFoundMessage(trivyPath));
    if (code === "EACCES") throw new TrivyUnavailableError(`trivy at ${trivyPath} is not executable`);
    throw new TrivyUnavailableError(`cannot run trivy at ${trivyPath}: ${json.spawnError.message}`);
  }
  let info = json.code === 0 ? (parseVersionJson(json.stdout) ?? parseVersionText(json.stdout)) : undefined;
  if (!info) {
    const argv = ["--version"];
    if (options.cacheDir) argv.push("--cache-dir", options.cacheDir);
    const text = await run(argv);
    info = text.code === 0 ? parseVersionText(text.stdout) : undefined;
    if (!info) {
      const why =
        json.timedOut || text.timedOut ? "timed out" : `printed no version (exit ${text.code ?? text.signal})`;
      throw new TrivyUnavailableError(`trivy --version ${why} at ${trivyPath}`);
    }
  }
  checkMinimumVersion(info.version);
  return info;
}
