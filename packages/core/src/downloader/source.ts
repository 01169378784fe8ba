/**
 * What a chart fetch needs to know (flags, Helm's files, our cache) and what it reports
 * about where a chart came from. Built once at the edge (CLI) from flags and environment.
 */

import { type CredentialStore, loadCredentialStore } from "../registry/credentials.js";
import { ChartCache } from "../repo/chart-cache.js";
import type { RepoAccess } from "../repo/chart-repository.js";
import {
  chartCacheDir,
  currentPlatform,
  dockerConfigPath,
  type Env,
  type HelmPaths,
  type PlatformInfo,
  resolveHelmPaths,
} from "../repo/helm-paths.js";
import type { RetryPolicy, TlsOptions } from "../repo/http-getter.js";
import { loadRepositoriesFile, type RepoEntry } from "../repo/repo-file.js";

export interface LocateOptions {
  /** --version (exact or constraint). */
  readonly version?: string;
  /** --devel: pre-releases allowed when no --version. */
  readonly devel?: boolean;
  /** --repo URL. */
  readonly repoUrl?: string;
  readonly username?: string;
  readonly password?: string;
  readonly passCredentialsAll?: boolean;
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly insecureSkipTlsVerify?: boolean;
  /** --plain-http for OCI registries. */
  readonly plainHttp?: boolean;
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Fetch dependencies missing from charts/ (default true). */
  readonly fetchDependencies?: boolean;
  /** Defaults to process.env / the running platform. */
  readonly env?: Env;
  readonly platform?: PlatformInfo;
}

export type SourceKind = "directory" | "archive" | "repo" | "repo-url" | "url" | "oci";

export interface ChartSourceInfo {
  readonly kind: SourceKind;
  /** As the user wrote it. */
  readonly ref: string;
  /** Repository name (`repo`), repository URL (`repo-url`), or registry/repository (`oci`). */
  readonly repository?: string;
  readonly version?: string;
  /** Archive URL for repositories and URLs; the pinned `oci://...@sha256:` for OCI. */
  readonly url?: string;
  /** sha256 hex of the archive (or the OCI chart layer). */
  readonly digest?: string;
  /** Local path for directory/archive sources. */
  readonly path?: string;
  /** Nothing was downloaded: the archive came from our cache. */
  readonly fromCache?: boolean;
}

/** Everything resolved from options + environment: Helm's files, our cache. */
export interface FetchContext {
  readonly opts: LocateOptions;
  readonly paths: HelmPaths;
  readonly cache: ChartCache;
  readonly repos: () => Promise<RepoEntry[]>;
  readonly registryCredentials: () => Promise<CredentialStore>;
  /** Flag credentials/TLS as a RepoAccess (repository entries add theirs). */
  readonly flagAccess: RepoAccess;
}

function memo<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= f();
    return p;
  };
}

export function flagTls(o: LocateOptions): TlsOptions | undefined {
  if (!o.caFile && !o.certFile && !o.keyFile && !o.insecureSkipTlsVerify) return undefined;
  return {
    ...(o.caFile && { caFile: o.caFile }),
    ...(o.certFile && { certFile: o.certFile }),
    ...(o.keyFile && { keyFile: o.keyFile }),
    ...(o.insecureSkipTlsVerify && { insecureSkipTlsVerify: true }),
  };
}

export function createFetchContext(opts: LocateOptions): FetchContext {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? currentPlatform();
  const paths = resolveHelmPaths(env, platform);
  const tls = flagTls(opts);
  return {
    opts,
    paths,
    cache: new ChartCache(chartCacheDir(env, platform)),
    repos: memo(() => loadRepositoriesFile(paths.repositoryConfig)),
    registryCredentials: memo(() => loadCredentialStore([paths.registryConfig, dockerConfigPath(env, platform)])),
    flagAccess: {
      ...(opts.username !== undefined && { username: opts.username }),
      ...(opts.password !== undefined && { password: opts.password }),
      ...(opts.passCredentialsAll && { passCredentialsAll: true }),
      ...(tls && { tls }),
      ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }),
      ...(opts.retry && { retry: opts.retry }),
    },
  };
}

/** A repository entry's credentials and TLS, flags winning where given (Helm's getter options order). */
export function accessFor(ctx: FetchContext, entry: RepoEntry | undefined): RepoAccess {
  if (!entry) return ctx.flagAccess;
  const f = ctx.flagAccess;
  const tls: TlsOptions | undefined =
    f.tls ??
    (entry.caFile || entry.certFile || entry.keyFile || entry.insecureSkipTlsVerify
      ? {
          ...(entry.caFile && { caFile: entry.caFile }),
          ...(entry.certFile && { certFile: entry.certFile }),
          ...(entry.keyFile && { keyFile: entry.keyFile }),
          ...(entry.insecureSkipTlsVerify && { insecureSkipTlsVerify: true }),
        }
      : undefined);
  const username = f.username || entry.username;
  const password = f.password || entry.password;
  return {
    ...(username && { username }),
    ...(password && { password }),
    ...((f.passCredentialsAll || entry.passCredentialsAll) && { passCredentialsAll: true }),
    ...(tls && { tls }),
    ...(f.timeoutMs !== undefined && { timeoutMs: f.timeoutMs }),
    ...(f.retry && { retry: f.retry }),
  };
}
