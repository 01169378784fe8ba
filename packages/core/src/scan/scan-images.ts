/**
 * The use case the CLI calls: scan a set of images with trivy, each unique image once, several
 * at a time, and return typed results where a failure stays with its image.
 *
 * Local mode, in order: ask trivy its version (once), refresh the vulnerability and Java DBs
 * (once, one process), then run the scans with `--skip-db-update --skip-java-db-update
 * --cache-backend memory` so parallel trivy processes only ever *read* the shared DB and never
 * contend for the bbolt lock on trivy's on-disk scan cache. Server mode skips the DB work: the
 * server owns the DB. See docs/scanning.md.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { parseTrivyReport } from "./parse-report.js";
import { defaultResultCacheDir, ResultCache, resultCacheKey } from "./result-cache.js";
import { type RunOutcome, runProcess } from "./run-process.js";
import { splitShellWords } from "./shell-words.js";
import { buildDownloadDbArgv, buildScanArgv, type TrivyDb, type TrivyServer } from "./trivy-command.js";
import { isRateLimited, lastMeaningfulLine } from "./trivy-stderr.js";
import { detectTrivy, notFoundMessage, TrivyUnavailableError, type TrivyVersionInfo } from "./trivy-version.js";
import { type ImageScanResult, type ScanSummary, SEVERITIES, type Severity, zeroCounts } from "./types.js";

export interface RetryPolicy {
  /** Total tries for a rate-limited scan, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface ScanOptions {
  /** `trivy` (looked up on PATH) or a path to the binary. */
  trivyPath?: string;
  severity?: Severity[];
  ignoreUnfixed?: boolean;
  ignoreFile?: string;
  /** Defaults to ["vuln"]: we report vulnerabilities only, and secret scanning costs time. */
  scanners?: string[];
  /** Trivy's own `--timeout` (Go duration, e.g. `10m`). */
  timeout?: string;
  server?: TrivyServer;
  /** Trivy's cache dir (its DB lives there); trivy's default when absent. */
  cacheDir?: string;
  /** Extra trivy arguments as one string, split like a POSIX shell would. */
  trivyArgs?: string;
  /** Parallel trivy processes; default min(4, CPUs). */
  concurrency?: number;
  /** Kill a trivy run (its whole process group) after this long; default trivy's timeout + 60 s. */
  processTimeoutMs?: number;
  /** Do not refresh trivy's DBs (offline use); an existing DB is required. */
  skipDbUpdate?: boolean;
  /** Also prepare the Java index DB (needed for jar findings); default true. */
  javaDb?: boolean;
  retry?: RetryPolicy;
  /** Result cache directory; default `$XDG_CACHE_HOME/helm-trivy/scans` or `~/.cache/helm-trivy/scans`. */
  resultCacheDir?: string;
  resultCacheTtlMs?: number;
  /** Neither read nor write the result cache. */
  noCache?: boolean;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Injectable for tests of the retry backoff. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type ScanProgressEvent =
  | { type: "db-update"; db: TrivyDb; phase: "start" | "done" | "failed"; message?: string }
  | { type: "started"; image: string; index: number; total: number }
  | { type: "retry"; image: string; attempt: number; delayMs: number; reason: string }
  | { type: "finished"; image: string; result: ImageScanResult; done: number; total: number }
  | { type: "warning"; message: string };

export interface ScanHooks {
  onProgress?(event: ScanProgressEvent): void;
}

export interface ScanRun {
  results: ImageScanResult[];
  summary: ScanSummary;
  trivyVersion?: string;
}

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

const DEFAULT_RETRY: Required<RetryPolicy> = { attempts: 4, baseDelayMs: 2000, maxDelayMs: 30_000 };
const DEFAULT_TRIVY_TIMEOUT_MS = 5 * 60_000;
const MAX_IMAGES = 10_000;

/** Go's duration syntax as trivy accepts it (`90s`, `5m`, `1h30m`, `1.5m`); undefined if not one. */
export function parseGoDuration(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/gy;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, µs: 1e-3, ns: 1e-6 };
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * unit[m[2]!]!;
    matched = re.lastIndex;
  }
  return matched === text.length && text !== "" ? total : undefined;
}

/** Why a reference cannot be handed to trivy as an argument, or undefined if it can. */
export function invalidImageReason(image: string): string | undefined {
  if (image === "") return "empty image reference";
  if (image.startsWith("-")) return `invalid image reference ${JSON.stringify(image)}: starts with "-"`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject.
  if (/[\s\u0000-\u001f\u007f]/.test(image))
    return `invalid image reference ${JSON.stringify(image)}: contains whitespace`;
  if (image.length > 4096) return "image reference longer than 4096 characters";
  return undefined;
}

function errorResult(image: string, error: string, durationMs?: number): ImageScanResult {
  const r: ImageScanResult = { image, status: "error", error, vulnerabilities: [], counts: zeroCounts() };
  if (durationMs !== undefined) r.durationMs = durationMs;
  return r;
}

export function summarize(results: readonly ImageScanResult[]): ScanSummary {
  const summary: ScanSummary = { images: results.length, scanned: 0, failed: 0, cached: 0, counts: zeroCounts() };
  for (const r of results) {
    if (r.status === "ok") {
      summary.scanned++;
      for (const s of SEVERITIES) summary.counts[s] += r.counts[s];
    } else summary.failed++;
    if (r.cached) summary.cached++;
  }
  return summary;
}

/** The error line for a trivy run that gave no usable report. */
function describeFailure(outcome: RunOutcome, timeoutMs: number): string {
  const line = lastMeaningfulLine(outcome.stderr);
  if (outcome.timedOut) {
    return `trivy timed out after ${Math.round(timeoutMs / 1000)}s and was killed${line ? ` (last output: ${line})` : ""}`;
  }
  if (outcome.aborted) return "scan aborted";
  if (outcome.stdoutOverflow) return "trivy printed more output than helm-trivy accepts; scan aborted";
  if (outcome.signal) return `trivy was killed by ${outcome.signal}${line ? `: ${line}` : ""}`;
  return line ?? `trivy exited with code ${outcome.code} and printed nothing on stderr`;
}

export async function scanImages(images: string[], options: ScanOptions = {}, hooks: ScanHooks = {}): Promise<ScanRun> {
  const emit = (e: ScanProgressEvent) => hooks.onProgress?.(e);
  const trivyPath = options.trivyPath ?? "trivy";
  const env = options.env ?? process.env;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const unique = [...new Set(images)];
  if (unique.length > MAX_IMAGES) throw new Error(`too many images to scan (${unique.length} > ${MAX_IMAGES})`);

  // Usage errors first: nothing is spawned for a run that cannot be right.
  const extraArgs = options.trivyArgs ? splitShellWords(options.trivyArgs) : [];
  const trivyTimeoutMs = options.timeout !== undefined ? parseGoDuration(options.timeout) : DEFAULT_TRIVY_TIMEOUT_MS;
  if (trivyTimeoutMs === undefined) throw new Error(`invalid trivy timeout ${JSON.stringify(options.timeout)}`);
  const processTimeoutMs = options.processTimeoutMs ?? trivyTimeoutMs + 60_000;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency()));
  const local = options.server === undefined;

  const results = new Map<string, ImageScanResult>();
  const toScan: string[] = [];
  for (const image of unique) {
    const invalid = invalidImageReason(image);
    if (invalid) results.set(image, errorResult(image, invalid));
    else toScan.push(image);
  }
  if (toScan.length === 0) {
    const list = unique.map((i) => results.get(i)!);
    return { results: list, summary: summarize(list) };
  }

  const detect = () =>
    detectTrivy(trivyPath, { env, cacheDir: local ? options.cacheDir : undefined, signal: options.signal });
  let info: TrivyVersionInfo = await detect();

  if (local) {
    if (options.skipDbUpdate) {
      if (!info.vulnDbUpdatedAt) {
        throw new TrivyUnavailableError("no trivy vulnerability DB in the cache dir, and DB updates are skipped");
      }
    } else {
      const dbs: TrivyDb[] = options.javaDb === false ? ["vuln"] : ["vuln", "java"];
      for (const db of dbs) {
        emit({ type: "db-update", db, phase: "start" });
        const failure = await downloadDb(db);
        if (failure === undefined) {
          emit({ type: "db-update", db, phase: "done" });
          continue;
        }
        emit({ type: "db-update", db, phase: "failed", message: failure });
        if (db === "vuln" && !info.vulnDbUpdatedAt) {
          throw new TrivyUnavailableError(`cannot download the trivy vulnerability DB: ${failure}`);
        }
        emit({ type: "warning", message: `using the existing trivy ${db} DB: update failed: ${failure}` });
      }
      info = await detect();
    }
  }

  async function downloadDb(db: TrivyDb): Promise<string | undefined> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await runProcess(trivyPath, buildDownloadDbArgv(db, options.cacheDir), {
        env,
        timeoutMs: processTimeoutMs,
        signal: options.signal,
      });
      if (outcome.spawnError) {
        if (outcome.spawnError.code === "ENOENT") throw new TrivyUnavailableError(notFoundMessage(trivyPath));
        return outcome.spawnError.message;
      }
      if (outcome.code === 0) return undefined;
      if (!isRateLimited(outcome.stderr) || attempt >= retry.attempts)
        return describeFailure(outcome, processTimeoutMs);
      await sleep(backoff(attempt));
    }
  }

  function backoff(attempt: number): number {
    return Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  }

  // The result cache needs a DB time to key on; a server's DB time is not visible from here.
  const cache =
    !options.noCache && local && info.vulnDbUpdatedAt
      ? new ResultCache(options.resultCacheDir ?? defaultResultCacheDir(env), {
          ttlMs: options.resultCacheTtlMs,
          now: options.now,
        })
      : undefined;
  const keyOptions = cache
    ? {
        severity: options.severity ? [...options.severity].sort() : undefined,
        ignoreUnfixed: options.ignoreUnfixed === true,
        // The file's content, not its path, decides what is ignored.
        ignoreFile: options.ignoreFile ? await fileDigest(options.ignoreFile) : undefined,
        scanners: [...(options.scanners ?? ["vuln"])].sort(),
        javaDb: options.javaDb !== false,
        extraArgs,
      }
    : {};
  const keyOf = (image: string) =>
    resultCacheKey({
      image,
      trivyVersion: info.version,
      vulnDbUpdatedAt: info.vulnDbUpdatedAt ?? "",
      javaDbUpdatedAt: info.javaDbUpdatedAt,
      options: keyOptions,
    });

  const total = unique.length;
  const position = new Map(unique.map((image, i) => [image, i]));
  let done = 0;
  const finish = (image: string, result: ImageScanResult) => {
    results.set(image, result);
    done++;
    emit({ type: "finished", image, result, done, total });
  };
  for (const [image, result] of results) {
    done++;
    emit({ type: "finished", image, result, done, total });
  }

  const pending: string[] = [];
  for (const image of toScan) {
    const hit = cache ? await cache.get(keyOf(image), image) : undefined;
    if (hit) finish(image, hit);
    else pending.push(image);
  }

  const flags = {
    severity: options.severity,
    ignoreUnfixed: options.ignoreUnfixed,
    ignoreFile: options.ignoreFile,
    scanners: options.scanners ?? ["vuln"],
    timeout: options.timeout,
    server: options.server,
    cacheDir: options.cacheDir,
    memoryCache: true,
    skipDbUpdate: true,
    extraArgs,
  };

  async function scanOne(image: string, index: number): Promise<ImageScanResult> {
    emit({ type: "started", image, index, total });
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    for (let attempt = 1; ; attempt++) {
      const outcome = await runProcess(trivyPath, buildScanArgv(image, flags), {
        env,
        timeoutMs: processTimeoutMs,
        signal: options.signal,
      });
      if (outcome.spawnError) return errorResult(image, `cannot run trivy: ${outcome.spawnError.message}`, elapsed());
      const usable = !outcome.timedOut && !outcome.aborted && !outcome.stdoutOverflow && outcome.code !== null;
      // A non-zero exit with a full report is trivy's `--exit-code` saying "found something".
      if (usable && (outcome.code === 0 || outcome.stdout.trimStart().startsWith("{"))) {
        const parsed = parseTrivyReport(outcome.stdout);
        if (parsed.ok) {
          const result: ImageScanResult = {
            image,
            status: "ok",
            vulnerabilities: parsed.report.vulnerabilities,
            counts: parsed.report.counts,
            durationMs: elapsed(),
          };
          if (parsed.report.os !== undefined) result.os = parsed.report.os;
          return result;
        }
        if (outcome.code === 0) return errorResult(image, parsed.error, elapsed());
      }
      if (usable && isRateLimited(outcome.stderr) && attempt < retry.attempts) {
        const delayMs = backoff(attempt);
        emit({ type: "retry", image, attempt, delayMs, reason: lastMeaningfulLine(outcome.stderr) ?? "rate limited" });
        await sleep(delayMs);
        if (options.signal?.aborted) return errorResult(image, "scan aborted", elapsed());
        continue;
      }
      return errorResult(image, describeFailure(outcome, processTimeoutMs), elapsed());
    }
  }

  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const i = next++;
      const image = pending[i]!;
      const result = await scanOne(image, position.get(image)!);
      if (cache && result.status === "ok") await cache.put(keyOf(image), result);
      finish(image, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));

  const list = unique.map((i) => results.get(i)!);
  return { results: list, summary: summarize(list), trivyVersion: info.version };
}

async function fileDigest(path: string): Promise<string> {
  try {
    return createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  } catch {
    // trivy will report the unreadable file itself; keying on the path keeps entries apart.
    return `unreadable:${path}`;
  }
}
