/**
 * Talking to a chart repository (Helm's repo.ChartRepository, repo.FindChartInRepoURL and the
 * HTTP half of downloader.ChartDownloader): fetch and parse index.yaml, pick a version,
 * download the archive with the credentials Helm would send, verify its digest, cache it.
 */
import http from "node:http";
import { ExitCode, HelmTrivyError } from "../errors.js";
import { type ChartCache, normalizeDigest, sha256Hex } from "./chart-cache.js";
import { basicAuthHeader, type HttpResponse, httpRequest, type RetryPolicy, type TlsOptions } from "./http-getter.js";
import { type ChartVersion, IndexParseError, RepoIndex } from "./index-file.js";
import { credentialsApply, indexUrl, redactUrl, resolveReferenceUrl } from "./url.js";
import { selectVersion } from "./versions.js";

export interface RepoAccess {
  readonly username?: string;
  readonly password?: string;
  readonly passCredentialsAll?: boolean;
  readonly tls?: TlsOptions;
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
}

/** Go's resp.Status: "404 Not Found". */
export function goStatus(code: number): string {
  return `${code} ${http.STATUS_CODES[code] ?? ""}`.trimEnd();
}

/** The error for a non-200 answer, with the exit status its kind deserves and what to do. */
export function httpStatusError(url: string, status: number, prefix = ""): HelmTrivyError {
  const base = `${prefix}failed to fetch ${redactUrl(url)} : ${goStatus(status)}`;
  if (status === 401 || status === 403) {
    return new HelmTrivyError(
      `${base}: log in with --username/--password, or add the repository with its credentials`,
      ExitCode.AuthFailed,
    );
  }
  if (status === 404 || status === 410) return new HelmTrivyError(base, ExitCode.NotFound);
  return new HelmTrivyError(base, ExitCode.Network);
}

/** A GET with the repository's credentials where Helm would send them (same scheme and host). */
export async function repoGet(repoUrl: string, url: string, access: RepoAccess): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  if (access.username && access.password && credentialsApply(repoUrl, url, access.passCredentialsAll ?? false)) {
    headers.Authorization = basicAuthHeader(access.username, access.password);
  }
  return httpRequest({
    url,
    headers,
    ...(access.tls && { tls: access.tls }),
    ...(access.timeoutMs !== undefined && { timeoutMs: access.timeoutMs }),
    ...(access.retry && { retry: access.retry }),
  });
}

/** Downloads and parses `<repoUrl>/index.yaml` (what `--repo URL` does every time). */
export async function fetchRepoIndex(repoUrl: string, access: RepoAccess): Promise<RepoIndex> {
  const prefix = `looks like "${redactUrl(repoUrl)}" is not a valid chart repository or cannot be reached: `;
  const url = indexUrl(repoUrl);
  let res: HttpResponse;
  try {
    res = await repoGet(repoUrl, url, access);
  } catch (e) {
    if (e instanceof HelmTrivyError) throw new HelmTrivyError(prefix + e.message, e.exitCode);
    throw e;
  }
  if (res.status !== 200) throw httpStatusError(url, res.status, prefix);
  return parseIndexOrThrow(res.body, prefix);
}

export function parseIndexOrThrow(data: Uint8Array | string, prefix: string): RepoIndex {
  try {
    return RepoIndex.parse(data);
  } catch (e) {
    if (e instanceof IndexParseError) throw new HelmTrivyError(prefix + e.message, ExitCode.BadIndex);
    throw e;
  }
}

/** ": newest available: 1.2.0, 1.1.0, ..." after a not-found message (Helm's text, then ours). */
export function newestHint(versions: readonly string[], count = 5): string {
  if (versions.length === 0) return "";
  const more = versions.length > count ? ", ..." : "";
  return `: newest available: ${versions.slice(0, count).join(", ")}${more}`;
}

/** Where a chart was looked up, for messages. */
export type IndexSource = { readonly repoUrl: string } | { readonly repoName: string };

/**
 * Helm's IndexFile.Get with the error text of the caller Helm uses for that kind of source:
 * FindChartInRepoURL for `--repo`, ChartDownloader.ResolveChartVersion for `name/chart`.
 * Also refreshes a version's deferred index errors (a chart's slice that fails to parse).
 */
export function findChartVersion(index: RepoIndex, chart: string, version: string, where: IndexSource): ChartVersion {
  let versions: readonly ChartVersion[];
  try {
    versions = index.versions(chart);
  } catch (e) {
    if (e instanceof IndexParseError) throw new HelmTrivyError(`invalid index: ${e.message}`, ExitCode.BadIndex);
    throw e;
  }
  const sel = versions.length === 0 ? { error: "" } : selectVersion(versions, version, (c) => c.version);
  if ("found" in sel) {
    if (sel.found.urls.length === 0) {
      const what =
        "repoUrl" in where ? `chart "${chart}"${version ? ` version "${version}"` : ""}` : `chart "${chart}"`;
      throw new HelmTrivyError(`${what} has no downloadable URLs`, ExitCode.NotFound);
    }
    return sel.found;
  }
  // FindChartInRepoURL reports a bad constraint as "not found" too; the name/chart path wraps its text.
  const hint = newestHint(versions.map((c) => c.version));
  if ("repoUrl" in where) {
    const what = `chart "${chart}"${version ? ` version "${version}"` : ""}`;
    throw new HelmTrivyError(`${what} not found in ${redactUrl(where.repoUrl)} repository${hint}`, ExitCode.NotFound);
  }
  const cause =
    versions.length === 0
      ? "no chart name found"
      : sel.error !== ""
        ? sel.error
        : `no chart version found for ${chart}-${version}`;
  throw new HelmTrivyError(
    `chart "${chart}" matching ${version} not found in ${where.repoName} index. (try 'helm repo update'): ${cause}${hint}`,
    ExitCode.NotFound,
  );
}

export interface Downloaded {
  readonly bytes: Uint8Array;
  /** sha256 hex of the bytes. */
  readonly digest: string;
  readonly fromCache: boolean;
  readonly url: string;
}

/**
 * Gets an archive: from the cache when the index gave a digest we hold, else over HTTP; the
 * bytes must match the index's digest when it has one.
 */
export async function downloadArchive(
  url: string,
  expectedDigest: string | undefined,
  repoUrl: string,
  access: RepoAccess,
  cache: ChartCache | undefined,
): Promise<Downloaded> {
  const want = expectedDigest ? normalizeDigest(expectedDigest) : undefined;
  if (want && cache) {
    const hit = await cache.get(want);
    if (hit) return { bytes: hit, digest: want, fromCache: true, url };
  }
  const res = await repoGet(repoUrl, url, access);
  if (res.status !== 200) throw httpStatusError(url, res.status);
  const got = sha256Hex(res.body);
  if (want && got !== want) {
    throw new HelmTrivyError(
      `digest mismatch for ${redactUrl(url)}: the index says sha256:${want}, the archive is sha256:${got}: the index may be stale (run 'helm repo update'), or the archive was altered`,
      ExitCode.DigestMismatch,
    );
  }
  if (cache) await cache.put(res.body);
  return { bytes: res.body, digest: got, fromCache: false, url };
}

/** The archive URL of an index entry (first of `urls`, as Helm takes it). */
export function chartUrlOf(repoUrl: string, cv: ChartVersion): string {
  return resolveReferenceUrl(repoUrl, cv.urls[0] as string);
}
