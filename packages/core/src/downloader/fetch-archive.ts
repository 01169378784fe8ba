/**
 * Getting a chart archive's bytes from each remote source kind (Helm's ChartDownloader
 * ResolveChartVersion + DownloadTo), shared by locateChart and dependency fetching.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ChartLoadError } from "../chart/errors.js";
import { checkChartApiVersion, ensureArchive } from "../chart/load.js";
import { loadArchiveFiles } from "../chart/load-archive.js";
import { loadFiles } from "../chart/load-files.js";
import type { Chart, ChartFile } from "../chart/model.js";
import { ExitCode, HelmTrivyError } from "../errors.js";
import { RegistryClient } from "../registry/client.js";
import { formatOciRef, parseOciRef } from "../registry/reference.js";
import { sha256Hex } from "../repo/chart-cache.js";
import {
  chartUrlOf,
  downloadArchive,
  fetchRepoIndex,
  findChartVersion,
  parseIndexOrThrow,
} from "../repo/chart-repository.js";
import { cachedIndexPath } from "../repo/helm-paths.js";
import { type RepoEntry, sameRepoUrl } from "../repo/repo-file.js";
import { accessFor, type ChartSourceInfo, type FetchContext, flagTls } from "./source.js";

export interface FetchedArchive {
  readonly bytes: Uint8Array;
  readonly source: ChartSourceInfo;
}

/** `--repo URL CHART`: the index is downloaded each time, as Helm does. */
export async function fetchFromRepoUrl(
  ctx: FetchContext,
  repoUrl: string,
  chart: string,
  version: string,
  ref: string,
): Promise<FetchedArchive> {
  const entry = (await ctx.repos()).find((r) => sameRepoUrl(r.url, repoUrl));
  const access = entry && !ctx.flagAccess.username ? accessFor(ctx, entry) : ctx.flagAccess;
  const index = await fetchRepoIndex(repoUrl, access);
  const cv = findChartVersion(index, chart, version, { repoUrl });
  const url = chartUrlOf(repoUrl, cv);
  const got = await downloadArchive(url, cv.digest, repoUrl, access, ctx.cache);
  return {
    bytes: got.bytes,
    source: {
      kind: "repo-url",
      ref,
      repository: repoUrl,
      version: cv.version,
      url,
      digest: got.digest,
      fromCache: got.fromCache,
    },
  };
}

export async function findRepoByName(ctx: FetchContext, name: string): Promise<RepoEntry> {
  const entry = (await ctx.repos()).find((r) => r.name === name);
  if (!entry) {
    throw new HelmTrivyError(
      `repo ${name} not found: add it with 'helm repo add ${name} URL', or name the repository with --repo URL`,
      ExitCode.RepoUnknown,
    );
  }
  return entry;
}

/** `name/chart`: repositories.yaml + the index cached by `helm repo add/update`. */
export async function fetchFromRepoName(
  ctx: FetchContext,
  repoName: string,
  chart: string,
  version: string,
  ref: string,
): Promise<FetchedArchive> {
  const entry = await findRepoByName(ctx, repoName);
  const file = cachedIndexPath(ctx.paths, repoName);
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(file));
  } catch {
    throw new HelmTrivyError(
      `no cached repo found. (try 'helm repo update'): open ${file}: no such file or directory`,
      ExitCode.RepoUnknown,
    );
  }
  const index = parseIndexOrThrow(data, "no cached repo found. (try 'helm repo update'): ");
  const cv = findChartVersion(index, chart, version, { repoName });
  const url = chartUrlOf(entry.url, cv);
  const got = await downloadArchive(url, cv.digest, entry.url, accessFor(ctx, entry), ctx.cache);
  return {
    bytes: got.bytes,
    source: {
      kind: "repo",
      ref,
      repository: repoName,
      version: cv.version,
      url,
      digest: got.digest,
      fromCache: got.fromCache,
    },
  };
}

/** An absolute chart URL; the credentials of a repository whose URL prefixes it apply. */
export async function fetchFromUrl(ctx: FetchContext, url: string, ref: string): Promise<FetchedArchive> {
  const entry = (await ctx.repos()).find((r) => url.startsWith(r.url.replace(/\/*$/, "/")));
  const base = entry?.url ?? url;
  const got = await downloadArchive(url, undefined, base, accessFor(ctx, entry), undefined);
  return { bytes: got.bytes, source: { kind: "url", ref, url, digest: got.digest, fromCache: false } };
}

export function registryClient(
  ctx: FetchContext,
  credentials: Awaited<ReturnType<FetchContext["registryCredentials"]>>,
) {
  const tls = flagTls(ctx.opts);
  const o = ctx.opts;
  return new RegistryClient({
    ...(o.plainHttp && { plainHttp: true }),
    ...(tls && { tls }),
    ...(o.username !== undefined && { username: o.username }),
    ...(o.password !== undefined && { password: o.password }),
    credentials,
    ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
    ...(o.retry && { retry: o.retry }),
    cache: ctx.cache,
  });
}

export async function fetchFromOci(ctx: FetchContext, ociRef: string, version: string): Promise<FetchedArchive> {
  const ref = parseOciRef(ociRef);
  const client = registryClient(ctx, await ctx.registryCredentials());
  const pulled = await client.pullChart(ref, version);
  return {
    bytes: pulled.bytes,
    source: {
      kind: "oci",
      ref: ociRef,
      repository: `${ref.registry}/${ref.repository}`,
      ...(pulled.version !== undefined && { version: pulled.version }),
      url: formatOciRef({ registry: ref.registry, repository: ref.repository, digest: pulled.manifestDigest }),
      digest: pulled.layerDigest.replace(/^sha256:/, ""),
      fromCache: pulled.fromCache,
    },
  };
}

/**
 * Where Helm 4 keeps a downloaded archive before loading it (its content cache,
 * `<HELM_CONTENT_CACHE>/<2 hex>/<sha256>.chart`): Helm's load errors name that file.
 */
export function contentCachePath(contentCache: string, bytes: Uint8Array): string {
  const hex = sha256Hex(bytes);
  return path.join(contentCache, hex.slice(0, 2), `${hex}.chart`);
}

/**
 * Loads downloaded bytes as Helm loads the file it saved: its texts for bytes that are not
 * gzip and for an archive that does not read, as a source error (exit 13) with what to do.
 * `contentCache` is Helm's HELM_CONTENT_CACHE (for the file name in Helm's text).
 */
export function loadFetchedArchive(fetched: FetchedArchive, contentCache?: string): Chart {
  const b = fetched.bytes;
  const where = fetched.source.url ?? fetched.source.ref;
  const file = contentCache ? contentCachePath(contentCache, b) : where;
  try {
    ensureArchive(b, file);
  } catch (e) {
    throw new HelmTrivyError(
      `${(e as Error).message}: ${where} did not give a chart archive; check the URL or the repository's index`,
      ExitCode.BadArchive,
    );
  }
  let files: ChartFile[];
  try {
    files = loadArchiveFiles(b);
  } catch (e) {
    throw new HelmTrivyError(
      `unable to load chart archive: the archive from ${where} does not read (${(e as Error).message}): download it again; if that fails too, the repository holds a broken archive`,
      ExitCode.BadArchive,
    );
  }
  // As `helm template FILE` goes on (the chart package's checks and texts, exit 3).
  const cy = files.find((f) => f.name === "Chart.yaml");
  if (!cy) throw new ChartLoadError("unable to detect chart version, no Chart.yaml found");
  checkChartApiVersion(cy.data);
  return loadFiles(files, { unpackArchive: (x) => loadArchiveFiles(x) });
}
