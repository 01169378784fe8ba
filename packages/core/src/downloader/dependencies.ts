/**
 * `helm dependency build` without touching the chart directory: every dependency listed in
 * Chart.yaml (or requirements.yaml) that charts/ lacks is fetched at the version Chart.lock
 * pins (else the newest matching its constraint), loaded, and attached to the chart model.
 * Repositories: `https://` (an added repository with that URL is used with its credentials,
 * else the URL's index), `oci://`, `file://` (relative to the chart directory), and
 * `@name` / `alias:name` for repositories.yaml names.
 */
import path from "node:path";
import { loadChart } from "../chart/load.js";
import type { Chart, Dependency } from "../chart/model.js";
import { ExitCode, HelmTrivyError } from "../errors.js";
import { sameRepoUrl } from "../repo/repo-file.js";
import {
  type FetchedArchive,
  fetchFromOci,
  fetchFromRepoName,
  fetchFromRepoUrl,
  loadFetchedArchive,
} from "./fetch-archive.js";
import { checkLockInSync } from "./lock-sync.js";
import type { FetchContext } from "./source.js";

/** Bounds recursion through file:// dependencies (Helm has none; a cycle would never end). */
const maxDependencyDepth = 16;

/** Dependencies Helm's CheckDependencies would report missing (matched by chart name). */
export function missingDependencies(chart: Chart): Dependency[] {
  const have = new Set(chart.dependencies.map((c) => c.metadata.name));
  return (chart.metadata.dependencies ?? []).filter((d) => !have.has(d.name));
}

/** Chart.lock's pinned version for a dependency, when the lock lists it with the same repository. */
function lockedVersion(chart: Chart, dep: Dependency): string | undefined {
  const l = chart.lock?.dependencies.find(
    (x) => x.name === dep.name && (x.repository ?? "") === (dep.repository ?? ""),
  );
  return l?.version;
}

async function fetchDependency(ctx: FetchContext, dep: Dependency, version: string): Promise<FetchedArchive> {
  const repo = (dep.repository ?? "").trim();
  const ref = `${repo}/${dep.name}`;
  if (repo.startsWith("oci://")) {
    return fetchFromOci(ctx, `${repo.replace(/\/+$/, "")}/${dep.name}`, version);
  }
  if (repo.startsWith("@") || repo.startsWith("alias:")) {
    const name = repo.startsWith("@") ? repo.slice(1) : repo.slice("alias:".length);
    return fetchFromRepoName(ctx, name, dep.name, version, ref);
  }
  if (/^https?:\/\//.test(repo)) {
    const added = (await ctx.repos()).find((r) => sameRepoUrl(r.url, repo));
    if (added) return fetchFromRepoName(ctx, added.name, dep.name, version, ref);
    return fetchFromRepoUrl(ctx, repo, dep.name, version, ref);
  }
  throw new HelmTrivyError(
    `dependency "${dep.name}" has an unsupported repository "${repo}" (use https://, oci://, file://, or @repo-name)`,
    ExitCode.RepoUnknown,
  );
}

/**
 * Fetches and attaches what charts/ lacks, recursively for the fetched charts.
 * `chartDir` is the chart's directory (for file://); undefined for remote charts.
 */
export async function fetchMissingDependencies(
  chart: Chart,
  ctx: FetchContext,
  chartDir: string | undefined,
  depth = 0,
): Promise<Chart> {
  if (depth > maxDependencyDepth) {
    throw new HelmTrivyError(
      `dependencies nest deeper than ${maxDependencyDepth} levels at ${chart.metadata.name} (a file:// cycle?)`,
      ExitCode.Chart,
    );
  }
  const missing = missingDependencies(chart);
  // Helm's `dependency build` refuses a lock that no longer matches Chart.yaml.
  if (missing.length > 0) checkLockInSync(chart);
  for (const dep of missing) {
    const repo = (dep.repository ?? "").trim();
    let sub: Chart;
    let subDir: string | undefined;
    if (repo === "") {
      throw new HelmTrivyError(`found in Chart.yaml, but missing in charts/ directory: ${dep.name}`, ExitCode.Chart);
    } else if (repo.startsWith("file://")) {
      if (!chartDir) {
        throw new HelmTrivyError(
          `dependency "${dep.name}" uses ${repo}, which only works for a chart on disk; it is missing from the archive's charts/`,
          ExitCode.Chart,
        );
      }
      subDir = path.resolve(chartDir, repo.slice("file://".length));
      try {
        sub = await loadChart(subDir);
      } catch (e) {
        throw new HelmTrivyError(`dependency "${dep.name}" (${repo}): ${(e as Error).message}`, ExitCode.Chart);
      }
    } else {
      const version = lockedVersion(chart, dep) ?? dep.version ?? "";
      const fetched = await fetchDependency(ctx, dep, version);
      sub = loadFetchedArchive(fetched, ctx.paths.contentCache);
    }
    await fetchMissingDependencies(sub, ctx, subDir, depth + 1);
    sub.parent = chart;
    insertByFileName(chart.dependencies, sub);
  }
  return chart;
}

/** The name `helm dependency build` gives a subchart's file under charts/. */
export function subchartFileName(c: Chart): string {
  return `${c.metadata.name}-${c.metadata.version}.tgz`;
}

/**
 * Puts a fetched subchart where Helm's loader would have found it had `dependency build`
 * written it to charts/: the loader takes charts/ in file-name order. Charts already loaded
 * are taken to sit under the names `dependency build` gives (the model keeps no file name).
 */
export function insertByFileName(list: Chart[], sub: Chart): void {
  const key = subchartFileName(sub);
  const at = list.findIndex((c) => subchartFileName(c) > key);
  if (at < 0) list.push(sub);
  else list.splice(at, 0, sub);
}
