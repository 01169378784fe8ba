/**
 * Getting a chart archive's bytes from each remote source kind (Helm's ChartDownloader
 * ResolveChartVersion + DownloadTo), shared by locateChart and dependency fetching.
 */
import { readFile } from "node:fs/promises";
import { ChartLoadError } from "../chart/errors.js";
import { loadArchive } from "../chart/load-archive.js";
import type { Chart } from "../chart/model.js";
import { ExitCode, HelmTrivyError } from "../errors.js";
import { RegistryClient } from "../registry/client.js";
import { formatOciRef, parseOciRef } from "../registry/reference.js";
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
      `repo ${name} not found (add it with 'helm repo add ${name} URL', or name the repository with --repo URL)`,
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

/** Loads downloaded bytes; a broken archive is a source error (exit 13), not a chart error. */
export function loadFetchedArchive(fetched: FetchedArchive): Chart {
  const b = fetched.bytes;
  const where = fetched.source.url ?? fetched.source.ref;
  if (b.length < 3 || b[0] !== 0x1f || b[1] !== 0x8b) {
    throw new HelmTrivyError(
      `${where} is not a chart archive (not gzip data): check the URL or the repository's index`,
      ExitCode.BadArchive,
    );
  }
  try {
    return loadArchive(b, where);
  } catch (e) {
    if (e instanceof ChartLoadError && /EOF|gzip|tar|invalid|checksum|corrupt|no files/i.test(e.message)) {
      throw new HelmTrivyError(
        `chart archive from ${where} is truncated or corrupt: ${e.message} (download it again; if it persists, the repository holds a broken archive)`,
        ExitCode.BadArchive,
      );
    }
    throw e;
  }
}
