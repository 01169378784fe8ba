/**
 * Where Helm 4 keeps its configuration, caches and data (Helm's pkg/helmpath and cli.EnvSettings).
 * Resolution order per base: HELM_*_HOME (used as is), then XDG_*_HOME + "/helm", then the
 * platform default + "/helm". The file locations each have their own override variable.
 * Pure: the environment, platform and home directory are passed in.
 */
import path from "node:path";

export type Env = Readonly<Record<string, string | undefined>>;

export interface HelmPaths {
  readonly configHome: string;
  readonly cacheHome: string;
  readonly dataHome: string;
  /** HELM_REPOSITORY_CONFIG: repositories.yaml written by `helm repo add`. */
  readonly repositoryConfig: string;
  /** HELM_REPOSITORY_CACHE: holds `<name>-index.yaml` per added repository. */
  readonly repositoryCache: string;
  /** HELM_REGISTRY_CONFIG: OCI registry credentials written by `helm registry login`. */
  readonly registryConfig: string;
  /** HELM_CONTENT_CACHE (Helm 4). */
  readonly contentCache: string;
}

export interface PlatformInfo {
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

/** Platform default bases, before "helm" is appended (Helm's lazypath_{unix,darwin,windows}.go). */
function defaultBases(p: PlatformInfo, env: Env): { config: string; cache: string; data: string } {
  const j = p.platform === "win32" ? path.win32.join : path.posix.join;
  if (p.platform === "darwin") {
    return {
      config: j(p.home, "Library", "Preferences"),
      cache: j(p.home, "Library", "Caches"),
      data: j(p.home, "Library"),
    };
  }
  if (p.platform === "win32") {
    const appData = env.APPDATA ?? "";
    return { config: appData, cache: env.TEMP ?? "", data: appData };
  }
  return { config: j(p.home, ".config"), cache: j(p.home, ".cache"), data: j(p.home, ".local", "share") };
}

/** Helm's `lazypath.path`: the HELM_ variable wins and is used without the "helm" suffix. */
function lazyPath(env: Env, helmVar: string, xdgVar: string, fallback: string, join: typeof path.join): string {
  const helmBase = env[helmVar];
  if (helmBase) return join(helmBase);
  const xdgBase = env[xdgVar] || fallback;
  return join(xdgBase, "helm");
}

export function resolveHelmPaths(env: Env, p: PlatformInfo): HelmPaths {
  const join = p.platform === "win32" ? path.win32.join : path.posix.join;
  const bases = defaultBases(p, env);
  const configHome = lazyPath(env, "HELM_CONFIG_HOME", "XDG_CONFIG_HOME", bases.config, join);
  const cacheHome = lazyPath(env, "HELM_CACHE_HOME", "XDG_CACHE_HOME", bases.cache, join);
  const dataHome = lazyPath(env, "HELM_DATA_HOME", "XDG_DATA_HOME", bases.data, join);
  return {
    configHome,
    cacheHome,
    dataHome,
    repositoryConfig: env.HELM_REPOSITORY_CONFIG || join(configHome, "repositories.yaml"),
    repositoryCache: env.HELM_REPOSITORY_CACHE || join(cacheHome, "repository"),
    registryConfig: env.HELM_REGISTRY_CONFIG || join(configHome, "registry", "config.json"),
    contentCache: env.HELM_CONTENT_CACHE || join(cacheHome, "content"),
  };
}

/** The index cache file `helm repo add/update` writes for a repository name. */
export function cachedIndexPath(paths: HelmPaths, repoName: string): string {
  return path.join(paths.repositoryCache, `${repoName}-index.yaml`);
}

/** Docker's client config: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
export function dockerConfigPath(env: Env, p: PlatformInfo): string {
  const join = p.platform === "win32" ? path.win32.join : path.posix.join;
  return env.DOCKER_CONFIG ? join(env.DOCKER_CONFIG, "config.json") : join(p.home, ".docker", "config.json");
}

/** helm-trivy's own chart cache (archives keyed by digest): HELM_TRIVY_CACHE_DIR or <cache>/helm-trivy/charts. */
export function chartCacheDir(env: Env, p: PlatformInfo): string {
  if (env.HELM_TRIVY_CACHE_DIR) return env.HELM_TRIVY_CACHE_DIR;
  const join = p.platform === "win32" ? path.win32.join : path.posix.join;
  const base = env.XDG_CACHE_HOME || defaultBases(p, env).cache;
  return join(base, "helm-trivy", "charts");
}

/** The process's own environment, for the edges (CLI). */
export function currentPlatform(): PlatformInfo {
  return { platform: process.platform, home: process.env.HOME ?? process.env.USERPROFILE ?? "" };
}
